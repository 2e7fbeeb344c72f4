// Test 7: nothing leaves the machine and the extension sends no request of its own.
//
// Observed: (1) every request Playwright reports for the context while the tests run, pages, extension pages
// and service workers alike (Playwright attaches to MV3 service workers and routes their fetches; a probe fetch
// from the worker proves it); (2) a HAR of the whole context recorded from launch on, which also covers what the
// worker fetched while starting, before any listener could be attached.
// Not observed: requests Chromium makes from the browser process itself (component updates, safe browsing,
// switched off by the launch flags, invisible to Playwright), WebSocket/WebTransport connections of the worker,
// and requests of a content script as such: they look like the page's own, so the test counts the API calls
// the simulated pages make instead (a forged or extra call would change the count).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, expectBadgesOnCaseRows } from './harness.mjs';
import { SERVED_HOSTS, isImageHost } from '../console-sim/index.mjs';

const PROBE = 'https://sw-probe.reviewdesk.invalid/probe';
let s;
before(async () => {
  s = await startSession({ recordHar: true });
  // A tour of every page the other tests use.
  const qn = await s.openConsolePage('qianniu', 1, { page: s.blank });
  await expectBadgesOnCaseRows(qn, s.sim.groundTruth('qianniu', 1)).catch(() => {});
  await s.clickPager(qn, 'qianniu', 2);
  await qn.goBack();
  await s.waitForRows(qn, 'qianniu', 1);
  await s.openConsolePage('qianniu-qn', 1);
  const legacy = await s.openConsolePage('legacy-entry', 1);
  await s.clickPager(legacy, 'legacy', 2);
  const tmall = await s.openConsolePage('tmall', 1);
  await s.clickPager(tmall, 'tmall', 2);
  await s.openConsolePage('sold', 1);
  const panel = await s.openSidePanelTab();
  await panel.waitForTimeout(3000);
});
after(async () => {
  await s?.close();
});

test('no request to a host or path the simulator does not serve', () => {
  assert.deepEqual(s.sim.unexpectedRequests(), []);
});

test('the console APIs were called only by the pages themselves', () => {
  const requests = s.sim.requests();
  const mtop = requests.filter((r) => r.url.includes('/h5/mtop.rm.sellercenter.list.data.pc/') && r.method === 'POST');
  // myseller: first load (XHR), page 2 (fetch), back to page 1 (fetch); qn.taobao.com: first load.
  assert.equal(mtop.length, 4, `mtop calls: ${mtop.map((r) => r.frameUrl).join(', ')}`);
  const tmall = requests.filter((r) => r.url.includes('/evaluation/GetEvaluations.do'));
  assert.equal(tmall.length, 2, 'GetEvaluations.do calls');
});

test("the extension's service worker and pages made no network request", () => {
  assert.ok(s.workers.length >= 1, 'a service worker was observed');
  const fromWorker = s.sim.serviceWorkerRequests().filter((r) => !r.url.startsWith('chrome-extension://'));
  assert.deepEqual(fromWorker, [], 'service worker requests');
  const fromExtensionPages = s.sim.requests().filter((r) => r.source === 'extension-page' && !/^(chrome-extension|data|blob):/.test(r.url));
  assert.deepEqual(fromExtensionPages, [], 'extension page requests');
});

test('control: a request from the service worker is seen and blocked', async () => {
  const worker = s.workers.at(-1);
  await worker.evaluate((url) => fetch(url).catch(() => null), PROBE);
  const seen = s.sim.serviceWorkerRequests().filter((r) => r.url === PROBE);
  assert.equal(seen.length, 1, 'the probe request from the service worker was not recorded');
  assert.ok(s.sim.unexpectedRequests().some((r) => r.url === PROBE), 'the probe was not blocked');
});

test('the HAR of the whole session, from launch on, agrees', async () => {
  await s.close();
  const entries = s.harEntries();
  const external = (e) => /^https?:/.test(e.url) && e.url !== PROBE;
  assert.ok(entries.some((e) => e.url === PROBE && e.fromServiceWorker), 'the HAR records service worker requests');
  assert.deepEqual(entries.filter((e) => e.fromServiceWorker && external(e)).map((e) => e.url), [], 'service worker requests in the HAR');
  const foreign = entries.filter((e) => external(e) && !SERVED_HOSTS.includes(new URL(e.url).hostname) && !isImageHost(new URL(e.url).hostname));
  assert.deepEqual(foreign.map((e) => e.url), [], 'requests to hosts the simulator does not serve');
});

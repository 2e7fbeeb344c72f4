// Scale benchmark: is the side panel still quick with a year of a busy shop in the store?
// For each store size (a fresh browser profile each), it fills the BUILT extension's store through the real ingest
// path (the `ingest` message, sent in batches from an extension page, as the console content script sends them) with
// a generated year of Qianniu reviews (scripts/bench-scale-data.mjs: real texts, ~30 % neutral/negative, a third of
// those revised to positive later, so 100,000 reviews give ~20,000 open cases), then measures with the store full:
//   - ingest: reviews (observations) stored per second, overall and for the last 10 % of the stream;
//   - side panel ready: a new tab opening sidepanel.html → first queue entry visible (ms since navigation start);
//   - queue query: one round trip from the panel page (`queryQueue`, a window of 50), and the reply's JSON size;
//   - open a case: click on the first entry → case view visible;
//   - one-click outcome: click 已发消息 → one more attempt in the history; then Esc → the case's row shows the new
//     status, or (the queue moved it off the virtualized screen) the list settled; either way the case is then
//     searched by its review id and must be listed with its new status;
//   - the same open and outcome on another case of the same panel (the first open also runs the case view's code for
//     the first time);
//   - search as you type (order id, a Chinese text fragment, a nick), per real keystroke: until no query of the
//     panel's is on its way and its DOM (the list) has had no change for 50 ms (those 50 ms not counted); the
//     searched case must be in the final list;
//   - JS heap of the panel page (after a forced GC) when ready and after the searches.
// Times of interactions run on the page's own clock, from the input event's timestamp to the state on screen.
// Every wait has a timeout; a step that times out or fails is reported as `timeout` / `error: …`, and the run goes on.
//
// Usage: npm run build && npm run bench:scale -- [--sizes 1000,10000,100000] [--repeat 5] [--batch 500]
//          [--timeout 120] [--json FILE] [--fill-minutes N] [--ext DIR]
//   N: stop filling after N minutes and measure what is stored; DIR: the built extension (chrome-mv3 folder) to load,
//   else REVIEWDESK_EXTENSION_DIR, else .output/chrome-mv3. Progress goes to stderr, tables to stdout.
// On Linux the browser's CPU time (all its processes, from /proc) per 1,000 reviews stored is reported beside the
// rate: on a machine others are using, the rate follows the load, the CPU time much less.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { launchWithExtension, REPO_ROOT } from '../tests/console-sim/launch.mjs';
import { generateYear } from './bench-scale-data.mjs';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  const lines = readFileSync(new URL(import.meta.url), 'utf8').split('\n');
  console.log(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.slice(3)).join('\n'));
  process.exit(0);
}
const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const SIZES = arg('sizes', '1000,10000,100000').split(',').map(Number).filter((n) => n > 0);
const REPEAT = Number(arg('repeat', 5));
// The console's content script sends up to 1,000 possible cases per message, then praise 500 at a time
// (lib/capture/ingest-queue.ts); a year's stream mixes both, so 500; the protocol caps 2000.
const BATCH = Math.min(2000, Number(arg('batch', 500)));
const TIMEOUT = Number(arg('timeout', 120)) * 1000;
const JSON_FILE = arg('json', null);
const FILL_MINUTES = Number(arg('fill-minutes', Infinity)); // stop filling after this long and measure what is stored
const PAGE_URL = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';
const QUEUE_QUERY = { type: 'queryQueue', filter: { status: 'open', sentiment: 'all', cause: 'all', itemId: 'all', assignee: 'all', text: '' }, offset: 0, limit: 50 };
const QUIET_MS = 50;
const EXTENSION_DIR = arg('ext', undefined); // undefined: launchWithExtension's default (REVIEWDESK_EXTENSION_DIR)
const CHUNK = 4; // batches handed to the sending page at once (the page sends them one by one, as a console tab does)

const log = (...parts) => console.error(`[bench:scale ${new Date().toISOString().slice(11, 19)}]`, ...parts);
class Timeout extends Error {}
function withTimeout(promise, ms = TIMEOUT) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Timeout('timeout')), ms); })])
    .finally(() => clearTimeout(timer));
}
/** Runs one measurement; a failure becomes the cell's text instead of ending the run. */
async function cell(fn) {
  try {
    return await withTimeout(fn());
  } catch (error) {
    if (error instanceof Timeout || error?.name === 'TimeoutError') return 'timeout';
    return `error: ${String(error?.message ?? error).split('\n')[0].slice(0, 120)}`;
  }
}
/** Waits (polling every 10 ms inside the page) until `fn(arg)` is truthy; returns its value. */
async function until(page, fn, arg) {
  const handle = await page.waitForFunction(fn, arg, { polling: 10, timeout: TIMEOUT });
  return handle.jsonValue();
}
/** A failed in-page wait result ('error: …') is thrown so that the cell shows it. */
const numberOrThrow = (v) => {
  if (typeof v === 'string') throw new Error(v.replace(/^error: /, ''));
  return v;
};

// ---- filling the store ----------------------------------------------------------------------------------------------
/** CPU seconds used so far by the browser started on `userDataDir` and all its processes (Linux /proc; else null). */
function browserCpu(userDataDir) {
  try {
    const procs = [];
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        procs.push({ pid: Number(d), ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / 100, dir: () => readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(userDataDir) });
      } catch { /* the process ended meanwhile */ }
    }
    const children = new Map();
    for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
    const byPid = new Map(procs.map((p) => [p.pid, p]));
    const roots = procs.filter((p) => { try { return p.dir() && !byPid.get(p.ppid)?.dir(); } catch { return false; } });
    if (!roots.length) return null;
    let sum = 0;
    const stack = [...roots];
    while (stack.length) {
      const p = stack.pop();
      sum += p.cpu;
      stack.push(...(children.get(p.pid) ?? []));
    }
    return sum;
  } catch {
    return null;
  }
}

async function fill(page, stream, userDataDir) {
  const batches = [];
  for (let i = 0; i < stream.length; i += BATCH) batches.push(stream.slice(i, i + BATCH));
  const times = [];
  const errors = [];
  let sent = 0;
  let nextReport = 0.05;
  const started = performance.now();
  const cpuStart = browserCpu(userDataDir);
  const marks = []; // CPU seconds at the start of each chunk, with the observations sent before it
  let stop = false;
  for (let c = 0; c < batches.length && !stop; c += CHUNK) {
    marks.push({ sent, cpu: browserCpu(userDataDir) });
    // The page sends each batch with the real ingest message and waits for its answer, timing it on its own clock;
    // handing it CHUNK batches at once keeps the benchmark's own traffic (DevTools protocol) out of the browser's time.
    const chunk = batches.slice(c, c + CHUNK);
    const outcomes = await cell(() => page.evaluate(async ({ pageUrl, chunk }) => {
      const out = [];
      for (const reviews of chunk) {
        const t0 = performance.now();
        let outcome;
        try {
          const reply = await chrome.runtime.sendMessage({ type: 'ingest', pageUrl, reviews });
          outcome = reply?.ok ? 'ok' : `error: ${reply?.error ?? 'no answer'}`;
        } catch (error) {
          outcome = `error: ${String(error?.message ?? error)}`;
        }
        out.push({ n: reviews.length, ms: performance.now() - t0, outcome });
      }
      return out;
    }, { pageUrl: PAGE_URL, chunk }));
    const results = Array.isArray(outcomes) ? outcomes : chunk.map((reviews) => ({ n: reviews.length, ms: TIMEOUT, outcome: outcomes }));
    for (const r of results) {
      times.push({ n: r.n, ms: r.ms });
      if (r.outcome !== 'ok') errors.push(r.outcome);
      sent += r.n;
    }
    if (errors.length >= 5 && errors.length === times.length) break; // nothing gets stored: stop filling
    if (performance.now() - started > FILL_MINUTES * 60_000) {
      log(`  --fill-minutes ${FILL_MINUTES} reached: measuring with ${sent} of ${stream.length} observations stored`);
      stop = true;
    }
    if (sent / stream.length >= nextReport) {
      const secs = (performance.now() - started) / 1000;
      log(`  ingest ${sent}/${stream.length} (${Math.round((100 * sent) / stream.length)} %), ${Math.round(sent / secs)}/s overall, last batch ${Math.round(times.at(-1).ms)} ms${errors.length ? `, ${errors.length} failed` : ''}, load ${loadavg()[0].toFixed(1)}`);
      while (sent / stream.length >= nextReport) nextReport += 0.05;
    }
  }
  const cpuEnd = browserCpu(userDataDir);
  const rate = (part) => Math.round(part.reduce((s, t) => s + t.n, 0) / (part.reduce((s, t) => s + t.ms, 0) / 1000));
  const tailFrom = Math.floor(times.length * 0.9);
  const tail = times.slice(tailFrom);
  const perThousand = (cpu, n) => (cpu === null || !n ? null : Math.round((cpu * 1e6) / n)); // ms per 1,000 observations
  // The CPU time of the last tenth is read from the last chunk start at or before 90 % (chunks are 1,000 reviews).
  const tailMark = marks.filter((m) => m.sent <= sent * 0.9).at(-1) ?? marks[0];
  return { seconds: Math.round((performance.now() - started) / 100) / 10, observations: sent, perSecond: rate(times),
    lastTenthPerSecond: rate(tail), failedBatches: errors.length, firstError: errors[0] ?? null, complete: sent === stream.length,
    cpuMsPerThousand: cpuStart === null || cpuEnd === null ? null : perThousand(cpuEnd - cpuStart, sent),
    lastTenthCpuMsPerThousand: tailMark?.cpu == null || cpuEnd === null ? null : perThousand(cpuEnd - tailMark.cpu, sent - tailMark.sent) };
}

// ---- one pass over the panel ------------------------------------------------------------------------------------------
/** Records, in the page, when the user's input arrived and when the list last changed (both on the page clock). */
function instrument() {
  window.__bench = { input: null, after: null, mutated: null, replied: null, inFlight: 0, asked: 0 };
  // The panel's questions to the background: a list is not settled while its query is still on its way.
  const send = chrome.runtime.sendMessage.bind(chrome.runtime);
  chrome.runtime.sendMessage = (...args) => {
    window.__bench.inFlight++;
    window.__bench.asked++;
    return send(...args).finally(() => {
      window.__bench.inFlight--;
      window.__bench.replied = performance.now();
    });
  };
  const onInput = (e) => {
    window.__bench.input ??= e.timeStamp;
    setTimeout(() => { window.__bench.after = performance.now(); }, 0); // the input's own task (the React render) is done
  };
  for (const type of ['keydown', 'input', 'click']) window.addEventListener(type, onInput, true);
  new MutationObserver(() => { window.__bench.mutated = performance.now(); })
    .observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
}
const arm = (page) => page.evaluate(() => { Object.assign(window.__bench, { input: null, after: null, mutated: null, replied: null }); });
const sinceInput = (page, fn, arg) => until(page, fn, arg).then(async (at) => numberOrThrow(at) - (await page.evaluate(() => window.__bench.input)));
/**
 * After an input: no query of the panel's is on its way and the list has not changed for QUIET_MS; returns ms from
 * the input to the list's last change (or to the last answer, when the answer left the list as it was).
 */
const settled = (page) => until(page, (quiet) => {
  const b = window.__bench;
  if (b.input === null || b.after === null || b.inFlight > 0) return null;
  const last = Math.max(b.after, b.mutated ?? 0, b.replied ?? 0);
  return performance.now() - last >= quiet ? last - b.input : null;
}, QUIET_MS);

async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Math.round(metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1e5) / 10; // MB
}

async function typeAndTime(page, query, caseId) {
  if (await page.inputValue('input[type="search"]')) {
    await arm(page);
    await page.fill('input[type="search"]', ''); // the previous search cleared, and the list settled again (not timed)
    await settled(page);
  }
  await page.focus('input[type="search"]');
  const perKey = [];
  for (const ch of query) {
    await arm(page);
    await page.keyboard.type(ch); // key events for what the keyboard has, text input (as from an IME) for Chinese
    perKey.push(await cell(() => settled(page)));
    if (typeof perKey.at(-1) !== 'number') break; // a hung panel would time out on every further key
  }
  // The list is virtualized: a search matching hundreds of cases (a common phrase, a masked nick) shows the first
  // screen only. The case counts as found when its row is drawn, or when the panel's own query (the typed text on the
  // default open queue) lists it further down, read a window at a time as the list would when scrolled.
  const found = await page.evaluate(async ({ id, text }) => {
    if (document.querySelector(`li[data-case-id="${id}"]`)) return 'screen';
    const filter = { status: 'open', sentiment: 'all', cause: 'all', itemId: 'all', assignee: 'all', text };
    for (let offset = 0; offset < 20_000; offset += 100) {
      const reply = await chrome.runtime.sendMessage({ type: 'queryQueue', filter, offset, limit: 100 });
      if (!reply?.ok) return 'no';
      if (reply.data.items.some((v) => v.case.id === id)) return 'list';
      if (offset + 100 >= reply.data.total) return 'no';
    }
    return 'no';
  }, { id: caseId, text: query });
  return { perKey, found: found !== 'no', onScreen: found === 'screen' };
}

async function panelPass(launch, target) {
  const r = {};
  const page = await launch.context.newPage();
  const cdp = await launch.context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await page.goto(`chrome-extension://${launch.extensionId}/sidepanel.html`, { waitUntil: 'commit' });
    r.ready = await cell(async () => numberOrThrow(await until(page, () => {
      const first = document.querySelector('li[data-review-id]');
      if (first && first.getBoundingClientRect().height > 0) return performance.now();
      const error = document.querySelector('.panel .error');
      return error ? `error: ${error.textContent}` : null;
    })));
    await page.evaluate(instrument);
    r.heapReady = await cell(() => heap(cdp));
    r.query = await cell(() => page.evaluate(async ({ query }) => {
      const ask = async (msg) => {
        const t0 = performance.now();
        const reply = await chrome.runtime.sendMessage(msg);
        return { ms: performance.now() - t0, reply };
      };
      const { ms, reply } = await ask(query);
      if (!reply?.ok) return `error: ${query.type}: ${reply?.error ?? 'no answer'}`;
      return { ms, api: query.type, bytes: new TextEncoder().encode(JSON.stringify(reply)).length };
    }, { query: QUEUE_QUERY }));
    if (typeof r.ready !== 'number') return r; // no queue on screen: nothing to click
    await runCaseSteps(page, r);
    const fragment = target.text.match(/[\u4e00-\u9fff]{4}/)?.[0] ?? target.text.slice(0, 4);
    for (const [name, query] of [['searchOrder', target.orderId], ['searchText', fragment], ['searchNick', target.nick]]) {
      const result = await cell(() => typeAndTime(page, query, target.caseId));
      r[name] = typeof result === 'string' ? [result] : result.perKey;
      r[`${name}Found`] = typeof result === 'string' ? result : result.found;
      r[`${name}OnScreen`] = typeof result === 'string' ? result : result.onScreen;
    }
    r.heapSearch = await cell(() => heap(cdp));
    // The panel's messages seen by the in-flight count (0 would mean the waits above could not see its queries).
    r.messagesSeen = await page.evaluate(() => window.__bench.asked);
    return r;
  } finally {
    await page.close().catch(() => {});
  }
}

/** In-page checks of the case view: drawn; its history's contact attempts; more of them than `n`. */
const caseViewShown = () => {
  const a = document.querySelector('article.case-detail');
  return a && a.getBoundingClientRect().height > 0 ? performance.now() : null;
};
const attemptsShown = () => document.querySelectorAll('[data-testid="history"] li[data-event="attempt"]').length;
const moreAttemptsThan = (n) => (document.querySelectorAll('[data-testid="history"] li[data-event="attempt"]').length > n ? performance.now() : null);

/** Open the first case, log 已发消息 with one click, go back with Esc. */
async function runCaseSteps(page, r) {
  const first = await page.evaluate(() => {
    const li = document.querySelector('li[data-review-id]');
    return { caseId: li.dataset.caseId, reviewId: li.dataset.reviewId };
  });
  await arm(page);
  r.open = await cell(async () => {
    await page.locator('li[data-review-id] button').first().click();
    return sinceInput(page, caseViewShown);
  });
  if (typeof r.open !== 'number') return; // no case view: the outcome buttons are not there
  const attempts = await page.evaluate(attemptsShown);
  await arm(page);
  r.outcome = await cell(async () => {
    await page.locator('[data-outcome="message_sent"]').click();
    return sinceInput(page, moreAttemptsThan, attempts);
  });
  // What the row should say now: the case view's status chip once the outcome is in.
  const expected = await page.evaluate(() => document.querySelector('article.case-detail [data-testid="case-status"]')?.textContent ?? null);
  await arm(page);
  r.outcomeInList = await cell(async () => {
    await page.keyboard.press('Escape');
    // Shown when the case's row carries the new status. The list is virtualized and the queue may have moved the
    // case off the screen: then the moment the list settled (its query answered and drawn) counts, and the case is
    // looked up by search below to check that the list really has it with its new status.
    const at = await until(page, ({ caseId, expected, quiet }) => {
      const b = window.__bench;
      const chip = document.querySelector(`li[data-case-id="${caseId}"] .chip.status`);
      if (chip && chip.textContent === expected) return { at: performance.now(), onScreen: true };
      if (!document.querySelector('li[data-review-id]') || document.querySelector('article.case-detail')) return null;
      if (b.after === null || b.inFlight > 0) return null;
      const last = Math.max(b.after, b.mutated ?? 0, b.replied ?? 0);
      return !chip && performance.now() - last >= quiet ? { at: last, onScreen: false } : null;
    }, { caseId: first.caseId, expected, quiet: QUIET_MS });
    r.outcomeRowOnScreen = at.onScreen;
    return at.at - (await page.evaluate(() => window.__bench.input));
  });
  r.outcomeFound = await cell(() => findInList(page, first.caseId, first.reviewId, expected));
  // Again on another case of the same panel: the first open also ran the case view's code for the first time.
  const other = await page.evaluate((id) => [...document.querySelectorAll('li[data-review-id]')].findIndex((li) => li.dataset.caseId !== id), first.caseId);
  if (other < 0) return;
  await arm(page);
  r.openAgain = await cell(async () => {
    await page.locator('li[data-review-id] button').nth(other).click();
    return sinceInput(page, caseViewShown);
  });
  if (typeof r.openAgain !== 'number') return;
  const before = await page.evaluate(attemptsShown);
  await arm(page);
  r.outcomeAgain = await cell(async () => {
    await page.locator('[data-outcome="message_sent"]').click();
    return sinceInput(page, moreAttemptsThan, before);
  });
  await page.keyboard.press('Escape');
  await until(page, () => (document.querySelector('li[data-review-id]') && !document.querySelector('article.case-detail') ? true : null));
}

/** Searches the list for a case by its review id: true when its row shows `status` (the search is then cleared). */
async function findInList(page, caseId, reviewId, status) {
  await page.fill('input[type="search"]', reviewId);
  const found = await until(page, ({ caseId, status }) => {
    const chip = document.querySelector(`li[data-case-id="${caseId}"] .chip.status`);
    return chip && chip.textContent === status ? 'yes' : null;
  }, { caseId, status }).catch(() => 'no');
  await arm(page);
  await page.fill('input[type="search"]', '');
  await settled(page);
  return found === 'yes';
}

// ---- one store size ---------------------------------------------------------------------------------------------------
/** What the observations sent so far amount to (all of the stream unless --fill-minutes stopped the fill). */
function storedCounts(observations) {
  const ids = new Set();
  let cases = 0;
  let revised = 0;
  for (const o of observations) {
    const id = `qianniu:${o.platformReviewId}`;
    if (ids.has(id)) revised++;
    else if (o.sentiment !== 'positive') cases++;
    ids.add(id);
  }
  return { ids, reviews: ids.size, cases, revised };
}
async function runSize(size) {
  const started = performance.now();
  const loadBefore = loadavg()[0];
  const data = generateYear({ size, root: REPO_ROOT });
  log(`${size} reviews: ${data.stream.length} observations, ${data.cases} cases, ${data.revised} revised later → ${data.cases - data.revised} open`);
  const launch = await launchWithExtension(EXTENSION_DIR ? { extensionDir: EXTENSION_DIR } : {});
  try {
    const feeder = await launch.context.newPage();
    await feeder.goto(`chrome-extension://${launch.extensionId}/sidepanel.html`);
    const ingest = await fill(feeder, data.stream, launch.userDataDir);
    log(`  filled in ${ingest.seconds} s: ${ingest.perSecond}/s overall, ${ingest.lastTenthPerSecond}/s for the last 10 %; browser CPU ${ingest.cpuMsPerThousand} ms per 1,000 (${ingest.lastTenthCpuMsPerThousand} for the last 10 %)`);
    await feeder.close(); // an open panel reloads on every change, which would compete with the measured one
    const stored = storedCounts(data.stream.slice(0, ingest.observations));
    const targets = data.targets.filter((t) => stored.ids.has(t.caseId));
    const passes = [];
    for (let i = 0; i < REPEAT; i++) {
      // Search targets spread over the stored part of the year.
      const pass = await panelPass(launch, targets[Math.floor(((i + 0.5) * targets.length) / REPEAT)]);
      log(`  pass ${i + 1}/${REPEAT}: ${JSON.stringify(pass, (k, v) => (typeof v === 'number' ? Math.round(v) : v)).slice(0, 400)}`);
      passes.push(pass);
    }
    return { size, observations: ingest.observations, cases: stored.cases, openCases: stored.cases - stored.revised, ingest, passes,
      reviews: stored.reviews, seconds: Math.round((performance.now() - started) / 1000), load: [loadBefore, loadavg()[0]].map((x) => Math.round(x * 10) / 10) };
  } finally {
    await launch.close();
  }
}

// ---- tables -----------------------------------------------------------------------------------------------------------
const ROWS = [
  ['ready', 'side panel ready (queue on screen), ms', '< 500', (p) => [p.ready]],
  ['query', 'queue query round trip, ms', '< 50', (p) => [typeof p.query === 'object' ? p.query.ms : p.query]],
  ['open', 'open a case, ms', '< 100', (p) => [p.open]],
  ['outcome', 'one-click outcome → in the history, ms', '< 100', (p) => [p.outcome]],
  ['outcomeInList', 'Esc → outcome visible in the list, ms', '< 100', (p) => [p.outcomeInList]],
  ['openAgain', 'open another case in the same panel, ms', '< 100', (p) => [p.openAgain]],
  ['outcomeAgain', '… its one-click outcome → in the history, ms', '< 100', (p) => [p.outcomeAgain]],
  ['searchOrder', 'search order id, ms per keystroke', '< 100', (p) => p.searchOrder ?? []],
  ['searchText', 'search Chinese text, ms per keystroke', '< 100', (p) => p.searchText ?? []],
  ['searchNick', 'search nick, ms per keystroke', '< 100', (p) => p.searchNick ?? []],
  ['heapReady', 'panel JS heap when ready, MB', '< 50', (p) => [p.heapReady]],
  ['heapSearch', 'panel JS heap after searching, MB', '< 50', (p) => [p.heapSearch]],
];
const fmt = (x) => (x >= 100 ? String(Math.round(x)) : String(Math.round(x * 10) / 10));
function summary(values) {
  const nums = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  const failures = values.filter((v) => typeof v !== 'number' && v !== undefined);
  const kinds = [...new Set(failures)].map((f) => `${failures.filter((x) => x === f).length}× ${f}`).join('; ');
  return { median: nums.length ? nums[Math.floor((nums.length - 1) / 2)] : null, max: nums.length ? nums.at(-1) : null, failures: kinds };
}
function sizeTable(res) {
  const partial = res.ingest.complete ? '' : ` — FILL STOPPED after ${res.ingest.observations.toLocaleString('en')} observations`;
  const lines = [`### ${res.size.toLocaleString('en')} reviews (${res.reviews.toLocaleString('en')} stored, ${res.cases} cases, ${res.openCases} open; ${res.observations} observations; ${res.seconds} s; load average ${res.load.join(' → ')} on ${cpus().length} cores)${partial}`, '',
    '| measure | median | max | failed | goal |', '|---|---|---|---|---|'];
  for (const [, label, goal, pick] of ROWS) {
    const s = summary(res.passes.flatMap(pick));
    lines.push(`| ${label} | ${s.median === null ? '–' : fmt(s.median)} | ${s.max === null ? '–' : fmt(s.max)} | ${s.failures || '–'} | ${goal} |`);
  }
  const q = res.passes.map((p) => p.query).find((x) => typeof x === 'object');
  lines.push(`| queue reply measured | ${q ? `\`${q.api}\`, ${q.bytes.toLocaleString('en')} bytes` : '–'} | | | one screen |`);
  const found = ['searchOrder', 'searchText', 'searchNick'].map((k) => `${k.slice(6)} ${res.passes.filter((p) => p[`${k}Found`] === true).length}/${res.passes.length}`
    + ` (${res.passes.filter((p) => p[`${k}OnScreen`] === true).length} on the first screen)`);
  lines.push(`| searched case in the final list | ${found.join(', ')} | | | all |`);
  const outcomeFound = res.passes.filter((p) => p.outcomeFound === true).length;
  const onScreen = res.passes.filter((p) => p.outcomeRowOnScreen === true).length;
  lines.push(`| after the outcome, the case found by search with its new status | ${outcomeFound}/${res.passes.length} (row still on screen after Esc: ${onScreen}) | | | all |`);
  const ing = res.ingest;
  lines.push(`| ingest, reviews stored per second (overall / last 10 %) | ${ing.perSecond} / ${ing.lastTenthPerSecond} | | ${ing.failedBatches ? `${ing.failedBatches} batches: ${ing.firstError}` : '–'} | ≥ 2,000 at 100k |`);
  lines.push(`| ingest, browser CPU ms per 1,000 reviews (overall / last 10 %) | ${ing.cpuMsPerThousand ?? '–'} / ${ing.lastTenthCpuMsPerThousand ?? '–'} | | | |`);
  return lines.join('\n');
}
function growthTable(results) {
  const sizeOf = (r) => r.size.toLocaleString('en') + (r.ingest.complete ? '' : ` (fill stopped at ${r.reviews.toLocaleString('en')})`);
  const head = `| median | ${results.map(sizeOf).join(' | ')} | last ÷ first |`;
  const lines = [head, `|---|${results.map(() => '---|').join('')}---|`];
  for (const [, label, , pick] of ROWS) {
    const medians = results.map((r) => summary(r.passes.flatMap(pick)).median);
    const ratio = medians[0] && medians.at(-1) ? `${fmt(medians.at(-1) / medians[0])}×` : '–';
    lines.push(`| ${label} | ${medians.map((m) => (m === null ? 'failed' : fmt(m))).join(' | ')} | ${ratio} |`);
  }
  lines.push(`| ingest per second, last 10 % | ${results.map((r) => r.ingest.lastTenthPerSecond).join(' | ')} | |`);
  lines.push(`| ingest, browser CPU ms per 1,000, last 10 % | ${results.map((r) => r.ingest.lastTenthCpuMsPerThousand ?? '–').join(' | ')} | |`);
  lines.push(`| load average (1 min) before → after | ${results.map((r) => r.load.join(' → ')).join(' | ')} | |`);
  return lines.join('\n');
}

async function main() {
  const results = [];
  for (const size of SIZES) {
    try {
      results.push(await runSize(size));
      console.log(`${sizeTable(results.at(-1))}\n`);
    } catch (error) {
      log(`${size}: the run failed: ${error.stack ?? error}`);
      console.log(`### ${size.toLocaleString('en')} reviews\n\nthe run failed: ${String(error?.message ?? error).split('\n')[0]}\n`);
    }
    if (JSON_FILE) writeFileSync(JSON_FILE, JSON.stringify({ batch: BATCH, repeat: REPEAT, results }, null, 2));
  }
  if (results.length > 1) console.log(`### Growth\n\n${growthTable(results)}\n`);
}

await main();

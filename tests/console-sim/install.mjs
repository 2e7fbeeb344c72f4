// installConsole(): puts the simulated seller consoles behind their real URLs in one Playwright BrowserContext,
// guards the network (nothing leaves the machine) and hands back the ground truth the e2e tests compare with.
import { buildConsoleData, pageTruth, DEFAULT_SEED } from './dataset.mjs';
import { answer, QIANNIU_REVIEW_PATH, SOLD_PATH, TMALL_HOST } from './routes.mjs';
import { legacyListUrl } from './legacy-pages.mjs';
import { QIANNIU_PAGE_SIZE } from './qianniu-data.mjs';

/**
 * @typedef {object} ConsoleOptions
 * @property {number} [now] review times are relative to this (default Date.now())
 * @property {number} [seed] changes ids, nicks and times, not the texts' order
 * @property {'table'|'changed'} [qianniuLayout] 'changed' serves a review page the extension cannot know
 * @property {boolean} [upgradeDialog] show the .upgrade-analysis-dialog pop-up over the Qianniu list
 * @property {number} [apiDelayMs] latency of the JSON APIs (default 60 ms)
 * @property {number} [qianniuTotal] rows in the Qianniu list (default 67: three full pages of 20 and one of 7)
 * @property {string|null} [qianniuApiRet] answer every mtop call with this non-success ret, e.g. 'FAIL_SYS_SESSION_EXPIRED::Session过期'
 * @property {Record<number, string>} [qianniuOddItems] row index → an odd field (odd-items.mjs: hugeFeedId, hugeFollowUp, objectNick, renamedEmotion)
 * @property {number} [qianniuMaxPageSize] largest pageSize the Qianniu page honours (default 1000; the page benchmark
 *   raises it to show 5,000 rows at once, more than the console is known to allow)
 * @property {string[]} [passThroughOrigins] origins of real servers a test runs (the team server): not intercepted
 */

/**
 * @typedef {object} RecordedRequest
 * @property {string} url @property {string} method @property {string} resourceType
 * @property {'page'|'service-worker'|'extension-page'|'unknown'} source
 * @property {string|null} frameUrl URL of the page that made it (null for workers)
 * @property {string} [reason] why it was unexpected
 */

export const CONSOLE_URLS = {
  /** Qianniu 来自买家的评价; host 'myseller.taobao.com' or 'qn.taobao.com'. */
  qianniu: (pageNo = 1, host = 'myseller.taobao.com', pageSize = QIANNIU_PAGE_SIZE) =>
    `https://${host}${QIANNIU_REVIEW_PATH}?current=${pageNo}&pageSize=${pageSize}`,
  sold: () => `https://myseller.taobao.com${SOLD_PATH}`,
  legacyEntry: () => 'https://rate.taobao.com/myRate.htm',
  legacy: (pageNo = 1) => legacyListUrl(pageNo),
  tmall: () => `https://${TMALL_HOST}/evaluation/allRate.htm`,
};

/**
 * @param {import('playwright-core').BrowserContext} context
 * @param {ConsoleOptions} [options]
 */
export async function installConsole(context, options = {}) {
  const data = buildConsoleData({ now: options.now ?? Date.now(), seed: options.seed ?? DEFAULT_SEED, qianniuTotal: options.qianniuTotal, qianniuOddItems: options.qianniuOddItems });
  const state = {
    data,
    qianniuLayout: options.qianniuLayout ?? 'table',
    upgradeDialog: Boolean(options.upgradeDialog),
    apiDelayMs: options.apiDelayMs ?? 60,
    qianniuApiRet: options.qianniuApiRet ?? null,
    qianniuMaxPageSize: options.qianniuMaxPageSize ?? 1000,
  };
  /** Origins a test runs a real server on (the team server): their requests go through, and are not unexpected. */
  const passThrough = new Set(options.passThroughOrigins ?? []);
  /** @type {RecordedRequest[]} */
  const all = [];
  /** @type {RecordedRequest[]} */
  const unexpected = [];

  const onRequest = (request) => all.push(describe(request));
  context.on('request', onRequest);

  const matchAll = () => true;
  const handler = async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (passThrough.has(url.origin)) {
      await route.continue();
      return;
    }
    try {
      const headers = await request.allHeaders().catch(() => request.headers());
      const reply = answer({ method: request.method(), url, headers, body: request.postData() }, state);
      if (!reply) {
        unexpected.push({ ...describe(request), reason: 'host not served by the simulator' });
        await route.abort('blockedbyclient');
        return;
      }
      if (reply.passThrough) {
        await route.continue();
        return;
      }
      if (reply.unexpected) unexpected.push({ ...describe(request), reason: reply.unexpected });
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      await route.fulfill({ status: reply.status ?? 200, contentType: reply.contentType, headers: reply.headers, body: reply.body ?? '' });
    } catch (error) {
      // The page or context went away while we answered: nothing left to do.
      if (!/closed|disposed|already handled/i.test(String(error?.message))) throw error;
    }
  };
  await context.route(matchAll, handler);

  return {
    /** The data every page is built from (items, pages, truth). */
    data,
    now: data.now,
    urls: CONSOLE_URLS,
    /** Number of pages each console family has. */
    pageCounts: data.pageCounts,
    /**
     * Rows and cases of one page. family: 'qianniu' | 'legacy' | 'tmall'; pageSize: Qianniu only, as in its URL.
     * @returns {import('./dataset.mjs').PageTruth}
     */
    groundTruth: (family, pageNo = 1, { pageSize } = {}) => pageTruth(data, family, pageNo, pageSize),
    /** Switches what later loads of the Qianniu review URL get. */
    setQianniuLayout(layout) {
      state.qianniuLayout = layout;
    },
    setUpgradeDialog(on) {
      state.upgradeDialog = Boolean(on);
    },
    setQianniuApiRet(ret) {
      state.qianniuApiRet = ret;
    },
    /** Every request the context made since install, in order. */
    requests: () => [...all],
    /** Requests to hosts or paths the simulator does not serve (aborted or answered 404). */
    unexpectedRequests: () => [...unexpected],
    /** Requests Playwright attributed to a service worker (the extension's background). */
    serviceWorkerRequests: () => all.filter((r) => r.source === 'service-worker'),
    async dispose() {
      context.off('request', onRequest);
      await context.unroute(matchAll, handler).catch(() => {});
    },
  };
}

/** @returns {RecordedRequest} */
function describe(request) {
  let source = 'unknown';
  let frameUrl = null;
  if (request.serviceWorker()) source = 'service-worker';
  else {
    try {
      frameUrl = request.frame().url();
      source = frameUrl.startsWith('chrome-extension://') ? 'extension-page' : 'page';
    } catch {
      // Requests from workers have no frame.
    }
  }
  return { url: request.url(), method: request.method(), resourceType: request.resourceType(), source, frameUrl };
}

// Shared harness for the end-to-end tests: the BUILT extension (.output/chrome-mv3) in Chromium, the console
// simulator behind the real console URLs, error collection per page, and the helpers the tests share.
//
// Test contract with the extension (nothing else of its UI is relied on):
// - in a console page, the badge host element inside each case row carries data-review-id (the platform's
//   review id) and data-sentiment (negative|neutral); no other element the extension adds carries both;
// - in sidepanel.html, each listed case carries data-review-id;
// - for a page it does not recognise, the side panel shows [data-page-status="unrecognised"] with a
//   [data-action="copy-diagnostic"] button and the diagnostic text in [data-testid="diagnostic"].
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, assertBuilt, DEFAULT_EXTENSION_DIR } from '../console-sim/launch.mjs';
import { installConsole } from '../console-sim/index.mjs';
import { BADGE_SELECTOR, sidePanelUrl } from '../console-sim/contract.mjs';

export { BADGE_SELECTOR };
const DEFAULT_WAIT_MS = 10_000;

/** Where each console family's rows are, to know when the simulated page has rendered. */
const ROW_SELECTOR = { qianniu: 'tr.next-table-row, .rv-card', legacy: 'tr.J_RateItem', tmall: 'tr.rate-row', sold: 'tr.next-table-row' };

/**
 * @param {{ console?: import('../console-sim/install.mjs').ConsoleOptions, headless?: boolean, recordHar?: boolean }} [options]
 *   recordHar: also record a HAR of the whole context from launch on (readable with harEntries() after close()),
 *   which sees requests made before any listener could be attached, e.g. while the service worker starts.
 */
export async function startSession(options = {}) {
  assertBuilt(DEFAULT_EXTENSION_DIR);
  const harDir = options.recordHar ? mkdtempSync(join(tmpdir(), 'reviewdesk-har-')) : null;
  const harPath = harDir ? join(harDir, 'session.har') : undefined;
  const launched = await launchWithExtension({ headless: options.headless ?? true, harPath, userDataDir: options.userDataDir });
  const { context } = launched;
  /** @type {Map<import('playwright-core').Page, { kind: string, text: string, url: string }[]>} */
  const errors = new Map();
  const workerErrors = [];
  const attach = (page) => {
    const list = [];
    errors.set(page, list);
    page.on('pageerror', (e) => list.push({ kind: 'pageerror', text: String(e?.stack ?? e), url: page.url() }));
    page.on('console', (m) => {
      if (m.type() === 'error') list.push({ kind: 'console', text: m.text(), url: page.url() });
    });
  };
  context.pages().forEach(attach);
  context.on('page', attach);
  context.on('console', (m) => {
    if (m.worker() && m.type() === 'error') workerErrors.push(m.text());
  });

  const sim = await installConsole(context, options.console);
  const { extensionId } = launched;
  const workers = [launched.serviceWorker];
  context.on('serviceworker', (w) => workers.push(w));
  let closed = false;
  let har = null;
  // Start each test from a tab with nothing in it.
  const blank = context.pages()[0] ?? (await context.newPage());

  /**
   * Opens (or reuses `page` for) a console page and waits until its simulated rows are rendered.
   * kind: 'qianniu' (myseller.taobao.com) | 'qianniu-qn' (qn.taobao.com) | 'legacy' | 'legacy-entry' (myRate.htm)
   * | 'tmall' (page n is reached through its pager, as the URL does not change) | 'sold' (已卖出的宝贝).
   */
  async function openConsolePage(kind, pageNo = 1, { page, host } = {}) {
    const target = page ?? (await context.newPage());
    const family = kind.startsWith('qianniu') ? 'qianniu' : kind.startsWith('legacy') ? 'legacy' : kind;
    if (kind === 'qianniu' || kind === 'qianniu-qn') await target.goto(sim.urls.qianniu(pageNo, kind === 'qianniu-qn' ? 'qn.taobao.com' : host));
    else if (kind === 'legacy') await target.goto(sim.urls.legacy(pageNo));
    else if (kind === 'legacy-entry') await target.goto(sim.urls.legacyEntry());
    else if (kind === 'tmall') await target.goto(sim.urls.tmall());
    else if (kind === 'sold') await target.goto(sim.urls.sold());
    else throw new Error(`unknown console page kind: ${kind}`);
    await target.locator(ROW_SELECTOR[family]).first().waitFor({ timeout: DEFAULT_WAIT_MS });
    if (kind === 'tmall' && pageNo > 1) await clickPager(target, 'tmall', pageNo);
    else if (family !== 'sold') await waitForRows(target, family, pageNo);
    return target;
  }

  /** Waits until the page shows the rows of `pageNo` (first and last row as in the ground truth). */
  async function waitForRows(page, family, pageNo) {
    if (family === 'qianniu' && (await page.locator('.rv-card').count()) > 0) return; // changed layout: no per-page rows
    const rows = sim.groundTruth(family, pageNo).rows;
    const first = rows[0];
    const last = rows[rows.length - 1];
    await page.waitForFunction(
      ({ family, first, last, count }) => {
        if (family === 'qianniu') {
          const ids = [...document.querySelectorAll('tbody.next-table-body > tr.next-table-row')].map((tr) => (/主评ID：(\d+)/.exec(tr.textContent) || [])[1]);
          return ids.length === count && ids[0] === first.reviewId && ids[count - 1] === last.reviewId;
        }
        if (family === 'legacy') {
          const ids = [...document.querySelectorAll('tr.J_RateItem')].map((tr) => tr.getAttribute('data-id'));
          return ids.length === count && ids[0] === first.reviewId;
        }
        const texts = [...document.querySelectorAll('tr.rate-row .eval-content')].map((el) => el.textContent);
        return texts.length === count && texts[0] === first.texts[0] && texts[count - 1] === last.texts[0];
      },
      { family, first, last, count: rows.length },
      { timeout: DEFAULT_WAIT_MS },
    );
  }

  /** Real clicks on the page's own pager, then waits for the new rows. */
  async function clickPager(page, family, pageNo) {
    if (family === 'qianniu') await page.locator('.next-pagination-list button', { hasText: new RegExp(`^${pageNo}$`) }).click();
    else if (family === 'tmall') await page.locator('.rate-pager a', { hasText: new RegExp(`^${pageNo}$`) }).click();
    else if (family === 'legacy') await Promise.all([page.waitForURL(new RegExp(`currentPage(\\||%7C)${pageNo}\\.htm`)), page.locator('.pagination a', { hasText: new RegExp(`^${pageNo}$`) }).click()]);
    await waitForRows(page, family, pageNo);
  }

  async function openSidePanelTab() {
    const page = await context.newPage();
    await page.goto(sidePanelUrl(extensionId));
    await page.waitForLoadState('domcontentloaded');
    return page;
  }

  return {
    context,
    extensionId,
    sim,
    blank,
    workers,
    openConsolePage,
    clickPager,
    waitForRows,
    openSidePanelTab,
    badgeHosts,
    /** Errors (uncaught exceptions and console errors) seen in one page. */
    errorsOf: (page) => [...(errors.get(page) ?? [])],
    /** Console errors logged by service workers. */
    workerErrors: () => [...workerErrors],
    async close() {
      if (closed) return;
      closed = true;
      await sim.dispose();
      await launched.close();
    },
    /**
     * Entries of the session's HAR ({ url, method, fromServiceWorker, aborted }); only after close().
     * @returns {{ url: string, method: string, fromServiceWorker: boolean, aborted: boolean }[]}
     */
    harEntries() {
      if (!harPath) throw new Error('startSession({ recordHar: true }) is needed for harEntries()');
      if (!closed) throw new Error('the HAR is written when the session closes: call close() first');
      har ??= JSON.parse(readFileSync(harPath, 'utf8'));
      rmSync(harDir, { recursive: true, force: true });
      return har.log.entries.map((e) => ({
        url: e.request.url,
        method: e.request.method,
        fromServiceWorker: Boolean(e._serviceWorkerRef),
        aborted: Boolean(e._wasAborted),
      }));
    },
  };
}

/**
 * Every badge host in the page (open shadow roots included), with the row it sits in.
 * @returns {Promise<{ reviewId: string, sentiment: string, inRow: boolean, rowText: string, rowDataId: string|null }[]>}
 */
export async function badgeHosts(page) {
  return page.locator(BADGE_SELECTOR).evaluateAll((els) =>
    els.map((el) => {
      let node = el;
      let tr = null;
      while (node && !tr) {
        tr = node.closest('tr');
        const root = node.getRootNode();
        node = root instanceof ShadowRoot ? root.host : null;
      }
      let rowText = tr?.textContent ?? '';
      // A badge in the follow-up row belongs to the review in the row above it.
      if (tr?.classList.contains('next-table-expanded-row')) rowText = `${tr.previousElementSibling?.textContent ?? ''}\n${rowText}`;
      return {
        reviewId: el.getAttribute('data-review-id'),
        sentiment: el.getAttribute('data-sentiment'),
        inRow: Boolean(tr),
        rowText,
        rowDataId: tr?.getAttribute('data-id') ?? null,
        label: el.shadowRoot?.querySelector('button')?.textContent ?? '',
      };
    }),
  );
}

/** Which review (by the ground truth) the row around a badge host shows, or null. */
export function reviewIdOfHostRow(family, host, truth) {
  if (family === 'qianniu') return (/主评ID：(\d+)/.exec(host.rowText) ?? [])[1] ?? null;
  if (family === 'legacy') return host.rowDataId;
  const row = truth.rows.find((r) => host.rowText.includes(r.texts[0]) && host.rowText.includes(r.orderId));
  return row?.reviewId ?? null;
}

const byId = (a, b) => a.reviewId.localeCompare(b.reviewId);

/**
 * Waits until the badge hosts of `page` name exactly the cases of `truth`, then asserts: same ids, same
 * sentiments, one host per case, each host inside the row of the review it names.
 */
export async function expectBadgesOnCaseRows(page, truth, { timeout = DEFAULT_WAIT_MS } = {}) {
  const expected = truth.cases.map((c) => ({ reviewId: c.reviewId, sentiment: c.sentiment })).sort(byId);
  const deadline = Date.now() + timeout;
  let hosts = [];
  for (;;) {
    hosts = await badgeHosts(page);
    const seen = hosts.map((h) => ({ reviewId: h.reviewId, sentiment: h.sentiment })).sort(byId);
    if (JSON.stringify(seen) === JSON.stringify(expected) || Date.now() > deadline) break;
    await page.waitForTimeout(150);
  }
  const seen = hosts.map((h) => ({ reviewId: h.reviewId, sentiment: h.sentiment })).sort(byId);
  // assert.fail rather than deepEqual: the one-line-per-row diff says more than a dump of both lists.
  if (JSON.stringify(seen) !== JSON.stringify(expected)) assert.fail(`${truth.family} page ${truth.pageNo}: badges differ from the case rows\n${badgeDiff(seen, truth)}`);
  for (const host of hosts) {
    assert.ok(host.inRow, `${truth.family} page ${truth.pageNo}: badge ${host.reviewId} is not inside a table row`);
    assert.equal(reviewIdOfHostRow(truth.family, host, truth), host.reviewId, `${truth.family} page ${truth.pageNo}: badge ${host.reviewId} sits in another review's row`);
  }
  return hosts;
}

/**
 * Weaker than expectBadgesOnCaseRows, for checks that are about placement rather than classification: waits for
 * badges on rows of `truth`, then asserts every badge names a row of this page, sits in that row, and is alone.
 */
export async function expectBadgesWithinRows(page, truth, { timeout = DEFAULT_WAIT_MS } = {}) {
  const ids = new Set(truth.rows.map((r) => r.reviewId));
  const deadline = Date.now() + timeout;
  while ((await badgeHosts(page)).filter((h) => ids.has(h.reviewId)).length === 0 && Date.now() < deadline) await page.waitForTimeout(150);
  await page.waitForTimeout(300); // let the rest of the page's badges arrive
  const hosts = await badgeHosts(page);
  assert.ok(hosts.length > 0, `${truth.family} page ${truth.pageNo}: no badge at all`);
  assert.deepEqual(hosts.filter((h) => !ids.has(h.reviewId)).map((h) => h.reviewId), [], `${truth.family} page ${truth.pageNo}: badges naming rows not on this page`);
  for (const host of hosts) assert.equal(reviewIdOfHostRow(truth.family, host, truth), host.reviewId, `${truth.family} page ${truth.pageNo}: badge ${host.reviewId} sits in another row`);
  const repeated = hosts.map((h) => h.reviewId).filter((id, i, all) => all.indexOf(id) !== i);
  assert.deepEqual(repeated, [], `${truth.family} page ${truth.pageNo}: more than one badge for a row`);
  return hosts;
}

/**
 * For Tmall, whose public JSON carries no rating: the extension reads sentiment from the review text and says so
 * on the badge (疑似…). Placement and ids must be exact; the reading is held to bounds instead of to every label:
 * most reviews labelled negative get a badge, few labelled positive do, and every badge says it is inferred.
 */
export async function expectInferredBadges(page, truth, { minRecall = 0.75, maxFalseAlarm = 0.3 } = {}) {
  const hosts = await expectBadgesWithinRows(page, truth);
  const badged = new Set(hosts.map((h) => h.reviewId));
  const negative = truth.rows.filter((r) => r.caseSentiment);
  const positive = truth.rows.filter((r) => !r.caseSentiment);
  const recall = negative.filter((r) => badged.has(r.reviewId)).length / Math.max(1, negative.length);
  const falseAlarm = positive.filter((r) => badged.has(r.reviewId)).length / Math.max(1, positive.length);
  assert.ok(recall >= minRecall, `${truth.family} page ${truth.pageNo}: only ${Math.round(recall * 100)}% of negative reviews badged\n${badgeDiff(hosts, truth)}`);
  assert.ok(falseAlarm <= maxFalseAlarm, `${truth.family} page ${truth.pageNo}: ${Math.round(falseAlarm * 100)}% of positive reviews badged\n${badgeDiff(hosts, truth)}`);
  for (const host of hosts) assert.match(host.label, /^疑似/, `${truth.family} badge ${host.reviewId} does not say its sentiment is inferred`);
  return hosts;
}

/** One line per difference between the badges seen and the cases, with a bit of each row's text. */
export function badgeDiff(seen, truth) {
  const lines = [];
  const snippet = (row) => (row ? `"${row.texts[0].slice(0, 28)}"` : '(no such row on this page)');
  const rowOf = (id) => truth.rows.find((r) => r.reviewId === id);
  for (const c of truth.cases) {
    const mine = seen.filter((h) => h.reviewId === c.reviewId);
    if (mine.length === 0) lines.push(`  missing   ${c.reviewId} should be ${c.sentiment} ${snippet(rowOf(c.reviewId))}`);
    else if (mine.length > 1) lines.push(`  ${mine.length} badges ${c.reviewId}`);
    else if (mine[0].sentiment !== c.sentiment) lines.push(`  sentiment ${c.reviewId} is ${mine[0].sentiment}, should be ${c.sentiment} ${snippet(rowOf(c.reviewId))}`);
  }
  for (const h of seen) {
    if (truth.cases.some((c) => c.reviewId === h.reviewId)) continue;
    const row = rowOf(h.reviewId);
    const was = row ? `row is ${row.mainSentiment}${row.appendSentiment ? `/${row.appendSentiment}` : ''}` : 'unknown id';
    lines.push(`  extra     ${h.reviewId} (${h.sentiment}; ${was}) ${snippet(row)}`);
  }
  return lines.join('\n');
}

/** Waits until no badge host is left whose id is in `ids` (e.g. after paging away). */
export async function expectNoBadgesFor(page, ids, { timeout = DEFAULT_WAIT_MS } = {}) {
  const deadline = Date.now() + timeout;
  let stale = [];
  for (;;) {
    stale = (await badgeHosts(page)).filter((h) => ids.includes(h.reviewId));
    if (stale.length === 0 || Date.now() > deadline) break;
    await page.waitForTimeout(150);
  }
  assert.deepEqual(stale.map((h) => h.reviewId), [], 'badges of rows that are no longer shown are still in the page');
}

/** data-review-id of each outermost element carrying it in the side panel (entries, not their insides). */
export async function sidePanelEntryIds(page) {
  return page.locator('[data-review-id]').evaluateAll((els) =>
    els
      .filter((el) => {
        let node = el.parentElement ?? (el.getRootNode() instanceof ShadowRoot ? el.getRootNode().host : null);
        while (node) {
          if (node.hasAttribute('data-review-id')) return false;
          node = node.parentElement ?? (node.getRootNode() instanceof ShadowRoot ? node.getRootNode().host : null);
        }
        return true;
      })
      .map((el) => el.getAttribute('data-review-id')),
  );
}

/**
 * Every case the panel's list holds. The list draws only the rows on screen, so it is read a screen at a time,
 * scrolling down as an agent would. Rows are collected by their position (data-index), and the next scroll starts
 * from the first position not yet read, so a screen drawn late on a busy machine is read again, never skipped.
 */
export async function readCaseList(panel, timeout = 30_000) {
  return (await readCaseRows(panel, timeout)).map((row) => row.id);
}

/** Like readCaseList, with each row's text as the agent reads it: [{ id, text }] in list order. */
export async function readCaseRows(panel, timeout = 30_000) {
  const byIndex = new Map();
  const scroller = panel.locator('.case-scroller');
  const deadline = Date.now() + timeout;
  await scroller.evaluate((el) => { el.scrollTop = 0; });
  for (;;) {
    await panel.waitForFunction(() => document.querySelectorAll('.case-list > li.placeholder').length === 0, null, {
      timeout: Math.max(10_000, deadline - Date.now()),
    });
    const screen = await scroller.evaluate((el) => {
      const rows = [...el.querySelectorAll('.case-list > li[data-index][data-review-id]')];
      const top = el.getBoundingClientRect().top;
      return {
        total: Number(rows[0]?.getAttribute('aria-setsize') ?? 0),
        rows: rows.map((li) => ({
          index: Number(li.getAttribute('data-index')),
          id: li.getAttribute('data-review-id'),
          text: li.textContent,
          offset: el.scrollTop + li.getBoundingClientRect().top - top,
        })),
      };
    });
    for (const row of screen.rows) byIndex.set(row.index, { id: row.id, text: row.text });
    let missing = 0;
    while (missing < screen.total && byIndex.has(missing)) missing++;
    if (missing >= screen.total || Date.now() > deadline) return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
    // Scroll so that the last row read is at the top: the first position not yet read is then on screen.
    const lastRead = screen.rows.filter((r) => r.index < missing).at(-1);
    await scroller.evaluate((el, offset) => { el.scrollTop = offset; }, lastRead?.offset ?? 0);
    await panel.waitForTimeout(100);
  }
}

/**
 * Reads the side panel's whole list until it holds every id in `ids` (cases still being stored arrive as the panel is
 * told), or the timeout passes; returns the last reading, one id per row (a case listed twice appears twice).
 */
export async function waitForSidePanelIds(page, ids, { timeout = DEFAULT_WAIT_MS } = {}) {
  const deadline = Date.now() + timeout;
  await page.locator('.case-scroller').waitFor({ timeout });
  for (;;) {
    const listed = await readCaseList(page, Math.max(1, deadline - Date.now()));
    if (ids.every((id) => listed.includes(id)) || Date.now() > deadline) return listed;
    await page.waitForTimeout(300);
  }
}

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import * as z from 'zod/mini';
import { classifyPage, pageWithoutQuery } from '../console/pages';
import { ReviewIndex } from '../console/row-keys';
import { buildDiagnostic, diagnosticText } from '../console/diagnostic';
import { countSkip, type SkipCounts } from '../console/api-body';
import type { ReviewObservation } from '../reviews/schema';
import { isSkip } from '../reviews/check';
import { BadgeInfo } from '../cases/badge-info';
import { renderBadge, removeBadge, isBadgeHost, BADGE_TAG } from '../badges/badge-view';
import type { PageReport, TabNotice } from '../messaging/protocol';
import { askBackground as request } from '../messaging/page-requests';
import { errorCounts, reportError, reportingTo } from '../errors/report';
import type { Language } from '../i18n';
import { READERS, type FamilyReader } from './readers';
import { isTapMessage } from './tap-protocol';

/** Rows handled per slice before the reader yields to the page, so no task of ours grows long. */
const SLICE = 150;
/** Reviews per ingest message: a page of 1,000 goes in a few small messages instead of one large one. */
const INGEST_BATCH = 250;
/** A failed ingest (e.g. the service worker stopped mid-batch) is retried after 1 s, 2 s, 4 s … at most 30 s. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const whenIdle = (fn: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 300 }) : setTimeout(fn, 50);

/** How long a Qianniu row may wait for its API data before it is read from the DOM instead. */
const API_GRACE_MS = 1500;
/** How long a review page may take to show its list before its layout is called unrecognised. */
const LAYOUT_GRACE_MS = 4000;

const BadgeList = z.array(BadgeInfo);
const Rejected = z.array(z.object({ index: z.number(), field: z.string() }));

/** Runs a handler of ours on the seller's page: whatever goes wrong is reported, never raised on the page. */
function guarded<A extends unknown[]>(place: string, fn: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      fn(...args);
    } catch (error) {
      reportError(place, error);
    }
  };
}

/**
 * Reads the console page the content script runs on and keeps a badge in every case row.
 * Scans are serialised and triggered by DOM changes, API responses and in-page navigation.
 */
export function startPageReader(ctx: ContentScriptContext, doc: Document = document): void {
  const index = new ReviewIndex<ReviewObservation>();
  /** Read but not yet stored; a review leaves only once the background has answered for it. */
  const pending = new Map<string, ReviewObservation>();
  const badges = new Map<string, BadgeInfo>();
  const rowFirstSeen = new WeakMap<Element, number>();
  const api = { seen: 0, failed: 0 };
  /** What this page view could not store: from the last API response, the last scan's rows, the background. */
  let apiSkips: SkipCounts = {};
  let rowSkips: SkipCounts = {};
  const refused = new Set<string>();
  let lang: Language = 'zh-CN';
  let pageSince = Date.now();
  let lastHref = location.href;
  let lastReport = '';
  let timer: number | undefined;
  let retryTimer: number | undefined;
  let failures = 0;
  let running = false;
  let again = false;

  const schedule = (delay = 60) => {
    if (ctx.isInvalid) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(() => {
      timer = undefined;
      void scan();
    }, delay);
  };

  const remember = (review: ReviewObservation) => {
    const known = index.get(review.platformReviewId);
    index.add(review);
    if (!known || JSON.stringify(known) !== JSON.stringify(review)) pending.set(review.platformReviewId, review);
  };

  // Copies of API responses from the page-world tap.
  ctx.addEventListener(window, 'message', guarded('tap', (event: MessageEvent) => {
    if (event.source !== window || !isTapMessage(event.data)) return;
    const page = classifyPage(location.href);
    if (page.kind !== 'review-list') return;
    const reader = READERS[page.family];
    if (reader.tap !== event.data.kind || !reader.parseApi) return;
    const { body } = event.data;
    const parse = reader.parseApi;
    // The page is busy rendering what it just received: read our copy when it is idle.
    whenIdle(guarded('tap.parse', () => {
      if (ctx.isInvalid) return;
      api.seen++;
      const parsed = parse(body);
      if (!parsed.ok) {
        api.failed++;
        return;
      }
      apiSkips = parsed.skipped;
      parsed.reviews.forEach(remember);
      schedule(0);
    }));
  }));

  ctx.addEventListener(window, 'wxt:locationchange', guarded('navigation', () => schedule(0)));

  // An agent opened or changed cases in the side panel: refresh the badges this page shows.
  const onNotice = guarded('badges.notice', (msg: TabNotice) => {
    if (msg?.type !== 'badgesStale' || ctx.isInvalid) return;
    const caseIds = [...badges.values()].map((b) => b.caseId);
    if (!caseIds.length) return;
    void request({ type: 'badges', caseIds }).then((fresh) => {
      const checked = BadgeList.safeParse(fresh);
      if (!checked.success) throw new Error('badge refresh: unexpected answer');
      for (const info of checked.data) badges.set(info.platformReviewId, info);
      schedule(0);
    }).catch(reportingTo('badges.refresh'));
  });
  browser.runtime.onMessage.addListener(onNotice);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onNotice));

  const observer = new MutationObserver(guarded('observer', (records: MutationRecord[]) => {
    const ours = records.every((r) =>
      [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].every(isBadgeHost) && r.type === 'childList');
    if (!ours) schedule();
  }));
  const observe = () => observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  if (doc.documentElement) observe();
  ctx.onInvalidated(() => observer.disconnect());

  async function scan(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await scanOnce();
    } catch (error) {
      // A broken reading never surfaces on the seller's page; it is counted for the panel, and the next change rescans.
      reportError('scan', error);
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  }

  async function scanOnce(): Promise<void> {
    if (location.href !== lastHref) {
      lastHref = location.href;
      pageSince = Date.now();
      refused.clear();
    }
    const page = classifyPage(location.href);
    if (page.kind !== 'review-list') {
      doc.querySelectorAll(BADGE_TAG).forEach((el) => el.remove());
      if (page.kind === 'other-console') report({ page: pageWithoutQuery(location.href), family: null, kind: 'other-console', state: 'recognised', rows: 0, badges: 0 });
      return;
    }
    const reader = READERS[page.family];
    const now = Date.now();
    const rows = reader.rows(doc);
    const matched: Array<[Element, ReviewObservation]> = [];
    const skippedRows: SkipCounts = {};
    let waiting = false;
    for (const [i, row] of rows.entries()) {
      if (i > 0 && i % SLICE === 0) await yieldToPage();
      const text = row.textContent ?? '';
      let review = reader.match(index, reader.keys(row, text));
      if (!review && reader.readRow) {
        const first = rowFirstSeen.get(row) ?? now;
        rowFirstSeen.set(row, first);
        if (reader.domFirst || now - first >= API_GRACE_MS) {
          const read = reader.readRow(row);
          if (isSkip(read)) countSkip(skippedRows, read);
          else review = read ?? undefined;
        } else waiting = true;
      }
      if (!review) continue;
      const refined = reader.refine ? reader.refine(row, review, text) : review;
      if (refined !== review || !index.get(refined.platformReviewId)) remember(refined);
      matched.push([row, refined]);
    }
    rowSkips = skippedRows;
    if (pending.size) await ingest();
    const ctxBadge = { lang, now, onOpen: (info: BadgeInfo) => void request({ type: 'openCase', caseId: info.caseId }).catch(reportingTo('openCase')) };
    let shown = 0;
    for (const [i, [row, review]] of matched.entries()) {
      if (i > 0 && i % SLICE === 0) await yieldToPage();
      const info = badges.get(review.platformReviewId);
      const host = info ? renderBadge(reader.badgeSlot(row, info.part), info, ctxBadge) : undefined;
      // One badge per review: drawn where the bad words are, removed from the rest of its row.
      for (const part of reader.rowParts(row)) removeBadge(part, host);
      if (host) shown++;
    }
    if (waiting) schedule(API_GRACE_MS);
    reportState(reader, rows.length, matched.length, shown, now);
  }

  /** Sends what is pending; on failure everything stays pending and is sent again later. */
  async function ingest(): Promise<void> {
    if (retryTimer !== undefined) return; // backing off after a failure: the retry timer rescans
    const all = [...pending.values()];
    for (let start = 0; start < all.length; start += INGEST_BATCH) {
      try {
        await ingestBatch(all.slice(start, start + INGEST_BATCH));
        failures = 0;
      } catch (error) {
        reportError('ingest', error);
        failures++;
        const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (failures - 1));
        retryTimer = ctx.setTimeout(() => {
          retryTimer = undefined;
          schedule(0);
        }, delay);
        return;
      }
    }
  }

  async function ingestBatch(batch: ReviewObservation[]): Promise<void> {
    const reply = await request({ type: 'ingest', pageUrl: pageWithoutQuery(location.href), reviews: batch });
    lang = reply.language;
    // Stored (or refused for good): no longer pending, unless the page showed a newer reading meanwhile.
    for (const r of batch) if (pending.get(r.platformReviewId) === r) pending.delete(r.platformReviewId);
    const rejected = Rejected.safeParse(reply.rejected);
    if (rejected.success) for (const { index: at } of rejected.data) if (batch[at]) refused.add(batch[at].platformReviewId);
    const checked = BadgeList.safeParse(reply.badges);
    if (!checked.success) throw new Error('ingest: unexpected badge list');
    for (const info of checked.data) badges.set(info.platformReviewId, info);
    // Reviews that are no longer cases lose their badge.
    const caseIds = new Set(checked.data.map((b) => b.platformReviewId));
    for (const r of batch) if (!caseIds.has(r.platformReviewId)) badges.delete(r.platformReviewId);
  }

  /**
   * What this page view skipped, by reason. An API item the reader cannot use usually shows up again as a row
   * it cannot read (the same review), so the two sources count by the larger, not the sum.
   */
  function skippedCounts(): SkipCounts {
    const all: SkipCounts = { ...apiSkips };
    for (const [reason, n] of Object.entries(rowSkips) as Array<[keyof SkipCounts, number]>) all[reason] = Math.max(all[reason] ?? 0, n);
    if (refused.size) all.rejected = refused.size;
    return all;
  }

  function reportState(reader: FamilyReader, rows: number, matched: number, shown: number, now: number) {
    const listed = reader.listPresent(doc);
    const waitedEnough = now - pageSince >= LAYOUT_GRACE_MS;
    const dataButNoRows = index.all().length > 0 && matched === 0 && api.seen > 0;
    let state: PageReport['state'] = 'recognised';
    if (matched === 0 && (dataButNoRows || !listed)) state = waitedEnough ? 'unrecognised' : 'reading';
    if (state === 'reading') schedule(LAYOUT_GRACE_MS);
    const pageName = pageWithoutQuery(location.href);
    const skipped = skippedCounts();
    report({
      page: pageName, family: reader.family, kind: 'review-list', state, rows, badges: shown,
      diagnostic: state === 'unrecognised' ? diagnosticText(buildDiagnostic(doc, reader.family, pageName, api, skipped)) : undefined,
      skipped: Object.keys(skipped).length ? skipped : undefined,
    });
  }

  function report(r: PageReport) {
    const errors = errorCounts().slice(0, 50).map(({ place, count }) => ({ place: place.slice(0, 60), count }));
    const full: PageReport = errors.length ? { ...r, errors } : r;
    const key = JSON.stringify(full);
    if (key === lastReport) return;
    lastReport = key;
    void request({ type: 'reportPage', report: full }).catch((error: unknown) => {
      lastReport = ''; // sent again with the next scan
      reportError('reportPage', error);
    });
  }

  schedule(0);
  if (!doc.documentElement) ctx.addEventListener(doc, 'DOMContentLoaded', guarded('start', () => { observe(); schedule(0); }));
}

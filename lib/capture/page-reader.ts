import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import * as z from 'zod/mini';
import { classifyPage, pageWithoutQuery } from '../console/pages';
import { ReviewIndex } from '../console/row-keys';
import { buildDiagnostic, diagnosticText } from '../console/diagnostic';
import { countSkip, type OpenedList, type SkipCounts } from '../console/api-body';
import type { ReviewObservation } from '../reviews/schema';
import { isSkip } from '../reviews/check';
import { BadgeInfoList, type BadgeInfo } from '../cases/badge-info';
import { prepareBadge, removeBadge, BADGE_TAG } from '../badges/badge-view';
import { BadgeCache } from '../badges/badge-cache';
import type { PageReport, TabNotice } from '../messaging/protocol';
import { askBackground as request } from '../messaging/page-requests';
import { reportError, reportingTo } from '../errors/report';
import type { Language } from '../i18n';
import { READERS, type FamilyReader } from './readers';
import { TAPPED, tapEvent } from './tap-protocol';
import { RowCache, type RowEntry } from './row-cache';
import { IngestQueue } from './ingest-queue';
import { BadgeLookup } from './badge-lookup';
import { PaintQueue } from './paint-queue';
import { TimeSlice, afterPaint, runSoon } from './yielding';
import { sameData } from './same-data';
import { StaleBadges } from './stale-badges';
import { PageReporter, skippedCounts } from './page-report';

/** Milliseconds of reading per slice before the reader yields to the page, so no task of ours grows long. */
const SLICE_MS = 10;

/** While a long tapped list is read, rows are matched against the part read so far this often. */
const MIDREAD_SCAN_MS = 150;
/** Longest tapped list whose first screen is looked up (and drawn) before the rest of it is read. */
const EARLY_LOOKUP_MAX_ITEMS = 1000;
/** How long a Qianniu row may wait for its API data before it is read from the DOM instead. */
const API_GRACE_MS = 1500;
/** How long a review page may take to show its list before its layout is called unrecognised. */
const LAYOUT_GRACE_MS = 4000;

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
 * Scans are serialised and triggered by DOM changes, API responses and in-page navigation; a scan reads only the
 * rows that are new or changed. Reviews go to the background in small batches, and each batch's badges are drawn
 * (at the next animation frame, all writes together) as soon as that batch is stored.
 */
export function startPageReader(ctx: ContentScriptContext, doc: Document = document): void {
  const index = new ReviewIndex<ReviewObservation>();
  /** Bumped when API data changes what rows may match: rows are then matched again (from what was read). */
  let dataVersion = 0;
  /** Tapped responses being read now: rows wait for them, however long a busy machine takes. */
  let apiReading = 0;
  const rowCache = new RowCache();
  const badges = new BadgeCache();
  /** The reviews the page's rows show now (review id → its row), and the rows the last scan went through, in order. */
  let shown = new Map<string, Element>();
  /** The previous scan's, while a scan is rebuilding `shown`. */
  let lastShown = new Map<string, Element>();
  let visited: Element[] = [];
  /** Ids of the reviews shown, in page order. */
  const shownOrder = () => visited.flatMap((row) => rowCache.get(row)?.review?.platformReviewId ?? []);
  let reader: FamilyReader | null = null;
  let lastScan = { rows: 0, matched: 0 };
  const api = { seen: 0, failed: 0 };
  /** What this page view could not store: from the last API response, the last scan's rows, the background. */
  let apiSkips: SkipCounts = {};
  let rowSkips: SkipCounts = {};
  const refused = new Set<string>();
  let lang: Language = 'zh-CN';
  let pageSince = Date.now();
  let lastHref = location.href;
  const reporter = new PageReporter((report) => request({ type: 'reportPage', report }));
  let cancelScan: (() => void) | undefined;
  let running = false;
  let again = false;
  /** Whether the last scan left rows waiting for API data (rows the page shows, whose response is still to come). */
  let rowsWaiting = false;
  /**
   * A tapped list has been read and the scan that matches all of it is still to come: the rest of its badges wait
   * for that scan (and the reviews' writes with them), so they go into the page in one insertion, not two.
   */
  let finalScanDue = false;

  const schedule = (delay = 60) => {
    if (ctx.isInvalid) return;
    cancelScan?.();
    cancelScan = runSoon(() => {
      cancelScan = undefined;
      if (!ctx.isInvalid) void scan();
    }, delay);
  };
  /** After the page changed its DOM: it paints what it changed first, then we read it. */
  let paintPlanned = false;
  const scheduleAfterPaint = () => {
    if (paintPlanned) return;
    paintPlanned = true;
    afterPaint(() => {
      paintPlanned = false;
      schedule(0);
    });
  };
  ctx.onInvalidated(() => cancelScan?.());

  const observer = new MutationObserver(guarded('observer', (records: MutationRecord[]) => {
    if (rowCache.touched(records)) scheduleAfterPaint();
  }));
  const observe = () => {
    if (doc.documentElement && !ctx.isInvalid) observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  };
  observe();
  ctx.onInvalidated(() => observer.disconnect());

  const painter = new PaintQueue(guardedPrepare, SLICE_MS, () => !ctx.isInvalid, (writes) => {
    // The page's own changes so far are taken first; our writes are then made unobserved.
    const theirs = observer.takeRecords();
    if (theirs.length && rowCache.touched(theirs)) scheduleAfterPaint();
    observer.disconnect();
    try {
      writes();
    } finally {
      observe();
    }
  });
  const lookup = new BadgeLookup(badges, {
    ask: (caseIds) => request({ type: 'badges', caseIds }),
    redraw: repaint,
    answered: () => sendPending(),
    failed: reportingTo('badges.lookup'),
    now: () => Date.now(),
  });
  const queue = new IngestQueue({
    send: ingestBatch,
    shownOrder,
    isShown: (id) => shown.has(id),
    failed: (error) => reportError('ingest', error),
    // Nothing is written while a tapped list is read or a lookup waits: the rest of the list's lookup must not queue
    // behind a write of its first screen.
    held: () => apiReading > 0 || lookup.busy || finalScanDue,
    setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
    now: () => Date.now(),
  });
  /** Whether the rows matched while the tapped list is still being read may be looked up now (the first screen's). */
  let earlyLookup = true;
  /**
   * After a scan or an answer: the badges first (drawn from a lookup answered, or looked up), the reviews to store
   * once the lookup is answered. While a tapped list is still being read, the first rows matched are drawn (or
   * looked up) at once, the others wait for the rest of the list: the page lays out its badges twice, not once per
   * slice read.
   */
  function sendPending(): void {
    if (!apiReading || earlyLookup) {
      const drew = apiReading || !finalScanDue ? lookup.flush() : false;
      const asked = lookup.kick();
      if (apiReading && (drew || asked)) earlyLookup = false;
    }
    queue.kick();
  }

  /** Keeps a review read from the page; it is sent unless the background already has this very reading. */
  const remember = (review: ReviewObservation) => {
    const before = index.get(review.platformReviewId);
    index.add(review);
    queue.put(review);
    // Another reading of a review a row already shows: that row (only) is matched again.
    if (before && before !== review && !sameData(before, review)) {
      const row = shown.get(review.platformReviewId) ?? lastShown.get(review.platformReviewId);
      const entry = row && rowCache.get(row);
      if (entry) entry.stale = true;
    }
  };
  /** Rows without a review may match data that came since; rows with one only when their review changed. */
  const toMatch = (entry: RowEntry) => (entry.review ? entry.stale === true : entry.matchedAt !== dataVersion);

  // Copies of API responses from the page-world tap, handed over as the page receives them (before it renders).
  for (const { kind } of TAPPED) {
    ctx.addEventListener(doc, tapEvent(kind), guarded('tap', (event: Event) => {
      const body: unknown = (event as CustomEvent).detail;
      if (typeof body !== 'string' || ctx.isInvalid) return;
      const page = classifyPage(location.href);
      if (page.kind !== 'review-list') return;
      const family = READERS[page.family];
      if (family.tap !== kind || !family.openApi) return;
      api.seen++;
      const opened = family.openApi(body);
      if (!opened.ok) {
        api.failed++;
        return;
      }
      // Each time badges go in, the page lays out its whole list again: seconds for a list of thousands. Such a
      // list gets its badges at once; a shorter one its first screen's early.
      earlyLookup = opened.items.length <= EARLY_LOOKUP_MAX_ITEMS;
      // The store is asked for the whole list's badges now: the answer comes back while the page draws its rows.
      lookup.prefetch(opened.platform, opened.items.flatMap((raw) => opened.reviewIdsOf(raw)));
      // Until the list is read, rows wait for it rather than being read from the DOM. When rows on screen wait for
      // it, the page has drawn them already: it is read at once. Otherwise the page is about to render what it
      // just received: it is read once that is on screen.
      apiReading++;
      (rowsWaiting && !paintPlanned ? runSoon : afterPaint)(() => {
        void readApi(opened).catch(reportingTo('tap.read')).finally(() => {
          apiReading--;
          // Rows matched while it was read wait for their lookup (and their writes behind it), even if reading failed.
          if (!apiReading) sendPending();
        });
      });
    }));
  }

  /**
   * Reads a tapped list in slices; after each slice the rows are matched against what was read so far, so the
   * first rows' reviews go to the store while the rest of a long list is still being read.
   */
  async function readApi(opened: Extract<OpenedList, { ok: true }>): Promise<void> {
    if (ctx.isInvalid) return;
    const skipped: SkipCounts = {};
    const slice = new TimeSlice(SLICE_MS);
    let first = true;
    let lastScan = 0;
    for (const raw of opened.items) {
      for (const got of opened.read(raw)) {
        if (isSkip(got)) countSkip(skipped, got);
        else remember(got);
      }
      if (slice.due()) {
        // Rows are matched against what was read so far after the first slice (the scan goes first then: the
        // first rows' reviews are on their way to the store while the rest is read), then now and then.
        const scanNow = first || performance.now() - lastScan >= MIDREAD_SCAN_MS;
        if (scanNow) {
          dataVersion++;
          schedule(0);
          lastScan = performance.now();
        }
        // While a lookup is on its way, the rest of the list waits behind its answer (the first screen's badges).
        if (lookup.busy) await slice.yieldToAll();
        else await slice.yield(first);
        first = false;
        if (ctx.isInvalid) return;
      }
    }
    apiSkips = skipped;
    dataVersion++;
    finalScanDue = true;
    schedule(0);
  }

  ctx.addEventListener(window, 'wxt:locationchange', guarded('navigation', () => schedule(0)));

  // An agent changed cases (side panel, another tab): ask again for the badges of those this page shows.
  const stale = new StaleBadges(badges, {
    ask: (caseIds) => request({ type: 'badges', caseIds }),
    shown: () => shown.keys(),
    redraw: repaint,
    stillValid: () => !ctx.isInvalid,
  });
  const onNotice = guarded('badges.notice', (msg: TabNotice) => {
    if (msg?.type !== 'badgesStale' || ctx.isInvalid) return;
    lookup.noticed();
    stale.notice(msg.caseIds);
  });
  browser.runtime.onMessage.addListener(onNotice);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onNotice));

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
    // The scan that matches every row against the whole list read; its end draws the rest of the badges.
    if (!apiReading) finalScanDue = false;
    if (location.href !== lastHref) {
      lastHref = location.href;
      pageSince = Date.now();
      refused.clear();
    }
    const page = classifyPage(location.href);
    if (page.kind !== 'review-list') {
      reader = null;
      shown = new Map();
      visited = [];
      doc.querySelectorAll(BADGE_TAG).forEach((el) => el.remove());
      if (page.kind === 'other-console') reporter.report({ page: pageWithoutQuery(location.href), family: null, kind: 'other-console', state: 'recognised', rows: 0, badges: 0 });
      return;
    }
    const family = READERS[page.family];
    if (reader !== family) rowCache.reset();
    reader = family;
    const now = Date.now();
    const rows = family.rows(doc);
    // Published as they grow: the first rows' reviews go to the store while the later rows are still being read.
    lastShown = shown;
    shown = new Map();
    visited = [];
    const seen = visited;
    const slice = new TimeSlice(SLICE_MS);
    let caughtUp = dataVersion;
    /** Rows passed while their API data was still being read are matched again once more of it has come. */
    const catchUp = () => {
      if (caughtUp === dataVersion) return;
      caughtUp = dataVersion;
      for (const row of seen) {
        const entry = rowCache.get(row);
        if (entry && toMatch(entry)) settle(family, row, entry, now);
      }
    };
    for (const row of rows) {
      let entry = rowCache.fresh(row);
      if (!entry) {
        // Only new and changed rows are read; yielding between slices of them keeps our tasks short.
        if (slice.due()) {
          catchUp();
          queue.kick();
          await slice.yield();
        }
        entry = readEntry(family, row, now);
      }
      seen.push(row);
      if (toMatch(entry)) settle(family, row, entry, now);
      else if (entry.review) {
        // A row matched before is published as it is (settle() does this for the others), and drawn from what the
        // page already has; the store's answer redraws it if it changed.
        shown.set(entry.review.platformReviewId, row);
        lookup.want(entry.review);
        if (needsPaint(entry)) painter.add(row);
      }
    }
    catchUp();
    const skippedRows: SkipCounts = {};
    let waiting = false;
    for (const row of seen) {
      const entry = rowCache.get(row);
      if (entry?.skip) countSkip(skippedRows, entry.skip);
      if (entry?.matchedAt === -1) waiting = true;
    }
    rowSkips = skippedRows;
    rowsWaiting = waiting;
    lastScan = { rows: rows.length, matched: shown.size };
    sendPending();
    stale.refresh();
    if (waiting) schedule(API_GRACE_MS);
    reportState(family, now);
  }

  /** Reads a new or changed row: its text once, and the keys that tie it to a review. */
  function readEntry(family: FamilyReader, row: Element, now: number): RowEntry {
    const before = rowCache.get(row);
    const text = row.textContent ?? '';
    const entry: RowEntry = {
      text, keys: family.keys(row, text), parts: family.rowParts(row), firstSeen: before?.firstSeen ?? now,
      // A row new to the reader holds no badge of ours (a row the page changed may: it is redrawn or cleared).
      matchedAt: -1, painted: before ? before.painted : null,
    };
    rowCache.set(row, entry);
    return entry;
  }

  /** Matches a row (again) and, when it shows a review, publishes it and queues its badge. */
  function settle(family: FamilyReader, row: Element, entry: RowEntry, now: number): void {
    matchEntry(family, row, entry, now);
    if (!entry.review) return;
    shown.set(entry.review.platformReviewId, row);
    lookup.want(entry.review);
    if (needsPaint(entry)) painter.add(row);
  }

  /** Ties a row to its review: API data first; the DOM when the family reads rows, or the API data is late. */
  function matchEntry(family: FamilyReader, row: Element, entry: RowEntry, now: number): void {
    entry.matchedAt = dataVersion;
    entry.stale = false;
    entry.skip = undefined;
    const { reviewId } = entry.keys;
    const apiMayCome = family.tap !== null && (apiReading > 0 || now - entry.firstSeen < API_GRACE_MS);
    if (apiMayCome && reviewId && !index.get(reviewId)) {
      // A row showing its review id waits for the API data that will name it (a response being read, or one
      // still to come): no costlier way of matching (its text) till then.
      entry.review = undefined;
      entry.matchedAt = -1;
      return;
    }
    // A DOM-first row is matched only when it is new or changed, and then read again: what the index holds is its
    // reading from before the change (a row a slow parse showed half built, a follow-up the page added since).
    let review = family.domFirst ? undefined : family.match(index, entry.keys);
    if (!review && family.readRow) {
      if (family.domFirst || (!apiReading && now - entry.firstSeen >= API_GRACE_MS)) {
        const got = family.readRow(row);
        if (isSkip(got)) entry.skip = got;
        else if (got) {
          review = got;
          remember(got); // read from the row: kept for matching, and sent
          entry.stale = false; // just read: a change remember() saw is this very reading
        }
      } else entry.matchedAt = -1; // matched again once the API data came or the grace is over
    }
    if (!review) {
      entry.review = undefined;
      return;
    }
    // What a row adds to API data (reply days left, a rating label) changes no key: the index keeps the API's
    // reading, and only the store gets the refined one.
    const refined = family.refine ? family.refine(row, review, entry.text) : review;
    if (refined !== review) queue.put(refined);
    entry.review = refined;
  }

  function needsPaint(entry: RowEntry): boolean {
    const info = entry.review ? badges.get(entry.review.platformReviewId) : undefined;
    const p = entry.painted;
    if (!info) return p !== null;
    return !p || p.info !== info || p.lang !== lang || p.minute !== Math.floor(Date.now() / 60_000);
  }

  /**
   * Prepares one row's badge (built detached, or refreshed in place) and returns the writes that put it in the
   * page and clear it from the rest of the row; a row whose badge is to go, only the clearing.
   */
  function prepareRow(row: Element): (() => void) | undefined {
    const entry = rowCache.get(row);
    if (!entry?.review || !reader || !row.isConnected || !needsPaint(entry)) return undefined;
    const info = badges.get(entry.review.platformReviewId);
    const now = Date.now();
    const badge = info ? prepareBadge(reader.badgeSlot(row, info.part), info, { lang, now, onOpen }) : undefined;
    entry.painted = info ? { info, lang, minute: Math.floor(now / 60_000) } : null;
    const { parts } = entry;
    return guarded('paint', () => {
      badge?.attach?.();
      // One badge per review: drawn where the bad words are, removed from the rest of its row.
      for (const part of parts) removeBadge(part, badge?.host);
    });
  }

  function guardedPrepare(row: Element): (() => void) | undefined {
    try {
      return prepareRow(row);
    } catch (error) {
      reportError('paint', error);
      return undefined;
    }
  }

  const onOpen = (info: BadgeInfo) => void request({ type: 'openCase', caseId: info.caseId }).catch(reportingTo('openCase'));

  /** Queues the rows showing these reviews for drawing, and tells the panel the new count. */
  function repaint(reviewIds: Iterable<string>): void {
    for (const id of reviewIds) {
      const row = shown.get(id);
      if (row) painter.add(row);
    }
    if (reader) reportState(reader, Date.now());
  }

  async function ingestBatch(batch: ReviewObservation[]): Promise<void> {
    const reply = await request({ type: 'ingest', pageUrl: pageWithoutQuery(location.href), reviews: batch });
    const checked = BadgeInfoList.safeParse(reply.badges);
    if (!checked.success) throw new Error('ingest: unexpected badge list');
    if (reply.language !== lang) {
      lang = reply.language;
      for (const row of shown.values()) painter.add(row);
    }
    const rejected = Rejected.safeParse(reply.rejected);
    if (rejected.success) for (const { index: at } of rejected.data) if (batch[at]) refused.add(batch[at].platformReviewId);
    const ids = batch.map((r) => r.platformReviewId);
    badges.stored(ids, checked.data);
    repaint(ids);
  }

  function reportState(family: FamilyReader, now: number) {
    const { rows, matched } = lastScan;
    let withBadge = 0;
    for (const id of shown.keys()) if (badges.get(id)) withBadge++;
    const listed = family.listPresent(doc);
    const waitedEnough = now - pageSince >= LAYOUT_GRACE_MS;
    const dataButNoRows = index.size > 0 && matched === 0 && api.seen > 0;
    let state: PageReport['state'] = 'recognised';
    if (matched === 0 && (dataButNoRows || !listed)) state = waitedEnough ? 'unrecognised' : 'reading';
    if (state === 'reading') schedule(LAYOUT_GRACE_MS);
    const pageName = pageWithoutQuery(location.href);
    const skipped = skippedCounts(apiSkips, rowSkips, refused.size);
    reporter.report({
      page: pageName, family: family.family, kind: 'review-list', state, rows, badges: withBadge,
      diagnostic: state === 'unrecognised' ? diagnosticText(buildDiagnostic(doc, family.family, pageName, api, skipped)) : undefined,
      skipped: Object.keys(skipped).length ? skipped : undefined,
    });
  }

  schedule(0);
  if (!doc.documentElement) ctx.addEventListener(doc, 'DOMContentLoaded', guarded('start', () => { observe(); schedule(0); }));
}

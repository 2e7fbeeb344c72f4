import { BadgeInfoList, type BadgeInfo } from '../cases/badge-info';
import { badgeOfNewReview } from '../cases/badge-of';
import type { BadgeCache } from '../badges/badge-cache';
import { reviewKey, type Platform, type ReviewObservation } from '../reviews/schema';

/** Reviews per lookup (the protocol's cap on a badges request). */
const LOOKUP_MAX = 5000;
/** How long an answer asked ahead of the rows stays good; a row shown later is asked for again. */
const EARLY_ANSWER_MS = 60_000;

export interface LookupPorts {
  /** The background's `badges` request: the badges of those of these cases it has. */
  ask: (caseIds: string[]) => Promise<unknown>;
  /** These reviews' badges are known now: draw them. */
  redraw: (reviewIds: string[]) => void;
  /** A lookup asked is answered: ask the next (kick) or let the ingest queue send. */
  answered: () => void;
  failed: (error: unknown) => void;
  now: () => number;
}

interface EarlyAnswer {
  /** The store's badge; none when the store has no case for the review (yet). */
  info?: BadgeInfo;
  seenAt: number;
}

/**
 * Badges before storing. Storing a page of new reviews takes the background a while (writing them, classifying
 * their causes); drawing the page's badges need not wait for it. The page asks the store, in one read, which of
 * the reviews it shows are known cases, draws those as stored, and draws the others as what storing its own
 * reading will make of them: a new case, or nothing for praise (lib/cases/badge-of.ts, the store's own code).
 * The ingest's answer then confirms them (or redraws the few it changed). Writes wait while a lookup is pending,
 * so a read never queues behind a batch being written.
 *
 * A tapped list is asked for as a whole as soon as the page receives it (`prefetch`), while the page is still
 * rendering it: the answer is then there when the rows are matched, and their badges are drawn at the page's
 * next `flush` without another round trip to the background.
 */
export class BadgeLookup {
  private wanted = new Map<string, ReviewObservation>();
  /** Reviews asked for once: never asked again (a failed lookup's badges come with the ingest's answer). */
  private asked = new Set<string>();
  /** Asked ahead of the rows, not answered yet: the reading a row has shown meanwhile (null: none so far). */
  private awaited = new Map<string, ReviewObservation | null>();
  /** Answered ahead of the rows: used when a row shows the review. */
  private early = new Map<string, EarlyAnswer>();
  /** Reviews an answer asked ahead of them gave a badge to, drawn together at the next flush. */
  private ready: Array<{ reading: ReviewObservation } & EarlyAnswer> = [];
  private asking = false;
  private prefetching = 0;
  /** Counts the notices that cases changed: an answer asked before one may be out of date, and is asked again. */
  private notices = 0;

  constructor(private readonly cache: BadgeCache, private readonly ports: LookupPorts) {}

  /** A review a row shows: looked up unless the page knows its badge (or asked already). */
  want(review: ReviewObservation): void {
    const id = review.platformReviewId;
    if (this.cache.knows(id)) return;
    const early = this.early.get(id);
    if (early) {
      this.early.delete(id);
      if (this.ports.now() - early.seenAt <= EARLY_ANSWER_MS) {
        this.ready.push({ reading: review, ...early });
        return;
      }
      this.asked.delete(id);
    }
    if (this.awaited.has(id)) {
      this.awaited.set(id, review);
      return;
    }
    if (this.asked.has(id)) return;
    this.wanted.set(id, review);
  }

  /** Whether a lookup is asked or about to be: writes wait for it. */
  get busy(): boolean {
    return this.asking || this.prefetching > 0 || this.wanted.size > 0;
  }

  /** Draws the rows whose badges answers asked ahead of them gave since the last flush, in one go. */
  flush(): boolean {
    if (!this.ready.length) return false;
    // Only now does the page learn these badges: a row matched meanwhile is not drawn on its own before the flush.
    const drawn = this.ready.splice(0).filter((r) => this.settle(r.reading.platformReviewId, r.reading, r.info, r.seenAt));
    if (drawn.length) this.ports.redraw(drawn.map((r) => r.reading.platformReviewId));
    return drawn.length > 0;
  }

  /** Cases changed elsewhere: answers asked before this are not used; their reviews are asked for again. */
  noticed(): void {
    this.notices++;
    for (const id of this.early.keys()) this.asked.delete(id);
    this.early.clear();
    for (const { reading } of this.ready.splice(0)) this.askAgain(reading.platformReviewId, reading);
  }

  /** Asks for the badges of a list's reviews before any row showing them is matched. */
  prefetch(platform: Platform, reviewIds: readonly string[]): void {
    const fresh = [...new Set(reviewIds)].filter((id) => !this.asked.has(id) && !this.cache.knows(id)).slice(0, LOOKUP_MAX);
    if (!fresh.length) return;
    for (const id of fresh) {
      this.asked.add(id);
      this.awaited.set(id, this.wanted.get(id) ?? null);
      this.wanted.delete(id);
    }
    this.prefetching++;
    const notices = this.notices;
    const seenAt = this.ports.now();
    void this.ports.ask(fresh.map((id) => reviewKey(platform, id))).then((answer) => {
      const found = this.check(answer);
      for (const id of fresh) {
        if (!this.awaited.has(id)) continue;
        const reading = this.awaited.get(id) ?? null;
        this.awaited.delete(id);
        if (notices !== this.notices) this.askAgain(id, reading);
        else if (!reading) this.early.set(id, { info: found.get(id), seenAt });
        // Drawn at the page's next flush: the page decides when badges go in (a long list's all at once).
        else this.ready.push({ reading, info: found.get(id), seenAt });
      }
    }).catch((error: unknown) => {
      for (const id of fresh) this.awaited.delete(id);
      this.ports.failed(error);
    }).finally(() => {
      this.prefetching--;
      this.ports.answered();
    });
  }

  /** Asks for the reviews wanted; false when there are none, or a lookup is still on its way. */
  kick(): boolean {
    if (this.asking) return false;
    const batch = [...this.wanted.values()].slice(0, LOOKUP_MAX);
    if (!batch.length) return false;
    for (const r of batch) {
      this.wanted.delete(r.platformReviewId);
      this.asked.add(r.platformReviewId);
    }
    this.asking = true;
    const notices = this.notices;
    const seenAt = this.ports.now();
    void this.ports.ask(batch.map((r) => reviewKey(r.platform, r.platformReviewId))).then((answer) => {
      const found = this.check(answer);
      const drawn: string[] = [];
      for (const r of batch) {
        if (notices !== this.notices) this.askAgain(r.platformReviewId, r);
        else if (this.settle(r.platformReviewId, r, found.get(r.platformReviewId), seenAt)) drawn.push(r.platformReviewId);
      }
      if (drawn.length) this.ports.redraw(drawn);
    }).catch(this.ports.failed).finally(() => {
      this.asking = false;
      this.ports.answered();
    });
    return true;
  }

  private check(answer: unknown): Map<string, BadgeInfo> {
    const checked = BadgeInfoList.safeParse(answer);
    if (!checked.success) throw new Error('badge lookup: unexpected answer');
    return new Map(checked.data.map((i) => [i.platformReviewId, i]));
  }

  /** The store's badge where it has a case; otherwise what storing this reading will give. True when set. */
  private settle(id: string, reading: ReviewObservation, info: BadgeInfo | undefined, seenAt: number): boolean {
    return this.cache.looked([id], info ? [info] : [], () => badgeOfNewReview(reading, seenAt)).length > 0;
  }

  private askAgain(id: string, reading: ReviewObservation | null): void {
    this.asked.delete(id);
    if (reading) this.wanted.set(id, reading);
  }
}

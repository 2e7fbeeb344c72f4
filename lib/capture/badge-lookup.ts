import { BadgeInfoList } from '../cases/badge-info';
import { badgeOfNewReview } from '../cases/badge-of';
import type { BadgeCache } from '../badges/badge-cache';
import { reviewKey, type ReviewObservation } from '../reviews/schema';

/** Reviews per lookup (the protocol's cap on a badges request). */
const LOOKUP_MAX = 5000;

export interface LookupPorts {
  /** The background's `badges` request: the badges of those of these cases it has. */
  ask: (caseIds: string[]) => Promise<unknown>;
  /** These reviews' badges are known now: draw them. */
  redraw: (reviewIds: string[]) => void;
  /** The lookup asked is answered: ask the next (kick) or let the ingest queue send. */
  answered: () => void;
  failed: (error: unknown) => void;
  now: () => number;
}

/**
 * Badges before storing. Storing a page of new reviews takes the background a while (writing them, classifying
 * their causes); drawing the page's badges need not wait for it. The page asks the store, in one read, which of
 * the reviews it shows are known cases, draws those as stored, and draws the others as what storing its own
 * reading will make of them: a new case, or nothing for praise (lib/cases/badge-of.ts, the store's own code).
 * The ingest's answer then confirms them (or redraws the few it changed). Writes wait while a lookup is pending,
 * so a read never queues behind a batch being written.
 */
export class BadgeLookup {
  private wanted = new Map<string, ReviewObservation>();
  private asked = new Set<string>();
  private asking = false;
  /** Counts the notices that cases changed: an answer asked before one may be out of date, and is asked again. */
  private notices = 0;

  constructor(private readonly cache: BadgeCache, private readonly ports: LookupPorts) {}

  /** A review a row shows: looked up unless the page knows its badge (or asked already). */
  want(review: ReviewObservation): void {
    const id = review.platformReviewId;
    if (this.asked.has(id) || this.cache.knows(id)) return;
    this.wanted.set(id, review);
  }

  /** Whether a lookup is asked or about to be: writes wait for it. */
  get busy(): boolean {
    return this.asking || this.wanted.size > 0;
  }

  /** Cases changed elsewhere (the side panel, another tab): a lookup on its way is asked again once answered. */
  noticed(): void {
    this.notices++;
  }

  kick(): void {
    if (this.asking) return;
    const batch = [...this.wanted.values()].slice(0, LOOKUP_MAX);
    if (!batch.length) return;
    for (const r of batch) {
      this.wanted.delete(r.platformReviewId);
      this.asked.add(r.platformReviewId);
    }
    this.asking = true;
    const notices = this.notices;
    const seenAt = this.ports.now();
    const readings = new Map(batch.map((r) => [r.platformReviewId, r]));
    void this.ports.ask(batch.map((r) => reviewKey(r.platform, r.platformReviewId))).then((answer) => {
      const checked = BadgeInfoList.safeParse(answer);
      if (!checked.success) throw new Error('badge lookup: unexpected answer');
      if (notices !== this.notices) {
        // The store was read before the change was told: a case it changed would keep its old badge. The reviews
        // go back to be asked for (answered() kicks the next lookup).
        for (const r of batch) {
          this.asked.delete(r.platformReviewId);
          this.wanted.set(r.platformReviewId, r);
        }
        return;
      }
      const set = this.cache.looked([...readings.keys()], checked.data, (id) => badgeOfNewReview(readings.get(id)!, seenAt));
      if (set.length) this.ports.redraw(set);
    }).catch(this.ports.failed).finally(() => {
      // A failed lookup is not asked again: those badges come with the ingest's answer instead.
      this.asking = false;
      this.ports.answered();
    });
  }
}

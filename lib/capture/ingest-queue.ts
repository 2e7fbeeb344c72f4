import type { ReviewObservation } from '../reviews/schema';
import { sameData } from './same-data';

/**
 * The possible cases go together (the page drew their badges from a lookup already, ./badge-lookup.ts; the store's
 * answer only confirms them), then the praise. Both stay well under the protocol's INGEST_MAX.
 */
const CASES_BATCH = 1000;
const PRAISE_BATCH = 500;
/** A failed message (e.g. the service worker stopped mid-batch) is sent again after 1 s, 2 s, 4 s … at most 30 s. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;
/**
 * A review the page received but shows in no row yet waits this long for its row, which may add what only the
 * row shows (reply days left, a rating label): sent before, it would be sent again once its row appears.
 */
export const UNSHOWN_WAIT_MS = 1500;

export interface IngestPorts {
  /** Sends one batch and applies the answer; throws when the batch was not stored. */
  send: (batch: ReviewObservation[]) => Promise<void>;
  /** Ids of the reviews the page's rows show, in the page's order. */
  shownOrder: () => readonly string[];
  isShown: (reviewId: string) => boolean;
  failed: (error: unknown) => void;
  /** While true, no batch is sent (a badge lookup is pending: it must not wait behind a write); kick() again after. */
  held?: () => boolean;
  setTimeout: (fn: () => void, ms: number) => unknown;
  now: () => number;
}

/** Bad words somewhere in it (or not known yet): such a review may be a case, so it goes before the praise. */
const mayBeCase = (r: ReviewObservation) => r.sentiment !== 'positive' || (r.followUp !== undefined && r.followUp.sentiment !== 'positive');

/**
 * Reviews read but not yet stored. They leave only once the background has answered for them, batch by batch:
 * the rows on the page first (in page order, possible cases before praise); each answer confirms (or corrects)
 * the badges of its batch. A failure keeps everything pending and tries again later.
 */
export class IngestQueue {
  private pending = new Map<string, { review: ReviewObservation; since: number }>();
  /** The last reading the background stored of each review: reading it again unchanged sends nothing. */
  private stored = new Map<string, ReviewObservation>();
  private sending = false;
  private backingOff = false;
  private waitPlanned = false;
  private failures = 0;

  constructor(private readonly ports: IngestPorts) {}

  /** Keeps a reading to send, unless it is what the background already has (then nothing of it is pending). */
  put(review: ReviewObservation): void {
    const id = review.platformReviewId;
    const had = this.stored.get(id);
    if (had && sameData(had, review)) {
      this.pending.delete(id);
      return;
    }
    this.pending.set(id, { review, since: this.pending.get(id)?.since ?? this.ports.now() });
  }

  get size(): number {
    return this.pending.size;
  }

  /** Starts sending, unless a batch is on its way (the loop takes what came meanwhile) or a retry is planned. */
  kick(): void {
    if (this.sending || this.backingOff || this.ports.held?.()) return;
    void this.run();
  }

  private async run(): Promise<void> {
    this.sending = true;
    try {
      for (;;) {
        if (this.ports.held?.()) return;
        // Possible cases first, the praise after them.
        const batch = this.pick(CASES_BATCH, true);
        if (!batch.length) batch.push(...this.pick(PRAISE_BATCH, false));
        if (!batch.length) break;
        try {
          await this.ports.send(batch);
          this.failures = 0;
        } catch (error) {
          this.ports.failed(error);
          this.retryLater();
          return;
        }
        // Stored, unless the page showed a newer reading meanwhile: that one stays pending.
        for (const r of batch) {
          this.stored.set(r.platformReviewId, r);
          if (this.pending.get(r.platformReviewId)?.review === r) this.pending.delete(r.platformReviewId);
        }
      }
    } finally {
      this.sending = false;
    }
    this.waitForRows();
  }

  private retryLater(): void {
    this.failures++;
    this.backingOff = true;
    this.ports.setTimeout(() => {
      this.backingOff = false;
      this.kick();
    }, Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (this.failures - 1)));
  }

  /** Reviews still waiting for a row are sent when their wait is over, row or not. */
  private waitForRows(): void {
    if (this.waitPlanned || !this.pending.size) return;
    const now = this.ports.now();
    let soonest = Infinity;
    for (const [id, p] of this.pending) if (!this.ports.isShown(id)) soonest = Math.min(soonest, p.since + UNSHOWN_WAIT_MS - now);
    if (soonest === Infinity) return;
    this.waitPlanned = true;
    this.ports.setTimeout(() => {
      this.waitPlanned = false;
      this.kick();
    }, Math.max(0, soonest) + 10);
  }

  /**
   * The next batch: shown rows in page order, possible cases first, then reviews whose wait for a row is over;
   * `onlyCases`: no praise in it.
   */
  private pick(size: number, onlyCases: boolean): ReviewObservation[] {
    const out: ReviewObservation[] = [];
    const taken = new Set<string>();
    const now = this.ports.now();
    const take = (id: string, casesOnly: boolean) => {
      const p = this.pending.get(id);
      if (!p || taken.has(id) || (casesOnly && !mayBeCase(p.review))) return;
      taken.add(id);
      out.push(p.review);
    };
    const order = this.ports.shownOrder();
    for (const casesOnly of onlyCases ? [true] : [true, false]) {
      for (const id of order) {
        if (out.length >= size) return out;
        take(id, casesOnly);
      }
      for (const [id, p] of this.pending) {
        if (out.length >= size) return out;
        if (now - p.since >= UNSHOWN_WAIT_MS && !this.ports.isShown(id)) take(id, casesOnly);
      }
    }
    return out;
  }
}

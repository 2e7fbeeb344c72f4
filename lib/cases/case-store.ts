import type { ReviewDeskDB } from '../db/database';
import type { ReviewObservation, StoredReview } from '../reviews/schema';
import { reviewKey } from '../reviews/schema';
import { mergeObservation } from './merge';
import { explainDeadline } from './deadlines';
import type { BadgeInfo } from './badge-info';
import type { CaseEvent, CaseRecord } from './schema';
import { isOpenPromise, type PromiseRecord } from './promises';
import type { Sentiment } from '../reviews/sentiment';
import { emptyBuyerNote, type BuyerNote } from './buyer-notes';

export interface CaseView {
  case: CaseRecord;
  review: StoredReview;
  deadlineAt: number | null;
  /** Promises not yet kept. */
  openPromises: PromiseRecord[];
  doNotContact: boolean;
}

export interface CaseDetail extends CaseView {
  events: CaseEvent[];
  promises: PromiseRecord[];
  buyerNote: BuyerNote | null;
  /** Other cases of the same buyer, newest first. */
  buyerCases: Array<Pick<CaseRecord, 'id' | 'status' | 'createdAt'>>;
}

const SEVERITY: Record<Sentiment, number> = { negative: 2, neutral: 1, positive: 0, unknown: 0 };

/** The follow-up carries the case when it is worse than the review (正面评价 with a 差评 follow-up). */
export const badgePart = (review: Pick<StoredReview, 'sentiment' | 'followUp'>): BadgeInfo['part'] =>
  review.followUp && SEVERITY[review.followUp.sentiment] > SEVERITY[review.sentiment] ? 'followUp' : 'review';

export function badgeOf(c: CaseRecord, review: StoredReview, openPromises: PromiseRecord[] = []): BadgeInfo {
  const due = openPromises.map((p) => p.dueAt);
  return {
    platformReviewId: c.platformReviewId, caseId: c.id, sentiment: c.sentiment, status: c.status,
    unopened: c.openedAt === null, inferred: review.sentimentSource === 'text', part: badgePart(review),
    reviewTime: review.reviewTime, deadlineAt: explainDeadline(review)?.at ?? null,
    promiseDueAt: due.length ? Math.min(...due) : null,
  };
}

/** All reads and writes of cases go through here, inside transactions, so two tabs never duplicate a review. */
export class CaseStore {
  constructor(private db: ReviewDeskDB, private now: () => number = Date.now) {}

  /** Stores what a page showed; returns the badge of every observed review that is a case. */
  async ingest(observations: ReviewObservation[], sourcePage: string): Promise<{ badges: BadgeInfo[]; created: number }> {
    const now = this.now();
    return this.db.transaction('rw', [this.db.reviews, this.db.cases, this.db.events, this.db.promises], async () => {
      const ids = observations.map((o) => reviewKey(o.platform, o.platformReviewId));
      const [prevReviews, prevCases] = await Promise.all([this.db.reviews.bulkGet(ids), this.db.cases.bulkGet(ids)]);
      const reviews = new Map<string, StoredReview>();
      const cases = new Map<string, CaseRecord>();
      const changed = new Set<string>();
      const events: CaseEvent[] = [];
      observations.forEach((obs, i) => {
        const id = ids[i]!;
        const prevCase = cases.get(id) ?? prevCases[i];
        const result = mergeObservation(reviews.get(id) ?? prevReviews[i], prevCase, obs, now, sourcePage);
        reviews.set(id, result.review);
        if (result.case) cases.set(id, result.case);
        if (result.case && result.case !== prevCase) changed.add(id);
        events.push(...result.events);
      });
      await this.db.reviews.bulkPut([...reviews.values()]);
      if (changed.size) await this.db.cases.bulkPut([...changed].map((id) => cases.get(id)!));
      if (events.length) await this.db.events.bulkAdd(events);
      const promises = await this.openPromisesOf([...cases.keys()]);
      const badges = [...cases.values()].map((c) => badgeOf(c, reviews.get(c.id)!, promises.get(c.id)));
      return { badges, created: events.filter((e) => e.kind === 'created').length };
    });
  }

  /** Current badges of cases a page is showing (after an agent opened or changed them elsewhere). */
  async badges(caseIds: string[]): Promise<BadgeInfo[]> {
    const [cases, reviews, promises] = await Promise.all([this.db.cases.bulkGet(caseIds), this.db.reviews.bulkGet(caseIds), this.openPromisesOf(caseIds)]);
    return cases.flatMap((c, i) => (c && reviews[i] ? [badgeOf(c, reviews[i], promises.get(c.id))] : []));
  }

  /** Open promises of some cases, by case id (the badge shows an overdue one, as the queue does). */
  private async openPromisesOf(caseIds: string[]): Promise<Map<string, PromiseRecord[]>> {
    const byCase = new Map<string, PromiseRecord[]>();
    if (!caseIds.length) return byCase;
    const promises = await this.db.promises.where('caseId').anyOf(caseIds).filter(isOpenPromise).toArray();
    for (const p of promises) byCase.set(p.caseId, [...(byCase.get(p.caseId) ?? []), p]);
    return byCase;
  }

  /** Every case with what the queue needs; the panel filters (open ones by default). */
  async allCases(): Promise<CaseView[]> {
    const cases = await this.db.cases.toArray();
    const [reviews, promises, notes] = await Promise.all([
      this.db.reviews.bulkGet(cases.map((c) => c.id)),
      this.db.promises.filter(isOpenPromise).toArray(),
      this.db.buyerNotes.filter((n) => n.doNotContact).toArray(),
    ]);
    const blocked = new Set(notes.map((n) => n.buyerKey));
    const promisesByCase = new Map<string, PromiseRecord[]>();
    for (const p of promises) promisesByCase.set(p.caseId, [...(promisesByCase.get(p.caseId) ?? []), p]);
    return cases.flatMap((c, i) => {
      const review = reviews[i];
      if (!review) return [];
      return [{
        case: c, review, deadlineAt: explainDeadline(review)?.at ?? null,
        openPromises: promisesByCase.get(c.id) ?? [],
        doNotContact: !!c.buyerKey && blocked.has(c.buyerKey),
      }];
    });
  }

  async detail(id: string): Promise<CaseDetail | null> {
    const [c, review] = await Promise.all([this.db.cases.get(id), this.db.reviews.get(id)]);
    if (!c || !review) return null;
    const [events, promises, buyerNote, buyerCases] = await Promise.all([
      this.db.events.where('caseId').equals(id).sortBy('at'),
      this.db.promises.where('caseId').equals(id).toArray(),
      c.buyerKey ? this.db.buyerNotes.get(c.buyerKey).then((n) => n ?? emptyBuyerNote(c.buyerKey!)) : Promise.resolve(null),
      c.buyerKey ? this.db.cases.where('buyerKey').equals(c.buyerKey).filter((o) => o.id !== id).toArray() : Promise.resolve([]),
    ]);
    return {
      case: c, review, deadlineAt: explainDeadline(review)?.at ?? null, events, promises, buyerNote,
      openPromises: promises.filter(isOpenPromise), doNotContact: !!buyerNote?.doNotContact,
      buyerCases: buyerCases.sort((a, b) => b.createdAt - a.createdAt).map(({ id: oid, status, createdAt }) => ({ id: oid, status, createdAt })),
    };
  }

  /** The first time an agent looks at a case it stops counting as unopened. */
  async markOpened(id: string, by: string): Promise<void> {
    const now = this.now();
    await this.db.transaction('rw', this.db.cases, this.db.events, async () => {
      const c = await this.db.cases.get(id);
      if (!c || c.openedAt !== null) return;
      await this.db.cases.put({ ...c, openedAt: now, updatedAt: now });
      await this.db.events.add({ caseId: id, at: now, kind: 'opened', by });
    });
  }

  async unopenedCount(): Promise<number> {
    return this.db.cases.where('status').equals('new').filter((c) => c.openedAt === null).count();
  }
}

import type { ReviewDeskDB } from '../db/database';
import type { ReviewObservation, StoredReview } from '../reviews/schema';
import { reviewKey } from '../reviews/schema';
import { mergeObservation } from './merge';
import { explainDeadline } from './deadlines';
import type { BadgeInfo } from './badge-info';
import { badgeOf } from './badge-of';
import type { CaseEvent, CaseRecord } from './schema';
import { isOpenPromise, type PromiseRecord } from './promises';
import { emptyBuyerNote, type BuyerNote } from './buyer-notes';
import { plainCase, plainPromise, reindexed, sameQueueFields, sourcesFromReview, storedSources, withQueueFields, type IndexedCase } from '../queue/fields';
import { announceCases } from '../queue/feed';
import { readMany } from '../queue/read-many';
import { tallyOf } from '../queue/tally';

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

/** All reads and writes of cases go through here, inside transactions, so two tabs never duplicate a review. */
export class CaseStore {
  constructor(private db: ReviewDeskDB, private now: () => number = Date.now) {}

  /**
   * Stores what a page showed; returns the badge of every observed review that is a case, and the ids of the cases
   * whose record (or place in the queue) changed. One transaction per batch: two range reads, three bulk writes.
   */
  async ingest(observations: ReviewObservation[], sourcePage: string): Promise<{ badges: BadgeInfo[]; created: number; changedIds: string[] }> {
    const now = this.now();
    const result = await this.db.transaction('rw', [this.db.reviews, this.db.cases, this.db.events], async () => {
      const ids = observations.map((o) => reviewKey(o.platform, o.platformReviewId));
      // Most of a batch is new (nothing to read) or a page seen again (neighbouring ids): range scans, not a read per id.
      const [before, prevReviews] = await Promise.all([readMany<CaseRecord>(this.db.cases, ids), readMany<StoredReview>(this.db.reviews, ids)]);
      const reviews = new Map<string, StoredReview>();
      const cases = new Map<string, CaseRecord>();
      const events: CaseEvent[] = [];
      observations.forEach((obs, i) => {
        const id = ids[i]!;
        const result = mergeObservation(reviews.get(id) ?? prevReviews.get(id), cases.get(id) ?? before.get(id), obs, now, sourcePage);
        reviews.set(id, result.review);
        if (result.case) cases.set(id, result.case);
        events.push(...result.events);
      });
      // The review's deadline and text feed the queue fields, so a case is written again when they move too.
      const written: IndexedCase[] = [];
      const indexed = [...cases.values()].map((c) => {
        const prev = before.get(c.id) as IndexedCase | undefined;
        const next = withQueueFields(c, sourcesFromReview(reviews.get(c.id), storedSources(prev ?? c).promiseDues), now);
        if (!prev || c !== prev || !sameQueueFields(prev, next)) written.push(next);
        return next;
      });
      await this.db.reviews.bulkPut([...reviews.values()]);
      if (written.length) await this.db.cases.bulkPut(written);
      if (events.length) await this.db.events.bulkAdd(events);
      const badges = indexed.map((c) => badgeOf(c, reviews.get(c.id)!, c.promiseDues.map((dueAt) => ({ dueAt }))));
      return { badges, created: events.filter((e) => e.kind === 'created').length, written };
    });
    announceCases(this.db.name, result.written);
    return { badges: result.badges, created: result.created, changedIds: result.written.map((c) => c.id) };
  }

  /**
   * Current badges of the cases among these ids: a page's lookup of every review it shows (mostly unknown ones on a
   * first visit, a run of neighbours on a page seen again), or the cases an agent changed elsewhere.
   */
  async badges(caseIds: string[]): Promise<BadgeInfo[]> {
    return this.db.transaction('r', this.db.cases, this.db.reviews, async () => {
      const cases = await readMany<CaseRecord>(this.db.cases, caseIds);
      const reviews = await readMany<StoredReview>(this.db.reviews, [...cases.keys()]);
      return [...new Set(caseIds)].flatMap((id) => {
        const c = cases.get(id);
        const review = reviews.get(id);
        return c && review ? [badgeOf(c, review, storedSources(c).promiseDues.map((dueAt) => ({ dueAt })))] : [];
      });
    });
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
        case: plainCase(c), review, deadlineAt: explainDeadline(review)?.at ?? null,
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
      this.db.promises.where('caseId').equals(id).toArray().then((ps) => ps.map(plainPromise)),
      c.buyerKey ? this.db.buyerNotes.get(c.buyerKey).then((n) => n ?? emptyBuyerNote(c.buyerKey!)) : Promise.resolve(null),
      c.buyerKey ? this.db.cases.where('buyerKey').equals(c.buyerKey).filter((o) => o.id !== id).toArray() : Promise.resolve([]),
    ]);
    return {
      case: plainCase(c), review, deadlineAt: explainDeadline(review)?.at ?? null, events, promises, buyerNote,
      openPromises: promises.filter(isOpenPromise), doNotContact: !!buyerNote?.doNotContact,
      buyerCases: buyerCases.sort((a, b) => b.createdAt - a.createdAt).map(({ id: oid, status, createdAt }) => ({ id: oid, status, createdAt })),
    };
  }

  /** The first time an agent looks at a case it stops counting as unopened. */
  async markOpened(id: string, by: string): Promise<boolean> {
    const now = this.now();
    const opened = await this.db.transaction('rw', this.db.cases, this.db.events, async () => {
      const c = await this.db.cases.get(id);
      if (!c || c.openedAt !== null) return null;
      const next = reindexed({ ...c, openedAt: now, updatedAt: now }, now);
      await this.db.cases.put(next);
      await this.db.events.add({ caseId: id, at: now, kind: 'opened', by });
      return next;
    });
    if (opened) announceCases(this.db.name, [opened]);
    return opened !== null;
  }

  /** New cases nobody has opened (the toolbar's figure, asked after every ingest batch): held, else counted on the index. */
  async unopenedCount(): Promise<number> {
    return tallyOf(this.db).unopened() ?? this.db.cases.where('unopened').equals(1).count();
  }
}

import type { CaseRecord } from '../cases/schema';
import { isOpenStatus } from '../cases/schema';
import { isOpenPromise, type PromiseRecord } from '../cases/promises';
import type { StoredReview } from '../reviews/schema';
import { explainDeadline } from '../cases/deadlines';
import { rankCase, type QueueRank } from './rank';

/**
 * What the store keeps on each case so that the queue can be read through indexes instead of loading everything:
 * copies of the few review and promise facts the order depends on, and the keys the indexes are built on.
 * Computed by one function at every write (`withQueueFields`), never by hand.
 */
export interface QueueFields {
  /** 1 while the case is open (new, contacting, agreed): the default queue. */
  open: 0 | 1;
  rank: QueueRank;
  /** When `rank` must be computed again (a due time passes); absent when nothing can change it. */
  rankStaleAt?: number;
  /** Present (1) only on new cases nobody has opened, so that the toolbar count reads a small index. */
  unopened?: 1;
  causeCodes: string[];
  /** The product filter's key: the item id, else its title (as filterChoices keys it). */
  itemKey?: string;
  /** The product's name for the filter menu: its title, else its key. */
  itemTitle?: string;
  /** '' when nobody holds the case (IndexedDB cannot index null). */
  assigneeKey: string;
  /** The explanation deadline, computed from the review. */
  deadlineAt: number | null;
  /** Due times of the promises not yet kept (nor cancelled). */
  promiseDues: number[];
  /** Lower-cased text that search matches: review, follow-up, product, nick, order id, review id. */
  search: string;
}

export type IndexedCase = CaseRecord & QueueFields;

export const QUEUE_FIELD_NAMES = [
  'open', 'rank', 'rankStaleAt', 'unopened', 'causeCodes', 'itemKey', 'itemTitle', 'assigneeKey', 'deadlineAt', 'promiseDues', 'search',
] as const satisfies ReadonlyArray<keyof QueueFields>;

/** Long enough for any review with its follow-up (the console caps a review at 500 characters). */
const SEARCH_CAP = 2000;

/** Exactly the text matchesFilter searches (lib/cases/queue.ts), lower-cased once at write time. */
export function searchTextOf(review: Pick<StoredReview, 'content' | 'followUp' | 'itemTitle' | 'buyerNick' | 'orderId' | 'platformReviewId'>): string {
  return [review.content, review.followUp?.content, review.itemTitle, review.buyerNick, review.orderId, review.platformReviewId]
    .filter(Boolean).join('\n').toLowerCase().slice(0, SEARCH_CAP);
}

/** The facts a case's queue fields come from, besides the case itself. */
export interface QueueSources {
  deadlineAt: number | null;
  promiseDues: number[];
  search: string;
  itemKey?: string;
  itemTitle?: string;
}

export function sourcesFromReview(review: StoredReview | undefined, promiseDues: number[]): QueueSources {
  if (!review) return { deadlineAt: null, promiseDues, search: '' };
  const itemKey = review.itemId ?? review.itemTitle;
  return {
    deadlineAt: explainDeadline(review)?.at ?? null, promiseDues, search: searchTextOf(review),
    itemKey: itemKey || undefined, itemTitle: itemKey ? (review.itemTitle ?? itemKey) : undefined,
  };
}

/** Due times of a case's promises still to be kept. */
export const openDues = (promises: PromiseRecord[]): number[] => promises.filter(isOpenPromise).map((p) => p.dueAt).sort((a, b) => a - b);

/** The case with every queue field computed from it and its sources, as of `now`. */
export function withQueueFields(c: CaseRecord, sources: QueueSources, now: number): IndexedCase {
  const { rank, staleAt } = rankCase({ case: c, deadlineAt: sources.deadlineAt, openPromises: sources.promiseDues.map((dueAt) => ({ dueAt })) }, now);
  const rest = plainCase(c);
  return {
    ...rest,
    open: isOpenStatus(c.status) ? 1 : 0,
    rank,
    ...(staleAt !== null ? { rankStaleAt: staleAt } : {}),
    ...(c.openedAt === null && c.status === 'new' ? { unopened: 1 as const } : {}),
    causeCodes: [...new Set(c.causes.map((x) => x.code))],
    ...(sources.itemKey !== undefined ? { itemKey: sources.itemKey } : {}),
    ...(sources.itemTitle !== undefined ? { itemTitle: sources.itemTitle } : {}),
    assigneeKey: c.assignee ?? '',
    deadlineAt: sources.deadlineAt,
    promiseDues: sources.promiseDues,
    search: sources.search,
  };
}

/** The sources already stored on an indexed case (for writes that change only the case's own fields). */
export function storedSources(c: CaseRecord): QueueSources {
  const q = c as Partial<IndexedCase>;
  return { deadlineAt: q.deadlineAt ?? null, promiseDues: q.promiseDues ?? [], search: q.search ?? '', itemKey: q.itemKey, itemTitle: q.itemTitle };
}

/** Re-computes the queue fields of a case whose own fields changed (status, opened, agreed time, causes, holder). */
export const reindexed = (c: CaseRecord, now: number, promiseDues?: number[]): IndexedCase => {
  const sources = storedSources(c);
  return withQueueFields(c, promiseDues ? { ...sources, promiseDues } : sources, now);
};

/** The case as the protocol describes it: the store's bookkeeping stays in the store (and out of messages). */
export function plainCase(c: CaseRecord): CaseRecord {
  const copy = { ...c } as Partial<IndexedCase>;
  for (const k of QUEUE_FIELD_NAMES) delete copy[k];
  return copy as CaseRecord;
}

/** True when two writes of a case would index it the same way (so an unchanged case need not be written). */
export function sameQueueFields(a: Partial<IndexedCase>, b: IndexedCase): boolean {
  return a.open === b.open && a.unopened === b.unopened && a.rankStaleAt === b.rankStaleAt && a.deadlineAt === b.deadlineAt
    && a.search === b.search && a.itemKey === b.itemKey && a.itemTitle === b.itemTitle && a.assigneeKey === b.assigneeKey
    && String(a.rank) === String(b.rank) && String(a.causeCodes) === String(b.causeCodes) && String(a.promiseDues) === String(b.promiseDues);
}

/** Promises carry their due time in `openDue` while still to be kept, so reminders and the toolbar read an index. */
export type IndexedPromise = PromiseRecord & { openDue?: number };

export function withOpenDue(p: PromiseRecord): IndexedPromise {
  const { openDue: _old, ...rest } = p as IndexedPromise;
  return isOpenPromise(p) ? { ...rest, openDue: p.dueAt } : rest;
}

export function plainPromise(p: PromiseRecord): PromiseRecord {
  const { openDue: _old, ...rest } = p as IndexedPromise;
  return rest;
}

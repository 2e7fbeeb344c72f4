import { randomUUID } from 'node:crypto';
import type { CaseRecord } from '../../../lib/cases/schema';
import type { StoredReview } from '../../../lib/reviews/schema';
import type { Mutation, TeamEvent, TeamPromise } from '../../../lib/team/protocol';

export const T0 = Date.UTC(2026, 10, 20, 2, 0);

/** A mutation with a fresh id; `at` is the client's time. */
export function mutation<K extends Mutation['kind']>(kind: K, payload: Extract<Mutation, { kind: K }>['payload'], at = T0): Mutation {
  return { id: randomUUID(), at, kind, payload } as Mutation;
}

export function review(n: number | string, over: Partial<StoredReview> = {}): StoredReview {
  const platformReviewId = `R${n}`;
  return {
    id: `tmall:${platformReviewId}`, platform: 'tmall', platformReviewId, sentiment: 'negative', sentimentSource: 'platform',
    content: `质量太差了，用了两天就坏 ${n}`, placeholder: false, reviewTime: T0 - 86_400_000, buyerNick: 't**1', buyerKey: `buyer-${n}`,
    pictureCount: 0, firstSeenAt: T0, lastSeenAt: T0, sourcePage: 'https://myseller.taobao.com/home.htm', ...over,
  };
}

export function caseOf(n: number | string, over: Partial<CaseRecord> = {}): CaseRecord {
  const platformReviewId = `R${n}`;
  return {
    id: `tmall:${platformReviewId}`, platform: 'tmall', platformReviewId, sentiment: 'negative', status: 'new',
    createdAt: T0, updatedAt: T0, statusChangedAt: T0, openedAt: null, reviewTime: T0 - 86_400_000, buyerKey: `buyer-${n}`,
    causes: [], causesBy: 'auto', assignee: null, agreedAt: null, ...over,
  };
}

export function event(caseId: string, over: Partial<TeamEvent> = {}): TeamEvent {
  return { id: randomUUID(), caseId, at: T0, kind: 'attempt', by: 'anyone', channel: 'phone', outcome: 'no_answer', ...over };
}

export function promise(caseId: string, over: Partial<TeamPromise> = {}): TeamPromise {
  return {
    id: randomUUID(), caseId, kind: 'partial_refund', amountFen: 1230, dueAt: T0 + 86_400_000, createdAt: T0, createdBy: 'anyone',
    fulfilledAt: null, fulfilledRef: null, note: '', ...over,
  };
}

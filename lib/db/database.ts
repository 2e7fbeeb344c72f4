import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { StoredReview } from '../reviews/schema';
import type { CaseEvent, CaseRecord } from '../cases/schema';
import type { PromiseRecord } from '../cases/promises';
import type { BuyerNote } from '../cases/buyer-notes';
import { causesOfReview } from '../cases/causes';

/** v1 tables, frozen: later versions only add. */
export const V1_STORES = {
  reviews: 'id, lastSeenAt, buyerKey, itemId',
  cases: 'id, status, createdAt, buyerKey, itemId',
  events: '++seq, caseId, at',
};

/** v2: the agent's workflow (promises, buyer notes) and causes on every case. */
export const V2_STORES = {
  ...V1_STORES,
  promises: '++id, caseId, dueAt',
  buyerNotes: 'buyerKey',
};

/** v1 → v2: every existing case gets its causes read from its review, and the new workflow fields. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const reviews = new Map<string, StoredReview>();
  await tx.table('reviews').each((r: StoredReview) => reviews.set(r.id, r));
  await tx.table('cases').toCollection().modify((c: Partial<CaseRecord> & { id: string }) => {
    const review = reviews.get(c.id);
    c.causes = review ? causesOfReview(review) : [];
    c.causesBy = 'auto';
    c.assignee = c.assignee ?? null;
    c.agreedAt = c.agreedAt ?? null;
  });
}

/**
 * The one database, opened only by the background worker (extension origin).
 * Each schema change is a new numbered version with an upgrade step and a test; old versions stay.
 */
export class ReviewDeskDB extends Dexie {
  reviews!: EntityTable<StoredReview, 'id'>;
  cases!: EntityTable<CaseRecord, 'id'>;
  events!: EntityTable<CaseEvent, 'seq'>;
  promises!: EntityTable<PromiseRecord, 'id'>;
  buyerNotes!: EntityTable<BuyerNote, 'buyerKey'>;

  constructor(name = 'reviewdesk') {
    super(name);
    this.version(1).stores(V1_STORES);
    this.version(2).stores(V2_STORES).upgrade(upgradeToV2);
  }
}

import Dexie, { type EntityTable } from 'dexie';
import type { StoredReview } from '../reviews/schema';
import type { CaseEvent, CaseRecord } from '../cases/schema';

/**
 * The one database, opened only by the background worker (extension origin).
 * Each schema change is a new numbered version with an upgrade step and a test; old versions stay.
 */
export class ReviewDeskDB extends Dexie {
  reviews!: EntityTable<StoredReview, 'id'>;
  cases!: EntityTable<CaseRecord, 'id'>;
  events!: EntityTable<CaseEvent, 'seq'>;

  constructor(name = 'reviewdesk') {
    super(name);
    // v1: only fields that are queried are indexed.
    this.version(1).stores({
      reviews: 'id, lastSeenAt, buyerKey, itemId',
      cases: 'id, status, createdAt, buyerKey, itemId',
      events: '++seq, caseId, at',
    });
  }
}

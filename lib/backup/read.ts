import type { ReviewDeskDB } from '../db/database';
import { CaseRecord } from '../cases/schema';
import { PromiseRecord } from '../cases/promises';
import type { BackupTable } from './schema';

/** Records per backup message: a few MB at most, whatever the table. */
export const BACKUP_PAGE_MAX = 2000;

/** Each table's primary key, in the order pages are read. */
const KEY_OF: Record<BackupTable, string> = { reviews: 'id', cases: 'id', events: 'seq', promises: 'id', buyerNotes: 'buyerKey' };

const CASE_FIELDS = Object.keys(CaseRecord.shape);
const PROMISE_FIELDS = Object.keys(PromiseRecord.shape);

/** Only the record's own fields: the store's derived index fields are computed again on restore. */
function own(record: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => record[f] !== undefined).map((f) => [f, record[f]]));
}

/**
 * One page of a table in primary-key order, after the key `after` (null: from the start). Keyset paging: each page is
 * one index range, however far into the table, so backing up 100,000 reviews reads each once.
 */
export async function readBackupPage(db: ReviewDeskDB, table: BackupTable, after: string | number | null, limit: number): Promise<{ records: unknown[]; next: string | number | null }> {
  const t = db.table(table);
  const range = after === null ? t.orderBy(':id') : t.where(':id').above(after);
  const rows = (await range.limit(limit).toArray()) as Array<Record<string, unknown>>;
  const records = table === 'cases' ? rows.map((r) => own(r, CASE_FIELDS)) : table === 'promises' ? rows.map((r) => own(r, PROMISE_FIELDS)) : rows;
  const last = rows.at(-1);
  return { records, next: rows.length === limit && last ? (last[KEY_OF[table]] as string | number) : null };
}

export async function tableCounts(db: ReviewDeskDB): Promise<Record<BackupTable, number>> {
  const [reviews, cases, events, promises, buyerNotes] = await Promise.all([
    db.reviews.count(), db.cases.count(), db.events.count(), db.promises.count(), db.buyerNotes.count(),
  ]);
  return { reviews, cases, events, promises, buyerNotes };
}

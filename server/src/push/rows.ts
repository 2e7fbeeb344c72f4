import type { Queryable } from '../db/types';
import type { FieldTimes } from './lww';

/** The tables whose rows are merged field by field, with their key column. */
export type LwwTable = 'reviews' | 'cases' | 'promises' | 'buyer_notes';
const KEY: Record<LwwTable, string> = { reviews: 'id', cases: 'id', promises: 'id', buyer_notes: 'buyer_key' };

export interface StoredRow<T> { data: T; times: FieldTimes }

export async function readForUpdate<T>(tx: Queryable, table: LwwTable, shopId: string, key: string): Promise<StoredRow<T> | undefined> {
  const rows = await tx.query<{ data: T; field_times: FieldTimes }>(
    `select data, field_times from ${table} where shop_id = $1 and ${KEY[table]} = $2 for update`, [shopId, key],
  );
  const row = rows[0];
  return row && { data: row.data, times: row.field_times };
}

/** Inserts a new row with the next change number; false when the key exists already (nothing is overwritten). */
export async function insertRow(tx: Queryable, table: LwwTable, shopId: string, key: string, data: unknown, times: FieldTimes, extra: Record<string, unknown> = {}): Promise<boolean> {
  const cols = Object.keys(extra);
  const rows = await tx.query(
    `insert into ${table} (shop_id, ${KEY[table]}, data, field_times, change_seq${cols.map((c) => `, ${c}`).join('')})
     values ($1, $2, $3::jsonb, $4::jsonb, nextval('change_seq')${cols.map((_, i) => `, $${i + 5}`).join('')})
     on conflict do nothing returning 1`,
    [shopId, key, JSON.stringify(data), JSON.stringify(times), ...Object.values(extra)],
  );
  return rows.length > 0;
}

/** Writes the merged row and gives it the next change number, so pulls see it after everything before. */
export async function updateRow(tx: Queryable, table: LwwTable, shopId: string, key: string, data: unknown, times: FieldTimes): Promise<void> {
  await tx.query(
    `update ${table} set data = $3::jsonb, field_times = $4::jsonb, change_seq = nextval('change_seq') where shop_id = $1 and ${KEY[table]} = $2`,
    [shopId, key, JSON.stringify(data), JSON.stringify(times)],
  );
}

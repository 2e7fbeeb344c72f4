import type { Table } from 'dexie';

/** Any table keyed by a string (its insert type does not matter for reading). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ReadableTable<T> = Table<T, string, any>;

/**
 * Below this many ids a plain read per id is as cheap as scanning their range first.
 * (In Chrome every IndexedDB request costs about as much as listing ten keys of a range.)
 */
const SCAN_FROM = 16;
/** A range may hold this many stored keys per id asked for before it is split in two. */
const KEYS_PER_ID = 4;

/**
 * The stored records among `ids`, by id. A page's batch is mostly reviews never seen (a read per id would find
 * nothing) or a page seen again (a run of neighbouring ids): both are answered by a key scan over the ids' range,
 * one request instead of one per id; only the ids found are then read (or the whole range at once, when it holds
 * little else). A range crowded with other records is split in two, down to reads per id, so a scattered batch costs
 * at most a few short scans more than reading every id.
 */
export async function readMany<T>(table: ReadableTable<T>, ids: readonly string[]): Promise<Map<string, T>> {
  const sorted = [...new Set(ids)].sort();
  const found = new Map<string, T>();
  await readSorted(table, sorted, found);
  return found;
}

async function readSorted<T>(table: ReadableTable<T>, ids: string[], into: Map<string, T>): Promise<void> {
  if (!ids.length) return;
  if (ids.length < SCAN_FROM) return readEach(table, ids, into);
  const first = ids[0]!;
  const last = ids[ids.length - 1]!;
  const cap = KEYS_PER_ID * ids.length + SCAN_FROM;
  const keys = (await table.where(':id').between(first, last, true, true).limit(cap).primaryKeys()) as string[];
  if (keys.length >= cap) {
    // Too many other records in between (or a batch from all over the store): each half on its own.
    const mid = ids.length >> 1;
    await Promise.all([readSorted(table, ids.slice(0, mid), into), readSorted(table, ids.slice(mid), into)]);
    return;
  }
  const wanted = new Set(ids);
  const present = keys.filter((k) => wanted.has(k));
  if (!present.length) return;
  if (keys.length <= 2 * present.length) {
    // The range is mostly ours (a page seen again): its records in one request.
    const records = await table.where(':id').between(first, last, true, true).toArray();
    const primaryKey = table.schema.primKey.keyPath as string;
    for (const r of records) {
      const key = (r as Record<string, unknown>)[primaryKey] as string;
      if (wanted.has(key)) into.set(key, r);
    }
    return;
  }
  return readEach(table, present, into);
}

async function readEach<T>(table: ReadableTable<T>, ids: string[], into: Map<string, T>): Promise<void> {
  const records = await table.bulkGet(ids);
  records.forEach((r, i) => {
    if (r !== undefined) into.set(ids[i]!, r);
  });
}

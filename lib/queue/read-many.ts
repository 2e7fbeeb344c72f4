import type { Table } from 'dexie';

/** Any table keyed by a string (its insert type does not matter for reading). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ReadableTable<T> = Table<T, string, any>;

/** Below this many ids a read per id costs no more than the range requests. */
const SCAN_FROM = 16;
/** A scan lists at most this many stored keys per id asked for; a range holding more is read id by id instead. */
const KEYS_PER_ID = 2;

/**
 * The stored records among `ids`, by id, in at most two round trips. In Chrome every IndexedDB request costs about as
 * much as listing ten keys of a range, and a page's batch is mostly reviews never seen (a read per id finds nothing)
 * or a page seen again (a run of neighbouring ids). So the first round lists the stored keys of the batch's range (up
 * to a few per id) beside the stored keys nearest its two ends; when the list is complete it says exactly which ids
 * are stored, and only those are read (their whole range at once when it holds little else). When the range holds
 * many other records (a few revised reviews from days ago among new ones), the ids beyond the nearest stored keys
 * are new for sure (new reviews have the newest ids) and the rest are read id by id, as before.
 */
export async function readMany<T>(table: ReadableTable<T>, ids: readonly string[]): Promise<Map<string, T>> {
  const sorted = [...new Set(ids)].sort();
  const found = new Map<string, T>();
  if (sorted.length < SCAN_FROM) {
    await readEach(table, sorted, found);
    return found;
  }
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  const range = () => table.where(':id').between(first, last, true, true);
  const cap = KEYS_PER_ID * sorted.length + SCAN_FROM;
  const [keys, low, high] = (await Promise.all([
    range().limit(cap).primaryKeys(),
    range().limit(1).primaryKeys(),
    range().reverse().limit(1).primaryKeys(),
  ])) as [string[], string[], string[]];
  if (keys.length >= cap) {
    await readEach(table, sorted.filter((id) => id >= low[0]! && id <= high[0]!), found);
    return found;
  }
  const wanted = new Set(sorted);
  const present = keys.filter((k) => wanted.has(k));
  if (!present.length) return found;
  if (keys.length <= 2 * present.length) {
    // The range is mostly ours (a page seen again): its records in one request.
    const primaryKey = table.schema.primKey.keyPath as string;
    for (const r of await range().toArray()) {
      const key = (r as Record<string, unknown>)[primaryKey] as string;
      if (wanted.has(key)) found.set(key, r);
    }
    return found;
  }
  await readEach(table, present, found);
  return found;
}

async function readEach<T>(table: ReadableTable<T>, ids: string[], into: Map<string, T>): Promise<void> {
  if (!ids.length) return;
  const records = await table.bulkGet(ids);
  records.forEach((r, i) => {
    if (r !== undefined) into.set(ids[i]!, r);
  });
}

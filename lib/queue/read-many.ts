import type { Table } from 'dexie';

/** Any table keyed by a string (its insert type does not matter for reading). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ReadableTable<T> = Table<T, string, any>;

/** Below this many ids a read per id costs no more than the range requests. */
const SCAN_FROM = 16;
/** A scan lists at most this many stored keys per id asked for; a range holding more is read id by id instead. */
const KEYS_PER_ID = 2;

/**
 * The stored records among `ids`, by id. In Chrome every IndexedDB request costs about as much as listing ten keys
 * of a range, and a page's batch is mostly reviews never seen (a read per id finds nothing) or a page seen again (a
 * run of neighbouring ids). So: two one-key requests find the stored keys nearest the batch's ends, which rules out
 * every id beyond them (new reviews have the newest ids); one key scan over what is left finds which ids are stored,
 * unless their range holds many other records (a few old ids spread over weeks: revised reviews), which are then read
 * id by id as before; finally only the ids found are read (or their whole range at once, when it holds little else).
 */
export async function readMany<T>(table: ReadableTable<T>, ids: readonly string[]): Promise<Map<string, T>> {
  const sorted = [...new Set(ids)].sort();
  const found = new Map<string, T>();
  if (sorted.length < SCAN_FROM) {
    await readEach(table, sorted, found);
    return found;
  }
  const between = (lo: string, hi: string) => table.where(':id').between(lo, hi, true, true);
  const [low, high] = await Promise.all([
    between(sorted[0]!, sorted.at(-1)!).limit(1).primaryKeys(),
    between(sorted[0]!, sorted.at(-1)!).reverse().limit(1).primaryKeys(),
  ]);
  if (!low.length || !high.length) return found; // nothing stored anywhere in the batch's range
  const inside = sorted.filter((id) => id >= low[0]! && id <= high[0]!);
  if (inside.length < SCAN_FROM) {
    await readEach(table, inside, found);
    return found;
  }
  const first = inside[0]!;
  const last = inside.at(-1)!;
  const cap = KEYS_PER_ID * inside.length + SCAN_FROM;
  const keys = (await between(first, last).limit(cap).primaryKeys()) as string[];
  if (keys.length >= cap) {
    await readEach(table, inside, found);
    return found;
  }
  const wanted = new Set(inside);
  const present = keys.filter((k) => wanted.has(k));
  if (!present.length) return found;
  if (keys.length <= 2 * present.length) {
    // The range is mostly ours (a page seen again): its records in one request.
    const primaryKey = table.schema.primKey.keyPath as string;
    for (const r of await between(first, last).toArray()) {
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

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReviewDeskDB } from '@/lib/db/database';
import { readMany } from '@/lib/queue/read-many';
import type { StoredReview } from '@/lib/reviews/schema';
import { observation } from './helpers';
import { seededRandom } from '@/lib/random/seeded';

let db: ReviewDeskDB;
afterEach(() => db?.close());

const review = (n: number): StoredReview => ({
  ...observation({ platformReviewId: String(1_300_000_000_000 + n) }), id: `qianniu:${1_300_000_000_000 + n}`,
  firstSeenAt: n, lastSeenAt: n, sourcePage: 'p',
});
const key = (n: number) => `qianniu:${1_300_000_000_000 + n}`;

/** The same "random" store every run. */
const seeded = seededRandom;

async function storeOf(ns: number[]) {
  db = new ReviewDeskDB(`read-many-${Math.random()}`);
  await db.reviews.bulkPut(ns.map(review));
  return db;
}

describe('readMany: the stored records among a batch of ids', () => {
  it('answers a batch of ids never stored without reading them one by one', async () => {
    await storeOf(Array.from({ length: 300 }, (_, i) => i));
    const bulkGet = vi.spyOn(db.reviews, 'bulkGet');
    const found = await readMany(db.reviews, Array.from({ length: 250 }, (_, i) => key(1000 + i)));
    expect(found.size).toBe(0);
    expect(bulkGet).not.toHaveBeenCalled();
  });

  it('reads a page seen again (a run of stored neighbours) whole, in range reads', async () => {
    await storeOf(Array.from({ length: 1000 }, (_, i) => i));
    const bulkGet = vi.spyOn(db.reviews, 'bulkGet');
    const ids = Array.from({ length: 250 }, (_, i) => key(400 + i));
    const found = await readMany(db.reviews, ids);
    expect([...found.keys()].sort()).toEqual(ids);
    expect(found.get(key(400))).toEqual(review(400));
    expect(bulkGet).not.toHaveBeenCalled();
  });

  it('reads one by one only the old ids of a batch of new reviews with a few revised ones from weeks ago', async () => {
    await storeOf(Array.from({ length: 3000 }, (_, i) => i));
    const bulkGet = vi.spyOn(db.reviews, 'bulkGet');
    const revised = Array.from({ length: 25 }, (_, i) => 1000 + i * 80);
    const found = await readMany(db.reviews, [...revised, ...Array.from({ length: 225 }, (_, i) => 3000 + i)].map(key));
    expect([...found.keys()].sort()).toEqual(revised.map(key).sort());
    expect(bulkGet).toHaveBeenCalledTimes(1);
    expect(bulkGet.mock.calls[0]?.[0]).toHaveLength(25);
  });

  it('finds exactly what a read per id finds, for batches new, seen again, scattered, repeated and tiny', async () => {
    const rand = seeded(7);
    const stored = Array.from({ length: 3000 }, (_, i) => i * 3).filter(() => rand() < 0.7);
    await storeOf(stored);
    const batches: number[][] = [
      Array.from({ length: 250 }, (_, i) => 9000 + i), // all new, after everything stored
      Array.from({ length: 250 }, (_, i) => 3000 + i), // a stretch of the store, some stored
      Array.from({ length: 250 }, () => Math.floor(rand() * 9300)), // from all over the store (ranges split)
      [...Array.from({ length: 200 }, (_, i) => 9100 + i), ...Array.from({ length: 50 }, () => Math.floor(rand() * 9000))], // new + revised
      [3, 3, 6, 6, 7], // repeated ids, fewer than a scan is worth
      [],
    ];
    for (const ns of batches) {
      const ids = ns.map(key);
      const expected = new Map<string, StoredReview>();
      (await db.reviews.bulkGet(ids)).forEach((r, i) => r && expected.set(ids[i]!, r));
      const found = await readMany(db.reviews, ids);
      expect(new Map([...found].sort(([a], [b]) => (a < b ? -1 : 1)))).toEqual(new Map([...expected].sort(([a], [b]) => (a < b ? -1 : 1))));
    }
  });
});

import { expect, it } from 'vitest';
import { describeEachDatabase } from './support/databases';
import { makeApp, newShop } from './support/team';
import { caseOf, event, mutation, review } from './support/records';
import { openPostgres } from '../src/db/postgres';
import type { Database } from '../src/db/types';

/** A second server process on the same database: its own connection pool for PostgreSQL; PGlite has one per process. */
async function secondConnection(current: { db: Database; url?: string }): Promise<{ db: Database; close(): Promise<void> }> {
  if (!current.url) return { db: current.db, close: async () => undefined };
  const db = await openPostgres(current.url, 4);
  return { db, close: () => db.close() };
}

describeEachDatabase('changes since a cursor', (get) => {
  it('two server instances on one database hand out one order: pulls through either see the same sequence', async () => {
    const second = await secondConnection(get());
    try {
      const one = makeApp(get().db);
      const two = makeApp(second.db);
      const lead = await newShop(one);
      const viaTwo = lead.via(two);
      // Pushes alternate between the two instances, several at once.
      await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? lead : viaTwo).push(
        mutation('review.observe', { review: review(i) }), mutation('case.create', { case: caseOf(i) }),
      )));
      const a = await lead.pullAll(3);
      const b = await viaTwo.pullAll(7);
      expect(a.changes.length).toBe(20);
      expect(b.changes).toEqual(a.changes);
      const seqs = a.changes.map((c) => BigInt(c.seq));
      expect([...seqs].sort((x, y) => (x < y ? -1 : 1))).toEqual(seqs);
      // Paging by cursor gives every change once.
      expect(new Set(a.changes.map((c) => c.seq)).size).toBe(20);
      // A later write moves the row to the end of the order, in its full current state.
      await viaTwo.push(mutation('case.set', { caseId: 'tmall:R0', fields: { status: 'agreed' } }));
      const next = await lead.changes(a.cursor);
      expect(next.changes).toHaveLength(1);
      expect(next.changes[0]).toMatchObject({ entity: 'case', case: { id: 'tmall:R0', status: 'agreed', platformReviewId: 'R0' } });
      expect(next.more).toBe(false);
    } finally {
      await second.close();
    }
  });

  it('a held pull is answered as soon as another agent pushes, through another server instance', async () => {
    const second = await secondConnection(get());
    try {
      const one = makeApp(get().db);
      const two = makeApp(second.db);
      const lead = await newShop(one);
      const agent = await lead.addAccount('小李');
      const { cursor } = await lead.pullAll();
      const started = Date.now();
      const held = lead.changes(cursor, '&wait=20');
      await new Promise((r) => setTimeout(r, 300));
      await agent.via(two).push(mutation('case.create', { case: caseOf(9) }), mutation('event.append', { event: event('tmall:R9') }));
      const page = await held;
      expect(page.changes.map((c) => c.entity)).toContain('case');
      // Well before the 20 s wait ended: the change reached the waiting agent live.
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await second.close();
    }
  });

  it('a held pull with nothing new answers empty when the wait ends, with the cursor unchanged', async () => {
    const lead = await newShop(makeApp(get().db));
    const page = await lead.changes('0', '&wait=1');
    expect(page).toEqual({ changes: [], cursor: '0', more: false });
  });
});

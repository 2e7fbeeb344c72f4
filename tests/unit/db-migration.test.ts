import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ReviewDeskDB, V1_STORES } from '@/lib/db/database';
import { CaseRecord } from '@/lib/cases/schema';
import { V1_EXAMPLE } from './fixtures/db-v1';

async function writeV1(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.table('reviews').bulkAdd(V1_EXAMPLE.reviews);
  await v1.table('cases').bulkAdd(V1_EXAMPLE.cases);
  await v1.table('events').bulkAdd(V1_EXAMPLE.events);
  v1.close();
}

describe('database migrations', () => {
  it('v1 → v2 keeps every record and reads causes for existing cases', async () => {
    const name = `mig-${Math.random()}`;
    await writeV1(name);
    const db = new ReviewDeskDB(name);
    const cases = await db.cases.toArray();
    expect(cases).toHaveLength(1);
    const c = cases[0]!;
    expect(CaseRecord.safeParse(c).success).toBe(true);
    expect(c).toMatchObject({ status: 'new', openedAt: 1795300150000, causesBy: 'auto', assignee: null, agreedAt: null });
    expect(c.causes[0]?.code).toBe('logistics_delay');
    expect(await db.reviews.count()).toBe(2);
    expect((await db.events.toArray()).map((e) => e.kind)).toEqual(['created', 'opened']);
    expect(await db.promises.count()).toBe(0);
    db.close();
  });

  it('reopening a current database changes nothing', async () => {
    const name = `mig-${Math.random()}`;
    await writeV1(name);
    const first = new ReviewDeskDB(name);
    await first.cases.update('qianniu:1301250188411', { causesBy: 'agent', causes: [{ code: 'quality', triggers: [] }] });
    first.close();
    const again = new ReviewDeskDB(name);
    expect((await again.cases.get('qianniu:1301250188411'))?.causes).toEqual([{ code: 'quality', triggers: [] }]);
  });
});

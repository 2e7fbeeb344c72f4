import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReviewDeskDB, V1_STORES, V2_STORES, V3_STORES, V4_STORES, upgradeToV2, upgradeToV3, upgradeToV4 } from '@/lib/db/database';
import { QueueReader } from '@/lib/queue/query';
import { LocalInsightSource } from '@/lib/insight/source';
import { CaseRecord } from '@/lib/cases/schema';
import { PromiseRecord } from '@/lib/cases/promises';
import { BuyerNote } from '@/lib/cases/buyer-notes';
import { explainDeadline } from '@/lib/cases/deadlines';
import { plainCase, plainPromise, type IndexedCase } from '@/lib/queue/fields';
import type { StoredReview } from '@/lib/reviews/schema';
import { V1_EXAMPLE } from './fixtures/db-v1';
import { V2_EXAMPLE } from './fixtures/db-v2';

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

async function writeV2(name: string) {
  const v2 = new Dexie(name);
  v2.version(2).stores(V2_STORES);
  await v2.table('reviews').bulkAdd(V2_EXAMPLE.reviews);
  await v2.table('cases').bulkAdd(V2_EXAMPLE.cases);
  await v2.table('events').bulkAdd(V2_EXAMPLE.events);
  await v2.table('promises').bulkAdd(V2_EXAMPLE.promises);
  await v2.table('buyerNotes').bulkAdd(V2_EXAMPLE.buyerNotes);
  v2.close();
}

/** The global id v4 gives every event and promise: checked on its own below. */
const withoutUid = <T extends { uid?: string }>({ uid: _u, ...rest }: T) => rest;

/** What Dexie gives back for a stored object: undefined-valued keys are not stored. */
const stored = <T extends object>(o: T) => JSON.parse(JSON.stringify(o)) as T;

describe('v2 → v3 (queue fields and indexes)', () => {
  afterEach(() => vi.useRealTimers());
  // Between the overdue promise of 102 (1795350000000) and its agreed time (1795400000000).
  const UPGRADE_AT = 1795360000000;

  it('keeps every record the agent entered, field for field', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(UPGRADE_AT);
    const name = `mig3-${Math.random()}`;
    await writeV2(name);
    const db = new ReviewDeskDB(name);
    const cases = (await db.cases.toArray()) as IndexedCase[];
    expect(cases.map(plainCase)).toEqual(stored(V2_EXAMPLE.cases));
    for (const c of cases) expect(CaseRecord.safeParse(plainCase(c)).success).toBe(true);
    expect((await db.promises.toArray()).map(plainPromise).map(withoutUid)).toEqual(stored(V2_EXAMPLE.promises).map((p, i) => ({ ...p, id: i + 1 })));
    for (const p of await db.promises.toArray()) expect(PromiseRecord.safeParse(plainPromise(p)).success).toBe(true);
    expect(await db.buyerNotes.toArray()).toEqual(stored(V2_EXAMPLE.buyerNotes));
    expect(BuyerNote.safeParse((await db.buyerNotes.toArray())[0]).success).toBe(true);
    expect((await db.events.toArray()).map(({ seq: _s, uid: _u, ...e }) => e)).toEqual(stored(V2_EXAMPLE.events));
    expect(await db.reviews.toArray()).toEqual(stored(V2_EXAMPLE.reviews));
    db.close();
  });

  it('computes the queue fields of every case from its review and unkept promises', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(UPGRADE_AT);
    const name = `mig3-${Math.random()}`;
    await writeV2(name);
    const db = new ReviewDeskDB(name);
    const byId = new Map(((await db.cases.toArray()) as IndexedCase[]).map((c) => [c.id.slice(8), c]));
    const deadline = (id: string) => explainDeadline(V2_EXAMPLE.reviews.find((r) => r.id === `qianniu:${id}`) as unknown as StoredReview)!.at;
    // 101: new, nobody opened it: unopened, newest-first key.
    expect(byId.get('101')).toMatchObject({ open: 1, unopened: 1, rank: [1, 0, -1795300000000, 0], assigneeKey: '', causeCodes: ['fulfillment_error'], itemKey: '752102501302', itemTitle: '加厚卫衣', promiseDues: [] });
    expect(byId.get('101')!.search).toContain('发错颜色了');
    // 102: its promise is overdue at the upgrade; the agreed time is the next due moment.
    expect(byId.get('102')).toMatchObject({ open: 1, rank: [0, 1, 1795400000000, -1795310000000], rankStaleAt: 1795400000001, assigneeKey: '小王', promiseDues: [1795350000000] });
    expect(byId.get('102')!.unopened).toBeUndefined();
    expect(byId.get('102')!.search).toContain('客服也不理人');
    expect(byId.get('102')!.causeCodes).toEqual(['logistics_delay', 'service_attitude']);
    // 103: resolved; its cancelled promise counts for nothing; the product is keyed by title.
    expect(byId.get('103')).toMatchObject({ open: 0, promiseDues: [], itemKey: '纯棉T恤', itemTitle: '纯棉T恤', assigneeKey: '小李', deadlineAt: deadline('103') });
    // 104: only the reship is still to be kept (the coupon was given); no title: the key names the product.
    expect(byId.get('104')).toMatchObject({ open: 1, promiseDues: [1795500000000], itemKey: '8800', itemTitle: '8800', rankStaleAt: 1795500000000 });
    // The indexes answer what the queue, the toolbar and the alarms ask.
    expect(await db.cases.where('unopened').equals(1).primaryKeys()).toEqual(['qianniu:101']);
    expect(await db.cases.where('[open+rank]').between([1, Dexie.minKey], [1, Dexie.maxKey]).primaryKeys()).toEqual(['qianniu:102', 'qianniu:101', 'qianniu:104']);
    expect(await db.promises.where('openDue').belowOrEqual(UPGRADE_AT).primaryKeys()).toEqual([1]);
    expect(await db.promises.where('openDue').above(UPGRADE_AT).primaryKeys()).toEqual([2]);
    const byCause = await new QueueReader(db).page({ status: 'all', sentiment: 'all', cause: 'service_attitude', itemId: 'all', assignee: 'all', text: '' }, 0, 50, UPGRADE_AT);
    expect(byCause.items.map((v) => v.case.id)).toEqual(['qianniu:102']);
    db.close();
  });

  it('a v1 database goes through v2 and v3 in one opening', async () => {
    const name = `mig-${Math.random()}`;
    await writeV1(name);
    const db = new ReviewDeskDB(name);
    expect(await db.cases.where('status').equals('new').count()).toBe(1);
    expect(((await db.cases.toArray())[0] as IndexedCase).open).toBe(1);
    db.close();
  });
});

/**
 * A v3 database as the v3 code made it: the frozen v2 example written at v2 and upgraded by the v3 step (both
 * frozen: later versions only add), plus an event written at v3 that names its promise.
 */
async function writeV3(name: string) {
  await writeV2(name);
  const v3 = frozenAt(name, 3);
  await v3.table('events').add({ caseId: 'qianniu:104', at: 1795360000000, kind: 'promise-fulfilled', by: '小王', from: 'agreed', to: 'agreed', promiseId: 3, detail: 'SF123' });
  const snapshot = await snapshotOf(v3, ['cases', 'events', 'promises', 'reviews', 'buyerNotes']);
  v3.close();
  return snapshot;
}

/** The database opened by the frozen steps up to `version` (as that version's code opened it). */
function frozenAt(name: string, version: 3 | 4): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(V1_STORES);
  db.version(2).stores(V2_STORES).upgrade(upgradeToV2);
  db.version(3).stores(V3_STORES).upgrade((tx) => upgradeToV3(tx, 1795360000000));
  if (version >= 4) db.version(4).stores(V4_STORES).upgrade((tx) => upgradeToV4(tx));
  return db;
}

/** Every record of the tables, by table. */
async function snapshotOf(db: Dexie, tables: string[]): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await db.table(t).toArray()] as const)));
}

describe('v3 → v4 (global ids for what a team shares)', () => {
  it('gives every event and promise its own global id and changes nothing else', async () => {
    const name = `mig4-${Math.random()}`;
    const before = await writeV3(name);
    const db = new ReviewDeskDB(name);
    const events = await db.events.toArray();
    const promises = await db.promises.toArray();
    const uids = [...events, ...promises].map((r) => r.uid);
    for (const uid of uids) expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(uids).size).toBe(uids.length);
    expect(events.map(withoutUid)).toEqual(before.events);
    expect(promises.map(withoutUid)).toEqual(before.promises);
    // The local keys stay: an event still names its promise, the queue still reads the same cases.
    expect(events.find((e) => e.kind === 'promise-fulfilled')?.promiseId).toBe(3);
    expect(await db.cases.toArray()).toEqual(before.cases);
    expect(await db.reviews.toArray()).toEqual(before.reviews);
    expect(await db.buyerNotes.toArray()).toEqual(before.buyerNotes);
    expect(await db.promises.where('uid').equals(promises[0]!.uid!).primaryKeys()).toEqual([promises[0]!.id]);
    db.close();
  });

  it('solo, a new event and a new promise get global ids and nothing is queued for a team', async () => {
    const name = `mig4-${Math.random()}`;
    await writeV3(name);
    const db = new ReviewDeskDB(name);
    const seq = await db.events.add({ caseId: 'qianniu:101', at: 1795400000000, kind: 'note', by: '小王', detail: '晚上再打' });
    const id = await db.promises.add({ caseId: 'qianniu:101', kind: 'gift', amountFen: null, dueAt: 1795500000000, note: '', createdAt: 1795400000000, createdBy: '小王', fulfilledAt: null, fulfilledRef: null });
    expect((await db.events.get(seq))?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect((await db.promises.get(id))?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });
});

/** A v4 database as the v4 code made it: the v3 example upgraded by the frozen v4 step. */
async function writeV4(name: string) {
  await writeV3(name);
  const v4 = frozenAt(name, 4);
  const snapshot = await snapshotOf(v4, ['cases', 'events', 'promises', 'reviews', 'buyerNotes', 'outbox', 'syncMeta']);
  v4.close();
  return snapshot;
}

describe('v4 → v5 (indexes nothing reads are dropped)', () => {
  it('keeps every record as it was and answers the queue, the buyer history and the product names as before', async () => {
    const name = `mig5-${Math.random()}`;
    const before = await writeV4(name);
    const db = new ReviewDeskDB(name);
    for (const [table, rows] of Object.entries(before)) expect(await db.table(table).toArray()).toEqual(rows);
    const indexes = (table: string) => db.table(table).schema.indexes.map((i) => i.name).sort();
    expect(indexes('reviews')).toEqual([]);
    expect(indexes('cases')).not.toContain('itemId');
    expect(indexes('cases')).not.toContain('causeCodes');
    expect(indexes('promises')).toEqual(['caseId', 'openDue', 'uid']);
    // What the indexes that stay serve still works on the upgraded data.
    const queue = await new QueueReader(db).page({ status: 'all', sentiment: 'all', cause: 'all', itemId: 'all', assignee: 'all', text: '' }, 0, 50, 1795360000000);
    expect(queue.items.map((v) => v.case.id).sort()).toEqual(before.cases!.map((c) => (c as { id: string }).id).sort());
    const products = await new LocalInsightSource(db).productItems(['752102501302', '纯棉T恤', '8800', 'nothing']);
    expect(products.get('752102501302')).toEqual({ title: '加厚卫衣', link: null });
    expect(products.get('纯棉T恤')?.title).toBe('纯棉T恤');
    expect(products.get('8800')).toEqual({ title: null, link: null });
    expect(products.get('nothing')).toEqual({ title: 'nothing', link: null });
    db.close();
  });
});

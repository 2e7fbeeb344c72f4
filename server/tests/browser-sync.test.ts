/**
 * Two agents' browsers, each with the extension's real local store (Dexie on fake IndexedDB) and the real sync
 * client, sharing one case pool through the real server app, on PGlite and PostgreSQL.
 */
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from './support/databases';
import { makeApp, newShop, PASSWORD, type TestApp } from './support/team';
import { ReviewDeskDB } from '../../lib/db/database';
import { CaseStore } from '../../lib/cases/case-store';
import { WorkflowStore } from '../../lib/cases/workflow-store';
import { LocalSync, type ColleagueCauses } from '../../lib/team/local-sync';
import { SyncEngine } from '../../lib/team/sync-engine';
import { TeamTransport, type FetchLike } from '../../lib/team/transport';
import type { ReviewObservation } from '../../lib/reviews/schema';
import type { PushResult } from '../../lib/team/protocol';

const PAGE = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';

const observation = (id: string, over: Partial<ReviewObservation> = {}): ReviewObservation => ({
  platform: 'qianniu', platformReviewId: id, sentiment: 'negative', sentimentSource: 'platform', content: '发错颜色了，客服也不回',
  placeholder: false, reviewTime: Date.UTC(2026, 10, 29, 4), orderId: `45000000${id}`, buyerNick: 't**', buyerKey: `buyer-${id}`,
  pictureCount: 0, itemId: '7001', itemTitle: '纯棉T恤', ...over,
});

/** One agent's browser: its own database, stores and sync, signed in as `name`. */
async function browser(server: TestApp, name: string, shopId: string, fetchFn?: FetchLike) {
  const db = new ReviewDeskDB(`browser-${name}-${crypto.randomUUID()}`);
  const clock = { now: server.clock.now };
  db.team.now = () => clock.now;
  const refused: PushResult[] = [];
  const changed: string[] = [];
  const learned: ColleagueCauses[] = [];
  const through: FetchLike = fetchFn ?? (async (input, init) => server.app.request(input, init));
  const transport = new TeamTransport('http://127.0.0.1:8787', null, through);
  await transport.login(name, PASSWORD, shopId);
  const local = new LocalSync(db, shopId, {
    casesChanged: (ids) => changed.push(...ids),
    shopSettings: async () => undefined,
    refused: (r) => refused.push(...r),
    colleagueCauses: async (c) => { learned.push(...c); },
    now: () => clock.now,
  });
  const engine = new SyncEngine(transport, {
    pendingMutations: (n) => local.pendingMutations(n), pendingCount: () => local.pendingCount(), settle: (r) => local.settle(r),
    applyChanges: (c) => local.applyChanges(c), loadCursor: () => local.loadCursor(), saveCursor: (c) => local.saveCursor(c), onState: () => undefined,
  }, { now: () => clock.now });
  return {
    db, clock, refused, changed, learned, local, engine, name,
    store: new CaseStore(db),
    work: new WorkflowStore(db, () => clock.now),
    connect: () => local.startRecording(name),
    sync: () => engine.syncOnce(),
    history: async (caseId: string) => (await db.events.where('caseId').equals(caseId).sortBy('at')).map((e) => `${e.by}:${e.kind}:${e.outcome ?? e.detail ?? ''}`),
  };
}

/** A new shop with its lead (组长) and an agent (小李), each in a browser of their own, both connected. */
async function connectedPair(db: TestApp['db']) {
  const server = makeApp(db);
  const lead = await newShop(server);
  await lead.addAccount('小李');
  const a = await browser(server, '组长', lead.shopId);
  const b = await browser(server, '小李', lead.shopId);
  await a.connect();
  await b.connect();
  return { a, b };
}

describeEachDatabase('two browsers on one team server', (get) => {
  it('what was stored before connecting is uploaded once, and the colleague\'s browser then holds it, with its holder and history', async () => {
    const server = makeApp(get().db);
    const lead = await newShop(server);
    await lead.addAccount('小李');
    const a = await browser(server, '组长', lead.shopId);
    await a.store.ingest([observation('9001'), observation('9002', { sentiment: 'neutral', content: '一般般' })], PAGE);
    await a.work.logOutcome({ caseId: 'qianniu:9001', outcome: 'no_answer' }, '组长');
    const promise = await a.work.addPromise({ caseId: 'qianniu:9001', kind: 'reship', amountFen: null, dueAt: a.clock.now + 86_400_000, note: '补发红色' }, '组长');
    await a.connect();
    expect(await a.db.outbox.count()).toBeGreaterThan(0);
    expect(await a.sync()).toMatchObject({ status: 'synced', pending: 0 });
    expect(a.refused).toEqual([]);

    const b = await browser(server, '小李', lead.shopId);
    await b.connect();
    expect(await b.sync()).toMatchObject({ status: 'synced', pending: 0 });
    const seen = await b.db.cases.get('qianniu:9001');
    expect(seen).toMatchObject({ status: 'contacting', assignee: '组长', open: 1 });
    expect(await b.history('qianniu:9001')).toEqual(await a.history('qianniu:9001'));
    const { uid } = (await a.db.promises.get(promise.id!))!;
    const copied = await b.db.promises.where('uid').equals(uid!).first();
    expect(copied).toMatchObject({ kind: 'reship', note: '补发红色', openDue: promise.dueAt });
    // The promise's history entry names the promise as B's browser keys it.
    const promiseEvent = (await b.db.events.where('caseId').equals('qianniu:9001').toArray()).find((e) => e.kind === 'promise');
    expect(promiseEvent?.promiseId).toBe(copied!.id);
    expect(await b.db.reviews.get('qianniu:9002')).toMatchObject({ content: '一般般' });
    // Nothing B applied went back out as B's own change.
    expect(await b.db.outbox.count()).toBe(0);
    expect(b.changed).toContain('qianniu:9001');
  });

  it('both agents work the same case offline; after reconnecting both calls and notes are there and one status wins', async () => {
    const server = makeApp(get().db);
    const lead = await newShop(server);
    await lead.addAccount('小李');
    let online = true;
    const flaky: FetchLike = async (input, init) => {
      if (!online) throw new TypeError('Failed to fetch');
      return server.app.request(input, init);
    };
    const a = await browser(server, '组长', lead.shopId, flaky);
    const b = await browser(server, '小李', lead.shopId, flaky);
    await a.connect();
    await b.connect();
    await a.store.ingest([observation('9101')], PAGE);
    await a.sync();
    await b.sync();
    online = false;
    await a.work.logOutcome({ caseId: 'qianniu:9101', outcome: 'no_answer' }, '组长');
    await a.work.addNote('qianniu:9101', '买家说晚上方便', '组长');
    b.clock.now += 60_000;
    await b.work.logOutcome({ caseId: 'qianniu:9101', outcome: 'agreed_time', agreedAt: b.clock.now + 3_600_000 }, '小李');
    const offline = await a.sync();
    expect(offline.status).toBe('offline');
    expect(offline.pending).toBeGreaterThanOrEqual(3);
    online = true;
    await a.sync();
    await b.sync();
    await a.sync();
    const histories = [await a.history('qianniu:9101'), await b.history('qianniu:9101')];
    expect(histories[0]).toEqual(histories[1]);
    expect(histories[0]).toEqual(expect.arrayContaining(['组长:attempt:no_answer', '组长:note:买家说晚上方便', '小李:attempt:agreed_time']));
    const [ca, cb] = [await a.db.cases.get('qianniu:9101'), await b.db.cases.get('qianniu:9101')];
    expect(ca!.status).toBe(cb!.status);
    expect(['contacting', 'agreed']).toContain(ca!.status);
    // The case was A's (A acted first and its claim reached the server first); B's claim was refused, B sees A.
    expect(ca!.assignee).toBe('组长');
    expect(cb!.assignee).toBe('组长');
    expect(b.refused.some((r) => r.status === 'conflict')).toBe(true);
  });

  it('an undone call disappears from the colleague\'s history too', async () => {
    const { a, b } = await connectedPair(get().db);
    await a.store.ingest([observation('9201')], PAGE);
    const { eventSeq } = await a.work.logOutcome({ caseId: 'qianniu:9201', outcome: 'rejected' }, '组长');
    await a.sync();
    await b.sync();
    expect(await b.history('qianniu:9201')).toContain('组长:attempt:rejected');
    a.clock.now += 5_000;
    expect(await a.work.undo(eventSeq)).toBe(true);
    await a.sync();
    await b.sync();
    expect(await b.history('qianniu:9201')).not.toContain('组长:attempt:rejected');
    expect((await b.db.cases.get('qianniu:9201'))!.status).toBe('new');
  });

  it('a colleague\'s choice of causes reaches the other browser\'s shop model as a lesson, once', async () => {
    const { a, b } = await connectedPair(get().db);
    await a.store.ingest([observation('9301', { content: '赠品没收到，说好的满赠呢' })], PAGE);
    await a.sync();
    await b.sync();
    expect(b.learned).toEqual([]);
    a.clock.now += 1_000;
    await a.work.setCauses('qianniu:9301', [{ code: 'quality', triggers: [] }], '组长');
    await a.sync();
    await b.sync();
    expect(b.learned).toEqual([expect.objectContaining({ caseId: 'qianniu:9301', text: '赠品没收到，说好的满赠呢', agent: '组长' })]);
    expect(b.learned[0]!.causes.map((c) => c.code)).toEqual(['quality']);
    // The same state pulled again teaches nothing twice; the browser that chose learns from its own click only.
    await b.sync();
    expect(b.learned).toHaveLength(1);
    expect(a.learned).toEqual([]);
  });
});


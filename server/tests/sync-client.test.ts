/**
 * The extension's sync client (lib/team) against the real server app, on PGlite and PostgreSQL: what two agents'
 * browsers see when they share a case pool through it.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from './support/databases';
import { makeApp, newShop, PASSWORD, type TestApp } from './support/team';
import { caseOf, event, mutation, review } from './support/records';
import { TeamTransport, type FetchLike } from '../../lib/team/transport';
import { SyncEngine, type SyncPorts, type SyncState } from '../../lib/team/sync-engine';
import type { Change, Mutation, PushResult } from '../../lib/team/protocol';

/** One browser's side kept in memory: an outbox, the records pulled, the pull position, the states shown. */
class Browser implements SyncPorts {
  outbox: Mutation[] = [];
  settled: PushResult[] = [];
  records = new Map<string, Change>();
  cursor = '0';
  states: SyncState[] = [];
  async pendingMutations(limit: number) { return this.outbox.slice(0, limit); }
  async pendingCount() { return this.outbox.length; }
  async settle(results: PushResult[]) {
    const done = new Set(results.map((r) => r.id));
    this.outbox = this.outbox.filter((m) => !done.has(m.id));
    this.settled.push(...results);
  }
  async applyChanges(changes: Change[]) {
    for (const c of changes) this.records.set(`${c.entity}:${keyOf(c)}`, c);
  }
  async loadCursor() { return this.cursor; }
  async saveCursor(cursor: string) { this.cursor = cursor; }
  onState(state: SyncState) { this.states.push(state); }
  caseHolder(id: string) {
    const c = this.records.get(`case:${id}`);
    return c?.entity === 'case' ? c.holder : undefined;
  }
}

const keyOf = (c: Change) => {
  switch (c.entity) {
    case 'review': return c.review.id;
    case 'case': return c.case.id;
    case 'event': return c.event.id;
    case 'promise': return c.promise.id;
    case 'buyerNote': return c.buyerNote.buyerKey;
    case 'settings': return 'shop';
  }
};

const through = (server: TestApp): FetchLike => async (input, init) => server.app.request(input, init);

async function agent(server: TestApp, name: string, shopId: string, fetchFn: FetchLike = through(server)) {
  const transport = new TeamTransport('http://127.0.0.1:8787', null, fetchFn);
  await transport.login(name, PASSWORD, shopId);
  const browser = new Browser();
  return { transport, browser, engine: new SyncEngine(transport, browser, { now: () => server.clock.now }) };
}

describeEachDatabase('the extension sync client', (get) => {
  it('what one agent queued reaches the other agent\'s browser, once, and the position moves on', async () => {
    const server = makeApp(get().db);
    const lead = await newShop(server);
    await lead.addAccount('小李');
    const a = await agent(server, '组长', lead.shopId);
    const b = await agent(server, '小李', lead.shopId);
    a.browser.outbox.push(mutation('review.observe', { review: review(1) }), mutation('case.create', { case: caseOf(1) }), mutation('event.append', { event: event('tmall:R1') }));
    expect((await a.engine.syncOnce()).status).toBe('synced');
    expect(a.browser.outbox).toEqual([]);
    expect(a.browser.settled.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const state = await b.engine.syncOnce();
    expect(state).toMatchObject({ status: 'synced', pending: 0, error: null });
    expect([...b.browser.records.keys()].sort()).toEqual(['case:tmall:R1', 'event:' + keyOf([...b.browser.records.values()].find((c) => c.entity === 'event')!), 'review:tmall:R1'].sort());
    const cursor = b.browser.cursor;
    expect(cursor).not.toBe('0');
    b.browser.records.clear();
    await b.engine.syncOnce();
    expect(b.browser.records.size).toBe(0);
    expect(b.browser.cursor).toBe(cursor);
  });

  it('offline keeps the queue and says 离线; back online it is sent, and a replayed mutation is harmless', async () => {
    const server = makeApp(get().db);
    const lead = await newShop(server);
    let online = true;
    const flaky: FetchLike = async (input, init) => {
      if (!online) throw new TypeError('Failed to fetch');
      return server.app.request(input, init);
    };
    const a = await agent(server, '组长', lead.shopId, flaky);
    const create = mutation('case.create', { case: caseOf(2) });
    a.browser.outbox.push(create);
    online = false;
    expect(await a.engine.syncOnce()).toMatchObject({ status: 'offline', pending: 1 });
    online = true;
    expect(await a.engine.syncOnce()).toMatchObject({ status: 'synced', pending: 0 });
    // The same mutation again (the answer was lost on the way back): the server says duplicate, nothing doubles.
    a.browser.outbox.push(create);
    await a.engine.syncOnce();
    expect(a.browser.settled.at(-1)).toMatchObject({ id: create.id, status: 'duplicate' });
    expect((await lead.pullAll()).changes.filter((c) => c.entity === 'case')).toHaveLength(1);
  });

  it('a claim lost to a colleague comes back as a conflict naming the holder, and the pull shows who holds it', async () => {
    const server = makeApp(get().db);
    const lead = await newShop(server);
    await lead.addAccount('小李');
    await lead.push(mutation('case.create', { case: caseOf(3) }));
    const a = await agent(server, '组长', lead.shopId);
    const b = await agent(server, '小李', lead.shopId);
    a.browser.outbox.push(mutation('case.claim', { caseId: 'tmall:R3', from: null, to: '组长' }));
    b.browser.outbox.push(mutation('case.claim', { caseId: 'tmall:R3', from: null, to: '小李' }));
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    expect(b.browser.settled.at(-1)).toMatchObject({ status: 'conflict', holder: '组长' });
    expect(b.browser.caseHolder('tmall:R3')).toBe('组长');
  });

  it('a revoked session stops syncing, says 登录已失效 and keeps what was queued', async () => {
    const server = makeApp(get().db);
    const lead = await newShop(server);
    const li = await lead.addAccount('小李');
    const b = await agent(server, '小李', lead.shopId);
    expect((await server.request(`/api/accounts/${encodeURIComponent(li.name)}/revoke`, { method: 'POST', token: lead.token })).status).toBe(200);
    b.browser.outbox.push(mutation('case.create', { case: caseOf(4) }));
    const stop = new AbortController();
    await b.engine.runLive(stop.signal); // returns by itself: nothing more can be done without signing in again
    expect(b.engine.current).toMatchObject({ status: 'signed-out', pending: 1 });
    expect(b.engine.current.error).toContain('登录已失效');
    expect(b.browser.outbox).toHaveLength(1);
  });

  it('an answer that is not what the protocol says is not applied', async () => {
    const server = makeApp(get().db);
    const lead = await newShop(server);
    const a = await agent(server, '组长', lead.shopId);
    const lying: FetchLike = async (input, init) => {
      const res = await server.app.request(input, init);
      if (!input.includes('/api/changes')) return res;
      return new Response(JSON.stringify({ changes: [{ seq: '1', entity: 'case', case: { id: 5 } }], cursor: '9', more: false }), { status: 200 });
    };
    const transport = new TeamTransport('http://127.0.0.1:8787', null, lying);
    await transport.login('组长', PASSWORD, lead.shopId);
    const engine = new SyncEngine(transport, a.browser);
    expect((await engine.syncOnce()).status).toBe('offline');
    expect(engine.current.error).toContain('格式不对');
    expect(a.browser.records.size).toBe(0);
    expect(a.browser.cursor).toBe('0');
  });

  it('live: a colleague\'s change arrives through the held pull, and a local change cuts the wait short', async () => {
    const server = makeApp(get().db);
    const lead = await newShop(server);
    await lead.addAccount('小李');
    const a = await agent(server, '组长', lead.shopId);
    const b = await agent(server, '小李', lead.shopId);
    const stop = new AbortController();
    const live = b.engine.runLive(stop.signal);
    try {
      await expect.poll(() => b.engine.current.status, { timeout: 20_000 }).toBe('synced');
      a.browser.outbox.push(mutation('case.create', { case: caseOf(6) }));
      await a.engine.syncOnce();
      await expect.poll(() => b.browser.records.has('case:tmall:R6'), { timeout: 20_000 }).toBe(true);
      b.browser.outbox.push(mutation('case.set', { caseId: 'tmall:R6', fields: { status: 'contacting' } }));
      b.engine.nudge();
      await expect.poll(() => b.browser.outbox.length, { timeout: 20_000 }).toBe(0);
      await a.engine.syncOnce();
      const seen = a.browser.records.get('case:tmall:R6');
      expect(seen?.entity === 'case' && seen.case.status).toBe('contacting');
    } finally {
      stop.abort();
      await live;
    }
  });
});

/** The background's team connection (lib/team/team-service.ts) against the real server app. */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from './support/databases';
import { makeApp, newShop, PASSWORD, type TestApp } from './support/team';
import { caseOf, mutation } from './support/records';
import { TeamService, type ConnectionStore } from '../../lib/team/team-service';
import type { TeamView } from '../../lib/team/connection';
import type { Change, Mutation, PushResult } from '../../lib/team/protocol';

function memoryStore(initial?: unknown): ConnectionStore & { value: unknown } {
  return {
    value: initial,
    async load() { return this.value; },
    async save(c) { this.value = c; },
    async clear() { this.value = undefined; },
  };
}

function side() {
  const outbox: Mutation[] = [];
  const applied: Change[] = [];
  const views: TeamView[] = [];
  let cursor = '0';
  const ports = {
    pendingMutations: async (n: number) => outbox.slice(0, n),
    pendingCount: async () => outbox.length,
    settle: async (results: PushResult[]) => {
      const done = new Set(results.map((r) => r.id));
      outbox.splice(0, outbox.length, ...outbox.filter((m) => !done.has(m.id)));
    },
    applyChanges: async (changes: Change[]) => { applied.push(...changes); },
    loadCursor: async () => cursor,
    saveCursor: async (c: string) => { cursor = c; },
    startRecording: async () => undefined,
    stopRecording: async () => undefined,
  };
  return { outbox, applied, views, ports };
}

const service = (server: TestApp, store: ConnectionStore, s: ReturnType<typeof side>) =>
  new TeamService({ store, local: () => s.ports, onView: (v) => s.views.push(v), fetchFn: async (i, init) => server.app.request(i, init), now: () => server.clock.now });

/** Account names are per shop, and the tests share one database: each test's lead gets a name of its own. */
const leadName = () => `组长-${randomUUID().slice(0, 8)}`;

describeEachDatabase('the team connection in the background', (get) => {
  it('a wrong password is said in the server\'s words and nothing is stored', async () => {
    const server = makeApp(get().db);
    const name = leadName();
    await newShop(server, name);
    const store = memoryStore();
    const team = service(server, store, side());
    expect(await team.connect({ origin: 'http://127.0.0.1:8787', allowLanHttp: false, user: name, password: 'wrong-password' })).toContain('账号或密码错误');
    expect(store.value).toBeUndefined();
    expect(await team.view()).toEqual({ connection: null, sync: null });
  });

  it('connected: the panel sees who and the sync state but never the token; a restarted worker resumes and sends what waited', async () => {
    const server = makeApp(get().db);
    const name = leadName();
    const lead = await newShop(server, name);
    const store = memoryStore();
    const first = side();
    const team = service(server, store, first);
    expect(await team.connect({ origin: 'http://127.0.0.1:8787', allowLanHttp: false, user: name, password: PASSWORD })).toBeNull();
    await expect.poll(() => first.views.at(-1)?.sync?.status, { timeout: 20_000 }).toBe('synced');
    const view = await team.view();
    expect(view.connection).toMatchObject({ origin: 'http://127.0.0.1:8787', account: { name, role: 'lead' } });
    expect(JSON.stringify(view)).not.toContain((store.value as { token: string }).token);
    team.stop();

    // The service worker was stopped; a change was queued meanwhile; the new worker resumes from storage.
    const second = side();
    second.outbox.push(mutation('case.create', { case: caseOf(1) }));
    const again = service(server, store, second);
    await again.resume();
    await expect.poll(() => second.outbox.length, { timeout: 20_000 }).toBe(0);
    expect((await lead.pullAll()).changes.some((c) => c.entity === 'case' && c.case.id === 'tmall:R1')).toBe(true);
    again.stop();
  });

  it('disconnecting ends the session on the server and forgets it here; a stored value that does not read back is solo', async () => {
    const server = makeApp(get().db);
    const name = leadName();
    await newShop(server, name);
    const store = memoryStore();
    const team = service(server, store, side());
    await team.connect({ origin: 'http://127.0.0.1:8787', allowLanHttp: false, user: name, password: PASSWORD });
    const token = (store.value as { token: string }).token;
    await team.disconnect();
    expect(store.value).toBeUndefined();
    expect((await server.request('/api/changes', { token })).status).toBe(401);
    const solo = service(server, memoryStore({ origin: 'x', token: 5 }), side());
    await solo.resume();
    expect(await solo.view()).toEqual({ connection: null, sync: null });
  });
});

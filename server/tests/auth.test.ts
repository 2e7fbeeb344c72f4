import { expect, it } from 'vitest';
import { describeEachDatabase } from './support/databases';
import { makeApp, newShop, PASSWORD, Session } from './support/team';
import { jsonOf } from './support/json';
import { mutation } from './support/records';
import { LOGIN_MAX_FAILURES, LOGIN_WINDOW_MS } from '../src/auth/login';

describeEachDatabase('accounts and sign-in', (get) => {
  it('a wrong password is refused with 401 and a clear message', async () => {
    const server = makeApp(get().db);
    const lead = await newShop(server);
    await lead.addAccount('小李');
    const res = await server.request('/api/login', { body: { user: '小李', password: 'wrong-one', shop: lead.shopId } });
    expect(res.status).toBe(401);
    expect((await jsonOf(res)).error).toMatch(/密码错误.*Wrong/);
  });

  it('after 5 wrong passwords in 10 minutes the account is refused (429, even with the right one) until the window passes', async () => {
    const server = makeApp(get().db);
    const lead = await newShop(server);
    await lead.addAccount('小李');
    const attempt = (password: string) => server.request('/api/login', { body: { user: '小李', password, shop: lead.shopId } });
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) expect((await attempt('wrong-one')).status).toBe(401);
    server.clock.now += 60_000;
    const limited = await attempt(PASSWORD);
    expect(limited.status).toBe(429);
    const wait = Number(limited.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect((await jsonOf(limited)).retryAfterSeconds).toBe(wait);
    // Another server process on the same database counts the same failures.
    const other = makeApp(get().db);
    other.clock.now = server.clock.now;
    expect((await other.request('/api/login', { body: { user: '小李', password: PASSWORD, shop: lead.shopId } })).status).toBe(429);
    server.clock.now += LOGIN_WINDOW_MS;
    expect((await attempt(PASSWORD)).status).toBe(200);
  });

  it('a revoked account\'s token gets 401 at once, and it cannot sign in again', async () => {
    const server = makeApp(get().db);
    const lead = await newShop(server);
    const agent = await lead.addAccount('小李');
    expect((await server.request('/api/changes', { token: agent.token })).status).toBe(200);
    expect((await server.request(`/api/accounts/${encodeURIComponent('小李')}/revoke`, { method: 'POST', token: lead.token })).status).toBe(200);
    expect((await server.request('/api/changes', { token: agent.token })).status).toBe(401);
    const push = await server.request('/api/push', { token: agent.token, body: { mutations: [mutation('buyerNote.set', { buyerKey: 'b', fields: { temperament: 'x' } })] } });
    expect(push.status).toBe(401);
    expect((await server.request('/api/login', { body: { user: '小李', password: PASSWORD, shop: lead.shopId } })).status).toBe(401);
    const list = await jsonOf(await server.request('/api/accounts', { token: lead.token }));
    expect(list.accounts).toContainEqual(expect.objectContaining({ name: '小李', active: false }));
  });

  it('logout ends that token only', async () => {
    const server = makeApp(get().db);
    const lead = await newShop(server);
    const second = await Session.login(server, lead.name, PASSWORD, lead.shopId);
    expect((await server.request('/api/logout', { method: 'POST', token: lead.token })).status).toBe(200);
    expect((await server.request('/api/accounts', { token: lead.token })).status).toBe(401);
    expect((await server.request('/api/accounts', { token: second.token })).status).toBe(200);
  });

  it('an agent can neither create nor revoke accounts', async () => {
    const server = makeApp(get().db);
    const lead = await newShop(server);
    const agent = await lead.addAccount('小李');
    const create = await server.request('/api/accounts', { token: agent.token, body: { name: '小王', password: PASSWORD, role: 'agent' } });
    expect(create.status).toBe(403);
    expect((await server.request(`/api/accounts/${encodeURIComponent('组长')}/revoke`, { method: 'POST', token: agent.token })).status).toBe(403);
    const names = (await jsonOf(await server.request('/api/accounts', { token: lead.token }))).accounts.map((a: { name: string }) => a.name);
    expect(names).toEqual(['组长', '小李']);
  });

  it('requests without a valid token get 401', async () => {
    const server = makeApp(get().db);
    expect((await server.request('/api/changes')).status).toBe(401);
    expect((await server.request('/api/changes', { token: 'x'.repeat(43) })).status).toBe(401);
  });
});

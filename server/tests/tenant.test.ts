import { expect, it } from 'vitest';
import { describeEachDatabase } from './support/databases';
import { makeApp, newShop, PASSWORD } from './support/team';
import { jsonOf } from './support/json';
import { caseOf, event, mutation } from './support/records';

describeEachDatabase('tenant isolation', (get) => {
  it('a shop reads and writes only its own rows, even for the same review key and account names', async () => {
    const server = makeApp(get().db);
    const shopA = await newShop(server, '组长');
    const shopB = await newShop(server, '组长');
    await shopA.push(mutation('case.create', { case: caseOf(1, { status: 'contacting' }) }), mutation('event.append', { event: event('tmall:R1') }));
    expect((await shopB.pullAll()).changes).toEqual([]);
    const [set] = await shopB.push(mutation('case.set', { caseId: 'tmall:R1', fields: { status: 'resolved' } }));
    expect(set!.status).toBe('rejected');
    await shopB.push(mutation('case.create', { case: caseOf(1) }));
    const aCases = (await shopA.pullAll()).changes.flatMap((c) => (c.entity === 'case' ? [c.case] : []));
    expect(aCases).toEqual([expect.objectContaining({ id: 'tmall:R1', status: 'contacting' })]);
    const bCases = (await shopB.pullAll()).changes.flatMap((c) => (c.entity === 'case' ? [c.case] : []));
    expect(bCases).toEqual([expect.objectContaining({ id: 'tmall:R1', status: 'new' })]);
    const bAccounts = (await jsonOf(await server.request('/api/accounts', { token: shopB.token }))).accounts;
    expect(bAccounts).toHaveLength(1);
  });

  it('a lead cannot revoke or claim for an account of another shop', async () => {
    const server = makeApp(get().db);
    const shopA = await newShop(server);
    const shopB = await newShop(server);
    await shopA.addAccount('小李');
    expect((await server.request(`/api/accounts/${encodeURIComponent('小李')}/revoke`, { method: 'POST', token: shopB.token })).status).toBe(404);
    await shopB.push(mutation('case.create', { case: caseOf(2) }));
    expect((await shopB.push(mutation('case.claim', { caseId: 'tmall:R2', from: null, to: '小李' })))[0]!.status).toBe('rejected');
  });

  it('the same account name in two shops must name the shop to sign in', async () => {
    const server = makeApp(get().db);
    const name = `同名-${Math.random().toString(36).slice(2, 8)}`;
    await newShop(server, name);
    await newShop(server, name);
    const res = await server.request('/api/login', { body: { user: name, password: PASSWORD } });
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).error).toMatch(/店铺.*shop/);
  });
});

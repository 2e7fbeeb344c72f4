import { expect, it } from 'vitest';
import { describeEachDatabase } from './support/databases';
import { makeApp, newShop, Session } from './support/team';
import { caseOf, mutation } from './support/records';

const holderOf = async (s: Session, caseId: string) => {
  const cases = (await s.pullAll()).changes.flatMap((c) => (c.entity === 'case' && c.case.id === caseId ? [c] : []));
  const last = cases.at(-1);
  if (last?.entity !== 'case') throw new Error(`no case ${caseId}`);
  return { holder: last.holder, assignee: last.case.assignee };
};

describeEachDatabase('claims: compare-and-set on the holder', (get) => {
  it('20 agents claim a free case at once: exactly one wins, every other is told who holds it', async () => {
    const server = makeApp(get().db);
    const lead = await newShop(server);
    await lead.push(mutation('case.create', { case: caseOf(1) }));
    const agents = await Promise.all(Array.from({ length: 20 }, (_, i) => lead.addAccount(`客服${i + 1}`)));
    // Each agent through its own app instance on the same database, as if behind a load balancer.
    const results = await Promise.all(agents.map((a) => a.via(makeApp(get().db)).push(mutation('case.claim', { caseId: 'tmall:R1', from: null, to: a.name }))));
    const statuses = results.map((r) => r[0]!);
    const winners = statuses.filter((r) => r.status === 'applied');
    expect(winners).toHaveLength(1);
    const winner = agents[statuses.indexOf(winners[0]!)]!.name;
    for (const r of statuses.filter((s) => s.status !== 'applied')) expect(r).toMatchObject({ status: 'conflict', holder: winner });
    expect(await holderOf(lead, 'tmall:R1')).toEqual({ holder: winner, assignee: winner });
  });

  it('an agent takes over from the holder it saw, but only for itself; releases only its own; the lead reassigns at will', async () => {
    const lead = await newShop(makeApp(get().db));
    const a = await lead.addAccount('小李');
    const b = await lead.addAccount('小王');
    await lead.push(mutation('case.create', { case: caseOf(2) }));
    expect((await a.push(mutation('case.claim', { caseId: 'tmall:R2', from: null, to: '小李' })))[0]!.status).toBe('applied');
    expect((await b.push(mutation('case.claim', { caseId: 'tmall:R2', from: '小李', to: '小李' })))[0]!.status).toBe('rejected');
    expect((await b.push(mutation('case.claim', { caseId: 'tmall:R2', from: '小李', to: null })))[0]!.status).toBe('rejected');
    // B saw the case free (stale view): the claim loses and B learns the holder.
    expect((await b.push(mutation('case.claim', { caseId: 'tmall:R2', from: null, to: '小王' })))[0]).toMatchObject({ status: 'conflict', holder: '小李' });
    // After the warning B confirms taking it over from 小李.
    expect((await b.push(mutation('case.claim', { caseId: 'tmall:R2', from: '小李', to: '小王' })))[0]!.status).toBe('applied');
    expect((await lead.push(mutation('case.claim', { caseId: 'tmall:R2', from: 'whoever', to: '小李' })))[0]!.status).toBe('applied');
    expect(await holderOf(lead, 'tmall:R2')).toMatchObject({ holder: '小李' });
    expect((await a.push(mutation('case.claim', { caseId: 'tmall:R2', from: '小李', to: null })))[0]!.status).toBe('applied');
    expect(await holderOf(lead, 'tmall:R2')).toMatchObject({ holder: null });
    expect((await lead.push(mutation('case.claim', { caseId: 'tmall:R2', from: null, to: '没有这个人' })))[0]!.status).toBe('rejected');
  });

  it('a case.set never touches the holder', async () => {
    const lead = await newShop(makeApp(get().db));
    const a = await lead.addAccount('小李');
    await a.push(mutation('case.create', { case: caseOf(3) }), mutation('case.claim', { caseId: 'tmall:R3', from: null, to: '小李' }));
    await a.push(mutation('case.set', { caseId: 'tmall:R3', fields: { status: 'contacting' } }));
    expect(await holderOf(lead, 'tmall:R3')).toEqual({ holder: '小李', assignee: '小李' });
  });
});

import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from './support/databases';
import { makeApp, newShop } from './support/team';
import { caseOf, event, mutation, promise, review, T0 } from './support/records';

describeEachDatabase('push: idempotence and merge rules', (get) => {
  it('applies a mutation once: the same mutation pushed again is a duplicate and changes nothing', async () => {
    const lead = await newShop(makeApp(get().db));
    const agent = await lead.addAccount('小李');
    const created = mutation('case.create', { case: caseOf(1) });
    const attempt = mutation('event.append', { event: event('tmall:R1') });
    expect((await agent.push(created, attempt)).map((r) => r.status)).toEqual(['applied', 'applied']);
    const before = await agent.pullAll();
    expect((await agent.push(created, attempt)).map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const after = await agent.pullAll();
    expect(after.changes).toEqual(before.changes);
    expect(after.changes.filter((c) => c.entity === 'event')).toHaveLength(1);
    const audit = await get().db.query('select id from mutations where shop_id = $1', [lead.shopId]);
    expect(audit).toHaveLength(2);
  });

  it('two agents edit the same case field offline: the later `at` wins whatever the push order, both stay in the audit', async () => {
    const lead = await newShop(makeApp(get().db));
    const a = await lead.addAccount('小李');
    const b = await lead.addAccount('小王');
    await a.push(mutation('case.create', { case: caseOf(2) }));
    const later = mutation('case.set', { caseId: 'tmall:R2', fields: { status: 'agreed', agreedAt: T0 + 5000 } }, T0 + 2000);
    const earlier = mutation('case.set', { caseId: 'tmall:R2', fields: { status: 'contacting', openedAt: T0 + 1 } }, T0 + 1000);
    // The later edit arrives first; the earlier one, pushed after reconnecting, must not overwrite it.
    expect((await b.push(later))[0]!.status).toBe('applied');
    expect((await a.push(earlier))[0]!.status).toBe('applied');
    const cases = (await a.pullAll()).changes.filter((c) => c.entity === 'case');
    expect(cases).toHaveLength(1);
    const c = cases[0]!;
    if (c.entity !== 'case') throw new Error('not a case');
    expect(c.case.status).toBe('agreed');
    expect(c.case.agreedAt).toBe(T0 + 5000);
    // A field only the earlier edit touched still takes its value: last writer wins per field, not per row.
    expect(c.case.openedAt).toBe(T0 + 1);
    const audit = await get().db.query<{ id: string; account_name: string; payload: unknown }>(
      `select id, account_name, payload from mutations where shop_id = $1 and kind = 'case.set' order by received_at, account_name`, [lead.shopId],
    );
    expect(audit.map((r) => r.account_name).sort()).toEqual(['小李', '小王']);
  });

  it('events from both agents are all kept, attributed to the signed-in accounts; an undo is a tombstone', async () => {
    const lead = await newShop(makeApp(get().db));
    const a = await lead.addAccount('小李');
    const b = await lead.addAccount('小王');
    await a.push(mutation('case.create', { case: caseOf(3) }));
    const fromA = event('tmall:R3', { by: '冒名顶替' });
    const fromB = event('tmall:R3', { kind: 'note', detail: '买家说周末再联系' });
    await a.push(mutation('event.append', { event: fromA }));
    await b.push(mutation('event.append', { event: fromB }));
    await a.push(mutation('event.set', { id: fromA.id, undone: true }));
    const events = (await lead.pullAll()).changes.flatMap((c) => (c.entity === 'event' ? [c.event] : []));
    expect(events.map((e) => e.id).sort()).toEqual([fromA.id, fromB.id].sort());
    expect(events.find((e) => e.id === fromA.id)).toMatchObject({ by: '小李', undone: true });
    expect(events.find((e) => e.id === fromB.id)).toMatchObject({ by: '小王' });
    expect(events.find((e) => e.id === fromB.id)?.undone).toBeUndefined();
  });

  it('the same review seen by two agents is one case: a second case.create overwrites nothing', async () => {
    const lead = await newShop(makeApp(get().db));
    const a = await lead.addAccount('小李');
    const b = await lead.addAccount('小王');
    await a.push(mutation('case.create', { case: caseOf(4, { status: 'contacting' }) }));
    await b.push(mutation('case.create', { case: caseOf(4, { status: 'new', createdAt: T0 + 99 }) }));
    const cases = (await lead.pullAll()).changes.flatMap((c) => (c.entity === 'case' ? [c.case] : []));
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ status: 'contacting', createdAt: T0 });
  });

  it('review observations merge per field: the newest lastSeenAt wins, a field the newer one lacks is kept', async () => {
    const lead = await newShop(makeApp(get().db));
    const newer = review(5, { content: '已经修好了，谢谢', lastSeenAt: T0 + 2000, itemTitle: undefined });
    const older = review(5, { content: '质量太差', lastSeenAt: T0 + 1000, itemTitle: '保温杯', firstSeenAt: T0 - 500 });
    await lead.push(mutation('review.observe', { review: newer }));
    await lead.push(mutation('review.observe', { review: older }));
    const reviews = (await lead.pullAll()).changes.flatMap((c) => (c.entity === 'review' ? [c.review] : []));
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ content: '已经修好了，谢谢', itemTitle: '保温杯', firstSeenAt: T0 - 500, lastSeenAt: T0 + 2000 });
  });

  it('a promise is one record edited by its id, last writer wins per field; its creator is the signed-in account', async () => {
    const lead = await newShop(makeApp(get().db));
    const a = await lead.addAccount('小李');
    await a.push(mutation('case.create', { case: caseOf(6) }));
    const p = promise('tmall:R6');
    await a.push(mutation('promise.put', { promise: p }, T0));
    await lead.push(mutation('promise.put', { promise: { ...p, fulfilledAt: T0 + 3000, fulfilledRef: 'SF123' }, fields: ['fulfilledAt', 'fulfilledRef'] }, T0 + 3000));
    await a.push(mutation('promise.put', { promise: { ...p, note: '改为退 20 元', amountFen: 2000 }, fields: ['note', 'amountFen'] }, T0 + 2000));
    await a.push(mutation('promise.put', { promise: { ...p, fulfilledAt: null }, fields: ['fulfilledAt'] }, T0 + 1000));
    const promises = (await lead.pullAll()).changes.flatMap((c) => (c.entity === 'promise' ? [c.promise] : []));
    expect(promises).toHaveLength(1);
    expect(promises[0]).toMatchObject({ id: p.id, createdBy: '小李', amountFen: 2000, note: '改为退 20 元', fulfilledAt: T0 + 3000, fulfilledRef: 'SF123' });
  });

  it('a promise cancelled in one browser (with its reason) is cancelled for the whole team', async () => {
    const lead = await newShop(makeApp(get().db));
    const a = await lead.addAccount('小李');
    await a.push(mutation('case.create', { case: caseOf(7) }));
    const p = promise('tmall:R7');
    await a.push(mutation('promise.put', { promise: p }, T0));
    await a.push(mutation('promise.put', { promise: { ...p, cancelledAt: T0 + 500, cancelReason: '日期填错了' }, fields: ['cancelledAt', 'cancelReason'] }, T0 + 500));
    // A colleague's later edit of another field keeps the cancellation.
    await lead.push(mutation('promise.put', { promise: { ...p, note: '买家不要了' }, fields: ['note'] }, T0 + 900));
    const [seen] = (await lead.pullAll()).changes.flatMap((c) => (c.entity === 'promise' ? [c.promise] : []));
    expect(seen).toMatchObject({ id: p.id, cancelledAt: T0 + 500, cancelReason: '日期填错了', note: '买家不要了' });
  });

  it('buyer notes merge per field and name the account that changed them last', async () => {
    const lead = await newShop(makeApp(get().db));
    const a = await lead.addAccount('小李');
    const b = await lead.addAccount('小王');
    await a.push(mutation('buyerNote.set', { buyerKey: 'buyer-7', fields: { temperament: '脾气急', phone: '13800001234' } }, T0 + 1000));
    await b.push(mutation('buyerNote.set', { buyerKey: 'buyer-7', fields: { doNotContact: true, temperament: '旧看法' } }, T0 + 500));
    const notes = (await lead.pullAll()).changes.flatMap((c) => (c.entity === 'buyerNote' ? [c.buyerNote] : []));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ buyerKey: 'buyer-7', temperament: '脾气急', phone: '13800001234', doNotContact: true, updatedBy: '小王' });
  });

  it('shop settings are the lead\'s: an agent\'s settings.set is rejected and changes nothing', async () => {
    const lead = await newShop(makeApp(get().db));
    const agent = await lead.addAccount('小李');
    const [res] = await agent.push(mutation('settings.set', { fields: { promiseDueHours: 48 } }));
    expect(res).toMatchObject({ status: 'rejected' });
    expect(res!.error).toMatch(/组长/);
    expect((await agent.pullAll()).changes).toEqual([]);
    await lead.push(mutation('settings.set', { fields: { promiseDueHours: 48, contactRetentionDays: 30 } }));
    const settings = (await agent.pullAll()).changes.flatMap((c) => (c.entity === 'settings' ? [c.settings] : []));
    expect(settings).toEqual([expect.objectContaining({ promiseDueHours: 48, contactRetentionDays: 30 })]);
  });

  it('a case.set on a case the server does not have is rejected, and recorded so a replay stays harmless', async () => {
    const lead = await newShop(makeApp(get().db));
    const m = mutation('case.set', { caseId: 'tmall:nope', fields: { status: 'resolved' } });
    expect((await lead.push(m))[0]!.status).toBe('rejected');
    expect((await lead.push(m))[0]!.status).toBe('duplicate');
  });
});

describe('per-field merge', () => {
  it('breaks a tie of the same `at` by mutation id, so every order of arrival gives the same result', async () => {
    const { mergeFields } = await import('../src/push/lww');
    const a = mergeFields({ s: 'x' }, {}, { s: 'a' }, [5, 'id-a']);
    const ab = mergeFields(a.data, a.times, { s: 'b' }, [5, 'id-b']);
    const b = mergeFields({ s: 'x' }, {}, { s: 'b' }, [5, 'id-b']);
    const ba = mergeFields(b.data, b.times, { s: 'a' }, [5, 'id-a']);
    expect(ab.data).toEqual(ba.data);
    expect(ab.data.s).toBe('b');
  });
});

import { expect, it } from 'vitest';
import { describeEachDatabase } from './support/databases';
import { makeApp, newShop } from './support/team';
import { caseOf, mutation, review, T0 } from './support/records';
import { purgeContactData } from '../src/purge/purge';

const DAY = 86_400_000;

describeEachDatabase('retention purge and privacy', (get) => {
  it('erases the phone of buyers whose cases all closed longer ago than the shop\'s retention, as a change agents pull', async () => {
    const server = makeApp(get().db);
    const lead = await newShop(server);
    await lead.push(mutation('settings.set', { fields: { contactRetentionDays: 30 } }));
    const closedLongAgo = { status: 'resolved' as const, statusChangedAt: T0 - 40 * DAY };
    await lead.push(
      mutation('case.create', { case: caseOf('old', { ...closedLongAgo, buyerKey: 'b-old' }) }),
      mutation('case.create', { case: caseOf('recent', { status: 'resolved', statusChangedAt: T0 - 5 * DAY, buyerKey: 'b-recent' }) }),
      mutation('case.create', { case: caseOf('open', { ...closedLongAgo, status: 'contacting', buyerKey: 'b-open' }) }),
      mutation('case.create', { case: caseOf('mixed1', { ...closedLongAgo, buyerKey: 'b-mixed' }) }),
      mutation('case.create', { case: caseOf('mixed2', { status: 'new', buyerKey: 'b-mixed' }) }),
      ...['b-old', 'b-recent', 'b-open', 'b-mixed'].map((buyerKey) => mutation('buyerNote.set', { buyerKey, fields: { phone: '13800001234', temperament: '好说话' } })),
    );
    const { cursor } = await lead.pullAll();
    const woken: string[] = [];
    expect(await purgeContactData(get().db, T0, (shop) => woken.push(shop))).toBeGreaterThanOrEqual(1);
    expect(woken).toContain(lead.shopId);
    const after = await lead.changes(cursor);
    const notes = after.changes.flatMap((c) => (c.entity === 'buyerNote' ? [c.buyerNote] : []));
    expect(notes).toEqual([expect.objectContaining({ buyerKey: 'b-old', phone: '', temperament: '好说话' })]);
    const audit = await get().db.query<{ payload: { buyerKey: string; fields: { phone?: string } } }>(
      `select payload from mutations where shop_id = $1 and kind = 'buyerNote.set'`, [lead.shopId],
    );
    expect(audit.find((r) => r.payload.buyerKey === 'b-old')!.payload.fields.phone).toBe('');
    expect(audit.find((r) => r.payload.buyerKey === 'b-open')!.payload.fields.phone).toBe('13800001234');
    // An older replay of the number (pushed again by an offline browser) does not bring it back.
    await lead.push(mutation('buyerNote.set', { buyerKey: 'b-old', fields: { phone: '13800001234' } }, T0 - DAY));
    const notesNow = (await lead.pullAll()).changes.flatMap((c) => (c.entity === 'buyerNote' ? [c.buyerNote] : []));
    expect(notesNow.find((n) => n.buyerKey === 'b-old')!.phone).toBe('');
  });

  it('logs method, path, status and time only: never review text, phone numbers or tokens', async () => {
    const server = makeApp(get().db);
    const lead = await newShop(server);
    await lead.push(
      mutation('review.observe', { review: review('p', { content: '客服态度恶劣，电话13912345678' }) }),
      mutation('buyerNote.set', { buyerKey: 'b-p', fields: { phone: '13912345678' } }),
    );
    await server.request('/api/push', { token: lead.token, body: '{"mutations": "客服态度恶劣 13912345678"' });
    await lead.changes('0', '&limit=5');
    const text = server.logs.join('\n');
    expect(server.logs.length).toBeGreaterThanOrEqual(3);
    expect(text).not.toMatch(/13912345678|态度恶劣/);
    expect(text).not.toContain(lead.token);
    expect(text).not.toContain('limit=5');
    expect(server.logs).toContain(server.logs.find((l) => /^POST \/api\/push 400 \d+ms$/.test(l)));
  });
});

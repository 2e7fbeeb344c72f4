import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { buyerNoteMutation, caseMutations, eventMutation, promiseMutation, shopSettingsMutation, undoMutation } from '@/lib/team/mutations';
import { Mutation } from '@/lib/team/protocol';
import type { CaseRecord } from '@/lib/cases/schema';
import { emptyBuyerNote } from '@/lib/cases/buyer-notes';

const T = Date.UTC(2026, 11, 3, 2, 0);
const newId = () => randomUUID();
const aCase = (over: Partial<CaseRecord> = {}): CaseRecord => ({
  id: 'qianniu:1001', platform: 'qianniu', platformReviewId: '1001', sentiment: 'negative', status: 'new',
  createdAt: T, updatedAt: T, statusChangedAt: T, openedAt: null, reviewTime: T - 3_600_000, buyerKey: 'b1',
  causes: [], causesBy: 'auto', assignee: null, agreedAt: null, ...over,
} as CaseRecord);

/** Every mutation made here must pass the very schema the server checks pushes with. */
const valid = (ms: Mutation[]) => {
  for (const m of ms) expect(Mutation.safeParse(m).success, JSON.stringify(m)).toBe(true);
  return ms;
};

describe('what the team hears of a local write', () => {
  it('a new case is created without the browser\'s own index fields, and a holder set at once is a claim', () => {
    const local = { ...aCase({ assignee: '小李' }), rank: [0, 1, 5, 6], unopened: 1, search: 'x' } as unknown as CaseRecord;
    const ms = valid(caseMutations(undefined, local, T, newId));
    expect(ms.map((m) => m.kind)).toEqual(['case.create', 'case.claim']);
    expect(ms[0]!.payload).toEqual({ case: aCase() });
    expect(ms[1]!.payload).toEqual({ caseId: 'qianniu:1001', from: null, to: '小李' });
  });

  it('a change sends only the fields that changed, so a colleague\'s other edits survive the merge', () => {
    const before = aCase();
    const after = aCase({ status: 'contacting', statusChangedAt: T + 5, updatedAt: T + 5 });
    const [set, ...rest] = valid(caseMutations(before, after, T + 5, newId));
    expect(rest).toEqual([]);
    expect(set).toMatchObject({ kind: 'case.set', at: T + 5, payload: { caseId: before.id, fields: { status: 'contacting', statusChangedAt: T + 5, updatedAt: T + 5 } } });
    expect(Object.keys((set as Extract<Mutation, { kind: 'case.set' }>).payload.fields).sort()).toEqual(['status', 'statusChangedAt', 'updatedAt']);
  });

  it('nothing changed, nothing sent; a new holder is a compare-and-set from the old one', () => {
    expect(caseMutations(aCase(), aCase(), T, newId)).toEqual([]);
    const ms = valid(caseMutations(aCase({ assignee: '小李' }), aCase({ assignee: '小王' }), T, newId));
    expect(ms).toEqual([expect.objectContaining({ kind: 'case.claim', payload: { caseId: 'qianniu:1001', from: '小李', to: '小王' } })]);
  });

  it('events, undos, promises and buyer notes become the server\'s kinds, each with its own id', () => {
    const eventId = randomUUID();
    const promiseId = randomUUID();
    const ms = valid([
      eventMutation({ id: eventId, caseId: 'qianniu:1001', at: T, kind: 'attempt', by: '小李', channel: 'phone', outcome: 'no_answer' }, T, newId),
      undoMutation(eventId, T + 1, newId),
      promiseMutation({ id: promiseId, caseId: 'qianniu:1001', kind: 'partial_refund', amountFen: 500, dueAt: T + 86_400_000, note: '', createdAt: T, createdBy: '小李', fulfilledAt: null, fulfilledRef: null }, undefined, T, newId),
      promiseMutation({ id: promiseId, caseId: 'qianniu:1001', kind: 'partial_refund', amountFen: 500, dueAt: T + 86_400_000, note: '', createdAt: T, createdBy: '小李', fulfilledAt: null, fulfilledRef: null, cancelledAt: T + 9, cancelReason: '填错' }, ['cancelledAt', 'cancelReason'], T + 9, newId),
    ]);
    expect(new Set(ms.map((m) => m.id)).size).toBe(4);
    const note = { ...emptyBuyerNote('b1'), phone: '13812345678', doNotContact: true, updatedAt: T, updatedBy: '小李' };
    const sent = buyerNoteMutation(emptyBuyerNote('b1'), note, T, newId);
    expect(sent && valid([sent])[0]!.payload).toEqual({ buyerKey: 'b1', fields: { doNotContact: true, phone: '13812345678' } });
    expect(buyerNoteMutation(note, { ...note, updatedAt: T + 1 }, T, newId)).toBeNull();
  });

  it('the lead\'s saved settings: only the shop\'s shared ones travel, and a save of personal ones sends nothing', () => {
    const sent = shopSettingsMutation({ language: 'en', agentName: '组长', shopName: '好物小店', promiseDueHours: 48 }, T, newId);
    expect(sent && valid([sent])[0]!.payload).toEqual({ fields: { shopName: '好物小店', promiseDueHours: 48 } });
    expect(shopSettingsMutation({ language: 'zh-CN', agentName: '小李' }, T, newId)).toBeNull();
  });
});

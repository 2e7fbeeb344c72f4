import { beforeEach, describe, expect, it } from 'vitest';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { observation } from './helpers';

let db: ReviewDeskDB;
let clock: number;
let flow: WorkflowStore;
const ID = 'qianniu:1001';

beforeEach(async () => {
  db = new ReviewDeskDB(`wf-${Math.random()}`);
  clock = Date.UTC(2026, 10, 22, 4);
  flow = new WorkflowStore(db, () => clock);
  await new CaseStore(db, () => clock).ingest([observation({ content: '快递太慢了，一个星期才到' })], 'p');
});

describe('one-click outcomes', () => {
  it('records the attempt with channel, outcome, agent and time, and moves the status', async () => {
    const { case: c } = await flow.logOutcome({ caseId: ID, outcome: 'no_answer' }, '小王');
    expect(c).toMatchObject({ status: 'contacting', assignee: '小王' });
    clock += 3_600_000;
    const agreed = await flow.logOutcome({ caseId: ID, outcome: 'talked_agreed', note: '买家说晚上改' }, '小李');
    expect(agreed.case).toMatchObject({ status: 'agreed', assignee: '小王' });
    const attempts = (await db.events.where('caseId').equals(ID).toArray()).filter((e) => e.kind === 'attempt');
    expect(attempts.map((e) => [e.channel, e.outcome, e.by, e.from, e.to, e.detail ?? null])).toEqual([
      ['phone', 'no_answer', '小王', 'new', 'contacting', null],
      ['phone', 'talked_agreed', '小李', 'contacting', 'agreed', '买家说晚上改'],
    ]);
  });

  it('a routine log never moves a case backwards', async () => {
    await flow.setStatus(ID, 'agreed', '小王');
    const { case: c } = await flow.logOutcome({ caseId: ID, outcome: 'message_sent' }, '小王');
    expect(c.status).toBe('agreed');
  });

  it('undo takes the attempt back and restores status and agreed time', async () => {
    const first = await flow.logOutcome({ caseId: ID, outcome: 'agreed_time', agreedAt: clock + 7_200_000 }, '小王');
    expect(first.case).toMatchObject({ status: 'agreed', agreedAt: clock + 7_200_000 });
    const second = await flow.logOutcome({ caseId: ID, outcome: 'agreed_time', agreedAt: clock + 9_000_000 }, '小王');
    expect(await flow.undo(second.eventSeq)).toBe(true);
    expect(await db.cases.get(ID)).toMatchObject({ status: 'agreed', agreedAt: clock + 7_200_000 });
    expect(await flow.undo(first.eventSeq)).toBe(true);
    expect(await db.cases.get(ID)).toMatchObject({ status: 'new', agreedAt: null });
  });

  it('undo refuses once the window passed or something was logged after', async () => {
    const a = await flow.logOutcome({ caseId: ID, outcome: 'no_answer' }, '小王');
    await flow.logOutcome({ caseId: ID, outcome: 'rejected' }, '小王');
    expect(await flow.undo(a.eventSeq)).toBe(false);
    const b = await flow.logOutcome({ caseId: ID, outcome: 'message_sent' }, '小王');
    clock += 120_000;
    expect(await flow.undo(b.eventSeq)).toBe(false);
  });
});

describe('causes, promises, notes', () => {
  it('keeps an agent correction of causes against later automatic readings', async () => {
    expect((await db.cases.get(ID))?.causes[0]?.code).toBe('logistics_delay');
    await flow.setCauses(ID, [{ code: 'service_response', triggers: [] }], '小王');
    await new CaseStore(db, () => clock).ingest([observation({ content: '快递太慢了，一个星期才到', followUp: { content: '质量也差', sentiment: 'negative' } })], 'p');
    expect((await db.cases.get(ID))).toMatchObject({ causesBy: 'agent', causes: [{ code: 'service_response' }] });
  });

  it('stores money exactly and marks promises fulfilled with a reference', async () => {
    const p = await flow.addPromise({ caseId: ID, kind: 'postage_refund', amountFen: 1230, dueAt: clock + 86_400_000, note: '' }, '小王');
    expect(await flow.openPromises()).toHaveLength(1);
    const done = await flow.fulfilPromise(p.id!, '支付宝流水 2026112200001', '小王');
    expect(done).toMatchObject({ amountFen: 1230, fulfilledRef: '支付宝流水 2026112200001', fulfilledAt: clock });
    expect(await flow.openPromises()).toHaveLength(0);
    const kinds = (await db.events.where('caseId').equals(ID).toArray()).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['promise', 'promise-fulfilled']));
  });

  it('corrects a promise and keeps the terms before and after in the history', async () => {
    const p = await flow.addPromise({ caseId: ID, kind: 'postage_refund', amountFen: 0, dueAt: Date.UTC(2020, 0, 1, 2), note: '' }, '小王');
    const fixed = await flow.changePromise(p.id!, { kind: 'postage_refund', amountFen: 800, dueAt: clock + 86_400_000, note: '运费险未赔' }, '小王');
    expect(await db.promises.get(p.id!)).toMatchObject({ amountFen: 800, dueAt: clock + 86_400_000, note: '运费险未赔', fulfilledAt: null });
    expect(fixed.amountFen).toBe(800);
    const event = (await db.events.where('caseId').equals(ID).toArray()).find((e) => e.kind === 'promise-changed');
    expect(event).toMatchObject({ promiseId: p.id, by: '小王', terms: { from: { amountFen: 0, dueAt: Date.UTC(2020, 0, 1, 2) }, to: { amountFen: 800, note: '运费险未赔' } } });
  });

  it('cancels a promise with its reason: it is no longer open, and it cannot be fulfilled or changed afterwards', async () => {
    const p = await flow.addPromise({ caseId: ID, kind: 'reship', amountFen: null, dueAt: Date.UTC(2020, 0, 1, 2), note: '' }, '小王');
    await flow.cancelPromise(p.id!, '日期填错了，重新记录', '小王');
    expect(await flow.openPromises()).toHaveLength(0);
    expect(await db.promises.get(p.id!)).toMatchObject({ cancelledAt: clock, cancelReason: '日期填错了，重新记录', fulfilledAt: null });
    const event = (await db.events.where('caseId').equals(ID).toArray()).find((e) => e.kind === 'promise-cancelled');
    expect(event).toMatchObject({ promiseId: p.id, detail: '日期填错了，重新记录', by: '小王' });
    await expect(flow.fulfilPromise(p.id!, '', '小王')).rejects.toMatchObject({ problem: { rule: 'closed' } });
    await expect(flow.changePromise(p.id!, { kind: 'reship', amountFen: null, dueAt: clock, note: '' }, '小王')).rejects.toMatchObject({ problem: { rule: 'closed' } });
    await expect(flow.cancelPromise(9999, 'x', '小王')).rejects.toMatchObject({ problem: { field: 'promiseId', rule: 'not_found' } });
  });

  it('an agent without a name works the case without taking it (it stays unassigned)', async () => {
    const { case: c } = await flow.logOutcome({ caseId: ID, outcome: 'no_answer' }, '');
    expect(c.assignee).toBeNull();
    expect((await flow.logOutcome({ caseId: ID, outcome: 'no_answer' }, '小王')).case.assignee).toBe('小王');
  });

  it('erases phone numbers of buyers whose cases closed longer ago than the retention period', async () => {
    await flow.saveBuyerNote({ buyerKey: 'buyer-1', temperament: '急躁', whatWorked: '先道歉', doNotContact: false, phone: '13812345678', routine: 'office_worker' }, '小王');
    expect(await flow.purgeContactData(30)).toBe(0); // case still open
    await flow.setStatus(ID, 'resolved', '小王');
    clock += 31 * 86_400_000;
    expect(await flow.purgeContactData(30)).toBe(1);
    expect(await flow.buyerNote('buyer-1')).toMatchObject({ phone: '', temperament: '急躁', whatWorked: '先道歉' });
  });
});

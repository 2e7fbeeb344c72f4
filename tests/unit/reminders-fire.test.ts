import { describe, expect, it } from 'vitest';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { alarmNotice } from '@/lib/reminders/fire';
import { toolbarState } from '@/lib/toolbar/action-badge';
import { TabCases } from '@/lib/queue/tab-cases';
import { observation } from './helpers';

const NOW = Date.UTC(2026, 10, 25, 4);

async function setup() {
  const db = new ReviewDeskDB(`fire-${Math.random()}`);
  let clock = NOW;
  await new CaseStore(db, () => clock).ingest([observation({ platformReviewId: '1' }), observation({ platformReviewId: '2' })], 'p');
  const flow = new WorkflowStore(db, () => clock);
  return { db, flow, tick: (ms: number) => (clock += ms) };
}

describe('an alarm that rings', () => {
  it('notifies an overdue promise still to be kept, in the agent language, and never a kept or cancelled one', async () => {
    const { db, flow } = await setup();
    const terms = { kind: 'postage_refund' as const, amountFen: 1230, note: '', dueAt: NOW + 3_600_000 };
    const open = await flow.addPromise({ caseId: 'qianniu:1', ...terms }, '小王');
    const kept = await flow.addPromise({ caseId: 'qianniu:1', ...terms }, '小王');
    const cancelled = await flow.addPromise({ caseId: 'qianniu:2', ...terms }, '小王');
    await flow.fulfilPromise(kept.id!, 'QX', '小王');
    await flow.cancelPromise(cancelled.id!, '填错了', '小王');
    expect(await alarmNotice(db, { kind: 'promise', promiseId: open.id! }, 'zh-CN')).toMatchObject({
      caseId: 'qianniu:1', title: '补偿承诺已逾期 · 评价回访台', message: expect.stringContaining('退运费 ¥12.30（纯棉T恤 · t**）'),
    });
    expect(await alarmNotice(db, { kind: 'promise', promiseId: open.id! }, 'en')).toMatchObject({
      title: 'Promised remedy overdue · ReviewDesk', message: expect.stringContaining('Postage refund ¥12.30 (纯棉T恤 · t**)'),
    });
    expect(await alarmNotice(db, { kind: 'promise', promiseId: kept.id! }, 'zh-CN')).toBeNull();
    expect(await alarmNotice(db, { kind: 'promise', promiseId: cancelled.id! }, 'zh-CN')).toBeNull();
    expect(await alarmNotice(db, { kind: 'promise', promiseId: 999 }, 'zh-CN')).toBeNull();
  });

  it('reminds of an agreed time on an open case only', async () => {
    const { db, flow } = await setup();
    await flow.logOutcome({ caseId: 'qianniu:1', outcome: 'agreed_time', agreedAt: NOW + 3_600_000 }, '小王');
    expect(await alarmNotice(db, { kind: 'reminder', caseId: 'qianniu:1' }, 'en')).toMatchObject({ title: 'Agreed time reached · ReviewDesk' });
    expect((await alarmNotice(db, { kind: 'reminder', caseId: 'qianniu:1' }, 'zh-CN'))?.message).toMatch(/^纯棉T恤 · 买家 t\*\*：约定 /);
    await flow.setStatus('qianniu:1', 'resolved', '小王');
    expect(await alarmNotice(db, { kind: 'reminder', caseId: 'qianniu:1' }, 'zh-CN')).toBeNull();
    expect(await alarmNotice(db, { kind: 'reminder', caseId: 'qianniu:2' }, 'zh-CN')).toBeNull();
  });

  it('the toolbar count reads the indexes: unopened cases and overdue promises still to be kept', async () => {
    const { db, flow, tick } = await setup();
    const store = new CaseStore(db, () => NOW);
    expect(await store.unopenedCount()).toBe(2);
    const p = await flow.addPromise({ caseId: 'qianniu:1', kind: 'reship', amountFen: null, note: '', dueAt: NOW + 1000 }, '小王');
    expect(await store.unopenedCount()).toBe(1);
    expect(await flow.overdueCount(NOW)).toBe(0);
    tick(1000);
    expect(await flow.overdueCount(NOW + 1000)).toBe(1);
    await flow.cancelPromise(p.id!, '填错了', '小王');
    expect(await flow.overdueCount(NOW + 1000)).toBe(0);
  });
});

describe('toolbar texts follow the language', () => {
  it('says the same thing in Chinese and English', () => {
    expect(toolbarState(3, 0, 'zh-CN')).toEqual({ text: '3', color: '#fa8c16', title: '评价回访台：3 个新中差评未查看' });
    expect(toolbarState(3, 0, 'en').title).toBe('ReviewDesk: 3 new negative/neutral reviews not yet opened');
    expect(toolbarState(0, 2, 'en')).toEqual({ text: '!', color: '#cf1322', title: 'ReviewDesk: 2 promised remedies overdue' });
    expect(toolbarState(1200, 0, 'zh-CN').text).toBe('999+');
    expect(toolbarState(0, 0, 'en').title).toBe('ReviewDesk');
  });
});

describe('which console tabs hear of a change', () => {
  it('only tabs that showed a changed case, with those cases; unknown changes reach every tab', () => {
    const tabs = new TabCases(3);
    tabs.shown(1, ['a', 'b']);
    tabs.shown(2, ['c']);
    expect([...tabs.targets(['b', 'x'], [1, 2, 3])]).toEqual([[1, ['b']]]);
    expect([...tabs.targets(null, [1, 2, 3])]).toEqual([[1, null], [2, null], [3, null]]);
    tabs.shown(1, ['d', 'e']); // over the cap of 3: the oldest ('a') is forgotten
    expect([...tabs.targets(['a', 'e'], [1, 2])]).toEqual([[1, ['e']]]);
    tabs.forget(1);
    expect([...tabs.targets(['e'], [1, 2])]).toEqual([]);
  });
});

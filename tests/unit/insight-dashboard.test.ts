import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { ContactAdvisor } from '@/lib/contact-timing/case-advice';
import { createHandlers, dispatch } from '@/lib/messaging/handlers';
import type { Request, RequestType, ResponseMap } from '@/lib/messaging/protocol';
import { resolvePeriod } from '@/lib/insight/period';
import { savePreferences } from '@/lib/settings/preferences';
import { beijingInstant, HOUR_MS as H } from '@/lib/time/beijing';
import { observation } from './helpers';

/**
 * The dashboard through the real stores and the real message dispatcher: reviews ingested as the console sends them,
 * outcomes and promises logged as the panel logs them, figures asked for as the dashboard page asks.
 */
const NOW = beijingInstant(2026, 3, 2, 20);
let db: ReviewDeskDB;
let clock: number;
let workflow: WorkflowStore;
let ask: <T extends RequestType>(req: Extract<Request, { type: T }>) => Promise<ResponseMap[T]>;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  db = new ReviewDeskDB(`insight-${Math.random()}`);
  clock = beijingInstant(2026, 3, 1, 9);
  const store = new CaseStore(db, () => clock);
  workflow = new WorkflowStore(db, () => clock);
  const handlers = createHandlers({
    db, store, workflow, advisor: new ContactAdvisor(db), pageReports: new Map(), lastConsoleTab: { id: null },
    language: async () => 'zh-CN', agentName: async () => '小王', openSidePanel: async () => true, focusCase: async () => undefined,
    reschedule: async () => undefined, changed: () => undefined,
  });
  ask = async (req) => {
    const reply = await dispatch(handlers, req, { fromExtensionPage: true });
    if (!reply.ok) throw new Error(reply.error);
    return reply.data as never;
  };
  const day1 = beijingInstant(2026, 3, 1, 8);
  await store.ingest([
    observation({ platformReviewId: '1', content: '衣服起球严重，质量太差', reviewTime: day1, itemId: 'A', itemTitle: '羊毛衫' }),
    observation({ platformReviewId: '2', content: '快递太慢了，等了一个星期', reviewTime: day1 + H, itemId: 'B', itemTitle: '保温杯' }),
    observation({ platformReviewId: '3', content: '起球，掉毛', reviewTime: day1 + 2 * H, itemId: 'A', itemTitle: '羊毛衫', sentiment: 'neutral', buyerKey: 'buyer-3' }),
    observation({ platformReviewId: '4', content: '质量差', reviewTime: beijingInstant(2026, 2, 1, 8), itemId: 'A', itemTitle: '羊毛衫', itemLink: 'https://item.taobao.com/item.htm?id=A' }),
  ], 'https://myseller.taobao.com/x');
  clock += 2 * H;
  await workflow.logOutcome({ caseId: 'qianniu:1', outcome: 'no_answer' }, '小王');
  clock += H;
  await workflow.logOutcome({ caseId: 'qianniu:1', outcome: 'talked_agreed' }, '小王');
  await workflow.addPromise({ caseId: 'qianniu:1', kind: 'cash', amountFen: 500, dueAt: clock + 2 * H, note: '' }, '小王');
  await workflow.logOutcome({ caseId: 'qianniu:3', outcome: 'message_sent' }, '小李');
  clock += 5 * H;
  // The buyer of review 3 changed it to a positive one.
  await store.ingest([observation({ platformReviewId: '3', content: '起球，掉毛', sentiment: 'positive', reviewTime: day1 + 2 * H, itemId: 'A', itemTitle: '羊毛衫', buyerKey: 'buyer-3' })], 'https://myseller.taobao.com/x');
  await savePreferences({ payScheme: { enabled: true, perRevisedNeutralFen: 300, perRevisedNegativeFen: 500 } });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('dashboard through the store', () => {
  it('figures of the last 7 days, counted from what was logged', async () => {
    const range = resolvePeriod('7d', NOW)!;
    const d = await ask({ type: 'dashboard', range });
    expect(d.risk).toMatchObject({ open: 3, newToday: 0, overduePromises: 1, atCap: 0, complained: 0 });
    expect(d.causes.total).toBe(3); // review 4 was written a month earlier
    expect(d.causes.rows.map((r) => [r.key, r.count])).toEqual([['quality', 2], ['logistics_delay', 1]]);
    expect(d.causes.products.map((p) => [p.key, p.title, p.total])).toEqual([['A', '羊毛衫', 2], ['B', '保温杯', 1]]);
    expect(d.causes.products[0]?.link).toBe('https://item.taobao.com/item.htm?id=A');
    expect(d.funnel.overall).toMatchObject({ new: 3, contacted: 2, agreed: 1, revised: 1 });
    const wang = d.agents.rows.find((r) => r.key === '小王')!;
    expect(wang.total).toMatchObject({ handled: 1, calls: 2, answered: 1, agreed: 1, promises: 1, promisesOverdue: 1 });
    const li = d.agents.rows.find((r) => r.key === '小李')!;
    expect([li.total.messages, li.total.revised, li.payFen]).toEqual([1, 1, 300]);
    expect(d.compensation.total).toMatchObject({ promises: 1, promisedFen: 500, overdueFen: 500 });
    // The reply carries numbers, never the cases behind them.
    expect(JSON.stringify(d)).not.toContain('qianniu:');
  });

  it('a click on a figure gives exactly the cases behind it', async () => {
    const range = resolvePeriod('7d', NOW)!;
    const d = await ask({ type: 'dashboard', range });
    const drill = (path: Array<string | number>) => ask({ type: 'dashboardDrill', range, token: d.token, path });
    expect(await drill(['causes', 'rows', 'quality', 'count'])).toEqual({ caseIds: expect.arrayContaining(['qianniu:1', 'qianniu:3']), total: 2 });
    expect(await drill(['risk', 'overduePromises'])).toEqual({ caseIds: ['qianniu:1'], total: 1 });
    // Counted on the status index: its cases read from the index on the click (review 3 was revised, so not open).
    expect(await drill(['risk', 'open'])).toEqual({ caseIds: expect.arrayContaining(['qianniu:1', 'qianniu:2', 'qianniu:4']), total: 3 });
    expect(await drill(['agents', 'rows', '小李', 'total', 'revised'])).toEqual({ caseIds: ['qianniu:3'], total: 1 });
    expect(await drill(['causes', 'rows', 'malicious', 'count'])).toBeNull();
    // Without the token (the worker restarted) the figure is computed again.
    expect(await ask({ type: 'dashboardDrill', range, path: ['funnel', 'overall', 'contacted'] })).toEqual({ caseIds: expect.arrayContaining(['qianniu:1', 'qianniu:3']), total: 2 });
  });

  it('figures asked for again after a write count it (nothing old is reused)', async () => {
    const range = resolvePeriod('7d', NOW)!;
    const before = await ask({ type: 'dashboard', range });
    expect(await ask({ type: 'dashboard', range })).toMatchObject({ funnel: { overall: { contacted: 2 } } });
    clock = NOW - H;
    await workflow.logOutcome({ caseId: 'qianniu:2', outcome: 'message_sent' }, '小王');
    const after = await ask({ type: 'dashboard', range });
    expect([before.funnel.overall.contacted, after.funnel.overall.contacted]).toEqual([2, 3]);
    expect(after.agents.rows.find((r) => r.key === '小王')!.total.messages).toBe(1);
  });

  it('the protocol refuses a period that is not whole Beijing days', async () => {
    await expect(ask({ type: 'dashboard', range: { from: NOW, to: NOW + 1000 } })).rejects.toThrow();
  });
});

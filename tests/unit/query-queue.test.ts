import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { ContactAdvisor } from '@/lib/contact-timing/case-advice';
import { createHandlers, dispatch } from '@/lib/messaging/handlers';
import type { PageReport, QueueQueryResult } from '@/lib/messaging/protocol';
import { DEFAULT_FILTER, type QueueFilter } from '@/lib/cases/queue';
import { observation } from './helpers';

const NOW = Date.UTC(2026, 10, 25, 4);
const page = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';
const panel = { fromExtensionPage: true };

function setup() {
  const db = new ReviewDeskDB(`qq-${Math.random()}`);
  const store = new CaseStore(db);
  const workflow = new WorkflowStore(db);
  const h = createHandlers({
    db, store, workflow, advisor: new ContactAdvisor(db), reschedule: async () => undefined, language: async () => 'zh-CN',
    agentName: async () => '小王', openSidePanel: async () => true, focusCase: async () => undefined,
    pageReports: new Map<number, PageReport>(), lastConsoleTab: { id: null }, changed: () => undefined,
  });
  const query = async (filter: Partial<QueueFilter>, offset = 0, limit = 50) => {
    const reply = await dispatch(h, { type: 'queryQueue', filter: { ...DEFAULT_FILTER, ...filter }, offset, limit }, panel);
    if (!reply.ok) throw new Error(reply.error);
    return reply.data as QueueQueryResult;
  };
  return { db, store, workflow, h, query };
}

describe('queryQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('answers one window of the filtered queue in working order, with total, counts and choices', async () => {
    const { store, workflow, query } = setup();
    await store.ingest([
      observation({ platformReviewId: '1', reviewTime: NOW - 3 * 3600_000, content: '发错颜色了', itemId: 'i1', itemTitle: '卫衣' }),
      observation({ platformReviewId: '2', reviewTime: NOW - 2 * 3600_000, content: '快递太慢', itemId: 'i2', itemTitle: '裤子', orderId: '4599' }),
      observation({ platformReviewId: '3', reviewTime: NOW - 1 * 3600_000, content: '一般般', sentiment: 'neutral', itemId: 'i1', itemTitle: '卫衣' }),
    ], page);
    await workflow.setStatus('qianniu:2', 'resolved', '小王');
    const open = await query({});
    // Unopened new cases first, newest first; the resolved one is not in the open queue.
    expect(open.items.map((v) => v.case.id)).toEqual(['qianniu:3', 'qianniu:1']);
    expect(open.total).toBe(2);
    expect(open.counts).toMatchObject({ open: 2, new: 2, resolved: 1, contacting: 0 });
    expect(open.choices.agents).toEqual(['小王']);
    expect(open.choices.items.map((i) => i.id).sort()).toEqual(['i1', 'i2']);
    const second = await query({}, 1, 1);
    expect(second.items.map((v) => v.case.id)).toEqual(['qianniu:1']);
    expect(second.total).toBe(2);
    expect((await query({ status: 'all', text: '4599' })).items.map((v) => v.case.id)).toEqual(['qianniu:2']);
    expect((await query({ status: 'all', assignee: 'unassigned' })).total).toBe(2);
  });

  it('refuses a window or filter out of bounds', async () => {
    const { h } = setup();
    const ask = (over: object) => dispatch(h, { type: 'queryQueue', filter: DEFAULT_FILTER, offset: 0, limit: 50, ...over }, panel);
    expect(await ask({ limit: 201 })).toMatchObject({ ok: false, problem: { field: 'limit' } });
    expect(await ask({ limit: 0 })).toMatchObject({ ok: false });
    expect(await ask({ offset: -1 })).toMatchObject({ ok: false, problem: { field: 'offset' } });
    expect(await ask({ filter: { ...DEFAULT_FILTER, text: 'x'.repeat(201) } })).toMatchObject({ ok: false, problem: { field: 'filter.text' } });
    expect(await ask({ filter: { ...DEFAULT_FILTER, cause: 'nonsense' } })).toMatchObject({ ok: false });
    expect(await dispatch(h, { type: 'queryQueue', filter: DEFAULT_FILTER, offset: 0, limit: 5 }, { tabId: 1, fromExtensionPage: false })).toEqual({ ok: false, error: 'not allowed' });
  });
});

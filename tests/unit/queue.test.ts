import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, filterChoices, matchesFilter, sortQueue, statusCounts } from '@/lib/cases/queue';
import { caseRecord, caseView } from './helpers';

const now = 1_000_000_000;
const promise = (dueAt: number) => ({ id: 1, caseId: 'x', kind: 'reship' as const, amountFen: null, dueAt, createdAt: 0, createdBy: 'a', fulfilledAt: null, fulfilledRef: null, note: '' });

describe('queue order', () => {
  it('overdue promise, then unopened new, then soonest due, then newest review', () => {
    const order = sortQueue([
      caseView(caseRecord({ id: 'opened-late', status: 'contacting', openedAt: 1, reviewTime: 5 }), {}, { deadlineAt: now + 900 }),
      caseView(caseRecord({ id: 'opened-soon', status: 'contacting', openedAt: 1, reviewTime: 1 }), {}, { deadlineAt: now + 100 }),
      caseView(caseRecord({ id: 'new-old', reviewTime: 1 }), {}, { deadlineAt: now + 500 }),
      caseView(caseRecord({ id: 'new-recent', reviewTime: 9 }), {}, { deadlineAt: now + 500 }),
      caseView(caseRecord({ id: 'agreed-soonest', status: 'agreed', openedAt: 1, agreedAt: now + 50 }), {}, { deadlineAt: now + 800 }),
      caseView(caseRecord({ id: 'broken-promise', status: 'agreed', openedAt: 1 }), {}, { openPromises: [promise(now - 1)] }),
      caseView(caseRecord({ id: 'nothing-due', status: 'contacting', openedAt: 1, reviewTime: 99 })),
    ], now).map((v) => v.case.id);
    expect(order).toEqual(['broken-promise', 'new-recent', 'new-old', 'agreed-soonest', 'opened-soon', 'opened-late', 'nothing-due']);
  });
});

describe('queue filters', () => {
  const views = [
    caseView(caseRecord({ id: 'a', sentiment: 'negative', causes: [{ code: 'quality', triggers: ['起球'] }], assignee: '小王' }), { content: '起球严重', itemId: 'i1', itemTitle: '卫衣' }),
    caseView(caseRecord({ id: 'b', sentiment: 'neutral', status: 'resolved', causes: [{ code: 'logistics_delay', triggers: [] }] }), { content: '快递慢', itemId: 'i2', itemTitle: '裤子', orderId: '4599' }),
    caseView(caseRecord({ id: 'c', sentiment: 'neutral', status: 'contacting' }), { content: '一般', itemId: 'i1', itemTitle: '卫衣' }),
  ];
  const ids = (f: Partial<typeof DEFAULT_FILTER>) => views.filter((v) => matchesFilter(v, { ...DEFAULT_FILTER, ...f })).map((v) => v.case.id);
  it('filters by status, sentiment, cause, product, agent and text', () => {
    expect(ids({})).toEqual(['a', 'c']);
    expect(ids({ status: 'all' })).toEqual(['a', 'b', 'c']);
    expect(ids({ status: 'resolved' })).toEqual(['b']);
    expect(ids({ sentiment: 'neutral', status: 'all' })).toEqual(['b', 'c']);
    expect(ids({ cause: 'quality' })).toEqual(['a']);
    expect(ids({ itemId: 'i1' })).toEqual(['a', 'c']);
    expect(ids({ assignee: '小王' })).toEqual(['a']);
    expect(ids({ assignee: 'unassigned' })).toEqual(['c']);
    expect(ids({ text: '4599', status: 'all' })).toEqual(['b']);
    expect(ids({ text: '起球' })).toEqual(['a']);
  });
  it('counts per status and lists products and agents', () => {
    expect(statusCounts(views)).toMatchObject({ open: 2, new: 1, contacting: 1, resolved: 1, agreed: 0 });
    expect(filterChoices(views)).toEqual({ items: [{ id: 'i1', title: '卫衣' }, { id: 'i2', title: '裤子' }], agents: ['小王'] });
  });
});

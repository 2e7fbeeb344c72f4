import { describe, expect, it } from 'vitest';
import { riskNow } from '@/lib/insight/risk';
import { causeFigures } from '@/lib/insight/causes';
import { funnelFigures } from '@/lib/insight/funnel';
import { counted, Tally } from '@/lib/insight/tally';
import { median, rate } from '@/lib/insight/stats';
import { DAY_MS } from '@/lib/time/beijing';
import { attempt, cause, DAY0, ev, facts, H, kase, promise } from './insight-fixtures';

const RANGE = { from: DAY0, to: DAY0 + 3 * DAY_MS };
const ids = (t: { ids: Set<string> }) => [...t.ids].sort();
const tally = (...caseIds: string[]) => caseIds.reduce((t, id) => t.addCase(id), new Tally());

describe('risk now', () => {
  const now = DAY0 + 10 * H;
  const risk = riskNow({
    now, cap: 3, open: tally('a', 'b', 'c'), newToday: tally('a'), complained: Tally.counted(1, async () => ['z']),
    deadlines: [
      { id: 'a', status: 'new', deadlineAt: now + 3 * DAY_MS }, // exactly 3 days: counts
      { id: 'b', status: 'contacting', deadlineAt: now + 3 * DAY_MS + 1 }, // a moment later: not yet
      { id: 'c', status: 'unresolvable', deadlineAt: now + H }, // unresolvable still needs its explanation
      { id: 'd', status: 'revised', deadlineAt: now + H }, // settled: no
      { id: 'e', status: 'new', deadlineAt: now }, // closed already: no
      { id: 'f', status: 'new', deadlineAt: null },
    ],
    atCap: tally('a', 'g'), // counted on the facts' [open+phoneCalls] index (insight-fact-store.test.ts)
    promises: [
      promise('a', { dueAt: now }), // due this instant: overdue
      promise('a', { dueAt: now - H, createdAt: DAY0 + 4 * H }),
      promise('b', { dueAt: now - H, fulfilledAt: now - 2 * H }),
      promise('c', { dueAt: now - H, cancelledAt: now - 2 * H, cancelReason: '买家不要了' }),
      promise('d', { dueAt: now + H }),
    ],
  });

  it('counts what is at risk at this moment', () => {
    expect(counted(risk)).toEqual({ open: 3, newToday: 1, closingSoon: 2, overduePromises: 2, atCap: 2, complained: 1, cap: 3 });
    expect(ids(risk.closingSoon)).toEqual(['a', 'c']);
    expect(ids(risk.atCap)).toEqual(['a', 'g']);
    expect(ids(risk.overduePromises)).toEqual(['a']);
  });

  it('a figure counted on an index reads its cases only when asked', async () => {
    expect(await risk.complained.caseIds()).toEqual(['z']);
    expect(await risk.open.caseIds()).toEqual(['a', 'b', 'c']);
  });
});

describe('causes', () => {
  const cases = [
    kase('q1', { causes: [cause('quality', '起球', '掉色')], itemId: 'A' }),
    kase('q2', { causes: [cause('quality', '起球'), cause('price_value', '贵')], itemId: 'A', reviewTime: DAY0 + DAY_MS + H }),
    kase('q3', { causes: [cause('quality', '开线')], itemId: 'B', sentiment: 'neutral', reviewTime: DAY0 + 2 * DAY_MS }),
    kase('l1', { causes: [cause('logistics_delay', '慢')], itemId: 'B' }),
    kase('l2', { causes: [cause('logistics_delay', '慢')], itemId: 'B', reviewTime: DAY0 + DAY_MS }),
    kase('n1', { causes: [], itemId: 'A', reviewTime: null, createdAt: DAY0 + 2 * DAY_MS + H }),
    kase('old', { causes: [cause('quality', '起球')], itemId: 'A', reviewTime: DAY0 - H }),
  ];
  const products = new Map([['A', { title: '毛衣', link: 'https://item.taobao.com/item.htm?id=A' }]]);
  const f = causeFigures(facts(cases), RANGE);
  for (const p of f.products) Object.assign(p, products.get(p.key) ?? {});

  it('count and share per main cause, each case once, the period only', () => {
    expect(counted(f.total)).toBe(6);
    expect(counted(f.rows).map((r) => [r.key, r.count, r.negative, r.neutral])).toEqual([
      ['quality', 3, 2, 1], ['logistics_delay', 2, 2, 0], ['none', 1, 1, 0],
    ]);
    expect(rate(f.rows[0]!.count.n, f.total.n)).toBe(0.5);
  });

  it('trend by Beijing day, per cause', () => {
    expect(counted(f.trend)).toEqual([
      { key: 'quality', perDay: [1, 1, 1] },
      { key: 'logistics_delay', perDay: [1, 1, 0] },
      { key: 'none', perDay: [0, 0, 1] },
    ]);
    expect(ids(f.trend[0]!.perDay[1]!)).toEqual(['q2']);
  });

  it('products by cases, with each cause and its most frequent trigger words', () => {
    expect(f.productCount).toBe(2);
    expect(counted(f.products)).toEqual([
      { key: 'A', title: '毛衣', link: 'https://item.taobao.com/item.htm?id=A', total: 3, causes: [
        { key: 'quality', count: 2, words: [{ word: '起球', n: 2 }, { word: '掉色', n: 1 }] },
        { key: 'none', count: 1, words: [] },
      ] },
      { key: 'B', title: 'B', link: null, total: 3, causes: [
        { key: 'logistics_delay', count: 2, words: [{ word: '慢', n: 2 }] },
        { key: 'quality', count: 1, words: [{ word: '开线', n: 1 }] },
      ] },
    ]);
  });
});

describe('funnel', () => {
  const t0 = DAY0 + H; // every review written at 01:00 on day 0
  const cases = [
    kase('c1', { causes: [cause('quality')] }),
    kase('c2', { causes: [cause('quality')], status: 'contacting' }),
    kase('c3', { causes: [cause('logistics_delay')], status: 'revised' }),
    kase('c4', { causes: [cause('quality')], status: 'unresolvable' }),
    kase('c5', { causes: [cause('logistics_delay')], status: 'agreed' }),
    kase('c6', { causes: [cause('quality')], status: 'resolved', reviewTime: DAY0 + 5 * DAY_MS }), // outside the period
  ];
  const events = [
    attempt('c2', t0 + 2 * H, 'message_sent'),
    attempt('c3', t0 + H, 'no_answer'), attempt('c3', t0 + 5 * H, 'talked_agreed'),
    ev('c3', t0 + 30 * H, 'revised', { by: 'system', from: 'agreed', to: 'revised' }),
    attempt('c4', t0 + 4 * H, 'message_sent'), attempt('c4', t0 + 6 * H, 'buyer_refused', '小李', { from: 'contacting', to: 'unresolvable' }),
    attempt('c5', t0 + 10 * H, 'agreed_time', '小王', { from: 'new', to: 'agreed' }),
  ];
  const f = funnelFigures(facts(cases, events), RANGE);

  it('new → contacted → agreed → revised / resolved / unresolvable, with median times', () => {
    const { toContactMs, toRevisedMs, ...counts } = counted(f.overall);
    expect(counts).toEqual({ key: 'all', new: 5, contacted: 4, agreed: 2, revised: 1, resolved: 0, unresolvable: 1, complained: 0 });
    expect(toContactMs).toBe(3 * H); // first contacts after 2, 1, 4 and 10 hours
    expect(toRevisedMs).toBe(30 * H);
    expect(ids(f.overall.agreed)).toEqual(['c3', 'c5']);
  });

  it('by cause and by the channels used', () => {
    expect(counted(f.byCause).map((r) => [r.key, r.new, r.contacted, r.agreed, r.revised])).toEqual([
      ['quality', 3, 2, 0, 0], ['logistics_delay', 2, 2, 2, 1],
    ]);
    expect(counted(f.byChannel).map((r) => [r.key, r.new, r.agreed, r.revised, r.unresolvable])).toEqual([
      ['chat', 2, 1, 0, 0], ['phone', 1, 1, 1, 0], ['both', 1, 0, 0, 1], ['none', 1, 0, 0, 0],
    ]);
  });
});

describe('stats', () => {
  it('median and rate', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(rate(1, 0)).toBeNull();
    expect(rate(1, 4)).toBe(0.25);
  });
});

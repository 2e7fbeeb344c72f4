import { describe, expect, it } from 'vitest';
import { agentFigures } from '@/lib/insight/agents';
import { compensationFigures } from '@/lib/insight/compensation';
import { counted } from '@/lib/insight/tally';
import { payFen, DEFAULT_PAY_SCHEME } from '@/lib/settings/pay-scheme';
import { DAY_MS } from '@/lib/time/beijing';
import { attempt, DAY0, ev, H, promise } from './insight-fixtures';

const RANGE = { from: DAY0, to: DAY0 + 2 * DAY_MS };
const D1 = DAY0 + DAY_MS;
const PAY = { enabled: true, perRevisedNeutralFen: 300, perRevisedNegativeFen: 500 };

describe('agents per day', () => {
  const events = [
    // 小王, day 0: three calls on a (one answered, agreed), a message on b, a note on c; day 1: b refused on the phone.
    attempt('a', DAY0 + 9 * H, 'no_answer'), attempt('a', DAY0 + 13 * H, 'rejected'), attempt('a', DAY0 + 18 * H, 'talked_agreed'),
    attempt('b', DAY0 + 10 * H, 'message_sent'), ev('c', DAY0 + 11 * H, 'note'), ev('c', DAY0 + 11 * H, 'opened'),
    attempt('b', D1 + 10 * H, 'buyer_refused', '小王', { from: 'contacting', to: 'unresolvable' }),
    // 小李, day 1: a message and an agreed time on d, and sets e to 约定 by hand.
    attempt('d', D1 + 9 * H, 'message_sent', '小李'), attempt('d', D1 + 12 * H, 'agreed_time', '小李', { from: 'contacting', to: 'agreed' }),
    ev('e', D1 + 13 * H, 'status', { by: '小李', from: 'contacting', to: 'agreed' }),
    // Revisions come from the buyer (system events): a (小王's, negative) on day 1, d (小李's, neutral) on day 1, twice.
    ev('a', D1 + 8 * H, 'revised', { by: 'system', from: 'agreed', to: 'revised' }),
    ev('d', D1 + 20 * H, 'revised', { by: 'system', from: 'agreed', to: 'revised' }),
    ev('d', D1 + 21 * H, 'reopened', { by: 'system', from: 'revised', to: 'new' }),
    ev('d', D1 + 22 * H, 'revised', { by: 'system', from: 'new', to: 'revised' }),
    // A revision of a case nobody held, and an event outside the period.
    ev('f', D1 + 9 * H, 'revised', { by: 'system', from: 'new', to: 'revised' }),
    attempt('a', DAY0 - H, 'no_answer'),
  ];
  const cases = new Map([
    ['a', { assignee: '小王', sentiment: 'negative' as const }], ['b', { assignee: '小王', sentiment: 'negative' as const }],
    ['c', { assignee: '小王', sentiment: 'neutral' as const }], ['d', { assignee: '小李', sentiment: 'neutral' as const }],
    ['e', { assignee: '小李', sentiment: 'negative' as const }], ['f', { assignee: null, sentiment: 'negative' as const }],
  ]);
  const promises = [
    promise('a', { createdBy: '小王', createdAt: DAY0 + 19 * H, dueAt: DAY0 + 30 * H, fulfilledAt: DAY0 + 29 * H }), // kept in time
    promise('b', { createdBy: '小王', createdAt: DAY0 + 20 * H, dueAt: DAY0 + 30 * H, fulfilledAt: DAY0 + 31 * H }), // kept late
    promise('d', { createdBy: '小李', createdAt: D1 + 12 * H, dueAt: D1 + 14 * H }), // open past due
    promise('e', { createdBy: '小李', createdAt: D1 + 13 * H, dueAt: D1 + 14 * H, cancelledAt: D1 + 13.5 * H }), // cancelled
    promise('e', { createdBy: '小李', createdAt: D1 + 13 * H + 1, dueAt: D1 + 40 * H }), // not due yet
  ];
  // The cases as the fact store holds them: who holds each, its sentiment, its history.
  const worked = [...cases].map(([id, c]) => ({ id, ...c, acts: events.filter((e) => e.caseId === id) }));
  const f = agentFigures({ range: RANGE, now: D1 + 23 * H, worked, promises, pay: PAY });
  const row = (k: string) => counted(f.rows.find((r) => r.key === k)!);

  it('counts each agent\'s work per Beijing day, and the period as the days added up', () => {
    expect(f.rows.map((r) => r.key)).toEqual(['小王', '小李', '']);
    const wang = row('小王');
    expect(wang.perDay[0]).toEqual({ handled: 3, calls: 3, answered: 1, messages: 1, agreed: 1, revised: 0, unresolvable: 0, promises: 2, promisesOverdue: 1 });
    expect(wang.perDay[1]).toEqual({ handled: 1, calls: 1, answered: 1, messages: 0, agreed: 0, revised: 1, unresolvable: 1, promises: 0, promisesOverdue: 0 });
    expect(wang.total).toEqual({ handled: 4, calls: 4, answered: 2, messages: 1, agreed: 1, revised: 1, unresolvable: 1, promises: 2, promisesOverdue: 1 });
    expect(row('小李').total).toEqual({ handled: 2, calls: 0, answered: 0, messages: 1, agreed: 2, revised: 1, unresolvable: 0, promises: 3, promisesOverdue: 1 });
    expect(row('').total.revised).toBe(1);
  });

  it('the bonus follows the pay scheme: revised 中评 and 差评 of the cases each agent holds', () => {
    expect([row('小王').revisedNegative, row('小王').revisedNeutral, row('小王').payFen]).toEqual([1, 0, 500]);
    expect([row('小李').revisedNegative, row('小李').revisedNeutral, row('小李').payFen]).toEqual([0, 1, 300]);
    expect(agentFigures({ range: RANGE, now: D1, worked, promises, pay: DEFAULT_PAY_SCHEME }).rows[0]!.payFen).toBeNull();
    expect(payFen(PAY, 4, 2)).toBe(2200);
  });

  it('an agent\'s own view holds only their row', () => {
    const own = agentFigures({ range: RANGE, now: D1, worked, promises, pay: PAY, only: '小李' });
    expect([own.scope, own.rows.map((r) => r.key)]).toEqual(['own', ['小李']]);
  });
});

describe('compensation', () => {
  const now = DAY0 + 40 * H;
  const promises = [
    promise('a', { kind: 'cash', amountFen: 500, fulfilledAt: DAY0 + 5 * H }),
    promise('b', { kind: 'cash', amountFen: 1000, dueAt: now - H }), // overdue
    promise('c', { kind: 'postage_refund', amountFen: 800, dueAt: now + H }), // open, not due
    promise('c', { kind: 'reship', amountFen: null, createdAt: DAY0 + 4 * H, fulfilledAt: DAY0 + 30 * H }),
    promise('d', { kind: 'coupon', amountFen: 300, cancelledAt: DAY0 + 6 * H }),
    promise('e', { kind: 'cash', amountFen: 9900, createdAt: DAY0 - H }), // before the period
  ];
  const causeOf = (id: string) => (id === 'a' || id === 'b' ? 'quality' : id === 'c' ? 'logistics_delay' : 'none');
  const f = compensationFigures(promises, causeOf, RANGE, now);

  it('promised, paid and overdue money by kind and by cause', () => {
    expect(counted(f.total)).toEqual({ key: 'all', promises: 5, cancelled: 1, kept: 2, overdue: 1, promisedFen: 2300, paidFen: 500, overdueFen: 1000 });
    expect(counted(f.byKind).map((r) => [r.key, r.promises, r.promisedFen, r.paidFen, r.overdueFen])).toEqual([
      ['reship', 1, 0, 0, 0], ['postage_refund', 1, 800, 0, 0], ['coupon', 1, 0, 0, 0], ['cash', 2, 1500, 500, 1000],
    ]);
    expect(counted(f.byCause).map((r) => [r.key, r.promises, r.promisedFen, r.overdueFen])).toEqual([
      ['quality', 2, 1500, 1000], ['logistics_delay', 2, 800, 0], ['none', 1, 0, 0],
    ]);
  });
});

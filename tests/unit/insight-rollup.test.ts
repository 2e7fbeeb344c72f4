import { afterEach, describe, expect, it } from 'vitest';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { OUTCOMES } from '@/lib/cases/outcomes';
import { CaseStatus } from '@/lib/cases/schema';
import { FactStore } from '@/lib/insight/fact-store';
import { LocalInsightSource } from '@/lib/insight/source';
import { computeDashboard, dashboardFigures } from '@/lib/insight/dashboard';
import { resolvePeriod, type PeriodRange } from '@/lib/insight/period';
import { counted } from '@/lib/insight/tally';
import { seededRandom } from '@/lib/random/seeded';
import { beijingInstant, DAY_MS, HOUR_MS as H } from '@/lib/time/beijing';
import { observation } from './helpers';

/**
 * The page opens with figures added up from the daily aggregate; a click reads the same figures from the cases.
 * Over six weeks of a shop's work (reviews, every kind of outcome by three agents on many days, manual statuses,
 * promises kept, cancelled and overdue, undos, revisions and reopened cases), both must say the same, for every
 * period, with the aggregate kept up to date write by write and after a rebuild.
 */
const TEXTS = ['起球严重，质量太差', '快递太慢了', '颜色和图片不一样', '客服态度很差', '发错货了，少了一件', '价格太贵不值', '一般般吧', ''];
const AGENTS = ['小王', '小李', '阿芳'];
const START = beijingInstant(2026, 1, 20, 9);
const PAGE = 'https://myseller.taobao.com/x';
const open: FactStore[] = [];
afterEach(() => {
  for (const f of open.splice(0)) f.close();
});

async function shop(seed: number) {
  const db = new ReviewDeskDB(`rollup-${seed}-${Math.random()}`);
  let clock = START;
  const store = new CaseStore(db, () => clock);
  const flow = new WorkflowStore(db, () => clock);
  const facts = new FactStore(db, () => clock);
  open.push(facts);
  await facts.current(); // built empty: from here on it follows every write
  const rand = seededRandom(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const ids: string[] = [];
  const undoable: number[] = [];
  const promises: number[] = [];
  for (let day = 0; day < 42; day++) {
    clock = START + day * DAY_MS;
    const batch = Array.from({ length: 3 + Math.floor(rand() * 4) }, (_, i) => {
      const id = String(day * 100 + i);
      ids.push(`qianniu:${id}`);
      return observation({
        platformReviewId: id, content: pick(TEXTS), sentiment: rand() < 0.3 ? 'neutral' : 'negative', reviewTime: clock - Math.floor(rand() * 3 * DAY_MS),
        itemId: pick(['A', 'B', 'C', 'D']), itemTitle: undefined, buyerKey: `b${Math.floor(rand() * 30)}`,
      });
    });
    await store.ingest(batch, PAGE);
    for (let k = 0; k < 8; k++) {
      clock += Math.floor(rand() * 2 * H);
      const caseId = pick(ids);
      const agent = pick(AGENTS);
      const r = rand();
      if (r < 0.55) {
        const outcome = pick(OUTCOMES).code;
        const logged = await flow.logOutcome({ caseId, outcome, ...(outcome === 'agreed_time' ? { agreedAt: clock + DAY_MS } : {}) }, agent);
        undoable.push(logged.eventSeq);
      } else if (r < 0.65) await flow.setStatus(caseId, pick(CaseStatus.options), agent);
      else if (r < 0.75) promises.push((await flow.addPromise({ caseId, kind: pick(['cash', 'coupon', 'reship'] as const), amountFen: Math.floor(rand() * 2000), dueAt: clock + Math.floor(rand() * 3 * DAY_MS) - DAY_MS, note: '' }, agent)).id!);
      else if (r < 0.8 && promises.length) await flow.fulfilPromise(promises.shift()!, 'ref', agent).catch(() => undefined);
      else if (r < 0.83 && promises.length) await flow.cancelPromise(promises.pop()!, '买家不要了', agent).catch(() => undefined);
      else if (r < 0.87 && undoable.length) await flow.undo(undoable.pop()!);
      else if (r < 0.95) {
        // The buyer revises (a positive reading), or a negative follow-up reopens a revised case.
        const id = caseId.slice('qianniu:'.length);
        const revise = rand() < 0.7;
        await store.ingest([observation({ platformReviewId: id, content: pick(TEXTS), sentiment: revise ? 'positive' : 'negative', itemId: 'A',
          reviewTime: START + Number(id.slice(0, -2) || 0) * DAY_MS, ...(revise ? {} : { followUp: { content: `追评${k}`, sentiment: 'negative' as const } }) })], PAGE);
      } else await flow.setCauses(caseId, [{ code: pick(['quality', 'logistics_delay', 'other'] as const), triggers: ['手动'] }], agent);
    }
  }
  return { db, facts, now: clock };
}

const PAY = { enabled: true, perRevisedNeutralFen: 300, perRevisedNegativeFen: 500 };

async function bothWays(facts: FactStore, db: ReviewDeskDB, range: PeriodRange, now: number) {
  const src = new LocalInsightSource(db, facts);
  const opts = { cap: 3, pay: PAY };
  return { days: counted(await dashboardFigures(src, range, now, opts)), cases: counted(await computeDashboard(src, range, now, opts)) };
}

describe('figures added up from days equal the figures counted from the cases', () => {
  it.each([1, 2])('six weeks of work (seed %i), every period, kept up to date and rebuilt', async (seed) => {
    const { db, facts, now } = await shop(seed);
    const periods: PeriodRange[] = [
      resolvePeriod('today', now)!, resolvePeriod('7d', now)!, resolvePeriod('30d', now)!, resolvePeriod('month', now)!,
      resolvePeriod('custom', now, { from: '2026-01-01', to: '2026-03-31' })!,
    ];
    for (const range of periods) {
      const { days, cases } = await bothWays(facts, db, range, now);
      expect(days).toEqual(cases);
    }
    const wide = await bothWays(facts, db, periods.at(-1)!, now);
    expect(wide.days.causes.total).toBeGreaterThan(150);
    expect(wide.days.agents.rows.length).toBeGreaterThanOrEqual(3);
    expect(wide.days.funnel.overall.revised).toBeGreaterThan(0);
    // The moment's counts kept with the aggregate (not counted on indexes) were exercised, and equal the index counts.
    expect(wide.days.risk.open).toBeGreaterThan(0);
    expect(wide.days.risk.atCap).toBeGreaterThan(0);
    expect(wide.days.risk.newToday).toBeGreaterThan(0);
    expect(wide.days.risk.complained).toBeGreaterThan(0);
    const kept = await facts.db.days.orderBy('day').toArray();
    await facts.rebuild();
    for (const range of periods) expect((await bothWays(facts, db, range, now)).days).toEqual((await bothWays(facts, db, range, now)).cases);
    expect(counted(await dashboardFigures(new LocalInsightSource(db, facts), periods.at(-1)!, now, { cap: 3, pay: PAY }))).toEqual(wide.days);
    expect((await facts.db.days.orderBy('day').toArray()).map((r) => r.day)).toEqual(kept.map((r) => r.day));
  });
});

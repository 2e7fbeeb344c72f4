import { startOfBeijingDay, startOfNextBeijingDay } from '../time/beijing';
import type { PromiseRecord } from '../cases/promises';
import type { CaseStatus } from '../cases/schema';
import type { PayScheme } from '../settings/pay-scheme';
import { addPromises, AgentRows, agentFigures, sumTallies, type AgentFigures } from './agents';
import { causeParts, type CauseFigures } from './causes';
import { compensationFigures, type CompensationFigures } from './compensation';
import { funnelFigures, type FunnelFigures } from './funnel';
import { dayIndex, daysOf, type PeriodRange } from './period';
import { openAtCap, partsFromDays } from './rollup';
import { CLOSING_WITHIN_MS, riskNow, type RiskFigures } from './risk';
import type { InsightSource } from './source';
import { Tally, type Counted } from './tally';

/** Everything the dashboard shows for one period, with the cases behind every number (kept in the background). */
export interface DashboardFigures {
  range: PeriodRange;
  now: number;
  days: number[];
  risk: RiskFigures;
  causes: CauseFigures;
  funnel: FunnelFigures;
  agents: AgentFigures;
  compensation: CompensationFigures;
}

/** What the page receives: numbers only. */
export type DashboardData = Counted<DashboardFigures>;

export interface DashboardOptions {
  /** Phone attempts per case allowed by the shop's contact-timing settings. */
  cap: number;
  pay: PayScheme;
  /** Show only this agent's row (an agent's own view on a team); every agent when absent. */
  onlyAgent?: string;
}

const OPEN: CaseStatus[] = ['new', 'contacting', 'agreed'];

type Today = readonly [number, number];
type MomentCounts = { open: Tally; complained: Tally; newToday: Tally; atCap: Tally };

/** The moment's big counts on the store's indexes (what a click's computation uses: it reads the cases anyway). */
async function countedOnIndexes(src: InsightSource, today: Today, cap: number): Promise<MomentCounts> {
  const [open, complained, newToday, atCap] = await Promise.all([
    src.countByStatus(OPEN).then((n) => Tally.counted(n, () => src.idsByStatus(OPEN))),
    src.countByStatus(['complained']).then((n) => Tally.counted(n, () => src.idsByStatus(['complained']))),
    src.countStoredBetween(...today).then((n) => Tally.counted(n, () => src.idsStoredBetween(...today))),
    // A cap of 0 (no calls at all) puts no case at the cap.
    cap > 0 ? src.countOpenWithCalls(cap).then((n) => Tally.counted(n, () => src.idsOpenWithCalls(cap))) : Promise.resolve(new Tally()),
  ]);
  return { open, complained, newToday, atCap };
}

/**
 * The same counts kept with the aggregate (what opens the page): IndexedDB counts an index by walking it, a second
 * for 20,000 open cases on a busy machine. Their cases are still read from the indexes, on a click.
 */
async function countedInTotals(src: InsightSource, today: Today, cap: number): Promise<MomentCounts> {
  const [totals, [day]] = await Promise.all([src.totals(), src.daysBetween(...today)]);
  return {
    open: Tally.counted(totals.open, () => src.idsByStatus(OPEN)),
    complained: Tally.counted(totals.complained, () => src.idsByStatus(['complained'])),
    newToday: Tally.counted(day?.stored ?? 0, () => src.idsStoredBetween(...today)),
    atCap: cap > 0 ? Tally.counted(openAtCap(totals, cap), () => src.idsOpenWithCalls(cap)) : new Tally(),
  };
}

/**
 * The figures that hold at this moment (risk), and the period's promises (agents and money), with the cases behind
 * the big figures read only on a click.
 */
async function momentParts(src: InsightSource, range: PeriodRange, now: number, cap: number, counts: typeof countedOnIndexes) {
  const today = [startOfBeijingDay(now), startOfNextBeijingDay(now)] as const;
  const [closing, promises, { open, complained, newToday, atCap }] = await Promise.all([
    src.closingBetween(now, now + CLOSING_WITHIN_MS),
    src.promises(),
    counts(src, today, cap),
  ]);
  const risk = riskNow({
    now, open, newToday, complained, atCap, cap, promises,
    deadlines: closing.map((f) => ({ id: f.id, status: f.status, deadlineAt: f.deadlineAt })),
  });
  return { risk, periodPromises: promises.filter((p) => dayIndex(range, p.createdAt) >= 0) };
}

/** Money by kind and by the main cause of each promise's case (read from the facts of those cases). */
async function money(src: InsightSource, promises: PromiseRecord[], known: Map<string, { cause: CauseFigures['rows'][number]['key'] }>, range: PeriodRange, now: number) {
  const missing = [...new Set(promises.map((p) => p.caseId))].filter((id) => !known.has(id));
  for (const f of await src.factsOf(missing)) known.set(f.id, f);
  return compensationFigures(promises, (id) => known.get(id)?.cause ?? 'none', range, now);
}

/**
 * Every figure of the period with the cases behind each number, from the facts of the cases reviewed and worked in
 * it: what a click on a figure reads (the page opens with `dashboardFigures`, which adds up the days instead).
 */
export async function computeDashboard(src: InsightSource, range: PeriodRange, now: number, opts: DashboardOptions): Promise<DashboardFigures> {
  await src.ready();
  const [cohort, worked, moment] = await Promise.all([
    src.reviewedBetween(range.from, range.to), src.workedBetween(range.from, range.to), momentParts(src, range, now, opts.cap, countedOnIndexes),
  ]);
  const parts = causeParts(cohort, range);
  const causes = parts.figures();
  await nameProducts(src, causes);
  const funnel = funnelFigures(cohort, range);
  const agents = agentFigures({ range, now, worked, promises: moment.periodPromises, pay: opts.pay, only: opts.onlyAgent });
  const compensation = await money(src, moment.periodPromises, new Map([...cohort, ...worked].map((f) => [f.id, f])), range, now);
  return { range, now, days: daysOf(range), risk: moment.risk, causes, funnel, agents, compensation };
}

/**
 * The same figures added up from the daily aggregate (a period is its days: 7 records for a week, 365 for a year)
 * and the moment's index counts: what opens the dashboard. Numbers only; a click computes the cases with
 * computeDashboard. Both count through the same rules (contrib.ts), and a test holds them equal.
 */
export async function dashboardFigures(src: InsightSource, range: PeriodRange, now: number, opts: DashboardOptions): Promise<DashboardFigures> {
  await src.ready();
  const [days, moment] = await Promise.all([src.daysBetween(range.from, range.to), momentParts(src, range, now, opts.cap, countedInTotals)]);
  const rows = new AgentRows<Tally>(daysOf(range).length, () => new Tally(), sumTallies, (t) => t.n);
  const parts = partsFromDays(days, range, rows);
  const causes = parts.causes.figures();
  await nameProducts(src, causes);
  addPromises(rows, moment.periodPromises, range, now, (t, id) => t.add(id));
  const agents = rows.figures(opts.pay, opts.onlyAgent);
  const compensation = await money(src, moment.periodPromises, new Map(), range, now);
  return { range, now, days: daysOf(range), risk: moment.risk, causes, funnel: parts.funnel.figures(), agents, compensation };
}

/** The shown products' titles and links. */
async function nameProducts(src: InsightSource, causes: CauseFigures): Promise<void> {
  const items = await src.productItems(causes.products.map((p) => p.key).filter(Boolean));
  for (const p of causes.products) {
    const item = items.get(p.key);
    p.title = item?.title ?? p.key;
    p.link = safeLink(item?.link ?? null);
  }
}

/** Only web links to the shop's own listings are shown as links; anything else (javascript:, data:) is dropped. */
export function safeLink(link: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, 'https://item.taobao.com/');
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

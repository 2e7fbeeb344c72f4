import { startOfBeijingDay, startOfNextBeijingDay } from '../time/beijing';
import type { PayScheme } from '../settings/pay-scheme';
import { agentFigures, type AgentFigures } from './agents';
import { causeFigures, type CauseFigures } from './causes';
import { compensationFigures, type CompensationFigures } from './compensation';
import { funnelFigures, type FunnelFigures } from './funnel';
import { dayIndex, daysOf, type PeriodRange } from './period';
import { CLOSING_WITHIN_MS, riskNow, type RiskFigures } from './risk';
import type { InsightSource } from './source';
import { Tally, type Counted } from './tally';
import type { CaseStatus } from '../cases/schema';

const OPEN: CaseStatus[] = ['new', 'contacting', 'agreed'];

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

/**
 * Computes every figure for the period, each from one index range: the facts of the cases reviewed in the period
 * (causes, funnel), of the cases worked in it (agents), of the cases closing soon or at the call cap (risk), the
 * status and time indexes of the store (risk), and the promises (risk, agents, compensation).
 */
export async function computeDashboard(src: InsightSource, range: PeriodRange, now: number, opts: DashboardOptions): Promise<DashboardFigures> {
  await src.ready();
  const today = [startOfBeijingDay(now), startOfNextBeijingDay(now)] as const;
  const [cohort, worked, closing, atCap, promises, open, complained, newToday] = await Promise.all([
    src.reviewedBetween(range.from, range.to),
    src.workedBetween(range.from, range.to),
    src.closingBetween(now, now + CLOSING_WITHIN_MS),
    src.callsAtLeast(Math.max(1, opts.cap)),
    src.promises(),
    // Counted on the indexes; the cases themselves are read only if the figure is clicked.
    src.countByStatus(OPEN).then((n) => Tally.counted(n, () => src.idsByStatus(OPEN))),
    src.countByStatus(['complained']).then((n) => Tally.counted(n, () => src.idsByStatus(['complained']))),
    src.countStoredBetween(...today).then((n) => Tally.counted(n, () => src.idsStoredBetween(...today))),
  ]);
  const risk = riskNow({
    now, open, newToday, complained, cap: opts.cap, promises,
    deadlines: closing.map((f) => ({ id: f.id, status: f.status, deadlineAt: f.deadlineAt })),
    calls: atCap.map((f) => ({ id: f.id, status: f.status, phoneCalls: f.phoneCalls })),
  });

  const causes = causeFigures(cohort, range, new Map());
  await nameProducts(src, causes);
  const funnel = funnelFigures(cohort, range);

  // Who holds each case worked or promised on, and its main cause and sentiment (for the bonus and the money).
  const periodPromises = promises.filter((p) => dayIndex(range, p.createdAt) >= 0);
  const known = new Map([...cohort, ...worked].map((f) => [f.id, f]));
  for (const f of await src.factsOf([...new Set(periodPromises.map((p) => p.caseId))].filter((id) => !known.has(id)))) known.set(f.id, f);
  const agents = agentFigures({
    range, now, events: worked.flatMap((f) => f.acts), cases: known, promises: periodPromises, pay: opts.pay, only: opts.onlyAgent,
  });
  const compensation = compensationFigures(periodPromises, (id) => known.get(id)?.cause ?? 'none', range, now);

  return { range, now, days: daysOf(range), risk, causes, funnel, agents, compensation };
}

/** The shown products' titles and links, from one review of each. */
async function nameProducts(src: InsightSource, causes: CauseFigures): Promise<void> {
  const sample = causes.products.map((p) => [...p.total.ids][0]!);
  const items = await src.reviewItems(sample);
  causes.products.forEach((p, i) => {
    const item = items.get(sample[i]!);
    p.title = item?.title ?? (p.key || '');
    p.link = safeLink(item?.link ?? null);
  });
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

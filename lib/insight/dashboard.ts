import type { CaseEvent } from '../cases/schema';
import { DAY_MS, startOfBeijingDay, startOfNextBeijingDay } from '../time/beijing';
import type { PayScheme } from '../settings/pay-scheme';
import { agentFigures, type AgentFigures } from './agents';
import { causeFigures, type CauseFigures } from './causes';
import { compensationFigures, type CompensationFigures } from './compensation';
import { eventsByCase, factOf, causeKeyOf, type CaseFact, type StoredCase } from './facts';
import { funnelFigures, type FunnelFigures } from './funnel';
import { dayIndex, daysOf, type PeriodRange } from './period';
import { riskNow, type RiskFigures } from './risk';
import { OPEN_WINDOW_LOOKBACK_MS, type InsightSource } from './source';
import type { Counted } from './tally';

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

/** A review is stored after it is written; a day's margin covers a console clock a little ahead of this computer's. */
const CLOCK_MARGIN_MS = DAY_MS;
/** Periods that ended more than this long ago read their cases' later history by case, not by time. */
const RECENT_MS = 7 * DAY_MS;

/**
 * Computes every figure for the period from bounded index reads: the cases that can have a review in the period
 * (stored since its start), the events of the period, the promises; the risk from status and time indexes.
 */
export async function computeDashboard(src: InsightSource, range: PeriodRange, now: number, opts: DashboardOptions): Promise<DashboardFigures> {
  const since = Math.min(range.from - CLOCK_MARGIN_MS, now - OPEN_WINDOW_LOOKBACK_MS);
  const recent = now - range.to < RECENT_MS;
  const [stored, periodOrLater, promises, openIds, complainedIds, newTodayIds, contactedIds] = await Promise.all([
    src.casesStoredSince(since),
    // A recent period: one read of every event since the period began serves the agents (the period's events) and the
    // funnel (the cases' whole history). An old one: the period's events only; the history is read by case below.
    recent ? src.eventsBetween(range.from - CLOCK_MARGIN_MS, Number.MAX_SAFE_INTEGER) : src.eventsBetween(range.from, range.to),
    src.promises(),
    src.idsByStatus(['new', 'contacting', 'agreed']),
    src.idsByStatus(['complained']),
    src.idsStoredBetween(startOfBeijingDay(now), startOfNextBeijingDay(now)),
    // Only cases with a logged contact can be at the attempt cap, and every logged contact moves a case past 'new'.
    src.idsByStatus(['contacting', 'agreed']),
  ]);
  const cohort = stored.filter((c) => dayIndex(range, c.reviewTime ?? c.createdAt) >= 0);
  const cohortIds = new Set(cohort.map((c) => c.id));
  const periodEvents = periodOrLater.filter((e) => e.at >= range.from && e.at < range.to);
  const historyEvents = recent ? periodOrLater.filter((e) => cohortIds.has(e.caseId)) : await src.eventsOfCases([...cohortIds]);
  await fillItemKeys(src, cohort);
  const byCase = eventsByCase(historyEvents);
  const facts = cohort.map((c) => factOf(c, byCase.get(c.id) ?? []));

  // Risk: deadlines of the cases whose window may be open; phone calls of the contacted open cases.
  const windowCandidates = stored.filter((c) => c.createdAt >= now - OPEN_WINDOW_LOOKBACK_MS && c.status !== 'revised' && c.status !== 'resolved');
  const [deadlines, contactEvents] = await Promise.all([
    src.deadlines(windowCandidates),
    src.eventsOfCases(contactedIds),
  ]);
  const callsByCase = new Map<string, number>();
  for (const e of contactEvents) if (e.kind === 'attempt' && e.channel === 'phone') callsByCase.set(e.caseId, (callsByCase.get(e.caseId) ?? 0) + 1);
  const risk = riskNow({
    now, openIds, newTodayIds, complainedIds, cap: opts.cap, promises,
    deadlines: windowCandidates.map((c) => ({ id: c.id, status: c.status, deadlineAt: deadlines.get(c.id) ?? null })),
    calls: contactedIds.map((id) => ({ id, status: 'contacting', phoneCalls: callsByCase.get(id) ?? 0 })),
  });

  const causes = causeFigures(facts, range, new Map());
  await nameProducts(src, causes);
  const funnel = funnelFigures(facts, range);

  // Agents: the period's events, and who holds the cases revised in it (and their sentiment, for the bonus).
  const known = new Map<string, StoredCase>(stored.map((c) => [c.id, c]));
  const missing = [...new Set(periodEvents.filter((e) => !known.has(e.caseId)).map((e) => e.caseId))];
  for (const c of await src.casesByIds(missing)) known.set(c.id, c);
  const periodPromises = promises.filter((p) => dayIndex(range, p.createdAt) >= 0);
  const missingForPromises = [...new Set(periodPromises.map((p) => p.caseId).filter((id) => !known.has(id)))];
  for (const c of await src.casesByIds(missingForPromises)) known.set(c.id, c);
  const agents = agentFigures({ range, now, events: periodEvents, cases: known, promises: periodPromises, pay: opts.pay, only: opts.onlyAgent });
  const compensation = compensationFigures(periodPromises, (id) => (known.has(id) ? causeKeyOf(known.get(id)!) : 'none'), range, now);

  return { range, now, days: daysOf(range), risk, causes, funnel, agents, compensation };
}

/** Cases stored without an item id are keyed by their product's title, as the queue's product filter keys them. */
async function fillItemKeys(src: InsightSource, cases: StoredCase[]): Promise<void> {
  const keyless = cases.filter((c) => c.itemKey === undefined && c.itemId === undefined);
  if (!keyless.length) return;
  const items = await src.reviewItems(keyless.map((c) => c.id));
  for (const c of keyless) {
    const title = items.get(c.id)?.title;
    if (title) c.itemKey = title;
  }
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

/** For tests and callers holding facts already. */
export type { CaseFact, CaseEvent };

import { startOfBeijingDay } from '../time/beijing';
import { isOpenStatus } from '../cases/schema';
import { agentMarks, funnelMarks, type AgentMeasure, type Stage } from './contrib';
import type { CaseFact, CauseKey } from './facts';
import { CauseParts } from './causes';
import { FunnelParts, groupsOf, STAGES } from './funnel';
import { AgentRows } from './agents';
import { dayIndex, type PeriodRange } from './period';
import type { Tally } from './tally';

/**
 * One Beijing day of the dashboard's aggregate: what the cases reviewed that day add to the causes, products and
 * funnel, and what agents did that day. Kept up to date fact by fact (a changed case is taken out with its old facts
 * and put back with its new ones), so that a period's figures are the sum of its days: a year is 365 small records,
 * not 30,000 cases.
 */
export interface DayRollup {
  day: number;
  causes: Map<CauseKey, { count: number; negative: number; neutral: number }>;
  products: Map<string, { total: number; causes: Map<CauseKey, { count: number; words: Map<string, number> }> }>;
  funnel: Map<string, { stages: Record<Stage, number>; toContact: number[]; toRevised: number[] }>;
  agents: Map<string, Map<AgentMeasure, number>>;
  /** Cases first stored that day (新发现): today's is the risk figure 今天新发现. */
  stored: number;
}

/**
 * The counts of the moment, kept with the days: counting them on the store's indexes reads every entry (IndexedDB
 * counts by walking the index: 20,000 open cases are a second on a busy machine).
 */
export interface Totals {
  open: number;
  complained: number;
  /** Open cases by their phone calls so far: those at the shop's cap (a setting) are the counts from the cap up. */
  openByCalls: Record<number, number>;
}

export const emptyTotals = (): Totals => ({ open: 0, complained: 0, openByCalls: {} });

/** Adds (sign 1) or takes out (sign -1) what one case's facts count in the totals. */
export function applyTotals(t: Totals, f: Pick<CaseFact, 'status' | 'phoneCalls'>, sign: 1 | -1): void {
  if (isOpenStatus(f.status)) {
    t.open += sign;
    const n = (t.openByCalls[f.phoneCalls] ?? 0) + sign;
    if (n === 0) delete t.openByCalls[f.phoneCalls];
    else t.openByCalls[f.phoneCalls] = n;
  }
  if (f.status === 'complained') t.complained += sign;
}

/** Open cases with at least `cap` phone calls. */
export const openAtCap = (t: Totals, cap: number): number =>
  Object.entries(t.openByCalls).reduce((sum, [calls, n]) => sum + (Number(calls) >= cap ? n : 0), 0);

export const emptyDay = (day: number): DayRollup => ({ day, causes: new Map(), products: new Map(), funnel: new Map(), agents: new Map(), stored: 0 });

export const isEmptyDay = (r: DayRollup) => !r.causes.size && !r.products.size && !r.funnel.size && !r.agents.size && !r.stored;

/** The days a case's facts count in: its review's, the day it was first stored, and those of agents' work on it. */
export function daysOfFact(f: CaseFact): number[] {
  return [...new Set([startOfBeijingDay(f.reviewAt), startOfBeijingDay(f.createdAt), ...agentMarks(f).map((m) => m.day)])];
}

function got<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

/** Removes one occurrence (a case's time leaving a day). */
function without(list: number[], value: number): void {
  const i = list.indexOf(value);
  if (i >= 0) list.splice(i, 1);
}

/** Adds (sign 1) or takes out (sign -1) what one case's facts count, in the days it counts in. */
export function applyFact(dayOf: (day: number) => DayRollup, f: CaseFact, sign: 1 | -1): void {
  dayOf(startOfBeijingDay(f.createdAt)).stored += sign;
  const r = dayOf(startOfBeijingDay(f.reviewAt));
  const cause = got(r.causes, f.cause, () => ({ count: 0, negative: 0, neutral: 0 }));
  cause.count += sign;
  cause[f.sentiment] += sign;
  if (cause.count === 0) r.causes.delete(f.cause);

  const item = f.itemKey ?? '';
  const product = got(r.products, item, () => ({ total: 0, causes: new Map() }));
  product.total += sign;
  const pc = got(product.causes, f.cause, () => ({ count: 0, words: new Map<string, number>() }));
  pc.count += sign;
  for (const word of f.triggers) {
    const n = (pc.words.get(word) ?? 0) + sign;
    if (n === 0) pc.words.delete(word);
    else pc.words.set(word, n);
  }
  if (pc.count === 0) product.causes.delete(f.cause);
  if (product.total === 0) r.products.delete(item);

  const marks = funnelMarks(f);
  for (const key of groupsOf(f)) {
    const g = got(r.funnel, key, () => ({ stages: Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>, toContact: [], toRevised: [] }));
    for (const stage of marks.stages) g.stages[stage] += sign;
    if (marks.toContact !== null) {
      if (sign > 0) g.toContact.push(marks.toContact);
      else without(g.toContact, marks.toContact);
    }
    if (marks.toRevised !== null) {
      if (sign > 0) g.toRevised.push(marks.toRevised);
      else without(g.toRevised, marks.toRevised);
    }
    if (g.stages.new === 0) r.funnel.delete(key);
  }

  for (const m of agentMarks(f)) {
    const agents = dayOf(m.day).agents;
    const measures = got(agents, m.agent, () => new Map<AgentMeasure, number>());
    const n = (measures.get(m.measure) ?? 0) + sign;
    if (n === 0) measures.delete(m.measure);
    else measures.set(m.measure, n);
    if (!measures.size) agents.delete(m.agent);
  }
}

/** A period's causes, funnel and agents' days added up from its days (numbers only: the cases are read on a click). */
export function partsFromDays(days: DayRollup[], range: PeriodRange, agentRows: AgentRows<Tally>): { causes: CauseParts; funnel: FunnelParts } {
  const length = Math.round((range.to - range.from) / 86_400_000);
  const causes = new CauseParts(length);
  const funnel = new FunnelParts();
  for (const r of days) {
    const i = dayIndex(range, r.day);
    if (i < 0) continue;
    for (const [key, c] of r.causes) {
      causes.total.n += c.count;
      const row = causes.row(key);
      row.count.n += c.count;
      row.negative.n += c.negative;
      row.neutral.n += c.neutral;
      causes.day(key, i).n += c.count;
    }
    for (const [key, p] of r.products) {
      causes.product(key).total.n += p.total;
      for (const [ck, c] of p.causes) {
        const pc = causes.productCause(key, ck);
        pc.count.n += c.count;
        for (const [word, n] of c.words) pc.words.set(word, (pc.words.get(word) ?? 0) + n);
      }
    }
    for (const [key, g] of r.funnel) {
      const group = funnel.group(key);
      for (const s of STAGES) group.stages[s].n += g.stages[s];
      group.toContact.push(...g.toContact);
      group.toRevised.push(...g.toRevised);
    }
    for (const [agent, measures] of r.agents) {
      for (const [m, n] of measures) agentRows.cell(agent, i, m).n += n;
    }
  }
  return { causes, funnel };
}

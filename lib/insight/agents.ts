import type { CaseEventKind, CaseRecord } from '../cases/schema';
import type { CaseAct } from './facts';
import { outcomeInfo, type OutcomeCode } from '../cases/outcomes';
import type { PromiseRecord } from '../cases/promises';
import { payFen, type PayScheme } from '../settings/pay-scheme';
import { dayIndex, daysOf, type PeriodRange } from './period';
import { Tally } from './tally';
import { entry } from './stats';

/** What counts as working a case (opening it to look does not). */
const ACTIONS: ReadonlySet<CaseEventKind> = new Set([
  'attempt', 'status', 'copy', 'note', 'causes', 'promise', 'promise-fulfilled', 'promise-changed', 'promise-cancelled',
]);
const AGREEING: ReadonlySet<OutcomeCode> = new Set(['talked_agreed', 'agreed_time']);

/** One agent's work on one day (or over the period). */
export interface AgentDay {
  /** Cases the agent worked (logged a contact, changed, noted, promised…), each once. */
  handled: Tally;
  /** Phone attempts, every outcome. */
  calls: Tally;
  /** Calls in which the agent spoke with the buyer. */
  answered: Tally;
  /** 旺旺 messages sent. */
  messages: Tally;
  /** Cases in which the buyer agreed (约定) with this agent. */
  agreed: Tally;
  /** Cases held by this agent whose review was revised (已改评). */
  revised: Tally;
  /** Cases this agent marked as unresolvable (无法解决). */
  unresolvable: Tally;
  /** Promises the agent made. */
  promises: Tally;
  /** Of those, the ones not kept by their due time (still open past it, or kept late). */
  promisesOverdue: Tally;
}

export interface AgentRow {
  /** The agent's name; '' for work logged before a name was set, and revisions of cases nobody held. */
  key: string;
  total: AgentDay;
  perDay: AgentDay[];
  revisedNeutral: Tally;
  revisedNegative: Tally;
  /** The bonus for the period under the shop's pay scheme, in fen; null when the shop pays none. */
  payFen: number | null;
}

export interface AgentFigures {
  /** 'all': every agent is shown (the local store, or a lead on the team server); 'own': only the viewer. */
  scope: 'all' | 'own';
  pay: PayScheme;
  rows: AgentRow[];
}

const emptyDay = (): AgentDay => ({
  handled: new Tally(), calls: new Tally(), answered: new Tally(), messages: new Tally(), agreed: new Tally(),
  revised: new Tally(), unresolvable: new Tally(), promises: new Tally(), promisesOverdue: new Tally(),
});

export interface AgentInputs {
  range: PeriodRange;
  now: number;
  /** Every event in the period (others are skipped). */
  events: CaseAct[];
  /** The cases those events (revisions among them) are about: who holds each and its sentiment. */
  cases: Map<string, Pick<CaseRecord, 'assignee' | 'sentiment'>>;
  /** Promises made in the period. */
  promises: PromiseRecord[];
  pay: PayScheme;
  /** Only this agent's row ('own' scope); all agents when absent. */
  only?: string;
}

/**
 * Each agent's work per day. Acts count in the day they happened (Beijing); a revision counts for the agent holding
 * the case (the buyer revises, not the agent), each case once in the period.
 */
export function agentFigures(x: AgentInputs): AgentFigures {
  const days = daysOf(x.range).length;
  const rows = new Map<string, { total: AgentDay; perDay: AgentDay[]; revisedNeutral: Tally; revisedNegative: Tally }>();
  const rowOf = (agent: string) => entry(rows, agent, () => ({
    total: emptyDay(), perDay: Array.from({ length: days }, emptyDay), revisedNeutral: new Tally(), revisedNegative: new Tally(),
  }));
  const both = (agent: string, day: number, pick: (d: AgentDay) => Tally, caseId: string, once: boolean) => {
    const row = rowOf(agent);
    for (const d of [row.total, row.perDay[day]!]) {
      if (once) pick(d).addCase(caseId);
      else pick(d).add(caseId);
    }
  };
  const revisedCases = new Set<string>();
  for (const e of [...x.events].sort((a, b) => a.at - b.at)) {
    const day = dayIndex(x.range, e.at);
    if (day < 0) continue;
    if (e.to === 'revised' && e.from !== 'revised' && !revisedCases.has(e.caseId)) {
      revisedCases.add(e.caseId);
      const c = x.cases.get(e.caseId);
      const agent = c?.assignee ?? (e.by === 'system' ? '' : e.by);
      both(agent, day, (d) => d.revised, e.caseId, true);
      const row = rowOf(agent);
      (c?.sentiment === 'neutral' ? row.revisedNeutral : row.revisedNegative).addCase(e.caseId);
    }
    if (e.by === 'system' || !ACTIONS.has(e.kind)) continue;
    both(e.by, day, (d) => d.handled, e.caseId, true);
    if (e.kind === 'attempt' && e.outcome) {
      const info = outcomeInfo(e.outcome);
      if (info.channel === 'phone') both(e.by, day, (d) => d.calls, e.caseId, false);
      if (info.channel === 'phone' && info.timing === 'answered') both(e.by, day, (d) => d.answered, e.caseId, false);
      if (e.outcome === 'message_sent') both(e.by, day, (d) => d.messages, e.caseId, false);
      if (AGREEING.has(e.outcome)) both(e.by, day, (d) => d.agreed, e.caseId, true);
    }
    if (e.to === 'agreed' && e.from !== 'agreed' && e.kind === 'status') both(e.by, day, (d) => d.agreed, e.caseId, true);
    if (e.to === 'unresolvable' && e.from !== 'unresolvable') both(e.by, day, (d) => d.unresolvable, e.caseId, true);
  }
  for (const p of x.promises) {
    const day = dayIndex(x.range, p.createdAt);
    if (day < 0) continue;
    both(p.createdBy, day, (d) => d.promises, p.caseId, false);
    const cancelled = (p.cancelledAt ?? null) !== null;
    if (!cancelled && p.dueAt <= x.now && (p.fulfilledAt ?? x.now) > p.dueAt) both(p.createdBy, day, (d) => d.promisesOverdue, p.caseId, false);
  }
  const list = [...rows.entries()]
    .filter(([agent]) => x.only === undefined || agent === x.only)
    .map(([key, r]): AgentRow => ({ key, ...r, payFen: payFen(x.pay, r.revisedNeutral.n, r.revisedNegative.n) }))
    .sort((a, b) => b.total.handled.n - a.total.handled.n || b.total.revised.n - a.total.revised.n || (a.key < b.key ? -1 : 1));
  return { scope: x.only === undefined ? 'all' : 'own', pay: x.pay, rows: list };
}

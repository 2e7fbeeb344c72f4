import type { CaseEventKind } from '../cases/schema';
import { outcomeInfo, type OutcomeCode } from '../cases/outcomes';
import type { PromiseRecord } from '../cases/promises';
import { startOfBeijingDay } from '../time/beijing';
import type { CaseFact } from './facts';

/**
 * What one case adds to the figures, said once: the figures computed from the cases (with the cases behind every
 * number, for a click) and the ones added up from the daily aggregate (to open the dashboard) both count through these.
 */

/** Funnel stages a case counts in. */
export type Stage = 'new' | 'contacted' | 'agreed' | 'revised' | 'resolved' | 'unresolvable' | 'complained';

export function funnelMarks(f: CaseFact): { stages: Stage[]; toContact: number | null; toRevised: number | null } {
  const stages: Stage[] = ['new'];
  if (f.firstContactAt !== null) stages.push('contacted');
  if (f.agreed) stages.push('agreed');
  if (f.status === 'revised' || f.status === 'resolved' || f.status === 'unresolvable' || f.status === 'complained') stages.push(f.status);
  return {
    stages,
    toContact: f.firstContactAt !== null ? Math.max(0, f.firstContactAt - f.reviewAt) : null,
    toRevised: f.status === 'revised' && f.revisedAt !== null ? Math.max(0, f.revisedAt - f.reviewAt) : null,
  };
}

/** An agent's day measures, added up over days for the period. */
export type AgentMeasure = 'handled' | 'calls' | 'answered' | 'messages' | 'agreed' | 'revised' | 'revisedNeutral' | 'revisedNegative' | 'unresolvable';
export type PromiseMeasure = 'promises' | 'promisesOverdue';

export interface Mark<M> {
  /** 00:00 Beijing of the day it happened. */
  day: number;
  agent: string;
  measure: M;
}

/** What counts as working a case (opening it to look does not). */
const ACTIONS: ReadonlySet<CaseEventKind> = new Set([
  'attempt', 'status', 'copy', 'note', 'causes', 'promise', 'promise-fulfilled', 'promise-changed', 'promise-cancelled',
]);
const AGREEING: ReadonlySet<OutcomeCode> = new Set(['talked_agreed', 'agreed_time']);
/** Measures that count a case once per agent and day (the others count every act). */
const ONCE_A_DAY: ReadonlySet<AgentMeasure> = new Set(['handled', 'agreed', 'revised', 'revisedNeutral', 'revisedNegative', 'unresolvable']);

/**
 * The agents' marks of one case: every act in the day it happened (Beijing). Cases handled, agreed and unresolvable
 * count once per agent and day; a revision counts once a day for the agent holding the case (the buyer revises, the
 * holder earns it), or for the agent who set it by hand when nobody holds it.
 */
export function agentMarks(f: Pick<CaseFact, 'assignee' | 'sentiment' | 'acts'>): Array<Mark<AgentMeasure>> {
  const marks: Array<Mark<AgentMeasure>> = [];
  const seen = new Set<string>();
  const mark = (at: number, agent: string, measure: AgentMeasure) => {
    const day = startOfBeijingDay(at);
    if (ONCE_A_DAY.has(measure)) {
      const key = `${day}|${agent}|${measure}`;
      if (seen.has(key)) return;
      seen.add(key);
    }
    marks.push({ day, agent, measure });
  };
  for (const e of f.acts) {
    if (e.to === 'revised' && e.from !== 'revised') {
      const agent = f.assignee ?? (e.by === 'system' ? '' : e.by);
      mark(e.at, agent, 'revised');
      mark(e.at, agent, f.sentiment === 'neutral' ? 'revisedNeutral' : 'revisedNegative');
    }
    if (e.by === 'system' || !ACTIONS.has(e.kind)) continue;
    mark(e.at, e.by, 'handled');
    if (e.kind === 'attempt' && e.outcome) {
      const info = outcomeInfo(e.outcome);
      if (info.channel === 'phone') mark(e.at, e.by, 'calls');
      if (info.channel === 'phone' && info.timing === 'answered') mark(e.at, e.by, 'answered');
      if (e.outcome === 'message_sent') mark(e.at, e.by, 'messages');
      if (AGREEING.has(e.outcome)) mark(e.at, e.by, 'agreed');
    }
    if (e.kind === 'status' && e.to === 'agreed' && e.from !== 'agreed') mark(e.at, e.by, 'agreed');
    if (e.to === 'unresolvable' && e.from !== 'unresolvable') mark(e.at, e.by, 'unresolvable');
  }
  return marks;
}

/** A promise made counts on the day it was made; it is overdue when not kept by its due time (open past it, or kept late). */
export function promiseMarks(p: PromiseRecord, now: number): Array<Mark<PromiseMeasure>> {
  const day = startOfBeijingDay(p.createdAt);
  const marks: Array<Mark<PromiseMeasure>> = [{ day, agent: p.createdBy, measure: 'promises' }];
  const cancelled = (p.cancelledAt ?? null) !== null;
  if (!cancelled && p.dueAt <= now && (p.fulfilledAt ?? now) > p.dueAt) marks.push({ day, agent: p.createdBy, measure: 'promisesOverdue' });
  return marks;
}

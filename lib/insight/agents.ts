import type { CaseFact } from './facts';
import type { PromiseRecord } from '../cases/promises';
import { payFen, type PayScheme } from '../settings/pay-scheme';
import { dayIndex, daysOf, type PeriodRange } from './period';
import { Tally } from './tally';
import { entry } from './stats';
import { agentMarks, promiseMarks, type AgentMeasure, type Mark, type PromiseMeasure } from './contrib';

/** One agent's work on one day; over the period, the sum of the days. */
export interface AgentDay<N = Tally> {
  /** Cases the agent worked (logged a contact, changed, noted, promised…): each case once a day. */
  handled: N;
  /** Phone attempts, every outcome. */
  calls: N;
  /** Calls in which the agent spoke with the buyer. */
  answered: N;
  /** 旺旺 messages sent. */
  messages: N;
  /** Cases in which the buyer agreed (约定) with this agent. */
  agreed: N;
  /** Cases held by this agent whose review was revised (已改评). */
  revised: N;
  /** Cases this agent marked as unresolvable (无法解决). */
  unresolvable: N;
  /** Promises the agent made. */
  promises: N;
  /** Of those, the ones not kept by their due time (still open past it, or kept late). */
  promisesOverdue: N;
}

export interface AgentRow<N = Tally> {
  /** The agent's name; '' for work logged before a name was set, and revisions of cases nobody held. */
  key: string;
  total: AgentDay<N>;
  perDay: Array<AgentDay<N>>;
  revisedNeutral: N;
  revisedNegative: N;
  /** The bonus for the period under the shop's pay scheme, in fen; null when the shop pays none. */
  payFen: number | null;
}

export interface AgentFigures<N = Tally> {
  /** 'all': every agent is shown (the local store, or a lead on the team server); 'own': only the viewer. */
  scope: 'all' | 'own';
  pay: PayScheme;
  rows: Array<AgentRow<N>>;
}

export const DAY_MEASURES = ['handled', 'calls', 'answered', 'messages', 'agreed', 'revised', 'unresolvable', 'promises', 'promisesOverdue'] as const;

export interface AgentInputs {
  range: PeriodRange;
  now: number;
  /** The cases with agents' work (or a revision) in the period; what lies outside it is skipped. */
  worked: Array<Pick<CaseFact, 'id' | 'assignee' | 'sentiment' | 'acts'>>;
  /** Promises made in the period. */
  promises: PromiseRecord[];
  pay: PayScheme;
  /** Only this agent's row ('own' scope); all agents when absent. */
  only?: string;
}

/** Rows of agents from per-day values, however they were counted: totals are the days added up. */
export class AgentRows<N> {
  private rows = new Map<string, { perDay: Array<AgentDay<N>>; revisedNeutral: N[]; revisedNegative: N[] }>();

  constructor(private days: number, private zero: () => N, private plus: (a: N[]) => N, private size: (n: N) => number) {}

  cell(agent: string, day: number, measure: AgentMeasure | PromiseMeasure): N {
    const row = entry(this.rows, agent, () => ({
      perDay: Array.from({ length: this.days }, () => Object.fromEntries(DAY_MEASURES.map((m) => [m, this.zero()])) as unknown as AgentDay<N>),
      revisedNeutral: Array.from({ length: this.days }, this.zero),
      revisedNegative: Array.from({ length: this.days }, this.zero),
    }));
    if (measure === 'revisedNeutral' || measure === 'revisedNegative') return row[measure][day]!;
    return row.perDay[day]![measure];
  }

  /** Sets a cell (for values added up elsewhere). */
  set(agent: string, day: number, measure: AgentMeasure | PromiseMeasure, value: N): void {
    this.cell(agent, day, measure);
    const row = this.rows.get(agent)!;
    if (measure === 'revisedNeutral' || measure === 'revisedNegative') row[measure][day] = value;
    else row.perDay[day]![measure] = value;
  }

  figures(pay: PayScheme, only?: string): AgentFigures<N> {
    const rows = [...this.rows.entries()]
      .filter(([agent]) => only === undefined || agent === only)
      .map(([key, r]): AgentRow<N> => {
        const total = Object.fromEntries(DAY_MEASURES.map((m) => [m, this.plus(r.perDay.map((d) => d[m]))])) as unknown as AgentDay<N>;
        const revisedNeutral = this.plus(r.revisedNeutral);
        const revisedNegative = this.plus(r.revisedNegative);
        return { key, total, perDay: r.perDay, revisedNeutral, revisedNegative, payFen: payFen(pay, this.size(revisedNeutral), this.size(revisedNegative)) };
      })
      .sort((a, b) => this.size(b.total.handled) - this.size(a.total.handled) || this.size(b.total.revised) - this.size(a.total.revised) || (a.key < b.key ? -1 : 1));
    return { scope: only === undefined ? 'all' : 'own', pay, rows };
  }
}

/** Tallies added up: the count is the sum, the cases all of theirs. */
export function sumTallies(tallies: Tally[]): Tally {
  const t = new Tally();
  for (const x of tallies) {
    t.n += x.n;
    for (const id of x.ids) t.ids.add(id);
  }
  return t;
}

/** Promises made in the period, per agent and day, into rows of either kind. */
export function addPromises<N>(rows: AgentRows<N>, promises: PromiseRecord[], range: PeriodRange, now: number, add: (cell: N, caseId: string) => void): void {
  for (const p of promises) {
    for (const m of promiseMarks(p, now)) {
      const day = dayIndex(range, m.day);
      if (day >= 0) add(rows.cell(m.agent, day, m.measure), p.caseId);
    }
  }
}

/** Each agent's work per day, from the cases worked in the period, with the cases behind every number. */
export function agentFigures(x: AgentInputs): AgentFigures {
  const rows = new AgentRows<Tally>(daysOf(x.range).length, () => new Tally(), sumTallies, (t) => t.n);
  for (const f of x.worked) {
    for (const m of agentMarks(f) as Array<Mark<AgentMeasure>>) {
      const day = dayIndex(x.range, m.day);
      if (day >= 0) rows.cell(m.agent, day, m.measure).add(f.id);
    }
  }
  addPromises(rows, x.promises, x.range, x.now, (t, id) => t.add(id));
  return rows.figures(x.pay, x.only);
}

import type { CaseFact, CauseKey, ChannelUse } from './facts';
import { median } from './stats';
import { Tally } from './tally';
import { entry } from './stats';
import { dayIndex, type PeriodRange } from './period';
import { funnelMarks, type Stage } from './contrib';

/**
 * How far the cases got: all of them (new), contacted at least once, agreed (约定), and where they ended: the buyer
 * revised the review (已改评), the case was resolved otherwise, or it could not be (无法解决), or the review was
 * reported (已投诉). The ends are the cases' current statuses.
 */
export interface FunnelRow<K extends string = string> {
  key: K;
  new: Tally;
  contacted: Tally;
  agreed: Tally;
  revised: Tally;
  resolved: Tally;
  unresolvable: Tally;
  complained: Tally;
  /** Median time from the review to the first contact, over the contacted cases (ms). */
  toContactMs: number | null;
  /** Median time from the review to its revision, over the revised cases (ms). */
  toRevisedMs: number | null;
}

export interface FunnelFigures {
  overall: FunnelRow<'all'>;
  byCause: Array<FunnelRow<CauseKey>>;
  /** By the channels the agents used: 旺旺 messages only, phone only, both, not contacted. */
  byChannel: Array<FunnelRow<ChannelUse>>;
}

export const CHANNEL_ORDER: ChannelUse[] = ['chat', 'phone', 'both', 'none'];
export const STAGES: Stage[] = ['new', 'contacted', 'agreed', 'revised', 'resolved', 'unresolvable', 'complained'];

/** One group's counts and times, before the medians are taken. */
export interface FunnelGroup {
  stages: Record<Stage, Tally>;
  toContact: number[];
  toRevised: number[];
}

/** The groups a case counts in: all cases, its main cause, the channels used on it. */
export const groupsOf = (f: Pick<CaseFact, 'cause' | 'channels'>) => ['all', `cause:${f.cause}`, `channel:${f.channels}`];

export class FunnelParts {
  readonly groups = new Map<string, FunnelGroup>();

  group(key: string): FunnelGroup {
    return entry(this.groups, key, () => ({
      stages: Object.fromEntries(STAGES.map((s) => [s, new Tally()])) as Record<Stage, Tally>, toContact: [], toRevised: [],
    }));
  }

  figures(): FunnelFigures {
    const row = <K extends string>(key: K, g: FunnelGroup | undefined): FunnelRow<K> => {
      const group = g ?? this.group(`(none)`);
      return { key, ...group.stages, toContactMs: median(group.toContact), toRevisedMs: median(group.toRevised) };
    };
    const present = (prefix: string) => [...this.groups.entries()].filter(([k, g]) => k.startsWith(prefix) && g.stages.new.n > 0);
    return {
      overall: row('all' as const, this.groups.get('all')),
      byCause: present('cause:').map(([k, g]) => row(k.slice(6) as CauseKey, g)).sort((a, b) => b.new.n - a.new.n || (a.key < b.key ? -1 : 1)),
      byChannel: CHANNEL_ORDER.filter((c) => (this.groups.get(`channel:${c}`)?.stages.new.n ?? 0) > 0).map((c) => row(c, this.groups.get(`channel:${c}`))),
    };
  }
}

/** The funnel of the cases whose review falls in the period, overall, by main cause and by channel used. */
export function funnelFigures(facts: CaseFact[], range: PeriodRange): FunnelFigures {
  const parts = new FunnelParts();
  for (const f of facts) {
    if (dayIndex(range, f.reviewAt) < 0) continue;
    const marks = funnelMarks(f);
    for (const key of groupsOf(f)) {
      const g = parts.group(key);
      for (const stage of marks.stages) g.stages[stage].addCase(f.id);
      if (marks.toContact !== null) g.toContact.push(marks.toContact);
      if (marks.toRevised !== null) g.toRevised.push(marks.toRevised);
    }
  }
  return parts.figures();
}

import type { CaseFact, CauseKey, ChannelUse } from './facts';
import { median } from './stats';
import { Tally } from './tally';
import { entry } from './stats';
import { dayIndex, type PeriodRange } from './period';

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

const CHANNEL_ORDER: ChannelUse[] = ['chat', 'phone', 'both', 'none'];

class FunnelBuilder<K extends string> {
  private row: Omit<FunnelRow<K>, 'toContactMs' | 'toRevisedMs'>;
  private toContact: number[] = [];
  private toRevised: number[] = [];

  constructor(key: K) {
    this.row = { key, new: new Tally(), contacted: new Tally(), agreed: new Tally(), revised: new Tally(), resolved: new Tally(), unresolvable: new Tally(), complained: new Tally() };
  }

  add(f: CaseFact): void {
    const r = this.row;
    r.new.addCase(f.id);
    if (f.firstContactAt !== null) {
      r.contacted.addCase(f.id);
      this.toContact.push(Math.max(0, f.firstContactAt - f.reviewAt));
    }
    if (f.agreed) r.agreed.addCase(f.id);
    if (f.status === 'revised') {
      r.revised.addCase(f.id);
      if (f.revisedAt !== null) this.toRevised.push(Math.max(0, f.revisedAt - f.reviewAt));
    }
    if (f.status === 'resolved') r.resolved.addCase(f.id);
    if (f.status === 'unresolvable') r.unresolvable.addCase(f.id);
    if (f.status === 'complained') r.complained.addCase(f.id);
  }

  done(): FunnelRow<K> {
    return { ...this.row, toContactMs: median(this.toContact), toRevisedMs: median(this.toRevised) };
  }
}

/** The funnel of the cases whose review falls in the period, overall, by main cause and by channel used. */
export function funnelFigures(facts: CaseFact[], range: PeriodRange): FunnelFigures {
  const overall = new FunnelBuilder<'all'>('all');
  const byCause = new Map<CauseKey, FunnelBuilder<CauseKey>>();
  const byChannel = new Map<ChannelUse, FunnelBuilder<ChannelUse>>();
  for (const f of facts) {
    if (dayIndex(range, f.reviewAt) < 0) continue;
    overall.add(f);
    entry(byCause, f.cause, () => new FunnelBuilder(f.cause)).add(f);
    entry(byChannel, f.channels, () => new FunnelBuilder(f.channels)).add(f);
  }
  return {
    overall: overall.done(),
    byCause: [...byCause.values()].map((b) => b.done()).sort((a, b) => b.new.n - a.new.n || (a.key < b.key ? -1 : 1)),
    byChannel: CHANNEL_ORDER.filter((c) => byChannel.has(c)).map((c) => byChannel.get(c)!.done()),
  };
}

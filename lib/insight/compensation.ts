import { RemedyKind, isOpenPromise, type PromiseRecord } from '../cases/promises';
import type { CauseKey } from './facts';
import { Tally } from './tally';
import { entry } from './stats';
import { dayIndex, type PeriodRange } from './period';

/** Promises of one kind or cause, and their money (fen). */
export interface CompensationRow<K extends string = string> {
  key: K;
  /** Promises made (cancelled ones included, so that the count matches the history). */
  promises: Tally;
  cancelled: Tally;
  /** Kept (兑现). */
  kept: Tally;
  /** Still open past their due time. */
  overdue: Tally;
  /** Money promised, cancelled promises left out. */
  promisedFen: number;
  /** Money of the kept promises. */
  paidFen: number;
  /** Money of the overdue ones: what the shop owes late. */
  overdueFen: number;
}

export interface CompensationFigures {
  total: CompensationRow<'all'>;
  byKind: Array<CompensationRow<RemedyKind>>;
  byCause: Array<CompensationRow<CauseKey>>;
}

const row = <K extends string>(key: K): CompensationRow<K> => ({
  key, promises: new Tally(), cancelled: new Tally(), kept: new Tally(), overdue: new Tally(), promisedFen: 0, paidFen: 0, overdueFen: 0,
});

function add(r: CompensationRow, p: PromiseRecord, now: number): void {
  const amount = p.amountFen ?? 0;
  r.promises.add(p.caseId);
  if ((p.cancelledAt ?? null) !== null) {
    r.cancelled.add(p.caseId);
    return;
  }
  r.promisedFen += amount;
  if (p.fulfilledAt !== null) {
    r.kept.add(p.caseId);
    r.paidFen += amount;
  } else if (isOpenPromise(p) && p.dueAt <= now) {
    r.overdue.add(p.caseId);
    r.overdueFen += amount;
  }
}

/** Remedies promised in the period (by when they were promised): by kind and by the case's main cause. */
export function compensationFigures(promises: PromiseRecord[], causeOf: (caseId: string) => CauseKey, range: PeriodRange, now: number): CompensationFigures {
  const total = row('all' as const);
  const byKind = new Map<RemedyKind, CompensationRow<RemedyKind>>();
  const byCause = new Map<CauseKey, CompensationRow<CauseKey>>();
  for (const p of promises) {
    if (dayIndex(range, p.createdAt) < 0) continue;
    add(total, p, now);
    add(entry(byKind, p.kind, () => row(p.kind)), p, now);
    const cause = causeOf(p.caseId);
    add(entry(byCause, cause, () => row(cause)), p, now);
  }
  const order = RemedyKind.options;
  return {
    total,
    byKind: order.filter((k) => byKind.has(k)).map((k) => byKind.get(k)!),
    byCause: [...byCause.values()].sort((a, b) => b.promisedFen - a.promisedFen || b.promises.n - a.promises.n || (a.key < b.key ? -1 : 1)),
  };
}

import type { CaseStatus } from '../cases/schema';
import { isOverdue, type PromiseRecord } from '../cases/promises';
import { DAY_MS } from '../time/beijing';
import { Tally } from './tally';

/** "Closes within 3 days" (the issue): the public explanation window of these reviews ends soon. */
export const CLOSING_WITHIN_MS = 3 * DAY_MS;

/** A settled case needs no explanation any more; every other one (unresolvable, complained included) may. */
const SETTLED: ReadonlySet<CaseStatus> = new Set(['revised', 'resolved']);

export interface RiskInputs {
  now: number;
  /** Cases open now (新案例, 联系中, 已约定): counted on the status index. */
  open: Tally;
  /** Cases first stored today (Beijing): counted on the time index. */
  newToday: Tally;
  /** Cases reported as malicious (已投诉评价), awaiting the platform's result. */
  complained: Tally;
  /** Cases whose explanation window may still be open, with its end. */
  deadlines: Array<{ id: string; status: CaseStatus; deadlineAt: number | null }>;
  /** Open cases whose phone calls reached the shop's cap: counted on the facts' index. */
  atCap: Tally;
  /** The shop's cap on phone attempts per case (contact-timing policy). */
  cap: number;
  /** Promises that may be overdue (any; kept and cancelled ones are skipped here). */
  promises: PromiseRecord[];
}

export interface RiskFigures {
  open: Tally;
  newToday: Tally;
  closingSoon: Tally;
  /** Promises not kept by their due time (each promise counts; the cases behind them open). */
  overduePromises: Tally;
  atCap: Tally;
  complained: Tally;
  cap: number;
}

/** The shop's risk at this moment; independent of the period chosen. */
export function riskNow(x: RiskInputs): RiskFigures {
  const closingSoon = new Tally();
  for (const d of x.deadlines) {
    if (d.deadlineAt !== null && d.deadlineAt > x.now && d.deadlineAt <= x.now + CLOSING_WITHIN_MS && !SETTLED.has(d.status)) closingSoon.addCase(d.id);
  }
  const overduePromises = new Tally();
  for (const p of x.promises) if (isOverdue(p, x.now)) overduePromises.add(p.caseId);
  return {
    open: x.open, newToday: x.newToday, closingSoon, overduePromises, atCap: x.atCap, complained: x.complained, cap: x.cap,
  };
}

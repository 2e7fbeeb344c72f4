import type { CaseEvent, CaseRecord } from '@/lib/cases/schema';
import type { PromiseRecord } from '@/lib/cases/promises';
import { beijingInstant, HOUR_MS } from '@/lib/time/beijing';
import { factOf, type CaseFact } from '@/lib/insight/facts';
import { caseRecord } from './helpers';

/** 2026-03-02 00:00 Beijing: day 0 of the hand-made periods. */
export const DAY0 = beijingInstant(2026, 3, 2);
export const H = HOUR_MS;

export function kase(id: string, over: Partial<CaseRecord> = {}): CaseRecord & { itemKey?: string } {
  return caseRecord({ id, reviewTime: DAY0 + H, createdAt: DAY0 + 2 * H, updatedAt: DAY0 + 2 * H, statusChangedAt: DAY0 + 2 * H, ...over });
}

export function ev(caseId: string, at: number, kind: CaseEvent['kind'], over: Partial<CaseEvent> = {}): CaseEvent {
  return { caseId, at, kind, by: '小王', ...over };
}

/** A contact attempt as the workflow store logs it (channel from the outcome). */
export function attempt(caseId: string, at: number, outcome: NonNullable<CaseEvent['outcome']>, by = '小王', over: Partial<CaseEvent> = {}): CaseEvent {
  const phone = ['no_answer', 'rejected', 'wrong_number', 'talked_follow_up', 'talked_agreed', 'buyer_refused'].includes(outcome);
  return { caseId, at, kind: 'attempt', by, outcome, channel: phone ? 'phone' : 'chat', ...over };
}

export function promise(caseId: string, over: Partial<PromiseRecord> = {}): PromiseRecord {
  return {
    caseId, kind: 'cash', amountFen: 500, dueAt: DAY0 + 24 * H, note: '', createdAt: DAY0 + 3 * H, createdBy: '小王',
    fulfilledAt: null, fulfilledRef: null, cancelledAt: null, cancelReason: null, ...over,
  };
}

export const cause = (code: CaseRecord['causes'][number]['code'], ...triggers: string[]) => ({ code, triggers });

export function facts(cases: CaseRecord[], events: CaseEvent[] = []): CaseFact[] {
  return cases.map((c) => factOf(c, events.filter((e) => e.caseId === c.id)));
}

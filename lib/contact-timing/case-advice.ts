import type { CaseEvent, CaseRecord } from '../cases/schema';
import { isOpenStatus } from '../cases/schema';
import { outcomeInfo } from '../cases/outcomes';
import { phoneKind, type BuyerNote } from '../cases/buyer-notes';
import type { ReviewDeskDB } from '../db/database';
import { rebuildAnswerRates, type AnswerRates, type CallForLearning } from './answer-rates';
import { ContactCaseSchema, type ContactAttempt, type ContactCaseInput, type ContactTimingSettings, type PhoneOutcome } from './policy';
import { recommendContact, type ContactRecommendation } from './recommend';

/** The attempts of a case as the recommender sees them, from its logged history. */
export function attemptsOf(events: CaseEvent[]): ContactAttempt[] {
  return events.flatMap((e) => (e.kind === 'attempt' && e.outcome && e.channel
    ? [{ at: e.at, channel: e.channel, outcome: outcomeInfo(e.outcome).timing }]
    : []));
}

export function contactCaseOf(c: CaseRecord, events: CaseEvent[], note: BuyerNote | null, buyerOnlineNow: boolean): ContactCaseInput {
  return {
    causes: c.causes.map((x) => x.code),
    reviewTime: c.reviewTime ?? c.createdAt,
    closed: !isOpenStatus(c.status),
    doNotContact: note?.doNotContact ?? false,
    attempts: attemptsOf(events),
    buyerOnlineNow,
    phoneKind: note?.phone ? phoneKind(note.phone) : undefined,
    routine: note?.routine,
  };
}

/**
 * Advises when and how to contact a buyer. The shop's answer rates are a pure fold over every logged call; the calls
 * are read once, then kept in step per case (a logged or undone call re-reads only that case's events), so an
 * action never rescans the store, and an undone or corrected log can never leave a stale estimate behind.
 */
export class ContactAdvisor {
  /** Phone calls by case; null until first needed. */
  private calls: Map<string, CallForLearning[]> | null = null;
  private rates: { key: string; rates: AnswerRates } | null = null;

  constructor(private db: ReviewDeskDB) {}

  /** Everything re-read on next use (settings changed, data restored). */
  invalidate(): void {
    this.calls = null;
    this.rates = null;
  }

  /** A call was logged or undone on this case: only its calls are read again. */
  async callsChanged(caseId: string): Promise<void> {
    if (!this.calls) return;
    const c = await this.db.cases.get(caseId);
    const events = await this.db.events.where('caseId').equals(caseId).toArray();
    const calls = phoneCalls(events, new Map(c ? [[c.id, c.reviewTime ?? c.createdAt]] : []));
    if (calls.length) this.calls.set(caseId, calls);
    else this.calls.delete(caseId);
    this.rates = null;
  }

  async shopRates(settings: ContactTimingSettings): Promise<AnswerRates> {
    const key = JSON.stringify(settings.learning);
    if (this.rates?.key === key) return this.rates.rates;
    if (!this.calls) this.calls = await this.loadCalls();
    const rates = rebuildAnswerRates([...this.calls.values()].flat().sort((a, b) => a.at - b.at), settings.learning);
    this.rates = { key, rates };
    return rates;
  }

  private async loadCalls(): Promise<Map<string, CallForLearning[]>> {
    const events = await this.db.events.filter((e) => e.kind === 'attempt' && e.channel === 'phone').toArray();
    const caseIds = [...new Set(events.map((e) => e.caseId))];
    // Only the cases that had calls, not the whole store.
    const cases = await this.db.cases.bulkGet(caseIds);
    const reviewTimes = new Map(cases.flatMap((c) => (c ? [[c.id, c.reviewTime ?? c.createdAt] as const] : [])));
    const byCase = new Map<string, CallForLearning[]>();
    for (const call of phoneCalls(events, reviewTimes)) {
      const list = byCase.get(call.caseId) ?? [];
      list.push(call);
      byCase.set(call.caseId, list);
    }
    return byCase;
  }

  async advise(caseId: string, buyerOnlineNow: boolean, settings: ContactTimingSettings, now: number): Promise<ContactRecommendation | null> {
    const c = await this.db.cases.get(caseId);
    if (!c) return null;
    const [events, note] = await Promise.all([
      this.db.events.where('caseId').equals(caseId).sortBy('at'),
      c.buyerKey ? this.db.buyerNotes.get(c.buyerKey) : Promise.resolve(undefined),
    ]);
    const input = contactCaseOf(c, events, note ?? null, buyerOnlineNow);
    return recommendContact({ case: ContactCaseSchema.parse(input), settings, rates: await this.shopRates(settings) }, now);
  }
}

function phoneCalls(events: CaseEvent[], reviewTimes: Map<string, number>): Array<CallForLearning & { caseId: string }> {
  return events
    .filter((e) => e.kind === 'attempt' && e.channel === 'phone' && e.outcome)
    .map((e) => ({ caseId: e.caseId, at: e.at, outcome: outcomeInfo(e.outcome!).timing as PhoneOutcome, reviewTime: reviewTimes.get(e.caseId) }));
}

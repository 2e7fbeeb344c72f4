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
 * Advises when and how to contact a buyer. The shop's answer rates are a pure fold over every logged call,
 * rebuilt when calls change, so an undone or corrected log can never leave a stale estimate behind.
 */
export class ContactAdvisor {
  private rates: AnswerRates | null = null;

  constructor(private db: ReviewDeskDB) {}

  invalidate(): void {
    this.rates = null;
  }

  async shopRates(settings: ContactTimingSettings): Promise<AnswerRates> {
    if (this.rates) return this.rates;
    const [events, cases] = await Promise.all([
      this.db.events.filter((e) => e.kind === 'attempt' && e.channel === 'phone').toArray(),
      this.db.cases.toArray(),
    ]);
    const reviewTimes = new Map(cases.map((c) => [c.id, c.reviewTime ?? c.createdAt]));
    const calls: CallForLearning[] = events.map((e) => ({
      at: e.at, outcome: outcomeInfo(e.outcome!).timing as PhoneOutcome, reviewTime: reviewTimes.get(e.caseId),
    }));
    this.rates = rebuildAnswerRates(calls, settings.learning);
    return this.rates;
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

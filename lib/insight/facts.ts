import type { CaseCause, CaseEvent, CaseRecord, CaseStatus } from '../cases/schema';
import { outcomeInfo, type OutcomeCode } from '../cases/outcomes';
import type { CauseCode } from '../causes/taxonomy';

/** A case's main cause, or 'none' when its text named none (an empty review). */
export type CauseKey = CauseCode | 'none';

/** Outcomes that mean the buyer agreed to revise (约定). */
const AGREEING: ReadonlySet<OutcomeCode> = new Set(['talked_agreed', 'agreed_time']);

/** Which channels an agent used on a case: how the funnel splits 旺旺 messages from phone calls. */
export type ChannelUse = 'chat' | 'phone' | 'both' | 'none';

/** What the dashboard needs of one case: its own fields and what its history says. Computed once per case. */
export interface CaseFact {
  id: string;
  sentiment: CaseRecord['sentiment'];
  status: CaseStatus;
  /** When the buyer wrote the review (the platform's time), else when ReviewDesk first stored the case. */
  reviewAt: number;
  createdAt: number;
  cause: CauseKey;
  causes: CaseCause[];
  /** The product: its item id, else its title (as the queue's product filter keys it); null when unknown. */
  itemKey: string | null;
  assignee: string | null;
  /** First contact attempt an agent logged (any channel), null when never contacted. */
  firstContactAt: number | null;
  channels: ChannelUse;
  /** Phone attempts logged (every outcome counts: the cap counts calls made). */
  phoneCalls: number;
  /** The buyer agreed (约定) at some point: an agreeing outcome, or the case was set to 约定. */
  agreed: boolean;
  /** When the review was first revised (已改评), null when it never was. */
  revisedAt: number | null;
}

/** A stored case may carry the queue's derived fields (schema v3): the product key among them. */
export type StoredCase = CaseRecord & { itemKey?: string; deadlineAt?: number | null };

export function causeKeyOf(c: Pick<CaseRecord, 'causes'>): CauseKey {
  return c.causes[0]?.code ?? 'none';
}

/** The case's facts from its record and its history (events in any order). */
export function factOf(c: StoredCase, events: CaseEvent[]): CaseFact {
  let firstContactAt: number | null = null;
  let chat = false;
  let phone = false;
  let phoneCalls = 0;
  let agreed = c.status === 'agreed';
  let revisedAt: number | null = null;
  for (const e of events) {
    if (e.kind === 'attempt' && e.outcome) {
      const channel = e.channel ?? outcomeInfo(e.outcome).channel;
      if (firstContactAt === null || e.at < firstContactAt) firstContactAt = e.at;
      if (channel === 'phone') {
        phone = true;
        phoneCalls++;
      } else chat = true;
      if (AGREEING.has(e.outcome)) agreed = true;
    }
    if (e.to === 'agreed' && e.from !== 'agreed') agreed = true;
    if (e.to === 'revised' && e.from !== 'revised' && (revisedAt === null || e.at < revisedAt)) revisedAt = e.at;
  }
  // A case stored as 已改评 without its event (an old store, a restored one): the status change time stands in.
  if (revisedAt === null && c.status === 'revised') revisedAt = c.statusChangedAt;
  return {
    id: c.id, sentiment: c.sentiment, status: c.status, reviewAt: c.reviewTime ?? c.createdAt, createdAt: c.createdAt,
    cause: causeKeyOf(c), causes: c.causes, itemKey: c.itemKey ?? c.itemId ?? null, assignee: c.assignee,
    firstContactAt, channels: chat && phone ? 'both' : chat ? 'chat' : phone ? 'phone' : 'none', phoneCalls, agreed, revisedAt,
  };
}

/** Groups events by case (one pass). */
export function eventsByCase(events: CaseEvent[]): Map<string, CaseEvent[]> {
  const map = new Map<string, CaseEvent[]>();
  for (const e of events) {
    const list = map.get(e.caseId);
    if (list) list.push(e);
    else map.set(e.caseId, [e]);
  }
  return map;
}

import type { CaseEvent, CaseEventKind, CaseRecord, CaseStatus } from '../cases/schema';
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
  /** The words that triggered the main cause. */
  triggers: string[];
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
  /** When the public explanation window closes (the queue's stored deadline), null when unknown. */
  deadlineAt: number | null;
  /** What agents did on the case and its revisions, for the agents' figures (history events, few fields). */
  acts: CaseAct[];
}

/** An event as the agents' figures need it. */
export type CaseAct = Pick<CaseEvent, 'caseId' | 'at' | 'kind' | 'by' | 'from' | 'to' | 'channel' | 'outcome'>;

/** Events that are agents' work or a revision; 'created', 'opened' and the like are not. */
const ACT_KINDS: ReadonlySet<CaseEventKind> = new Set([
  'attempt', 'status', 'copy', 'note', 'causes', 'promise', 'promise-fulfilled', 'promise-changed', 'promise-cancelled', 'revised',
]);

function actOf(e: CaseEvent): CaseAct {
  const act: CaseAct = { caseId: e.caseId, at: e.at, kind: e.kind, by: e.by };
  if (e.from !== undefined) act.from = e.from;
  if (e.to !== undefined) act.to = e.to;
  if (e.channel !== undefined) act.channel = e.channel;
  if (e.outcome !== undefined) act.outcome = e.outcome;
  return act;
}

/** A stored case may carry the queue's derived fields (schema v3): the product key among them. */
export type StoredCase = CaseRecord & { itemKey?: string; deadlineAt?: number | null };

export function causeKeyOf(c: Pick<CaseRecord, 'causes'>): CauseKey {
  return c.causes[0]?.code ?? 'none';
}

/** The case's facts from its record and its history (events in any order). */
export function factOf(c: StoredCase, events: CaseEvent[], deadlineAt: number | null = c.deadlineAt ?? null): CaseFact {
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
    cause: causeKeyOf(c), triggers: [...new Set(c.causes[0]?.triggers ?? [])], itemKey: c.itemKey ?? c.itemId ?? null, assignee: c.assignee,
    firstContactAt, channels: chat && phone ? 'both' : chat ? 'chat' : phone ? 'phone' : 'none', phoneCalls, agreed, revisedAt, deadlineAt,
    acts: events.filter((e) => ACT_KINDS.has(e.kind) || (e.to === 'revised' && e.from !== 'revised')).sort((a, b) => a.at - b.at).map(actOf),
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

import type { ReviewDeskDB } from '../db/database';
import type { CaseEvent, CaseStatus } from '../cases/schema';
import type { PromiseRecord } from '../cases/promises';
import { explainDeadline } from '../cases/deadlines';
import { RULES } from '../settings/rules';
import { DAY_MS } from '../time/beijing';
import type { StoredCase } from './facts';

/**
 * Where the dashboard reads from. Every method is a bounded read through an index of the local store; a team
 * server (issue 10) can answer the same questions over the whole team's data, and the figures stay the same code.
 * (Once the extension syncs, the local store holds the team's cases anyway, and this implementation covers them.)
 */
export interface InsightSource {
  /** Cases stored at or after `since` (a case is stored after its review is written, so this bounds a review period). */
  casesStoredSince(since: number): Promise<StoredCase[]>;
  casesByIds(ids: string[]): Promise<StoredCase[]>;
  /** Ids of the cases in these statuses. */
  idsByStatus(statuses: CaseStatus[]): Promise<string[]>;
  /** Ids of the cases first stored in [from, to). */
  idsStoredBetween(from: number, to: number): Promise<string[]>;
  eventsBetween(from: number, to: number): Promise<CaseEvent[]>;
  eventsOfCases(ids: string[]): Promise<CaseEvent[]>;
  /** Every promise: few per case, and the risk, agent and money figures all need them. */
  promises(): Promise<PromiseRecord[]>;
  /** The explanation deadline of each case (from the stored queue field when there, else from its review). */
  deadlines(cases: StoredCase[]): Promise<Map<string, number | null>>;
  /** Title and link of a product, read from one of its reviews; also the title of cases stored without an item id. */
  reviewItems(caseIds: string[]): Promise<Map<string, { title: string | null; link: string | null }>>;
}

/** The local store, read only through its indexes (cases: status, createdAt; events: at, caseId; promises: the table). */
export class LocalInsightSource implements InsightSource {
  constructor(private db: ReviewDeskDB) {}

  casesStoredSince(since: number): Promise<StoredCase[]> {
    return this.db.cases.where('createdAt').aboveOrEqual(since).toArray();
  }

  async casesByIds(ids: string[]): Promise<StoredCase[]> {
    return (await this.db.cases.bulkGet(ids)).filter((c): c is StoredCase => !!c);
  }

  async idsByStatus(statuses: CaseStatus[]): Promise<string[]> {
    return (await this.db.cases.where('status').anyOf(statuses).primaryKeys()) as string[];
  }

  async idsStoredBetween(from: number, to: number): Promise<string[]> {
    return (await this.db.cases.where('createdAt').between(from, to, true, false).primaryKeys()) as string[];
  }

  eventsBetween(from: number, to: number): Promise<CaseEvent[]> {
    return this.db.events.where('at').between(from, to, true, false).toArray();
  }

  eventsOfCases(ids: string[]): Promise<CaseEvent[]> {
    return ids.length ? this.db.events.where('caseId').anyOf(ids).toArray() : Promise.resolve([]);
  }

  promises(): Promise<PromiseRecord[]> {
    return this.db.promises.toArray();
  }

  async deadlines(cases: StoredCase[]): Promise<Map<string, number | null>> {
    const result = new Map<string, number | null>();
    const unknown: string[] = [];
    for (const c of cases) {
      if (c.deadlineAt !== undefined) result.set(c.id, c.deadlineAt);
      else unknown.push(c.id);
    }
    // Stores before the queue fields (schema v3) keep the deadline on the review only.
    const reviews = unknown.length ? await this.db.reviews.bulkGet(unknown) : [];
    reviews.forEach((r, i) => result.set(unknown[i]!, r ? explainDeadline(r)?.at ?? null : null));
    return result;
  }

  async reviewItems(caseIds: string[]): Promise<Map<string, { title: string | null; link: string | null }>> {
    const reviews = caseIds.length ? await this.db.reviews.bulkGet(caseIds) : [];
    return new Map(reviews.flatMap((r, i) => (r ? [[caseIds[i]!, { title: r.itemTitle ?? null, link: r.itemLink ?? null }] as const] : [])));
  }
}

/**
 * How far back a review can lie whose explanation window is still open: the window (30 days) and a margin for a
 * page whose own count (还有N天可回复) runs ahead of ours.
 */
export const OPEN_WINDOW_LOOKBACK_MS = (RULES.explainWindowDays + 15) * DAY_MS;

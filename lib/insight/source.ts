import type { ReviewDeskDB } from '../db/database';
import type { CaseStatus } from '../cases/schema';
import type { PromiseRecord } from '../cases/promises';
import { FactStore, type StoredFact } from './fact-store';

/**
 * Where the dashboard reads from. Every method is a bounded read through an index: of the local store and of its
 * facts (fact-store.ts). A team server (issue 10) can answer the same questions over the whole team's data, and the
 * figures stay the same code. (Once the extension syncs, the local store holds the team's cases anyway, and this
 * implementation covers them.)
 */
export interface InsightSource {
  /** Brings the facts up to date with every write so far. */
  ready(): Promise<void>;
  /** Facts of the cases whose review was written in [from, to). */
  reviewedBetween(from: number, to: number): Promise<StoredFact[]>;
  /** Facts of the cases with agents' work or a revision in [from, to). */
  workedBetween(from: number, to: number): Promise<StoredFact[]>;
  /** Facts of the cases whose explanation window closes in (from, to]. */
  closingBetween(from: number, to: number): Promise<StoredFact[]>;
  /** Facts of the cases with at least n phone calls. */
  callsAtLeast(n: number): Promise<StoredFact[]>;
  factsOf(ids: string[]): Promise<StoredFact[]>;
  /** How many cases are in these statuses, and (read only when asked for) which. */
  countByStatus(statuses: CaseStatus[]): Promise<number>;
  idsByStatus(statuses: CaseStatus[]): Promise<string[]>;
  /** How many cases were first stored in [from, to), and which. */
  countStoredBetween(from: number, to: number): Promise<number>;
  idsStoredBetween(from: number, to: number): Promise<string[]>;
  /** Every promise: few per case, and the risk, agent and money figures all need them. */
  promises(): Promise<PromiseRecord[]>;
  /** Title and link of each case's product, read from its review. */
  reviewItems(caseIds: string[]): Promise<Map<string, { title: string | null; link: string | null }>>;
}

/** The local store: ids from its status and time indexes, everything else from the facts. */
export class LocalInsightSource implements InsightSource {
  readonly facts: FactStore;

  constructor(private db: ReviewDeskDB, facts?: FactStore) {
    this.facts = facts ?? new FactStore(db);
  }

  ready(): Promise<void> {
    return this.facts.current();
  }

  reviewedBetween(from: number, to: number) {
    return this.facts.reviewedBetween(from, to);
  }

  workedBetween(from: number, to: number) {
    return this.facts.workedBetween(from, to);
  }

  closingBetween(from: number, to: number) {
    return this.facts.closingBetween(from, to);
  }

  callsAtLeast(n: number) {
    return this.facts.callsAtLeast(n);
  }

  factsOf(ids: string[]) {
    return this.facts.byIds(ids);
  }

  countByStatus(statuses: CaseStatus[]): Promise<number> {
    return this.db.cases.where('status').anyOf(statuses).count();
  }

  countStoredBetween(from: number, to: number): Promise<number> {
    return this.db.cases.where('createdAt').between(from, to, true, false).count();
  }

  async idsByStatus(statuses: CaseStatus[]): Promise<string[]> {
    return (await this.db.cases.where('status').anyOf(statuses).primaryKeys()) as string[];
  }

  async idsStoredBetween(from: number, to: number): Promise<string[]> {
    return (await this.db.cases.where('createdAt').between(from, to, true, false).primaryKeys()) as string[];
  }

  promises(): Promise<PromiseRecord[]> {
    return this.db.promises.toArray();
  }

  async reviewItems(caseIds: string[]): Promise<Map<string, { title: string | null; link: string | null }>> {
    const reviews = caseIds.length ? await this.db.reviews.bulkGet(caseIds) : [];
    return new Map(reviews.flatMap((r, i) => (r ? [[caseIds[i]!, { title: r.itemTitle ?? null, link: r.itemLink ?? null }] as const] : [])));
  }
}

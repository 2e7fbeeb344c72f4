import Dexie from 'dexie';
import type { ReviewDeskDB } from '../db/database';
import type { CaseStatus } from '../cases/schema';
import type { PromiseRecord } from '../cases/promises';
import { FactStore, type StoredFact } from './fact-store';
import type { DayRollup, Totals } from './rollup';

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
  /** Open cases with at least n phone calls: how many, and which. */
  countOpenWithCalls(n: number): Promise<number>;
  idsOpenWithCalls(n: number): Promise<string[]>;
  /** The daily aggregate of [from, to) (rollup.ts). */
  daysBetween(from: number, to: number): Promise<DayRollup[]>;
  /** Open and complained cases, and open cases by phone calls, now (rollup.ts). */
  totals(): Promise<Totals>;
  factsOf(ids: string[]): Promise<StoredFact[]>;
  /** How many cases are in these statuses, and (read only when asked for) which. */
  countByStatus(statuses: CaseStatus[]): Promise<number>;
  idsByStatus(statuses: CaseStatus[]): Promise<string[]>;
  /** How many cases were first stored in [from, to), and which. */
  countStoredBetween(from: number, to: number): Promise<number>;
  idsStoredBetween(from: number, to: number): Promise<string[]>;
  /** Every promise: few per case, and the risk, agent and money figures all need them. */
  promises(): Promise<PromiseRecord[]>;
  /**
   * Title and link of each product (by the queue's product key: item id, else title), from one review with that item
   * id, always the same one (the last on the index): one rule, whichever way the figures were counted.
   */
  productItems(keys: string[]): Promise<Map<string, { title: string | null; link: string | null }>>;
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

  countOpenWithCalls(n: number) {
    return this.facts.countOpenWithCalls(n);
  }

  idsOpenWithCalls(n: number) {
    return this.facts.idsOpenWithCalls(n);
  }

  daysBetween(from: number, to: number) {
    return this.facts.daysBetween(from, to);
  }

  totals() {
    return this.facts.totals();
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

  async productItems(keys: string[]): Promise<Map<string, { title: string | null; link: string | null }>> {
    // Each product is named by the review of one of its cases: the last on the cases' item index (one record read).
    const found = await Promise.all(keys.map(async (key) => {
      const last = await this.db.cases.where('[itemKey+itemTitle]').between([key, Dexie.minKey], [key, Dexie.maxKey]).last();
      return last ? this.db.reviews.get(last.id) : undefined;
    }));
    // A key no case has as its item is a title already (products without an id are keyed by title).
    return new Map(keys.map((key, i) => [key, { title: found[i]?.itemTitle ?? (found[i] ? null : key), link: found[i]?.itemLink ?? null }]));
  }
}

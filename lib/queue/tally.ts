import type { ReviewDeskDB } from '../db/database';
import { CaseStatus as CaseStatusEnum, type CaseStatus } from '../cases/schema';
import type { IndexedCase } from './fields';
import { onCasesWritten } from './feed';

/** 0–5: the status's place in CaseStatus; +8 when the case counts as unopened. */
type Code = number;
const STATUSES = CaseStatusEnum.options;
const UNOPENED = 8;
const codeOf = (c: Pick<IndexedCase, 'status' | 'unopened'>): Code => STATUSES.indexOf(c.status) + (c.unopened === 1 ? UNOPENED : 0);

/**
 * How many cases are in each status, and how many nobody has opened, kept exact from the write feed.
 *
 * Why: IndexedDB's count() walks its index, so at 100,000 reviews the toolbar's unopened count (20,000 entries) and
 * the queue's six status counts cost tens of milliseconds of the browser's time each, and the toolbar is counted
 * again after every ingest batch. Here they are read once per worker life (one key scan per status, in one
 * snapshot) and then follow every announced write; until that read is in, callers count on the indexes.
 */
export class CaseTally {
  private codes: Map<string, Code> | null = null;
  private totals: number[] = new Array(STATUSES.length + UNOPENED).fill(0);
  private loading: Promise<void> | null = null;
  /** Writes announced while the snapshot was being read, applied on top of it (again, harmlessly, if it had them). */
  private pending: Array<{ cases: IndexedCase[]; deleted: string[] }> = [];
  private readonly unsubscribe: () => void;

  constructor(private db: ReviewDeskDB) {
    this.unsubscribe = onCasesWritten(db.name, (cases, deleted) => {
      if (this.codes) this.apply(cases, deleted);
      else if (this.loading) this.pending.push({ cases, deleted });
    });
  }

  close(): void {
    this.unsubscribe();
  }

  /** Cases per status, or null while the first read is under way (it is started here). */
  byStatus(): Record<CaseStatus, number> | null {
    if (!this.ready()) return null;
    return Object.fromEntries(STATUSES.map((s, i) => [s, this.totals[i]! + this.totals[i + UNOPENED]!])) as Record<CaseStatus, number>;
  }

  /** New cases nobody has opened, or null while the first read is under way (it is started here). */
  unopened(): number | null {
    if (!this.ready()) return null;
    let n = 0;
    for (let i = UNOPENED; i < this.totals.length; i++) n += this.totals[i]!;
    return n;
  }

  /** Resolves once the counts are held (for tests and for callers that would rather wait). */
  async loaded(): Promise<void> {
    this.ready();
    await this.loading;
  }

  private ready(): boolean {
    if (this.codes) return true;
    this.loading ??= this.load().catch(() => {
      // A failed read leaves the callers on the indexes; the next call tries again.
      this.loading = null;
      this.pending = [];
    });
    return false;
  }

  private async load(): Promise<void> {
    const cases = this.db.cases;
    const [perStatus, unopened] = await this.db.transaction('r', cases, () => Promise.all([
      Promise.all(STATUSES.map((s) => cases.where('status').equals(s).primaryKeys())),
      cases.where('unopened').equals(1).primaryKeys(),
    ]));
    const codes = new Map<string, Code>();
    perStatus.forEach((ids, i) => ids.forEach((id) => codes.set(id, i)));
    for (const id of unopened) codes.set(id, (codes.get(id) ?? 0) + UNOPENED);
    this.codes = codes;
    this.totals.fill(0);
    for (const code of codes.values()) this.totals[code]!++;
    for (const { cases: written, deleted } of this.pending) this.apply(written, deleted);
    this.pending = [];
  }

  private apply(cases: IndexedCase[], deleted: string[]): void {
    const codes = this.codes!;
    for (const c of cases) {
      const before = codes.get(c.id);
      if (before !== undefined) this.totals[before]!--;
      const code = codeOf(c);
      codes.set(c.id, code);
      this.totals[code]!++;
    }
    for (const id of deleted) {
      const before = codes.get(id);
      if (before === undefined) continue;
      this.totals[before]!--;
      codes.delete(id);
    }
  }
}

/** One tally per database handle, shared by the store (toolbar count) and the queue reader (status tabs). */
const tallies = new WeakMap<ReviewDeskDB, CaseTally>();
export function tallyOf(db: ReviewDeskDB): CaseTally {
  let tally = tallies.get(db);
  if (!tally) tallies.set(db, (tally = new CaseTally(db)));
  return tally;
}

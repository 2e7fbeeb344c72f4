import Dexie, { type EntityTable } from 'dexie';
import type { ReviewDeskDB } from '../db/database';
import { isOpenStatus, type CaseEvent } from '../cases/schema';
import { onCasesWritten } from '../queue/feed';
import { startOfBeijingDay } from '../time/beijing';
import { factOf, type CaseFact, type StoredCase } from './facts';
import { applyFact, applyTotals, daysOfFact, emptyDay, emptyTotals, isEmptyDay, type DayRollup, type Totals } from './rollup';

/**
 * The dashboard's aggregate: one small record per case (its facts, see facts.ts) in a database of its own, indexed by
 * what the dashboard asks (review time, days with agents' work, explanation deadline, phone calls). The cases
 * themselves carry review texts and search text; reading 30,000 of them takes seconds, reading the facts of one
 * period takes milliseconds. It is derived data: it can always be rebuilt from the store, and is.
 *
 * Kept current from the store's write feed (every case write is announced, lib/queue/feed.ts): the written cases'
 * facts are computed again, a moment later, from the case and its history. A worker stopped inside that moment
 * loses the update in memory; on the next start the facts of every case with history after the last flush are
 * computed again (changes without an event — a review's text re-read — wait for the case's next write, or for
 * `rebuild()`).
 */
export type StoredFact = CaseFact & {
  /** Beijing days with agents' work or a revision on the case: the agents' figures read the facts of a period by it. */
  actDays: number[];
  /** 1 while the case is open (the call-cap figure counts open cases on [open+phoneCalls]). */
  open: 0 | 1;
};

interface Meta {
  key: 'state';
  /** Facts layout; another layout is rebuilt. */
  version: number;
  complete: boolean;
  /** Every case with history up to this moment has its facts stored. */
  syncedTo: number;
  /** Open and complained cases, open cases by phone calls: kept with the facts, so the page never counts an index. */
  totals?: Totals;
}

export const FACTS_VERSION = 3;
/** How long writes gather before their facts are computed (one read of their histories for a whole ingest batch). */
const FLUSH_DELAY_MS = 150;
/**
 * Margin before the last flush when catching up after a restart: a write's history time is taken inside its
 * transaction, moments before it commits and is announced; a flush may have started in between. Kept short, since
 * everything within it is computed again on every start (a minute after a large ingest is thousands of cases).
 */
const CATCH_UP_MARGIN_MS = 10_000;
/** Cases read per step of a rebuild. */
const BUILD_PAGE = 1000;

class InsightDB extends Dexie {
  facts!: EntityTable<StoredFact, 'id'>;
  days!: EntityTable<DayRollup, 'day'>;
  meta!: EntityTable<Meta, 'key'>;

  constructor(name: string) {
    super(name);
    // deadlineAt is left out of a fact when unknown (IndexedDB cannot index null). Derived data: a layout change is
    // a rebuild (FACTS_VERSION), never a migration.
    this.version(1).stores({ facts: 'id, reviewAt, *actDays, deadlineAt, phoneCalls', meta: 'key' });
    this.version(2).stores({ facts: 'id, reviewAt, *actDays, deadlineAt, [open+phoneCalls]', days: 'day', meta: 'key' });
  }
}

function stored(f: CaseFact): StoredFact {
  const { deadlineAt, ...rest } = f;
  const actDays = [...new Set(f.acts.map((a) => startOfBeijingDay(a.at)))];
  const open = isOpenStatus(f.status) ? 1 : 0;
  return (deadlineAt === null ? { ...rest, actDays, open } : { ...rest, deadlineAt, actDays, open }) as StoredFact;
}

/** A fact as read back: deadlineAt present (null when unknown). */
const read = (f: StoredFact): StoredFact => ({ ...f, deadlineAt: f.deadlineAt ?? null });

export class FactStore {
  readonly db: InsightDB;
  /**
   * unknown: not looked yet this worker life; probing: looking (and catching up); absent: never built (writes are not
   * followed: the build reads everything); building; current: complete, kept up to date.
   */
  private state: 'unknown' | 'probing' | 'absent' | 'building' | 'current' = 'unknown';
  private probing: Promise<void> | null = null;
  private building: Promise<number> | null = null;
  /** Cases written since the last flush, as stored (the newest write of each), and deleted ids. */
  private pending = new Map<string, StoredCase | null>();
  private flushing: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly unsubscribe: () => void;
  /** Goes up whenever stored facts change (a flush, a build): figures computed at another generation are old. */
  generation = 0;

  constructor(private main: ReviewDeskDB, private now: () => number = Date.now) {
    this.db = new InsightDB(`${main.name}-insight`);
    this.unsubscribe = onCasesWritten(main.name, (cases, deleted) => this.written(cases, deleted));
  }

  close(): void {
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.db.close();
  }

  /** Facts complete and current: built when absent (the first time, or another layout), caught up after a restart. */
  async current(): Promise<void> {
    await this.probe();
    if (this.state === 'absent') await this.rebuild();
    else if (this.building) await this.building;
    await this.flush();
  }

  /** Every fact computed again from the store (the first use, a layout change, or the dashboard's 重新统计). */
  rebuild(): Promise<number> {
    this.building ??= (async () => {
      while (this.flushing) await this.flushing;
      try {
        return await this.build();
      } catch (error) {
        this.state = 'absent';
        throw error;
      } finally {
        this.building = null;
      }
    })();
    return this.building;
  }

  /** Whether complete facts are kept; if so, the cases with history since the last flush are computed again. */
  private probe(): Promise<void> {
    if (this.state !== 'unknown' && this.state !== 'probing') return Promise.resolve();
    this.state = 'probing';
    this.probing ??= (async () => {
      const meta = await this.db.meta.get('state');
      if (!meta || !meta.complete || meta.version !== FACTS_VERSION) {
        this.state = 'absent';
        this.pending.clear();
        return;
      }
      // The worker may have stopped after a write and before its facts were stored.
      const ids = new Set<string>();
      await this.main.events.where('at').above(meta.syncedTo - CATCH_UP_MARGIN_MS).each((e) => { ids.add(e.caseId); });
      const cases = (await this.main.cases.bulkGet([...ids])).filter((c): c is StoredCase => !!c);
      for (const c of cases) if (!this.pending.has(c.id)) this.pending.set(c.id, c);
      this.state = 'current';
    })().catch((error: unknown) => {
      this.state = 'unknown';
      throw error;
    }).finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  private async build(): Promise<number> {
    const started = this.now();
    this.state = 'building';
    // Writes announced while building are applied after it (they may or may not be in what was read).
    this.pending.clear();
    await this.db.transaction('rw', this.db.facts, this.db.days, this.db.meta, async () => {
      await this.db.facts.clear();
      await this.db.days.clear();
      await this.db.meta.put({ key: 'state', version: FACTS_VERSION, complete: false, syncedTo: 0 });
    });
    const days = new Map<number, DayRollup>();
    const dayOf = (day: number) => {
      let r = days.get(day);
      if (!r) days.set(day, (r = emptyDay(day)));
      return r;
    };
    const totals = emptyTotals();
    let after: string | null = null;
    let count = 0;
    for (;;) {
      const page: StoredCase[] = await (after === null ? this.main.cases.orderBy(':id') : this.main.cases.where(':id').above(after)).limit(BUILD_PAGE).toArray();
      if (!page.length) break;
      const facts = await this.factsOf(page);
      for (const f of facts) {
        applyFact(dayOf, f, 1);
        applyTotals(totals, f, 1);
      }
      await this.db.facts.bulkPut(facts);
      count += page.length;
      after = page.at(-1)!.id;
      if (page.length < BUILD_PAGE) break;
    }
    await this.db.days.bulkPut([...days.values()]);
    await this.db.meta.put({ key: 'state', version: FACTS_VERSION, complete: true, syncedTo: started, totals });
    this.state = 'current';
    this.generation++;
    this.schedule(); // writes made while building
    return count;
  }

  private async factsOf(cases: StoredCase[]): Promise<StoredFact[]> {
    const events = await this.main.events.where('caseId').anyOf(cases.map((c) => c.id)).toArray();
    const byCase = new Map<string, CaseEvent[]>();
    for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    return cases.map((c) => stored(factOf(c, byCase.get(c.id) ?? [])));
  }

  private written(cases: StoredCase[], deleted: string[]): void {
    // Never built: nothing to keep current (the first build reads every case).
    if (this.state === 'absent') return;
    for (const c of cases) this.pending.set(c.id, c);
    for (const id of deleted) this.pending.set(id, null);
    if (this.state === 'unknown') {
      // The first write of this worker's life: find out whether facts are kept (one read) before following writes.
      void this.probe().then(() => this.schedule(), () => undefined);
      return;
    }
    if (this.state === 'current') this.schedule();
  }

  private schedule(): void {
    if (this.state !== 'current' || this.pending.size === 0) return;
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush().catch(() => undefined);
    }, FLUSH_DELAY_MS);
  }

  /** Computes and stores the facts of the cases written since the last flush. */
  private async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.state !== 'current' || this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const flushedAt = this.now();
    this.flushing = (async () => {
      const cases = [...batch.values()].filter((c): c is StoredCase => c !== null);
      const deleted = [...batch.entries()].filter(([, c]) => c === null).map(([id]) => id);
      const facts = cases.length ? await this.factsOf(cases) : [];
      await this.db.transaction('rw', this.db.facts, this.db.days, this.db.meta, async () => {
        // Each changed case leaves its days with its old facts and comes back with its new ones.
        const ids = [...facts.map((f) => f.id), ...deleted];
        const old = (await this.db.facts.bulkGet(ids)).filter((f): f is StoredFact => !!f).map(read);
        const dayKeys = [...new Set([...old, ...facts].flatMap((f) => daysOfFact(f)))];
        const days = new Map<number, DayRollup>();
        (await this.db.days.bulkGet(dayKeys)).forEach((r, i) => days.set(dayKeys[i]!, r ?? emptyDay(dayKeys[i]!)));
        const dayOf = (day: number) => days.get(day) ?? days.set(day, emptyDay(day)).get(day)!;
        const totals = (await this.db.meta.get('state'))?.totals ?? emptyTotals();
        for (const f of old) {
          applyFact(dayOf, f, -1);
          applyTotals(totals, f, -1);
        }
        for (const f of facts) {
          applyFact(dayOf, read(f), 1);
          applyTotals(totals, f, 1);
        }
        const [empty, kept] = [[...days.values()].filter(isEmptyDay), [...days.values()].filter((r) => !isEmptyDay(r))];
        if (kept.length) await this.db.days.bulkPut(kept);
        if (empty.length) await this.db.days.bulkDelete(empty.map((r) => r.day));
        if (facts.length) await this.db.facts.bulkPut(facts);
        if (deleted.length) await this.db.facts.bulkDelete(deleted);
        await this.db.meta.update('state', { syncedTo: flushedAt, totals });
      });
      this.generation++;
    })();
    try {
      await this.flushing;
    } catch (error) {
      // Not stored: keep them for the next flush (unless written again since, which is newer).
      for (const [id, c] of batch) if (!this.pending.has(id)) this.pending.set(id, c);
      throw error;
    } finally {
      this.flushing = null;
    }
  }

  // ---- the dashboard's questions, each one index range --------------------------------------------------------------

  async reviewedBetween(from: number, to: number): Promise<StoredFact[]> {
    return (await this.db.facts.where('reviewAt').between(from, to, true, false).toArray()).map(read);
  }

  /** Cases with agents' work (or a revision) on a day of [from, to). */
  async workedBetween(from: number, to: number): Promise<StoredFact[]> {
    return (await this.db.facts.where('actDays').between(from, to, true, false).distinct().toArray()).map(read);
  }

  /** Cases whose explanation window closes in (from, to]. */
  async closingBetween(from: number, to: number): Promise<StoredFact[]> {
    return (await this.db.facts.where('deadlineAt').between(from, to, false, true).toArray()).map(read);
  }

  /** Open cases with at least n phone calls: how many, and (on a click) which. */
  countOpenWithCalls(n: number): Promise<number> {
    return this.db.facts.where('[open+phoneCalls]').between([1, n], [1, Dexie.maxKey]).count();
  }

  async idsOpenWithCalls(n: number): Promise<string[]> {
    return (await this.db.facts.where('[open+phoneCalls]').between([1, n], [1, Dexie.maxKey]).primaryKeys()) as string[];
  }

  /** The aggregate's days in [from, to). */
  async totals(): Promise<Totals> {
    return (await this.db.meta.get('state'))?.totals ?? emptyTotals();
  }

  daysBetween(from: number, to: number): Promise<DayRollup[]> {
    return this.db.days.where('day').between(from, to, true, false).toArray();
  }

  async byIds(ids: string[]): Promise<StoredFact[]> {
    return (await this.db.facts.bulkGet(ids)).filter((f): f is StoredFact => !!f).map(read);
  }
}

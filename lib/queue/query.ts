import Dexie from 'dexie';
import type { ReviewDeskDB } from '../db/database';
import type { CaseView } from '../cases/case-store';
import { CaseStatus as CaseStatusEnum, isOpenStatus, type CaseStatus } from '../cases/schema';
import type { QueueFilter } from '../cases/queue';
import { isOpenPromise } from '../cases/promises';
import { plainCase, plainPromise, reindexed, type IndexedCase } from './fields';
import { compareRanks, type QueueRank } from './rank';
import { announceCases, onCasesWritten } from './feed';
import { tallyOf } from './tally';

const FACET_WARM_DELAY_MS = 1500;

export type StatusCounts = Record<'open' | CaseStatus, number>;

export interface FilterChoices {
  items: Array<{ id: string; title: string }>;
  agents: string[];
}

export interface QueuePage {
  /** The cases of the requested window, in working order. */
  items: CaseView[];
  /** How many cases match the filter in all. */
  total: number;
  counts: StatusCounts;
  choices: FilterChoices;
}

/** The few facts of a case that filters test and the order needs, kept in memory once a filter is first used. */
interface Facet {
  id: string;
  status: CaseStatus;
  rank: QueueRank;
  sentiment: IndexedCase['sentiment'];
  causeCodes: string[];
  itemKey: string | undefined;
  itemTitle: string | undefined;
  assigneeKey: string;
  search: string;
}

const facetOf = (c: IndexedCase): Facet => ({
  id: c.id, status: c.status, rank: c.rank, sentiment: c.sentiment, causeCodes: c.causeCodes ?? [], itemKey: c.itemKey,
  itemTitle: c.itemTitle, assigneeKey: c.assigneeKey ?? '', search: c.search ?? '',
});

/** The [itemKey+itemTitle] index entry of a case, as one string (absent when the index has none for it). */
const itemPair = (f: Facet): string | null =>
  typeof f.itemKey === 'string' && typeof f.itemTitle === 'string' ? `${f.itemKey}\u0000${f.itemTitle}` : null;

/** How many cases carry each product entry and each holder: the filter menus, kept with the facets. */
class MenuCounts {
  private items = new Map<string, number>();
  private agents = new Map<string, number>();

  add(f: Facet, by: 1 | -1): void {
    const pair = itemPair(f);
    if (pair !== null) bump(this.items, pair, by);
    if (f.assigneeKey !== '') bump(this.agents, f.assigneeKey, by);
  }

  /** As the index gives them: products in index order ([itemKey, itemTitle]), the first title of each key. */
  choices(): FilterChoices {
    const titles = new Map<string, string>();
    for (const pair of [...this.items.keys()].sort(byCodeUnits)) {
      const [key, title] = pair.split('\u0000') as [string, string];
      if (!titles.has(key)) titles.set(key, title);
    }
    return { items: [...titles].map(([id, title]) => ({ id, title })), agents: [...this.agents.keys()].sort() };
  }
}

function bump(counts: Map<string, number>, key: string, by: 1 | -1): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}

/** IndexedDB compares strings by UTF-16 code units, as `<` does ('\u0000' sorts a key before its longer keys). */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Only the status narrows the queue: the order and the window come straight from an index. */
const statusOnly = (f: QueueFilter) =>
  f.sentiment === 'all' && f.cause === 'all' && f.itemId === 'all' && f.assignee === 'all' && f.text.trim() === '';

function matches(x: Facet, f: QueueFilter, text: string): boolean {
  if (f.status === 'open' ? !isOpenStatus(x.status) : f.status !== 'all' && x.status !== f.status) return false;
  if (f.sentiment !== 'all' && x.sentiment !== f.sentiment) return false;
  if (f.cause !== 'all' && !x.causeCodes.includes(f.cause)) return false;
  if (f.itemId !== 'all' && x.itemKey !== f.itemId) return false;
  if (f.assignee === 'unassigned' ? x.assigneeKey !== '' : f.assignee !== 'all' && x.assigneeKey !== f.assignee) return false;
  return !text || x.search.includes(text);
}

/** The index order: rank, then case id (IndexedDB breaks ties on the primary key). */
const byQueueOrder = (a: Facet, b: Facet) => compareRanks(a.rank, b.rank) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Reads the queue a window at a time. The default views (a status tab, no other filter) come from the rank
 * indexes with offset and limit, counts from `count()` on the status index, the menus from index keys. A narrowing
 * filter or a search runs over facets held in memory (one small record per case, loaded once per worker life and
 * kept current by the store's write feed), so that a keystroke never reads the store.
 */
export class QueueReader {
  private facets: Map<string, Facet> | null = null;
  /** The menus, counted over the facets once they are loaded (walking the indexes for them is O(cases)). */
  private menus: MenuCounts | null = null;
  private loadingFacets: Promise<Map<string, Facet>> | null = null;
  /** Writes announced while the facets were loading, applied once they are in. */
  private pending: Array<{ cases: IndexedCase[]; deleted: string[] }> = [];
  private readonly unsubscribe: () => void;
  private warming: ReturnType<typeof setTimeout> | null = null;

  constructor(private db: ReviewDeskDB) {
    this.unsubscribe = onCasesWritten(db.name, (cases, deleted) => this.noteWritten(cases, deleted));
  }

  close(): void {
    this.unsubscribe();
    if (this.warming) clearTimeout(this.warming);
  }

  /** Cases whose place in the queue moved with the clock (a due time passed) are ranked again first. */
  async refreshStale(now: number): Promise<string[]> {
    // Mostly nothing is due: a read answers that without a write transaction queued among the ingest batches.
    if (!(await this.db.cases.where('rankStaleAt').belowOrEqual(now).limit(1).primaryKeys()).length) return [];
    const moved = await this.db.transaction('rw', this.db.cases, async () => {
      const stale = (await this.db.cases.where('rankStaleAt').belowOrEqual(now).toArray()) as IndexedCase[];
      const next = stale.map((c) => reindexed(c, now));
      if (next.length) await this.db.cases.bulkPut(next);
      return next;
    });
    announceCases(this.db.name, moved);
    return moved.map((c) => c.id);
  }

  async page(filter: QueueFilter, offset: number, limit: number, now: number): Promise<QueuePage> {
    await this.refreshStale(now);
    const [counts, choices] = await Promise.all([this.counts(), this.choices()]);
    let cases: IndexedCase[];
    let total: number;
    if (statusOnly(filter)) {
      cases = (await this.ordered(filter.status).offset(offset).limit(limit).toArray()) as IndexedCase[];
      total = filter.status === 'all' ? CaseStatusEnum.options.reduce((n, s) => n + counts[s], 0) : counts[filter.status];
      // Warm the facets while the agent reads the first screen, so that the first keystroke of a search finds them;
      // a moment later, so that the scan does not compete with the panel's first answers.
      if (!this.facets && !this.warming) {
        this.warming = setTimeout(() => void this.loadFacets().catch(() => undefined), FACET_WARM_DELAY_MS);
      }
    } else {
      const facets = await this.loadFacets();
      const text = filter.text.trim().toLowerCase();
      const matched: Facet[] = [];
      for (const f of facets.values()) if (matches(f, filter, text)) matched.push(f);
      matched.sort(byQueueOrder);
      total = matched.length;
      const ids = matched.slice(offset, offset + limit).map((f) => f.id);
      cases = (await this.db.cases.bulkGet(ids)).filter((c): c is IndexedCase => !!c);
    }
    return { items: await this.views(cases), total, counts, choices };
  }

  /** Held by the tally once it has read the store (count() walks the index: slow at 100k), else counted. */
  async counts(): Promise<StatusCounts> {
    const held = tallyOf(this.db).byStatus();
    const values = held ? CaseStatusEnum.options.map((s) => held[s]) : await Promise.all(CaseStatusEnum.options.map((s) => this.db.cases.where('status').equals(s).count()));
    const counts = { open: 0 } as StatusCounts;
    CaseStatusEnum.options.forEach((s, i) => {
      counts[s] = values[i]!;
      if (isOpenStatus(s)) counts.open += values[i]!;
    });
    return counts;
  }

  /**
   * Products and agents for the filter menus: counted over the facets once they are loaded; before, from the index
   * keys alone (a unique-key walk still steps over every entry: only held cases are walked for the agents).
   */
  async choices(): Promise<FilterChoices> {
    if (this.menus) return this.menus.choices();
    const [items, agents] = await Promise.all([
      this.db.cases.orderBy('[itemKey+itemTitle]').uniqueKeys(),
      this.db.cases.where('assigneeKey').above('').uniqueKeys(),
    ]);
    const titles = new Map<string, string>();
    for (const key of items as unknown as Array<[string, string]>) if (!titles.has(key[0])) titles.set(key[0], key[1]);
    return {
      items: [...titles].map(([id, title]) => ({ id, title })),
      agents: (agents as string[]).filter((a) => a !== '').sort(),
    };
  }

  /** The store tells the reader what it wrote, so that filters stay right without reading everything again. */
  private noteWritten(cases: IndexedCase[], deleted: string[]): void {
    if (this.loadingFacets && !this.facets) this.pending.push({ cases, deleted });
    if (!this.facets) return;
    for (const c of cases) this.setFacet(this.facets, facetOf(c));
    for (const id of deleted) this.dropFacet(this.facets, id);
  }

  private setFacet(facets: Map<string, Facet>, f: Facet): void {
    this.dropFacet(facets, f.id);
    facets.set(f.id, f);
    this.menus?.add(f, 1);
  }

  private dropFacet(facets: Map<string, Facet>, id: string): void {
    const before = facets.get(id);
    if (!before) return;
    this.menus?.add(before, -1);
    facets.delete(id);
  }

  private ordered(status: QueueFilter['status']) {
    const cases = this.db.cases;
    if (status === 'all') return cases.orderBy('rank');
    if (status === 'open') return cases.where('[open+rank]').between([1, Dexie.minKey], [1, Dexie.maxKey]);
    return cases.where('[status+rank]').between([status, Dexie.minKey], [status, Dexie.maxKey]);
  }

  private loadFacets(): Promise<Map<string, Facet>> {
    if (this.facets) return Promise.resolve(this.facets);
    this.loadingFacets ??= (async () => {
      const map = new Map<string, Facet>();
      await this.db.cases.each((c) => map.set(c.id, facetOf(c as IndexedCase)));
      // Writes that committed while the scan ran may or may not be in it: applying them again is harmless.
      for (const { cases, deleted } of this.pending) {
        for (const c of cases) this.setFacet(map, facetOf(c));
        for (const id of deleted) this.dropFacet(map, id);
      }
      this.pending = [];
      const menus = new MenuCounts();
      for (const f of map.values()) menus.add(f, 1);
      this.menus = menus;
      this.facets = map;
      this.loadingFacets = null;
      return map;
    })().catch((error: unknown) => {
      this.loadingFacets = null;
      this.pending = [];
      throw error;
    });
    return this.loadingFacets;
  }

  /** Whole queue entries for the cases on screen: their reviews, unkept promises and do-not-contact flags. */
  async views(cases: IndexedCase[]): Promise<CaseView[]> {
    if (!cases.length) return [];
    const ids = cases.map((c) => c.id);
    const buyerKeys = [...new Set(cases.map((c) => c.buyerKey).filter((k): k is string => !!k))];
    const [reviews, promises, notes] = await Promise.all([
      this.db.reviews.bulkGet(ids),
      this.db.promises.where('caseId').anyOf(ids).filter(isOpenPromise).toArray(),
      this.db.buyerNotes.bulkGet(buyerKeys),
    ]);
    const blocked = new Set(notes.filter((n) => n?.doNotContact).map((n) => n!.buyerKey));
    const byCase = new Map<string, CaseView['openPromises']>();
    for (const p of promises) byCase.set(p.caseId, [...(byCase.get(p.caseId) ?? []), plainPromise(p)]);
    return cases.flatMap((c, i) => {
      const review = reviews[i];
      if (!review) return [];
      return [{
        case: plainCase(c), review, deadlineAt: c.deadlineAt ?? null, openPromises: byCase.get(c.id) ?? [],
        doNotContact: !!c.buyerKey && blocked.has(c.buyerKey),
      }];
    });
  }
}

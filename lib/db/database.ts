import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { StoredReview } from '../reviews/schema';
import type { CaseEvent, CaseRecord } from '../cases/schema';
import type { PromiseRecord } from '../cases/promises';
import type { BuyerNote } from '../cases/buyer-notes';
import { causesOfReview } from '../cases/causes';
import { openDues, sourcesFromReview, withOpenDue, withQueueFields, type IndexedCase } from '../queue/fields';
import { teamOutbox, type OutboxEntry, type SyncMetaEntry } from '../team/outbox';

/** v1 tables, frozen: later versions only add. */
export const V1_STORES = {
  reviews: 'id, lastSeenAt, buyerKey, itemId',
  cases: 'id, status, createdAt, buyerKey, itemId',
  events: '++seq, caseId, at',
};

/** v2: the agent's workflow (promises, buyer notes) and causes on every case. */
export const V2_STORES = {
  ...V1_STORES,
  promises: '++id, caseId, dueAt',
  buyerNotes: 'buyerKey',
};

/** v1 → v2: every existing case gets its causes read from its review, and the new workflow fields. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const reviews = new Map<string, StoredReview>();
  await tx.table('reviews').each((r: StoredReview) => reviews.set(r.id, r));
  await tx.table('cases').toCollection().modify((c: Partial<CaseRecord> & { id: string }) => {
    const review = reviews.get(c.id);
    c.causes = review ? causesOfReview(review) : [];
    c.causesBy = 'auto';
    c.assignee = c.assignee ?? null;
    c.agreedAt = c.agreedAt ?? null;
  });
}

/**
 * v3: what the queue sorts and filters by, kept on each case at every write (lib/queue/fields.ts), so that the panel
 * reads one window through an index instead of the whole store; promises still to be kept carry `openDue` for the
 * toolbar and alarms. Only indexes and derived fields: nothing stored before changes meaning.
 */
export const V3_STORES = {
  ...V2_STORES,
  cases: 'id, status, createdAt, buyerKey, itemId, [open+rank], [status+rank], rank, rankStaleAt, unopened, *causeCodes, [itemKey+itemTitle], assigneeKey, agreedAt',
  promises: '++id, caseId, dueAt, openDue',
};

/** v2 → v3: every case gets its queue fields from its review and unkept promises, as of the upgrade. */
export async function upgradeToV3(tx: Transaction, now = Date.now()): Promise<void> {
  const promises = (await tx.table('promises').toArray()) as PromiseRecord[];
  await tx.table('promises').bulkPut(promises.map(withOpenDue));
  const byCase = new Map<string, PromiseRecord[]>();
  for (const p of promises) byCase.set(p.caseId, [...(byCase.get(p.caseId) ?? []), p]);
  const reviews = new Map<string, StoredReview>();
  await tx.table('reviews').each((r: StoredReview) => reviews.set(r.id, r));
  await tx.table('cases').toCollection().modify((c: IndexedCase, ref: { value: IndexedCase }) => {
    ref.value = withQueueFields(c, sourcesFromReview(reviews.get(c.id), openDues(byCase.get(c.id) ?? [])), now);
  });
}

/**
 * v4: the records a team shares get global ids (`uid`, a uuid) beside their local keys, which never leave the
 * browser; the outbox keeps the team mutations of each local write (written in the same transaction, lib/team/outbox.ts)
 * until the server has answered for them; syncMeta keeps the pull position and whether writes are being recorded.
 */
export const V4_STORES = {
  ...V3_STORES,
  events: '++seq, caseId, at, &uid',
  promises: '++id, caseId, dueAt, openDue, &uid',
  outbox: '++n',
  syncMeta: 'key',
};

/** v3 → v4: every event and promise stored so far gets its global id; nothing else changes. */
export async function upgradeToV4(tx: Transaction, newId: () => string = () => crypto.randomUUID()): Promise<void> {
  for (const table of ['events', 'promises']) {
    await tx.table(table).toCollection().modify((r: { uid?: string }) => {
      r.uid ??= newId();
    });
  }
}

/**
 * v5: no index that nothing reads. Every index is one more entry to write (and, on a change, to delete) for every
 * record: the stored reviews (seven in ten of them praise, never queried by anything but their id) kept three unread
 * indexes, the cases two (their item id, whose filter reads `itemKey`, and their cause codes, filtered in memory), the
 * promises one. Dropping them cut the IndexedDB work of an ingest by about a third (README, 一年的数据量). Only
 * indexes go: no record changes, so there is no upgrade step.
 */
export const V5_STORES = {
  ...V4_STORES,
  reviews: 'id',
  cases: 'id, status, createdAt, buyerKey, [open+rank], [status+rank], rank, rankStaleAt, unopened, [itemKey+itemTitle], assigneeKey, agreedAt',
  promises: '++id, caseId, openDue, &uid',
};

/**
 * The one database, opened only by the background worker (extension origin).
 * Each schema change is a new numbered version with an upgrade step and a test; old versions stay.
 */
export class ReviewDeskDB extends Dexie {
  reviews!: EntityTable<StoredReview, 'id'>;
  cases!: EntityTable<CaseRecord, 'id'>;
  events!: EntityTable<CaseEvent, 'seq'>;
  promises!: EntityTable<PromiseRecord, 'id'>;
  buyerNotes!: EntityTable<BuyerNote, 'buyerKey'>;
  outbox!: EntityTable<OutboxEntry, 'n'>;
  syncMeta!: EntityTable<SyncMetaEntry, 'key'>;
  /** Whether local writes are being recorded for the team (lib/team/outbox.ts), false solo; and the clock they are stamped with. */
  readonly team = { recording: false, now: Date.now };

  constructor(name = 'reviewdesk') {
    super(name);
    this.version(1).stores(V1_STORES);
    this.version(2).stores(V2_STORES).upgrade(upgradeToV2);
    this.version(3).stores(V3_STORES).upgrade((tx) => upgradeToV3(tx));
    this.version(4).stores(V4_STORES).upgrade((tx) => upgradeToV4(tx));
    this.version(5).stores(V5_STORES);
    this.use(teamOutbox(this.team));
    // Recording survives a worker restart: it is read before the first query runs.
    this.on('ready', async () => {
      this.team.recording = (await this.syncMeta.get('recording'))?.value === true;
    });
  }
}

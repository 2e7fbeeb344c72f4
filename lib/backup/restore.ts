import type { ReviewDeskDB } from '../db/database';
import type { CaseEvent, CaseRecord } from '../cases/schema';
import { isOpenPromise, type PromiseRecord } from '../cases/promises';
import type { BuyerNote } from '../cases/buyer-notes';
import type { StoredReview } from '../reviews/schema';
import type { BackupPromise, BackupRecords, BackupTable } from './schema';

export interface TableReport {
  /** Records the store did not have. */
  added: number;
  /** Records the store had in an older state (the backup's is newer), replaced. */
  updated: number;
  /** Records the store already had as they are, or newer: left alone. */
  skipped: number;
}

export type RestoreReport = Record<BackupTable, TableReport>;

/**
 * How stored records get the store's derived fields (the queue's index fields from schema v3 on). Restore writes
 * through this so that restored cases land in the queue's indexes exactly as a normal write would put them.
 */
export interface RestoreIndexer {
  case(c: CaseRecord, review: StoredReview | undefined, promises: PromiseRecord[], now: number): CaseRecord;
  promise(p: PromiseRecord): PromiseRecord;
  /** Told after the transaction committed, with the cases as stored. */
  written(cases: CaseRecord[]): void;
}

export const PLAIN_INDEXER: RestoreIndexer = { case: (c) => c, promise: (p) => p, written: () => undefined };

/** An event is the same event when its case, time, kind and author are: seq numbers differ between browsers. */
export const eventKey = (e: Pick<CaseEvent, 'caseId' | 'at' | 'kind' | 'by'>) => `${e.caseId}\u0000${e.at}\u0000${e.kind}\u0000${e.by}`;

/** A promise is the same promise when its case and creation time are (ids are per-browser counters). */
export const promiseKey = (p: Pick<PromiseRecord, 'caseId' | 'createdAt'>) => `${p.caseId}\u0000${p.createdAt}`;

const empty = (): TableReport => ({ added: 0, updated: 0, skipped: 0 });

/** Whether the backup's promise is further along than the stored one (kept or cancelled while ours is still open). */
const closedSince = (local: PromiseRecord, incoming: PromiseRecord) => isOpenPromise(local) && !isOpenPromise(incoming);

/**
 * Merges a checked backup into the store in one transaction: by id for reviews, cases and buyer notes (the newer
 * record wins, and a record the store has in the same state or newer is never overwritten); events and promises by
 * what they are (see eventKey, promiseKey), so that restoring the same file twice, or a file from another browser,
 * never duplicates them. Promise ids are renumbered into this store's, and events follow their promise.
 */
export async function restoreRecords(db: ReviewDeskDB, data: BackupRecords, now: number, indexer: RestoreIndexer = PLAIN_INDEXER): Promise<RestoreReport> {
  const report: RestoreReport = { reviews: empty(), cases: empty(), events: empty(), promises: empty(), buyerNotes: empty() };
  const written = await db.transaction('rw', [db.reviews, db.cases, db.events, db.promises, db.buyerNotes], async () => {
    const reviews = await mergeById(keyed<StoredReview>(db.reviews), data.reviews, (r) => r.id, (r) => r.lastSeenAt, report.reviews);
    const caseIds = [...new Set([...data.cases.map((c) => c.id), ...data.events.map((e) => e.caseId), ...data.promises.map((p) => p.caseId)])];
    const promiseIds = await mergePromises(db, data.promises, caseIds, report.promises, indexer);
    await mergeEvents(db, data.events, caseIds, promiseIds, report.events);
    await mergeById(keyed<BuyerNote>(db.buyerNotes), data.buyerNotes, (n) => n.buyerKey, (n) => n.updatedAt, report.buyerNotes);
    // Cases last: their derived fields read their review and promises as restored.
    const cases = await mergeById(keyed<CaseRecord>(db.cases), data.cases, (c) => c.id, (c) => c.updatedAt, report.cases, false);
    const touched = new Set([...cases.keys(), ...promiseIds.touchedCases]);
    const stored = (await db.cases.bulkGet([...touched])).filter((c): c is CaseRecord => !!c);
    const byId = new Map(stored.map((c) => [c.id, c]));
    for (const c of cases.values()) byId.set(c.id, c);
    const ids = [...byId.keys()];
    const [theirReviews, theirPromises] = await Promise.all([db.reviews.bulkGet(ids), db.promises.where('caseId').anyOf(ids).toArray()]);
    const promisesOf = new Map<string, PromiseRecord[]>();
    for (const p of theirPromises) promisesOf.set(p.caseId, [...(promisesOf.get(p.caseId) ?? []), p]);
    const indexed = ids.map((id, i) => indexer.case(byId.get(id)!, theirReviews[i] ?? reviews.get(id), promisesOf.get(id) ?? [], now));
    if (indexed.length) await db.cases.bulkPut(indexed);
    return indexed;
  });
  indexer.written(written);
  return report;
}

/**
 * Adds the records the store lacks and replaces the ones the backup has newer; returns what was written.
 * `write` false: only decides (cases are written once their derived fields are known).
 */
interface KeyedTable<T> {
  bulkGet(keys: string[]): Promise<Array<T | undefined>>;
  bulkPut(items: T[]): Promise<unknown>;
}

/** Dexie's insert types allow the key to be left out; here every record carries its key. */
const keyed = <T>(table: unknown) => table as KeyedTable<T>;

async function mergeById<T, K extends string>(
  table: KeyedTable<T>,
  incoming: T[], keyOf: (r: T) => K, versionOf: (r: T) => number, report: TableReport, write = true,
): Promise<Map<K, T>> {
  const newest = new Map<K, T>();
  for (const r of incoming) {
    const prev = newest.get(keyOf(r));
    if (prev) report.skipped++;
    if (!prev || versionOf(r) > versionOf(prev)) newest.set(keyOf(r), r);
  }
  const keys = [...newest.keys()];
  const local = keys.length ? await table.bulkGet(keys) : [];
  const put: T[] = [];
  keys.forEach((k, i) => {
    const mine = local[i];
    const theirs = newest.get(k)!;
    if (!mine) report.added++;
    else if (versionOf(theirs) > versionOf(mine)) report.updated++;
    else {
      report.skipped++;
      newest.delete(k);
      return;
    }
    put.push(theirs);
  });
  if (write && put.length) await table.bulkPut(put);
  return newest;
}

/** Promises matched by case and creation time; returns the backup's promise ids as this store numbers them. */
async function mergePromises(db: ReviewDeskDB, incoming: BackupPromise[], caseIds: string[], report: TableReport, indexer: RestoreIndexer) {
  const local = caseIds.length ? await db.promises.where('caseId').anyOf(caseIds).toArray() : [];
  const byKey = new Map(local.map((p) => [promiseKey(p), p]));
  const ids = new Map<number, number>();
  const touchedCases = new Set<string>();
  for (const { id: backupId, ...p } of incoming) {
    const mine = byKey.get(promiseKey(p));
    if (mine?.id !== undefined) {
      ids.set(backupId, mine.id);
      if (closedSince(mine, p)) {
        const next = indexer.promise({ ...mine, ...p, id: mine.id });
        await db.promises.put(next);
        byKey.set(promiseKey(p), next);
        touchedCases.add(p.caseId);
        report.updated++;
      } else report.skipped++;
      continue;
    }
    const id = (await db.promises.add(indexer.promise(p))) as number;
    ids.set(backupId, id);
    byKey.set(promiseKey(p), { ...p, id });
    touchedCases.add(p.caseId);
    report.added++;
  }
  return { map: ids, touchedCases };
}

/** Events matched by what they are; a promise event points at the promise's id in this store. */
async function mergeEvents(db: ReviewDeskDB, incoming: CaseEvent[], caseIds: string[], promiseIds: { map: Map<number, number> }, report: TableReport) {
  const local = caseIds.length ? await db.events.where('caseId').anyOf(caseIds).toArray() : [];
  const seen = new Set(local.map(eventKey));
  const add: CaseEvent[] = [];
  for (const { seq: _seq, ...e } of incoming) {
    const key = eventKey(e);
    if (seen.has(key)) {
      report.skipped++;
      continue;
    }
    seen.add(key);
    // A promise the file does not hold cannot be named by its old number: here that number is another promise.
    const { promiseId: theirs, ...rest } = e;
    const promiseId = theirs !== undefined ? promiseIds.map.get(theirs) : undefined;
    add.push(promiseId !== undefined ? { ...rest, promiseId } : rest);
    report.added++;
  }
  if (add.length) await db.events.bulkAdd(add);
}

/** For callers that restore buyer notes alone (none today); kept typed with the table. */
export type { BuyerNote };

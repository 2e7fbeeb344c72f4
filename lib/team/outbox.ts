import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import type { CaseRecord, CaseEvent } from '../cases/schema';
import type { PromiseRecord } from '../cases/promises';
import type { BuyerNote } from '../cases/buyer-notes';
import type { StoredReview } from '../reviews/schema';
import type { Mutation, PromiseField, TeamEvent, TeamPromise } from './protocol';
import { buyerNoteMutation, caseMutations, eventMutation, promiseMutation, reviewMutation, undoMutation } from './mutations';

/** One queued team mutation, oldest first by `n` (a local key: the outbox is this browser's own). */
export interface OutboxEntry {
  n?: number;
  mutation: Mutation;
}

/** The pull position ('cursor'), whether writes are recorded ('recording'), the first upload done per shop. */
export interface SyncMetaEntry {
  key: string;
  value: unknown;
}

/** The tables whose writes the team hears of. */
const SHARED = new Set(['reviews', 'cases', 'events', 'promises', 'buyerNotes']);
/** Tables a transaction that writes shared ones also needs: the outbox, and promises (an event names its promise by uid). */
const ALSO_NEEDED = ['outbox', 'promises'];
/** A write transaction that includes syncMeta is the sync applying the team's changes: it is not recorded again. */
const REMOTE_MARKER = 'syncMeta';

const PROMISE_FIELDS: PromiseField[] = ['kind', 'amountFen', 'dueAt', 'fulfilledAt', 'fulfilledRef', 'note', 'cancelledAt', 'cancelReason'];
const newId = () => crypto.randomUUID();
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Records the team mutations of every local write in the outbox, in the same IndexedDB transaction as the write, so a
 * change is never stored without being queued (nor queued without being stored), whichever store made it. Also gives
 * every new event and promise its global id, solo too, so that a later first connect can upload them.
 */
export function teamOutbox(team: { recording: boolean; now: () => number }): Middleware<DBCore> {
  // Strictly increasing: the server merges fields by time, so two quick edits of one browser must not tie.
  let last = 0;
  const now = () => (last = Math.max(team.now(), last + 1));
  return {
    stack: 'dbcore',
    name: 'teamOutbox',
    create(down) {
      const remote = new WeakSet<DBCoreTransaction>();
      return {
        ...down,
        transaction(stores, mode, options) {
          const applying = mode === 'readwrite' && stores.includes(REMOTE_MARKER);
          const widen = mode === 'readwrite' && !applying && stores.some((s) => SHARED.has(s));
          const trans = down.transaction(widen ? [...new Set([...stores, ...ALSO_NEEDED])] : stores, mode, options);
          if (applying) remote.add(trans);
          return trans;
        },
        table(name) {
          const table = down.table(name);
          if (!SHARED.has(name)) return table;
          return {
            ...table,
            // No async/await here: Dexie keeps the transaction's zone only along its own promises' then-chains, and
            // the hooks below read it when the write is made.
            mutate(req) {
              const given = withIds(name, req);
              if (!team.recording || remote.has(given.trans)) return table.mutate(given);
              // A Dexie promise, though typed as any promise (DBCore's own are too).
              return mutationsOf(name, given, down, now()).then((mutations) =>
                table.mutate(given).then((result) => mutations.length
                  ? down.table('outbox').mutate({ type: 'add', trans: given.trans, values: mutations.map((mutation) => ({ mutation })) }).then(() => result)
                  : result)) as Promise<DBCoreMutateResponse>;
            },
          } satisfies DBCoreTable;
        },
      };
    },
  };
}

/** New events and promises get their global id here, whichever code wrote them. */
function withIds(table: string, req: DBCoreMutateRequest): DBCoreMutateRequest {
  if ((table !== 'events' && table !== 'promises') || (req.type !== 'add' && req.type !== 'put')) return req;
  // In place, as Dexie sets an auto-increment key: the caller's record then carries the id it was stored with.
  for (const v of req.values as Array<{ uid?: string }>) v.uid ??= newId();
  return req;
}

/** The team mutations of one write, read from what the table holds before it (through Dexie's own promises). */
function mutationsOf(table: string, req: DBCoreMutateRequest, down: DBCore, at: number): PromiseLike<Mutation[]> {
  const trans = req.trans;
  const getMany = <T>(name: string, keys: unknown[]) => down.table(name).getMany({ trans, keys }) as PromiseLike<Array<T | undefined>>;
  const none = () => Dexie.Promise.resolve([] as Mutation[]);
  if (req.type === 'deleteRange') return none();
  if (req.type === 'delete') {
    // Only a history event is ever deleted by the agent (an undo): the team marks it undone instead.
    if (table !== 'events') return none();
    return getMany<CaseEvent>('events', req.keys).then((gone) => gone.flatMap((e) => (e?.uid ? [undoMutation(e.uid, at, newId)] : [])));
  }
  const values = req.values as unknown[];
  if (!values.length) return none();
  switch (table) {
    case 'reviews':
      return Dexie.Promise.resolve((values as StoredReview[]).map((r) => reviewMutation(r, at, newId)));
    case 'cases': {
      const list = values as CaseRecord[];
      return getMany<CaseRecord>('cases', list.map((c) => c.id)).then((before) => list.flatMap((c, i) => caseMutations(before[i], c, at, newId)));
    }
    case 'buyerNotes': {
      const list = values as BuyerNote[];
      return getMany<BuyerNote>('buyerNotes', list.map((n) => n.buyerKey)).then((before) => list.flatMap((n, i) => buyerNoteMutation(before[i], n, at, newId) ?? []));
    }
    case 'promises': {
      const list = values as PromiseRecord[];
      const keys = list.map((p) => p.id).filter((id): id is number => id !== undefined);
      return getMany<PromiseRecord>('promises', keys).then((stored) => {
        const before = new Map(keys.map((k, i) => [k, stored[i]]));
        return list.flatMap((p) => {
          const old = p.id === undefined ? undefined : before.get(p.id);
          if (!old) return [promiseMutation(teamPromise(p), undefined, at, newId)];
          const fields = PROMISE_FIELDS.filter((f) => !same(old[f], p[f]));
          return fields.length ? [promiseMutation(teamPromise(p), fields, at, newId)] : [];
        });
      });
    }
    case 'events': {
      const list = values as CaseEvent[];
      const promiseIds = [...new Set(list.flatMap((e) => (e.promiseId === undefined ? [] : [e.promiseId])))];
      return getMany<CaseEvent>('events', list.map((e) => e.seq ?? -1)).then((existing) =>
        getMany<PromiseRecord>('promises', promiseIds).then((promises) => {
          const promiseUid = new Map(promiseIds.map((id, i) => [id, promises[i]?.uid]));
          // The history is append-only: an event is told once, when first written.
          return list.flatMap((e, i) => (existing[i] ? [] : [eventMutation(teamEvent(e, promiseUid), at, newId)]));
        }));
    }
    default:
      return none();
  }
}

/** A promise as the team knows it: its global id instead of the local key. */
export function teamPromise(p: PromiseRecord): TeamPromise {
  const { id: _local, uid, ...rest } = p;
  return { ...stripLocal(rest), id: uid! } as TeamPromise;
}

/** An event as the team knows it: global ids for itself and for the promise it names. */
function teamEvent(e: CaseEvent, promiseUid: Map<number, string | undefined>): TeamEvent {
  const { seq: _seq, uid, promiseId, ...rest } = e;
  const promise = promiseId === undefined ? undefined : promiseUid.get(promiseId);
  return { ...rest, id: uid!, ...(promise ? { promiseId: promise } : {}) } as TeamEvent;
}

/** Fields the browser derives for its own indexes (openDue) are not the team's. */
function stripLocal<T extends object>(p: T): T {
  const { openDue: _openDue, ...rest } = p as T & { openDue?: unknown };
  return rest as T;
}

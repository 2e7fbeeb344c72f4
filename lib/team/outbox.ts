import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
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
            async mutate(req) {
              const given = withIds(name, req);
              if (!team.recording || remote.has(given.trans)) return table.mutate(given);
              const mutations = await mutationsOf(name, given, down, now());
              const result = await table.mutate(given);
              if (mutations.length) {
                await down.table('outbox').mutate({ type: 'add', trans: given.trans, values: mutations.map((mutation) => ({ mutation })) });
              }
              return result;
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

async function mutationsOf(table: string, req: DBCoreMutateRequest, down: DBCore, at: number): Promise<Mutation[]> {
  const trans = req.trans;
  if (req.type === 'deleteRange') return [];
  if (req.type === 'delete') {
    // Only a history event is ever deleted by the agent (an undo): the team marks it undone instead.
    if (table !== 'events') return [];
    const gone = (await down.table('events').getMany({ trans, keys: req.keys })) as Array<CaseEvent | undefined>;
    return gone.flatMap((e) => (e?.uid ? [undoMutation(e.uid, at, newId)] : []));
  }
  const values = req.values as unknown[];
  if (!values.length) return [];
  switch (table) {
    case 'reviews':
      return (values as StoredReview[]).map((r) => reviewMutation(r, at, newId));
    case 'cases': {
      const before = (await down.table('cases').getMany({ trans, keys: (values as CaseRecord[]).map((c) => c.id) })) as Array<CaseRecord | undefined>;
      return (values as CaseRecord[]).flatMap((c, i) => caseMutations(before[i], c, at, newId));
    }
    case 'buyerNotes': {
      const before = (await down.table('buyerNotes').getMany({ trans, keys: (values as BuyerNote[]).map((n) => n.buyerKey) })) as Array<BuyerNote | undefined>;
      return (values as BuyerNote[]).flatMap((n, i) => buyerNoteMutation(before[i], n, at, newId) ?? []);
    }
    case 'promises': {
      const list = values as PromiseRecord[];
      const keys = list.map((p) => p.id).filter((id): id is number => id !== undefined);
      const stored = (await down.table('promises').getMany({ trans, keys })) as Array<PromiseRecord | undefined>;
      const before = new Map(keys.map((k, i) => [k, stored[i]]));
      return list.flatMap((p) => {
        const old = p.id === undefined ? undefined : before.get(p.id);
        if (!old) return [promiseMutation(teamPromise(p), undefined, at, newId)];
        const fields = PROMISE_FIELDS.filter((f) => !same(old[f], p[f]));
        return fields.length ? [promiseMutation(teamPromise(p), fields, at, newId)] : [];
      });
    }
    case 'events': {
      const list = values as CaseEvent[];
      const existing = list.some((e) => e.seq !== undefined)
        ? ((await down.table('events').getMany({ trans, keys: list.map((e) => e.seq ?? -1) })) as Array<CaseEvent | undefined>)
        : [];
      const out: Mutation[] = [];
      for (const [i, e] of list.entries()) {
        if (existing[i]) continue; // the history is append-only: an event is told once, when written
        out.push(eventMutation(await teamEvent(e, down, trans), at, newId));
      }
      return out;
    }
    default:
      return [];
  }
}

/** A promise as the team knows it: its global id instead of the local key. */
export function teamPromise(p: PromiseRecord): TeamPromise {
  const { id: _local, uid, ...rest } = p;
  return { ...stripLocal(rest), id: uid! } as TeamPromise;
}

/** An event as the team knows it: global ids for itself and for the promise it names. */
async function teamEvent(e: CaseEvent, down: DBCore, trans: DBCoreTransaction): Promise<TeamEvent> {
  const { seq: _seq, uid, promiseId, ...rest } = e;
  const promise = promiseId === undefined ? undefined : ((await down.table('promises').get({ trans, key: promiseId })) as PromiseRecord | undefined);
  return { ...rest, id: uid!, ...(promise?.uid ? { promiseId: promise.uid } : {}) } as TeamEvent;
}

/** Fields the browser derives for its own indexes (openDue) are not the team's. */
function stripLocal<T extends object>(p: T): T {
  const { openDue: _openDue, ...rest } = p as T & { openDue?: unknown };
  return rest as T;
}

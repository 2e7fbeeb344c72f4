import type { CaseRecord } from '../cases/schema';
import type { PromiseRecord } from '../cases/promises';

/**
 * The queue's working order as one sortable key, so that IndexedDB can keep the order (see lib/cases/queue.ts
 * sortQueue, which this reproduces exactly): an overdue promise first; then cases nobody has opened, newest first;
 * then whatever falls due soonest; then the newest review. Ties fall to the case id, as in the index.
 *
 * The key depends on the clock: a promise turns overdue at its due time, and a due time that has passed stops
 * counting. So each key comes with the moment it goes stale; the store re-ranks the few cases whose moment has come
 * before it answers a query, instead of re-sorting everything.
 */
export type QueueRank = [overdue: 0 | 1, unopened: 0 | 1, first: number, second: number];

export interface RankInput {
  case: Pick<CaseRecord, 'status' | 'openedAt' | 'agreedAt' | 'createdAt' | 'reviewTime'>;
  deadlineAt: number | null;
  /** Promises not yet kept (nor cancelled). */
  openPromises: Array<Pick<PromiseRecord, 'dueAt'>>;
}

export interface Ranked {
  rank: QueueRank;
  /** The first moment at which `rank` may change; null when no clock event can change it. */
  staleAt: number | null;
}

export function rankCase(v: RankInput, now: number): Ranked {
  const overdue = v.openPromises.some((p) => p.dueAt <= now);
  const unopened = v.case.openedAt === null && v.case.status === 'new';
  const time = v.case.reviewTime ?? v.case.createdAt;
  const times = [v.deadlineAt, v.case.agreedAt, ...v.openPromises.map((p) => p.dueAt)].filter((t): t is number => t !== null);
  const future = times.filter((t) => t >= now);
  const due = future.length ? Math.min(...future) : Number.POSITIVE_INFINITY;
  // A due time stops counting just after it passes (t >= now); a promise turns overdue at its due time (dueAt <= now).
  const changes = [...future.map((t) => t + 1), ...v.openPromises.map((p) => p.dueAt).filter((t) => t > now)];
  return {
    rank: [overdue ? 0 : 1, unopened ? 0 : 1, unopened ? -time : due, unopened ? 0 : -time],
    staleAt: changes.length ? Math.min(...changes) : null,
  };
}

/** Compares two ranks as IndexedDB compares array keys (element by element). */
export function compareRanks(a: QueueRank, b: QueueRank): number {
  for (let i = 0; i < 4; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0 && !Number.isNaN(d)) return d < 0 ? -1 : 1;
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1; // Infinity - Infinity is NaN
  }
  return 0;
}

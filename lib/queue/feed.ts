import type { IndexedCase } from './fields';

/**
 * Every write of cases is announced here once its transaction has committed, with the cases as stored, so that
 * what is kept in memory about them (the queue reader's filter facets) never needs a full reload. Keyed by database
 * name: two handles on the same database in one process share one feed. A writer that bypasses CaseStore and
 * WorkflowStore must call `announceCases` too.
 */
type Listener = (cases: IndexedCase[], deletedIds: string[]) => void;
const listeners = new Map<string, Set<Listener>>();

export function onCasesWritten(dbName: string, listener: Listener): () => void {
  const set = listeners.get(dbName) ?? new Set<Listener>();
  listeners.set(dbName, set);
  set.add(listener);
  return () => set.delete(listener);
}

export function announceCases(dbName: string, cases: IndexedCase[], deletedIds: string[] = []): void {
  if (!cases.length && !deletedIds.length) return;
  for (const l of listeners.get(dbName) ?? []) l(cases, deletedIds);
}

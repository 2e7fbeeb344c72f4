import type { Queryable } from '../db/types';
import { readChanges, type ChangePage } from './read';
import type { ChangeSignal } from './signal';

/** How often a held pull looks at the database again: changes made through other server processes show within this. */
export const POLL_MS = 250;

/**
 * A held pull: answers as soon as there is a change after the cursor, or with nothing once `waitSeconds` have
 * passed (or the client went away).
 */
export async function waitForChanges(
  db: Queryable, signal: ChangeSignal, shopId: string, since: string, limit: number, waitSeconds: number, abort?: AbortSignal,
): Promise<ChangePage> {
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    const page = await readChanges(db, shopId, since, limit);
    const left = deadline - Date.now();
    if (page.changes.length || left <= 0 || abort?.aborted) return page;
    await signal.wait(shopId, Math.min(POLL_MS, left), abort);
  }
}

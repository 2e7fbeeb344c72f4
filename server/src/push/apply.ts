import type { Database } from '../db/types';
import type { Actor } from '../auth/sessions';
import type { Mutation, MutationKind, PushResult } from '../../../lib/team/protocol';
import type { Handler, MutationContext, Outcome } from './context';
import { lockShop } from './lock';
import { observeReview } from './kinds/reviews';
import { claimCase, createCase, setCase } from './kinds/cases';
import { appendEvent, setEvent } from './kinds/events';
import { putPromise } from './kinds/promises';
import { setBuyerNote } from './kinds/buyer-notes';
import { setSettings } from './kinds/settings';

/** How far past the server's clock a client's time may reach (clocks drift; a far-future one would win every field). */
export const MAX_CLOCK_LEAD_MS = 10 * 60_000;

const HANDLERS: { [K in MutationKind]: Handler<K> } = {
  'review.observe': observeReview,
  'case.create': createCase,
  'case.set': setCase,
  'case.claim': claimCase,
  'event.append': appendEvent,
  'event.set': setEvent,
  'promise.put': putPromise,
  'buyerNote.set': setBuyerNote,
  'settings.set': setSettings,
};

// The map pairs each kind with its handler; TypeScript cannot follow that pairing through a union, hence the cast.
const run = (ctx: MutationContext, m: Mutation): Promise<Outcome> =>
  (HANDLERS[m.kind] as Handler<MutationKind>)(ctx, m.payload as never);

/**
 * Applies one mutation once, in its own transaction: recorded first in the audit table under its id (a replay
 * finds the id and answers 'duplicate', changing nothing), then applied for the signed-in account.
 */
async function applyOne(db: Database, actor: Actor, m: Mutation, now: number): Promise<{ result: PushResult; changed: boolean }> {
  return db.transaction(async (tx) => {
    await lockShop(tx, actor.shopId);
    const fresh = await tx.query(
      `insert into mutations (shop_id, id, account_id, account_name, kind, at, received_at, payload, status)
       values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, 'applied') on conflict do nothing returning 1`,
      [actor.shopId, m.id, actor.accountId, actor.name, m.kind, m.at, now, JSON.stringify(m.payload)],
    );
    if (!fresh.length) return { result: { id: m.id, status: 'duplicate' }, changed: false };
    const clampTime = (t: number) => Math.min(t, now + MAX_CLOCK_LEAD_MS);
    const at = clampTime(m.at);
    const outcome = await run({ tx, actor, mutationId: m.id, at, now, stamp: [at, m.id], clampTime }, m);
    if (outcome.status !== 'applied') {
      await tx.query('update mutations set status = $3, error = $4 where shop_id = $1 and id = $2', [actor.shopId, m.id, outcome.status, outcome.error ?? null]);
    }
    const result: PushResult = { id: m.id, status: outcome.status };
    if (outcome.error !== undefined) result.error = outcome.error;
    if (outcome.holder !== undefined) result.holder = outcome.holder;
    return { result, changed: outcome.changed };
  });
}

/** Applies a push in order; `onChange` runs after each mutation that changed shared rows (to wake held pulls). */
export async function applyPush(db: Database, actor: Actor, mutations: Mutation[], now: number, onChange: () => void): Promise<PushResult[]> {
  const results: PushResult[] = [];
  for (const m of mutations) {
    const one = await applyOne(db, actor, m, now);
    results.push(one.result);
    if (one.changed) onChange();
  }
  return results;
}

import type { Queryable } from '../db/types';

/**
 * Every write to a shop's shared rows holds this lock until its transaction ends. Change numbers are taken
 * inside it, so within a shop they are handed out in commit order: a pull that has seen number N can never
 * later meet a smaller number committed late. This is what lets several server processes share one database.
 */
export async function lockShop(tx: Queryable, shopId: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtext('reviewdesk-shop:' || $1))`, [shopId]);
}

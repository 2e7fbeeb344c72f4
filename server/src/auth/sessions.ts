import type { Queryable } from '../db/types';
import type { Role } from '../../../lib/team/protocol';
import { newToken, tokenHash } from './tokens';

export const SESSION_DAYS = 90;

/** Who is asking: the signed-in account and its shop. Every query of shared data is scoped by shopId. */
export interface Actor {
  accountId: string;
  name: string;
  role: Role;
  shopId: string;
}

export async function createSession(db: Queryable, actor: Actor, now: number): Promise<string> {
  const token = newToken();
  await db.query(
    'insert into sessions (token_hash, shop_id, account_id, created_at, expires_at) values ($1, $2, $3, $4, $5)',
    [tokenHash(token), actor.shopId, actor.accountId, now, now + SESSION_DAYS * 86_400_000],
  );
  return token;
}

/** Looked up on every request (never cached), so a revoked session or account is refused at once. */
export async function actorOfToken(db: Queryable, token: string, now: number): Promise<Actor | undefined> {
  const rows = await db.query<{ account_id: string; name: string; role: Role; shop_id: string }>(
    `select a.id as account_id, a.name, a.role, a.shop_id
       from sessions s join accounts a on a.id = s.account_id
      where s.token_hash = $1 and s.revoked_at is null and s.expires_at > $2 and a.revoked_at is null`,
    [tokenHash(token), now],
  );
  const row = rows[0];
  return row && { accountId: row.account_id, name: row.name, role: row.role, shopId: row.shop_id };
}

export async function endSession(db: Queryable, token: string, now: number): Promise<void> {
  await db.query('update sessions set revoked_at = $2 where token_hash = $1 and revoked_at is null', [tokenHash(token), now]);
}

export async function endSessionsOf(db: Queryable, accountId: string, now: number): Promise<void> {
  await db.query('update sessions set revoked_at = $2 where account_id = $1 and revoked_at is null', [accountId, now]);
}

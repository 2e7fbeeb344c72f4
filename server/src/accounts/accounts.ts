import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/types';
import type { AccountSummary, CreateAccountRequest, Role } from '../../../lib/team/protocol';
import { hashPassword } from '../auth/passwords';
import { endSessionsOf, type Actor } from '../auth/sessions';
import { bilingual, HttpError } from '../http/errors';

/** The shop of that name with that lead, each made if missing. An existing lead keeps the password it has. */
export async function ensureShopWithLead(db: Database, shopName: string, lead: { name: string; password: string }, now: number): Promise<{ shopId: string; created: boolean }> {
  const passwordHash = await hashPassword(lead.password);
  return db.transaction(async (tx) => {
    await tx.query('insert into shops (id, name, created_at) values ($1, $2, $3) on conflict (name) do nothing', [randomUUID(), shopName, now]);
    const [shop] = await tx.query<{ id: string }>('select id from shops where name = $1', [shopName]);
    const inserted = await tx.query(
      `insert into accounts (id, shop_id, name, role, password_hash, created_at) values ($1, $2, $3, 'lead', $4, $5)
       on conflict (shop_id, name) do nothing returning id`,
      [randomUUID(), shop!.id, lead.name, passwordHash, now],
    );
    return { shopId: shop!.id, created: inserted.length > 0 };
  });
}

export async function createAccount(db: Database, actor: Actor, req: CreateAccountRequest, now: number): Promise<AccountSummary> {
  const passwordHash = await hashPassword(req.password);
  const inserted = await db.query(
    `insert into accounts (id, shop_id, name, role, password_hash, created_at) values ($1, $2, $3, $4, $5, $6)
     on conflict (shop_id, name) do nothing returning id`,
    [randomUUID(), actor.shopId, req.name, req.role, passwordHash, now],
  );
  if (!inserted.length) throw new HttpError(409, bilingual(`账号 ${req.name} 已存在`, `The account ${req.name} already exists`));
  return { name: req.name, role: req.role, active: true, createdAt: now };
}

/** Disables the account and ends its sessions in one transaction: its token is refused from the next request on. */
export async function revokeAccount(db: Database, actor: Actor, name: string, now: number): Promise<void> {
  if (name === actor.name) throw new HttpError(400, bilingual('不能停用自己的账号', 'You cannot disable your own account'));
  await db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string }>('update accounts set revoked_at = coalesce(revoked_at, $3) where shop_id = $1 and name = $2 returning id', [actor.shopId, name, now]);
    const account = rows[0];
    if (!account) throw new HttpError(404, bilingual(`没有账号 ${name}`, `No account named ${name}`));
    await endSessionsOf(tx, account.id, now);
  });
}

export async function listAccounts(db: Queryable, shopId: string): Promise<AccountSummary[]> {
  const rows = await db.query<{ name: string; role: Role; revoked_at: number | null; created_at: number }>(
    `select name, role, revoked_at, created_at from accounts where shop_id = $1 order by role = 'lead' desc, created_at, name`, [shopId],
  );
  return rows.map((r) => ({ name: r.name, role: r.role, active: r.revoked_at === null, createdAt: Number(r.created_at) }));
}

export async function isActiveAccount(db: Queryable, shopId: string, name: string): Promise<boolean> {
  const rows = await db.query('select 1 from accounts where shop_id = $1 and name = $2 and revoked_at is null', [shopId, name]);
  return rows.length > 0;
}

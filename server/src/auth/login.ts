import type { Database } from '../db/types';
import type { LoginRequest, LoginResponse, Role } from '../../../lib/team/protocol';
import { bilingual, HttpError } from '../http/errors';
import { spendVerifyTime, verifyPassword } from './passwords';
import { createSession } from './sessions';

export const LOGIN_WINDOW_MS = 10 * 60_000;
export const LOGIN_MAX_FAILURES = 5;

const wrongPassword = () => new HttpError(401, bilingual('账号或密码错误', 'Wrong account name or password'));

interface AccountRow { id: string; name: string; role: Role; password_hash: string; revoked_at: number | null; shop_id: string; shop_name: string }

async function findAccount(db: Database, req: LoginRequest): Promise<AccountRow | undefined> {
  const rows = await db.query<AccountRow>(
    `select a.id, a.name, a.role, a.password_hash, a.revoked_at, a.shop_id, s.name as shop_name
       from accounts a join shops s on s.id = a.shop_id
      where a.name = $1 and ($2::text is null or s.id = $2 or s.name = $2)`,
    [req.user, req.shop ?? null],
  );
  if (rows.length > 1) {
    throw new HttpError(400, bilingual('此服务器上有多个同名账号，请同时填写店铺', 'Several shops have this account name: give the shop too'));
  }
  return rows[0];
}

/** Seconds until the account may try again, when it has had too many wrong passwords in the window. */
async function lockedForSeconds(db: Database, accountId: string, now: number): Promise<number> {
  const recent = await db.query<{ at: number }>(
    'select at from login_failures where account_id = $1 and at > $2 order by at desc limit $3',
    [accountId, now - LOGIN_WINDOW_MS, LOGIN_MAX_FAILURES],
  );
  if (recent.length < LOGIN_MAX_FAILURES) return 0;
  return Math.max(1, Math.ceil((Number(recent[LOGIN_MAX_FAILURES - 1]!.at) + LOGIN_WINDOW_MS - now) / 1000));
}

/**
 * Signs in. Wrong passwords are counted per account in the database (so every server process agrees): after
 * 5 in 10 minutes the account is refused with 429, even with the right password, until the oldest one ages out.
 * The failure row is the one write a 4xx makes: it is what the limit is made of.
 */
export async function login(db: Database, req: LoginRequest, now: number): Promise<LoginResponse> {
  const account = await findAccount(db, req);
  if (!account) {
    await spendVerifyTime(req.password);
    throw wrongPassword();
  }
  const wait = await lockedForSeconds(db, account.id, now);
  if (wait > 0) {
    throw new HttpError(429, bilingual(`密码错误次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试`, `Too many wrong passwords: try again in ${wait} s`), { retryAfterSeconds: wait });
  }
  if (!(await verifyPassword(account.password_hash, req.password))) {
    await db.query('insert into login_failures (shop_id, account_id, at) values ($1, $2, $3)', [account.shop_id, account.id, now]);
    throw wrongPassword();
  }
  if (account.revoked_at !== null) throw new HttpError(401, bilingual('此账号已停用', 'This account has been disabled'));
  await db.query('delete from login_failures where account_id = $1', [account.id]);
  const token = await createSession(db, { accountId: account.id, name: account.name, role: account.role, shopId: account.shop_id }, now);
  return { token, account: { name: account.name, role: account.role }, shop: { id: account.shop_id, name: account.shop_name } };
}

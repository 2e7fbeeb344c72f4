import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { AccountName, CreateAccountRequest } from '../../../lib/team/protocol';
import { createAccount, listAccounts, revokeAccount } from '../accounts/accounts';
import { actorOf, requireSession, type AuthEnv } from '../auth/middleware';
import { readJson, validate } from '../http/body';
import { leadOnly } from '../http/errors';

export function accountRoutes(deps: AppDeps) {
  return new Hono<AuthEnv>()
    .use('*', requireSession(deps.db, deps.now))
    .get('/', async (c) => c.json({ accounts: await listAccounts(deps.db, actorOf(c).shopId) }))
    .post('/', async (c) => {
      const actor = actorOf(c);
      if (actor.role !== 'lead') throw leadOnly();
      const account = await createAccount(deps.db, actor, await readJson(c, CreateAccountRequest), deps.now());
      return c.json({ account }, 201);
    })
    .post('/:name/revoke', async (c) => {
      const actor = actorOf(c);
      if (actor.role !== 'lead') throw leadOnly();
      await revokeAccount(deps.db, actor, validate(AccountName, c.req.param('name'), '账号名'), deps.now());
      return c.json({ ok: true });
    });
}

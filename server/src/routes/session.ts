import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { LoginRequest } from '../../../lib/team/protocol';
import { login } from '../auth/login';
import { endSession } from '../auth/sessions';
import { requireSession, type AuthEnv } from '../auth/middleware';
import { readJson } from '../http/body';

export function sessionRoutes(deps: AppDeps) {
  return new Hono<AuthEnv>()
    .post('/login', async (c) => c.json(await login(deps.db, await readJson(c, LoginRequest), deps.now())))
    .post('/logout', requireSession(deps.db, deps.now), async (c) => {
      await endSession(deps.db, c.get('token'), deps.now());
      return c.json({ ok: true });
    });
}

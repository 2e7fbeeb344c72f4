import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { ChangesQuery, PushRequest, type ChangesResponse, type PushResponse } from '../../../lib/team/protocol';
import { actorOf, requireSession, type AuthEnv } from '../auth/middleware';
import { readJson, validate } from '../http/body';
import { applyPush } from '../push/apply';
import { waitForChanges } from '../changes/wait';

export function syncRoutes(deps: AppDeps) {
  const signedIn = requireSession(deps.db, deps.now);
  return new Hono<AuthEnv>()
    .post('/push', signedIn, async (c) => {
      const actor = actorOf(c);
      const { mutations } = await readJson(c, PushRequest);
      const results = await applyPush(deps.db, actor, mutations, deps.now(), () => deps.signal.notify(actor.shopId));
      const body: PushResponse = { results };
      return c.json(body);
    })
    .get('/changes', signedIn, async (c) => {
      const actor = actorOf(c);
      const q = validate(ChangesQuery, c.req.query(), '查询参数');
      const page = await waitForChanges(deps.db, deps.signal, actor.shopId, q.since, q.limit, q.wait, c.req.raw.signal);
      const body: ChangesResponse = page;
      return c.json(body);
    });
}

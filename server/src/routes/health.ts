import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import type { HealthResponse } from '../../../lib/team/protocol';

export function healthRoutes(deps: AppDeps) {
  return new Hono().get('/health', async (c) => {
    await deps.db.query('select 1');
    const body: HealthResponse = { ok: true, version: deps.version, database: deps.db.kind };
    return c.json(body);
  });
}

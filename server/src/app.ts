import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from './deps';
import { MAX_BODY_BYTES } from '../../lib/team/protocol';
import { cors } from './http/cors';
import { requestLog } from './http/log';
import { bilingual, HttpError } from './http/errors';
import { healthRoutes } from './routes/health';
import { sessionRoutes } from './routes/session';
import { accountRoutes } from './routes/accounts';
import { syncRoutes } from './routes/sync';

/** The HTTP app: middleware in order (log, CORS, size cap), then one small router per concern. */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  app.use('*', requestLog(deps.log));
  app.use('*', cors(deps.extensionId));
  app.use('*', bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json({ error: bilingual('请求内容超过 5 MB', 'The request body is larger than 5 MB') }, 413),
  }));
  app.route('/api', healthRoutes(deps));
  app.route('/api', sessionRoutes(deps));
  app.route('/api/accounts', accountRoutes(deps));
  app.route('/api', syncRoutes(deps));
  app.notFound((c) => c.json({ error: bilingual('没有这个接口', 'No such endpoint') }, 404));
  app.onError((err, c) => {
    if (err instanceof HttpError) {
      if (err.extra.retryAfterSeconds) c.header('Retry-After', String(err.extra.retryAfterSeconds));
      return c.json({ error: err.message, ...err.extra }, err.status);
    }
    // Only the error's name and message: never the request (it may hold review text or a phone number).
    deps.log(`error ${c.req.method} ${c.req.path}: ${err.name}: ${err.message}`);
    return c.json({ error: bilingual('服务器内部错误', 'Internal server error') }, 500);
  });
  return app;
}

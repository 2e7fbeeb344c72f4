import type { MiddlewareHandler } from 'hono';
import { bilingual } from './errors';

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/([a-zA-Z0-9-]{1,64})$/;

/** True for the extension's own pages: any extension id, or only the pinned one. */
export function isAllowedOrigin(origin: string, pinnedId?: string): boolean {
  const m = EXTENSION_ORIGIN.exec(origin);
  return !!m && (!pinnedId || m[2] === pinnedId);
}

/**
 * CORS for the extension only. No cookies are used (tokens travel in Authorization), so credentials are never
 * allowed. A request from any other web origin is refused outright: a page cannot even try a password.
 * Requests without an Origin (the team CLI, curl, health checks) pass.
 */
export function cors(pinnedId?: string): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined) return next();
    if (!isAllowedOrigin(origin, pinnedId)) {
      return c.json({ error: bilingual('此来源不允许访问团队服务器', 'This origin may not use the team server') }, 403);
    }
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Vary', 'Origin');
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      c.header('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    return next();
  };
}

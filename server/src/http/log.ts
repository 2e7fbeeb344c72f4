import type { MiddlewareHandler } from 'hono';

export type Logger = (line: string) => void;

/**
 * One line per request: method, path, status, duration. Never the query, headers or body: those can hold a
 * token, review text or a phone number.
 */
export function requestLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
  };
}

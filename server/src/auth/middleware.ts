import type { Context, MiddlewareHandler } from 'hono';
import type { Database } from '../db/types';
import { unauthorized } from '../http/errors';
import { actorOfToken, type Actor } from './sessions';
import { bearerToken } from './tokens';

export type AuthEnv = { Variables: { actor: Actor; token: string } };

/** Every /api route but login and health needs a live session of an active account. */
export function requireSession(db: Database, now: () => number): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    const actor = token && (await actorOfToken(db, token, now()));
    if (!token || !actor) throw unauthorized();
    c.set('actor', actor);
    c.set('token', token);
    await next();
  };
}

export const actorOf = (c: Context<AuthEnv>) => c.get('actor');

import type * as z from 'zod/mini';
import {
  ChangesResponse, ErrorResponse, HealthResponse, LoginResponse, PushResponse,
  type Change, type Mutation, type PushResult,
} from './protocol';

/**
 * Why a call to the team server failed, as the sync state shows it: offline (no answer: keep working, retry later),
 * signed-out (the session was revoked or expired: sign in again), refused (the server said no, with its reason),
 * server (it failed itself), bad-reply (an answer that is not what the protocol says: nothing of it is used).
 */
export type TeamFailure = 'offline' | 'signed-out' | 'refused' | 'server' | 'bad-reply';

export class TeamError extends Error {
  constructor(readonly kind: TeamFailure, message: string, readonly retryAfterSeconds?: number) {
    super(message);
    this.name = 'TeamError';
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The HTTP calls of the sync protocol; every answer is checked with the same zod schemas the server uses. */
export class TeamTransport {
  constructor(
    readonly origin: string,
    private token: string | null = null,
    private readonly fetchFn: FetchLike = (input, init) => fetch(input, init),
  ) {}

  get signedIn(): boolean {
    return this.token !== null;
  }

  async login(user: string, password: string, shop?: string): Promise<LoginResponse> {
    const reply = await this.call('/api/login', LoginResponse, { method: 'POST', body: { user, password, ...(shop ? { shop } : {}) } });
    this.token = reply.token;
    return reply;
  }

  async logout(): Promise<void> {
    try {
      if (this.token) await this.call('/api/logout', null, { method: 'POST', body: {} });
    } finally {
      this.token = null;
    }
  }

  health(): Promise<HealthResponse> {
    return this.call('/api/health', HealthResponse, {});
  }

  async push(mutations: Mutation[]): Promise<PushResult[]> {
    return (await this.call('/api/push', PushResponse, { method: 'POST', body: { mutations } })).results;
  }

  /** Changes after `since`; with `wait` the server holds the request until something changes (at most 25 s). */
  changes(since: string, opts: { limit?: number; wait?: number; signal?: AbortSignal } = {}): Promise<{ changes: Change[]; cursor: string; more: boolean }> {
    const query = new URLSearchParams({ since, ...(opts.limit ? { limit: String(opts.limit) } : {}), ...(opts.wait ? { wait: String(opts.wait) } : {}) });
    return this.call(`/api/changes?${query}`, ChangesResponse, { signal: opts.signal });
  }

  private async call<S extends z.ZodMiniType | null>(
    path: string, schema: S, init: { method?: string; body?: unknown; signal?: AbortSignal },
  ): Promise<S extends z.ZodMiniType ? z.infer<S> : null> {
    let res: Response;
    try {
      res = await this.fetchFn(`${this.origin}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: init.signal,
        // The session token is the only credential: no cookies travel to (or from) the server.
        credentials: 'omit',
      });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new TeamError('offline', '连不上团队服务器 / The team server cannot be reached');
    }
    if (!res.ok) throw await failureOf(res);
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new TeamError('bad-reply', '团队服务器的回答无法读取 / The team server sent an unreadable answer');
    }
    if (schema === null) return null as never;
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new TeamError('bad-reply', '团队服务器的回答格式不对 / The team server answered in an unexpected form');
    return parsed.data as never;
  }
}

async function failureOf(res: Response): Promise<TeamError> {
  const body = ErrorResponse.safeParse(await res.json().catch(() => null));
  const message = body.success ? body.data.error : `HTTP ${res.status}`;
  if (res.status === 401) return new TeamError('signed-out', message);
  if (res.status === 429) return new TeamError('refused', message, body.success ? body.data.retryAfterSeconds : undefined);
  if (res.status >= 500) return new TeamError('server', message);
  return new TeamError('refused', message);
}

import { AccountList, LoginResponse, ErrorResponse } from '../../../lib/team/protocol';

/** Failure the CLI reports in one line and exits 2 on. */
export class CliError extends Error {}

/** A signed-in session on a running team server, over HTTP (the CLI never opens the database itself). */
export class TeamClient {
  private constructor(private readonly base: string, private readonly token: string) {}

  static async login(server: string, name: string, password: string): Promise<TeamClient> {
    const base = server.replace(/\/+$/, '');
    const body = LoginResponse.parse(await call(base, '/api/login', { method: 'POST', body: { user: name, password } }));
    if (body.account.role !== 'lead') throw new CliError(`${name} 不是组长账号 / ${name} is not a lead account`);
    return new TeamClient(base, body.token);
  }

  request(path: string, init: { method?: string; body?: unknown } = {}) {
    return call(this.base, path, { ...init, token: this.token });
  }

  async list() {
    return AccountList.parse(await this.request('/api/accounts')).accounts;
  }

  async logout() {
    await this.request('/api/logout', { method: 'POST' });
  }
}

async function call(base: string, path: string, init: { method?: string; body?: unknown; token?: string }): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(base + path, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  } catch (err) {
    throw new CliError(`连不上团队服务器 / cannot reach the team server at ${base}: ${(err as Error).cause ?? (err as Error).message}`);
  }
  const json: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const parsed = ErrorResponse.safeParse(json);
    throw new CliError(parsed.success ? parsed.data.error : `HTTP ${res.status}`);
  }
  return json;
}

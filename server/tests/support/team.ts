import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { createApp } from '../../src/app';
import { ChangeSignal } from '../../src/changes/signal';
import { ensureShopWithLead } from '../../src/accounts/accounts';
import type { Database } from '../../src/db/types';
import { ChangesResponse, LoginResponse, PushResponse, type Mutation, type Role } from '../../../lib/team/protocol';

export const PASSWORD = 'secret-pw';

/** One server process's app on a database, with its own clock, change signal and captured log lines. */
export function makeApp(db: Database, opts: { extensionId?: string; now?: number } = {}) {
  const clock = { now: opts.now ?? Date.UTC(2026, 11, 1, 2, 0) };
  const logs: string[] = [];
  const signal = new ChangeSignal();
  const app = createApp({ db, version: 'test', signal, now: () => clock.now, log: (l) => logs.push(l), extensionId: opts.extensionId });
  const request = (path: string, init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {}) =>
    app.request(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    });
  return { app, clock, logs, signal, request, db };
}
export type TestApp = ReturnType<typeof makeApp>;

/** A signed-in account talking to one app instance. */
export class Session {
  constructor(readonly server: TestApp, readonly token: string, readonly name: string, readonly role: Role, readonly shopId: string) {}

  static async login(server: TestApp, name: string, password = PASSWORD, shop?: string): Promise<Session> {
    const res = await server.request('/api/login', { body: { user: name, password, ...(shop ? { shop } : {}) } });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = LoginResponse.parse(await res.json());
    return new Session(server, body.token, body.account.name, body.account.role, body.shop.id);
  }

  /** The same account signed in through another app instance (another server process on the same database). */
  via(server: TestApp): Session {
    return new Session(server, this.token, this.name, this.role, this.shopId);
  }

  async push(...mutations: Mutation[]) {
    const res = await this.server.request('/api/push', { body: { mutations }, token: this.token });
    expect(res.status, await res.clone().text()).toBe(200);
    return PushResponse.parse(await res.json()).results;
  }

  async changes(since = '0', query = '') {
    const res = await this.server.request(`/api/changes?since=${since}${query}`, { token: this.token });
    expect(res.status, await res.clone().text()).toBe(200);
    return ChangesResponse.parse(await res.json());
  }

  /** Every change from the start, page by page. */
  async pullAll(limit = 1000) {
    const all = [];
    let since = '0';
    for (;;) {
      const page = await this.changes(since, `&limit=${limit}`);
      all.push(...page.changes);
      since = page.cursor;
      if (!page.more) return { changes: all, cursor: since };
    }
  }

  async addAccount(name: string, role: Role = 'agent'): Promise<Session> {
    const res = await this.server.request('/api/accounts', { body: { name, password: PASSWORD, role }, token: this.token });
    expect(res.status, await res.clone().text()).toBe(201);
    return Session.login(this.server, name, PASSWORD, this.shopId);
  }
}

/** A new shop with its lead signed in; every test makes its own, so tests never see each other's data. */
export async function newShop(server: TestApp, leadName = '组长'): Promise<Session> {
  const shopName = `shop-${randomUUID()}`;
  const { shopId } = await ensureShopWithLead(server.db, shopName, { name: leadName, password: PASSWORD }, server.clock.now);
  return Session.login(server, leadName, PASSWORD, shopId);
}

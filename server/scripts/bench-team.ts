/**
 * npm run bench:team [-- --seconds 15 --agents 20 --cases 70000]
 * 20 simulated agents push and pull (held waits) against one team server on 127.0.0.1: mutations per second and
 * the delay from one agent's push to another agent's pull seeing it; then the first full pull of a new agent in a
 * shop with 70,000 cases (+ their reviews and 3 events each). PGlite in a temporary directory, or the PostgreSQL
 * of DATABASE_URL. Every loop is bounded in time and count; only 127.0.0.1 is contacted.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFlags } from '../src/args';
import { startTeamServer } from '../src/start';
import { ensureShopWithLead } from '../src/accounts/accounts';
import { seedShop } from './bench-seed';
import { ChangesResponse, LoginResponse, PushResponse, type Mutation } from '../../lib/team/protocol';

const { flags } = parseFlags(process.argv.slice(2));
const SECONDS = Math.min(Number(flags.get('seconds') ?? 15), 120);
const AGENTS = Math.min(Number(flags.get('agents') ?? 20), 50);
const CASES = Math.min(Number(flags.get('cases') ?? 70_000), 200_000);
const PASSWORD = 'bench-password';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'reviewdesk-bench-'));
  const server = await startTeamServer({
    port: 0, host: '127.0.0.1', dataDir, databaseUrl: process.env.DATABASE_URL || undefined,
    shopName: `bench-${randomUUID()}`, lead: { name: '组长', password: PASSWORD }, log: () => undefined,
  });
  const url = server.url;
  const call = async (path: string, token: string | undefined, body?: unknown) => {
    const res = await fetch(url + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
    return res;
  };
  const login = async (user: string, shop: string) => LoginResponse.parse(await (await call('/api/login', undefined, { user, password: PASSWORD, shop })).json()).token;
  try {
    console.log(`team server ${url} on ${server.db.kind}; ${AGENTS} agents for ${SECONDS} s`);
    const [shop] = await server.db.query<{ id: string }>(`select id from shops where name like 'bench-%' order by created_at desc limit 1`);
    const leadToken = await login('组长', shop!.id);
    const names = Array.from({ length: AGENTS }, (_, i) => `客服${i + 1}`);
    for (const name of names) await call('/api/accounts', leadToken, { name, password: PASSWORD, role: 'agent' });
    const tokens = await Promise.all(names.map((n) => login(n, shop!.id)));

    // ---- live: each agent pushes small batches (a case, a claim, an attempt) and holds a pull open.
    const sentAt = new Map<string, { at: number; by: number }>();
    const delays: number[] = [];
    let applied = 0;
    let pushes = 0;
    const stopAt = Date.now() + SECONDS * 1000;
    const MAX_PUSHES_PER_AGENT = 2000;
    const pusher = async (i: number) => {
      for (let n = 0; n < MAX_PUSHES_PER_AGENT && Date.now() < stopAt; n++) {
        const caseId = `tmall:B${i}-${n}`;
        const eventId = randomUUID();
        const at = Date.now();
        const batch: Mutation[] = [
          { id: randomUUID(), at, kind: 'case.create', payload: { case: {
            id: caseId, platform: 'tmall', platformReviewId: `B${i}-${n}`, sentiment: 'negative', status: 'new', createdAt: at, updatedAt: at,
            statusChangedAt: at, openedAt: null, reviewTime: at, causes: [], causesBy: 'auto', assignee: null, agreedAt: null, buyerKey: `bb${i}-${n}` } } },
          { id: randomUUID(), at, kind: 'case.claim', payload: { caseId, from: null, to: names[i]! } },
          { id: randomUUID(), at, kind: 'event.append', payload: { event: { id: eventId, caseId, at, kind: 'attempt', by: names[i]!, channel: 'phone', outcome: 'no_answer' } } },
          { id: randomUUID(), at, kind: 'case.set', payload: { caseId, fields: { status: 'contacting', statusChangedAt: at } } },
        ];
        sentAt.set(eventId, { at: performance.now(), by: i });
        const results = PushResponse.parse(await (await call('/api/push', tokens[i], { mutations: batch })).json()).results;
        applied += results.filter((r) => r.status === 'applied').length;
        pushes++;
        await new Promise((r) => setTimeout(r, 200 + Math.random() * 300)); // an agent's pace, not a flood
      }
    };
    const puller = async (i: number) => {
      let since = '0';
      while (Date.now() < stopAt + 3000) {
        const page = ChangesResponse.parse(await (await call(`/api/changes?since=${since}&limit=1000&wait=3`, tokens[i])).json());
        const seenAt = performance.now();
        for (const c of page.changes) {
          const sent = c.entity === 'event' ? sentAt.get(c.event.id) : undefined;
          if (sent && sent.by !== i) delays.push(seenAt - sent.at);
        }
        since = page.cursor;
      }
    };
    const started = performance.now();
    await Promise.all([...names.map((_, i) => pusher(i)), ...names.map((_, i) => puller(i))]);
    const pushSeconds = Math.min((performance.now() - started) / 1000, SECONDS);
    console.log(`live: ${pushes} pushes, ${applied} mutations applied, ${(applied / pushSeconds).toFixed(0)} mutations/s`);
    console.log(`live: push → another agent's pull: p50 ${pct(delays, 50).toFixed(0)} ms, p95 ${pct(delays, 95).toFixed(0)} ms, max ${Math.max(...delays).toFixed(0)} ms (${delays.length} observations)`);

    // ---- first full pull of a new agent in a shop with a year of cases.
    const big = await ensureShopWithLead(server.db, `bench-big-${randomUUID()}`, { name: '新客服', password: PASSWORD }, Date.now());
    const seedStart = performance.now();
    const rows = await seedShop(server.db, big.shopId, CASES);
    console.log(`seeded ${CASES} cases (${rows} rows) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    const newToken = await login('新客服', big.shopId);
    const pullStart = performance.now();
    let since = '0';
    let count = 0;
    let bytes = 0;
    let pages = 0;
    for (let page = 0; page < 1000; page++) {
      const text = await (await call(`/api/changes?since=${since}&limit=5000`, newToken)).text();
      bytes += text.length;
      const body = ChangesResponse.parse(JSON.parse(text));
      count += body.changes.length;
      since = body.cursor;
      pages++;
      if (!body.more) break;
    }
    const pullSeconds = (performance.now() - pullStart) / 1000;
    console.log(`first full pull: ${count} changes in ${pages} pages, ${(bytes / 1e6).toFixed(0)} MB, ${pullSeconds.toFixed(1)} s`);
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  console.error(`bench failed: ${err.stack ?? err.message}`);
  process.exit(1);
});

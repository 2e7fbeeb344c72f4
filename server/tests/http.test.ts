import { expect, it } from 'vitest';
import { describeEachDatabase } from './support/databases';
import { makeApp, newShop } from './support/team';
import { jsonOf } from './support/json';
import { caseOf, mutation } from './support/records';
import { MAX_MUTATIONS_PER_PUSH } from '../../lib/team/protocol';

const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

describeEachDatabase('HTTP boundary', (get) => {
  it('answers CORS for extension origins only, preflight included, never with credentials', async () => {
    const server = makeApp(get().db);
    const preflight = await server.request('/api/push', {
      method: 'OPTIONS', headers: { origin: EXT, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(EXT);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const health = await server.request('/api/health', { headers: { origin: 'moz-extension://1b2c3d4e-0000-4000-8000-000000000000' } });
    expect(health.status).toBe(200);
    expect(health.headers.get('access-control-allow-origin')).toBe('moz-extension://1b2c3d4e-0000-4000-8000-000000000000');
    const page = await server.request('/api/login', { headers: { origin: 'https://evil.example' }, body: { user: 'a', password: 'b' } });
    expect(page.status).toBe(403);
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('pinned to one extension id, other extensions are refused', async () => {
    const server = makeApp(get().db, { extensionId: 'abcdefghijklmnopabcdefghijklmnop' });
    expect((await server.request('/api/health', { headers: { origin: EXT } })).status).toBe(200);
    const other = await server.request('/api/health', { method: 'OPTIONS', headers: { origin: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba' } });
    expect(other.status).toBe(403);
  });

  it('health tells the database kind', async () => {
    const body = await (await makeApp(get().db).request('/api/health')).json();
    expect(body).toEqual({ ok: true, version: 'test', database: get().driver });
  });

  it('bad bodies get a clear 400 and change nothing', async () => {
    const server = makeApp(get().db);
    const lead = await newShop(server);
    const push = (body: unknown) => server.request('/api/push', { token: lead.token, body });
    const notJson = await push('{"mutations": [');
    expect(notJson.status).toBe(400);
    expect((await jsonOf(notJson)).error).toMatch(/JSON.*not valid JSON/);
    const wrongStatus = await push({ mutations: [mutation('case.create', { case: caseOf(1) }), { ...mutation('case.set', { caseId: 'tmall:R1', fields: {} }), payload: { caseId: 'tmall:R1', fields: { status: 'bogus' } } }] });
    expect(wrongStatus.status).toBe(400);
    const body = await jsonOf(wrongStatus);
    expect(body.error).toMatch(/格式不对.*malformed request/);
    expect(body.issues[0].path).toBe('mutations.1.payload.fields.status');
    const tooMany = await push({ mutations: Array.from({ length: MAX_MUTATIONS_PER_PUSH + 1 }, (_, i) => mutation('case.create', { case: caseOf(i) })) });
    expect(tooMany.status).toBe(400);
    const wrongType = await server.request('/api/push', { token: lead.token, body: '{}', headers: { 'content-type': 'text/plain' } });
    expect(wrongType.status).toBe(415);
    const badQuery = await server.request('/api/changes?since=abc', { token: lead.token });
    expect(badQuery.status).toBe(400);
    // The valid first mutation of the rejected request was not applied either.
    expect((await lead.pullAll()).changes).toEqual([]);
  });

  it('a body over 5 MB gets 413 and changes nothing', async () => {
    const server = makeApp(get().db);
    const lead = await newShop(server);
    const big = { mutations: [mutation('case.create', { case: caseOf(1) })], padding: 'x'.repeat(5 * 1024 * 1024 + 10) };
    const res = await server.request('/api/push', { token: lead.token, body: big });
    expect(res.status).toBe(413);
    expect((await jsonOf(res)).error).toMatch(/5 MB/);
    expect((await lead.pullAll()).changes).toEqual([]);
  });

  it('unknown paths get a JSON 404', async () => {
    const res = await makeApp(get().db).request('/api/nothing');
    expect(res.status).toBe(404);
    expect((await jsonOf(res)).error).toMatch(/No such endpoint/);
  });
});

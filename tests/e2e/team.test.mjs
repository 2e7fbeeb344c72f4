// Issue 10 in the built extension: two agents, two browser profiles, one team server started as a shop starts it:
// embedded PGlite, and (when TEST_DATABASE_URL names one, as .ci/run does) a real PostgreSQL. What one agent logs reaches the other's panel; a case shows who holds it, and a colleague's case
// is taken over knowingly; with the server stopped both keep working and everything arrives after it restarts.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSession, expectBadgesOnCaseRows, waitForSidePanelIds } from './harness.mjs';
import { freePort, startTeamServer } from '../console-sim/team-server.mjs';

const LEAD = { name: '组长', password: 'lead-secret' };
const AGENT = { name: '小李', password: 'agent-secret' };
/** A colleague's change is pushed and pulled at once; this only bounds a wait on a busy 2-core machine. */
const ARRIVES = 45_000;

const DATABASES = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];
if (process.env.CI === 'true' && !process.env.TEST_DATABASE_URL) throw new Error('CI must run the team e2e on PostgreSQL too: TEST_DATABASE_URL is not set');

/** A new empty database on the test PostgreSQL (the test role may create databases), and how to drop it. */
function createPgDatabase() {
  const admin = process.env.TEST_DATABASE_URL;
  const name = `reviewdesk_e2e_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  execFileSync('psql', [admin, '-qc', `create database ${name}`], { stdio: 'pipe' });
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => execFileSync('psql', [admin, '-qc', `drop database if exists ${name} with (force)`], { stdio: 'pipe' }) };
}

for (const database of DATABASES) describe(`two agents on one team server (${database})`, () => {
  let origin;
  let dataDir;
  let pg;
  let server;
  let a;
  let b;
  let caseIds;

  /** Settings → 团队服务器: the address, the account and the password, then 连接; waits for 已同步. */
  async function connect(panel, who) {
    await panel.getByRole('button', { name: '设置' }).click();
    await panel.getByTestId('team-url').fill(origin);
    await panel.getByTestId('team-user').fill(who.name);
    await panel.getByTestId('team-password').fill(who.password);
    await panel.getByTestId('team-connect').click();
    await waitForStatus(panel, /已同步/);
    assert.match(await panel.getByTestId('team-account').textContent(), new RegExp(who.name));
    await panel.getByRole('button', { name: /返回/ }).first().click();
  }

  async function waitForStatus(panel, pattern) {
    await panel.waitForFunction((source) => new RegExp(source).test(document.querySelector('[data-testid="team-status"]')?.textContent ?? ''), pattern.source, { timeout: ARRIVES });
  }

  /** Finds a case through the search box (the list draws one screen) and returns its queue entry. */
  async function entry(panel, id) {
    await panel.getByRole('searchbox').fill(id);
    const row = panel.locator(`li[data-review-id="${id}"]`);
    await row.waitFor({ timeout: ARRIVES });
    return row;
  }

  async function holderOf(panel, id, holder) {
    await entry(panel, id);
    await panel.waitForFunction(([rid, h]) => document.querySelector(`li[data-review-id="${rid}"]`)?.getAttribute('data-holder') === h, [id, holder], { timeout: ARRIVES });
  }

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'reviewdesk-team-'));
    if (database === 'postgres') pg = createPgDatabase();
    server = await startTeamServer({ port: await freePort(), dataDir, lead: LEAD, databaseUrl: pg?.url });
    origin = server.origin;
    server.team('add-agent', AGENT.name, '--password', AGENT.password);
    a = await startSession({ console: { passThroughOrigins: [origin] } });
    b = await startSession({ console: { passThroughOrigins: [origin] } });
    const truth = a.sim.groundTruth('qianniu', 1);
    const page = await a.openConsolePage('qianniu', 1, { page: a.blank });
    caseIds = (await expectBadgesOnCaseRows(page, truth)).map((h) => h.reviewId);
  });

  after(async () => {
    await a?.close();
    await b?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    pg?.drop();
  });

  test('the lead connects: the cases read before connecting are uploaded; the agent connects and has them', async () => {
    const panelA = await a.openSidePanelTab();
    await connect(panelA, LEAD);
    const panelB = await b.openSidePanelTab();
    await connect(panelB, AGENT);
    const listed = await waitForSidePanelIds(panelB, caseIds, { timeout: ARRIVES });
    assert.deepEqual(caseIds.filter((id) => !listed.includes(id)), [], 'cases the lead read that the agent does not have');
    await panelA.close();
    await panelB.close();
  });

  test('reviews the agent reads while connected reach the lead, with no page error', async () => {
    const truth = b.sim.groundTruth('qianniu', 2);
    const page = await b.openConsolePage('qianniu', 2, { page: b.blank });
    const read = (await expectBadgesOnCaseRows(page, truth)).map((h) => h.reviewId);
    assert.ok(read.length > 0);
    const panelA = await a.openSidePanelTab();
    const listed = await waitForSidePanelIds(panelA, read, { timeout: ARRIVES });
    assert.deepEqual(read.filter((id) => !listed.includes(id)), [], 'cases the agent read that the lead does not have');
    const panelB = await b.openSidePanelTab();
    await panelB.getByRole('button', { name: '设置' }).click();
    await waitForStatus(panelB, /^已同步/);
    assert.doesNotMatch(await panelB.textContent('body'), /读取错误/);
    assert.deepEqual(b.errorsOf(page), []);
    await panelA.close();
    await panelB.close();
  });

  test('a call the lead logs shows in the agent\'s panel, with the lead as holder; the agent takes the case over knowingly', async () => {
    const panelA = await a.openSidePanelTab();
    const panelB = await b.openSidePanelTab();
    const id = caseIds[0];
    await (await entry(panelA, id)).locator('button').click();
    await panelA.locator(`article.case-detail[data-review-id="${id}"]`).waitFor();
    await panelA.keyboard.press('1');
    await panelA.getByText('已记录：未接通').waitFor();
    await holderOf(panelB, id, LEAD.name);
    assert.match(await (await entry(panelB, id)).textContent(), /组长 正在处理/);

    // The agent opens it: told who holds it; a call is refused until the agent takes it over.
    await (await entry(panelB, id)).locator('button').click();
    await panelB.getByTestId('held-by').waitFor();
    assert.match(await panelB.getByTestId('held-by').textContent(), /组长 正在处理此案件/);
    await panelB.keyboard.press('1');
    await panelB.getByText(/正由同事处理，未记录/).waitFor();
    await panelB.getByTestId('take-over').click();
    await panelB.getByText('已接手：此案件现在由你处理。').waitFor();
    await panelB.keyboard.press('2');
    await panelB.getByText('已记录：拒接/挂断').waitFor();
    // The lead's history has both calls, and the case is the agent's now.
    await panelA.keyboard.press('Escape');
    await holderOf(panelA, id, AGENT.name);
    await (await entry(panelA, id)).locator('button').click();
    await panelA.waitForFunction(() => document.querySelectorAll('[data-testid="history"] li[data-event="attempt"]').length === 2, null, { timeout: ARRIVES });
    assert.deepEqual([...a.errorsOf(panelA), ...b.errorsOf(panelB)], []);
    await panelA.close();
    await panelB.close();
  });

  test('with the server stopped both keep working and the state says 离线; after it restarts everything arrives', async () => {
    await server.stop();
    const panelB = await b.openSidePanelTab();
    const id = caseIds[1];
    await (await entry(panelB, id)).locator('button').click();
    await panelB.locator(`article.case-detail[data-review-id="${id}"]`).waitFor();
    await panelB.keyboard.press('1');
    await panelB.getByText('已记录：未接通').waitFor();
    await panelB.getByRole('button', { name: '设置' }).click();
    await waitForStatus(panelB, /离线/);
    await server.start();
    // The worker retries on its own (backoff, and the minute alarm): no click needed.
    await waitForStatus(panelB, /已同步/);
    const panelA = await a.openSidePanelTab();
    await holderOf(panelA, id, AGENT.name);
    await panelA.close();
    await panelB.close();
  });

  test('a revoked agent stops syncing and is told 登录已失效; the work stays in the browser', async () => {
    server.team('revoke', AGENT.name);
    const panelB = await b.openSidePanelTab();
    const id = caseIds[2];
    await (await entry(panelB, id)).locator('button').click();
    await panelB.locator(`article.case-detail[data-review-id="${id}"]`).waitFor();
    await panelB.keyboard.press('1');
    await panelB.getByText('已记录：未接通').waitFor();
    await panelB.getByRole('button', { name: '设置' }).click();
    await waitForStatus(panelB, /登录已失效/);
    // Signed out, the form is back for a new sign-in; the call is still in this browser.
    await panelB.getByTestId('team-connect').waitFor();
    await panelB.close();
    const again = await b.openSidePanelTab();
    await (await entry(again, id)).locator('button').click();
    await again.waitForFunction(() => document.querySelectorAll('[data-testid="history"] li[data-event="attempt"]').length === 1);
    await again.close();
  });

  test('no request left for anywhere but the consoles and the team server', () => {
    for (const s of [a, b]) assert.deepEqual(s.sim.unexpectedRequests(), []);
  });
});

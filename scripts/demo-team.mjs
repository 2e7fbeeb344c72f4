// npm run demo -- --team [--headless --shots DIR]
//
// The team demo: starts an embedded team server (PGlite in a temporary directory) with a lead (组长) and an agent
// (小李), then two browser windows with the extension and the simulated consoles, each signed in through the side
// panel's Settings as one agent would. The lead's browser reads the Qianniu review list; the agent's panel fills with
// the same cases, and what either logs shows in the other's within seconds. Runs until both windows are closed.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension } from '../tests/console-sim/launch.mjs';
import { installConsole } from '../tests/console-sim/index.mjs';
import { BADGE_SELECTOR, sidePanelUrl } from '../tests/console-sim/contract.mjs';
import { freePort, startTeamServer } from '../tests/console-sim/team-server.mjs';

const LEAD = { name: '组长', password: 'demo-lead' };
const AGENT = { name: '小李', password: 'demo-agent' };

/** One agent's browser: its own profile, the consoles, and the side panel signed in to the team server. */
async function agentBrowser(who, origin, { executablePath, headless, left }) {
  const browser = await launchWithExtension({
    executablePath, headless,
    viewport: headless ? { width: 1400, height: 900 } : null,
    extraArgs: headless ? [] : ['--window-size=1100,900', `--window-position=${left},0`],
  });
  const sim = await installConsole(browser.context, { now: Date.now(), passThroughOrigins: [origin] });
  const panel = await browser.context.newPage();
  if (headless) await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(sidePanelUrl(browser.extensionId));
  await panel.getByRole('button', { name: '设置' }).click();
  await panel.getByTestId('team-url').fill(origin);
  await panel.getByTestId('team-user').fill(who.name);
  await panel.getByTestId('team-password').fill(who.password);
  await panel.getByTestId('team-connect').click();
  await panel.waitForFunction(() => /已同步/.test(document.querySelector('[data-testid="team-status"]')?.textContent ?? ''), null, { timeout: 60_000 });
  return { ...browser, sim, panel };
}

export async function runTeamDemo({ executablePath, headless, shots }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'reviewdesk-team-demo-'));
  console.log('demo: starting the team server (embedded PGlite)…');
  const server = await startTeamServer({ port: await freePort(), dataDir, lead: LEAD });
  server.team('add-agent', AGENT.name, '--password', AGENT.password);
  console.log(`demo: team server at ${server.origin}; accounts ${LEAD.name} (组长) / ${LEAD.password} and ${AGENT.name} / ${AGENT.password}`);
  const lead = await agentBrowser(LEAD, server.origin, { executablePath, headless, left: 0 });
  const agent = await agentBrowser(AGENT, server.origin, { executablePath, headless, left: 560 });
  const finish = async (code) => {
    await lead.close().catch(() => {});
    await agent.close().catch(() => {});
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => finish(130));
  process.on('SIGTERM', () => finish(143));

  // The lead reads the review list; the cases reach the agent's panel through the server.
  const page = lead.context.pages()[0] ?? (await lead.context.newPage());
  await page.goto(lead.sim.urls.qianniu(1));
  await page.locator(BADGE_SELECTOR).first().waitFor({ timeout: 60_000 });
  await lead.panel.getByRole('button', { name: /返回/ }).first().click();
  await agent.panel.getByRole('button', { name: /返回/ }).first().click();
  await agent.panel.locator('li[data-review-id]').first().waitFor({ timeout: 60_000 });
  // The lead logs a call on the first case: the agent's list says who holds it.
  await lead.panel.locator('li[data-review-id] button').first().click();
  await lead.panel.locator('article.case-detail').waitFor();
  await lead.panel.keyboard.press('1');
  await agent.panel.locator(`li[data-holder="${LEAD.name}"]`).first().waitFor({ timeout: 60_000 });

  if (shots) {
    const dir = resolve(shots);
    mkdirSync(dir, { recursive: true });
    await lead.panel.screenshot({ path: join(dir, 'team-1-lead-case.png') });
    await agent.panel.screenshot({ path: join(dir, 'team-2-agent-queue.png') });
    await agent.panel.locator(`li[data-holder="${LEAD.name}"] button`).first().click();
    await agent.panel.getByTestId('held-by').waitFor();
    await agent.panel.screenshot({ path: join(dir, 'team-3-agent-held-case.png') });
    await agent.panel.keyboard.press('Escape');
    await agent.panel.getByRole('button', { name: '设置' }).click();
    await agent.panel.screenshot({ path: join(dir, 'team-4-agent-settings.png'), fullPage: true });
    console.log(`demo: wrote team-1…4 screenshots to ${dir}`);
    await finish(0);
  }
  console.log('demo: two windows, 组长 (left) and 小李 (right), one case pool. Close both windows (or press Ctrl+C) to end.');
  await Promise.all([lead, agent].map((b) => new Promise((done) => b.context.on('close', done))));
  await finish(0);
}

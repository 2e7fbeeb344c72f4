#!/usr/bin/env node
// npm run demo [-- --no-build] [-- --headless] [-- --shots DIR] [-- --team]
//
// Builds the extension, starts a Chromium-based browser with it and with the simulated seller consoles (no real
// Taobao host is ever contacted), opens the Qianniu review list and opens the side panel by really clicking the
// first badge. Runs until the browser is closed. With --shots DIR (use with --headless) it instead saves
// screenshots of the consoles and of the side panel (opened as a tab) and exits. With --team: an embedded team
// server and two browser windows signed in as two agents (scripts/demo-team.mjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchWithExtension, findBrowser, NO_BROWSER_MESSAGE, REPO_ROOT } from '../tests/console-sim/launch.mjs';
import { installConsole } from '../tests/console-sim/index.mjs';
import { BADGE_SELECTOR, sidePanelUrl } from '../tests/console-sim/contract.mjs';

const { values: opts } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    headless: { type: 'boolean', default: false },
    shots: { type: 'string' },
    team: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (opts.help) {
  console.log('usage: npm run demo -- [--no-build] [--headless] [--shots DIR] [--team]');
  process.exit(0);
}

function fail(message) {
  console.error(`demo: ${message}`);
  process.exit(1);
}

if (!opts['no-build']) {
  console.log('demo: building the extension (npx wxt build)…');
  const built = spawnSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) fail('the build failed (see above).');
}

const executablePath = findBrowser();
if (!executablePath) fail(NO_BROWSER_MESSAGE);
if (!opts.headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail('no display to show a browser window. Use `npm run demo -- --headless --shots DIR`, or run under `xvfb-run`.');
}

if (opts.team) {
  const { runTeamDemo } = await import('./demo-team.mjs');
  await runTeamDemo({ executablePath, headless: opts.headless, shots: opts.shots });
}

const { context, extensionId, close } = await launchWithExtension({
  executablePath,
  headless: opts.headless,
  // A real window sizes its own pages; screenshots want a fixed size.
  viewport: opts.headless ? { width: 1400, height: 900 } : null,
  // A window wide enough for the console table and the side panel side by side.
  extraArgs: opts.headless ? [] : ['--window-size=1680,1000'],
});
let exitCode = 0;
const stop = async (code) => {
  await close();
  process.exit(code);
};
process.on('SIGINT', () => stop(130));
process.on('SIGTERM', () => stop(143));

try {
  const sim = await installConsole(context, { now: Date.now() });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(sim.urls.qianniu(1));
  const badgesShown = await page
    .locator(BADGE_SELECTOR)
    .first()
    .waitFor({ timeout: 15_000 })
    .then(() => true, () => false);
  if (!badgesShown) {
    console.warn('demo: no badge appeared on the Qianniu page within 15 s: is the extension built from the current sources?');
    exitCode = 1;
  }

  if (opts.shots) {
    await writeShots(resolve(opts.shots), { page, sim });
    await stop(exitCode);
  }

  // Other consoles in background tabs, for a look around.
  for (const url of [sim.urls.legacy(1), sim.urls.tmall()]) await (await context.newPage()).goto(url);
  await page.bringToFront();
  if (badgesShown) await page.locator(BADGE_SELECTOR).first().click();
  console.log(`demo: running with extension ${extensionId}. Pages served by the simulator:
  ${sim.urls.qianniu(1)}
  ${sim.urls.legacy(1)}
  ${sim.urls.tmall()}
  ${sim.urls.sold()}
Close the browser window (or press Ctrl+C) to end.`);
  await new Promise((done) => context.on('close', done));
  process.exit(exitCode);
} catch (error) {
  console.error(error);
  await stop(1);
}

/** Saves one screenshot per console page and one of the side panel. */
async function writeShots(dir, { page, sim }) {
  mkdirSync(dir, { recursive: true });
  const shot = async (p, name, fullPage = true) => {
    await p.waitForTimeout(400); // let badges and fonts settle
    await p.screenshot({ path: join(dir, name), fullPage });
    console.log(`demo: wrote ${join(dir, name)}`);
  };
  await shot(page, '1-qianniu-page1.png');

  const firstOfPage2 = sim.groundTruth('qianniu', 2).rows[0].reviewId;
  await page.locator('.next-pagination-list button', { hasText: /^2$/ }).click();
  await page.getByText(`主评ID：${firstOfPage2}`).waitFor();
  await page.locator(BADGE_SELECTOR).first().waitFor({ timeout: 10_000 }).catch(() => {});
  await shot(page, '2-qianniu-page2.png');

  await page.goto(sim.urls.legacy(1));
  await page.locator(BADGE_SELECTOR).first().waitFor({ timeout: 10_000 }).catch(() => {});
  await shot(page, '3-legacy-page1.png');

  await page.goto(sim.urls.tmall());
  await page.locator('tr.rate-row').first().waitFor();
  await page.locator(BADGE_SELECTOR).first().waitFor({ timeout: 10_000 }).catch(() => {});
  await shot(page, '4-tmall-page1.png');

  const panel = await page.context().newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(sidePanelUrl(extensionId));
  await panel.waitForTimeout(1200);
  await shot(panel, '5-side-panel.png', false);
}

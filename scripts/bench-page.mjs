// Benchmark: does the console feel slower with ReviewDesk on a page of 1,000 reviews?
// Loads the simulated Qianniu review page with pageSize=1000 in headless Chromium, with and without the built
// extension, and compares when the rows are on screen, main-thread script/task time (Chrome's own counters)
// and long tasks; with the extension it also times how long until every case row carries its badge.
// Both runs first open another console page, so that start-up is not counted; then the 1,000-review page is a
// first visit (every review new to the extension).
// Usage: npm run bench:page -- [--runs 5] [--rows 1000]   (needs `npm run build` first)
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { installConsole } from '../tests/console-sim/index.mjs';
import { findBrowser } from '../tests/console-sim/launch.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = opt('runs', 5);
const ROWS = opt('rows', 1000);
const EXT = path.resolve('.output/chrome-mv3');
if (!existsSync(path.join(EXT, 'manifest.json'))) {
  console.error('bench:page: build the extension first (npm run build)');
  process.exit(1);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 10) / 10;

async function once(withExtension) {
  const profile = mkdtempSync(path.join(tmpdir(), 'rd-bench-'));
  const base = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: findBrowser(), headless: false, viewport: { width: 1400, height: 900 },
    args: withExtension ? [...base, `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`] : base,
  });
  try {
    if (withExtension && ctx.serviceWorkers().length === 0) await ctx.waitForEvent('serviceworker');
    const sim = await installConsole(ctx, { qianniuTotal: ROWS, apiDelayMs: 0 });
    const truth = sim.groundTruth('qianniu', 1, { pageSize: ROWS });
    const page = await ctx.newPage();
    // Warm up on another console page, so start-up of the browser (and of the extension) is not counted.
    await page.goto(sim.urls.legacy(1));
    await page.waitForTimeout(1500);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(sim.urls.qianniu(1, undefined, ROWS));
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr.next-table-row').length >= n, ROWS, { polling: 'raf', timeout: 60_000 });
    const rowsRenderedMs = await page.evaluate(() => performance.now());
    let badgesCompleteMs = null;
    if (withExtension) {
      await page.waitForFunction((n) => document.querySelectorAll('[data-review-id][data-sentiment]').length >= n, truth.cases.length, { polling: 50, timeout: 60_000 });
      badgesCompleteMs = await page.evaluate(() => performance.now());
    }
    await page.waitForTimeout(1000); // let trailing work finish before reading the counters
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const longTasks = await page.evaluate(() => new Promise((resolve) => {
      new PerformanceObserver((list, obs) => { obs.disconnect(); resolve(list.getEntries().map((e) => e.duration)); })
        .observe({ type: 'longtask', buffered: true });
      setTimeout(() => resolve([]), 500);
    }));
    return {
      rowsRenderedMs, badgesCompleteMs, cases: truth.cases.length,
      scriptMs: metrics.ScriptDuration * 1000, taskMs: metrics.TaskDuration * 1000,
      longTasks: longTasks.length, longestTaskMs: Math.max(0, ...longTasks),
    };
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const results = { without: [], with: [] };
for (let i = 0; i < RUNS; i++) {
  results.without.push(await once(false));
  results.with.push(await once(true));
  process.stderr.write(`run ${i + 1}/${RUNS} done\n`);
}
const summary = (runs) => ({
  rowsRenderedMs: round(median(runs.map((r) => r.rowsRenderedMs))),
  scriptMs: round(median(runs.map((r) => r.scriptMs))),
  taskMs: round(median(runs.map((r) => r.taskMs))),
  longTasks: median(runs.map((r) => r.longTasks)),
  longestTaskMs: round(median(runs.map((r) => r.longestTaskMs))),
});
const without = summary(results.without);
const withExt = { ...summary(results.with), badgesCompleteMs: round(median(results.with.map((r) => r.badgesCompleteMs))) };
console.log(`rows ${ROWS}, case rows ${results.with[0].cases}, runs ${RUNS} (medians)`);
console.log('without extension', without);
console.log('with extension   ', withExt);
console.log(JSON.stringify({
  rows: ROWS, cases: results.with[0].cases, runs: RUNS, without, with: withExt,
  overhead: {
    rowsRenderedMs: round(withExt.rowsRenderedMs - without.rowsRenderedMs),
    scriptMs: round(withExt.scriptMs - without.scriptMs),
    taskMs: round(withExt.taskMs - without.taskMs),
    badgesAfterRowsMs: round(withExt.badgesCompleteMs - withExt.rowsRenderedMs),
  },
}));

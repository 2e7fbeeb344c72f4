// Dashboard benchmark: does dashboard.html open in under a second with a busy shop's year in the store?
// Fills the BUILT extension's store through the real code: a generated year of Qianniu reviews (scripts/
// bench-scale-data.mjs: 100,000 reviews → ~30,000 cases, a third of them revised later) sent as the console content
// script sends them (the `ingest` message, 250 at a time), then agents' work on part of the cases through the side
// panel's own messages (logOutcome, addPromise, under five agent names). Then, with the store full, it measures:
//   - open: a new tab navigating to dashboard.html → every figure and table on screen, and → the charts drawn too
//     (ECharts loads beside the page), ms since navigation start, on a warm worker and right after the service
//     worker was stopped (cold: the worker starts, opens the databases, catches the facts up and computes);
//   - the `dashboard` request's round trip for each period (today … a whole year) and the size of its reply;
//   - a figure's click-through (`dashboardDrill`) round trip;
//   - computing every case's facts again from the store (`insightRebuild`: once, after an upgrade).
// All cases were stored during the fill, so "new today" covers all of them and every period reads all 30,000 cases
// stored since its start: the worst case for the index reads (a shop in steady state stores ~80 cases a day).
//
// Usage: npm run build && npm run bench:dashboard -- [--size 100000] [--worked 6000] [--repeat 5] [--json FILE]
// REVIEWDESK_EXTENSION_DIR selects another build (default .output/chrome-mv3). Progress on stderr, tables on stdout.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { launchWithExtension, REPO_ROOT } from '../tests/console-sim/launch.mjs';
import { generateYear } from './bench-scale-data.mjs';

const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const SIZE = Number(arg('size', 100_000));
const WORKED = Number(arg('worked', 6000));
const REPEAT = Number(arg('repeat', 5));
const JSON_FILE = arg('json', null);
const BATCH = 250;
const PAGE_URL = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';
const AGENTS = ['小王', '小李', '阿芳', '小陈', '莉莉'];
const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;

const log = (...parts) => console.error(`[bench:dashboard ${new Date().toISOString().slice(11, 19)}]`, ...parts);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};
const round = (x) => (x === null ? '–' : x >= 100 ? String(Math.round(x)) : String(Math.round(x * 10) / 10));

/** [from, to) of a period as the dashboard computes it (Beijing days). */
function range(kind, now) {
  const today = now - ((now + BEIJING) % DAY);
  const d = new Date(now + BEIJING);
  const month = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - BEIJING;
  const days = { today: 1, '7d': 7, '30d': 30, year: 365 }[kind];
  return kind === 'month' ? { from: month, to: today + DAY } : { from: today - (days - 1) * DAY, to: today + DAY };
}

async function fill(page, stream) {
  const started = performance.now();
  for (let i = 0; i < stream.length; i += BATCH) {
    const reply = await page.evaluate(({ pageUrl, reviews }) => chrome.runtime.sendMessage({ type: 'ingest', pageUrl, reviews }), { pageUrl: PAGE_URL, reviews: stream.slice(i, i + BATCH) });
    if (!reply?.ok) throw new Error(`ingest failed: ${reply?.error}`);
    if ((i / BATCH) % 40 === 0) log(`  ingest ${i}/${stream.length}, ${Math.round(i / ((performance.now() - started) / 1000))}/s`);
  }
  return (performance.now() - started) / 1000;
}

/** Agents' work through the panel's messages: 1–3 contacts per case, agreements, refusals, promises (some overdue). */
async function work(page, caseIds) {
  const started = performance.now();
  const per = Math.ceil(caseIds.length / AGENTS.length);
  let messages = 0;
  for (let a = 0; a < AGENTS.length; a++) {
    const ids = caseIds.slice(a * per, (a + 1) * per);
    messages += await page.evaluate(async ({ agent, ids }) => {
      const send = async (m) => {
        const r = await chrome.runtime.sendMessage(m);
        if (!r?.ok) throw new Error(`${m.type}: ${r?.error}`);
        return r.data;
      };
      await send({ type: 'saveSettings', settings: { agentName: agent } });
      const now = Date.now();
      let sent = 1;
      const one = async (id, k) => {
        const log = (outcome, extra = {}) => { sent++; return send({ type: 'logOutcome', caseId: id, outcome, ...extra }); };
        switch (k % 5) {
          case 0: await log('message_sent'); break;
          case 1: await log('no_answer'); await log('no_answer'); await log('rejected'); break;
          // Agreed times already passed, as most of a year's are (a future one is an alarm to plan on every write).
          case 2: await log('message_sent'); await log('agreed_time', { agreedAt: now - 7_200_000 }); break;
          case 3:
            await log('no_answer'); await log('talked_agreed');
            sent++;
            await send({ type: 'addPromise', caseId: id, kind: k % 2 ? 'cash' : 'postage_refund', amountFen: 500 + (k % 7) * 100, dueAt: k % 10 === 3 ? now - 3_600_000 : now + 2 * 86_400_000, note: '' });
            break;
          default: await log('buyer_refused');
        }
      };
      for (let i = 0; i < ids.length; i += 25) await Promise.all(ids.slice(i, i + 25).map((id, j) => one(id, i + j)));
      return sent;
    }, { agent: AGENTS[a], ids });
    log(`  ${AGENTS[a]}: worked ${ids.length} cases`);
  }
  return { seconds: (performance.now() - started) / 1000, messages };
}

/**
 * A new tab opening the dashboard: ms from navigation start until every figure and table is on screen, and until
 * the charts (loaded beside the page) are drawn too.
 */
async function openOnce(context, extensionId) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/dashboard.html`, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => {
      window.__figuresAt ??= document.querySelector('[data-testid="dashboard-ready"]') ? performance.now() : undefined;
      const error = document.querySelector('[role="alert"]');
      if (error) return `error: ${error.textContent}`;
      return window.__figuresAt !== undefined && document.querySelectorAll('.chart svg').length >= 5 ? [window.__figuresAt, performance.now()] : null;
    }, null, { polling: 10, timeout: 120_000 });
    const at = await handle.jsonValue();
    if (typeof at === 'string') throw new Error(at);
    return { ms: at[0], charts: at[1] };
  } finally {
    await page.close();
  }
}

async function stopWorker(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

async function main() {
  const data = generateYear({ size: SIZE, root: REPO_ROOT });
  log(`${SIZE} reviews: ${data.stream.length} observations, ${data.cases} cases (${data.revised} revised later)`);
  const launch = await launchWithExtension();
  const result = { size: SIZE, cases: data.cases, worked: WORKED, cores: cpus().length, load: [loadavg()[0]] };
  try {
    const feeder = await launch.context.newPage();
    await feeder.goto(`chrome-extension://${launch.extensionId}/dashboard.html`);
    result.fillSeconds = await fill(feeder, data.stream);
    log(`  filled in ${Math.round(result.fillSeconds)} s`);
    const seen = new Set();
    const caseIds = [];
    for (const o of data.stream) {
      const id = `qianniu:${o.platformReviewId}`;
      if (o.sentiment !== 'positive' && !seen.has(id)) caseIds.push(id);
      seen.add(id);
    }
    // Work on open cases (the ones never revised), spread over the year.
    const open = data.targets.map((t) => t.caseId);
    const step = Math.max(1, Math.floor(open.length / WORKED));
    const worked = open.filter((_, i) => i % step === 0).slice(0, WORKED);
    result.work = await work(feeder, worked);
    log(`  ${result.work.messages} workflow messages in ${Math.round(result.work.seconds)} s`);
    const summary = await feeder.evaluate(() => chrome.runtime.sendMessage({ type: 'storeSummary' }));
    result.stored = summary.data;

    // Round trips per period (warm worker), with the reply's size.
    result.periods = {};
    const now = Date.now();
    for (const kind of ['today', '7d', '30d', 'month', 'year']) {
      const times = [];
      let bytes = 0;
      let token;
      for (let i = 0; i < REPEAT; i++) {
        const r = await feeder.evaluate(async (rng) => {
          const t0 = performance.now();
          const reply = await chrome.runtime.sendMessage({ type: 'dashboard', range: rng });
          return { ms: performance.now() - t0, bytes: JSON.stringify(reply).length, ok: reply?.ok, error: reply?.error, token: reply?.data?.token };
        }, range(kind, now));
        if (!r.ok) throw new Error(`dashboard ${kind}: ${r.error}`);
        times.push(r.ms);
        bytes = r.bytes;
        token = r.token;
      }
      // The first request computes (nothing of this period was computed since the last write); the others reuse it.
      result.periods[kind] = { computed: times[0], reused: median(times.slice(1)), bytes };
      if (kind === '7d') {
        const drills = [];
        for (let i = 0; i < REPEAT; i++) {
          drills.push(await feeder.evaluate(async ({ rng, token }) => {
            const t0 = performance.now();
            const reply = await chrome.runtime.sendMessage({ type: 'dashboardDrill', range: rng, token, path: ['risk', 'open'] });
            return { ms: performance.now() - t0, n: reply?.data?.caseIds?.length };
          }, { rng: range(kind, now), token }));
        }
        result.drill = { median: median(drills.map((d) => d.ms)), cases: drills[0].n };
      }
      log(`  dashboard ${kind}: computed ${Math.round(result.periods[kind].computed)} ms, reused ${Math.round(result.periods[kind].reused)} ms, ${result.periods[kind].bytes} bytes`);
    }

    // The facts were kept current during the fill; computing them all again from the store is the one-time cost of
    // the first dashboard after an upgrade (or of 重新统计).
    result.rebuild = await feeder.evaluate(async () => {
      const t0 = performance.now();
      const reply = await chrome.runtime.sendMessage({ type: 'insightRebuild' });
      return { ms: performance.now() - t0, cases: reply?.data?.cases, error: reply?.ok ? null : reply?.error };
    });
    if (result.rebuild.error) throw new Error(`insightRebuild: ${result.rebuild.error}`);
    log(`  rebuild of all facts: ${Math.round(result.rebuild.ms)} ms for ${result.rebuild.cases} cases`);

    // Opening the page: warm (the worker is running) and cold (the worker was just stopped).
    const changed = [];
    const again = [];
    const cold = [];
    for (let i = 0; i < REPEAT; i++) {
      // An agent logs an outcome: the figures must be computed again for the next open.
      await feeder.evaluate((id) => chrome.runtime.sendMessage({ type: 'logOutcome', caseId: id, outcome: 'message_sent' }), worked[i % worked.length]);
      changed.push(await openOnce(launch.context, launch.extensionId));
      again.push(await openOnce(launch.context, launch.extensionId));
      await stopWorker(launch.context, feeder);
      await new Promise((r) => setTimeout(r, 500));
      cold.push(await openOnce(launch.context, launch.extensionId));
      log(`  open ${i + 1}/${REPEAT}: after a change ${Math.round(changed.at(-1).ms)} ms (charts ${Math.round(changed.at(-1).charts)}), again ${Math.round(again.at(-1).ms)}, cold ${Math.round(cold.at(-1).ms)} ms (charts ${Math.round(cold.at(-1).charts)})`);
    }
    const stats = (xs) => ({ median: median(xs), max: Math.max(...xs) });
    result.open = {};
    for (const [name, runs] of Object.entries({ changed, again, cold })) {
      result.open[name] = stats(runs.map((x) => x.ms));
      result.open[`${name}Charts`] = stats(runs.map((x) => x.charts));
    }
    result.load.push(loadavg()[0]);
  } finally {
    await launch.close();
  }
  if (JSON_FILE) writeFileSync(JSON_FILE, JSON.stringify(result, null, 2));
  const p = result.periods;
  console.log([
    `### Dashboard with ${result.stored.reviews.toLocaleString('en')} reviews and ${result.stored.cases.toLocaleString('en')} cases (${WORKED.toLocaleString('en')} worked by 5 agents: ${result.work.messages.toLocaleString('en')} outcomes and promises); ${REPEAT} runs; load ${result.load.map((x) => x.toFixed(1)).join(' → ')} on ${result.cores} cores`,
    '',
    '| measure | median | max | goal |',
    '|---|---|---|---|',
    ...[['changed', 'open dashboard.html just after an agent logged an outcome (figures computed again)'], ['again', 'open it again (nothing written since: figures reused)'],
      ['cold', 'open it right after the service worker was stopped (cold start)']].flatMap(([k, label]) => [
      `| ${label}: navigation → every figure and table on screen, ms | ${round(result.open[k].median)} | ${round(result.open[k].max)} | < 1000 |`,
      `| … and the five charts drawn, ms | ${round(result.open[`${k}Charts`].median)} | ${round(result.open[`${k}Charts`].max)} | |`,
    ]),
    ...Object.entries(p).map(([k, v]) => `| \`dashboard\` request, ${k}: computed / reused, ms (reply ${v.bytes.toLocaleString('en')} bytes) | ${round(v.computed)} / ${round(v.reused)} | | |`),
    `| click-through (\`dashboardDrill\`, ${result.drill.cases.toLocaleString('en')} open cases), ms | ${round(result.drill.median)} | | |`,
    `| all facts computed again from the store (first dashboard after an upgrade; 重新统计), ms | ${round(result.rebuild.ms)} | | once |`,
    `| fill: ingest ${SIZE.toLocaleString('en')} reviews, s / agents' work, s | ${Math.round(result.fillSeconds)} / ${Math.round(result.work.seconds)} | | |`,
  ].join('\n'));
}

await main();

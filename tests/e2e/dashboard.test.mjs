// Issue 11 in the built extension: reviews read from the console, outcomes and promises logged, then the dashboard
// (dashboard.html) shows the figures they make; a figure opens the side panel's queue on its cases; the cases export
// as a CSV that Excel reads (BOM, Chinese header and titles) and as a workbook; a backup taken, the profile wiped, the
// backup restored, and the same figures come back.
//
// Test contract: the dashboard's figures carry data-testid (stat-open, stat-new-today, stat-overdue-promises, …) with
// the number as text; each cause's count carries data-cause; a click on a figure writes storage.session.queueDrill.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { startSession, expectBadgesOnCaseRows } from './harness.mjs';
import { DEFAULT_EXTENSION_DIR } from '../console-sim/launch.mjs';

const HOUR = 3600_000;
const work = mkdtempSync(join(tmpdir(), 'reviewdesk-dashboard-'));
let s;
let truth;
let caseIds;
let figuresBefore;
let backupPath;

before(async () => {
  s = await startSession({ userDataDir: join(work, 'profile-1') });
});
after(async () => {
  await s?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Sends a request as an extension page does; throws the background's refusal. */
async function ask(page, msg) {
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), msg);
  if (!reply?.ok) throw new Error(`${msg.type}: ${reply?.error ?? 'no answer'}`);
  return reply.data;
}

async function openDashboard() {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/dashboard.html`);
  await page.getByTestId('dashboard-ready').waitFor({ timeout: 20_000 });
  return page;
}

/** Every figure the dashboard shows as text, by its test id or cause, plus the agents table. */
async function figures(page) {
  return page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('[data-testid^="stat-"], [data-testid^="funnel-"], [data-testid^="median-"]')) out[el.dataset.testid] = el.textContent;
    for (const el of document.querySelectorAll('[data-cause]')) out[`cause:${el.dataset.cause}`] = el.textContent;
    out.agents = document.querySelector('[data-testid="agents-table"]')?.textContent ?? '';
    return out;
  });
}

async function panelTargets(page) {
  const cdp = await s.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  await cdp.detach();
  return targetInfos.filter((t) => t.url.startsWith(`chrome-extension://${s.extensionId}/sidepanel.html`) && t.type !== 'tab');
}

test('the dashboard opens from the side panel header and from the toolbar icon menu (contextMenus, nothing more)', async () => {
  const manifest = JSON.parse(readFileSync(join(DEFAULT_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  assert.ok(manifest.permissions.includes('contextMenus'), 'the menu needs contextMenus');
  assert.ok(!manifest.permissions.includes('tabs'), 'opening our own page needs no tabs permission');

  // The worker registers the icon's menu item as it starts (after reading the language): Chrome refuses to update
  // an item it does not have, so an update that succeeds shows the item is there.
  const [worker] = s.workers;
  const registered = await worker.evaluate(async () => {
    let last = '';
    for (let i = 0; i < 100; i++) {
      last = await chrome.contextMenus.update('reviewdesk-open-dashboard', {}).then(() => 'ok', (e) => String(e));
      if (last === 'ok') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return last;
  });
  assert.equal(registered, 'ok');
  assert.deepEqual(s.workerErrors(), []);
  // A right click on the icon cannot be automated: its click event is handed to the worker's listeners as Chrome does.
  const [fromMenu] = await Promise.all([
    s.context.waitForEvent('page'),
    worker.evaluate(() => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'reviewdesk-open-dashboard', editable: false, pageUrl: '' })),
  ]);
  await fromMenu.waitForURL(`chrome-extension://${s.extensionId}/dashboard.html`);
  await fromMenu.getByTestId('dashboard-ready').waitFor({ timeout: 20_000 });
  await fromMenu.close();

  const panel = await s.openSidePanelTab();
  const link = panel.getByRole('button', { name: '统计看板' });
  const [dashboard] = await Promise.all([s.context.waitForEvent('page'), link.click()]);
  await dashboard.waitForURL(`chrome-extension://${s.extensionId}/dashboard.html`);
  await dashboard.getByTestId('dashboard-ready').waitFor({ timeout: 20_000 });
  assert.equal(await dashboard.getByTestId('stat-open').textContent(), '0');
  assert.deepEqual(s.errorsOf(panel), []);
  assert.deepEqual(s.errorsOf(dashboard), []);
  await Promise.all([dashboard.close(), panel.close()]);
});

test('reviews read from the console, outcomes and promises logged: the dashboard counts them', async () => {
  truth = s.sim.groundTruth('qianniu', 1);
  const consolePage = await s.openConsolePage('qianniu', 1, { page: s.blank });
  await expectBadgesOnCaseRows(consolePage, truth);
  caseIds = truth.cases.map((c) => `qianniu:${c.reviewId}`);
  assert.ok(caseIds.length >= 4, 'page 1 has enough cases');

  const page = await openDashboard();
  await ask(page, { type: 'saveSettings', settings: { agentName: '小王' } });
  const now = Date.now();
  const [a, b, c] = caseIds;
  await ask(page, { type: 'logOutcome', caseId: a, outcome: 'no_answer' });
  await ask(page, { type: 'logOutcome', caseId: a, outcome: 'talked_agreed' });
  await ask(page, { type: 'logOutcome', caseId: b, outcome: 'buyer_refused' });
  await ask(page, { type: 'logOutcome', caseId: c, outcome: 'message_sent' });
  await ask(page, { type: 'addPromise', caseId: a, kind: 'cash', amountFen: 500, dueAt: now - HOUR, note: '' });
  await ask(page, { type: 'addPromise', caseId: c, kind: 'postage_refund', amountFen: 800, dueAt: now + 24 * HOUR, note: '退运费' });
  await page.reload();
  await page.getByTestId('dashboard-ready').waitFor();

  const f = await figures(page);
  const n = caseIds.length;
  assert.equal(f['stat-open'], String(n - 1), 'every case but the unresolvable one is open');
  assert.equal(f['stat-new-today'], String(n), 'all were found today');
  assert.equal(f['stat-overdue-promises'], '1');
  // Each case once under its main cause; all of page 1 was written within the last 7 days.
  const causeTotal = Object.entries(f).filter(([k]) => k.startsWith('cause:')).reduce((sum, [, v]) => sum + Number(v), 0);
  assert.equal(causeTotal, n);
  assert.deepEqual([f['funnel-new'], f['funnel-contacted'], f['funnel-agreed'], f['funnel-unresolvable']], [String(n), '3', '1', '1']);
  assert.match(f.agents, /小王/);
  assert.equal(await page.locator('[data-agent="小王"] td').first().textContent(), '3', '小王 worked three cases');
  figuresBefore = f;
  assert.deepEqual(s.errorsOf(page), []);
  await page.close();
});

test('a click on a figure opens the side panel with exactly its cases handed to the queue', async () => {
  const page = await openDashboard();
  const cause = await page.locator('button[data-cause]').first();
  const [code, count] = [await cause.getAttribute('data-cause'), Number(await cause.textContent())];
  assert.equal((await panelTargets(page)).length, 0);
  await cause.click();
  await page.getByTestId('drill-notice').waitFor();
  const drill = await page.evaluate(async () => (await chrome.storage.session.get('queueDrill')).queueDrill);
  assert.equal(drill.caseIds.length, count);
  assert.equal(drill.total, count);
  assert.ok(drill.caseIds.every((id) => caseIds.includes(id)), 'the drill names cases of the page');
  assert.equal(drill.filter.cause, code === 'none' ? undefined : code);
  assert.match(drill.label, /近7天/);
  await page.waitForTimeout(300);
  assert.equal((await panelTargets(page)).length, 1, 'the side panel opened on the click');
  // The overdue promise's figure names the one case with the overdue promise.
  await page.getByTestId('stat-overdue-promises').click();
  await page.waitForFunction(() => chrome.storage.session.get('queueDrill').then((v) => v.queueDrill?.caseIds?.length === 1));
  assert.deepEqual((await page.evaluate(async () => (await chrome.storage.session.get('queueDrill')).queueDrill)).caseIds, [caseIds[0]]);
  await page.close();
});

test('cases export as CSV with a BOM and Chinese text, and as a workbook of three sheets', async () => {
  const page = await openDashboard();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-csv"]').click()]);
  assert.match(csv.suggestedFilename(), /^评价回访台-案例-\d{4}-\d{2}-\d{2}至\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await csv.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark first');
  const parsed = Papa.parse(bytes.toString('utf8').slice(1), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  assert.deepEqual(header.slice(0, 3), ['案例编号', '平台', '评价ID']);
  assert.equal(rows.length, caseIds.length);
  const col = (name) => header.indexOf(name);
  const first = rows.find((r) => r[col('案例编号')] === caseIds[0]);
  const row = truth.rows.find((r) => r.reviewId === truth.cases[0].reviewId);
  assert.equal(first[col('商品名称')], row.itemTitle);
  assert.match(row.itemTitle, /[\u4e00-\u9fff]/, 'the title is Chinese');
  assert.equal(first[col('状态')], '已约定');
  assert.equal(first[col('承诺金额（元）')], '5.00');
  assert.match(first[col('评价时间')], /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-xlsx"]').click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await xlsx.path());
  assert.deepEqual(book.worksheets.map((w) => w.name), ['案例', '联系记录', '补偿承诺']);
  assert.equal(book.getWorksheet('案例').rowCount, caseIds.length + 1);
  assert.equal(book.getWorksheet('联系记录').rowCount, 1 + 4);
  assert.equal(book.getWorksheet('补偿承诺').rowCount, 1 + 2);
  assert.deepEqual(s.errorsOf(page), []);
  await page.close();
});

test('backup, wipe the profile, restore: the same figures come back', async () => {
  const page = await openDashboard();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="backup"]').click()]);
  assert.match(download.suggestedFilename(), /^评价回访台备份-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  backupPath = join(work, 'backup.json');
  await download.saveAs(backupPath);
  const file = JSON.parse(readFileSync(backupPath, 'utf8'));
  assert.equal(file.format, 'reviewdesk-backup');
  assert.equal(file.counts.cases, caseIds.length);
  await page.getByTestId('backup-status').filter({ hasText: '已备份' }).waitFor();
  await page.close();

  // A new browser profile: nothing stored.
  await s.close();
  s = await startSession({ userDataDir: join(work, 'profile-2') });
  const empty = await openDashboard();
  assert.equal(await empty.getByTestId('stat-open').textContent(), '0');
  await empty.setInputFiles('input[data-action="restore"]', backupPath);
  await empty.getByTestId('backup-status').filter({ hasText: '恢复完成' }).waitFor({ timeout: 30_000 });
  assert.match(await empty.getByTestId('backup-status').textContent(), new RegExp(`案例：新增 ${caseIds.length}，更新 0，跳过 0`));
  await empty.reload();
  await empty.getByTestId('dashboard-ready').waitFor();
  assert.deepEqual(await figures(empty), figuresBefore);
  // The queue finds them again too.
  const queue = await ask(empty, { type: 'queryQueue', filter: { status: 'all', sentiment: 'all', cause: 'all', itemId: 'all', assignee: 'all', text: '' }, offset: 0, limit: 50 });
  assert.equal(queue.total, caseIds.length);

  // The same file once more: nothing is added twice.
  await empty.setInputFiles('input[data-action="restore"]', backupPath);
  await empty.getByTestId('backup-status').filter({ hasText: '恢复完成：新增 0 条' }).waitFor({ timeout: 30_000 });
  // A file that is not a backup changes nothing.
  const foreign = join(work, 'foreign.json');
  writeFileSync(foreign, '{"hello":"world"}');
  await empty.setInputFiles('input[data-action="restore"]', foreign);
  await empty.getByTestId('backup-status').filter({ hasText: '这不是评价回访台的备份文件' }).waitFor();
  await empty.reload();
  await empty.getByTestId('dashboard-ready').waitFor();
  assert.deepEqual(await figures(empty), figuresBefore);
  assert.deepEqual(s.errorsOf(empty), []);
});

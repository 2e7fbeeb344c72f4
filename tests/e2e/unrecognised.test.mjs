// Test 5: pages ReviewDesk does not recognise. The 已卖出的宝贝 page (same host, same table components, words such
// as 差评 in it) gets no badge and no error. A Qianniu review page whose layout changed gets no badge and no
// error, and the side panel says the layout was not recognised, offering a diagnostic free of buyer data.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, badgeHosts } from './harness.mjs';

/** How long to give the extension to (wrongly) act on a page before checking it did not. */
const SETTLE_MS = 2500;
const sessions = [];
after(async () => {
  await Promise.all(sessions.map((s) => s.close()));
});

test('已卖出的宝贝: no badge hosts, no page errors', async () => {
  const s = await startSession();
  sessions.push(s);
  const page = await s.openConsolePage('sold', 1, { page: s.blank });
  await page.waitForTimeout(SETTLE_MS);
  assert.deepEqual(await badgeHosts(page), []);
  assert.deepEqual(s.errorsOf(page), []);
  assert.deepEqual(s.sim.unexpectedRequests(), []);
});

test('Qianniu review page with an unknown layout: no badges; the side panel reports it without buyer data', async () => {
  const s = await startSession({ console: { qianniuLayout: 'changed' } });
  sessions.push(s);
  const page = await s.openConsolePage('qianniu', 1, { page: s.blank });
  await page.locator('.rv-card').nth(19).waitFor();
  await page.waitForTimeout(SETTLE_MS);
  assert.deepEqual(await badgeHosts(page), [], 'badges on a page whose layout is unknown');
  assert.deepEqual(s.errorsOf(page), [], 'errors in the console page');

  const panel = await s.openSidePanelTab();
  const status = panel.locator('[data-page-status="unrecognised"]');
  await status.first().waitFor({ state: 'attached', timeout: 10_000 });
  assert.equal(await panel.locator('[data-action="copy-diagnostic"]').count() > 0, true, 'copy-diagnostic button');
  const diagnostic = panel.locator('[data-testid="diagnostic"]').first();
  await diagnostic.waitFor({ state: 'attached', timeout: 10_000 });
  const text = await diagnostic.evaluate((el) => ('value' in el && typeof el.value === 'string' && el.value) || el.textContent || '');
  assert.ok(text.trim().length > 0, 'the diagnostic is empty');

  const rows = s.sim.groundTruth('qianniu', 1).rows;
  const secrets = rows.flatMap((r) => [
    ...r.texts.flatMap((t) => [t, t.slice(0, 10)]),
    r.nick,
    r.reviewId,
    r.orderId,
    r.itemId,
    ...r.otherIds,
  ]);
  const leaked = [...new Set(secrets.filter((x) => x && x.length >= 3 && text.includes(x)))];
  assert.deepEqual(leaked, [], 'review texts, nicks or ids in the diagnostic');
  assert.deepEqual(s.errorsOf(panel), [], 'errors in the side panel');
  assert.deepEqual(s.sim.unexpectedRequests(), []);
});

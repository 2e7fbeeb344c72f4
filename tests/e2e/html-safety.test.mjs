// Test 6: review text that contains HTML is only ever shown as text. The payloads set window.__rdPwned, and the
// <img src=x> would request a relative "x" if it were ever turned into an element of a live document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, expectBadgesOnCaseRows, waitForSidePanelIds } from './harness.mjs';
import { XSS_TEXT, LEGACY_XSS_TEXT } from '../console-sim/index.mjs';

let s;
before(async () => {
  s = await startSession();
});
after(async () => {
  await s?.close();
});

const xssRow = (family, text) => s.sim.groundTruth(family, 1).rows.find((r) => r.texts.includes(text));

async function assertInert(page) {
  assert.equal(await page.evaluate(() => typeof window.__rdPwned), 'undefined', `window.__rdPwned was set in ${page.url()}`);
  const injected = await page.locator('img[src="x"], script:has-text("__rdPwned")').count();
  assert.equal(injected, 0, `an element from review text exists in ${page.url()}`);
}

test('Qianniu and legacy pages with HTML in a review stay inert', async () => {
  const qn = await s.openConsolePage('qianniu', 1, { page: s.blank });
  await expectBadgesOnCaseRows(qn, s.sim.groundTruth('qianniu', 1));
  assert.ok(xssRow('qianniu', XSS_TEXT)?.caseSentiment, 'fixture: the HTML review is a case');
  assert.ok((await qn.locator('.rate-content').allTextContents()).some((t) => t.includes(XSS_TEXT)), 'the page shows the HTML as text');
  await assertInert(qn);

  const legacy = await s.openConsolePage('legacy', 1);
  await expectBadgesOnCaseRows(legacy, s.sim.groundTruth('legacy', 1));
  assert.ok(xssRow('legacy', LEGACY_XSS_TEXT)?.caseSentiment, 'fixture: the legacy HTML review is a case');
  await assertInert(legacy);
  assert.deepEqual([...s.errorsOf(qn), ...s.errorsOf(legacy)], []);
});

test('the side panel shows the HTML literally and runs none of it', async () => {
  const ids = [xssRow('qianniu', XSS_TEXT).reviewId, xssRow('legacy', LEGACY_XSS_TEXT).reviewId];
  const panel = await s.openSidePanelTab();
  const listed = await waitForSidePanelIds(panel, ids);
  assert.deepEqual(ids.filter((id) => !listed.includes(id)), [], 'HTML reviews missing from the side panel');
  await panel.waitForTimeout(500);
  const shown = await panel.locator('body').innerText();
  assert.ok(shown.includes('<img src=x onerror='), 'the Qianniu review text is not shown literally in the side panel');
  await assertInert(panel);
  // Hover and focus everything that might show the full text in a tooltip or popover.
  for (const id of ids) await panel.locator(`[data-review-id="${id}"]`).first().hover().catch(() => {});
  await assertInert(panel);
  for (const p of s.context.pages()) await assertInert(p);
  const relativeX = s.sim.requests().filter((r) => /\/x$/.test(new URL(r.url).pathname));
  assert.deepEqual(relativeX, [], 'something requested the payload image "x"');
});

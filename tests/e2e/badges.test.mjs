// Test 1: badges sit on exactly the case rows (ids and sentiments as in the ground truth) of the first page of
// each console; positive and still-unclassified rows get none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, expectBadgesOnCaseRows, expectInferredBadges } from './harness.mjs';

let s;
// The upgrade pop-up covers the Qianniu list, as it does for real sellers now and then: badges must still be placed.
before(async () => {
  s = await startSession({ console: { upgradeDialog: true } });
});
after(async () => {
  await s?.close();
});

test('Qianniu 来自买家的评价 page 1: one badge per case row, none elsewhere', async () => {
  const truth = s.sim.groundTruth('qianniu', 1);
  assert.ok(truth.cases.some((c) => c.sentiment === 'neutral') && truth.cases.some((c) => c.sentiment === 'negative'), 'fixture has both kinds of case');
  const page = await s.openConsolePage('qianniu', 1, { page: s.blank });
  await expectBadgesOnCaseRows(page, truth);
  assert.deepEqual(s.errorsOf(page), []);
});

test('Qianniu on qn.taobao.com (same path): same badges', async () => {
  const page = await s.openConsolePage('qianniu-qn', 1);
  await expectBadgesOnCaseRows(page, s.sim.groundTruth('qianniu', 1));
  assert.deepEqual(s.errorsOf(page), []);
  await page.close();
});

test('legacy rate.taobao.com list page 1: badges on 中评/差评 rows only', async () => {
  const page = await s.openConsolePage('legacy', 1);
  await expectBadgesOnCaseRows(page, s.sim.groundTruth('legacy', 1));
  assert.deepEqual(s.errorsOf(page), []);
  await page.close();
});

test('legacy entry myRate.htm (shows the first list page): same badges', async () => {
  const page = await s.openConsolePage('legacy-entry', 1);
  await expectBadgesOnCaseRows(page, s.sim.groundTruth('legacy', 1));
  assert.deepEqual(s.errorsOf(page), []);
  await page.close();
});

test('Tmall allRate.htm page 1: inferred badges on the rows, mostly on the reviews labelled negative', async () => {
  const page = await s.openConsolePage('tmall', 1);
  await expectInferredBadges(page, s.sim.groundTruth('tmall', 1));
  assert.deepEqual(s.errorsOf(page), []);
  await page.close();
});

test('no request left the simulated consoles', () => {
  assert.deepEqual(s.sim.unexpectedRequests(), []);
});

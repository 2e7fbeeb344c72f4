// Test 3: seeing the same page again creates nothing twice: two reloads and a second tab leave exactly one badge
// per case row, and the side panel lists each case once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, expectBadgesOnCaseRows, waitForSidePanelIds, readCaseList } from './harness.mjs';

let s;
before(async () => {
  s = await startSession();
});
after(async () => {
  await s?.close();
});

test('reloading Qianniu page 1 twice and opening it in a second tab', async () => {
  const truth = s.sim.groundTruth('qianniu', 1);
  const page = await s.openConsolePage('qianniu', 1, { page: s.blank });
  await expectBadgesOnCaseRows(page, truth);
  for (let i = 0; i < 2; i++) {
    await page.reload();
    await s.waitForRows(page, 'qianniu', 1);
    await expectBadgesOnCaseRows(page, truth);
  }
  const second = await s.openConsolePage('qianniu', 1);
  await expectBadgesOnCaseRows(second, truth);
  // The first tab must not have gained a second set of badges meanwhile.
  await expectBadgesOnCaseRows(page, truth);
  assert.deepEqual([...s.errorsOf(page), ...s.errorsOf(second)], []);
});

test('the side panel lists each case exactly once', async () => {
  const caseIds = s.sim.groundTruth('qianniu', 1).cases.map((c) => c.reviewId);
  const panel = await s.openSidePanelTab();
  await waitForSidePanelIds(panel, caseIds);
  // Give late updates (from the second tab) a moment to arrive before counting.
  await panel.waitForTimeout(1000);
  const listed = await readCaseList(panel);
  const counts = Object.fromEntries(caseIds.map((id) => [id, listed.filter((x) => x === id).length]));
  assert.deepEqual(counts, Object.fromEntries(caseIds.map((id) => [id, 1])), 'times each case is listed');
  const repeated = listed.filter((id, i) => listed.indexOf(id) !== i);
  assert.deepEqual(repeated, [], 'ids listed more than once');
  assert.deepEqual(s.errorsOf(panel), []);
});

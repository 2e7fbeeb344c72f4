// Test 2: paging. Qianniu and Tmall page in place (no load): badges follow the new rows and vanish with the old
// ones; Qianniu's back button works too. Legacy pages are full loads reached through the page's own link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, expectBadgesOnCaseRows, expectBadgesWithinRows, expectInferredBadges, expectNoBadgesFor } from './harness.mjs';

let s;
before(async () => {
  s = await startSession();
});
after(async () => {
  await s?.close();
});

const idsOf = (truth) => truth.rows.map((r) => r.reviewId);

test('Qianniu: page 2 by its pager button, then back and forward', async () => {
  const one = s.sim.groundTruth('qianniu', 1);
  const two = s.sim.groundTruth('qianniu', 2);
  const page = await s.openConsolePage('qianniu', 1, { page: s.blank });
  await expectBadgesOnCaseRows(page, one);

  await s.clickPager(page, 'qianniu', 2);
  assert.match(page.url(), /current=2&pageSize=20$/);
  await expectNoBadgesFor(page, idsOf(one));
  await expectBadgesOnCaseRows(page, two);

  await page.goBack();
  await s.waitForRows(page, 'qianniu', 1);
  await expectNoBadgesFor(page, idsOf(two));
  await expectBadgesOnCaseRows(page, one);

  await page.goForward();
  await s.waitForRows(page, 'qianniu', 2);
  await expectBadgesOnCaseRows(page, two);

  // Straight to page 3 from its button.
  await s.clickPager(page, 'qianniu', 3);
  await expectBadgesOnCaseRows(page, s.sim.groundTruth('qianniu', 3));
  assert.deepEqual(s.errorsOf(page), []);
});

// Placement first, so that a paging bug and a text-classification difference are told apart.
test('Tmall: badges follow the rows when paging in place (placement only)', async () => {
  const one = s.sim.groundTruth('tmall', 1);
  const two = s.sim.groundTruth('tmall', 2);
  const page = await s.openConsolePage('tmall', 1);
  await expectBadgesWithinRows(page, one);
  const url = page.url();

  await s.clickPager(page, 'tmall', 2);
  assert.equal(page.url(), url, 'Tmall pages without changing the URL');
  await expectNoBadgesFor(page, idsOf(one));
  await expectBadgesWithinRows(page, two);

  await s.clickPager(page, 'tmall', 1);
  await expectNoBadgesFor(page, idsOf(two));
  await expectBadgesWithinRows(page, one);
  assert.deepEqual(s.errorsOf(page), []);
  await page.close();
});

test('Tmall: page 2 in place, then page 1 again (inferred badges within bounds)', async () => {
  const one = s.sim.groundTruth('tmall', 1);
  const two = s.sim.groundTruth('tmall', 2);
  const page = await s.openConsolePage('tmall', 1);
  await s.clickPager(page, 'tmall', 2);
  await expectInferredBadges(page, two);
  await s.clickPager(page, 'tmall', 1);
  await expectInferredBadges(page, one);
  await page.close();
});

test('legacy: page 2 through the page link (a full load)', async () => {
  const page = await s.openConsolePage('legacy', 1);
  await expectBadgesOnCaseRows(page, s.sim.groundTruth('legacy', 1));
  await s.clickPager(page, 'legacy', 2);
  assert.match(decodeURIComponent(page.url()), /currentPage\|2\.htm#rateList$/);
  await expectBadgesOnCaseRows(page, s.sim.groundTruth('legacy', 2));
  assert.deepEqual(s.errorsOf(page), []);
  await page.close();
});

test('no request left the simulated consoles', () => {
  assert.deepEqual(s.sim.unexpectedRequests(), []);
});

// Test 4: after visiting pages of all three consoles, the side panel (opened as a tab) lists every case seen
// and nothing that is not a case (no positive or still-unclassified review).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, expectBadgesOnCaseRows, expectBadgesWithinRows, badgeHosts, waitForSidePanelIds } from './harness.mjs';

let s;
let listed = [];
const visited = [];
const tmallBadged = [];

before(async () => {
  s = await startSession();
  const qn = await s.openConsolePage('qianniu', 1, { page: s.blank });
  await expectBadgesOnCaseRows(qn, s.sim.groundTruth('qianniu', 1)).catch(() => {});
  await s.clickPager(qn, 'qianniu', 2);
  visited.push(s.sim.groundTruth('qianniu', 1), s.sim.groundTruth('qianniu', 2));
  const legacy = await s.openConsolePage('legacy', 1);
  await s.clickPager(legacy, 'legacy', 2);
  visited.push(s.sim.groundTruth('legacy', 1), s.sim.groundTruth('legacy', 2));
  const tmall = await s.openConsolePage('tmall', 1);
  await s.clickPager(tmall, 'tmall', 2);
  // Tmall sentiment is inferred from text (no rating in its JSON): the panel must list exactly what was badged.
  await expectBadgesWithinRows(tmall, s.sim.groundTruth('tmall', 2));
  tmallBadged.push(...(await badgeHosts(tmall)).map((h) => h.reviewId));
  await s.clickPager(tmall, 'tmall', 1);
  await expectBadgesWithinRows(tmall, s.sim.groundTruth('tmall', 1));
  tmallBadged.push(...(await badgeHosts(tmall)).map((h) => h.reviewId));
  // Whatever the extension does with what it saw, badges on the last pages mean it has processed them.
  await Promise.all([
    expectBadgesOnCaseRows(qn, s.sim.groundTruth('qianniu', 2)).catch(() => {}),
    expectBadgesOnCaseRows(legacy, s.sim.groundTruth('legacy', 2)).catch(() => {}),
  ]);
  const panel = await s.openSidePanelTab();
  listed = await waitForSidePanelIds(panel, [...visited.flatMap((t) => t.cases.map((c) => c.reviewId)), ...tmallBadged], { timeout: 60_000 });
});

after(async () => {
  await s?.close();
});

test('draws only the rows on screen, not the whole list', async () => {
  const panel = await s.openSidePanelTab();
  await panel.locator('.case-list > li[data-review-id]').first().waitFor();
  const drawn = await panel.locator('.case-list > li').count();
  const { total, fits } = await panel.locator('.case-scroller').evaluate((el) => ({
    total: Number(/\d+/.exec(document.querySelector('#open-cases .muted')?.textContent ?? '')?.[0] ?? 0),
    fits: Math.ceil(el.clientHeight / 60),
  }));
  assert.ok(total > drawn, `the list holds ${total} cases and draws ${drawn} rows`);
  // A screenful (rows are at least 60 px) and a few beyond on each side.
  assert.ok(drawn <= fits + 10, `${drawn} rows drawn for a screen of about ${fits}`);
  await panel.close();
});

test('lists exactly the Tmall reviews that were badged', () => {
  const tmallIds = new Set([...s.sim.groundTruth('tmall', 1).rows, ...s.sim.groundTruth('tmall', 2).rows].map((r) => r.reviewId));
  assert.ok(tmallBadged.length > 0);
  assert.deepEqual(listed.filter((id) => tmallIds.has(id)).sort(), [...new Set(tmallBadged)].sort());
});

for (const family of ['qianniu', 'legacy']) {
  test(`lists every ${family} case seen`, () => {
    const missing = visited
      .filter((t) => t.family === family)
      .flatMap((t) => t.cases.map((c) => `${c.reviewId} (page ${t.pageNo}, ${c.sentiment})`))
      .filter((label) => !listed.includes(label.split(' ')[0]));
    assert.deepEqual(missing, [], `${family} cases missing from the side panel`);
  });
}

test('lists no Qianniu or legacy review that is not a case', () => {
  const nonCases = visited.flatMap((t) => t.rows.filter((r) => !r.caseSentiment).map((r) => `${r.reviewId} (${t.family} p${t.pageNo}, ${r.mainSentiment}${r.appendSentiment ? `/${r.appendSentiment}` : ''})`));
  const shown = nonCases.filter((label) => listed.includes(label.split(' ')[0]));
  assert.deepEqual(shown, [], 'non-case reviews listed in the side panel');
  const caseIds = new Set(visited.flatMap((t) => t.cases.map((c) => c.reviewId)));
  const badged = new Set(tmallBadged);
  assert.deepEqual(listed.filter((id) => !caseIds.has(id) && !badged.has(id)), [], 'side panel entries that are no case of a visited page');
});

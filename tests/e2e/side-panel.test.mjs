// Test 4: after visiting pages of all three consoles, the side panel (opened as a tab) lists every case seen
// and nothing that is not a case (no positive or still-unclassified review).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, expectBadgesOnCaseRows, expectBadgesWithinRows, badgeHosts } from './harness.mjs';

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
  listed = await waitForListedIds(panel, [...visited.flatMap((t) => t.cases.map((c) => c.reviewId)), ...tmallBadged]);
});

/**
 * Every case the panel's list holds. The list draws only the rows on screen, so it is read a screen at a time,
 * scrolling down as an agent would. Rows are collected by their position (data-index), and the next scroll starts
 * from the first position not yet read, so a screen drawn late on a busy machine is read again, never skipped.
 */
async function listedIds(panel, timeout = 30_000) {
  const byIndex = new Map();
  const scroller = panel.locator('.case-scroller');
  const deadline = Date.now() + timeout;
  await scroller.evaluate((el) => { el.scrollTop = 0; });
  for (;;) {
    await panel.waitForFunction(() => document.querySelectorAll('.case-list > li.placeholder').length === 0, null, { timeout: 10_000 });
    const screen = await scroller.evaluate((el) => {
      const rows = [...el.querySelectorAll('.case-list > li[data-index][data-review-id]')];
      const top = el.getBoundingClientRect().top;
      return {
        total: Number(rows[0]?.getAttribute('aria-setsize') ?? 0),
        rows: rows.map((li) => ({
          index: Number(li.getAttribute('data-index')),
          id: li.getAttribute('data-review-id'),
          offset: el.scrollTop + li.getBoundingClientRect().top - top,
        })),
      };
    });
    for (const row of screen.rows) byIndex.set(row.index, row.id);
    let missing = 0;
    while (missing < screen.total && byIndex.has(missing)) missing++;
    if (missing >= screen.total || Date.now() > deadline) return [...byIndex.values()];
    // Scroll so that the last row read is at the top: the first position not yet read is then on screen.
    const lastRead = screen.rows.filter((r) => r.index < missing).at(-1);
    await scroller.evaluate((el, offset) => { el.scrollTop = offset; }, lastRead?.offset ?? 0);
    await panel.waitForTimeout(100);
  }
}

/** Reads the whole list until it holds every id in `ids` (cases still being stored arrive as the panel is told). */
async function waitForListedIds(panel, ids, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  await panel.locator('.case-scroller').waitFor();
  for (;;) {
    const ids2 = await listedIds(panel);
    if (ids.every((id) => ids2.includes(id)) || Date.now() > deadline) return ids2;
    await panel.waitForTimeout(300);
  }
}
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

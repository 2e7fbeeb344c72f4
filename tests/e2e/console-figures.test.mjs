// What the badges say next to the console's own words (issue 8): the days left to explain equal the console's
// 还有N天可回复 on every fixture row; a bad follow-up is badged in its own row (差评追评/中评追评); an overdue promise
// shows on the badge; a console URL with a broken percent escape is read without an error on the page; one odd
// review costs only itself, and the panel's page status says what was skipped.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, expectBadgesOnCaseRows, waitForSidePanelIds, readCaseRows } from './harness.mjs';

/** The days-left figure a label states: 解释剩N天 / 还有N天可回复 → N; under a day → 1; over → 0. */
function daysIn(text) {
  const n = /解释剩(\d+)天|还有(\d+)天可回复/.exec(text);
  if (n) return Number(n[1] ?? n[2]);
  if (/解释期不足1天/.test(text)) return 1;
  if (/已过解释期|已超过回复期限/.test(text)) return 0;
  return null;
}

/** Each badge with the class of the table row it sits in and that row's text. */
const placedBadges = (page) =>
  page.locator('[data-review-id][data-sentiment]').evaluateAll((els) => els.map((el) => {
    const tr = el.closest('tr');
    return {
      reviewId: el.getAttribute('data-review-id'),
      label: el.shadowRoot?.querySelector('button')?.textContent ?? '',
      title: el.shadowRoot?.querySelector('button')?.title ?? '',
      inFollowUpRow: Boolean(tr?.classList.contains('next-table-expanded-row')),
      // The console's reply figure sits in the review's own row.
      consoleText: (tr?.classList.contains('next-table-expanded-row') ? tr.previousElementSibling : tr)?.textContent ?? '',
    };
  }));

describe('figures and placement on the simulated console', () => {
  let s;
  before(async () => {
    s = await startSession();
  });
  after(async () => {
    await s?.close();
  });

  test('Qianniu pages 1–4: every badge counts the days left exactly as the console row beside it (还有N天可回复)', async () => {
    const page = await s.openConsolePage('qianniu', 1, { page: s.blank });
    const checked = [];
    for (let pageNo = 1; pageNo <= s.sim.pageCounts.qianniu; pageNo++) {
      if (pageNo > 1) await s.clickPager(page, 'qianniu', pageNo);
      const truth = s.sim.groundTruth('qianniu', pageNo);
      await expectBadgesOnCaseRows(page, truth);
      for (const badge of await placedBadges(page)) {
        const console = daysIn(badge.consoleText);
        assert.notEqual(console, null, `page ${pageNo}: row of ${badge.reviewId} shows no reply figure`);
        assert.equal(daysIn(badge.label), console, `page ${pageNo}: badge "${badge.label}" next to the console's "${/还有\d+天可回复|已超过回复期限/.exec(badge.consoleText)?.[0]}"`);
        checked.push(console);
      }
    }
    assert.ok(checked.length >= 20 && checked.includes(30) && checked.includes(0), `checked figures: ${checked.join(',')}`);

    // The panel's queue says the same for the same cases.
    await s.clickPager(page, 'qianniu', 1);
    const truth = s.sim.groundTruth('qianniu', 1);
    const panel = await s.openSidePanelTab();
    await waitForSidePanelIds(panel, truth.cases.map((c) => c.reviewId));
    const consoleFigures = new Map((await placedBadges(page)).map((b) => [b.reviewId, daysIn(b.consoleText)]));
    const entries = new Map((await readCaseRows(panel)).map((row) => [row.id, row.text]));
    for (const { reviewId } of truth.cases) {
      const entry = entries.get(reviewId);
      assert.equal(daysIn(entry), consoleFigures.get(reviewId), `panel entry of ${reviewId}: "${entry}"`);
    }
    await panel.close();
    assert.deepEqual(s.errorsOf(page), []);
  });

  test('a bad follow-up is badged in the follow-up row as 差评追评/中评追评; other cases on the review row', async () => {
    const page = s.blank;
    const truth = s.sim.groundTruth('qianniu', 1);
    await expectBadgesOnCaseRows(page, truth);
    const severity = { negative: 2, neutral: 1 };
    const rows = new Map(truth.rows.map((r) => [r.reviewId, r]));
    const badges = await placedBadges(page);
    const onFollowUps = badges.filter((b) => b.inFollowUpRow).map((b) => b.reviewId);
    assert.ok(onFollowUps.length >= 2, 'page 1 has cases carried by their follow-up');
    for (const badge of badges) {
      const row = rows.get(badge.reviewId);
      const followUpWorse = (severity[row.appendSentiment] ?? 0) > (severity[row.mainSentiment] ?? 0);
      assert.equal(badge.inFollowUpRow, followUpWorse, `${badge.reviewId} (${row.mainSentiment}/${row.appendSentiment}) badged in the wrong row`);
      if (followUpWorse) assert.match(badge.label, row.caseSentiment === 'negative' ? /^差评追评/ : /^中评追评/);
      else assert.doesNotMatch(badge.label, /追评/);
    }
  });

  test('an overdue promise shows on the badge of its case', async () => {
    const page = s.blank;
    const truth = s.sim.groundTruth('qianniu', 1);
    await expectBadgesOnCaseRows(page, truth);
    const reviewId = truth.cases[1].reviewId;
    const panel = await s.openSidePanelTab();
    const reply = await panel.evaluate((caseId) => chrome.runtime.sendMessage({
      type: 'addPromise', caseId, kind: 'reship', amountFen: null, dueAt: Date.now() - 60_000, note: '',
    }), `qianniu:${reviewId}`);
    assert.equal(reply?.ok, true, JSON.stringify(reply));
    const badge = page.locator(`[data-review-id="${reviewId}"]`);
    await page.waitForFunction((id) => document.querySelector(`[data-review-id="${id}"]`)?.shadowRoot?.textContent?.includes('承诺逾期'), reviewId, { timeout: 10_000 });
    assert.match(await badge.evaluate((el) => el.shadowRoot.querySelector('button').title), /承诺逾期/);
    // Only that case's badge says so.
    const others = (await placedBadges(page)).filter((b) => b.reviewId !== reviewId && b.label.includes('承诺逾期'));
    assert.deepEqual(others.map((b) => b.reviewId), []);
    await panel.close();
  });

  test('a console URL with a broken percent escape: badges as usual, no error on the page', async () => {
    const page = await s.context.newPage();
    await page.goto('https://myseller.taobao.com/home.htm/%E0%A4%A/comment-manage/list/rateWait4PC?current=1&pageSize=20');
    await s.waitForRows(page, 'qianniu', 1);
    await expectBadgesOnCaseRows(page, s.sim.groundTruth('qianniu', 1));
    assert.deepEqual(s.errorsOf(page), []);
    await page.close();
  });

  test('no request left the simulated consoles', () => {
    assert.deepEqual(s.sim.unexpectedRequests(), []);
  });
});

describe('one odd review costs only itself', () => {
  let s;
  // Page 1 rows: 3 neutral (its feedId becomes 1 MB), 0 negative (nick is an object), 7 negative with a positive
  // follow-up (emotionType renamed), 11 neutral with a negative follow-up (1 MB follow-up text).
  const odd = { 3: 'hugeFeedId', 0: 'objectNick', 7: 'renamedEmotion', 11: 'hugeFollowUp' };
  before(async () => {
    s = await startSession({ console: { qianniuOddItems: odd } });
  });
  after(async () => {
    await s?.close();
  });

  test('every other case row keeps its badge, and the page status counts the skipped review', async () => {
    const truth = s.sim.groundTruth('qianniu', 1);
    assert.equal(truth.rows[3].skipped, 'id-too-long');
    const page = await s.openConsolePage('qianniu', 1, { page: s.blank });
    await expectBadgesOnCaseRows(page, truth, { timeout: 15_000 });
    const panel = await s.openSidePanelTab();
    const problems = panel.locator('[data-page-status="problems"]');
    await problems.waitFor({ timeout: 10_000 });
    assert.match(await problems.textContent(), /有 1 条评价无法读取，已跳过（编号过长 1）/);
    // The long follow-up is stored, not refused: its case lists it.
    assert.ok((await waitForSidePanelIds(panel, [truth.rows[11].reviewId])).includes(truth.rows[11].reviewId));
    await panel.close();
    assert.deepEqual(s.errorsOf(page), []);
  });
});

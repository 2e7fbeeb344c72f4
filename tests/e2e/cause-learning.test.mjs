// Issue 12 in the built extension: the agent corrects a case's main cause with the chips, the shop's model learns
// from it in the background worker, and a similar review that arrives afterwards is filed under the corrected cause.
// The console simulator serves its usual pages; two of its reviews are given the texts this test needs (the
// simulator builds each answer from its data when asked, so page 2 shows the second text only when opened).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession } from './harness.mjs';

const FIRST = '这个包装 我也是醉了';
const SIMILAR = '包装真是醉了，什么玩意';
let s;

before(async () => {
  s = await startSession();
});
after(async () => {
  await s?.close();
});

/** The first negative review without a follow-up on a Qianniu page (by the simulator's ground truth). */
function plainNegative(pageNo) {
  const rows = s.sim.groundTruth('qianniu', pageNo).rows;
  const index = rows.findIndex((r) => r.caseSentiment === 'negative' && r.mainSentiment === 'negative' && r.texts.length === 1 && !r.texts[0].includes('<'));
  assert.ok(index >= 0, `page ${pageNo} has a plain negative review`);
  return { row: rows[index], index: (pageNo - 1) * 20 + index };
}

/** Gives the simulator's review at `index` (over all pages) the text `text`. */
function setText(index, text) {
  s.sim.data.qianniu.items[index].rateContent.mainRate.content = text;
  s.sim.data.qianniu.truth[index].texts = [text];
}

async function openCase(panel, id) {
  const detail = panel.locator(`article.case-detail[data-review-id="${id}"]`);
  await panel.waitForSelector('.case-scroller');
  await panel.locator('input[type="search"]').fill(id);
  await panel.locator(`li[data-review-id="${id}"] button`).click();
  await detail.waitFor();
  return detail;
}

const mainCause = (detail) => detail.locator('[data-cause]').first().getAttribute('data-cause');

test('a corrected cause is learnt in the background and a similar new review arrives with it', async () => {
  const first = plainNegative(1);
  const second = plainNegative(2);
  setText(first.index, FIRST);
  setText(second.index, SIMILAR);

  const page = await s.openConsolePage('qianniu', 1, { page: s.blank });
  await page.locator(`reviewdesk-badge[data-review-id="${first.row.reviewId}"]`).waitFor();

  const panel = await s.openSidePanelTab();
  let detail = await openCase(panel, first.row.reviewId);
  assert.equal(await mainCause(detail), 'subjective', 'the shipped model reads the first review as a vague dislike');
  // Two chips at the top, the main one pressed; the right cause is one click further.
  await detail.locator('[data-testid="cause-chips"] [data-cause-chip]').nth(1).waitFor();
  assert.equal(await detail.locator('[data-testid="cause-chips"] [data-cause-chip][aria-pressed="true"]').getAttribute('data-cause-chip'), 'subjective');
  await detail.getByTestId('more-causes').click();
  await detail.locator('[data-cause-chip="logistics_damage"]').click();
  await detail.getByTestId('cause-recorded').filter({ hasText: '已记下：修正。' }).waitFor();
  await panel.waitForFunction((id) => document.querySelector(`article.case-detail[data-review-id="${id}"] [data-cause]`)?.getAttribute('data-cause') === 'logistics_damage', first.row.reviewId);
  assert.match(await detail.getByTestId('cause-model').textContent(), /新记下 1 条/);

  // Learning runs in the background worker; the panel stays usable and shows when the shop's model is in use.
  await detail.getByTestId('cause-model').getByRole('button', { name: '立即学习' }).click();
  await detail.locator('[data-testid="cause-model"][data-model="shop"]').waitFor({ timeout: 60_000 });
  assert.match(await detail.getByTestId('cause-model').textContent(), /本店模型（学习了 1 个案例，其中修正 1 个/);

  // The next page of the console shows a similar review for the first time.
  await s.clickPager(page, 'qianniu', 2);
  await page.locator(`reviewdesk-badge[data-review-id="${second.row.reviewId}"]`).waitFor();
  await panel.getByRole('button', { name: /返回列表/ }).click();
  detail = await openCase(panel, second.row.reviewId);
  assert.equal(await panel.getByTestId('review-text').textContent(), SIMILAR);
  assert.equal(await mainCause(detail), 'logistics_damage', 'the similar review is filed under the corrected cause');
  assert.deepEqual(s.errorsOf(panel), []);
  assert.deepEqual(s.workerErrors(), []);
});

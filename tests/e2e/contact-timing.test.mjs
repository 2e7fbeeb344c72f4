// Issue 8 in the built extension: "何时联系" names one moment (the headline, its countdown and the first call window
// listed agree, at whatever hour this runs), and calls logged by quick key presses each reach the history, with a
// visible warning when one breaks the gap between calls, never a refusal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, expectBadgesOnCaseRows } from './harness.mjs';

let s;
let caseIds;

before(async () => {
  s = await startSession();
  const truth = s.sim.groundTruth('qianniu', 1);
  const page = await s.openConsolePage('qianniu', 1, { page: s.blank });
  caseIds = (await expectBadgesOnCaseRows(page, truth)).map((h) => h.reviewId);
});
after(async () => {
  await s?.close();
});

/** "12-03 19:00" in Beijing time, as the panel writes it. */
const dayAndClock = (ms) => new Date(ms + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');

/** Finds the case by its review id in the search box (the list draws only a screen of rows) and opens it. */
async function openCase(panel, id) {
  await panel.getByRole('searchbox').fill(id);
  await panel.locator(`li[data-review-id="${id}"] button`).click();
  await panel.locator(`article.case-detail[data-review-id="${id}"]`).waitFor();
  await panel.getByTestId('contact-advice').or(panel.getByTestId('contact-blocked')).waitFor();
}

test('the headline, its countdown and the first window listed name the same moment', async () => {
  const panel = await s.openSidePanelTab();
  let phoned = 0;
  for (const id of caseIds.slice(0, 12)) {
    await openCase(panel, id);
    const advice = panel.getByTestId('contact-advice');
    if ((await advice.count()) === 0) {
      await panel.keyboard.press('Escape');
      continue;
    }
    // One read of the whole section: the panel asks again every minute (and a window that is open now starts "now"),
    // so attributes read one by one could come from two different answers.
    const seen = await panel.getByTestId('contact-timing').evaluate((section) => {
      const a = section.querySelector('[data-testid="contact-advice"]');
      const first = section.querySelector('[data-window-start]');
      return {
        suggestedAt: Number(a.getAttribute('data-suggested-at')),
        headline: a.textContent,
        channel: a.getAttribute('data-channel'),
        countdown: section.querySelector('[data-testid="countdown"]')?.textContent ?? null,
        firstStart: first ? Number(first.getAttribute('data-window-start')) : null,
        firstSuggested: first ? first.querySelectorAll('[data-testid="suggested-window"]').length : 0,
      };
    });
    const { suggestedAt, headline } = seen;
    const readAt = Date.now();
    if (headline.includes('现在就可以')) {
      // "now" was judged by the panel's clock a moment before this read.
      assert.ok(suggestedAt <= readAt + 60_000, `says now for ${dayAndClock(suggestedAt)}`);
      assert.equal(seen.countdown, null);
    } else {
      assert.ok(suggestedAt > readAt - 60_000, `a moment to come: ${headline}`);
      assert.ok(headline.includes(`${dayAndClock(suggestedAt)} 起`), `headline names ${dayAndClock(suggestedAt)}: ${headline}`);
      assert.match(seen.countdown ?? '', /还有 (\d+小时)?\d+分/);
    }
    if (seen.channel === 'phone') {
      phoned++;
      assert.equal(seen.firstStart, suggestedAt, 'the first window is the proposed call');
      assert.equal(seen.firstSuggested, 1);
    }
    await panel.keyboard.press('Escape');
  }
  assert.ok(phoned > 0, 'at least one case was advised a call');
  await panel.close();
});

test('three quick key presses (1, 2, 1) are three calls in the history, with a warning about the gap', async () => {
  const panel = await s.openSidePanelTab();
  const id = caseIds.at(-1);
  await openCase(panel, id);
  for (const key of ['1', '2', '1']) await panel.keyboard.press(key);
  await panel.waitForFunction(() => document.querySelectorAll('[data-testid="history"] li[data-event="attempt"]').length === 3);
  const logged = await panel.locator('[data-testid="history"] li[data-event="attempt"]').allTextContents();
  assert.deepEqual(logged.map((t) => /未接通|拒接\/挂断/.exec(t)?.[0]).reverse(), ['未接通', '拒接/挂断', '未接通']);
  await panel.getByTestId('outcome-warning').waitFor();
  assert.match(await panel.getByTestId('outcome-warning').textContent(), /已照实记录.*距上次电话只有/);
  await panel.close();
});

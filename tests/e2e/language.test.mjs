// The page's badges speak the agent's language: switched in the side panel, the console page's badges follow once it
// reads its reviews again (the background keeps the language between batches and must notice the change).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, expectBadgesOnCaseRows, badgeHosts } from './harness.mjs';

let s;
after(async () => {
  await s?.close();
});

test('switching the panel to English turns the page badges English after a reload, and back', async () => {
  s = await startSession();
  const truth = s.sim.groundTruth('qianniu', 1);
  const page = await s.openConsolePage('qianniu', 1, { page: s.blank });
  await expectBadgesOnCaseRows(page, truth);
  assert.ok((await badgeHosts(page)).every((b) => /差评|中评/.test(b.label)), 'Chinese badges first');
  const panel = await s.openSidePanelTab();
  await panel.getByRole('button', { name: 'English' }).click();
  await panel.getByRole('button', { name: '中文' }).waitFor();
  for (const [lang, pattern] of [['en', /Negative|Neutral/], ['zh', /差评|中评/]]) {
    await page.reload();
    await s.waitForRows(page, 'qianniu', 1);
    await expectBadgesOnCaseRows(page, truth);
    const labels = (await badgeHosts(page)).map((b) => b.label);
    assert.ok(labels.length > 0 && labels.every((l) => pattern.test(l)), `${lang} badges: ${labels.slice(0, 3).join(' | ')}`);
    if (lang === 'en') {
      await panel.getByRole('button', { name: '中文' }).click();
      await panel.getByRole('button', { name: 'English' }).waitFor();
    }
  }
  assert.deepEqual(s.errorsOf(page), []);
});

// Issue 12: the case view's cause chips, in the real side panel against the real background logic.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { renderPanel } from './panel-harness';
import { observation } from '../unit/helpers';
import { savePreferences } from '@/lib/settings/preferences';
import { shippedModel } from '@/lib/causes/classify';
import { setShopCauseModel } from '@/lib/causes/active-model';
import { CAUSE_CODES } from '@/lib/causes/taxonomy';
import type { CauseModel } from '@/lib/causes/model';

const T0 = Date.UTC(2026, 11, 3, 2, 30); // 10:30 Beijing

const open = async (user: ReturnType<typeof userEvent.setup>, id: string) => {
  await waitFor(() => expect(document.querySelector(`li[data-review-id="${id}"]`)).toBeTruthy());
  await user.click(within(document.querySelector(`li[data-review-id="${id}"]`) as HTMLElement).getByRole('button'));
  await screen.findByTestId('review-text');
};
const chips = () => Array.from(screen.getByTestId('cause-chips').querySelectorAll('[data-cause-chip]')) as HTMLButtonElement[];
const storedRecords = async () => (await fakeBrowser.storage.local.get('causeLearning.records.0'))['causeLearning.records.0'] as Array<Record<string, unknown>> | undefined;

/** The shipped model leaning hard to one cause: a stand-in for a shop model that reads cases differently. */
function leaningTo(code: (typeof CAUSE_CODES)[number]): CauseModel {
  const m = structuredClone(shippedModel());
  m.bias[CAUSE_CODES.indexOf(code)] = 20;
  return m;
}

afterEach(() => {
  setShopCauseModel(null);
  vi.useRealTimers();
});

describe('cause chips', () => {
  it('shows the two most likely causes with their words at the top, the main one pressed, the rest one click further', async () => {
    const user = userEvent.setup();
    await renderPanel([observation({ content: '快递太慢了，一个星期才到，客服也不回消息' })]);
    await open(user, '1001');
    await waitFor(() => expect(chips()).toHaveLength(2));
    const [first, second] = chips();
    expect(first!.dataset.causeChip).toBe('logistics_delay');
    expect(first!.getAttribute('aria-pressed')).toBe('true');
    expect(first!.textContent).toMatch(/物流慢\/快递服务.*慢/);
    expect(second!.dataset.causeChip).toBe('service_response');
    expect(second!.getAttribute('aria-pressed')).toBe('false');
    expect(second!.textContent).toMatch(/回复慢.*不回/);
    await user.click(screen.getByTestId('more-causes'));
    await waitFor(() => expect(chips()).toHaveLength(12));
    expect(screen.getByTestId('cause-model').textContent).toContain('内置模型');
  });

  it('one click on the second chip makes it the main cause and records a correction with the agent and time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    await savePreferences({ agentName: '小王' });
    const user = userEvent.setup();
    const { db } = await renderPanel([observation({ content: '快递太慢了，一个星期才到，客服也不回消息' })]);
    await open(user, '1001');
    await waitFor(() => expect(chips()).toHaveLength(2));
    await user.click(chips()[1]!);
    await waitFor(async () => expect((await db.cases.get('qianniu:1001'))?.causes.map((c) => c.code)[0]).toBe('service_response'));
    expect(await db.cases.get('qianniu:1001')).toMatchObject({ causesBy: 'agent' });
    await waitFor(() => expect(screen.getByTestId('cause-recorded').textContent).toBe('已记下：修正。'));
    await waitFor(() => expect(chips().find((b) => b.dataset.causeChip === 'service_response')?.getAttribute('aria-pressed')).toBe('true'));
    expect(await storedRecords()).toEqual([expect.objectContaining({ kind: 'correction', agent: '小王', at: T0, primary: 'service_response', was: 'logistics_delay' })]);
    expect(screen.getByTestId('cause-model').textContent).toMatch(/新记下 1 条，满 25 条自动学习/);
  });

  it('a click on the chip that is already the main cause records a confirmation; a cause from further down becomes the main one', async () => {
    const user = userEvent.setup();
    const { db } = await renderPanel([observation({ content: '在逗我吗？' })]);
    await open(user, '1001');
    await waitFor(() => expect(chips()).toHaveLength(2));
    const main = chips().find((b) => b.getAttribute('aria-pressed') === 'true')!;
    await user.click(main);
    await waitFor(() => expect(screen.getByTestId('cause-recorded').textContent).toBe('已记下：确认。'));
    await user.click(screen.getByTestId('more-causes'));
    await user.click(document.querySelector('[data-cause-chip="price_value"]') as HTMLElement);
    await waitFor(async () => expect((await db.cases.get('qianniu:1001'))?.causes[0]?.code).toBe('price_value'));
    // The guessed main cause had no words of the buyer's behind it: it is not kept as a further cause.
    expect((await db.cases.get('qianniu:1001'))?.causes.map((c) => c.code)).toEqual(['price_value']);
    await waitFor(async () => expect((await storedRecords())?.map((r) => r.kind)).toEqual(['confirmation', 'correction']));
  });

  it('offers the shop model’s reading on an open case it would change, adopted in one click', async () => {
    const user = userEvent.setup();
    const { db } = await renderPanel([observation({ content: '快递太慢了，一个星期才到' })]);
    setShopCauseModel(leaningTo('quality'));
    await open(user, '1001');
    const offer = await screen.findByTestId('cause-offer');
    expect(offer.textContent).toContain('「质量问题」');
    await user.click(within(offer).getByRole('button', { name: '采用' }));
    await waitFor(async () => expect((await db.cases.get('qianniu:1001'))?.causes[0]?.code).toBe('quality'));
    await waitFor(() => expect(screen.queryByTestId('cause-offer')).toBeNull());
    // Adopting is the agent's choice like any other: recorded for the shop's model to learn from.
    await waitFor(async () => expect(await storedRecords()).toEqual([expect.objectContaining({ kind: 'correction', primary: 'quality', was: 'logistics_delay' })]));
  });

  it('goes back to the built-in model after asking once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0 + 60_000);
    await fakeBrowser.storage.local.set({
      'causeLearning.state': { version: 1, records: 0, seen: 0, resetAt: null, model: { trainedAt: T0, labels: 30, corrections: 12, ms: 800 }, offers: [] },
      'causeLearning.model': shippedModel(),
    });
    const user = userEvent.setup();
    await renderPanel([observation({ content: '快递太慢了' })]);
    await open(user, '1001');
    const status = await screen.findByTestId('cause-model');
    await waitFor(() => expect(status.textContent).toContain('本店模型（学习了 30 个案例，其中修正 12 个；2026-12-03 10:30 更新'));
    await user.click(within(status).getByRole('button', { name: '恢复内置模型' }));
    expect(within(status).getByRole('alertdialog').textContent).toContain('已记下的选择会保留');
    await user.click(within(status).getByRole('button', { name: '确定恢复' }));
    // Read through storage on each try: the reset lands there and in the line below the chips.
    await waitFor(async () => {
      expect((await fakeBrowser.storage.local.get('causeLearning.model'))['causeLearning.model']).toBeUndefined();
      expect(screen.getByTestId('cause-model').dataset.model).toBe('shipped');
    });
    expect(screen.getByTestId('cause-model').textContent).toContain('已恢复内置模型（2026-12-03 10:31）');
  });
});

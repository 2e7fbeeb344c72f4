import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPanel } from './panel-harness';
import { observation } from '../unit/helpers';

const open = async (user: ReturnType<typeof userEvent.setup>, id: string) => {
  await waitFor(() => expect(document.querySelector(`li[data-review-id="${id}"]`)).toBeTruthy());
  await user.click(within(document.querySelector(`li[data-review-id="${id}"]`) as HTMLElement).getByRole('button'));
  await screen.findByTestId('contact-timing');
};

describe('contact timing in the case view', () => {
  it('recommends a channel with a one-line reason and ranked call windows with a countdown', async () => {
    const user = userEvent.setup();
    await renderPanel([observation({ content: '快递太慢了，等了一个星期', reviewTime: Date.now() - 3_600_000 })]);
    await open(user, '1001');
    const advice = await screen.findByTestId('contact-advice');
    expect(advice.getAttribute('data-channel')).toMatch(/phone|chat/);
    expect(advice.textContent?.length).toBeGreaterThan(10);
    const windows = document.querySelectorAll('[data-window-start]');
    expect(windows.length).toBeGreaterThan(0);
    const starts = Array.from(windows).map((w) => Number(w.getAttribute('data-window-start')));
    expect(starts.every((s) => s >= Date.now() - 3_600_000)).toBe(true);
    // Each window says why in one line (e.g. 本店该时段接通率 / 初始经验).
    expect(windows[0]!.querySelector('.muted')?.textContent).toMatch(/\d{2}:00–\d{2}:00/);
    expect(screen.getByTestId('countdown').textContent).toMatch(/距下一时段|该时段进行中/);
  });

  it('says which limit blocks contact instead of suggesting a time', async () => {
    const user = userEvent.setup();
    await renderPanel([observation({ buyerKey: 'B1' })]);
    await open(user, '1001');
    await screen.findByTestId('contact-advice');
    await user.click(screen.getByLabelText('勿扰：不再给此买家打电话'));
    await user.click(screen.getByRole('button', { name: '保存买家备注' }));
    expect((await screen.findByTestId('contact-blocked')).textContent).toMatch(/勿扰|不再联系|do not contact/i);
    expect(document.querySelectorAll('[data-window-start]')).toHaveLength(0);
  });

  it('stops suggesting calls once the attempt cap is reached', async () => {
    const user = userEvent.setup();
    await renderPanel([observation()]);
    await open(user, '1001');
    for (const key of ['1', '2', '1']) {
      await user.keyboard(key);
      await screen.findByRole('status');
    }
    await waitFor(() => expect(screen.getByTestId('contact-timing').textContent).toMatch(/3/));
    const blocked = screen.queryByTestId('contact-blocked');
    const advice = screen.queryByTestId('contact-advice');
    // Either blocked outright, or only chat is left: no phone call is suggested.
    expect(blocked !== null || advice?.getAttribute('data-channel') === 'chat').toBe(true);
  });
});

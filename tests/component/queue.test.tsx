import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPanel } from './panel-harness';
import { usePanel } from '@/components/side-panel/store';
import { observation } from '../unit/helpers';

const HOUR = 3_600_000;
const reviews = () => [
  observation({ platformReviewId: '1', content: '快递太慢了，等了一个星期', sentiment: 'negative', reviewTime: Date.now() - 5 * HOUR, itemId: 'i1', itemTitle: '卫衣' }),
  observation({ platformReviewId: '2', content: '颜色和图片差别很大，色差严重', sentiment: 'neutral', reviewTime: Date.now() - 2 * HOUR, itemId: 'i2', itemTitle: '裤子' }),
  observation({ platformReviewId: '3', content: '<b>质量太差</b>，穿一次就起球', sentiment: 'negative', reviewTime: Date.now() - 1 * HOUR, itemId: 'i1', itemTitle: '卫衣' }),
];
const listed = () => screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-review-id')).map((li) => li.getAttribute('data-review-id'));

describe('queue', () => {
  it('lists open cases newest first with counts per status', async () => {
    await renderPanel(reviews());
    await waitFor(() => expect(listed()).toEqual(['3', '2', '1']));
    expect(within(screen.getByRole('button', { name: /待处理/ })).getByText('3')).toBeTruthy();
    // Review text with HTML is shown literally.
    expect(screen.getByText('<b>质量太差</b>，穿一次就起球')).toBeTruthy();
  });

  it('shows one chip on a case nobody opened (未读, not 新 and 未读 together), and the heading names the tab', async () => {
    const user = userEvent.setup();
    await renderPanel(reviews());
    await waitFor(() => expect(listed()).toHaveLength(3));
    const row = document.querySelector('li[data-review-id="1"]') as HTMLElement;
    expect(within(row).getByText('未读')).toBeTruthy();
    expect(within(row).queryByText('新')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/^待处理案例/);
    await user.click(screen.getByRole('button', { name: /^全部/ }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/^全部案例/);
    await user.click(document.querySelector('[data-status-tab="complained"]') as HTMLElement);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/^已投诉评价的案例/);
  });

  it('uses no Chinese punctuation in English', async () => {
    const user = userEvent.setup();
    await renderPanel(reviews());
    await user.click(await screen.findByRole('button', { name: 'English' }));
    await screen.findByRole('button', { name: '中文' });
    await waitFor(() => expect(listed()).toHaveLength(3));
    const options = Array.from(document.querySelectorAll('select option')).map((o) => o.textContent ?? '');
    expect(options).toContain('Sentiment: All');
    const panelText = [...options, ...Array.from(document.querySelectorAll('h1, h2, nav, .filters')).map((e) => e.textContent ?? '')].join('\n');
    expect(panelText).not.toMatch(/[：（），、]/);
  });

  // Each filter is a query to the background: the list follows when it answers.
  // The flake this pins: a reload read the settings (Chinese) just before the agent switched to English, and its
  // answer came last, switching the panel back. Here that answer is held until the switch is done.
  it('keeps the language just chosen when an older reload answers after the switch', async () => {
    const user = userEvent.setup();
    let holding = false;
    let reached = false;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await renderPanel(reviews(), {
      beforeReply: async (msg) => {
        if (msg.type !== 'getSettings' || !holding) return;
        reached = true;
        await held;
      },
    });
    await waitFor(() => expect(listed()).toHaveLength(3));
    holding = true;
    const reloading = usePanel.getState().reload(); // as when the agent switches browser tabs
    await waitFor(() => expect(reached).toBe(true));
    await user.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByRole('button', { name: '中文' });
    release();
    await act(() => reloading);
    expect(usePanel.getState().lang).toBe('en');
    expect(screen.getByRole('button', { name: '中文' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/^Open cases/);
  });

  it('filters by sentiment, cause, product and text', async () => {
    const user = userEvent.setup();
    await renderPanel(reviews());
    await waitFor(() => expect(listed()).toHaveLength(3));
    await user.selectOptions(screen.getByLabelText('情感'), 'neutral');
    await waitFor(() => expect(listed()).toEqual(['2']));
    await user.selectOptions(screen.getByLabelText('情感'), 'all');
    await user.selectOptions(screen.getByLabelText('原因'), 'logistics_delay');
    await waitFor(() => expect(listed()).toEqual(['1']));
    await user.selectOptions(screen.getByLabelText('原因'), 'all');
    await user.selectOptions(screen.getByLabelText('商品'), 'i1');
    await waitFor(() => expect(listed()).toEqual(['3', '1']));
    await user.type(screen.getByLabelText('搜索评价、商品、订单号…'), '起球');
    await waitFor(() => expect(listed()).toEqual(['3']));
  });

  it('moves a case between status tabs when its status changes', async () => {
    const user = userEvent.setup();
    await renderPanel(reviews());
    await waitFor(() => expect(listed()).toHaveLength(3));
    await user.click(within(document.querySelector('li[data-review-id="2"]') as HTMLElement).getByRole('button'));
    await user.click(await screen.findByRole('button', { name: '标记为已解决' }));
    await user.click(screen.getByRole('button', { name: /返回列表/ }));
    await waitFor(() => expect(listed()).toEqual(['3', '1']));
    await user.click(screen.getByRole('button', { name: /^已解决/ }));
    await waitFor(() => expect(listed()).toEqual(['2']));
  });
});

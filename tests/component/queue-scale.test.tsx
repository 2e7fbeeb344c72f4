import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { broadcast, renderPanel, scrollList } from './panel-harness';
import { observation } from '../unit/helpers';
import { usePanel } from '@/components/side-panel/store';
import { emptyBuyerNote } from '@/lib/cases/buyer-notes';
import { OVERSCAN, ROW_ESTIMATE } from '@/components/side-panel/CaseList';
import { WINDOW_SIZE } from '@/components/side-panel/queue/window';

/**
 * The queue with a few thousand cases, through the real handlers: the panel holds a window of it and draws a
 * screenful of rows. Every case is new and unopened, so the working order is simply newest first: case i is the
 * i-th newest, and its review says 第i号.
 */
const N = 2400;
const MINUTE = 60_000;
const LIST_HEIGHT = 800;
const idOf = (i: number) => String(100000 + i);
const many = () => {
  const now = Date.now();
  return Array.from({ length: N }, (_, i) => observation({
    platformReviewId: idOf(i), reviewTime: now - (i + 1) * MINUTE, sentiment: i % 3 === 0 ? 'neutral' : 'negative',
    content: `第${i}号评价，东西一般`, orderId: `45000${idOf(i)}`, buyerKey: `buyer-${i}`, buyerNick: 'b**',
    itemId: `item-${i % 5}`, itemTitle: `商品${i % 5}`,
  }));
};
/** Ids of the rows in the page, in list order (by position), and their positions. */
const rows = () => Array.from(document.querySelectorAll<HTMLElement>('li[data-review-id]'))
  .map((li) => ({ index: Number(li.dataset.index), id: li.dataset.reviewId! }))
  .sort((a, b) => a.index - b.index);
/** A screen of 800 px holds this many rows of the estimated height; the list draws a few more on each side. */
const SCREENFUL = Math.ceil(LIST_HEIGHT / ROW_ESTIMATE) + 2 * OVERSCAN + 1;
/** A store of thousands read by fake-indexeddb on a busy machine: queries may take seconds (timings are in bench:scale). */
const PATIENT = { timeout: 40_000 };
/** Each test may wait that long several times: its own bound covers all its waits, not the suite's minute. */
const PATIENT_TEST = { timeout: 8 * PATIENT.timeout };
const search = () => screen.getByLabelText('搜索评价、商品、订单号…') as HTMLInputElement;

describe('queue of a few thousand cases', PATIENT_TEST, () => {
  // The cases are dated back from "now" and their order depends on it: a fixed Beijing noon, whatever the hour of the run.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2026-12-03T04:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws only a screenful of rows, and scrolling shows later cases in working order', async () => {
    const asked: Array<{ type?: string; offset?: number; limit?: number }> = [];
    await renderPanel(many(), { listHeight: LIST_HEIGHT, beforeReply: (msg) => void asked.push(msg) });
    await waitFor(() => expect(rows().map((r) => r.id).slice(0, 3)).toEqual([idOf(0), idOf(1), idOf(2)]), PATIENT);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(`共 ${N} 个`);
    expect(within(document.querySelector('[data-status-tab="open"]') as HTMLElement).getByText(String(N))).toBeTruthy();
    expect(document.querySelectorAll('li').length).toBeLessThanOrEqual(SCREENFUL);
    expect(rows().every((r) => r.id === idOf(r.index))).toBe(true);

    // Deep into the list: the rows there are cases 1500…, in order, and still only a screenful of them.
    act(() => scrollList(1500 * ROW_ESTIMATE));
    await waitFor(() => expect(rows().some((r) => r.index === 1500)).toBe(true), PATIENT);
    expect(rows().every((r) => r.id === idOf(r.index))).toBe(true);
    expect(document.querySelectorAll('li').length).toBeLessThanOrEqual(SCREENFUL);
    // The very end.
    act(() => scrollList(N * ROW_ESTIMATE));
    await waitFor(() => expect(rows().at(-1)).toEqual({ index: N - 1, id: idOf(N - 1) }), PATIENT);
    expect(rows().every((r) => r.id === idOf(r.index))).toBe(true);

    // Never the whole store: windows of at most WINDOW_SIZE rows, and no listCases.
    const queries = asked.filter((m) => m.type === 'queryQueue');
    expect(queries.length).toBeGreaterThan(1);
    expect(queries.every((m) => (m.limit ?? Infinity) <= WINDOW_SIZE)).toBe(true);
    expect(asked.some((m) => m.type === 'listCases')).toBe(false);
  });

  it('arrow keys walk the rows past the screen, End and Home jump to the ends', async () => {
    const user = userEvent.setup();
    await renderPanel(many(), { listHeight: LIST_HEIGHT });
    await waitFor(() => expect(rows().length).toBeGreaterThan(3), PATIENT);
    const focused = () => document.activeElement?.closest('li')?.getAttribute('data-review-id');
    (document.querySelector(`li[data-review-id="${idOf(0)}"] > button`) as HTMLElement).focus();
    for (let i = 0; i < 15; i++) await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(focused()).toBe(idOf(15)), PATIENT);
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(focused()).toBe(idOf(14)), PATIENT);
    await user.keyboard('{End}');
    await waitFor(() => expect(focused()).toBe(idOf(N - 1)), PATIENT);
    await user.keyboard('{Home}');
    await waitFor(() => expect(focused()).toBe(idOf(0)), PATIENT);
    await user.keyboard('{Enter}');
    expect((await screen.findByTestId('review-text')).closest('article')?.getAttribute('data-review-id')).toBe(idOf(0));
  });

  it('a change to one case updates its row and leaves the other rows as they were', async () => {
    const { workflow } = await renderPanel(many(), { listHeight: LIST_HEIGHT });
    await waitFor(() => expect(rows().length).toBeGreaterThan(3), PATIENT);
    const before = usePanel.getState().items;
    const row = () => document.querySelector(`li[data-review-id="${idOf(2)}"]`) as HTMLElement;
    expect(within(row()).queryByText('勿扰')).toBeNull();
    // The buyer of case 2 asks not to be called again: nothing moves in the queue, but that row shows 勿扰.
    await workflow.saveBuyerNote({ ...emptyBuyerNote('buyer-2'), doNotContact: true }, '小王');
    await broadcast({ type: 'casesChanged', ids: [`qianniu:${idOf(2)}`] });
    await waitFor(() => expect(within(row()).getByText('勿扰')).toBeTruthy(), PATIENT);
    const after = usePanel.getState().items;
    const changed = after.filter((v, i) => v !== before[i]).map((v) => v.case.platformReviewId);
    expect(changed).toEqual([idOf(2)]);
    expect(document.querySelectorAll('.chip.dnc')).toHaveLength(1);
  });

  it('filters and search as you type find the right cases, in order', async () => {
    const user = userEvent.setup();
    await renderPanel(many(), { listHeight: LIST_HEIGHT });
    await waitFor(() => expect(rows().length).toBeGreaterThan(3), PATIENT);
    await user.selectOptions(screen.getByLabelText('情感'), 'neutral');
    await waitFor(() => expect(rows().slice(0, 3).map((r) => r.id)).toEqual([idOf(0), idOf(3), idOf(6)]), PATIENT);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(`共 ${N / 3} 个`);
    await user.selectOptions(screen.getByLabelText('商品'), 'item-1');
    // Neutral (i % 3 = 0) and item-1 (i % 5 = 1): 6, 21, 36…
    await waitFor(() => expect(rows().slice(0, 3).map((r) => r.id)).toEqual([idOf(6), idOf(21), idOf(36)]), PATIENT);
    await user.selectOptions(screen.getByLabelText('情感'), 'all');
    await user.selectOptions(screen.getByLabelText('商品'), 'all');
    await user.type(search(), '第1234号');
    await waitFor(() => expect(rows().map((r) => r.id)).toEqual([idOf(1234)]), PATIENT);
    // By order id, as the agent pastes it from the console.
    await user.clear(search());
    await user.type(search(), `45000${idOf(777)}`);
    await waitFor(() => expect(rows().map((r) => r.id)).toEqual([idOf(777)]), PATIENT);
  });

  it('queries one keystroke at a time without piling up: the newest text wins, older answers are dropped', async () => {
    const user = userEvent.setup();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const texts: string[] = [];
    let inFlight = 0;
    let most = 0;
    await renderPanel(many(), {
      listHeight: LIST_HEIGHT,
      beforeReply: async (msg) => {
        if (msg.type !== 'queryQueue') return;
        const { text } = (msg as unknown as { filter: { text: string } }).filter;
        texts.push(text);
        most = Math.max(most, ++inFlight);
        // The answer to the first keystroke comes last, after the agent has typed the rest.
        if (text === '第') await held;
        inFlight--;
      },
    });
    await waitFor(() => expect(rows().length).toBeGreaterThan(3), PATIENT);
    texts.length = 0;
    await user.type(search(), '第');
    await user.type(search(), '42号');
    expect(search().value).toBe('第42号');
    release();
    await waitFor(() => expect(rows().map((r) => r.id)).toEqual([idOf(42)]), PATIENT);
    // One query in flight at a time; the keystrokes typed meanwhile are one query for the newest text.
    expect(most).toBe(1);
    expect(texts).toEqual(['第', '第42号']);
  });

  it('keeps what the agent typed while the cases change underneath', async () => {
    const user = userEvent.setup();
    await renderPanel(many(), { listHeight: LIST_HEIGHT });
    await waitFor(() => expect(rows().length).toBeGreaterThan(3), PATIENT);
    await user.type(search(), '第12');
    await broadcast({ type: 'casesChanged', ids: null });
    await user.type(search(), '3');
    await broadcast({ type: 'casesChanged', ids: null });
    await waitFor(() => expect(rows().map((r) => r.id)).toContain(idOf(123)), PATIENT);
    expect(search().value).toBe('第123');
    // In the open case, a half-written note survives the case being read again.
    await user.click(within(document.querySelector(`li[data-review-id="${idOf(123)}"]`) as HTMLElement).getByRole('button'));
    await screen.findByTestId('review-text');
    await user.type(screen.getByLabelText('添加备注'), '买家说晚上');
    await broadcast({ type: 'casesChanged', ids: [`qianniu:${idOf(123)}`] });
    await broadcast({ type: 'casesChanged', ids: null });
    await waitFor(() => expect(usePanel.getState().detail?.case.openedAt).not.toBeNull(), PATIENT);
    expect((screen.getByLabelText('添加备注') as HTMLInputElement).value).toBe('买家说晚上');
    // Back in the list, the search is still there.
    await user.click(screen.getByRole('button', { name: /返回列表/ }));
    expect(search().value).toBe('第123');
  });

  it('a logged outcome shows in the case and in its row from the reply', async () => {
    const user = userEvent.setup();
    await renderPanel(many(), { listHeight: LIST_HEIGHT });
    await user.type(search(), '第5号');
    await waitFor(() => expect(rows().map((r) => r.id)).toEqual([idOf(5)]), PATIENT);
    await user.click(within(document.querySelector(`li[data-review-id="${idOf(5)}"]`) as HTMLElement).getByRole('button'));
    await screen.findByTestId('review-text');
    await user.keyboard('1');
    await waitFor(() => expect(screen.getByTestId('case-status').textContent).toBe('联系中'), PATIENT);
    // The bar confirms the log (its last step) before the agent goes back.
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('已记录：未接通'), PATIENT);
    expect(usePanel.getState().items.find((v) => v.case.platformReviewId === idOf(5))?.case.status).toBe('contacting');
    await user.click(screen.getByRole('button', { name: /返回列表/ }));
    const row = document.querySelector(`li[data-review-id="${idOf(5)}"]`) as HTMLElement;
    expect(within(row).getByText('联系中')).toBeTruthy();
  });
});

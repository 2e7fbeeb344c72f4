import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPanel } from './panel-harness';
import { observation } from '../unit/helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beijingInstant, formatBeijing, HOUR_MS } from '@/lib/time/beijing';
import { errorCounts, resetErrors } from '@/lib/errors/report';

// Every test here sets its own clock: the advice depends on the Beijing hour (quiet hours, gaps).
/** Waits that a loaded machine can meet: these tests assert what the agent sees, not how fast. */
const PATIENT = { timeout: 10_000 };
const at = (hour: number, minute = 0) => beijingInstant(2026, 12, 3, hour, minute);
const setClock = (instant: number) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(instant);
};
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const open = async (user: ReturnType<typeof userEvent.setup>, id: string) => {
  await waitFor(() => expect(document.querySelector(`li[data-review-id="${id}"]`)).toBeTruthy(), PATIENT);
  await user.click(within(document.querySelector(`li[data-review-id="${id}"]`) as HTMLElement).getByRole('button'));
  await screen.findByTestId('contact-timing', {}, PATIENT);
};

const windowStarts = () => Array.from(document.querySelectorAll('[data-window-start]')).map((w) => Number(w.getAttribute('data-window-start')));
/** The logged attempts in the case history, oldest first. */
const attemptsInHistory = () =>
  Array.from(screen.getByTestId('history').querySelectorAll('li[data-event="attempt"]'))
    .map((li) => /未接通|拒接\/挂断|号码错误|已发消息/.exec(li.textContent ?? '')?.[0])
    .reverse();
const dayAndClock = (t: number) => formatBeijing(t).slice(5);
const countdownText = (ms: number) => {
  const minutes = Math.ceil(ms / 60_000);
  return `${Math.floor(minutes / 60) ? `${Math.floor(minutes / 60)}小时` : ''}${minutes % 60}分`;
};

describe('contact timing in the case view', { timeout: 60_000 }, () => {
  it('recommends a channel with a one-line reason and ranked call windows, each saying why', async () => {
    setClock(at(10, 30));
    const user = userEvent.setup();
    await renderPanel([observation({ content: '快递太慢了，等了一个星期', reviewTime: Date.now() - HOUR_MS })]);
    await open(user, '1001');
    const advice = await screen.findByTestId('contact-advice', {}, PATIENT);
    expect(advice.getAttribute('data-channel')).toMatch(/phone|chat/);
    expect(advice.textContent?.length).toBeGreaterThan(10);
    const windows = document.querySelectorAll('[data-window-start]');
    expect(windows.length).toBeGreaterThan(0);
    expect(windowStarts().every((s) => s >= Date.now())).toBe(true);
    // Each window says why in one line (e.g. 本店该时段接通率 / 初始经验).
    expect(windows[0]!.querySelector('.muted')?.textContent).toMatch(/\d{2}:00–\d{2}:00/);
  });

  // The headline once said 打电话 · 12-03 09:00 起 while the first window was 12:00 with a countdown of 11 h 42 m.
  it.each([
    ['00:18 (night)', 0, 18],
    ['08:30 (before calls open)', 8, 30],
    ['10:00', 10, 0],
    ['12:20', 12, 20],
    ['16:45', 16, 45],
    ['20:50 (last call hour)', 20, 50],
    ['22:30 (night)', 22, 30],
  ])('at %s the headline, the first window and the countdown name the same moment', async (_label, hour, minute) => {
    const now = at(hour, minute);
    setClock(now);
    const user = userEvent.setup();
    await renderPanel([observation({ content: '快递太慢了，等了一个星期', reviewTime: now - 2 * HOUR_MS })]);
    await open(user, '1001');
    const advice = await screen.findByTestId('contact-advice', {}, PATIENT);
    expect(advice.getAttribute('data-channel')).toBe('phone');
    const first = windowStarts()[0]!;
    expect(Number(advice.getAttribute('data-suggested-at'))).toBe(first);
    expect(screen.getByTestId('suggested-window').closest('li')?.getAttribute('data-window-start')).toBe(String(first));
    if (first <= now + 60_000) {
      expect(advice.textContent).toContain('现在就可以');
      expect(screen.queryByTestId('countdown')).toBeNull();
    } else {
      expect(advice.textContent).toContain(`${dayAndClock(first)} 起`);
      expect(screen.getByTestId('countdown').textContent).toBe(`（还有 ${countdownText(first - now)}）`);
    }
  });

  it('says the advice is unavailable, not that the settings are wrong, when the background does not answer; and reports it', async () => {
    setClock(at(11));
    resetErrors();
    const send = fakeBrowser.runtime.sendMessage.bind(fakeBrowser.runtime);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((msg: { type?: string }) =>
      msg?.type === 'contactAdvice' ? Promise.resolve(undefined) : send(msg as never)) as typeof fakeBrowser.runtime.sendMessage);
    const user = userEvent.setup();
    await renderPanel([observation({ reviewTime: at(9) })]);
    await open(user, '1001');
    const alert = await screen.findByText(/暂时无法给出联系时间建议/, {}, PATIENT);
    expect(alert.textContent).not.toContain('设置');
    expect(errorCounts().map((e) => e.place)).toContain('contactTiming.advice');
  });

  it('says which limit blocks contact instead of suggesting a time', async () => {
    setClock(at(11));
    const user = userEvent.setup();
    await renderPanel([observation({ buyerKey: 'B1', reviewTime: at(9) })]);
    await open(user, '1001');
    await screen.findByTestId('contact-advice', {}, PATIENT);
    await user.click(screen.getByLabelText('勿扰：不再给此买家打电话'));
    await user.click(screen.getByRole('button', { name: '保存买家备注' }));
    expect((await screen.findByTestId('contact-blocked', {}, PATIENT)).textContent).toMatch(/勿扰|不再联系|do not contact/i);
    expect(document.querySelectorAll('[data-window-start]')).toHaveLength(0);
  });

  it.each([
    ['01:30 (night)', 1, 30],
    ['12:00 (noon)', 12, 0],
  ])('at %s, three calls logged by key (1, 2, 1) all reach the history and no further call is suggested', async (_label, hour, minute) => {
    setClock(at(hour, minute));
    const user = userEvent.setup();
    await renderPanel([observation({ reviewTime: at(hour, minute) - 3 * HOUR_MS })]);
    await open(user, '1001');
    for (const key of ['1', '2', '1']) await user.keyboard(key);
    await waitFor(() => expect(attemptsInHistory()).toEqual(['未接通', '拒接/挂断', '未接通']), PATIENT);
    await waitFor(() => expect(screen.getByTestId('contact-timing').textContent).toContain('电话已打满 3 次'), PATIENT);
    const blocked = screen.queryByTestId('contact-blocked');
    const advice = screen.queryByTestId('contact-advice');
    // Either blocked outright, or only chat is left: no phone call is suggested.
    expect(blocked !== null || advice?.getAttribute('data-channel') === 'chat').toBe(true);
  });
});

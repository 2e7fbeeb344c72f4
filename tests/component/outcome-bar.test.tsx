/**
 * One-key contact logging never loses or refuses a call: quick presses are each logged, in order; a call
 * that breaks quiet hours, the gap or the cap is logged as it happened, with a visible warning; U undoes the
 * press just made, shows its countdown, and says when it is too late.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPanel } from './panel-harness';
import { observation } from '../unit/helpers';
import { beijingInstant, HOUR_MS } from '@/lib/time/beijing';

/** Waits that a loaded machine can meet: these tests assert what the agent sees, not how fast. */
const PATIENT = { timeout: 10_000 };
const at = (hour: number, minute = 0) => beijingInstant(2026, 12, 3, hour, minute);
// Only Date is faked: the panel's own intervals and the storage keep running, reading this clock.
const setClock = (instant: number) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(instant);
};
afterEach(() => {
  vi.useRealTimers();
});

async function openCase(now: number) {
  setClock(now);
  const user = userEvent.setup();
  const panel = await renderPanel([observation({ reviewTime: now - 3 * HOUR_MS })]);
  await waitFor(() => expect(document.querySelector('li[data-review-id="1001"]')).toBeTruthy(), PATIENT);
  await user.click(within(document.querySelector('li[data-review-id="1001"]') as HTMLElement).getByRole('button'));
  await screen.findByTestId('contact-timing', {}, PATIENT);
  return { user, ...panel };
}

const LABELS = /未接通|拒接\/挂断|号码错误|已沟通·需跟进|已发消息|买家已回复/;
/** The logged attempts in the case history, oldest first. */
const attemptsInHistory = () =>
  Array.from(screen.getByTestId('history').querySelectorAll('li[data-event="attempt"]'))
    .map((li) => LABELS.exec(li.textContent ?? '')?.[0])
    .reverse();

describe('one-key logging', { timeout: 60_000 }, () => {
  it('logs quick presses each, in the order pressed', async () => {
    const { user, db } = await openCase(at(14));
    await user.keyboard('712');
    await waitFor(() => expect(attemptsInHistory()).toEqual(['已发消息', '未接通', '拒接/挂断']), PATIENT);
    const stored = (await db.events.orderBy('seq').toArray()).filter((e) => e.kind === 'attempt').map((e) => e.outcome);
    expect(stored).toEqual(['message_sent', 'no_answer', 'rejected']);
  });

  it('at 01:30 logs three calls a moment apart, as they happened, and warns about quiet hours, the gap and the cap', async () => {
    const { user } = await openCase(at(1, 30));
    await user.keyboard('1');
    await waitFor(() => expect(attemptsInHistory()).toEqual(['未接通']), PATIENT);
    expect((await screen.findByTestId('outcome-warning', {}, PATIENT)).textContent).toContain('免打扰时段（21:00–09:00）');
    await user.keyboard('2');
    await user.keyboard('1');
    await user.keyboard('4');
    await waitFor(() => expect(attemptsInHistory()).toEqual(['未接通', '拒接/挂断', '未接通', '已沟通·需跟进']), PATIENT);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('已记录：已沟通·需跟进'), PATIENT);
    const warning = screen.getByTestId('outcome-warning').textContent ?? '';
    expect(warning).toContain('已照实记录');
    expect(warning).toContain('免打扰时段');
    expect(warning).toContain('距上次电话只有 0 分钟（至少间隔 4 小时）');
    expect(warning).toContain('这是第 4 次电话，超过每案 3 次的上限');
  });

  it('at noon logs a first call without a warning', async () => {
    const { user } = await openCase(at(12));
    await user.keyboard('1');
    await waitFor(() => expect(attemptsInHistory()).toEqual(['未接通']), PATIENT);
    expect(screen.queryByTestId('outcome-warning')).toBeNull();
  });

  it('ignores a held key (auto-repeat): one press is one call', async () => {
    const { user } = await openCase(at(12));
    await user.keyboard('{1>3}');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('已记录：未接通'), PATIENT);
    await new Promise((r) => setTimeout(r, 300));
    expect(attemptsInHistory()).toEqual(['未接通']);
  });

  it('U right after a key undoes that press, not the one before', async () => {
    const { user } = await openCase(at(12));
    await user.keyboard('7');
    await waitFor(() => expect(attemptsInHistory()).toEqual(['已发消息']), PATIENT);
    await user.keyboard('1u');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已撤销'), PATIENT);
    expect(attemptsInHistory()).toEqual(['已发消息']);
  });

  it('shows the undo countdown, and says it is too late after the window', async () => {
    const now = at(12);
    const { user } = await openCase(now);
    await user.keyboard('1');
    const undo = await screen.findByRole('button', { name: /^撤销/ }, PATIENT);
    expect(undo.textContent).toBe('撤销（8）');
    vi.setSystemTime(now + 3_000);
    // The panel's clock ticks every second (a real interval reading the fake Date).
    await waitFor(() => expect(screen.getByRole('button', { name: /^撤销/ }).textContent).toBe('撤销（5）'), PATIENT);
    vi.setSystemTime(now + 9_000);
    await waitFor(() => expect(screen.queryByRole('button', { name: /^撤销/ })).toBeNull(), PATIENT);
    await user.keyboard('u');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('已超过 8 秒的撤销时限'), PATIENT);
    expect(attemptsInHistory()).toEqual(['未接通']);
  });

  it('says there is nothing to undo when nothing was logged', async () => {
    const { user } = await openCase(at(12));
    await user.keyboard('u');
    expect((await screen.findByRole('status', {}, PATIENT)).textContent).toBe('没有可以撤销的记录');
  });

  it('keeps the note and says why when a log fails', async () => {
    const { user, db } = await openCase(at(12));
    await user.type(screen.getByLabelText('备注（可选）'), '买家说晚上再打');
    await db.cases.clear(); // the background can no longer find the case
    await user.click(screen.getByRole('button', { name: /未接通/ }));
    // Said in Chinese, as the other sections say a refusal: which thing, and what to do (no English from the worker).
    const failure = (await screen.findByText(/没有记录成功/, {}, PATIENT)).textContent ?? '';
    expect(failure).toContain('已不存在');
    expect(failure).not.toMatch(/[a-z]{3,}/i);
    expect(screen.getByLabelText('备注（可选）')).toHaveProperty('value', '买家说晚上再打');
  });

  it('says an agreed time it cannot read is wrong, and logs nothing until it is fixed', async () => {
    const { user, db } = await openCase(at(12));
    const field = screen.getByTestId('agreed-at');
    fireEvent.change(field, { target: { value: '0001-01-01T10:00' } });
    await user.click(screen.getByRole('button', { name: /约定时间/ }));
    expect((await screen.findByText(/请填一个真实的日期和时间/, {}, PATIENT))).toBeTruthy();
    expect((await db.events.toArray()).filter((e) => e.kind === 'attempt')).toEqual([]);
    fireEvent.change(field, { target: { value: '2026-12-03T19:00' } });
    await user.click(screen.getByRole('button', { name: /约定时间/ }));
    // The bar says it was logged once the whole log (and the refresh after it) is done: nothing outlives the test.
    expect((await screen.findByText(/已记录：约定时间/, {}, PATIENT))).toBeTruthy();
    await waitFor(async () => expect((await db.cases.toArray())[0]?.agreedAt).toBe(at(19)), PATIENT);
  });
});

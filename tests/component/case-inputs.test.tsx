import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPanel } from './panel-harness';
import { observation } from '../unit/helpers';

type User = ReturnType<typeof userEvent.setup>;
const open = async (user: User, id: string) => {
  await waitFor(() => expect(document.querySelector(`li[data-review-id="${id}"]`)).toBeTruthy());
  await user.click(within(document.querySelector(`li[data-review-id="${id}"]`) as HTMLElement).getByRole('button'));
  await screen.findByTestId('review-text');
};
const history = () => Array.from(screen.getByTestId('history').querySelectorAll('li')).map((li) => li.textContent ?? '');
const paste = async (user: User, el: HTMLElement, text: string) => {
  await user.click(el);
  await user.paste(text);
};

describe('nothing the agent types is lost', () => {
  it('a case note over the limit says so in Chinese and stays in the box; Enter adds a note', async () => {
    const user = userEvent.setup();
    const { db } = await renderPanel([observation()]);
    await open(user, '1001');
    const box = screen.getByLabelText('添加备注') as HTMLInputElement;
    expect(screen.getByText('0/1000')).toBeTruthy();
    await paste(user, box, '很'.repeat(1001));
    expect(screen.getByText('备注太长了：最多 1000 个字，现在是 1001 个。')).toBeTruthy();
    expect((screen.getByRole('button', { name: '添加' }) as HTMLButtonElement).disabled).toBe(true);
    await user.keyboard('{Enter}');
    expect(box.value).toHaveLength(1001);
    expect((await db.events.toArray()).some((e) => e.kind === 'note')).toBe(false);
    await user.clear(box);
    await user.type(box, '买家说周末在家{Enter}');
    await waitFor(() => expect(history()[0]).toMatch(/备注 · 买家说周末在家/));
    await waitFor(() => expect(box.value).toBe(''));
  });

  it('a note the background refuses stays in the box with the reason, in the panel language', async () => {
    const user = userEvent.setup();
    const { db } = await renderPanel([observation()]);
    await open(user, '1001');
    await db.cases.delete('qianniu:1001'); // e.g. removed meanwhile: the request fails
    const box = screen.getByLabelText('添加备注') as HTMLInputElement;
    await user.type(box, '下午三点再打');
    await user.click(screen.getByRole('button', { name: '添加' }));
    expect((await screen.findByRole('alert')).textContent).toBe('案例已不存在（可能已被删除），请返回列表。');
    expect(box.value).toBe('下午三点再打');
  });

  it('a buyer note over its limit shows the limit and is not saved; the text stays', async () => {
    const user = userEvent.setup();
    const { db } = await renderPanel([observation({ buyerKey: 'B1' })]);
    await open(user, '1001');
    const worked = screen.getByLabelText('有效的沟通方式') as HTMLInputElement;
    expect(document.getElementById(worked.getAttribute('aria-describedby')!)?.textContent).toBe('0/500');
    await paste(user, worked, '先道歉'.repeat(200));
    expect(screen.getByText('有效的沟通方式太长了：最多 500 个字，现在是 600 个。')).toBeTruthy();
    expect((screen.getByRole('button', { name: '保存买家备注' }) as HTMLButtonElement).disabled).toBe(true);
    expect(worked.value).toHaveLength(600);
    expect(await db.buyerNotes.get('B1')).toBeUndefined();
    // Enter in a buyer-note field saves it.
    await user.clear(worked);
    await user.type(worked, '先道歉再谈补偿{Enter}');
    await waitFor(async () => expect(await db.buyerNotes.get('B1')).toMatchObject({ whatWorked: '先道歉再谈补偿' }));
  });

  it('a promise note over its limit is refused in the form, with the text kept', async () => {
    const user = userEvent.setup();
    const { db } = await renderPanel([observation()]);
    await open(user, '1001');
    const note = screen.getByLabelText('说明') as HTMLInputElement;
    await paste(user, note, '补'.repeat(501));
    expect(screen.getByText('承诺说明太长了：最多 500 个字，现在是 501 个。')).toBeTruthy();
    expect((screen.getByRole('button', { name: '记录承诺' }) as HTMLButtonElement).disabled).toBe(true);
    expect(note.value).toHaveLength(501);
    expect(await db.promises.count()).toBe(0);
  });

  it('refuses an impossible due date at the input (year 0001), with a clear message', async () => {
    const user = userEvent.setup();
    const { db } = await renderPanel([observation()]);
    await open(user, '1001');
    const due = screen.getByTestId('promise-due') as HTMLInputElement;
    await user.clear(due);
    await user.type(due, '0001-01-01T10:00');
    expect(screen.getByText('请填一个真实的日期和时间（2000–2099 年）。')).toBeTruthy();
    expect((screen.getByRole('button', { name: '记录承诺' }) as HTMLButtonElement).disabled).toBe(true);
    expect(await db.promises.count()).toBe(0);
  });
});

describe('no request fails without the agent seeing why', () => {
  it('a refused status change shows at the top, in the panel language, until dismissed', async () => {
    const user = userEvent.setup();
    const { db } = await renderPanel([observation()]);
    await open(user, '1001');
    await db.cases.delete('qianniu:1001');
    await user.click(screen.getByRole('button', { name: '标记为已解决' }));
    expect((await screen.findByTestId('panel-failure')).textContent).toContain('案例已不存在（可能已被删除），请返回列表。');
    await user.click(screen.getByRole('button', { name: '知道了' }));
    expect(screen.queryByTestId('panel-failure')).toBeNull();
  });
});

describe('promises can be checked, corrected and cancelled', () => {
  it('asks before recording a money remedy with no amount or ¥0; "let me fix it" keeps the form', async () => {
    const user = userEvent.setup();
    const { db } = await renderPanel([observation()]);
    await open(user, '1001');
    await user.selectOptions(screen.getByLabelText('补偿方式'), 'postage_refund');
    await user.click(screen.getByRole('button', { name: '记录承诺' }));
    expect((await screen.findByTestId('promise-confirm')).textContent).toContain('退运费没有填金额（或金额为 0），这样对吗？');
    await user.click(screen.getByRole('button', { name: '再改改' }));
    expect(screen.queryByTestId('promise-confirm')).toBeNull();
    await user.type(screen.getByLabelText('金额（元）'), '0');
    await user.click(screen.getByRole('button', { name: '记录承诺' }));
    await screen.findByTestId('promise-confirm');
    await user.clear(screen.getByLabelText('金额（元）'));
    // Full-width digits from a Chinese IME are read as ASCII; Enter in the amount records the promise.
    await user.type(screen.getByLabelText('金额（元）'), '８．８{Enter}');
    await waitFor(async () => expect(await db.promises.toArray()).toMatchObject([{ kind: 'postage_refund', amountFen: 880 }]));
    expect(screen.queryByTestId('promise-confirm')).toBeNull();
  });

  it('corrects a mistyped due date: no longer overdue, and the history shows before and after', async () => {
    const user = userEvent.setup();
    const { db, workflow } = await renderPanel([observation()]);
    const p = await workflow.addPromise({ caseId: 'qianniu:1001', kind: 'reship', amountFen: null, dueAt: Date.UTC(2020, 0, 1, 2), note: '' }, '小王');
    await open(user, '1001');
    expect(await screen.findByTestId('promise-overdue')).toBeTruthy();
    const item = document.querySelector(`[data-promise-id="${p.id}"]`) as HTMLElement;
    await user.click(within(item).getByRole('button', { name: '修改' }));
    const due = within(item).getByTestId('promise-due') as HTMLInputElement;
    await user.clear(due);
    await user.type(due, '2030-01-02T10:00');
    await user.click(within(item).getByRole('button', { name: '保存修改' }));
    await waitFor(() => expect(screen.queryByTestId('promise-overdue')).toBeNull());
    expect(await db.promises.get(p.id!)).toMatchObject({ dueAt: Date.UTC(2030, 0, 2, 2), fulfilledAt: null });
    expect(history()[0]).toMatch(/修改承诺 · 期限 2020-01-01 10:00 → 2030-01-02 10:00 · 我/);
  });

  it('cancels a promise with a reason: never overdue again (case and queue), kept in the history', async () => {
    const user = userEvent.setup();
    const { db, workflow } = await renderPanel([observation()]);
    const p = await workflow.addPromise({ caseId: 'qianniu:1001', kind: 'reship', amountFen: null, dueAt: Date.UTC(2020, 0, 1, 2), note: '' }, '小王');
    await waitFor(() => expect(screen.getByText('承诺逾期')).toBeTruthy());
    await open(user, '1001');
    const item = document.querySelector(`[data-promise-id="${p.id}"]`) as HTMLElement;
    await user.click(within(item).getByRole('button', { name: '取消承诺' }));
    expect((within(item).getByRole('button', { name: '确认取消' }) as HTMLButtonElement).disabled).toBe(true);
    await user.type(within(item).getByLabelText('取消原因（必填，会记在处理记录里）'), '日期填错了，已重新记录{Enter}');
    await waitFor(() => expect(screen.queryByTestId('promise-overdue')).toBeNull());
    expect(screen.getByTestId('promise-cancelled').textContent).toContain('日期填错了，已重新记录');
    expect(within(item).queryByRole('button', { name: '标记已兑现' })).toBeNull();
    expect(history()[0]).toMatch(/取消承诺 · 补发 · 日期填错了，已重新记录/);
    expect(await db.promises.get(p.id!)).toMatchObject({ cancelReason: '日期填错了，已重新记录' });
    await user.click(screen.getByRole('button', { name: /返回列表/ }));
    await waitFor(() => expect(document.querySelector('li[data-review-id="1001"]')).toBeTruthy());
    expect(screen.queryByText('承诺逾期')).toBeNull();
  });
});

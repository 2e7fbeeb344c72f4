import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPanel } from './panel-harness';
import { observation } from '../unit/helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { savePreferences } from '@/lib/settings/preferences';
import { FOCUS_KEY } from '@/lib/messaging/focus';

const open = async (user: ReturnType<typeof userEvent.setup>, id: string) => {
  await waitFor(() => expect(document.querySelector(`li[data-review-id="${id}"]`)).toBeTruthy());
  await user.click(within(document.querySelector(`li[data-review-id="${id}"]`) as HTMLElement).getByRole('button'));
  await screen.findByTestId('review-text');
};
const history = () => Array.from(screen.getByTestId('history').querySelectorAll('li')).map((li) => li.textContent ?? '');

describe('case view', () => {
  it('shows the review with its causes and the words that triggered them, and marks it opened', async () => {
    const user = userEvent.setup();
    const { db } = await renderPanel([observation({ content: '快递太慢了，一个星期才到', followUp: { content: '追评：客服也不回消息', sentiment: 'negative', days: 3 } })]);
    await open(user, '1001');
    expect(screen.getByTestId('review-text').textContent).toBe('快递太慢了，一个星期才到');
    expect(screen.getByText('追评（收货后3天）')).toBeTruthy();
    const found = document.querySelectorAll('[data-cause]');
    expect(found[0]?.getAttribute('data-cause')).toBe('logistics_delay');
    expect(found[0]?.textContent).toMatch(/触发词：.*慢/);
    await waitFor(async () => expect((await db.cases.get('qianniu:1001'))?.openedAt).not.toBeNull());
  });

  it('marks a case opened even when a burst of changes re-reads it while it opens', async () => {
    const user = userEvent.setup();
    let reads = 0;
    let secondAsked: () => void = () => undefined;
    const second = new Promise<void>((resolve) => (secondAsked = resolve));
    let marked: () => void = () => undefined;
    const markAsked = new Promise<void>((resolve) => (marked = resolve));
    const { db, broadcast } = await renderPanel([observation({ content: '快递太慢了' })], {
      // The opening read answers once a refresh (pages being read elsewhere) has asked for the case again, and that
      // refresh's answer comes only after the panel has asked to mark the case opened.
      beforeReply: async (msg) => {
        if (msg.type === 'markOpened') marked();
        if (msg.type !== 'getCase') return;
        const read = ++reads;
        if (read === 1) await second;
        if (read === 2) {
          secondAsked();
          await markAsked;
        }
      },
    });
    await waitFor(() => expect(document.querySelector('li[data-review-id="1001"]')).toBeTruthy());
    await user.click(within(document.querySelector('li[data-review-id="1001"]') as HTMLElement).getByRole('button'));
    await broadcast({ type: 'casesChanged', ids: null });
    await screen.findByTestId('review-text');
    await waitFor(async () => expect((await db.cases.get('qianniu:1001'))?.openedAt).not.toBeNull());
  });

  it('opens a case whose badge was clicked before its review was stored, once it is, and marks it opened', async () => {
    const { db, store, broadcast } = await renderPanel([observation({ platformReviewId: '1002', content: '颜色不对' })]);
    await waitFor(() => expect(document.querySelector('li[data-review-id="1002"]')).toBeTruthy());
    // The page drew the badge from its own reading; the agent clicks it while the review is still being written.
    await fakeBrowser.storage.session.set({ [FOCUS_KEY]: { caseId: 'qianniu:1001', at: Date.now() } });
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByTestId('review-text')).toBeNull();
    await store.ingest([observation({ content: '快递太慢了' })], 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC');
    await broadcast({ type: 'casesChanged', ids: ['qianniu:1001'] });
    expect((await screen.findByTestId('review-text')).textContent).toBe('快递太慢了');
    await waitFor(async () => expect((await db.cases.get('qianniu:1001'))?.openedAt).not.toBeNull());
  });

  it('corrects the causes in one click and keeps the correction', async () => {
    const user = userEvent.setup();
    const { db } = await renderPanel([observation({ content: '快递太慢了' })]);
    await open(user, '1001');
    await user.click(document.querySelector('[data-cause-toggle="service_response"]') as HTMLElement);
    await waitFor(async () => expect((await db.cases.get('qianniu:1001'))?.causes.map((c) => c.code)).toEqual(['logistics_delay', 'service_response']));
    await user.click(await screen.findByRole('button', { name: '设为主要原因' }));
    await waitFor(async () => expect(await db.cases.get('qianniu:1001')).toMatchObject({ causesBy: 'agent', causes: [{ code: 'service_response' }, { code: 'logistics_delay' }] }));
    expect(screen.getByText(/已人工修正/)).toBeTruthy();
  });

  it('asks the agent to check a main cause that no cause word backs, until the agent has corrected it', async () => {
    const user = userEvent.setup();
    const { db } = await renderPanel([observation({ content: '在逗我吗？' }), observation({ platformReviewId: '1002', content: '快递太慢了' })]);
    await open(user, '1001');
    expect(screen.getByTestId('cause-guess').textContent).toContain('推测');
    await user.click(document.querySelector('[data-cause-toggle="quality"]') as HTMLElement);
    await user.click(await screen.findByRole('button', { name: '设为主要原因' }));
    await waitFor(async () => expect((await db.cases.get('qianniu:1001'))?.causes[0]?.code).toBe('quality'));
    await waitFor(() => expect(screen.queryByTestId('cause-guess')).toBeNull());
    await user.click(screen.getByRole('button', { name: /返回列表/ }));
    await open(user, '1002');
    expect(screen.queryByTestId('cause-guess')).toBeNull();
  });

  it('logs an outcome with one click, with a note, and moves the status', async () => {
    const user = userEvent.setup();
    await savePreferences({ agentName: '小王' });
    // Once the call is logged, the case is not read again until the end of the test: what shows comes from the reply.
    let logged = false;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { db } = await renderPanel([observation()], {
      beforeReply: async (msg) => {
        if (msg.type === 'logOutcome') logged = true;
        else if (msg.type === 'getCase' && logged) await held;
      },
    });
    await open(user, '1001');
    await user.type(screen.getByLabelText('备注（可选）'), '下午再打');
    await user.click(document.querySelector('[data-outcome="no_answer"]') as HTMLElement);
    await waitFor(() => expect(screen.getByTestId('case-status').textContent).toBe('联系中'));
    // The status and the history entry show from the log's reply at once.
    await waitFor(() => expect(history()[0]).toMatch(/未接通.*下午再打.*小王/));
    release();
    const attempt = (await db.events.toArray()).find((e) => e.kind === 'attempt');
    expect(attempt).toMatchObject({ channel: 'phone', outcome: 'no_answer', by: '小王', detail: '下午再打' });
  });

  it('logs by keyboard and undoes within a few seconds', async () => {
    const user = userEvent.setup();
    const { db } = await renderPanel([observation()]);
    await open(user, '1001');
    await user.keyboard('5');
    await waitFor(() => expect(screen.getByTestId('case-status').textContent).toBe('已约定'));
    await user.click(await screen.findByRole('button', { name: /^撤销/ }));
    await waitFor(() => expect(screen.getByTestId('case-status').textContent).toBe('新'));
    expect((await db.events.toArray()).some((e) => e.kind === 'attempt')).toBe(false);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('已撤销'));
  });

  it('agrees a time in Beijing time and schedules it on the case', async () => {
    const user = userEvent.setup();
    const { db } = await renderPanel([observation()]);
    await open(user, '1001');
    const input = screen.getByTestId('agreed-at') as HTMLInputElement;
    await user.clear(input);
    await user.type(input, '2030-01-02T19:30');
    await user.click(document.querySelector('[data-outcome="agreed_time"]') as HTMLElement);
    await waitFor(async () => expect(await db.cases.get('qianniu:1001')).toMatchObject({ status: 'agreed', agreedAt: Date.UTC(2030, 0, 2, 11, 30) }));
  });

  it('records a promise with an exact amount, shows it overdue after its due time, and marks it fulfilled', async () => {
    const user = userEvent.setup();
    const { db } = await renderPanel([observation()]);
    await open(user, '1001');
    await user.type(screen.getByLabelText('金额（元）'), '12.5');
    await user.selectOptions(screen.getByLabelText('补偿方式'), 'postage_refund');
    const due = screen.getByTestId('promise-due') as HTMLInputElement;
    await user.clear(due);
    await user.type(due, '2020-01-01T10:00');
    await user.click(screen.getByRole('button', { name: '记录承诺' }));
    // A due time already past is asked about first: it would be overdue the moment it is recorded.
    expect((await screen.findByTestId('promise-confirm')).textContent).toContain('兑现期限 2020-01-01 10:00 已经过去了');
    expect(await db.promises.count()).toBe(0);
    await user.click(screen.getByRole('button', { name: '对，就这样' }));
    await waitFor(async () => expect(await db.promises.toArray()).toMatchObject([{ kind: 'postage_refund', amountFen: 1250 }]));
    expect(await screen.findByTestId('promise-overdue')).toBeTruthy();
    expect(screen.getByText('¥12.50')).toBeTruthy();
    await user.type(screen.getByLabelText('凭证/单号（可选）'), 'ZFB-001');
    await user.click(screen.getByRole('button', { name: '标记已兑现' }));
    await waitFor(() => expect(screen.queryByTestId('promise-overdue')).toBeNull());
    expect((await db.promises.toArray())[0]).toMatchObject({ fulfilledRef: 'ZFB-001' });
  });

  it('rejects an amount that is not money', async () => {
    const user = userEvent.setup();
    await renderPanel([observation()]);
    await open(user, '1001');
    await user.type(screen.getByLabelText('金额（元）'), '12.345');
    expect(screen.getByText('请输入正确的金额，例如 12 或 12.50')).toBeTruthy();
    expect((screen.getByRole('button', { name: '记录承诺' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('keeps buyer notes per buyer, masks the phone and shows them on the next case of that buyer', async () => {
    const user = userEvent.setup();
    const { db } = await renderPanel([observation({ platformReviewId: '1', buyerKey: 'B1' }), observation({ platformReviewId: '2', buyerKey: 'B1' })]);
    await open(user, '1');
    await user.type(screen.getByLabelText('性格/脾气'), '比较急');
    await user.click(screen.getByRole('button', { name: '修改' }));
    await user.type(screen.getByRole('textbox', { name: '电话' }), '13812345678');
    await user.click(screen.getByLabelText('勿扰：不再给此买家打电话'));
    await user.click(screen.getByRole('button', { name: '保存买家备注' }));
    await waitFor(async () => expect(await db.buyerNotes.get('B1')).toMatchObject({ temperament: '比较急', phone: '13812345678', doNotContact: true }));
    expect((await screen.findByTestId('masked-phone')).textContent).toBe('138****5678');
    expect(document.body.textContent).not.toContain('13812345678');
    await user.click(screen.getByRole('button', { name: /返回列表/ }));
    await open(user, '2');
    expect((screen.getByLabelText('性格/脾气') as HTMLInputElement).value).toBe('比较急');
    expect(screen.getByText('该买家的其他案例：1 个')).toBeTruthy();
  });

  it('closes a case by hand and records who did it', async () => {
    const user = userEvent.setup();
    await renderPanel([observation()]);
    await open(user, '1001');
    await user.click(document.querySelector('[data-set-status="complained"]') as HTMLElement);
    await waitFor(() => expect(screen.getByTestId('case-status').textContent).toBe('已投诉评价'));
    await waitFor(() => expect(history()[0]).toMatch(/状态变更 → 已投诉评价/));
  });
});

import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPanel } from './panel-harness';
import { observation } from '../unit/helpers';

const row = (id: string) => document.querySelector(`li[data-review-id="${id}"]`) as HTMLElement | null;
const listed = () => Array.from(document.querySelectorAll('li[data-review-id]')).map((li) => li.getAttribute('data-review-id'));

async function teamPanel() {
  const panel = await renderPanel(
    [observation({ platformReviewId: '1' }), observation({ platformReviewId: '2', buyerKey: 'b2' }), observation({ platformReviewId: '3', buyerKey: 'b3' })],
    { teamAccount: { name: '小李', role: 'agent' } },
  );
  // A colleague holds case 1 (it arrived so from the team server); case 2 is 小李's; case 3 is free.
  await panel.db.cases.update('qianniu:1', { assignee: '组长', assigneeKey: '组长' } as object);
  await panel.db.cases.update('qianniu:2', { assignee: '小李', assigneeKey: '小李' } as object);
  await panel.broadcast({ type: 'casesChanged', ids: null });
  await waitFor(() => expect(row('1')?.getAttribute('data-holder')).toBe('组长'));
  return panel;
}

describe('working as a team in the side panel', () => {
  it('each case says who holds it; 我的 / 未分配 / 全部 are one click each', async () => {
    const user = userEvent.setup();
    await teamPanel();
    expect(within(row('1')!).getByText('组长 正在处理')).toBeTruthy();
    expect(row('3')!.getAttribute('data-holder')).toBe('');
    const views = within(screen.getByRole('navigation', { name: '客服' }));
    await user.click(views.getByRole('button', { name: '我的' }));
    await waitFor(() => expect(listed()).toEqual(['2']));
    await user.click(views.getByRole('button', { name: '未分配' }));
    await waitFor(() => expect(listed()).toEqual(['3']));
    await user.click(views.getByRole('button', { name: '全部' }));
    await waitFor(() => expect(listed().sort()).toEqual(['1', '2', '3']));
    // Signed in, the account is the agent's name: the panel does not ask for one.
    expect(screen.queryByRole('button', { name: '填写名字' })).toBeNull();
  });

  it('a colleague\'s case: told who holds it, a call is refused until the agent takes it over, then it is logged', async () => {
    const user = userEvent.setup();
    const { db } = await teamPanel();
    await user.click(within(row('1')!).getByRole('button'));
    await screen.findByTestId('review-text');
    expect((await screen.findByTestId('held-by')).textContent).toContain('组长 正在处理此案件');
    await user.keyboard('1');
    await screen.findByText(/正由同事处理，未记录/);
    expect((await db.events.where('caseId').equals('qianniu:1').toArray()).some((e) => e.kind === 'attempt')).toBe(false);
    await user.click(screen.getByRole('button', { name: '接手此案件' }));
    await screen.findByText('已接手：此案件现在由你处理。');
    expect((await db.cases.get('qianniu:1'))!.assignee).toBe('小李');
    await user.keyboard('1');
    await waitFor(async () => expect((await db.events.where('caseId').equals('qianniu:1').toArray()).filter((e) => e.kind === 'attempt').map((e) => e.by)).toEqual(['小李']));
  });

  it('opening a free case takes it for the agent', async () => {
    const user = userEvent.setup();
    const { db } = await teamPanel();
    await user.click(within(row('3')!).getByRole('button'));
    await screen.findByTestId('review-text');
    await waitFor(async () => expect((await db.cases.get('qianniu:3'))!.assignee).toBe('小李'));
    expect(screen.queryByTestId('held-by')).toBeNull();
  });

  it('solo: no team views and no holder notice', async () => {
    await renderPanel([observation({ platformReviewId: '1' })]);
    await waitFor(() => expect(row('1')).toBeTruthy());
    expect(screen.queryByRole('button', { name: '未分配' })).toBeNull();
  });
});

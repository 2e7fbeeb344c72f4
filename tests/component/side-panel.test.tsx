import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CaseList } from '@/components/side-panel/CaseList';
import { CaseDetailView } from '@/components/side-panel/CaseDetailView';
import { PageStatus } from '@/components/side-panel/PageStatus';
import type { CaseView } from '@/lib/cases/case-store';
import { caseRecord, observation } from '../unit/helpers';

const now = Date.now();
const view = (id: string, over: Partial<ReturnType<typeof observation>> = {}): CaseView => ({
  case: caseRecord({ id: `qianniu:${id}`, platformReviewId: id, createdAt: now, reviewTime: now - 7_200_000 }),
  review: { ...observation({ platformReviewId: id, reviewTime: now - 7_200_000, ...over }), id: `qianniu:${id}`, firstSeenAt: now, lastSeenAt: now, sourcePage: '' },
  deadlineAt: now + 10.5 * 86_400_000,
});

describe('case list', () => {
  it('shows each case once with its review id, sentiment, status, age and deadline', async () => {
    const onOpen = vi.fn();
    render(<CaseList lang="zh-CN" loaded cases={[view('11'), view('12', { content: '<img src=x onerror=alert(1)>' })]} onOpen={onOpen} />);
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-review-id'))).toEqual(['11', '12']);
    expect(within(items[0]!).getByText('差评')).toBeTruthy();
    expect(within(items[0]!).getByText('新')).toBeTruthy();
    expect(within(items[0]!).getByText('2小时前')).toBeTruthy();
    expect(within(items[0]!).getByText('解释剩10天')).toBeTruthy();
    // Review text containing HTML is shown literally, never parsed.
    expect(within(items[1]!).getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(items[1]!.querySelector('img')).toBeNull();
    await userEvent.click(within(items[1]!).getByRole('button'));
    expect(onOpen).toHaveBeenCalledWith('qianniu:12');
  });

  it('says what to do when there is nothing yet', () => {
    render(<CaseList lang="zh-CN" loaded cases={[]} onOpen={() => undefined} />);
    expect(screen.getByText(/还没有待处理的中差评/)).toBeTruthy();
  });
});

describe('case view', () => {
  it('shows review, follow-up, order, masked buyer and history', () => {
    const v = view('11', { followUp: { content: '追评也很差', sentiment: 'negative', days: 5 } });
    render(<CaseDetailView lang="zh-CN" onBack={() => undefined} detail={{ ...v, events: [{ seq: 1, caseId: v.case.id, at: now, kind: 'created', by: 'system' }] }} />);
    expect(screen.getByTestId('review-text').textContent).toBe('发错颜色了');
    expect(screen.getByText('追评（收货后5天）')).toBeTruthy();
    expect(screen.getByText('4500000000000001')).toBeTruthy();
    expect(screen.getByText('t**')).toBeTruthy();
    expect(screen.getByText(/发现新的中差评/)).toBeTruthy();
  });
});

describe('page status', () => {
  it('explains an unrecognised layout and copies the redacted diagnostic', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<PageStatus lang="zh-CN" state={{ fromOtherTab: false, report: { page: 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC', family: 'qianniu', kind: 'review-list', state: 'unrecognised', rows: 0, badges: 0, diagnostic: 'outline: div.card ×20' } }} />);
    expect(screen.getByText('未能识别此页面的布局')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '复制诊断信息' }));
    expect(writeText).toHaveBeenCalledWith('outline: div.card ×20');
    expect(screen.getByRole('button', { name: '已复制' })).toBeTruthy();
  });

  it('says when the page is not a review list', () => {
    render(<PageStatus lang="en" state={{ fromOtherTab: false, report: { page: 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold', family: null, kind: 'other-console', state: 'recognised', rows: 0, badges: 0 } }} />);
    expect(screen.getByText(/not a review list/)).toBeTruthy();
  });
});

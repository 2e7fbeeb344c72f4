import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PageStatus } from '@/components/side-panel/PageStatus';

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

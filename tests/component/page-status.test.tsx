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

  it('says how many reviews were skipped and why, and how many read errors happened where', () => {
    const page = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';
    render(<PageStatus lang="zh-CN" state={{ fromOtherTab: false, report: {
      page, family: 'qianniu', kind: 'review-list', state: 'recognised', rows: 20, badges: 7,
      skipped: { 'id-too-long': 1, rejected: 2 }, errors: [{ place: 'ingest', count: 3 }, { place: 'badges.refresh', count: 1 }],
    } }} />);
    expect(screen.getByText(/识别到 20 条评价，标记了 7 个中差评/)).toBeTruthy();
    expect(screen.getByTestId('page-skipped').textContent).toBe('有 3 条评价无法读取，已跳过（编号过长 1、后台拒收 2），其余照常保存。');
    expect(screen.getByTestId('page-errors').textContent).toBe('4 个读取错误（ingest、badges.refresh）。');
  });

  it('shows nothing more for a page read without problems', () => {
    render(<PageStatus lang="en" state={{ fromOtherTab: false, report: { page: 'https://seller-rate.tmall.com/evaluation/allRate.htm', family: 'tmall', kind: 'review-list', state: 'recognised', rows: 20, badges: 5 } }} />);
    expect(screen.queryByTestId('page-skipped')).toBeNull();
    expect(screen.queryByTestId('page-errors')).toBeNull();
  });
});

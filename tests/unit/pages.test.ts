import { describe, expect, it } from 'vitest';
import { classifyPage, pageWithoutQuery } from '@/lib/console/pages';

describe('classifyPage', () => {
  it('recognises the three review-list families', () => {
    expect(classifyPage('https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC?current=2&pageSize=20')).toEqual({ kind: 'review-list', family: 'qianniu' });
    expect(classifyPage('https://qn.taobao.com/home.htm/comment-manage/list/rateWait4PC')).toEqual({ kind: 'review-list', family: 'qianniu' });
    expect(classifyPage('https://rate.taobao.com/user-myrate-UvFkbMmxbOmIT--banner|1--receivedOrPosted|0--buyerOrSeller|0--currentPage|2.htm#rateList').kind).toBe('review-list');
    expect(classifyPage('https://rate.taobao.com/user-myrate-UvFkbMmxbOmIT--banner%7C1--currentPage%7C2.htm').kind).toBe('review-list');
    expect(classifyPage('https://seller-rate.tmall.com/evaluation/allRate.htm')).toEqual({ kind: 'review-list', family: 'tmall' });
  });
  it('leaves other console pages alone', () => {
    expect(classifyPage('https://myseller.taobao.com/home.htm/trade-platform/tp/sold')).toEqual({ kind: 'other-console' });
    expect(classifyPage('https://seller-rate.tmall.com/evaluation/other.htm')).toEqual({ kind: 'other-console' });
    expect(classifyPage('https://example.com/comment-manage/list/rateWait4PC')).toEqual({ kind: 'unrelated' });
    expect(classifyPage('not a url')).toEqual({ kind: 'unrelated' });
  });
  it('never throws on malformed percent-encoding, and still reads the route', () => {
    const broken = 'https://myseller.taobao.com/home.htm/%E0%A4%A/comment-manage/list/rateWait4PC';
    expect(classifyPage(broken)).toEqual({ kind: 'review-list', family: 'qianniu' });
    expect(classifyPage('https://rate.taobao.com/user-myrate-%E0%A4%A--currentPage%7C2.htm').kind).toBe('review-list');
    expect(classifyPage('https://seller-rate.tmall.com/evaluation/%ZZ.htm')).toEqual({ kind: 'other-console' });
    expect(pageWithoutQuery(`${broken}?x=%E0%A4%A`)).toBe(broken);
  });
  it('drops queries, which can carry buyer names', () => {
    expect(pageWithoutQuery('https://seller-rate.tmall.com/evaluation/allRate.htm?buyerNick=张三#x')).toBe('https://seller-rate.tmall.com/evaluation/allRate.htm');
  });
});

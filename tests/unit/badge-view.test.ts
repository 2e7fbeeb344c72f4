import { describe, expect, it, vi } from 'vitest';
import { renderBadge, BADGE_TAG } from '@/lib/badges/badge-view';
import type { BadgeInfo } from '@/lib/cases/badge-info';
import { deadlineLabel } from '@/lib/cases/labels';

const now = Date.UTC(2026, 10, 22, 4);
const info = (over: Partial<BadgeInfo> = {}): BadgeInfo => ({
  platformReviewId: '1301250188411', caseId: 'qianniu:1301250188411', sentiment: 'negative', status: 'new', unopened: true, inferred: false, part: 'review',
  reviewTime: now - 3 * 3_600_000, deadlineAt: now + 27.5 * 86_400_000, promiseDueAt: null, ...over,
});

describe('badge', () => {
  it('carries the test contract and shows sentiment, status, age and deadline in Chinese', () => {
    const cell = document.createElement('td');
    const host = renderBadge(cell, info(), { lang: 'zh-CN', now, onOpen: () => undefined });
    expect(host.tagName.toLowerCase()).toBe(BADGE_TAG);
    expect(host.dataset).toMatchObject({ reviewId: '1301250188411', sentiment: 'negative', status: 'new' });
    expect(host.shadowRoot?.textContent).toContain('差评新3小时前解释剩28天');
  });

  it('updates in place instead of adding a second badge, and opens the case on click', () => {
    const cell = document.createElement('td');
    const onOpen = vi.fn();
    renderBadge(cell, info(), { lang: 'zh-CN', now, onOpen });
    const host = renderBadge(cell, info({ sentiment: 'neutral', status: 'revised', unopened: false, deadlineAt: now - 1 }), { lang: 'en', now, onOpen });
    expect(cell.querySelectorAll(BADGE_TAG)).toHaveLength(1);
    expect(host.shadowRoot?.textContent).toContain('NeutralRevised');
    expect(host.shadowRoot?.textContent).toContain('reply window over');
    host.shadowRoot?.querySelector('button')?.click();
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ caseId: 'qianniu:1301250188411', status: 'revised' }));
  });
});

describe('badge for a sentiment read from text', () => {
  it('writes nothing when the badge would look the same (the store\'s deadline a moment from the page\'s), and rewrites when it would not', async () => {
    const cell = document.createElement('td');
    const ctx = { lang: 'zh-CN' as const, now, onOpen: () => undefined };
    const host = renderBadge(cell, info({ deadlineAt: now + 4.5 * 86_400_000 }), ctx);
    const writes: MutationRecord[] = [];
    const watch = new MutationObserver((records) => writes.push(...records));
    watch.observe(host, { attributes: true });
    watch.observe(host.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    renderBadge(cell, info({ deadlineAt: now + 4.5 * 86_400_000 + 800 }), ctx);
    await Promise.resolve();
    expect(writes).toEqual([]);
    renderBadge(cell, info({ deadlineAt: now + 4.5 * 86_400_000, status: 'contacting', unopened: false }), ctx);
    await Promise.resolve();
    expect(writes.length).toBeGreaterThan(0);
    watch.disconnect();
  });

  it('says the sentiment is inferred, not given by the platform', () => {
    const host = renderBadge(document.createElement('td'), info({ inferred: true }), { lang: 'zh-CN', now, onOpen: () => undefined });
    expect(host.shadowRoot?.textContent).toContain('疑似差评');
  });
});

describe('badge for a bad follow-up', () => {
  it('names the follow-up (差评追评 / 中评追评), not the review it follows', () => {
    const draw = (over: Partial<BadgeInfo>, lang: 'zh-CN' | 'en' = 'zh-CN') =>
      renderBadge(document.createElement('td'), info({ part: 'followUp', ...over }), { lang, now, onOpen: () => undefined }).shadowRoot?.textContent;
    expect(draw({})).toMatch(/^差评追评新/);
    expect(draw({ sentiment: 'neutral' })).toMatch(/^中评追评新/);
    expect(draw({}, 'en')).toMatch(/^Negative follow-up/);
  });
});

describe('badge with a promise', () => {
  it('says 承诺逾期 once the earliest open promise is past due, and nothing before', () => {
    const cell = document.createElement('td');
    const ctx = { lang: 'zh-CN' as const, now, onOpen: () => undefined };
    expect(renderBadge(cell, info({ promiseDueAt: now + 60_000 }), ctx).shadowRoot?.textContent).not.toContain('承诺逾期');
    const host = renderBadge(cell, info({ promiseDueAt: now - 60_000 }), ctx);
    expect(host.shadowRoot?.textContent).toContain('承诺逾期');
    expect(host.shadowRoot?.querySelector('button')?.title).toContain('承诺逾期');
  });
});

describe('days left to explain', () => {
  it('counts like the console: 30 full days just after the review, under a day at the end', () => {
    const day = 86_400_000;
    expect(deadlineLabel('zh-CN', now + 30 * day - 60_000, now)).toBe('解释剩30天');
    expect(deadlineLabel('zh-CN', now + day + 1, now)).toBe('解释剩2天');
    expect(deadlineLabel('zh-CN', now + day - 1, now)).toBe('解释期不足1天');
    expect(deadlineLabel('zh-CN', now - 1, now)).toBe('已过解释期');
  });
});

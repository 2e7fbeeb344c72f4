import { describe, expect, it } from 'vitest';
import { IngestQueue, UNSHOWN_WAIT_MS, type IngestPorts } from '@/lib/capture/ingest-queue';
import { BadgeCache } from '@/lib/badges/badge-cache';
import { sameData } from '@/lib/capture/same-data';
import { BADGE_TEXT, badgeAge, badgeDeadline, badgeSentiment } from '@/lib/badges/badge-text';
import { zhCN } from '@/lib/i18n/zh-CN';
import { en } from '@/lib/i18n/en';
import { ageLabel, deadlineLabel, sentimentLabel } from '@/lib/cases/labels';
import type { ReviewObservation } from '@/lib/reviews/schema';
import type { BadgeInfo } from '@/lib/cases/badge-info';

const review = (id: string, sentiment: ReviewObservation['sentiment'], over: Partial<ReviewObservation> = {}): ReviewObservation => ({
  platform: 'qianniu', platformReviewId: id, sentiment, sentimentSource: 'platform', content: `内容${id}`, placeholder: false,
  reviewTime: null, buyerNick: 'k**', pictureCount: 0, ...over,
});

/** A queue whose background answers at once and records each batch; the clock is set by the test. */
function queueWith(shown: string[], now = { t: 0 }, held = { on: false }) {
  const sent: string[][] = [];
  const timers: Array<() => void> = [];
  const ports: IngestPorts = {
    held: () => held.on,
    send: async (batch) => void sent.push(batch.map((r) => r.platformReviewId)),
    shownOrder: () => shown,
    isShown: (id) => shown.includes(id),
    failed: () => undefined,
    setTimeout: (fn) => timers.push(fn),
    now: () => now.t,
  };
  return { queue: new IngestQueue(ports), sent, timers, now };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('ingest queue', () => {
  it('sends the shown rows in page order, the possible cases together before the praise', async () => {
    const ids = Array.from({ length: 400 }, (_, i) => `r${i}`);
    const { queue, sent } = queueWith(ids);
    // Every third review is a complaint (or a follow-up one); the rest is praise.
    ids.forEach((id, i) => queue.put(review(id, i % 3 === 0 ? 'negative' : 'positive',
      i === 1 ? { followUp: { content: '追评', sentiment: 'neutral' } } : {})));
    queue.kick();
    await settle();
    await settle();
    const flat = sent.flat();
    expect(new Set(flat).size).toBe(400);
    const cases = ids.filter((_, i) => i % 3 === 0 || i === 1);
    expect(sent[0]).toEqual(cases);
  });

  it('sends nothing while held (a badge lookup is pending), and everything once kicked after it', async () => {
    const held = { on: true };
    const { queue, sent } = queueWith(['a', 'b'], { t: 0 }, held);
    queue.put(review('a', 'negative'));
    queue.put(review('b', 'neutral'));
    queue.kick();
    await settle();
    expect(sent).toEqual([]);
    expect(queue.size).toBe(2);
    held.on = false;
    queue.kick();
    await settle();
    expect(sent).toEqual([['a', 'b']]);
  });

  it('keeps a review no row shows a while (its row may add to it), then sends it anyway', async () => {
    const { queue, sent, timers, now } = queueWith(['shown']);
    queue.put(review('shown', 'negative'));
    queue.put(review('unshown', 'negative'));
    queue.kick();
    await settle();
    expect(sent).toEqual([['shown']]);
    now.t = UNSHOWN_WAIT_MS;
    timers.shift()!();
    await settle();
    expect(sent).toEqual([['shown'], ['unshown']]);
  });

  it('sends nothing for a reading the background already stored', async () => {
    const { queue, sent } = queueWith(['a']);
    queue.put(review('a', 'negative'));
    queue.kick();
    await settle();
    queue.put(review('a', 'negative'));
    expect(queue.size).toBe(0);
    queue.put(review('a', 'negative', { pageReplyDaysLeft: 3 }));
    queue.kick();
    await settle();
    expect(sent).toEqual([['a'], ['a']]);
  });
});

const info = (reviewId: string, over: Partial<BadgeInfo> = {}): BadgeInfo => ({
  platformReviewId: reviewId, caseId: `qianniu:${reviewId}`, sentiment: 'negative', status: 'new', unopened: true, inferred: false,
  part: 'review', reviewTime: null, deadlineAt: null, promiseDueAt: null, ...over,
});

describe('badge cache', () => {
  it('keeps the badge of each stored case and forgets reviews that are no cases', () => {
    const cache = new BadgeCache();
    cache.stored(['1', '2'], [info('1'), info('2')]);
    cache.stored(['2', '3'], [info('3')]);
    expect([cache.get('1')?.caseId, cache.get('2'), cache.get('3')?.caseId]).toEqual(['qianniu:1', undefined, 'qianniu:3']);
  });

  it('names the stale cases among those shown; a notice after the question keeps its case stale', () => {
    const cache = new BadgeCache();
    cache.stored(['1', '2', '3'], [info('1'), info('2'), info('3')]);
    cache.markStale(['qianniu:1', 'qianniu:3', 'qianniu:unknown']);
    expect(cache.staleAmong(['1', '2'])).toEqual(['qianniu:1']);
    const stamp = cache.stamp();
    cache.markStale(['qianniu:1']); // the case changed again while the page was asking
    expect(cache.refreshed(['qianniu:1'], [info('1', { unopened: false })], stamp)).toEqual(['1']);
    expect(cache.get('1')?.unopened).toBe(false);
    expect(cache.staleAmong(['1', '3'])).toEqual(['qianniu:1', 'qianniu:3']);
    cache.markStale(null);
    expect(cache.staleAmong(['1', '2', '3'])).toEqual(['qianniu:1', 'qianniu:2', 'qianniu:3']);
  });

  it('takes a lookup\'s badges (stored or foreseen) for reviews not stored since, never over what the store answered', () => {
    const cache = new BadgeCache();
    cache.stored(['1', '2'], [info('1', { status: 'contacting', unopened: false })]);
    // A lookup asked before those were stored answers late: the store's answers stand, review 2 stays without a badge.
    const set = cache.looked(['1', '2', '3', '4'], [info('1')], (id) => (id === '3' ? info('3') : null));
    expect(set).toEqual(['3']);
    expect([cache.get('1')?.status, cache.get('2'), cache.get('3')?.status, cache.get('4')]).toEqual(['contacting', undefined, 'new', undefined]);
    expect(['1', '2', '3', '4'].map((id) => cache.knows(id))).toEqual([true, true, true, false]);
  });

  it('keeps the very same badge object when the store answers what the page foresaw (its row is not drawn again)', () => {
    const cache = new BadgeCache();
    cache.looked(['1'], [], () => info('1'));
    const foreseen = cache.get('1');
    cache.stored(['1'], [info('1')]);
    expect(cache.get('1')).toBe(foreseen);
    cache.stored(['1'], [info('1', { unopened: false })]);
    expect(cache.get('1')).not.toBe(foreseen);
  });

  it('drops the badge of a case the background no longer has', () => {
    const cache = new BadgeCache();
    cache.stored(['1'], [info('1')]);
    cache.markStale(null);
    expect(cache.refreshed(['qianniu:1'], [], cache.stamp())).toEqual(['1']);
    expect(cache.get('1')).toBeUndefined();
    expect(cache.staleAmong(['1'])).toEqual([]);
  });
});

describe('sameData', () => {
  it('compares readings field by field, an undefined field as absent', () => {
    expect(sameData(review('a', 'negative'), review('a', 'negative'))).toBe(true);
    expect(sameData(review('a', 'negative'), { ...review('a', 'negative'), orderId: undefined })).toBe(true);
    expect(sameData(review('a', 'negative'), review('a', 'neutral'))).toBe(false);
    expect(sameData(review('a', 'negative', { followUp: { content: 'x', sentiment: 'negative' } }),
      review('a', 'negative', { followUp: { content: 'x', sentiment: 'neutral' } }))).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData(NaN, NaN)).toBe(true);
    expect(sameData({ a: null }, { a: undefined })).toBe(false);
  });
});

describe('badge text', () => {
  it('is a faithful copy of the i18n lines it carries', () => {
    for (const [key, text] of Object.entries(BADGE_TEXT['zh-CN'])) expect(text, key).toBe(zhCN[key as keyof typeof zhCN]);
    for (const [key, text] of Object.entries(BADGE_TEXT.en)) expect(text, key).toBe(en[key as keyof typeof en]);
  });

  it('words ages, deadlines and sentiments exactly as the panel does', () => {
    const now = Date.UTC(2026, 10, 22, 4);
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const ago of [null, 0, 59_000, 61_000, 3_600_000 * 5, 86_400_000 * 3]) {
        const since = ago === null ? null : now - ago;
        expect(badgeAge(lang, since, now)).toBe(ageLabel(lang, since, now));
      }
      for (const ahead of [null, -1, 1, 3_600_000 * 30, 86_400_000 * 27.5]) {
        const at = ahead === null ? null : now + ahead;
        expect(badgeDeadline(lang, at, now)).toBe(deadlineLabel(lang, at, now));
      }
      for (const s of ['negative', 'neutral'] as const) {
        expect(badgeSentiment(lang, s, true)).toBe(sentimentLabel(lang, s, 'text'));
        expect(badgeSentiment(lang, s, false)).toBe(sentimentLabel(lang, s, 'platform'));
      }
    }
  });
});

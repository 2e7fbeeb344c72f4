import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import * as causes from '@/lib/cases/causes';
import { observation } from './helpers';

// The classifier is the costly part of storing a review: count its calls, keep its answers.
vi.mock('@/lib/cases/causes', async (original) => {
  const real = await original<typeof import('@/lib/cases/causes')>();
  return { ...real, causesOfReview: vi.fn(real.causesOfReview) };
});
const classified = vi.mocked(causes.causesOfReview);

const PAGE = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';
let db: ReviewDeskDB;
let clock: number;
let store: CaseStore;

beforeEach(() => {
  db = new ReviewDeskDB(`reseen-${Math.random()}`);
  clock = Date.UTC(2026, 10, 22, 2);
  store = new CaseStore(db, () => clock);
  classified.mockClear();
});

const page = () => [
  observation({ platformReviewId: '1', content: '快递太慢了' }),
  observation({ platformReviewId: '2', sentiment: 'neutral', content: '颜色和图片不一样' }),
  observation({ platformReviewId: '3', sentiment: 'positive', content: '很好' }),
];

describe('a page seen again', () => {
  it('classifies only new cases; an unchanged review seen again is not classified, its case not written nor announced', async () => {
    await store.ingest(page(), PAGE);
    expect(classified).toHaveBeenCalledTimes(2); // the two cases; a positive review is no case
    const before = await db.cases.toArray();
    const events = await db.events.count();
    classified.mockClear();
    clock += 3_600_000;
    const again = await store.ingest(page(), PAGE);
    expect(classified).not.toHaveBeenCalled();
    expect(again.changedIds).toEqual([]);
    expect(again.created).toBe(0);
    expect(again.badges.map((b) => b.caseId)).toEqual(['qianniu:1', 'qianniu:2']);
    expect(await db.cases.toArray()).toEqual(before); // updatedAt and every queue field untouched
    expect(await db.events.count()).toBe(events);
    // The review itself records the sighting (its deadline counts from it).
    expect((await db.reviews.get('qianniu:1'))?.lastSeenAt).toBe(clock);
  });

  it('classifies again a review whose text changed, and only that one', async () => {
    await store.ingest(page(), PAGE);
    classified.mockClear();
    clock += 60_000;
    const edited = page();
    edited[0] = observation({ platformReviewId: '1', content: '快递太慢了，而且发错颜色' });
    const again = await store.ingest(edited, PAGE);
    expect(classified).toHaveBeenCalledTimes(1);
    expect(classified.mock.calls[0]?.[0].content).toBe('快递太慢了，而且发错颜色');
    expect(again.changedIds).toEqual(['qianniu:1']);
    expect((await db.cases.get('qianniu:1'))?.updatedAt).toBe(clock);
  });
});

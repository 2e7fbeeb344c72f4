import { beforeEach, describe, expect, it } from 'vitest';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { observation } from './helpers';
import { explainDaysLeft } from '@/lib/cases/deadlines';
import { deadlineLabel } from '@/lib/cases/labels';
import { badgeOfNewReview } from '@/lib/cases/badge-of';

let db: ReviewDeskDB;
let clock: number;
let store: CaseStore;
const PAGE = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';

beforeEach(async () => {
  db = new ReviewDeskDB(`test-${Math.random()}`);
  clock = Date.UTC(2026, 10, 22, 2);
  store = new CaseStore(db, () => clock);
});

describe('CaseStore.ingest', () => {
  it('creates one case per negative/neutral review and none for positive or unknown', async () => {
    const { badges, created } = await store.ingest([
      observation({ platformReviewId: '1', sentiment: 'negative' }),
      observation({ platformReviewId: '2', sentiment: 'neutral' }),
      observation({ platformReviewId: '3', sentiment: 'positive' }),
      observation({ platformReviewId: '4', sentiment: 'unknown' }),
      observation({ platformReviewId: '5', sentiment: 'positive', followUp: { content: '用了一周就坏', sentiment: 'negative' } }),
    ], PAGE);
    expect(created).toBe(3);
    expect(badges.map((b) => [b.platformReviewId, b.sentiment, b.status, b.unopened])).toEqual([
      ['1', 'negative', 'new', true], ['2', 'neutral', 'new', true], ['5', 'negative', 'new', true],
    ]);
    expect(await db.reviews.count()).toBe(5); // unknown and positive reviews are kept, just not badged
  });

  it('stores a review it has never seen with the very badge the page foresaw for it (drawn before it was stored)', async () => {
    const readings = [
      observation({ platformReviewId: '1', sentiment: 'negative' }),
      observation({ platformReviewId: '2', sentiment: 'neutral', sentimentSource: 'text', reviewTime: null, pageReplyDaysLeft: 12 }),
      observation({ platformReviewId: '3', sentiment: 'positive' }),
      observation({ platformReviewId: '4', sentiment: 'unknown', pageReplyDaysLeft: -1 }),
      observation({ platformReviewId: '5', sentiment: 'positive', followUp: { content: '用了一周就坏', sentiment: 'negative' } }),
      observation({ platformReviewId: '6', sentiment: 'negative', reviewTime: clock - 29.5 * 86_400_000, pageReplyDaysLeft: 1 }),
    ];
    // The page foresees at its own reading time; the store stores a moment later.
    const foreseen = readings.map((r) => badgeOfNewReview(r, clock));
    clock += 800;
    const { badges } = await store.ingest(readings, PAGE);
    // Without a review time the deadline is counted from the reading: a moment apart, the same days left on screen.
    const shown = (b: (typeof badges)[number]) => ({ ...b, deadlineAt: explainDaysLeft(b.deadlineAt, clock) });
    const drawn = foreseen.flatMap((b) => (b ? [b] : []));
    expect(drawn.map(shown)).toEqual(badges.map(shown));
    expect(drawn.map((b) => b.deadlineAt)).toEqual([badges[0]!.deadlineAt, badges[1]!.deadlineAt! - 800, badges[2]!.deadlineAt, badges[3]!.deadlineAt]);
    expect(foreseen.map((b) => b?.status ?? null)).toEqual(['new', 'new', null, null, 'new', 'new']);
  });

  it('marks a main cause that no cause word backs as a guess, and a cue-backed one not', async () => {
    await store.ingest([observation({ content: '在逗我吗？' }), observation({ platformReviewId: '1002', content: '快递太慢了' })], PAGE);
    expect((await db.cases.get('qianniu:1001'))?.causes[0]).toMatchObject({ guess: true });
    expect((await db.cases.get('qianniu:1002'))?.causes[0]).toMatchObject({ code: 'logistics_delay' });
    expect((await db.cases.get('qianniu:1002'))?.causes[0]?.guess).toBeUndefined();
  });

  it('never duplicates a review seen again (reload, paging back, two tabs at once)', async () => {
    await store.ingest([observation()], PAGE);
    clock += 60_000;
    await Promise.all([store.ingest([observation()], PAGE), store.ingest([observation(), observation()], PAGE)]);
    expect(await db.reviews.count()).toBe(1);
    expect(await db.cases.count()).toBe(1);
    expect((await db.events.toArray()).filter((e) => e.kind === 'created')).toHaveLength(1);
    const review = await db.reviews.get('qianniu:1001');
    expect(review?.firstSeenAt).toBeLessThan(review!.lastSeenAt);
  });

  it('marks a case revised when the review turns positive, and reopens it on a new bad follow-up', async () => {
    await store.ingest([observation()], PAGE);
    await store.ingest([observation({ sentiment: 'positive' })], PAGE);
    expect((await db.cases.get('qianniu:1001'))?.status).toBe('revised');
    expect((await store.allCases()).filter((v) => v.case.status !== 'revised')).toHaveLength(0);

    await store.ingest([observation({ sentiment: 'positive', followUp: { content: '又坏了', sentiment: 'negative', days: 10 } })], PAGE);
    const c = await db.cases.get('qianniu:1001');
    expect(c?.status).toBe('new');
    expect(c?.sentiment).toBe('negative');
    expect((await store.detail('qianniu:1001'))?.events.map((e) => e.kind)).toEqual(['created', 'revised', 'reopened']);
  });

  it('keeps what a poorer reading lacks: a DOM-only sighting does not erase API fields', async () => {
    await store.ingest([observation({ buyerKey: 'secure-1', itemId: '7001' })], PAGE);
    await store.ingest([observation({ buyerKey: undefined, itemId: undefined, sentimentSource: 'page', pageReplyDaysLeft: 12 })], PAGE);
    const r = await db.reviews.get('qianniu:1001');
    expect(r).toMatchObject({ buyerKey: 'secure-1', itemId: '7001', pageReplyDaysLeft: 12 });
  });

  it('does not let a text guess or "still classifying" overwrite a platform sentiment', async () => {
    await store.ingest([observation({ sentiment: 'negative' })], PAGE);
    await store.ingest([observation({ sentiment: 'unknown' })], PAGE);
    await store.ingest([observation({ sentiment: 'positive', sentimentSource: 'text' })], PAGE);
    expect((await db.reviews.get('qianniu:1001'))?.sentiment).toBe('negative');
    expect((await db.cases.get('qianniu:1001'))?.status).toBe('new');
  });

  it('counts unopened new cases and stops counting once opened', async () => {
    await store.ingest([observation({ platformReviewId: '1' }), observation({ platformReviewId: '2' })], PAGE);
    expect(await store.unopenedCount()).toBe(2);
    await store.markOpened('qianniu:1', '小王');
    await store.markOpened('qianniu:1', '小王');
    expect(await store.unopenedCount()).toBe(1);
    const detail = await store.detail('qianniu:1');
    expect(detail?.events.filter((e) => e.kind === 'opened')).toEqual([expect.objectContaining({ by: '小王' })]);
  });

  it('gives the explanation deadline: 30 days from the review, or what the page shows', async () => {
    const reviewTime = clock - 3 * 86_400_000;
    const { badges } = await store.ingest([
      observation({ platformReviewId: '1', reviewTime }),
      observation({ platformReviewId: '2', reviewTime, pageReplyDaysLeft: 5 }),
    ], PAGE);
    expect(badges[0]?.deadlineAt).toBe(reviewTime + 30 * 86_400_000);
    expect(badges[1]?.deadlineAt).toBe(clock + 5 * 86_400_000);
  });
});

describe('days left to explain, as the console counts them (还有N天可回复)', () => {
  const DAY = 86_400_000;
  /** The console's own figure at a moment: 30 − whole days since the review; 0 once over. */
  const consoleDays = (reviewTime: number, at: number) => Math.max(0, 30 - Math.floor((at - reviewTime) / DAY));

  it('agrees with the page on the badge drawn just before the background stored the review, and later in the panel', async () => {
    const reviewTime = clock - 0.3 * 3_600_000;
    const { badges } = await store.ingest([
      observation({ platformReviewId: '1', reviewTime, pageReplyDaysLeft: 30 }),
      observation({ platformReviewId: '2', reviewTime: null, pageReplyDaysLeft: 28 }),
    ], PAGE);
    // The content script read the page (and drew the badge) a couple of seconds before the background's clock.
    const drawnAt = clock - 2_000;
    expect(badges.map((b) => deadlineLabel('zh-CN', b.deadlineAt, drawnAt))).toEqual(['解释剩30天', '解释剩28天']);
    const panel = await store.allCases();
    expect(panel.map((v) => deadlineLabel('zh-CN', v.deadlineAt, clock + 60_000))).toEqual(['解释剩30天', '解释剩28天']);
  });

  it('keeps counting like the console for days after the page was read', async () => {
    for (const ageHours of [0.3, 5, 23.9, 24.1, 100, 205.5, 470, 719]) {
      const reviewTime = clock - ageHours * 3_600_000;
      const id = `age-${ageHours}`;
      await store.ingest([observation({ platformReviewId: id, reviewTime, pageReplyDaysLeft: consoleDays(reviewTime, clock) })], PAGE);
      const deadlineAt = (await store.detail(`qianniu:${id}`))!.deadlineAt;
      for (const later of [0, 3_600_000, 0.5 * DAY, DAY, 7.3 * DAY, 40 * DAY]) {
        expect(explainDaysLeft(deadlineAt, clock + later), `${ageHours} h old, ${later / 3_600_000} h later`).toBe(consoleDays(reviewTime, clock + later));
      }
    }
  });

  it('follows a page figure that differs from the 30-day arithmetic, and an expired window', async () => {
    const reviewTime = clock - 3.5 * DAY;
    await store.ingest([
      observation({ platformReviewId: 'a', reviewTime, pageReplyDaysLeft: 20 }),
      observation({ platformReviewId: 'b', reviewTime, pageReplyDaysLeft: -1 }),
    ], PAGE);
    const [a, b] = await Promise.all([store.detail('qianniu:a'), store.detail('qianniu:b')]);
    expect(explainDaysLeft(a!.deadlineAt, clock)).toBe(20);
    expect(explainDaysLeft(a!.deadlineAt, clock + DAY)).toBe(19);
    expect(deadlineLabel('zh-CN', b!.deadlineAt, clock)).toBe('已过解释期');
  });
});

describe('what the badge needs from the background', () => {
  it('puts the badge on a follow-up worse than its review, and on the review otherwise', async () => {
    const { badges } = await store.ingest([
      observation({ platformReviewId: 'p', sentiment: 'positive', followUp: { content: '用了一周就坏', sentiment: 'negative' } }),
      observation({ platformReviewId: 'm', sentiment: 'neutral', followUp: { content: '客服不理人', sentiment: 'negative' } }),
      observation({ platformReviewId: 'u', sentiment: 'unknown', followUp: { content: '一般', sentiment: 'neutral' } }),
      observation({ platformReviewId: 'n', sentiment: 'negative', followUp: { content: '还是很差', sentiment: 'negative' } }),
      observation({ platformReviewId: 'k', sentiment: 'negative', followUp: { content: '换了新的，好用', sentiment: 'positive' } }),
    ], PAGE);
    expect(badges.map((b) => [b.platformReviewId, b.sentiment, b.part])).toEqual([
      ['p', 'negative', 'followUp'], ['m', 'negative', 'followUp'], ['u', 'neutral', 'followUp'], ['n', 'negative', 'review'], ['k', 'negative', 'review'],
    ]);
  });

  it('carries the earliest open promise due time, on ingest and on refresh; kept promises do not count', async () => {
    await store.ingest([observation({ platformReviewId: '1' }), observation({ platformReviewId: '2' })], PAGE);
    // Promises are written by the workflow, which keeps each case's unkept due times (its queue fields) current.
    const flow = new WorkflowStore(db, () => clock);
    const promise = { kind: 'reship' as const, amountFen: null, note: '' };
    await flow.addPromise({ ...promise, caseId: 'qianniu:1', dueAt: clock - 3_600_000 }, '小王');
    await flow.addPromise({ ...promise, caseId: 'qianniu:1', dueAt: clock + 3_600_000 }, '小王');
    const kept = await flow.addPromise({ ...promise, caseId: 'qianniu:2', dueAt: clock - 7_200_000 }, '小王');
    await flow.fulfilPromise(kept.id!, 'QX-1', '小王');
    const refreshed = await store.badges(['qianniu:1', 'qianniu:2']);
    expect(refreshed.map((b) => [b.caseId, b.promiseDueAt])).toEqual([['qianniu:1', clock - 3_600_000], ['qianniu:2', null]]);
    const { badges } = await store.ingest([observation({ platformReviewId: '1' })], PAGE);
    expect(badges[0]?.promiseDueAt).toBe(clock - 3_600_000);
  });
});

describe('Tmall item titles', () => {
  it('drops a SKU stored as the title by earlier versions when the review is seen again', async () => {
    const tmall = (over: Partial<Parameters<typeof observation>[0]> = {}) =>
      observation({ platform: 'tmall', platformReviewId: '88003', sentimentSource: 'text', itemTitle: undefined, ...over });
    await store.ingest([tmall({ itemTitle: '配置：i5/16G/512G' })], PAGE);
    await store.ingest([tmall()], PAGE);
    expect((await db.reviews.get('tmall:88003'))?.itemTitle).toBeUndefined();
    // Other platforms keep what a poorer reading lacks.
    await store.ingest([observation({ itemTitle: '纯棉T恤' })], PAGE);
    await store.ingest([observation({ itemTitle: undefined })], PAGE);
    expect((await db.reviews.get('qianniu:1001'))?.itemTitle).toBe('纯棉T恤');
  });
});


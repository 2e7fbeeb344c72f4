import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { CaseStatus } from '@/lib/cases/schema';
import { QueueReader } from '@/lib/queue/query';
import { tallyOf } from '@/lib/queue/tally';
import { announceCases } from '@/lib/queue/feed';
import { observation } from './helpers';

const PAGE = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';
let db: ReviewDeskDB;
let clock: number;
let store: CaseStore;
let workflow: WorkflowStore;

beforeEach(() => {
  db = new ReviewDeskDB(`tally-${Math.random()}`);
  clock = Date.UTC(2026, 10, 22, 2);
  store = new CaseStore(db, () => clock);
  workflow = new WorkflowStore(db, () => clock);
});
afterEach(() => db.close());

const batch = (from: number, n: number, over: (i: number) => Partial<Parameters<typeof observation>[0]> = () => ({})) =>
  Array.from({ length: n }, (_, i) => observation({
    platformReviewId: String(from + i), sentiment: (['negative', 'neutral', 'positive'] as const)[(from + i) % 3], ...over(from + i),
  }));

/** What the indexes say: the figures the tally must always equal. */
async function counted() {
  const byStatus = Object.fromEntries(await Promise.all(CaseStatus.options.map(async (s) => [s, await db.cases.where('status').equals(s).count()])));
  return { byStatus, unopened: await db.cases.where('unopened').equals(1).count() };
}
const held = () => ({ byStatus: tallyOf(db).byStatus(), unopened: tallyOf(db).unopened() });

describe('the case tally (status counts and the toolbar figure without walking the indexes)', () => {
  it('counts on the indexes until it has read the store, then follows every kind of write exactly', async () => {
    await store.ingest(batch(1, 60), PAGE);
    expect(tallyOf(db).unopened()).toBeNull(); // the first ask starts the read ...
    expect(await store.unopenedCount()).toBe(40); // ... and the answer comes from the index meanwhile
    await tallyOf(db).loaded();
    expect(held()).toEqual(await counted());

    const steps: Array<[string, () => Promise<unknown>]> = [
      ['new reviews', () => store.ingest(batch(100, 30), PAGE)],
      ['revised to positive', () => store.ingest(batch(1, 12, () => ({ sentiment: 'positive', content: '挺好的' })), PAGE)],
      ['reopened by a bad follow-up', () => store.ingest(batch(1, 3, () => ({ sentiment: 'positive', content: '挺好的', followUp: { content: '又坏了', sentiment: 'negative' } })), PAGE)],
      ['opened', () => Promise.all(['qianniu:102', 'qianniu:103', 'qianniu:102'].map((id) => store.markOpened(id, '小王')))],
      ['status set', () => workflow.setStatus('qianniu:105', 'resolved', '小王')],
      ['status set on an unopened case', () => workflow.setStatus('qianniu:108', 'contacting', '小王')],
      ['deleted (announced)', async () => {
        await db.cases.delete('qianniu:109');
        announceCases(db.name, [], ['qianniu:109', 'qianniu:never-stored']);
      }],
    ];
    for (const [name, step] of steps) {
      clock += 60_000;
      await step();
      expect(held(), name).toEqual(await counted());
    }
    expect(await store.unopenedCount()).toBe((await counted()).unopened);
    const reader = new QueueReader(db);
    const page = await reader.page({ status: 'open', sentiment: 'all', cause: 'all', itemId: 'all', assignee: 'all', text: '' }, 0, 10, clock);
    expect(page.counts.open).toBe((await counted()).byStatus.new + (await counted()).byStatus.contacting + (await counted()).byStatus.agreed);
    reader.close();
  });

  it('keeps the writes that land while it reads the store', async () => {
    await store.ingest(batch(1, 90), PAGE);
    const loading = tallyOf(db).loaded();
    await Promise.all([
      store.ingest(batch(200, 45), PAGE),
      store.ingest(batch(1, 30, () => ({ sentiment: 'positive', content: '挺好的' })), PAGE),
      store.markOpened('qianniu:2', '小王'),
    ]);
    await loading;
    expect(held()).toEqual(await counted());
  });
});

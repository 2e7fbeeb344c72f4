import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { QueueReader, type FilterChoices } from '@/lib/queue/query';
import { announceCases } from '@/lib/queue/feed';
import type { QueueFilter } from '@/lib/cases/queue';
import { observation } from './helpers';

const PAGE = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';
const OPEN: QueueFilter = { status: 'open', sentiment: 'all', cause: 'all', itemId: 'all', assignee: 'all', text: '' };
let db: ReviewDeskDB;
let clock: number;
let store: CaseStore;
let workflow: WorkflowStore;
let reader: QueueReader;

beforeEach(() => {
  db = new ReviewDeskDB(`menus-${Math.random()}`);
  clock = Date.UTC(2026, 10, 22, 2);
  store = new CaseStore(db, () => clock);
  workflow = new WorkflowStore(db, () => clock);
  reader = new QueueReader(db);
});
afterEach(() => {
  reader.close();
  db.close();
});

/** The menus as the indexes give them, walked in full: what the held menus must always equal. */
async function fromIndexes(): Promise<FilterChoices> {
  const [items, agents] = await Promise.all([db.cases.orderBy('[itemKey+itemTitle]').uniqueKeys(), db.cases.orderBy('assigneeKey').uniqueKeys()]);
  const titles = new Map<string, string>();
  for (const [key, title] of items as unknown as Array<[string, string]>) if (!titles.has(key)) titles.set(key, title);
  return { items: [...titles].map(([id, title]) => ({ id, title })), agents: (agents as string[]).filter((a) => a !== '').sort() };
}

describe('the filter menus (products, holders)', () => {
  it('are counted over the held facets once a search loaded them, and follow every write exactly', async () => {
    await store.ingest([
      observation({ platformReviewId: '1', itemId: 'i2', itemTitle: '卫衣' }),
      observation({ platformReviewId: '2', itemId: 'i1', itemTitle: '纯棉T恤' }),
      observation({ platformReviewId: '3', itemId: undefined, itemTitle: '帆布包' }), // keyed by its title
      observation({ platformReviewId: '4', itemId: 'i1', itemTitle: '纯棉T恤 白' }), // a second title: the first one in index order shows
      observation({ platformReviewId: '5', itemId: undefined, itemTitle: undefined }), // no product: not in the menu
    ], PAGE);
    expect((await reader.page(OPEN, 0, 10, clock)).choices).toEqual(await fromIndexes());
    await reader.page({ ...OPEN, text: 'x' }, 0, 10, clock); // a search loads the facets, and the menus with them
    const steps: Array<[string, () => Promise<unknown>]> = [
      ['claimed', () => workflow.claim('qianniu:1', '小王', false)],
      ['claimed by another', () => workflow.claim('qianniu:2', '小李', false)],
      ['taken over: 小李 holds nothing now', () => workflow.claim('qianniu:2', '小王', true)],
      ['a new product', () => store.ingest([observation({ platformReviewId: '6', itemId: 'i3', itemTitle: '袜子' })], PAGE)],
      ['the last case of a product gone', async () => {
        await db.cases.delete('qianniu:3');
        announceCases(db.name, [], ['qianniu:3']);
      }],
    ];
    for (const [name, step] of steps) {
      clock += 60_000;
      await step();
      expect((await reader.page(OPEN, 0, 10, clock)).choices, name).toEqual(await fromIndexes());
    }
    expect((await reader.page(OPEN, 0, 10, clock)).choices.agents).toEqual(['小王']);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { ContactAdvisor } from '@/lib/contact-timing/case-advice';
import { createHandlers, dispatch } from '@/lib/messaging/handlers';
import type { PageReport, ResponseMap } from '@/lib/messaging/protocol';
import { observation } from './helpers';

// One odd review in a batch used to make the background refuse the whole batch, so every row lost its badge.
function handlers() {
  const db = new ReviewDeskDB(`ingest-${Math.random()}`);
  const store = new CaseStore(db);
  const h = createHandlers({
    db, store, workflow: new WorkflowStore(db), advisor: new ContactAdvisor(db), reschedule: async () => undefined,
    language: async () => 'zh-CN', agentName: async () => '客服', openSidePanel: async () => true, focusCase: async () => undefined,
    pageReports: new Map<number, PageReport>(), lastConsoleTab: { id: null }, changed: vi.fn(),
  });
  return { h, store };
}
const page = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC?current=1';
const contentScript = { tabId: 7, fromExtensionPage: false };

describe('ingest, review by review', () => {
  it('stores every good review of a batch and names the odd ones by position and field', async () => {
    const { h, store } = handlers();
    const batch = [
      observation({ platformReviewId: '1' }),
      observation({ platformReviewId: '9'.repeat(1_000_000) }), // a 1 MB id read off the row
      { ...observation({ platformReviewId: '3' }), buyerNick: { nick: 'w**' } }, // a nick that is not a string
      { ...observation({ platformReviewId: '4' }), sentiment: 'furious' },
      'junk',
      observation({ platformReviewId: '6', sentiment: 'neutral' }),
    ];
    const reply = await dispatch(h, { type: 'ingest', pageUrl: page, reviews: batch }, contentScript);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const data = reply.data as ResponseMap['ingest'];
    expect(data.badges.map((b) => b.platformReviewId)).toEqual(['1', '6']);
    expect(data.rejected).toEqual([
      { index: 1, field: 'platformReviewId' }, { index: 2, field: 'buyerNick' }, { index: 3, field: 'sentiment' }, { index: 4, field: '(review)' },
    ]);
    expect((await store.allCases()).map((v) => v.case.platformReviewId).sort()).toEqual(['1', '6']);
  });

  it('answers a batch with no good review without storing anything', async () => {
    const { h, store } = handlers();
    const reply = await dispatch(h, { type: 'ingest', pageUrl: page, reviews: [{ platform: 'qianniu' }] }, contentScript);
    expect(reply).toEqual({ ok: true, data: { badges: [], language: 'zh-CN', rejected: [{ index: 0, field: 'platformReviewId' }] } });
    expect(await store.allCases()).toEqual([]);
  });

  it('still refuses a batch over the count cap as a whole (a flood, not an odd review)', async () => {
    const { h } = handlers();
    const reply = await dispatch(h, { type: 'ingest', pageUrl: page, reviews: Array.from({ length: 2001 }, () => observation()) }, contentScript);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid request/) });
  });
});

import { describe, expect, it, vi } from 'vitest';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { ContactAdvisor } from '@/lib/contact-timing/case-advice';
import { createHandlers, dispatch, type BackgroundPorts } from '@/lib/messaging/handlers';
import type { PageReport } from '@/lib/messaging/protocol';
import { observation } from './helpers';

const stores = (db: ReviewDeskDB) => ({ store: new CaseStore(db), workflow: new WorkflowStore(db), advisor: new ContactAdvisor(db) });

function ports(over: Partial<BackgroundPorts> = {}): BackgroundPorts {
  return {
    ...stores(new ReviewDeskDB(`h-${Math.random()}`)),
    reschedule: vi.fn(async () => undefined),
    language: async () => 'zh-CN',
    agentName: async () => '客服',
    openSidePanel: vi.fn(async () => true),
    focusCase: vi.fn(async () => undefined),
    pageReports: new Map<number, PageReport>(),
    lastConsoleTab: { id: null },
    changed: vi.fn(),
    ...over,
  };
}
const page = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC?current=1';
const contentScript = { tabId: 7, fromExtensionPage: false };
const panel = { fromExtensionPage: true };

describe('message dispatch', () => {
  it('stores what a content script saw and answers with badges', async () => {
    const p = ports();
    const reply = await dispatch(createHandlers(p), { type: 'ingest', pageUrl: page, reviews: [observation()] }, contentScript);
    expect(reply).toMatchObject({ ok: true, data: { language: 'zh-CN', badges: [{ platformReviewId: '1001', status: 'new' }] } });
    expect(p.changed).toHaveBeenCalledWith('ingest');
    const list = await dispatch(createHandlers(p), { type: 'listCases' }, panel);
    expect(list.ok && list.data).toHaveLength(1);
  });

  it('rejects malformed messages and reviews that fail the schema', async () => {
    const h = createHandlers(ports());
    expect(await dispatch(h, { type: 'nope' }, panel)).toEqual({ ok: false, error: 'invalid request' });
    expect(await dispatch(h, null, panel)).toEqual({ ok: false, error: 'invalid request' });
    // A review that fails the schema costs only itself (tests/unit/ingest-per-review.test.ts).
    const bad = { ...observation(), sentiment: 'furious' };
    expect(await dispatch(h, { type: 'ingest', pageUrl: page, reviews: [bad] }, contentScript)).toMatchObject({ ok: true, data: { badges: [], rejected: [{ index: 0, field: 'sentiment' }] } });
  });

  it('lets content scripts only report and open, not read the store', async () => {
    const h = createHandlers(ports());
    expect(await dispatch(h, { type: 'listCases' }, contentScript)).toEqual({ ok: false, error: 'not allowed' });
    expect(await dispatch(h, { type: 'markOpened', caseId: 'x' }, contentScript)).toEqual({ ok: false, error: 'not allowed' });
  });

  it('opens the side panel for the tab whose badge was clicked and focuses the case', async () => {
    const p = ports();
    const reply = await dispatch(createHandlers(p), { type: 'openCase', caseId: 'qianniu:1001' }, contentScript);
    expect(reply).toEqual({ ok: true, data: { opened: true } });
    expect(p.openSidePanel).toHaveBeenCalledWith(7);
    expect(p.focusCase).toHaveBeenCalledWith('qianniu:1001');
  });

  it('answers page state for the asked tab, else for the last console tab', async () => {
    const p = ports();
    const h = createHandlers(p);
    const report: PageReport = { page: 'https://myseller.taobao.com/x', family: 'qianniu', kind: 'review-list', state: 'unrecognised', rows: 0, badges: 0, diagnostic: 'd' };
    await dispatch(h, { type: 'reportPage', report }, contentScript);
    expect(await dispatch(h, { type: 'getPageState', tabId: 7 }, panel)).toEqual({ ok: true, data: { report, fromOtherTab: false } });
    expect(await dispatch(h, { type: 'getPageState', tabId: 99 }, panel)).toEqual({ ok: true, data: { report, fromOtherTab: true } });
  });
});

describe('badges after an agent action', () => {
  it('answers fresh badges for cases a page shows, and tells pages when an agent opened one', async () => {
    const p = ports();
    const h = createHandlers(p);
    await dispatch(h, { type: 'ingest', pageUrl: page, reviews: [observation()] }, contentScript);
    expect(p.changed).toHaveBeenLastCalledWith('ingest');
    await dispatch(h, { type: 'markOpened', caseId: 'qianniu:1001' }, panel);
    expect(p.changed).toHaveBeenLastCalledWith('cases');
    const reply = await dispatch(h, { type: 'badges', caseIds: ['qianniu:1001', 'qianniu:nope'] }, contentScript);
    expect(reply).toMatchObject({ ok: true, data: [{ caseId: 'qianniu:1001', unopened: false }] });
  });
});

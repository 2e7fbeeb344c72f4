import { describe, expect, it, vi } from 'vitest';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { ContactAdvisor } from '@/lib/contact-timing/case-advice';
import { createHandlers, dispatch, type BackgroundPorts } from '@/lib/messaging/handlers';
import type { PageReport } from '@/lib/messaging/protocol';
import { observation } from './helpers';
import { DEFAULT_FILTER } from '@/lib/cases/queue';

const stores = (db: ReviewDeskDB) => ({ db, store: new CaseStore(db), workflow: new WorkflowStore(db), advisor: new ContactAdvisor(db) });

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
    expect(p.changed).toHaveBeenCalledWith('ingest', ['qianniu:1001']);
    const list = await dispatch(createHandlers(p), { type: 'queryQueue', filter: DEFAULT_FILTER, offset: 0, limit: 50 }, panel);
    expect(list.ok && (list.data as { total: number }).total).toBe(1);
  });

  it('rejects malformed messages and reviews that fail the schema', async () => {
    const h = createHandlers(ports());
    expect(await dispatch(h, { type: 'nope' }, panel)).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid request/), problem: { field: 'type', rule: 'not_allowed' } });
    expect(await dispatch(h, null, panel)).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid request/) });
    // A review that fails the schema costs only itself (tests/unit/ingest-per-review.test.ts).
    const bad = { ...observation(), sentiment: 'furious' };
    expect(await dispatch(h, { type: 'ingest', pageUrl: page, reviews: [bad] }, contentScript)).toMatchObject({ ok: true, data: { badges: [], rejected: [{ index: 0, field: 'sentiment' }] } });
  });

  it('remembers which cases each console tab drew, and names the cases an agent changed', async () => {
    const p = ports({ shown: vi.fn() });
    const h = createHandlers(p);
    await dispatch(h, { type: 'ingest', pageUrl: page, reviews: [observation(), observation({ platformReviewId: '1002', sentiment: 'positive' })] }, contentScript);
    expect(p.shown).toHaveBeenLastCalledWith(7, ['qianniu:1001']);
    await dispatch(h, { type: 'badges', caseIds: ['qianniu:1001'] }, { tabId: 8, fromExtensionPage: false });
    expect(p.shown).toHaveBeenLastCalledWith(8, ['qianniu:1001']);
    // Seeing the same reviews again changes nothing: nobody is told.
    vi.mocked(p.changed).mockClear();
    await dispatch(h, { type: 'ingest', pageUrl: page, reviews: [observation()] }, contentScript);
    expect(p.changed).not.toHaveBeenCalled();
    const logged = await dispatch(h, { type: 'logOutcome', caseId: 'qianniu:1001', outcome: 'no_answer' }, panel);
    expect(p.changed).toHaveBeenLastCalledWith('cases', ['qianniu:1001']);
    await dispatch(h, { type: 'undo', eventSeq: logged.ok ? (logged.data as { eventSeq: number }).eventSeq : -1 }, panel);
    expect(p.changed).toHaveBeenLastCalledWith('cases', ['qianniu:1001']);
    await dispatch(h, { type: 'saveSettings', settings: { agentName: '小李' } }, panel);
    expect(p.changed).toHaveBeenLastCalledWith('cases', null);
  });

  it('lets content scripts only report and open, not read the store', async () => {
    const h = createHandlers(ports());
    expect(await dispatch(h, { type: 'queryQueue', filter: DEFAULT_FILTER, offset: 0, limit: 50 }, contentScript)).toEqual({ ok: false, error: 'not allowed' });
    // The whole-store list is gone: the panel reads windows of the queue.
    expect(await dispatch(h, { type: 'listCases' }, panel)).toMatchObject({ ok: false, problem: { field: 'type' } });
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

describe('refusals name the field and the rule', () => {
  it('says which field is too long, for a case note and a buyer note', async () => {
    const h = createHandlers(ports());
    expect(await dispatch(h, { type: 'addNote', caseId: 'qianniu:1001', note: '很'.repeat(1001) }, panel)).toMatchObject({
      ok: false, error: expect.stringContaining('note'), problem: { request: 'addNote', field: 'note', rule: 'too_long', limit: 1000 },
    });
    const note = { buyerKey: 'B1', temperament: '', whatWorked: '先'.repeat(501), doNotContact: false, phone: '', routine: 'unknown' };
    expect(await dispatch(h, { type: 'saveBuyerNote', note }, panel)).toMatchObject({
      ok: false, problem: { request: 'saveBuyerNote', field: 'note.whatWorked', rule: 'too_long', limit: 500 },
    });
  });

  it('refuses impossible due and agreed times (1e20, negative, year 0001)', async () => {
    const p = ports();
    const h = createHandlers(p);
    await dispatch(h, { type: 'ingest', pageUrl: page, reviews: [observation()] }, contentScript);
    const promise = { type: 'addPromise', caseId: 'qianniu:1001', kind: 'reship', amountFen: null, note: '' };
    for (const dueAt of [1e20, -1, Date.UTC(1, 0, 1)]) {
      expect(await dispatch(h, { ...promise, dueAt }, panel)).toMatchObject({ ok: false, problem: { field: 'dueAt' } });
    }
    expect(await dispatch(h, { type: 'logOutcome', caseId: 'qianniu:1001', outcome: 'agreed_time', agreedAt: 1e20 }, panel)).toMatchObject({ ok: false, problem: { field: 'agreedAt', rule: 'too_big' } });
    expect(await dispatch(h, { ...promise, dueAt: Date.UTC(2030, 0, 1) }, panel)).toMatchObject({ ok: true });
  });

  it('says when the case or promise is gone, or the promise already closed', async () => {
    const p = ports();
    const h = createHandlers(p);
    expect(await dispatch(h, { type: 'addNote', caseId: 'qianniu:nope', note: 'x' }, panel)).toMatchObject({ ok: false, problem: { request: 'addNote', field: 'caseId', rule: 'not_found' } });
    await dispatch(h, { type: 'ingest', pageUrl: page, reviews: [observation()] }, contentScript);
    const added = await dispatch(h, { type: 'addPromise', caseId: 'qianniu:1001', kind: 'reship', amountFen: null, dueAt: Date.UTC(2030, 0, 1), note: '' }, panel);
    const id = added.ok ? (added.data as { id: number }).id : -1;
    expect(await dispatch(h, { type: 'cancelPromise', promiseId: id, reason: '买家不要了' }, panel)).toMatchObject({ ok: true });
    expect(p.reschedule).toHaveBeenCalled();
    expect(await dispatch(h, { type: 'fulfilPromise', promiseId: id, reference: '' }, panel)).toMatchObject({ ok: false, problem: { rule: 'closed' } });
    expect(await dispatch(h, { type: 'cancelPromise', promiseId: id, reason: '' }, panel)).toMatchObject({ ok: false, problem: { field: 'reason', rule: 'empty' } });
  });
});

describe('badges after an agent action', () => {
  it('answers fresh badges for cases a page shows, and tells pages when an agent opened one', async () => {
    const p = ports();
    const h = createHandlers(p);
    await dispatch(h, { type: 'ingest', pageUrl: page, reviews: [observation()] }, contentScript);
    expect(p.changed).toHaveBeenLastCalledWith('ingest', ['qianniu:1001']);
    await dispatch(h, { type: 'markOpened', caseId: 'qianniu:1001' }, panel);
    expect(p.changed).toHaveBeenLastCalledWith('cases', ['qianniu:1001']);
    const reply = await dispatch(h, { type: 'badges', caseIds: ['qianniu:1001', 'qianniu:nope'] }, contentScript);
    expect(reply).toMatchObject({ ok: true, data: [{ caseId: 'qianniu:1001', unopened: false }] });
  });
});

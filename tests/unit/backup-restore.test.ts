import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { ContactAdvisor } from '@/lib/contact-timing/case-advice';
import { createHandlers, dispatch } from '@/lib/messaging/handlers';
import { makeBackup, restoreFromText } from '@/lib/backup/client';
import { BACKUP_VERSION } from '@/lib/backup/schema';
import { computeDashboard } from '@/lib/insight/dashboard';
import { LocalInsightSource } from '@/lib/insight/source';
import { resolvePeriod } from '@/lib/insight/period';
import { counted } from '@/lib/insight/tally';
import { loadPreferences, savePreferences } from '@/lib/settings/preferences';
import { DEFAULT_PAY_SCHEME } from '@/lib/settings/pay-scheme';
import { beijingInstant, HOUR_MS as H } from '@/lib/time/beijing';
import { observation } from './helpers';

const NOW = beijingInstant(2026, 3, 2, 20);
const PAGE = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';

/** A background on its own database, answering the fake browser's messages (one browser profile). */
function profile() {
  const db = new ReviewDeskDB(`backup-${Math.random()}`);
  const store = new CaseStore(db);
  const workflow = new WorkflowStore(db);
  const handlers = createHandlers({
    db, store, workflow, advisor: new ContactAdvisor(db), pageReports: new Map(), lastConsoleTab: { id: null },
    language: async () => 'zh-CN', agentName: async () => '小王', openSidePanel: async () => true, focusCase: async () => undefined,
    reschedule: async () => undefined, changed: () => undefined,
  });
  fakeBrowser.runtime.onMessage.addListener((msg: unknown, _s: unknown, sendResponse: (r: unknown) => void) => {
    void dispatch(handlers, msg, { fromExtensionPage: true }).then(sendResponse);
    return true;
  });
  return { db, store, workflow };
}

/** The browser's data is gone: storage wiped and a new, empty database behind the messages. */
function wipe() {
  fakeBrowser.reset();
  return profile();
}

async function seed(p: ReturnType<typeof profile>) {
  const t0 = beijingInstant(2026, 3, 1, 9);
  vi.setSystemTime(t0);
  await p.store.ingest([
    observation({ platformReviewId: '1', content: '衣服起球严重，质量太差', reviewTime: t0 - H, itemId: 'A', itemTitle: '羊毛衫', buyerKey: 'b1' }),
    observation({ platformReviewId: '2', content: '快递太慢了', reviewTime: t0 - 2 * H, itemId: 'B', itemTitle: '保温杯', buyerKey: 'b2' }),
  ], PAGE);
  vi.setSystemTime(t0 + H);
  await p.workflow.logOutcome({ caseId: 'qianniu:1', outcome: 'talked_agreed', note: '晚上改' }, '小王');
  vi.setSystemTime(t0 + 2 * H);
  const kept = await p.workflow.addPromise({ caseId: 'qianniu:1', kind: 'cash', amountFen: 500, dueAt: t0 + 5 * H, note: '' }, '小王');
  vi.setSystemTime(t0 + 3 * H);
  await p.workflow.fulfilPromise(kept.id!, '支付宝 2026', '小王');
  vi.setSystemTime(t0 + 4 * H);
  await p.workflow.addPromise({ caseId: 'qianniu:2', kind: 'postage_refund', amountFen: 1200, dueAt: t0 + 6 * H, note: '退运费' }, '小李');
  await p.workflow.setCauses('qianniu:2', [{ code: 'logistics_delay', triggers: ['慢'] }], '小李');
  await p.workflow.saveBuyerNote({ buyerKey: 'b1', temperament: '急躁', whatWorked: '先道歉', doNotContact: false, phone: '13812345678', routine: 'unknown' }, '小王');
  await savePreferences({ shopName: '暖暖小店', payScheme: { enabled: true, perRevisedNeutralFen: 300, perRevisedNegativeFen: 500 } });
  vi.setSystemTime(NOW);
}

async function backupText(): Promise<string> {
  const { blob } = await makeBackup();
  return blob.text();
}

async function snapshot(db: ReviewDeskDB) {
  const events = (await db.events.toArray()).map(async ({ seq: _s, promiseId, ...e }) => ({ ...e, promise: promiseId !== undefined ? (await db.promises.get(promiseId))?.createdAt : undefined }));
  return {
    reviews: await db.reviews.orderBy('id').toArray(),
    cases: (await db.cases.orderBy('id').toArray()).map((c) => ({ ...c })),
    events: (await Promise.all(events)).sort((a, b) => a.at - b.at || a.kind.localeCompare(b.kind)),
    promises: (await db.promises.toArray()).map(({ id: _id, ...p }) => p).sort((a, b) => a.createdAt - b.createdAt),
    buyerNotes: await db.buyerNotes.toArray(),
  };
}

async function figures(db: ReviewDeskDB) {
  return counted(await computeDashboard(new LocalInsightSource(db), resolvePeriod('7d', NOW)!, NOW, { cap: 3, pay: (await loadPreferences()).payScheme }));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('backup and restore', () => {
  it('restores everything into a wiped browser: same records, same figures, settings back', async () => {
    const a = profile();
    await seed(a);
    const text = await backupText();
    const before = await snapshot(a.db);
    const beforeFigures = await figures(a.db);
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'reviewdesk-backup', backupVersion: BACKUP_VERSION, dbVersion: a.db.verno, counts: { reviews: 2, cases: 2, promises: 2, buyerNotes: 1 } });
    // Derived index fields are not data: they are computed again on restore.
    expect(Object.keys(file.cases[0]).sort()).toEqual(Object.keys(file.cases[0]).filter((k: string) => !['rank', 'open', 'search', 'causeCodes'].includes(k)).sort());

    const b = wipe();
    expect(await b.db.cases.count()).toBe(0);
    expect((await loadPreferences()).payScheme).toEqual(DEFAULT_PAY_SCHEME);
    const outcome = await restoreFromText(text);
    expect(outcome).toMatchObject({ ok: true, report: {
      reviews: { added: 2, updated: 0, skipped: 0 }, cases: { added: 2 }, events: { added: before.events.length, skipped: 0 },
      promises: { added: 2 }, buyerNotes: { added: 1 },
    } });
    expect(outcome.ok && outcome.settingsRestored.sort()).toEqual(['payScheme', 'shopName']);
    const after = await snapshot(b.db);
    expect(after.reviews).toEqual(before.reviews);
    expect(after.events).toEqual(before.events); // promise events point at the same promises
    expect(after.promises).toEqual(before.promises);
    expect(after.buyerNotes).toEqual(before.buyerNotes);
    // Cases as they were, with the queue's index fields computed again (the rank depends on the clock of the write).
    const unranked = (cases: typeof after.cases) => cases.map(({ rank: _r, rankStaleAt: _s, ...c }: Record<string, unknown>) => c);
    expect(unranked(after.cases)).toEqual(unranked(before.cases));
    const queue = await fakeBrowser.runtime.sendMessage({ type: 'queryQueue', filter: { status: 'open', sentiment: 'all', cause: 'all', itemId: 'all', assignee: 'all', text: '' }, offset: 0, limit: 50 }) as { data: { total: number } };
    expect(queue.data.total).toBe(2);
    expect(await figures(b.db)).toEqual(beforeFigures);
    expect((await loadPreferences()).shopName).toBe('暖暖小店');
  });

  it('restoring the same file again adds nothing; newer local data is never overwritten', async () => {
    const a = profile();
    await seed(a);
    const text = await backupText();
    const again = await restoreFromText(text);
    expect(again.ok && again.report).toEqual({
      reviews: { added: 0, updated: 0, skipped: 2 }, cases: { added: 0, updated: 0, skipped: 2 },
      events: { added: 0, updated: 0, skipped: await a.db.events.count() }, promises: { added: 0, updated: 0, skipped: 2 },
      buyerNotes: { added: 0, updated: 0, skipped: 1 },
    });
    // Work done after the backup stays when the older backup is restored.
    vi.setSystemTime(NOW + H);
    await a.workflow.setStatus('qianniu:2', 'resolved', '小李');
    await savePreferences({ shopName: '暖暖旗舰店' });
    const third = await restoreFromText(text);
    expect(third.ok && third.report.cases).toEqual({ added: 0, updated: 0, skipped: 2 });
    expect((await a.db.cases.get('qianniu:2'))!.status).toBe('resolved');
    expect((await loadPreferences()).shopName).toBe('暖暖旗舰店');
  });

  it('a backup whose promise was kept closes the open one here; events follow their promise to its new number', async () => {
    const a = profile();
    await seed(a);
    const promiseOf2 = (await a.db.promises.where('caseId').equals('qianniu:2').first())!;
    vi.setSystemTime(NOW + H);
    await a.workflow.fulfilPromise(promiseOf2.id!, '已退', '小李');
    const text = await backupText();

    const b = wipe();
    // This browser already has a promise of its own (so the numbers differ) and the older, open state of case 2's.
    await b.store.ingest([observation({ platformReviewId: '9', content: '差', reviewTime: NOW - H })], PAGE);
    await b.workflow.addPromise({ caseId: 'qianniu:9', kind: 'gift', amountFen: null, dueAt: NOW + H, note: '' }, '小王');
    await b.db.promises.add({ ...promiseOf2, id: undefined, fulfilledAt: null, fulfilledRef: null });
    const outcome = await restoreFromText(text);
    expect(outcome.ok && outcome.report.promises).toEqual({ added: 1, updated: 1, skipped: 0 });
    const closed = (await b.db.promises.where('caseId').equals('qianniu:2').toArray());
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ fulfilledRef: '已退' });
    const fulfilled = (await b.db.events.where('caseId').equals('qianniu:2').toArray()).find((e) => e.kind === 'promise-fulfilled')!;
    expect(fulfilled.promiseId).toBe(closed[0]!.id);
  });

  it('refuses a newer version, a foreign or damaged or incomplete file, and writes nothing', async () => {
    const a = profile();
    await seed(a);
    const file = JSON.parse(await backupText());
    const b = wipe();
    const attempt = (value: unknown) => restoreFromText(typeof value === 'string' ? value : JSON.stringify(value));
    expect(await attempt({ ...file, backupVersion: BACKUP_VERSION + 1 })).toEqual({ ok: false, problem: { kind: 'newer', fileVersion: BACKUP_VERSION + 1, supported: BACKUP_VERSION } });
    expect(await attempt({ ...file, dbVersion: b.db.verno + 1 })).toEqual({ ok: false, problem: { kind: 'newer', fileVersion: b.db.verno + 1, supported: b.db.verno } });
    expect(await attempt({ hello: 'world' })).toEqual({ ok: false, problem: { kind: 'foreign' } });
    expect(await attempt('{"format":"reviewdesk-backup", "cases": [')).toEqual({ ok: false, problem: { kind: 'not-json' } });
    expect(await attempt({ ...file, cases: [{ ...file.cases[0], status: 'deleted' }, file.cases[1]] })).toEqual({ ok: false, problem: { kind: 'damaged', where: 'cases[0].status' } });
    expect(await attempt({ ...file, events: file.events.slice(1) })).toMatchObject({ ok: false, problem: { kind: 'incomplete', table: 'events' } });
    expect(await b.db.reviews.count() + await b.db.cases.count() + await b.db.events.count() + await b.db.promises.count()).toBe(0);
    expect((await loadPreferences()).shopName).toBe('');
  });

  it('the background checks every chunk itself: a bad record or a missing chunk writes nothing', async () => {
    const a = profile();
    await seed(a);
    const file = JSON.parse(await backupText());
    const b = wipe();
    const { reviews, cases, events, promises, buyerNotes, ...header } = file;
    const ask = (msg: object) => fakeBrowser.runtime.sendMessage(msg) as Promise<{ ok: boolean; data: Record<string, unknown> }>;
    const begun = (await ask({ type: 'restoreBegin', header })).data as { token: string };
    expect((await ask({ type: 'restoreChunk', token: begun.token, table: 'reviews', records: reviews })).data).toEqual({ received: 2 });
    expect((await ask({ type: 'restoreChunk', token: begun.token, table: 'cases', records: [cases[0], { id: 'x' }] })).data)
      .toEqual({ problem: { kind: 'damaged', where: 'cases[1].platform' } });
    expect((await ask({ type: 'restoreCommit', token: begun.token })).data).toEqual({ ok: false, problem: { kind: 'interrupted' } });
    const second = (await ask({ type: 'restoreBegin', header })).data as { token: string };
    for (const [table, records] of Object.entries({ reviews, cases, events, buyerNotes })) await ask({ type: 'restoreChunk', token: second.token, table, records });
    expect(promises.length).toBe(2);
    expect((await ask({ type: 'restoreCommit', token: second.token })).data).toEqual({ ok: false, problem: { kind: 'incomplete', table: 'promises', expected: 2, received: 0 } });
    expect(await b.db.reviews.count() + await b.db.cases.count() + await b.db.events.count()).toBe(0);
  });
});

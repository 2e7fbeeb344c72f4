import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { FactStore, FACTS_VERSION } from '@/lib/insight/fact-store';
import { beijingInstant, HOUR_MS as H } from '@/lib/time/beijing';
import { observation } from './helpers';

/** The dashboard's facts follow the store's writes, survive a worker stopped mid-way, and equal a fresh rebuild. */
const T0 = beijingInstant(2026, 3, 2, 9);
const PAGE = 'https://myseller.taobao.com/x';
let db: ReviewDeskDB;
let clock: number;
let store: CaseStore;
let flow: WorkflowStore;
const open: FactStore[] = [];

const facts = (f: FactStore) => f.db.facts.orderBy('id').toArray();
function factStore() {
  const f = new FactStore(db, () => clock);
  open.push(f);
  return f;
}

beforeEach(async () => {
  db = new ReviewDeskDB(`facts-${Math.random()}`);
  clock = T0;
  store = new CaseStore(db, () => clock);
  flow = new WorkflowStore(db, () => clock);
  await store.ingest([
    observation({ platformReviewId: '1', content: '起球严重', reviewTime: T0 - H }),
    observation({ platformReviewId: '2', content: '快递太慢', reviewTime: T0 - 2 * H, itemId: '8002' }),
  ], PAGE);
});
afterEach(() => {
  for (const f of open.splice(0)) f.close();
  vi.useRealTimers();
});

describe('fact store', () => {
  it('is built on first use, then follows every write: outcomes, promises, a revision, an undo', async () => {
    const f = factStore();
    await f.current();
    expect((await facts(f)).map((x) => [x.id, x.status, x.phoneCalls])).toEqual([['qianniu:1', 'new', 0], ['qianniu:2', 'new', 0]]);
    clock += H;
    await flow.logOutcome({ caseId: 'qianniu:1', outcome: 'no_answer' }, '小王');
    const agreed = await flow.logOutcome({ caseId: 'qianniu:1', outcome: 'talked_agreed' }, '小王');
    await f.current();
    expect(await f.db.facts.get('qianniu:1')).toMatchObject({ status: 'agreed', phoneCalls: 2, agreed: true, firstContactAt: T0 + H, assignee: '小王' });
    const day = beijingInstant(2026, 3, 2);
    expect((await f.workedBetween(day, day + 24 * H)).map((x) => x.id)).toEqual(['qianniu:1']);
    expect(await f.workedBetween(day + 24 * H, day + 48 * H)).toEqual([]);
    await flow.undo(agreed.eventSeq);
    await f.current();
    expect(await f.db.facts.get('qianniu:1')).toMatchObject({ status: 'contacting', phoneCalls: 1, agreed: false });
    clock += 5 * H;
    await store.ingest([observation({ platformReviewId: '2', content: '快递太慢', reviewTime: T0 - 2 * H, itemId: '8002', sentiment: 'positive' })], PAGE);
    await f.current();
    expect(await f.db.facts.get('qianniu:2')).toMatchObject({ status: 'revised', revisedAt: clock });
    // Whatever happened, the facts kept are the facts a rebuild computes.
    const kept = await facts(f);
    await f.rebuild();
    expect(await facts(f)).toEqual(kept);
  });

  it('a worker stopped before it stored the facts of a write catches up on its next start', async () => {
    const first = factStore();
    await first.current();
    first.close(); // the worker stops: it hears of no further write
    clock += 2 * H;
    await flow.logOutcome({ caseId: 'qianniu:2', outcome: 'message_sent' }, '小李');
    await flow.addPromise({ caseId: 'qianniu:2', kind: 'cash', amountFen: 500, dueAt: clock + H, note: '' }, '小李');
    const next = factStore();
    await next.current();
    expect(await next.db.facts.get('qianniu:2')).toMatchObject({ status: 'contacting', channels: 'chat', assignee: '小李' });
    expect((await next.db.meta.get('state'))!.syncedTo).toBe(clock); // caught up to this moment
  });

  it('counts open cases at the call cap on its index (closed ones are not at risk)', async () => {
    const f = factStore();
    clock += H;
    for (const outcome of ['no_answer', 'rejected', 'no_answer'] as const) await flow.logOutcome({ caseId: 'qianniu:1', outcome }, '小王');
    for (const outcome of ['no_answer', 'no_answer', 'buyer_refused'] as const) await flow.logOutcome({ caseId: 'qianniu:2', outcome }, '小王');
    await f.current();
    expect([await f.countOpenWithCalls(3), await f.idsOpenWithCalls(3), await f.countOpenWithCalls(4)]).toEqual([1, ['qianniu:1'], 0]);
  });

  it('facts of another layout, or of an unfinished build, are built again', async () => {
    const f = factStore();
    await f.current();
    await f.db.meta.put({ key: 'state', version: FACTS_VERSION + 1, complete: true, syncedTo: 0 });
    await f.db.facts.clear();
    f.close();
    const g = factStore();
    await g.current();
    expect(await g.db.facts.count()).toBe(2);
    expect(await g.db.meta.get('state')).toMatchObject({ version: FACTS_VERSION, complete: true });
  });

  it('before it was ever built, writes cost one look and nothing more', async () => {
    const f = factStore();
    await store.ingest([observation({ platformReviewId: '3', content: '差', reviewTime: T0 })], PAGE);
    await vi.waitFor(async () => expect(await f.db.meta.get('state')).toBeUndefined());
    expect(await f.db.facts.count()).toBe(0);
    await f.current();
    expect(await f.db.facts.count()).toBe(3);
  });
});

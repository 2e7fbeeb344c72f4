import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { Mutation } from '@/lib/team/protocol';
import { observation } from './helpers';

const PAGE = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';
const T = Date.UTC(2026, 11, 1, 2);

async function recordingStore() {
  const db = new ReviewDeskDB(`outbox-${Math.random()}`);
  await db.open();
  db.team.recording = true;
  db.team.now = () => T;
  return { db, store: new CaseStore(db), work: new WorkflowStore(db, () => T) };
}

const queued = async (db: ReviewDeskDB) => (await db.outbox.orderBy('n').toArray()).map((e) => Mutation.parse(e.mutation));

describe('the team outbox', () => {
  it('an ingest queues each new review, its case and its 新 event, valid for the server, in write order; a page seen again queues no new case', async () => {
    const { db, store } = await recordingStore();
    await store.ingest([observation({ platformReviewId: '1' }), observation({ platformReviewId: '2', buyerKey: 'b2' })], PAGE);
    const first = await queued(db);
    expect(first.map((m) => m.kind).sort()).toEqual(['case.create', 'case.create', 'event.append', 'event.append', 'review.observe', 'review.observe']);
    // A case is never created on the server before its review could be.
    for (const id of ['qianniu:1', 'qianniu:2']) {
      const at = (kind: string) => first.findIndex((m) => m.kind === kind && JSON.stringify(m.payload).includes(id));
      expect(at('review.observe')).toBeLessThan(at('case.create'));
    }
    await store.ingest([observation({ platformReviewId: '1' })], PAGE);
    expect((await queued(db)).filter((m) => m.kind === 'case.create')).toHaveLength(2);
  });

  it('a logged call queues its fields, the claim and the history event; an undo marks that event undone', async () => {
    const { db, store, work } = await recordingStore();
    await store.ingest([observation({ platformReviewId: '7' })], PAGE);
    await db.outbox.clear();
    const { eventSeq } = await work.logOutcome({ caseId: 'qianniu:7', outcome: 'no_answer' }, '小李');
    const logged = await queued(db);
    expect(logged.map((m) => m.kind)).toEqual(['case.set', 'case.claim', 'event.append']);
    const event = logged[2]!;
    expect(event.kind === 'event.append' && event.payload.event).toMatchObject({ caseId: 'qianniu:7', kind: 'attempt', outcome: 'no_answer', by: '小李', id: (await db.events.get(eventSeq))!.uid });
    await db.outbox.clear();
    expect(await work.undo(eventSeq)).toBe(true);
    expect((await queued(db)).find((m) => m.kind === 'event.set')).toMatchObject({ payload: { id: event.kind === 'event.append' ? event.payload.event.id : '', undone: true } });
  });

  it('a write that fails leaves nothing queued, and solo nothing is queued at all', async () => {
    const { db, work } = await recordingStore();
    await expect(work.logOutcome({ caseId: 'qianniu:none', outcome: 'no_answer' }, '小李')).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
    db.team.recording = false;
    await new CaseStore(db).ingest([observation({ platformReviewId: '9' })], PAGE);
    expect(await db.outbox.count()).toBe(0);
  });
});

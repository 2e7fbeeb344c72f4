import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { syncAlarms } from '@/lib/reminders/alarms';
import { alarmName } from '@/lib/reminders/plan';
import { observation } from './helpers';

describe('alarms follow the cases', () => {
  it('schedules the agreed time and the promise due time, and drops them when no longer due', async () => {
    const db = new ReviewDeskDB(`al-${Math.random()}`);
    const now = Date.now();
    await new CaseStore(db).ingest([observation()], 'p');
    const flow = new WorkflowStore(db);
    await flow.logOutcome({ caseId: 'qianniu:1001', outcome: 'agreed_time', agreedAt: now + 3_600_000 }, '小王');
    const promise = await flow.addPromise({ caseId: 'qianniu:1001', kind: 'reship', amountFen: null, dueAt: now + 7_200_000, note: '' }, '小王');
    await syncAlarms(db, now);
    const byName = Object.fromEntries((await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.scheduledTime]));
    expect(byName[alarmName.reminder('qianniu:1001')]).toBe(now + 3_600_000);
    expect(byName[alarmName.promise(promise.id!)]).toBe(now + 7_200_000);
    expect(byName[alarmName.purge]).toBeDefined();

    const mistyped = await flow.addPromise({ caseId: 'qianniu:1001', kind: 'reship', amountFen: null, dueAt: now + 9_000_000, note: '' }, '小王');
    await syncAlarms(db, now);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toContain(alarmName.promise(mistyped.id!));
    await flow.cancelPromise(mistyped.id!, '重复记录', '小王');
    await flow.fulfilPromise(promise.id!, '', '小王');
    await flow.setStatus('qianniu:1001', 'resolved', '小王');
    await syncAlarms(db, now);
    const names = (await fakeBrowser.alarms.getAll()).map((a) => a.name);
    expect(names).toEqual([alarmName.purge]);
  });
});

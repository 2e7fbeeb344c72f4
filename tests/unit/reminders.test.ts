import { describe, expect, it } from 'vitest';
import { alarmName, parseAlarm, planAlarms } from '@/lib/reminders/plan';
import { caseRecord } from './helpers';

const now = 1_000_000;
const promise = (id: number, dueAt: number, fulfilledAt: number | null = null) => ({
  id, caseId: 'c', kind: 'reship' as const, amountFen: null, dueAt, createdAt: 0, createdBy: 'a', fulfilledAt, fulfilledRef: null, note: '',
});

describe('alarm plan', () => {
  it('reminds at agreed times ahead on open cases and at due times of unkept promises', () => {
    const plan = planAlarms(
      [caseRecord({ id: 'qianniu:1', agreedAt: now + 60_000 }), caseRecord({ id: 'qianniu:2', agreedAt: now - 1 }),
        caseRecord({ id: 'qianniu:3', agreedAt: now + 5, status: 'resolved' })],
      [promise(7, now + 10), promise(8, now + 10, now), promise(9, now - 10), { ...promise(10, now + 10), cancelledAt: now, cancelReason: '填错了' }],
      now,
    );
    expect([...plan]).toEqual([[alarmName.reminder('qianniu:1'), now + 60_000], [alarmName.promise(7), now + 10]]);
  });
  it('reads alarm names back, including case ids with colons', () => {
    expect(parseAlarm(alarmName.reminder('taobao-legacy:22:33'))).toEqual({ kind: 'reminder', caseId: 'taobao-legacy:22:33' });
    expect(parseAlarm(alarmName.promise(12))).toEqual({ kind: 'promise', promiseId: 12 });
    expect(parseAlarm(alarmName.purge)).toEqual({ kind: 'purge' });
    expect(parseAlarm('something-else')).toBeNull();
  });
});

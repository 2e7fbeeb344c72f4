import type { CaseRecord } from '../cases/schema';
import { isOpenStatus } from '../cases/schema';
import { isOpenPromise, type PromiseRecord } from '../cases/promises';

/** Alarm names carry what they are about, so an alarm survives a worker restart without other state. */
export const alarmName = {
  reminder: (caseId: string) => `remind|${caseId}`,
  promise: (id: number) => `promise|${id}`,
  purge: 'purge-contact-data',
  /** While connected to a team server: sync again even when no panel keeps the worker awake. */
  teamSync: 'team-sync',
};

/** Alarms that repeat on their own and are not planned from cases or promises. */
export const STANDING_ALARMS = new Set([alarmName.purge, alarmName.teamSync]);

export type AlarmSubject = { kind: 'reminder'; caseId: string } | { kind: 'promise'; promiseId: number } | { kind: 'purge' };

export function parseAlarm(name: string): AlarmSubject | null {
  if (name === alarmName.purge) return { kind: 'purge' };
  const [kind, rest] = [name.slice(0, name.indexOf('|')), name.slice(name.indexOf('|') + 1)];
  if (kind === 'remind' && rest) return { kind: 'reminder', caseId: rest };
  if (kind === 'promise' && /^\d+$/.test(rest)) return { kind: 'promise', promiseId: Number(rest) };
  return null;
}

/** Every alarm that should exist: agreed times still ahead on open cases, and due times of unkept promises. */
export function planAlarms(cases: CaseRecord[], promises: PromiseRecord[], now: number): Map<string, number> {
  const plan = new Map<string, number>();
  for (const c of cases) {
    if (c.agreedAt !== null && c.agreedAt > now && isOpenStatus(c.status)) plan.set(alarmName.reminder(c.id), c.agreedAt);
  }
  for (const p of promises) {
    if (isOpenPromise(p) && p.id !== undefined && p.dueAt > now) plan.set(alarmName.promise(p.id), p.dueAt);
  }
  return plan;
}

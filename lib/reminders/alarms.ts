import type { ReviewDeskDB } from '../db/database';
import { alarmName, planAlarms, STANDING_ALARMS } from './plan';
import type { CaseRecord } from '../cases/schema';
import { plainPromise } from '../queue/fields';

/**
 * Makes the browser's alarms match the plan: creates what is missing or moved, clears what is no longer due.
 * Reads only what can still ring, through indexes: agreed times ahead, and promises still to be kept due ahead.
 */
export async function syncAlarms(db: ReviewDeskDB, now = Date.now()): Promise<void> {
  const [cases, promises, existing] = await Promise.all([
    db.cases.where('agreedAt').above(now).toArray() as Promise<CaseRecord[]>,
    db.promises.where('openDue').above(now).toArray().then((ps) => ps.map(plainPromise)),
    browser.alarms.getAll(),
  ]);
  const plan = planAlarms(cases, promises, now);
  for (const alarm of existing) {
    if (STANDING_ALARMS.has(alarm.name)) continue;
    if (plan.get(alarm.name) !== alarm.scheduledTime) await browser.alarms.clear(alarm.name);
  }
  const have = new Set(existing.map((a) => `${a.name}@${a.scheduledTime}`));
  for (const [name, when] of plan) if (!have.has(`${name}@${when}`)) await browser.alarms.create(name, { when });
  if (!existing.some((a) => a.name === alarmName.purge)) await browser.alarms.create(alarmName.purge, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
}

import type { ReviewDeskDB } from '../db/database';
import { isOpenPromise } from '../cases/promises';
import { isOpenStatus } from '../cases/schema';
import type { Language } from '../i18n';
import type { AlarmSubject } from './plan';
import { overdueMessage, reminderMessage } from './notify';

/**
 * What an alarm that just rang should say, or null when it no longer applies: the promise was kept or cancelled,
 * the case was closed or its agreed time moved (the alarm was planned before the change reached the browser).
 */
export async function alarmNotice(db: ReviewDeskDB, subject: Exclude<AlarmSubject, { kind: 'purge' }>, lang: Language): Promise<{ caseId: string; title: string; message: string } | null> {
  if (subject.kind === 'promise') {
    const p = await db.promises.get(subject.promiseId);
    if (!p || !isOpenPromise(p)) return null;
    const [c, review] = await Promise.all([db.cases.get(p.caseId), db.reviews.get(p.caseId)]);
    if (!c) return null;
    return { caseId: c.id, ...overdueMessage(p, review, lang) };
  }
  const [c, review] = await Promise.all([db.cases.get(subject.caseId), db.reviews.get(subject.caseId)]);
  if (!c || c.agreedAt === null || !isOpenStatus(c.status)) return null;
  return { caseId: c.id, ...reminderMessage(c, review, lang) };
}

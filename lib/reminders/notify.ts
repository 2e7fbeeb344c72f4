import { formatYuan, REMEDY_LABELS, type PromiseRecord } from '../cases/promises';
import type { CaseRecord } from '../cases/schema';
import type { StoredReview } from '../reviews/schema';
import { formatBeijing } from '../time/beijing';
import { t, type Language } from '../i18n';

/** Notification texts in the agent's language. They name the item and the masked nick only: never a phone number. */
export function reminderMessage(c: CaseRecord, review: StoredReview | undefined, lang: Language = 'zh-CN') {
  return {
    title: t(lang, 'notify.reminder.title'),
    message: t(lang, 'notify.reminder.message', {
      item: review?.itemTitle ?? t(lang, 'notify.someCase'), nick: review?.buyerNick ?? '', at: c.agreedAt ? formatBeijing(c.agreedAt) : '',
    }),
  };
}

export function overdueMessage(p: PromiseRecord, review: StoredReview | undefined, lang: Language = 'zh-CN') {
  const label = REMEDY_LABELS[p.kind];
  return {
    title: t(lang, 'notify.overdue.title'),
    message: t(lang, 'notify.overdue.message', {
      remedy: lang === 'en' ? label.en : label.zh, amount: p.amountFen !== null ? ` ${formatYuan(p.amountFen)}` : '',
      item: review?.itemTitle ?? t(lang, 'notify.someCase'), nick: review?.buyerNick ?? '', at: formatBeijing(p.dueAt),
    }),
  };
}

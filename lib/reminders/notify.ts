import { formatYuan, REMEDY_LABELS, type PromiseRecord } from '../cases/promises';
import type { CaseRecord } from '../cases/schema';
import type { StoredReview } from '../reviews/schema';
import { formatBeijing } from '../time/beijing';

/** Notification texts. They name the item and the masked nick only: never a phone number. */
export function reminderMessage(c: CaseRecord, review: StoredReview | undefined) {
  return {
    title: '约定时间到了 · 评价回访台',
    message: `${review?.itemTitle ?? '案例'} · 买家 ${review?.buyerNick ?? ''}：约定 ${c.agreedAt ? formatBeijing(c.agreedAt) : ''}，请跟进。`,
  };
}

export function overdueMessage(p: PromiseRecord, review: StoredReview | undefined) {
  const amount = p.amountFen !== null ? ` ${formatYuan(p.amountFen)}` : '';
  return {
    title: '补偿承诺已逾期 · 评价回访台',
    message: `${REMEDY_LABELS[p.kind].zh}${amount}（${review?.itemTitle ?? '案例'} · ${review?.buyerNick ?? ''}）应在 ${formatBeijing(p.dueAt)} 前兑现，请尽快处理，以免被投诉违背承诺。`,
  };
}

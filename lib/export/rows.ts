import type { CaseEvent, CaseRecord } from '../cases/schema';
import { isOpenStatus } from '../cases/schema';
import type { StoredReview } from '../reviews/schema';
import { REMEDY_LABELS, type PromiseRecord } from '../cases/promises';
import { maskPhone, type BuyerNote } from '../cases/buyer-notes';
import { outcomeInfo } from '../cases/outcomes';
import { CAUSES } from '../causes/taxonomy';
import { t, type Language } from '../i18n';
import { formatBeijing } from '../time/beijing';
import { factOf, type StoredCase } from '../insight/facts';
import type { ExportFilter, ExportKind } from './filter';
import { exportText, type ExportKey } from './labels';

/** Columns of each export, in order; the header row is their names in the chosen language. */
export const COLUMNS: Record<ExportKind, ExportKey[]> = {
  cases: [
    'col.caseId', 'col.platform', 'col.reviewId', 'col.orderId', 'col.reviewTime', 'col.storedAt', 'col.sentiment', 'col.review',
    'col.followUp', 'col.itemId', 'col.itemTitle', 'col.mainCause', 'col.causes', 'col.triggers', 'col.status', 'col.assignee',
    'col.attempts', 'col.calls', 'col.messages', 'col.firstContact', 'col.agreedAt', 'col.promises', 'col.promisedYuan', 'col.paidYuan',
    'col.revisedAt', 'col.buyer', 'col.phone', 'col.doNotContact',
  ],
  attempts: ['col.caseId', 'col.reviewId', 'col.time', 'col.agent', 'col.channel', 'col.outcome', 'col.note'],
  promises: [
    'col.caseId', 'col.reviewId', 'col.promisedAt', 'col.agent', 'col.remedy', 'col.amountYuan', 'col.dueAt', 'col.promiseState',
    'col.keptAt', 'col.reference', 'col.cancelledAt', 'col.cancelReason', 'col.note',
  ],
};

/** "12.30": yuan as a plain number, so that a spreadsheet can add the column up. */
export function yuanCell(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

const time = (at: number | null | undefined) => (at === null || at === undefined ? '' : formatBeijing(at));

export function matchesExportFilter(c: CaseRecord, f: ExportFilter): boolean {
  if (f.status === 'open' ? !isOpenStatus(c.status) : f.status !== 'all' && c.status !== f.status) return false;
  if (f.sentiment !== 'all' && c.sentiment !== f.sentiment) return false;
  if (f.cause !== 'all' && (c.causes[0]?.code ?? 'none') !== f.cause) return false;
  if (f.assignee !== 'all' && (c.assignee ?? '') !== f.assignee) return false;
  return true;
}

export interface CaseRowInput {
  case: StoredCase;
  review: StoredReview | undefined;
  events: CaseEvent[];
  promises: PromiseRecord[];
  note: BuyerNote | undefined;
}

/** Phone numbers are personal data (PIPL): masked unless the lead asked for them in full. */
const phoneCell = (note: BuyerNote | undefined, fullPhones: boolean) => (!note?.phone ? '' : fullPhones ? note.phone : maskPhone(note.phone));

export function caseRow(x: CaseRowInput, lang: Language, fullPhones: boolean): string[] {
  const c = x.case;
  const fact = factOf(c, x.events);
  const attempts = x.events.filter((e) => e.kind === 'attempt');
  const kept = x.promises.filter((p) => (p.cancelledAt ?? null) === null);
  const causeName = (code: keyof typeof CAUSES) => CAUSES[code][lang === 'en' ? 'en' : 'zh'];
  return [
    c.id, exportText(lang, `platform.${c.platform}`), c.platformReviewId, x.review?.orderId ?? '', time(c.reviewTime), time(c.createdAt),
    t(lang, `sentiment.${c.sentiment}`), x.review?.content ?? '', x.review?.followUp?.content ?? '', c.itemId ?? x.review?.itemId ?? '',
    x.review?.itemTitle ?? '', c.causes[0] ? causeName(c.causes[0].code) : '', c.causes.map((k) => causeName(k.code)).join(lang === 'en' ? '; ' : '、'),
    [...new Set(c.causes.flatMap((k) => k.triggers))].join(lang === 'en' ? '; ' : '、'), t(lang, `status.${c.status}`), c.assignee ?? '',
    String(attempts.length), String(fact.phoneCalls), String(attempts.filter((e) => e.outcome === 'message_sent').length),
    time(fact.firstContactAt), time(c.agreedAt), String(kept.length),
    kept.some((p) => p.amountFen !== null) ? yuanCell(kept.reduce((s, p) => s + (p.amountFen ?? 0), 0)) : '',
    kept.some((p) => p.fulfilledAt !== null && p.amountFen !== null) ? yuanCell(kept.filter((p) => p.fulfilledAt !== null).reduce((s, p) => s + (p.amountFen ?? 0), 0)) : '',
    c.status === 'revised' ? time(fact.revisedAt) : '', x.review?.buyerNick ?? '', phoneCell(x.note, fullPhones),
    x.note?.doNotContact ? exportText(lang, 'yes') : '',
  ];
}

export function attemptRow(e: CaseEvent, c: Pick<CaseRecord, 'id' | 'platformReviewId'>, lang: Language): string[] {
  const info = e.outcome ? outcomeInfo(e.outcome) : null;
  const channel = e.channel ?? info?.channel;
  return [
    c.id, c.platformReviewId, time(e.at), e.by, channel ? exportText(lang, `channel.${channel}`) : '', info ? info[lang === 'en' ? 'en' : 'zh'] : '', e.detail ?? '',
  ];
}

export function promiseState(p: PromiseRecord, now: number): 'cancelled' | 'kept' | 'overdue' | 'open' {
  if ((p.cancelledAt ?? null) !== null) return 'cancelled';
  if (p.fulfilledAt !== null) return 'kept';
  return p.dueAt <= now ? 'overdue' : 'open';
}

export function promiseRow(p: PromiseRecord, c: Pick<CaseRecord, 'id' | 'platformReviewId'>, lang: Language, now: number): string[] {
  return [
    c.id, c.platformReviewId, time(p.createdAt), p.createdBy, REMEDY_LABELS[p.kind][lang === 'en' ? 'en' : 'zh'], yuanCell(p.amountFen),
    time(p.dueAt), exportText(lang, `promise.${promiseState(p, now)}`), time(p.fulfilledAt), p.fulfilledRef ?? '', time(p.cancelledAt),
    p.cancelReason ?? '', p.note,
  ];
}

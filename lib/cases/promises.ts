import * as z from 'zod/mini';

/** A remedy promised to the buyer for their problem (never for a review change), with its due time. */
export const RemedyKind = z.enum(['reship', 'exchange', 'postage_refund', 'partial_refund', 'coupon', 'gift', 'cash']);
export type RemedyKind = z.infer<typeof RemedyKind>;

export const REMEDY_LABELS: Record<RemedyKind, { zh: string; en: string; money: boolean }> = {
  reship: { zh: '补发', en: 'Reship', money: false },
  exchange: { zh: '换货', en: 'Exchange', money: false },
  postage_refund: { zh: '退运费', en: 'Postage refund', money: true },
  partial_refund: { zh: '部分退款', en: 'Partial refund', money: true },
  coupon: { zh: '优惠券', en: 'Coupon', money: true },
  gift: { zh: '赠品', en: 'Gift', money: false },
  cash: { zh: '现金补偿', en: 'Cash compensation', money: true },
};

export const PROMISE_NOTE_MAX = 500;
export const PROMISE_REFERENCE_MAX = 200;
export const CANCEL_REASON_MAX = 200;
/** parseYuan reads at most ¥9,999,999.99. */
export const AMOUNT_FEN_MAX = 999_999_999;

/** What an agent promised: what, how much, by when, and a note. These can be corrected; the history keeps each version. */
export const PromiseTerms = z.object({
  kind: RemedyKind,
  /** Amount in fen (分), an integer, so ¥12.30 is stored exactly as 1230. */
  amountFen: z.nullable(z.number().check(z.int(), z.nonnegative(), z.maximum(AMOUNT_FEN_MAX))),
  dueAt: z.number(),
  note: z.string().check(z.maxLength(PROMISE_NOTE_MAX)),
});
export type PromiseTerms = z.infer<typeof PromiseTerms>;

export const PromiseRecord = z.object({
  ...PromiseTerms.shape,
  /** The local key (this browser only). */
  id: z.optional(z.number()),
  /** The promise's global id (database v4): the one the team server and every other browser know it by. */
  uid: z.optional(z.string().check(z.maxLength(64))),
  caseId: z.string(),
  createdAt: z.number(),
  createdBy: z.string(),
  fulfilledAt: z.nullable(z.number()),
  fulfilledRef: z.nullable(z.string().check(z.maxLength(PROMISE_REFERENCE_MAX))),
  /**
   * Set when the agent withdrew the promise (a typo, a remedy the buyer declined), with the reason. Optional because
   * promises stored before cancelling existed have no such field; no index needs it, so no schema version either.
   */
  cancelledAt: z.optional(z.nullable(z.number())),
  cancelReason: z.optional(z.nullable(z.string().check(z.maxLength(CANCEL_REASON_MAX)))),
});
export type PromiseRecord = z.infer<typeof PromiseRecord>;

/** Full-width digits and signs typed with a Chinese IME (８．５０, ￥) read as their ASCII forms. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/。/g, '.');
}

/** "12.3" / "12.30" / "¥12" / "８．５" → 1230 / 1230 / 1200 / 850 fen, by string arithmetic (no floating point); null if not money. */
export function parseYuan(text: string): number | null {
  const m = /^\s*[¥]?\s*(\d{1,7})(?:\.(\d{1,2}))?\s*(元)?\s*$/.exec(toHalfWidth(text).replace(/￥/g, '¥'));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function formatYuan(fen: number): string {
  return `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** Still to be kept: neither fulfilled nor cancelled. Everything that reads open promises goes through this. */
export const isOpenPromise = (p: Pick<PromiseRecord, 'fulfilledAt' | 'cancelledAt'>): boolean =>
  p.fulfilledAt === null && (p.cancelledAt ?? null) === null;

export const isOverdue = (p: PromiseRecord, now: number) => isOpenPromise(p) && p.dueAt <= now;

/** A money remedy with no amount or ¥0 is most likely a slip: the panel asks before saving it. */
export const needsAmountCheck = (kind: RemedyKind, amountFen: number | null): boolean =>
  REMEDY_LABELS[kind].money && (amountFen === null || amountFen === 0);

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

export const PromiseRecord = z.object({
  id: z.optional(z.number()),
  caseId: z.string(),
  kind: RemedyKind,
  /** Amount in fen (分), an integer, so ¥12.30 is stored exactly as 1230. */
  amountFen: z.nullable(z.number().check(z.int(), z.nonnegative())),
  dueAt: z.number(),
  createdAt: z.number(),
  createdBy: z.string(),
  fulfilledAt: z.nullable(z.number()),
  fulfilledRef: z.nullable(z.string().check(z.maxLength(200))),
  note: z.string().check(z.maxLength(500)),
});
export type PromiseRecord = z.infer<typeof PromiseRecord>;

/** "12.3" / "12.30" / "¥12" → 1230 / 1230 / 1200 fen, by string arithmetic (no floating point); null if not money. */
export function parseYuan(text: string): number | null {
  const m = /^\s*[¥￥]?\s*(\d{1,7})(?:\.(\d{1,2}))?\s*(元)?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function formatYuan(fen: number): string {
  return `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

export const isOverdue = (p: PromiseRecord, now: number) => p.fulfilledAt === null && p.dueAt <= now;

import * as z from 'zod/mini';
import type { ReviewObservation } from '../reviews/schema';
import { cleanContent, idString, maskNick, numberOrNull } from '../reviews/normalize';
import { sentimentFromText } from '../reviews/text-sentiment';
import { readEnvelope, type ParseResult } from './api-body';

/** The JSON endpoint the Tmall ratings page calls (CONSOLE.md §3, medium confidence). */
export const TMALL_LIST_PATH = '/evaluation/GetEvaluations.do';

const idLike = z.optional(z.nullable(z.union([z.string(), z.number()])));
const text = z.optional(z.nullable(z.string()));

const Evaluation = z.looseObject({
  evaluationId: idLike,
  evaluationTime: idLike,
  evaluationContent: text,
  skuInfo: text,
  evaluationPics: z.optional(z.nullable(z.array(z.unknown()))),
});

const Order = z.looseObject({
  productId: idLike,
  buyerOrder: idLike,
  buyerNick: text,
  evaluationList: z.optional(z.nullable(z.array(z.unknown()))),
});

const Envelope = z.looseObject({
  data: z.looseObject({ pageCount: idLike, orderList: z.optional(z.nullable(z.array(z.unknown()))) }),
});

/**
 * The public sample has no rating field, so the sentiment is read from the text and marked as such;
 * a label shown in the row (read by the row reader) replaces it.
 */
export function parseTmallEvaluations(body: string): ParseResult {
  const env = readEnvelope(body, Envelope);
  if (!env.ok) return env;
  const reviews: ReviewObservation[] = [];
  let skipped = 0;
  for (const rawOrder of env.data.data.orderList ?? []) {
    const order = Order.safeParse(rawOrder);
    if (!order.success) { skipped++; continue; }
    for (const rawEval of order.data.evaluationList ?? []) {
      const ev = Evaluation.safeParse(rawEval);
      const id = ev.success ? idString(ev.data.evaluationId) : undefined;
      if (!ev.success || !id) { skipped++; continue; }
      const { content, placeholder } = cleanContent(ev.data.evaluationContent);
      reviews.push({
        platform: 'tmall',
        platformReviewId: id,
        sentiment: placeholder ? 'unknown' : sentimentFromText(content),
        sentimentSource: 'text',
        content,
        placeholder,
        reviewTime: numberOrNull(ev.data.evaluationTime),
        itemId: idString(order.data.productId),
        itemTitle: ev.data.skuInfo?.trim().slice(0, 500) || undefined,
        orderId: idString(order.data.buyerOrder),
        buyerNick: maskNick(order.data.buyerNick),
        pictureCount: ev.data.evaluationPics?.length ?? 0,
      });
    }
  }
  return { ok: true, reviews, skipped };
}

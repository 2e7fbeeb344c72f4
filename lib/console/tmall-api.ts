import * as z from 'zod/mini';
import type { ReviewObservation } from '../reviews/schema';
import { cleanContent, idString, maskNick, numberOrNull } from '../reviews/normalize';
import { sentimentFromText } from '../reviews/text-sentiment';
import { checkObservation, isSkip } from '../reviews/check';
import { countSkip, readEnvelope, type ParseResult, type SkipCounts } from './api-body';

/** The JSON endpoint the Tmall ratings page calls (CONSOLE.md §3, medium confidence). */
export const TMALL_LIST_PATH = '/evaluation/GetEvaluations.do';

/** Leaf values are normalised one by one: an odd type costs the field, not the evaluation. */
const leaf = z.optional(z.unknown());
const list = z.optional(z.nullable(z.array(z.unknown())));

const Evaluation = z.looseObject({ evaluationId: leaf, evaluationTime: leaf, evaluationContent: leaf, evaluationPics: list });

const Order = z.looseObject({ productId: leaf, buyerOrder: leaf, buyerNick: leaf, evaluationList: list });

const Envelope = z.looseObject({
  data: z.looseObject({ pageCount: leaf, orderList: list }),
});

/**
 * The public sample has no rating field, so the sentiment is read from the text and marked as such;
 * a label shown in the row (read by the row reader) replaces it. Nor has it an item title: `skuInfo` is the
 * variant bought (配置：i5/16G/512G), which a reply must never call the item, so the title stays empty.
 */
export function parseTmallEvaluations(body: string): ParseResult {
  const env = readEnvelope(body, Envelope);
  if (!env.ok) return env;
  const reviews: ReviewObservation[] = [];
  const skipped: SkipCounts = {};
  for (const rawOrder of env.data.data.orderList ?? []) {
    const order = Order.safeParse(rawOrder);
    if (!order.success) {
      countSkip(skipped, 'bad-shape');
      continue;
    }
    for (const rawEval of order.data.evaluationList ?? []) {
      const ev = Evaluation.safeParse(rawEval);
      const review = ev.success ? toObservation(order.data, ev.data) : 'bad-shape';
      if (isSkip(review)) countSkip(skipped, review);
      else reviews.push(review);
    }
  }
  return { ok: true, reviews, skipped };
}

function toObservation(order: z.infer<typeof Order>, ev: z.infer<typeof Evaluation>): ReturnType<typeof checkObservation> {
  const id = idString(ev.evaluationId);
  if (!id) return ev.evaluationId === undefined || ev.evaluationId === null || ev.evaluationId === '' ? 'no-id' : 'id-too-long';
  const { content, placeholder } = cleanContent(ev.evaluationContent);
  return checkObservation({
    platform: 'tmall',
    platformReviewId: id,
    sentiment: placeholder ? 'unknown' : sentimentFromText(content),
    sentimentSource: 'text',
    content,
    placeholder,
    reviewTime: numberOrNull(ev.evaluationTime),
    itemId: idString(order.productId),
    orderId: idString(order.buyerOrder),
    buyerNick: maskNick(order.buyerNick),
    pictureCount: ev.evaluationPics?.length ?? 0,
  });
}

import * as z from 'zod/mini';
import type { ReviewObservation } from '../reviews/schema';
import { cleanContent, idString, maskNick, numberOrNull } from '../reviews/normalize';
import { sentimentFromText } from '../reviews/text-sentiment';
import { checkObservation } from '../reviews/check';
import type { SkipReason } from '../messaging/protocol';
import { pick, readAll, readEnvelope, type OpenedList, type ParseResult } from './api-body';

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
export const parseTmallEvaluations = (body: string): ParseResult => readAll(openTmallEvaluations(body));

/** Checks the response's envelope; each order (with its evaluations) is read with `read`. */
export function openTmallEvaluations(body: string): OpenedList {
  const env = readEnvelope(body, Envelope);
  if (!env.ok) return env;
  return { ok: true, items: env.data.data.orderList ?? [], read: readOrder, platform: 'tmall', reviewIdsOf: orderReviewIds };
}

/** The review ids of an order's evaluations. */
function orderReviewIds(raw: unknown): string[] {
  const list = pick(raw, 'evaluationList');
  if (!Array.isArray(list)) return [];
  return list.flatMap((ev) => {
    const id = idString(pick(ev, 'evaluationId'));
    return id ? [id] : [];
  });
}

function readOrder(rawOrder: unknown): Array<ReviewObservation | SkipReason> {
  const order = Order.safeParse(rawOrder);
  if (!order.success) return ['bad-shape'];
  return (order.data.evaluationList ?? []).map((rawEval) => {
    const ev = Evaluation.safeParse(rawEval);
    return ev.success ? toObservation(order.data, ev.data) : 'bad-shape';
  });
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

import * as z from 'zod/mini';
import type { ReviewObservation } from '../reviews/schema';
import { sentimentFromEmotionCode } from '../reviews/sentiment';
import { readEnvelope, type ParseResult } from './api-body';
import { cleanContent, idString, maskNick, numberOrNull, safeLink } from '../reviews/normalize';

/** The mtop API whose responses the Qianniu review page receives (CONSOLE.md §1, high confidence). */
export const QIANNIU_LIST_API = 'mtop.rm.sellercenter.list.data.pc';

const idLike = z.optional(z.nullable(z.union([z.string(), z.number()])));
const text = z.optional(z.nullable(z.string()));
const list = z.optional(z.nullable(z.array(z.unknown())));

const Rate = z.looseObject({ feedId: idLike, content: text, date: idLike, days: idLike, mediaList: list });

/** One dataSource item; every field optional because samples show absent and null fields. */
const Item = z.looseObject({
  rateContent: z.optional(z.nullable(z.looseObject({
    mainRate: z.optional(z.nullable(Rate)),
    appendRate: z.optional(z.nullable(Rate)),
  }))),
  emotionType: z.optional(z.nullable(z.looseObject({ status: idLike, appendRateStatus: idLike }))),
  userInfo: z.optional(z.nullable(z.looseObject({ userName: text, securityuid: text }))),
  orderInfo: z.optional(z.nullable(z.looseObject({ userName: text, mainOrderId: idLike, orderId: idLike }))),
  itemInfo: z.optional(z.nullable(z.looseObject({ itemId: idLike, title: text, link: text, orderId: idLike }))),
});

const Envelope = z.looseObject({
  api: text,
  ret: z.array(z.string()),
  data: z.optional(z.nullable(z.looseObject({
    data: z.optional(z.nullable(z.looseObject({ dataSource: z.optional(z.nullable(z.array(z.unknown()))) }))),
  }))),
});



/** Reads one list response body. A `ret` that is not SUCCESS (expired session, rate limit) is an error. */
export function parseQianniuList(body: string): ParseResult {
  const env = readEnvelope(body, Envelope);
  if (!env.ok) return env;
  const ret = env.data.ret[0] ?? '';
  if (!ret.startsWith('SUCCESS')) return { ok: false, reason: 'api-error', detail: ret.split('::')[0]?.slice(0, 60) };
  const items = env.data.data?.data?.dataSource ?? [];
  const reviews: ReviewObservation[] = [];
  let skipped = 0;
  for (const raw of items) {
    const item = Item.safeParse(raw);
    const review = item.success ? toObservation(item.data) : null;
    if (review) reviews.push(review);
    else skipped++;
  }
  return { ok: true, reviews, skipped };
}

function toObservation(item: z.infer<typeof Item>): ReviewObservation | null {
  const main = item.rateContent?.mainRate;
  const platformReviewId = idString(main?.feedId);
  if (!main || !platformReviewId) return null;
  const { content, placeholder } = cleanContent(main.content);
  const append = item.rateContent?.appendRate;
  const appendText = cleanContent(append?.content);
  const hasFollowUp = !!append && (appendText.content !== '' || idString(append.feedId) !== undefined);
  const orderId = idString(item.orderInfo?.orderId) ?? idString(item.itemInfo?.orderId) ?? idString(item.orderInfo?.mainOrderId);
  return {
    platform: 'qianniu',
    platformReviewId,
    sentiment: sentimentFromEmotionCode(item.emotionType?.status),
    sentimentSource: 'platform',
    content,
    placeholder,
    reviewTime: numberOrNull(main.date),
    followUp: hasFollowUp
      ? {
          id: idString(append.feedId),
          content: appendText.content,
          sentiment: sentimentFromEmotionCode(item.emotionType?.appendRateStatus),
          days: numberOrNull(append.days) ?? undefined,
        }
      : undefined,
    itemId: idString(item.itemInfo?.itemId),
    itemTitle: item.itemInfo?.title?.trim().slice(0, 500) || undefined,
    itemLink: safeLink(item.itemInfo?.link),
    orderId,
    buyerNick: maskNick(item.userInfo?.userName ?? item.orderInfo?.userName),
    buyerKey: item.userInfo?.securityuid?.trim().slice(0, 200) || undefined,
    pictureCount: main.mediaList?.length ?? 0,
  };
}

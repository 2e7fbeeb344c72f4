import * as z from 'zod/mini';
import type { ReviewObservation } from '../reviews/schema';
import { sentimentFromEmotionCode } from '../reviews/sentiment';
import { checkObservation } from '../reviews/check';
import type { SkipReason } from '../messaging/protocol';
import { pick, readAll, readEnvelope, type OpenedList, type ParseResult } from './api-body';
import { cleanContent, idString, maskNick, numberOrNull, safeLink, shortString } from '../reviews/normalize';

/** The mtop API whose responses the Qianniu review page receives (CONSOLE.md §1, high confidence). */
export const QIANNIU_LIST_API = 'mtop.rm.sellercenter.list.data.pc';

/**
 * Leaf values are taken as unknown and normalised one by one (idString, maskNick, …): a field of an odd type
 * (a nick that is an object, a title that is a number) costs that field, never the review.
 */
const leaf = z.optional(z.unknown());
const part = <T extends z.ZodMiniType>(shape: T) => z.optional(z.nullable(shape));
const list = part(z.array(z.unknown()));

const Rate = z.looseObject({ feedId: leaf, content: leaf, date: leaf, days: leaf, mediaList: list });

/** One dataSource item; every part optional because samples show absent and null fields. */
const Item = z.looseObject({
  rateContent: part(z.looseObject({ mainRate: part(Rate), appendRate: part(Rate) })),
  emotionType: part(z.looseObject({ status: leaf, appendRateStatus: leaf })),
  userInfo: part(z.looseObject({ userName: leaf, securityuid: leaf })),
  orderInfo: part(z.looseObject({ userName: leaf, mainOrderId: leaf, orderId: leaf })),
  itemInfo: part(z.looseObject({ itemId: leaf, title: leaf, link: leaf, orderId: leaf })),
});

const Envelope = z.looseObject({
  api: leaf,
  ret: z.array(z.string()),
  data: part(z.looseObject({ data: part(z.looseObject({ dataSource: part(z.array(z.unknown())) })) })),
});

/** Reads one list response body. A `ret` that is not SUCCESS (expired session, rate limit) is an error. */
export const parseQianniuList = (body: string): ParseResult => readAll(openQianniuList(body));

/** Checks a list response's envelope; its items are read one by one with `read`. */
export function openQianniuList(body: string): OpenedList {
  const env = readEnvelope(body, Envelope);
  if (!env.ok) return env;
  const ret = env.data.ret[0] ?? '';
  if (!ret.startsWith('SUCCESS')) return { ok: false, reason: 'api-error', detail: ret.split('::')[0]?.slice(0, 60) };
  return { ok: true, items: env.data.data?.data?.dataSource ?? [], read: readItem, platform: 'qianniu', reviewIdsOf: itemReviewIds };
}

/** The review id the item's reading will have (the main review's feed id; a follow-up is part of that review). */
function itemReviewIds(raw: unknown): string[] {
  const id = idString(pick(raw, 'rateContent', 'mainRate', 'feedId'));
  return id ? [id] : [];
}

function readItem(raw: unknown): Array<ReviewObservation | SkipReason> {
  const item = Item.safeParse(raw);
  return [item.success ? toObservation(item.data) : 'bad-shape'];
}

function toObservation(item: z.infer<typeof Item>): ReviewObservation | ReturnType<typeof checkObservation> {
  const main = item.rateContent?.mainRate;
  if (!main) return 'bad-shape';
  const platformReviewId = idString(main.feedId);
  // A feed id the page sent but too long to be one: skipped, never stored under a made-up key.
  if (!platformReviewId) return main.feedId === undefined || main.feedId === null || main.feedId === '' ? 'no-id' : 'id-too-long';
  const { content, placeholder } = cleanContent(main.content);
  const append = item.rateContent?.appendRate;
  const appendText = cleanContent(append?.content);
  const hasFollowUp = !!append && (appendText.content !== '' || idString(append.feedId) !== undefined);
  const orderId = idString(item.orderInfo?.orderId) ?? idString(item.itemInfo?.orderId) ?? idString(item.orderInfo?.mainOrderId);
  return checkObservation({
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
    itemTitle: shortString(item.itemInfo?.title, 500),
    itemLink: safeLink(item.itemInfo?.link),
    orderId,
    buyerNick: maskNick(typeof item.userInfo?.userName === 'string' ? item.userInfo.userName : item.orderInfo?.userName),
    buyerKey: shortString(item.userInfo?.securityuid, 200),
    pictureCount: main.mediaList?.length ?? 0,
  });
}

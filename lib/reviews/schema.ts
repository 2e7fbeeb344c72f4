import * as z from 'zod/mini';
import { Sentiment } from './sentiment';

export const Platform = z.enum(['qianniu', 'taobao-legacy', 'tmall']);
export type Platform = z.infer<typeof Platform>;

/** Where a sentiment came from: the platform's own field, a label shown on the page, or our text reading. */
export const SentimentSource = z.enum(['platform', 'page', 'text']);
export type SentimentSource = z.infer<typeof SentimentSource>;

/** Ids longer than this are not ids: a row showing one is skipped rather than stored under a bogus key. */
export const REVIEW_ID_MAX = 120;
/**
 * Review texts are stored whole up to this many characters (real reviews are far shorter; the cap only keeps
 * a freak text from bloating the store). Views shorten long texts for display, never for storage.
 */
export const REVIEW_TEXT_MAX = 20_000;

const shortText = z.string().check(z.maxLength(200));
const reviewText = z.string().check(z.maxLength(REVIEW_TEXT_MAX));

export const FollowUp = z.object({
  id: z.optional(shortText),
  content: reviewText,
  sentiment: Sentiment,
  /** Days after delivery confirmation, as the platform reports it. */
  days: z.optional(z.number()),
});
export type FollowUp = z.infer<typeof FollowUp>;

/** One review as a reader saw it on a console page, already normalised. */
export const ReviewObservation = z.object({
  platform: Platform,
  platformReviewId: z.string().check(z.minLength(1), z.maxLength(REVIEW_ID_MAX)),
  sentiment: Sentiment,
  sentimentSource: SentimentSource,
  /** Review text; '' when the buyer wrote nothing or the platform filled in a placeholder. */
  content: reviewText,
  placeholder: z.boolean(),
  reviewTime: z.nullable(z.number()),
  followUp: z.optional(FollowUp),
  itemId: z.optional(shortText),
  itemTitle: z.optional(z.string().check(z.maxLength(500))),
  itemLink: z.optional(z.string().check(z.maxLength(1000))),
  orderId: z.optional(shortText),
  buyerNick: shortText,
  buyerKey: z.optional(shortText),
  pictureCount: z.number().check(z.int(), z.nonnegative()),
  /** Days left to reply as the page shows it (还有N天可回复); -1 when the page says the period is over. */
  pageReplyDaysLeft: z.optional(z.number()),
});
export type ReviewObservation = z.infer<typeof ReviewObservation>;

export const StoredReview = z.extend(ReviewObservation, {
  /** Store key: `${platform}:${platformReviewId}`. */
  id: z.string(),
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
  /** Origin and path of the page it was last seen on (no query: queries can carry buyer names). */
  sourcePage: z.string(),
});
export type StoredReview = z.infer<typeof StoredReview>;

export const reviewKey = (platform: Platform, platformReviewId: string) => `${platform}:${platformReviewId}`;

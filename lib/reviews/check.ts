import { ReviewObservation, REVIEW_ID_MAX } from './schema';
import type { SkipReason } from '../messaging/protocol';

/**
 * The last check a reader makes on what it read from the page, one review at a time: a review that would not
 * pass the protocol is skipped here with a reason the page report counts, so it never reaches (or spoils) a
 * batch. Over-long texts do not come here: readers cut them to the stored cap instead of dropping the review.
 */
export function checkObservation(review: ReviewObservation): ReviewObservation | SkipReason {
  if (!review.platformReviewId) return 'no-id';
  if (review.platformReviewId.length > REVIEW_ID_MAX) return 'id-too-long';
  return ReviewObservation.safeParse(review).success ? review : 'bad-shape';
}

export const isSkip = (r: ReviewObservation | SkipReason | null): r is SkipReason => typeof r === 'string';

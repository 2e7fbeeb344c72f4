import type { ReviewObservation, StoredReview } from '../reviews/schema';
import { reviewKey } from '../reviews/schema';
import { caseSentimentOf, type Sentiment } from '../reviews/sentiment';
import type { BadgeInfo } from './badge-info';
import type { CaseRecord } from './schema';
import type { PromiseRecord } from './promises';
import { explainDeadline } from './deadlines';

/*
 * What a badge shows of a case. Pure and light: the content script draws the badge of a review the store does not
 * know yet with the same code the store uses once it has stored it, so that the two never disagree.
 */

const SEVERITY: Record<Sentiment, number> = { negative: 2, neutral: 1, positive: 0, unknown: 0 };

/** The follow-up carries the case when it is worse than the review (正面评价 with a 差评 follow-up). */
export const badgePart = (review: Pick<StoredReview, 'sentiment' | 'followUp'>): BadgeInfo['part'] =>
  review.followUp && SEVERITY[review.followUp.sentiment] > SEVERITY[review.sentiment] ? 'followUp' : 'review';

export function badgeOf(c: CaseRecord, review: StoredReview, openPromises: Array<Pick<PromiseRecord, 'dueAt'>> = []): BadgeInfo {
  const due = openPromises.map((p) => p.dueAt);
  return {
    platformReviewId: c.platformReviewId, caseId: c.id, sentiment: c.sentiment, status: c.status,
    unopened: c.openedAt === null, inferred: review.sentimentSource === 'text', part: badgePart(review),
    reviewTime: review.reviewTime, deadlineAt: explainDeadline(review)?.at ?? null,
    promiseDueAt: due.length ? Math.min(...due) : null,
  };
}

/**
 * The badge a review the store has never seen will have once it is stored (read at `seenAt`): a new, unopened case
 * when it is neutral or negative (or has such a follow-up), else none. The same fields as mergeObservation gives a
 * first reading, so the store's answer later changes nothing on screen.
 */
export function badgeOfNewReview(obs: ReviewObservation, seenAt: number): BadgeInfo | null {
  const sentiment = caseSentimentOf(obs.sentiment, obs.followUp?.sentiment);
  if (!sentiment) return null;
  const reviewTime = obs.reviewTime ?? null;
  return {
    platformReviewId: obs.platformReviewId, caseId: reviewKey(obs.platform, obs.platformReviewId), sentiment, status: 'new',
    unopened: true, inferred: obs.sentimentSource === 'text', part: badgePart(obs), reviewTime,
    deadlineAt: explainDeadline({ reviewTime, pageReplyDaysLeft: obs.pageReplyDaysLeft, lastSeenAt: seenAt })?.at ?? null,
    promiseDueAt: null,
  };
}

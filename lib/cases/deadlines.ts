import { RULES } from '../settings/rules';
import { DAY_MS } from '../time/beijing';
import type { StoredReview } from '../reviews/schema';

export interface Deadline {
  kind: 'explain';
  /** Epoch ms when the window closes. */
  at: number;
}

/**
 * The nearest deadline the agent must beat: the public explanation window (30 days from the review).
 * A figure the page shows (还有N天可回复 / 已超过回复期限) beats our own arithmetic.
 */
export function explainDeadline(review: Pick<StoredReview, 'reviewTime' | 'pageReplyDaysLeft' | 'lastSeenAt'>): Deadline | null {
  if (review.pageReplyDaysLeft !== undefined) {
    if (review.pageReplyDaysLeft < 0) return { kind: 'explain', at: review.lastSeenAt - 1 };
    return { kind: 'explain', at: review.lastSeenAt + review.pageReplyDaysLeft * DAY_MS };
  }
  if (review.reviewTime === null) return null;
  return { kind: 'explain', at: review.reviewTime + RULES.explainWindowDays * DAY_MS };
}


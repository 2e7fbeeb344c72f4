import { RULES } from '../settings/rules';
import { DAY_MS } from '../time/beijing';
import type { StoredReview } from '../reviews/schema';

export interface Deadline {
  kind: 'explain';
  /** Epoch ms when the window closes. */
  at: number;
}

/**
 * The public explanation window (30 days from the review), as the console counts it: 还有N天可回复 with
 * N = 30 − whole days since the review, so the count drops at the review's time of day. The deadline is kept
 * on that beat (review time + N days), never on the moment we happened to read the page: a deadline counted
 * from our reading time made the badge, drawn a moment before the background stored it, say one day more.
 *
 * A figure the page shows (还有N天可回复 / 已超过回复期限) beats our arithmetic: when it disagrees (another rule,
 * another clock) the difference in whole days is kept; the review time still sets the beat. Without a review
 * time the beat is unknown, and the figure is centred half a day after the reading, so that the count is the
 * page's within half a day of clock skew either way.
 */
export function explainDeadline(review: Pick<StoredReview, 'reviewTime' | 'pageReplyDaysLeft' | 'lastSeenAt'>): Deadline | null {
  const { reviewTime, pageReplyDaysLeft: shown, lastSeenAt: seenAt } = review;
  if (shown !== undefined && shown < 0) return { kind: 'explain', at: Math.min(seenAt - 1, reviewTime === null ? seenAt - 1 : reviewTime + RULES.explainWindowDays * DAY_MS) };
  if (reviewTime === null) return shown === undefined ? null : { kind: 'explain', at: seenAt + (shown - 0.5) * DAY_MS };
  const ownCount = RULES.explainWindowDays - Math.floor((seenAt - reviewTime) / DAY_MS);
  const correction = shown === undefined ? 0 : shown - ownCount;
  return { kind: 'explain', at: reviewTime + (RULES.explainWindowDays + correction) * DAY_MS };
}

/**
 * Days left to explain: the one count the badge, the queue and the panel show, equal to the console's
 * 还有N天可回复 (a started day is a day; 0 once the window is over). ceil((deadline − now) / day) is exactly
 * 30 − floor((now − review) / day) for a deadline on the review's beat.
 */
export function explainDaysLeft(deadlineAt: number | null, now: number): number | null {
  if (deadlineAt === null) return null;
  return deadlineAt <= now ? 0 : Math.ceil((deadlineAt - now) / DAY_MS);
}

import type { ReviewObservation, StoredReview } from '../reviews/schema';
import { reviewKey } from '../reviews/schema';
import { caseSentimentOf, type Sentiment } from '../reviews/sentiment';
import type { CaseEvent, CaseRecord } from './schema';
import { isOpenStatus } from './schema';
import { causesOfReview } from './causes';

export interface MergeResult {
  review: StoredReview;
  case: CaseRecord | null;
  events: CaseEvent[];
}

const SOURCE_RANK = { text: 0, page: 1, platform: 2 } as const;

/** A weaker reading (our text guess, or 'still being classified') never overwrites a stronger one. */
function mergedSentiment(prev: StoredReview | undefined, obs: ReviewObservation): Pick<StoredReview, 'sentiment' | 'sentimentSource'> {
  if (!prev) return { sentiment: obs.sentiment, sentimentSource: obs.sentimentSource };
  if (obs.sentiment === 'unknown' && prev.sentiment !== 'unknown') return prev;
  if (SOURCE_RANK[obs.sentimentSource] < SOURCE_RANK[prev.sentimentSource] && prev.sentiment !== 'unknown') return prev;
  return { sentiment: obs.sentiment, sentimentSource: obs.sentimentSource };
}

function mergedFollowUp(prev: StoredReview | undefined, obs: ReviewObservation): StoredReview['followUp'] {
  if (!obs.followUp) return prev?.followUp;
  if (!prev?.followUp) return obs.followUp;
  const sentiment: Sentiment = obs.followUp.sentiment === 'unknown' ? prev.followUp.sentiment : obs.followUp.sentiment;
  return { ...prev.followUp, ...obs.followUp, sentiment };
}

const isNewFollowUp = (prev: StoredReview | undefined, next: StoredReview) =>
  !!next.followUp && (!prev?.followUp || prev.followUp.content !== next.followUp.content || prev.followUp.id !== next.followUp.id);

/**
 * Folds one observation into what is stored. Pure: the caller writes the result.
 * Fields the observation lacks keep their stored values, so a DOM-only reading never erases API data.
 */
export function mergeObservation(
  prev: StoredReview | undefined,
  prevCase: CaseRecord | undefined,
  obs: ReviewObservation,
  now: number,
  sourcePage: string,
): MergeResult {
  const id = reviewKey(obs.platform, obs.platformReviewId);
  const defined = Object.fromEntries(Object.entries(obs).filter(([, v]) => v !== undefined)) as ReviewObservation;
  const review: StoredReview = {
    ...prev,
    ...defined,
    ...mergedSentiment(prev, obs),
    followUp: mergedFollowUp(prev, obs),
    reviewTime: obs.reviewTime ?? prev?.reviewTime ?? null,
    // No Tmall source carries an item title, but earlier versions stored the SKU there (配置：i5/16G/512G), which
    // replies then called the item: a Tmall reading replaces the stored title instead of keeping it.
    itemTitle: obs.platform === 'tmall' ? obs.itemTitle : obs.itemTitle ?? prev?.itemTitle,
    id,
    firstSeenAt: prev?.firstSeenAt ?? now,
    lastSeenAt: now,
    sourcePage,
  };
  const sentiment = caseSentimentOf(review.sentiment, review.followUp?.sentiment);
  const events: CaseEvent[] = [];
  const event = (kind: CaseEvent['kind'], from?: CaseRecord['status'], to?: CaseRecord['status']) =>
    events.push({ caseId: id, at: now, kind, by: 'system', from, to });

  if (!prevCase) {
    if (!sentiment) return { review, case: null, events };
    event('created', undefined, 'new');
    return {
      review,
      case: {
        id, platform: review.platform, platformReviewId: review.platformReviewId, sentiment, status: 'new',
        createdAt: now, updatedAt: now, statusChangedAt: now, openedAt: null, reviewTime: review.reviewTime,
        itemId: review.itemId, buyerKey: review.buyerKey,
        causes: causesOfReview(review), causesBy: 'auto', assignee: null, agreedAt: null,
      },
      events,
    };
  }

  let next: CaseRecord = {
    ...prevCase, sentiment: sentiment ?? prevCase.sentiment, reviewTime: review.reviewTime,
    itemId: review.itemId ?? prevCase.itemId, buyerKey: review.buyerKey ?? prevCase.buyerKey,
  };
  // New words from the buyer (an edited review, a follow-up) are read again, unless an agent set the causes.
  const textChanged = prev && (prev.content !== review.content || prev.followUp?.content !== review.followUp?.content);
  if (textChanged && prevCase.causesBy === 'auto') next = { ...next, causes: causesOfReview(review) };
  const followUpIsCase = review.followUp?.sentiment === 'negative' || review.followUp?.sentiment === 'neutral';
  if (!sentiment && review.sentiment === 'positive' && prevCase.status !== 'revised') {
    event('revised', prevCase.status, 'revised');
    next = { ...next, status: 'revised', statusChangedAt: now };
  } else if (followUpIsCase && isNewFollowUp(prev, review)) {
    if (prevCase.status === 'new') event('follow-up');
    else {
      event('reopened', prevCase.status, 'new');
      next = { ...next, status: 'new', statusChangedAt: now, openedAt: null };
    }
  } else if (sentiment && !isOpenStatus(prevCase.status) && prevCase.status === 'revised') {
    // The review went back to negative/neutral after being revised: it needs handling again.
    event('reopened', prevCase.status, 'new');
    next = { ...next, status: 'new', statusChangedAt: now, openedAt: null };
  }
  const changed = events.length > 0 || next.causes !== prevCase.causes || next.sentiment !== prevCase.sentiment || next.reviewTime !== prevCase.reviewTime
    || next.itemId !== prevCase.itemId || next.buyerKey !== prevCase.buyerKey;
  return { review, case: changed ? { ...next, updatedAt: now } : prevCase, events };
}

import { classifyCauses } from '../causes/classify';
import type { StoredReview } from '../reviews/schema';
import type { CaseCause } from './schema';

/** Causes of a review from its text and follow-up, offline; the triggering words travel with each cause. */
export function causesOfReview(review: Pick<StoredReview, 'content' | 'followUp'>): CaseCause[] {
  const text = [review.content, review.followUp?.content].filter(Boolean).join('\n');
  if (!text.trim()) return [];
  return classifyCauses(text).causes.map((c) => ({ code: c.code, triggers: c.triggers.slice(0, 6) }));
}

import { classifyCauses } from '../causes/classify';
import type { StoredReview } from '../reviews/schema';
import type { CaseCause } from './schema';

/**
 * Causes of a review from its text and follow-up, offline; the triggering words travel with each cause.
 * A failure here must never stop a review from being stored: the case then simply has no causes yet.
 */
export function causesOfReview(review: Pick<StoredReview, 'content' | 'followUp'>): CaseCause[] {
  const text = [review.content, review.followUp?.content].filter(Boolean).join('\n');
  if (!text.trim()) return [];
  try {
    return classifyCauses(text).causes.map((c) => ({
      code: c.code,
      triggers: c.triggers.slice(0, 6),
      ...(c.score === 0 ? { guess: true } : {}),
    }));
  } catch {
    return [];
  }
}

import { classifyActive } from '../causes/active-model';
import type { CauseResult } from '../causes/classify';
import type { StoredReview } from '../reviews/schema';
import type { CaseCause } from './schema';

/** The text the causes of a review are read from: the review and its follow-up. */
export function causeText(review: Pick<StoredReview, 'content' | 'followUp'>): string {
  return [review.content, review.followUp?.content].filter(Boolean).join('\n');
}

/** A classifier finding as a case keeps it: at most six words per cause, and whether only the model backs it. */
export function asCaseCauses(result: Pick<CauseResult, 'causes'>['causes']): CaseCause[] {
  return result.map((c) => ({
    code: c.code,
    triggers: c.triggers.slice(0, 6),
    ...(c.score === 0 ? { guess: true } : {}),
  }));
}

/**
 * Causes of a review from its text and follow-up, offline, with the shop's own model once it has learnt one
 * (lib/causes/active-model.ts); the triggering words travel with each cause.
 * A failure here must never stop a review from being stored: the case then simply has no causes yet.
 */
export function causesOfReview(review: Pick<StoredReview, 'content' | 'followUp'>): CaseCause[] {
  const text = causeText(review);
  if (!text.trim()) return [];
  try {
    return asCaseCauses(classifyActive(text).causes);
  } catch {
    return [];
  }
}

import * as z from 'zod/mini';

/**
 * Requests about the shop's own cause model (extension pages only). Kept apart from protocol.ts so that the
 * learning feature owns its messages; protocol.ts joins them into the one Request union.
 */
export const LEARNING_REQUESTS = [
  z.object({ type: z.literal('causeModelState') }),
] as const;

export interface LearningResponses {
  /** Which model classifies new cases: the shipped one, or the shop's retrained one and what it learnt from. */
  causeModelState: { model: 'shipped' | 'shop'; corrections: number; trainedAt: number | null };
}

import * as z from 'zod/mini';

/**
 * Requests of the dashboard, export and backup (extension pages only). Kept apart from protocol.ts so that the
 * insight feature owns its messages; protocol.ts joins them into the one Request union.
 */
export const INSIGHT_REQUESTS = [
  z.object({ type: z.literal('storeSummary') }),
] as const;

export interface InsightResponses {
  /** How much the store holds: what the dashboard says when it has nothing to show yet. */
  storeSummary: { reviews: number; cases: number };
}

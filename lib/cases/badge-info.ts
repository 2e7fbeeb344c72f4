import * as z from 'zod/mini';
import { CaseStatus } from './schema';

/** What a content script needs to draw one badge (sent from the background, checked on arrival). */
export const BadgeInfo = z.object({
  platformReviewId: z.string(),
  caseId: z.string(),
  sentiment: z.enum(['negative', 'neutral']),
  status: CaseStatus,
  unopened: z.boolean(),
  /** The sentiment was read from the review text (Tmall gives no rating), not from the platform. */
  inferred: z.boolean(),
  reviewTime: z.nullable(z.number()),
  deadlineAt: z.nullable(z.number()),
});
export type BadgeInfo = z.infer<typeof BadgeInfo>;

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
  /** Where the bad words are: the review itself, or a follow-up worse than it (the badge goes there: 差评追评). */
  part: z.enum(['review', 'followUp']),
  reviewTime: z.nullable(z.number()),
  deadlineAt: z.nullable(z.number()),
  /** Due time of the earliest promise not yet kept: the badge says 承诺逾期 once it has passed. */
  promiseDueAt: z.nullable(z.number()),
});
export type BadgeInfo = z.infer<typeof BadgeInfo>;

/** A list of badges, as the background answers a page (checked there before anything is drawn). */
export const BadgeInfoList = z.array(BadgeInfo);

import * as z from 'zod/mini';
import { Platform } from '../reviews/schema';

/** Case statuses are about handling; causes are a separate matter (DOMAIN.md). */
export const CaseStatus = z.enum(['new', 'contacting', 'agreed', 'resolved', 'revised', 'unresolvable', 'complained']);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CLOSED_STATUSES: readonly CaseStatus[] = ['resolved', 'revised', 'unresolvable', 'complained'];
export const isOpenStatus = (s: CaseStatus) => !CLOSED_STATUSES.includes(s);

export const CaseRecord = z.object({
  /** Same key as the review it is about. */
  id: z.string(),
  platform: Platform,
  platformReviewId: z.string(),
  sentiment: z.enum(['negative', 'neutral']),
  status: CaseStatus,
  createdAt: z.number(),
  updatedAt: z.number(),
  statusChangedAt: z.number(),
  /** When an agent first opened the case in the side panel; null while nobody has. */
  openedAt: z.nullable(z.number()),
  reviewTime: z.nullable(z.number()),
  itemId: z.optional(z.string()),
  buyerKey: z.optional(z.string()),
});
export type CaseRecord = z.infer<typeof CaseRecord>;

export const CaseEventKind = z.enum(['created', 'revised', 'reopened', 'follow-up', 'opened', 'status']);
export type CaseEventKind = z.infer<typeof CaseEventKind>;

export const CaseEvent = z.object({
  seq: z.optional(z.number()),
  caseId: z.string(),
  at: z.number(),
  kind: CaseEventKind,
  /** 'system' for what ReviewDesk did by itself, else the agent's name. */
  by: z.string(),
  from: z.optional(CaseStatus),
  to: z.optional(CaseStatus),
});
export type CaseEvent = z.infer<typeof CaseEvent>;

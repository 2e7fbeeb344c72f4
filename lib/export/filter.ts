import * as z from 'zod/mini';
import { CaseStatus } from '../cases/schema';
import { CauseCodeSchema } from '../causes/taxonomy';
import { AGENT_NAME_MAX } from '../settings/preferences';

/** What an export covers besides the period: the same choices as the queue's filters ('all' = no filter). */
export const ExportFilter = z.object({
  status: z.union([z.literal('all'), z.literal('open'), CaseStatus]),
  sentiment: z.enum(['all', 'negative', 'neutral']),
  cause: z.union([z.literal('all'), z.literal('none'), CauseCodeSchema]),
  /** An agent's name; '' = cases nobody holds. */
  assignee: z.union([z.literal('all'), z.string().check(z.maxLength(AGENT_NAME_MAX))]),
});
export type ExportFilter = z.infer<typeof ExportFilter>;

export const ALL_CASES: ExportFilter = { status: 'all', sentiment: 'all', cause: 'all', assignee: 'all' };

export const ExportKind = z.enum(['cases', 'attempts', 'promises']);
export type ExportKind = z.infer<typeof ExportKind>;

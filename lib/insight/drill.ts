import * as z from 'zod/mini';
import { CaseStatus } from '../cases/schema';
import { CauseCodeSchema } from '../causes/taxonomy';

/**
 * browser.storage.session key through which the dashboard hands the side panel's queue a set of cases: a click on
 * any figure writes it, and the panel (open, or opened by that click) shows its queue restricted to these cases
 * until the agent clears it. The panel reads it with QueueDrill and ignores anything that does not parse.
 */
export const DRILL_KEY = 'queueDrill';

/** At most this many cases per hand-over (30,000 ids are ~1 MB, well inside storage.session's 10 MB). */
export const DRILL_IDS_MAX = 50_000;

const caseId = z.string().check(z.minLength(1), z.maxLength(200));

export const QueueDrill = z.object({
  v: z.literal(1),
  /** When the click happened: a later drill replaces an earlier one. */
  at: z.number(),
  /** What the figure was, in the agent's language, for the panel to show above the list (e.g. 质量问题 · 近7天). */
  label: z.string().check(z.maxLength(200)),
  /** Exactly the cases behind the number clicked. */
  caseIds: z.array(caseId).check(z.maxLength(DRILL_IDS_MAX)),
  /** How many cases the figure counted (more than caseIds.length only when capped). */
  total: z.number().check(z.int(), z.nonnegative()),
  /**
   * The same selection in the queue's own filters where they can say it (a cause, a product, an agent, a status), for
   * a panel that cannot restrict to ids yet. Never narrower than caseIds.
   */
  filter: z.object({
    status: z.optional(z.union([z.literal('open'), z.literal('all'), CaseStatus])),
    cause: z.optional(CauseCodeSchema),
    itemId: z.optional(z.string().check(z.maxLength(200))),
    assignee: z.optional(z.string().check(z.maxLength(200))),
  }),
});
export type QueueDrill = z.infer<typeof QueueDrill>;

/** A figure's place in the dashboard data: field names, row keys, or day positions (see lib/insight/tally.ts). */
export const DrillPath = z.array(z.union([z.string().check(z.maxLength(200)), z.number().check(z.int(), z.nonnegative())])).check(z.minLength(1), z.maxLength(8));

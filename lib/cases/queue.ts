import * as z from 'zod/mini';
import type { CaseView } from './case-store';
import type { CaseStatus } from './schema';
import { CaseStatus as CaseStatusEnum, isOpenStatus } from './schema';
import { CauseCodeSchema, type CauseCode } from '../causes/taxonomy';
import { isOverdue } from './promises';

export interface QueueFilter {
  status: 'open' | 'all' | CaseStatus;
  sentiment: 'all' | 'negative' | 'neutral';
  cause: 'all' | CauseCode;
  itemId: 'all' | string;
  assignee: 'all' | 'unassigned' | string;
  text: string;
}

/** The filter as the panel sends it (queryQueue): lengths capped so a message cannot make the search expensive. */
export const QueueFilterSchema = z.object({
  status: z.union([z.literal('open'), z.literal('all'), CaseStatusEnum]),
  sentiment: z.enum(['all', 'negative', 'neutral']),
  cause: z.union([z.literal('all'), CauseCodeSchema]),
  itemId: z.string().check(z.maxLength(200)),
  assignee: z.string().check(z.maxLength(200)),
  text: z.string().check(z.maxLength(200)),
});

export const DEFAULT_FILTER: QueueFilter = { status: 'open', sentiment: 'all', cause: 'all', itemId: 'all', assignee: 'all', text: '' };

const searchable = (v: CaseView) =>
  [v.review.content, v.review.followUp?.content, v.review.itemTitle, v.review.buyerNick, v.review.orderId, v.case.platformReviewId]
    .filter(Boolean).join('\n').toLowerCase();

export function matchesFilter(v: CaseView, f: QueueFilter): boolean {
  if (f.status === 'open' ? !isOpenStatus(v.case.status) : f.status !== 'all' && v.case.status !== f.status) return false;
  if (f.sentiment !== 'all' && v.case.sentiment !== f.sentiment) return false;
  if (f.cause !== 'all' && !v.case.causes.some((c) => c.code === f.cause)) return false;
  if (f.itemId !== 'all' && (v.review.itemId ?? v.review.itemTitle) !== f.itemId) return false;
  if (f.assignee === 'unassigned' ? v.case.assignee !== null : f.assignee !== 'all' && v.case.assignee !== f.assignee) return false;
  const text = f.text.trim().toLowerCase();
  return !text || searchable(v).includes(text);
}

/** The next moment something is due on a case: the reply deadline, an agreed time, a promise. */
function nextDue(v: CaseView, now: number): number {
  const times = [v.deadlineAt, v.case.agreedAt, ...v.openPromises.map((p) => p.dueAt)].filter((t): t is number => t !== null && t >= now);
  return times.length ? Math.min(...times) : Number.POSITIVE_INFINITY;
}

/**
 * The order an agent works in: an overdue promise first (a broken promise becomes a complaint); then cases nobody
 * has opened, newest first (a complaint answered within hours is the easiest to settle); then whatever falls due
 * soonest; then the newest review.
 */
export function sortQueue(views: CaseView[], now: number = Date.now()): CaseView[] {
  // Each case's sort keys are computed once, not on every comparison.
  const keyed = views.map((v) => ({
    v,
    overdue: Number(v.openPromises.some((p) => isOverdue(p, now))),
    unopened: Number(v.case.openedAt === null && v.case.status === 'new'),
    due: nextDue(v, now),
    time: v.review.reviewTime ?? v.case.createdAt,
  }));
  return keyed.sort((a, b) =>
    b.overdue - a.overdue
    || b.unopened - a.unopened
    || (a.unopened ? b.time - a.time : a.due - b.due || b.time - a.time)).map((k) => k.v);
}

/** Counts per status for the tabs at the top, plus all open ones. */
export function statusCounts(views: CaseView[]): Record<'open' | CaseStatus, number> {
  const counts = Object.fromEntries(['open', ...CaseStatusEnum.options].map((s) => [s, 0])) as Record<'open' | CaseStatus, number>;
  for (const v of views) {
    counts[v.case.status]++;
    if (isOpenStatus(v.case.status)) counts.open++;
  }
  return counts;
}

/** Products and agents that appear in the cases, for the filter menus. */
export function filterChoices(views: CaseView[]) {
  const items = new Map<string, string>();
  const agents = new Set<string>();
  for (const v of views) {
    const key = v.review.itemId ?? v.review.itemTitle;
    if (key) items.set(key, v.review.itemTitle ?? key);
    if (v.case.assignee) agents.add(v.case.assignee);
  }
  return { items: [...items].map(([id, title]) => ({ id, title })), agents: [...agents].sort() };
}

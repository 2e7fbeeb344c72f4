import type { CaseView } from './case-store';

/**
 * The order an agent works in: cases nobody has opened first, then the nearest deadline,
 * then the newest review. Cases without a deadline go after those with one.
 */
export function sortQueue(views: CaseView[]): CaseView[] {
  const deadline = (v: CaseView) => v.deadlineAt ?? Number.POSITIVE_INFINITY;
  return [...views].sort((a, b) => {
    const unopened = Number(b.case.openedAt === null && b.case.status === 'new') - Number(a.case.openedAt === null && a.case.status === 'new');
    if (unopened) return unopened;
    if (deadline(a) !== deadline(b)) return deadline(a) - deadline(b);
    return (b.review.reviewTime ?? b.case.createdAt) - (a.review.reviewTime ?? a.case.createdAt);
  });
}

import { describe, expect, it } from 'vitest';
import { sortQueue } from '@/lib/cases/queue';
import type { CaseView } from '@/lib/cases/case-store';
import { caseRecord, observation } from './helpers';

const view = (id: string, opened: boolean, deadlineAt: number | null, reviewTime: number): CaseView => ({
  case: caseRecord({ id, status: opened ? 'contacting' : 'new', openedAt: opened ? 1 : null, reviewTime }),
  review: { ...observation({ platformReviewId: id, reviewTime }), id, firstSeenAt: 0, lastSeenAt: 0, sourcePage: '' },
  deadlineAt,
});

describe('sortQueue', () => {
  it('puts unopened new cases first, then the nearest deadline, then the newest review', () => {
    const order = sortQueue([
      view('opened-late', true, 900, 5), view('opened-soon', true, 100, 1), view('new-old', false, 500, 1),
      view('new-recent', false, 500, 9), view('opened-none', true, null, 99),
    ]).map((v) => v.case.id);
    expect(order).toEqual(['new-recent', 'new-old', 'opened-soon', 'opened-late', 'opened-none']);
  });
});

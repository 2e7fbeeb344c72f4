import type { ReviewObservation } from '@/lib/reviews/schema';
import type { CaseRecord } from '@/lib/cases/schema';
import type { CaseView } from '@/lib/cases/case-store';

/** A Qianniu observation with sensible defaults, for tests. */
export function observation(over: Partial<ReviewObservation> = {}): ReviewObservation {
  return {
    platform: 'qianniu', platformReviewId: '1001', sentiment: 'negative', sentimentSource: 'platform',
    content: '发错颜色了', placeholder: false, reviewTime: Date.UTC(2026, 10, 20, 4), orderId: '4500000000000001',
    buyerNick: 't**', buyerKey: 'buyer-1', pictureCount: 0, itemId: '7001', itemTitle: '纯棉T恤',
    ...over,
  };
}

/** A case record with the v2 workflow fields, for tests. */
export function caseRecord(over: Partial<CaseRecord> & Pick<CaseRecord, 'id'>): CaseRecord {
  return {
    platform: 'qianniu', platformReviewId: over.id, sentiment: 'negative', status: 'new', createdAt: 0, updatedAt: 0,
    statusChangedAt: 0, openedAt: null, reviewTime: null, causes: [], causesBy: 'auto', assignee: null, agreedAt: null,
    ...over,
  };
}

/** A queue entry built from a case and its review. */
export function caseView(c: CaseRecord, obs: Partial<ReviewObservation> = {}, over: Partial<CaseView> = {}): CaseView {
  return {
    case: c,
    review: { ...observation({ platformReviewId: c.platformReviewId, reviewTime: c.reviewTime, ...obs }), id: c.id, firstSeenAt: 0, lastSeenAt: 0, sourcePage: '' },
    deadlineAt: null, openPromises: [], doNotContact: false, ...over,
  };
}

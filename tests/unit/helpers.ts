import type { ReviewObservation } from '@/lib/reviews/schema';

/** A Qianniu observation with sensible defaults, for tests. */
export function observation(over: Partial<ReviewObservation> = {}): ReviewObservation {
  return {
    platform: 'qianniu', platformReviewId: '1001', sentiment: 'negative', sentimentSource: 'platform',
    content: '发错颜色了', placeholder: false, reviewTime: Date.UTC(2026, 10, 20, 4), orderId: '4500000000000001',
    buyerNick: 't**', buyerKey: 'buyer-1', pictureCount: 0, itemId: '7001', itemTitle: '纯棉T恤',
    ...over,
  };
}

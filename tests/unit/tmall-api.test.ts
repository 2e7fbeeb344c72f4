import { describe, expect, it } from 'vitest';
import { parseTmallEvaluations } from '@/lib/console/tmall-api';

describe('parseTmallEvaluations', () => {
  it('reads evaluations per order and derives sentiment from the text', () => {
    const body = JSON.stringify({ data: { pageCount: '2', orderList: [
      { productId: 601, buyerOrder: '3900000001', evaluationList: [
        { evaluationId: 88001, evaluationTime: 1774945444001, evaluationContent: '质量很差，用了两天就坏了，非常失望', skuInfo: '颜色:黑', evaluationPics: ['a', 'b'] },
        { evaluationId: '88002', evaluationTime: '1774945444002', evaluationContent: '非常好用，很满意，推荐' },
      ] },
      { productId: 602, evaluationList: [{ evaluationContent: 'no id' }] },
    ] } });
    const r = parseTmallEvaluations(body);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.skipped).toEqual({ 'no-id': 1 });
    expect(r.reviews.map((x) => [x.platformReviewId, x.sentiment, x.sentimentSource, x.orderId, x.pictureCount])).toEqual([
      ['88001', 'negative', 'text', '3900000001', 2],
      ['88002', 'positive', 'text', '3900000001', 0],
    ]);
  });

  it('never takes the SKU (配置：i5/16G/512G) for the item title: the JSON has no title, so it stays empty', () => {
    const body = JSON.stringify({ data: { orderList: [{ productId: 601, buyerOrder: '3900000001', evaluationList: [
      { evaluationId: 88003, evaluationContent: '用了三天就死机，有质量问题', skuInfo: '配置：i5/16G/512G' },
    ] }] } });
    const r = parseTmallEvaluations(body);
    expect(r.ok && r.reviews[0]).toMatchObject({ platformReviewId: '88003', itemId: '601' });
    expect(r.ok && r.reviews[0]?.itemTitle).toBeUndefined();
  });

  it('rejects a body without data', () => {
    expect(parseTmallEvaluations('{"success":false}')).toEqual({ ok: false, reason: 'unexpected-shape' });
  });
});

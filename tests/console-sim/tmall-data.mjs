// Data behind the Tmall seller ratings page (seller-rate.tmall.com/evaluation/GetEvaluations.do), two pages.
//
// Encodes (CONSOLE.md §3, medium confidence): response data.pageCount and data.orderList[] of
// { productId, buyerOrder, evaluationList[] of { evaluationId, evaluationTime (ms), evaluationContent, skuInfo,
// evaluationPics[] } }; no rating field.
// Guesses: the JSON types (evaluationId and productId as numbers, buyerOrder as a 19-digit string so it survives
// JSON.parse), pics as protocol-relative URLs, page sizes (20 + 12 evaluations), the odd order with two
// evaluations. Texts are the first TMALL_LINES lines of the sample file in file order, not hand-picked; each
// line's label is the ground truth (negative → a 'negative' case, positive → not a case).
import { seededRandom, digits, token } from './random.mjs';
import { HOUR } from './time.mjs';
import { itemFor, TMALL_LINES } from './sample.mjs';

const PAGE_SIZES = [20, TMALL_LINES - 20];

/**
 * @param {{ now: number, seed: number, sample: import('./sample.mjs').SampleReview[] }} options
 * @returns {{ pages: object[][], truth: object[][] }} orderList per page, and truth rows per page
 */
export function buildTmallPages({ now, seed, sample }) {
  const rand = seededRandom(seed ^ 0x7a11);
  const lines = sample.slice(0, TMALL_LINES);
  const pages = [];
  const truth = [];
  let line = 0;
  for (const size of PAGE_SIZES) {
    const orders = [];
    const rows = [];
    const end = line + size;
    let orderNo = 0;
    while (line < end) {
      // Every sixth order holds two evaluations (two items bought together), the rest one.
      const count = orderNo % 6 === 5 && line + 1 < end ? 2 : 1;
      const buyerOrder = digits(rand, 19, '2');
      const first = lines[line];
      const product = itemFor(first.category);
      const evaluationList = [];
      for (let k = 0; k < count; k++, line++) {
        const review = lines[line];
        const evaluationId = Number(digits(rand, 15, '1'));
        evaluationList.push({
          evaluationId,
          evaluationTime: Math.round(now - (0.6 + line * line * 0.45) * HOUR - Math.floor(rand() * 40) * 60000),
          evaluationContent: review.text,
          skuInfo: product.sku,
          evaluationPics: line % 4 === 1 ? [`//img.alicdn.com/bao/uploaded/i4/O1CN01${token(rand, 14)}.jpg`] : [],
        });
        rows.push({
          reviewId: String(evaluationId),
          mainSentiment: review.sentiment,
          appendSentiment: null,
          caseSentiment: review.sentiment === 'negative' ? 'negative' : null,
          texts: [review.text],
          nick: null,
          orderId: buyerOrder,
          itemId: String(product.itemId),
          itemTitle: product.title,
          otherIds: [],
          sampleLine: review.line,
        });
      }
      orders.push({ productId: product.itemId, buyerOrder, evaluationList });
      orderNo++;
    }
    pages.push(orders);
    truth.push(rows);
  }
  return { pages, truth };
}

/** The GetEvaluations.do body for one page (1-based); an empty list past the end. */
export function evaluationsResponse(pages, pageNum) {
  return { data: { pageCount: pages.length, orderList: pages[pageNum - 1] ?? [] } };
}

// Builds every simulated console's data once, deterministically, from the sample texts, the seed and `now`.
// The order of the builders matters: Qianniu then legacy draw from the same text pools in file order.
import { loadSample, TextPools } from './sample.mjs';
import { buildQianniuReviews, QIANNIU_PAGE_SIZE } from './qianniu-data.mjs';
import { buildLegacyPages, legacyTruth } from './legacy-data.mjs';
import { buildTmallPages } from './tmall-data.mjs';
import { applyOddItems } from './odd-items.mjs';

export const DEFAULT_SEED = 20250926;

/** @typedef {'qianniu'|'legacy'|'tmall'} Family */

/**
 * @typedef {object} RowTruth
 * @property {string} reviewId the id the extension must put in data-review-id
 * @property {string} mainSentiment positive|neutral|negative|unknown
 * @property {string|null} appendSentiment
 * @property {'negative'|'neutral'|null} caseSentiment null when the row is not a case
 * @property {string[]} texts review and follow-up texts as shown
 * @property {string|null} nick @property {string} orderId @property {string} itemId @property {string} itemTitle
 * @property {string[]} otherIds further identifiers of the row (follow-up id, securityuid)
 */

/**
 * @typedef {object} PageTruth
 * @property {Family} family @property {number} pageNo
 * @property {RowTruth[]} rows in display order
 * @property {{ reviewId: string, sentiment: 'negative'|'neutral' }[]} cases the rows that must carry a badge
 */

/**
 * @param {{ now: number, seed?: number, qianniuTotal?: number, qianniuOddItems?: Record<number, string> }} options
 *   qianniuTotal: rows of the Qianniu list (67); qianniuOddItems: row index → a mutation of odd-items.mjs
 */
export function buildConsoleData({ now, seed = DEFAULT_SEED, qianniuTotal, qianniuOddItems = {} }) {
  const sample = loadSample();
  const pools = new TextPools(sample);
  const qianniu = buildQianniuReviews({ now, seed, pools, total: qianniuTotal });
  applyOddItems(qianniu, qianniuOddItems);
  const legacyPages = buildLegacyPages({ now, seed, pools });
  const tmall = buildTmallPages({ now, seed, sample });
  return {
    now,
    seed,
    qianniu,
    legacy: { pages: legacyPages, truth: legacyPages.map(legacyTruth) },
    tmall,
    /** @type {Record<Family, number>} */
    pageCounts: {
      qianniu: Math.ceil(qianniu.items.length / QIANNIU_PAGE_SIZE),
      legacy: legacyPages.length,
      tmall: tmall.pages.length,
    },
  };
}

/**
 * Ground truth of one page.
 * @param {ReturnType<typeof buildConsoleData>} data @param {Family} family @param {number} pageNo 1-based
 * @param {number} [pageSize] Qianniu only: the pageSize of the page URL
 * @returns {PageTruth}
 */
export function pageTruth(data, family, pageNo, pageSize = QIANNIU_PAGE_SIZE) {
  let rows;
  if (family === 'qianniu') rows = data.qianniu.truth.slice((pageNo - 1) * pageSize, pageNo * pageSize);
  else if (family === 'legacy') rows = data.legacy.truth[pageNo - 1];
  else if (family === 'tmall') rows = data.tmall.truth[pageNo - 1];
  else throw new Error(`unknown console family: ${family}`);
  if (!rows || rows.length === 0) throw new Error(`${family} has no page ${pageNo} (it has ${data.pageCounts[family]})`);
  const cases = rows.filter((r) => r.caseSentiment).map((r) => ({ reviewId: r.reviewId, sentiment: r.caseSentiment }));
  return { family, pageNo, rows, cases };
}

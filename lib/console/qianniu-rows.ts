import { REVIEW_ID_MAX, type ReviewObservation } from '../reviews/schema';
import type { SkipReason } from '../messaging/protocol';
import { checkObservation } from '../reviews/check';
import { sentimentFromLabel } from '../reviews/sentiment';
import { cleanContent, fallbackReviewId, maskNick } from '../reviews/normalize';
import { parseBeijing } from '../time/beijing';
import { QIANNIU_MARKERS as M, SELECTORS, queryAllFirst, queryFirst } from './selectors';
import { contentHashOf, foldText, type RowKeys } from './row-keys';

const S = SELECTORS.qianniu;

export function qianniuRows(doc: ParentNode): Element[] {
  return queryAllFirst(doc, S.rows).filter((row) => !row.matches(S.expandedRow.join(',')));
}

export function qianniuListPresent(doc: ParentNode): boolean {
  return queryFirst(doc, S.list) !== null;
}

export function followUpRow(row: Element): Element | null {
  const next = row.nextElementSibling;
  return next && next.matches(S.expandedRow.join(',')) ? next : null;
}

function contentOf(row: Element): string {
  return foldText(queryFirst(row, S.content)?.textContent);
}

/** An id the row shows, if it can be one (a 1 MB run of digits cannot: it matches nothing and is never stored). */
const shownId = (re: RegExp, text: string) => {
  const id = re.exec(text)?.[1];
  return id && id.length <= REVIEW_ID_MAX ? id : undefined;
};

export function qianniuRowKeys(row: Element, text = row.textContent ?? ''): RowKeys {
  // The text hash is the last resort of matching (rows almost always show their review id): it is worked out
  // only when asked for, as finding the text is the costliest read of a row.
  let hash: string | undefined | null = null;
  return {
    reviewId: shownId(M.feedId, text),
    orderId: shownId(M.orderId, text),
    get contentHash() {
      if (hash === null) {
        const content = contentOf(row);
        hash = content ? contentHashOf(cleanContent(content).content) : undefined;
      }
      return hash;
    },
  };
}

/** Reply days the row shows; -1 when the page says the period is over. */
export function qianniuReplyDaysLeft(row: Element, text = row.textContent ?? ''): number | undefined {
  if (M.replyExpired.test(text)) return -1;
  const days = M.replyDaysLeft.exec(text)?.[1];
  return days === undefined ? undefined : Number(days);
}

/** DOM fallback, used only for rows whose API data never arrived; null for a row that is no review. */
export function readQianniuRow(row: Element): ReviewObservation | SkipReason | null {
  const cells = row.querySelectorAll('td');
  if (cells.length < 3) return null;
  const text = row.textContent ?? '';
  const keys = qianniuRowKeys(row, text);
  // The row shows a review id too long to be one: skip it rather than invent a key from order and text.
  if (!keys.reviewId && M.feedId.test(text)) return 'id-too-long';
  const { content, placeholder } = cleanContent(contentOf(row));
  const extra = followUpRow(row);
  const extraText = extra?.textContent ?? '';
  const extraContent = extra ? cleanContent(foldText(queryFirst(extra, S.content)?.textContent ?? extraText.replace(/追评|收货后\s*\d+\s*天|(正面|中性|负面)评价/g, ''))) : null;
  const itemAnchor = queryFirst(row, S.itemLink);
  const itemHref = itemAnchor?.getAttribute('href') ?? '';
  const buyerCell = row.querySelector('td[data-next-table-col="3"]');
  const dateText = M.firstReview.exec(text)?.[1];
  return checkObservation({
    platform: 'qianniu',
    platformReviewId: keys.reviewId ?? fallbackReviewId(keys.orderId, content),
    sentiment: sentimentFromLabel(M.sentiment.exec(cells[0]?.textContent ?? text)?.[1]),
    sentimentSource: 'page',
    content,
    placeholder,
    reviewTime: dateText ? parseBeijing(dateText) : null,
    followUp: extra && extraContent
      ? {
          content: extraContent.content,
          sentiment: sentimentFromLabel(M.sentiment.exec(extraText)?.[1]),
          days: Number(M.followUpDays.exec(extraText)?.[1] ?? NaN) || undefined,
        }
      : undefined,
    itemId: /[?&]id=(\d+)/.exec(itemHref)?.[1],
    itemTitle: foldText(itemAnchor?.textContent).slice(0, 500) || undefined,
    orderId: keys.orderId,
    buyerNick: maskNick(foldText(buyerCell?.textContent).split(' ')[0]),
    pictureCount: queryAllFirst(row, S.pictures).length,
    pageReplyDaysLeft: qianniuReplyDaysLeft(row, text),
  });
}

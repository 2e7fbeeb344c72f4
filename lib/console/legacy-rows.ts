import { REVIEW_ID_MAX, type ReviewObservation } from '../reviews/schema';
import type { SkipReason } from '../messaging/protocol';
import { checkObservation } from '../reviews/check';
import { sentimentFromLabel } from '../reviews/sentiment';
import { cleanContent, maskNick, safeLink } from '../reviews/normalize';
import { parseBeijing } from '../time/beijing';
import { SELECTORS, queryAllFirst, queryFirst } from './selectors';
import { foldText, type RowKeys } from './row-keys';

const S = SELECTORS.legacy;

export const legacyRows = (doc: ParentNode) => queryAllFirst(doc, S.rows);
export const legacyListPresent = (doc: ParentNode) => queryFirst(doc, S.list) !== null;

export function legacyRowKeys(row: Element): RowKeys {
  const id = row.getAttribute('data-id')?.trim();
  return { reviewId: id && id.length <= REVIEW_ID_MAX ? id : undefined };
}

/** Server-rendered rows: the DOM is the only source (CONSOLE.md §2). */
export function readLegacyRow(row: Element): ReviewObservation | SkipReason | null {
  const id = row.getAttribute('data-id')?.trim();
  if (!id) return 'no-id';
  if (id.length > REVIEW_ID_MAX) return 'id-too-long';
  const comments = row.querySelectorAll(S.comments.join(','));
  const main = cleanContent(foldText(comments[0]?.textContent));
  const followUp = comments[1] ? cleanContent(foldText(comments[1].textContent)) : null;
  const dateText = foldText(queryFirst(row, S.date)?.textContent).replace(/[[\]]/g, '');
  const item = queryFirst(row, S.item);
  return checkObservation({
    platform: 'taobao-legacy',
    platformReviewId: id,
    sentiment: sentimentFromLabel(queryFirst(row, S.rating)?.getAttribute('title')),
    sentimentSource: 'page',
    content: main.content,
    placeholder: main.placeholder,
    reviewTime: parseBeijing(dateText),
    // Legacy follow-ups carry no rating of their own; they are kept as text.
    followUp: followUp && !followUp.placeholder ? { content: followUp.content, sentiment: 'unknown' } : undefined,
    itemTitle: foldText(item?.textContent).slice(0, 500) || undefined,
    itemLink: safeLink(item?.getAttribute('href')),
    buyerNick: maskNick(foldText(queryFirst(row, S.buyer)?.textContent)),
    pictureCount: queryAllFirst(row, S.photos).length,
  });
}

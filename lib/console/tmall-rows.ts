import { sentimentFromLabel, type Sentiment } from '../reviews/sentiment';
import { SELECTORS, queryFirst } from './selectors';
import { contentHashOf, foldText, type ReviewIndex, type RowKeys } from './row-keys';

const S = SELECTORS.tmall;

/**
 * The Tmall list DOM is not documented, so rows are found from the data: the innermost table row or
 * list item whose text contains a known evaluation's text.
 */
export function tmallRows(doc: ParentNode): Element[] {
  const candidates = Array.from(doc.querySelectorAll(S.rowContainers.join(',')));
  // Innermost only: a row that contains another candidate is a wrapper.
  return candidates.filter((el) => !el.querySelector(S.rowContainers.join(',')));
}

export const tmallListPresent = (doc: ParentNode) => queryFirst(doc, S.list) !== null;

const ORDER = /订单(?:号|编号)?[：:]\s*(\d{6,})/;

export function tmallRowKeys(row: Element, rowText = row.textContent ?? ''): RowKeys {
  const text = foldText(rowText);
  const pieces = new Set<string>();
  for (const el of row.querySelectorAll('*')) {
    const piece = foldText(el.textContent);
    if (piece.length >= 2 && piece !== text) pieces.add(piece);
  }
  return { orderId: ORDER.exec(text)?.[1], text, pieces: [...pieces] };
}

/**
 * The review a Tmall row shows, through maps: the reviews of the row's order, else a review whose whole text one
 * of the row's elements shows. Only a row neither finds (a header, a pager, text run together with a label) is
 * compared with every review's text, so a page of N rows costs about N lookups, not N × N comparisons.
 */
export function tmallMatch<T extends { platformReviewId: string; orderId?: string; content: string }>(index: ReviewIndex<T>, keys: RowKeys): T | undefined {
  const byOrder = keys.orderId ? index.withOrder(keys.orderId) : [];
  if (byOrder.length) return tmallMatchText(keys, byOrder);
  let best: T | undefined;
  for (const piece of [keys.text ?? '', ...(keys.pieces ?? [])]) {
    const hit = index.withText(piece);
    if (hit && (!best || piece.length > foldText(best.content).length)) best = hit;
  }
  return best ?? tmallMatchText(keys, index.all());
}

/** Finds which of the known texts this row shows; the longest match wins (one text may contain another). */
export function tmallMatchText<T extends { content: string }>(keys: RowKeys, reviews: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const r of reviews) {
    const c = foldText(r.content);
    if (c.length >= 2 && keys.text?.includes(c) && (!best || c.length > best.content.length)) best = r;
  }
  return best;
}

/** A rating the row itself shows (好评/中评/差评 or 正面/中性/负面), which beats reading the text. */
export function tmallShownSentiment(row: Element): Sentiment {
  const label = Array.from(row.querySelectorAll('[title],[class*="rate"],[class*="result"],span,em,i'))
    .map((el) => el.getAttribute('title') ?? (el.children.length === 0 ? foldText(el.textContent) : ''))
    .find((t) => /^(好评|中评|差评|正面|中性|负面)(评价)?$/.test(t));
  return sentimentFromLabel(label);
}

export { contentHashOf };

import { shortHash } from '../reviews/normalize';

/** What a row shows that can tie it to a review record. */
export interface RowKeys {
  reviewId?: string;
  orderId?: string;
  /** Hash of the review text as the row shows it (whitespace folded). */
  contentHash?: string;
  /** Folded row text, kept only where matching by contained text is needed (Tmall). */
  text?: string;
  /** Folded texts of the row's elements, for finding a review whose whole text one of them shows (Tmall). */
  pieces?: string[];
}

export const foldText = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export const contentHashOf = (s: string) => shortHash(foldText(s));

/** Reviews as the content script knows them, findable by any key a row may show. */
export class ReviewIndex<T extends { platformReviewId: string; orderId?: string; content: string }> {
  private byId = new Map<string, T>();
  private byOrder = new Map<string, T[]>();
  private byContent = new Map<string, T>();
  private byText = new Map<string, T>();

  add(review: T): void {
    this.byId.set(review.platformReviewId, review);
    if (review.orderId) {
      const list = (this.byOrder.get(review.orderId) ?? []).filter((r) => r.platformReviewId !== review.platformReviewId);
      this.byOrder.set(review.orderId, [...list, review]);
    }
    if (review.content.length >= 2) {
      this.byContent.set(contentHashOf(review.content), review);
      this.byText.set(foldText(review.content), review);
    }
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  /** The reviews of one order (a map lookup: rows are never compared with every review). */
  withOrder(orderId: string): readonly T[] {
    return this.byOrder.get(orderId) ?? [];
  }

  /** The review whose whole text, folded, is exactly `folded`. */
  withText(folded: string): T | undefined {
    return this.byText.get(folded);
  }

  all(): T[] {
    return [...this.byId.values()];
  }

  /** Review id first; then order id when it is unambiguous or the text agrees; then the text alone. */
  match(keys: RowKeys): T | undefined {
    if (keys.reviewId) {
      const hit = this.byId.get(keys.reviewId);
      if (hit) return hit;
    }
    if (keys.orderId) {
      const candidates = this.byOrder.get(keys.orderId) ?? [];
      if (candidates.length === 1) return candidates[0];
      const byText = candidates.find((r) => keys.contentHash && contentHashOf(r.content) === keys.contentHash);
      if (byText) return byText;
    }
    if (keys.contentHash) return this.byContent.get(keys.contentHash);
    return undefined;
  }
}

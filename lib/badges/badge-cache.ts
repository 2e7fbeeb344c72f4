import type { BadgeInfo } from '../cases/badge-info';
import { badgeKey } from './badge-view';

/**
 * What the page knows of its reviews' cases: the last badge info the background sent for each review, so a row
 * showing a known review is drawn at once (another page of the list and back, a re-rendered row) without waiting
 * for the store; and which cases the background called stale, so only those are asked for again.
 * Before a review is stored, its badge may come from a lookup (./capture/badge-lookup.ts); what the store answers
 * for a review after storing it always wins over a lookup answered later.
 */
export class BadgeCache {
  private byReview = new Map<string, BadgeInfo>();
  /** Reviews the store answered for after storing them: a lookup's older answer no longer applies. */
  private settled = new Set<string>();
  private reviewOfCase = new Map<string, string>();
  /** Case id → the notice that made it stale; an answer asked for before a later notice does not clear it. */
  private stale = new Map<string, number>();
  private notices = 0;

  get(reviewId: string): BadgeInfo | undefined {
    return this.byReview.get(reviewId);
  }

  /** Whether the page knows this review's badge, or that it has none (it was stored). */
  knows(reviewId: string): boolean {
    return this.byReview.has(reviewId) || this.settled.has(reviewId);
  }

  /**
   * A lookup's answer, for reviews not stored since it was asked: the store's badge where there is a case,
   * `foreseen` (what storing the page's reading will give) where the store has none. Returns the reviews set.
   */
  looked(reviewIds: readonly string[], infos: readonly BadgeInfo[], foreseen: (reviewId: string) => BadgeInfo | null): string[] {
    const found = new Map(infos.map((i) => [i.platformReviewId, i]));
    const changed: string[] = [];
    for (const id of reviewIds) {
      if (this.settled.has(id)) continue;
      const info = found.get(id) ?? foreseen(id);
      if (!info) continue;
      this.set(info);
      changed.push(id);
    }
    return changed;
  }

  /** The background stored these reviews: the ones with a badge are cases (fresh now), the others are no cases. */
  stored(reviewIds: Iterable<string>, infos: readonly BadgeInfo[]): void {
    const cases = new Set<string>();
    for (const info of infos) {
      this.set(info);
      this.stale.delete(info.caseId);
      cases.add(info.platformReviewId);
    }
    for (const id of reviewIds) {
      this.settled.add(id);
      if (!cases.has(id)) this.drop(id);
    }
  }

  /** A case changed elsewhere (the side panel, another tab): null = every case this page knows. */
  markStale(caseIds: readonly string[] | null): void {
    this.notices++;
    for (const id of caseIds ?? this.reviewOfCase.keys()) if (this.reviewOfCase.has(id)) this.stale.set(id, this.notices);
  }

  /** The stale cases among the reviews the page shows now (the others are asked for when they are shown again). */
  staleAmong(shownReviewIds: Iterable<string>): string[] {
    if (!this.stale.size) return [];
    const out: string[] = [];
    for (const reviewId of shownReviewIds) {
      const caseId = this.byReview.get(reviewId)?.caseId;
      if (caseId !== undefined && this.stale.has(caseId)) out.push(caseId);
    }
    return out;
  }

  /** A stamp to hand back to refreshed(): notices after it keep their cases stale. */
  stamp(): number {
    return this.notices;
  }

  /**
   * The background's answer for the cases asked: their fresh infos; a case asked for and not answered no longer
   * exists (its badge goes). Returns the review ids whose badge may have changed.
   */
  refreshed(asked: readonly string[], infos: readonly BadgeInfo[], stamp: number): string[] {
    const answered = new Set<string>();
    const changed: string[] = [];
    for (const info of infos) {
      answered.add(info.caseId);
      this.set(info);
      changed.push(info.platformReviewId);
    }
    for (const caseId of asked) {
      if ((this.stale.get(caseId) ?? Infinity) <= stamp) this.stale.delete(caseId);
      const reviewId = this.reviewOfCase.get(caseId);
      if (!answered.has(caseId) && reviewId !== undefined) {
        this.drop(reviewId);
        changed.push(reviewId);
      }
    }
    return changed;
  }

  private set(info: BadgeInfo): void {
    const before = this.byReview.get(info.platformReviewId);
    // The same badge again keeps its object: a row drawn from it is not drawn again.
    if (before && badgeKey(before) === badgeKey(info)) return;
    if (before && before.caseId !== info.caseId) this.reviewOfCase.delete(before.caseId);
    this.byReview.set(info.platformReviewId, info);
    this.reviewOfCase.set(info.caseId, info.platformReviewId);
  }

  private drop(reviewId: string): void {
    const before = this.byReview.get(reviewId);
    if (!before) return;
    this.byReview.delete(reviewId);
    this.reviewOfCase.delete(before.caseId);
    this.stale.delete(before.caseId);
  }
}

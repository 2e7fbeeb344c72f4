import type { ReviewObservation } from '../reviews/schema';
import type { BadgeInfo } from '../cases/badge-info';
import type { SkipReason } from '../messaging/protocol';
import type { ConsoleFamily } from '../console/pages';
import type { OpenedList } from '../console/api-body';
import { openQianniuList } from '../console/qianniu-api';
import { openTmallEvaluations } from '../console/tmall-api';
import { followUpRow, qianniuListPresent, qianniuReplyDaysLeft, qianniuRowKeys, qianniuRows, readQianniuRow } from '../console/qianniu-rows';
import { legacyListPresent, legacyRowKeys, legacyRows, readLegacyRow } from '../console/legacy-rows';
import { tmallListPresent, tmallMatch, tmallRowKeys, tmallRows, tmallShownSentiment } from '../console/tmall-rows';
import { ReviewIndex, type RowKeys } from '../console/row-keys';
import { SELECTORS, queryFirst } from '../console/selectors';
import type { TapKind } from './tap-protocol';

/** How one console family is read: where its rows are, how a row is tied to a review, where the badge goes. */
export interface FamilyReader {
  family: ConsoleFamily;
  tap: TapKind | null;
  /** Checks a tapped response's envelope; its items are then read in slices. */
  openApi?: (body: string) => OpenedList;
  listPresent: (doc: Document) => boolean;
  rows: (doc: Document) => Element[];
  /** `text` is the row's textContent, read once per scan by the caller. */
  keys: (row: Element, text: string) => RowKeys;
  match: (index: ReviewIndex<ReviewObservation>, keys: RowKeys) => ReviewObservation | undefined;
  /**
   * DOM reading of a row; `domFirst` families read every row this way, others only when no API data came.
   * null: the row is no review; a SkipReason: a review that cannot be stored (counted in the page report).
   */
  readRow?: (row: Element) => ReviewObservation | SkipReason | null;
  domFirst: boolean;
  /** What the row shows that the API does not (reply days left, a rating label). */
  refine?: (row: Element, review: ReviewObservation, text: string) => ReviewObservation;
  /** Where the badge goes: next to the bad words, in the review's row or its follow-up part. */
  badgeSlot: (row: Element, part: BadgeInfo['part']) => Element;
  /** The elements of a review's row that may hold its badge (a moved badge is removed from the others). */
  rowParts: (row: Element) => Element[];
}

const slotIn = (alternatives: readonly string[]) => (row: Element) => queryFirst(row, alternatives) ?? row;
const justTheRow = (row: Element) => [row];

export const READERS: Record<ConsoleFamily, FamilyReader> = {
  qianniu: {
    family: 'qianniu',
    tap: 'qianniu',
    openApi: openQianniuList,
    listPresent: qianniuListPresent,
    rows: qianniuRows,
    keys: qianniuRowKeys,
    match: (index, keys) => index.match(keys),
    readRow: readQianniuRow,
    domFirst: false,
    refine(row, review, text) {
      const days = qianniuReplyDaysLeft(row, text);
      return days === undefined || days === review.pageReplyDaysLeft ? review : { ...review, pageReplyDaysLeft: days };
    },
    badgeSlot(row, part) {
      const followUp = part === 'followUp' ? followUpRow(row) : null;
      // The follow-up sits in the next row (CONSOLE.md §1); without one on screen the review's cell takes it.
      return followUp ? queryFirst(followUp, SELECTORS.qianniu.followUpBadgeCell) ?? followUp : queryFirst(row, SELECTORS.qianniu.badgeCell) ?? row;
    },
    rowParts: (row) => [row, followUpRow(row)].filter((el): el is Element => el !== null),
  },
  'taobao-legacy': {
    family: 'taobao-legacy',
    tap: null,
    listPresent: legacyListPresent,
    rows: legacyRows,
    keys: legacyRowKeys,
    match: (index, keys) => index.match(keys),
    readRow: readLegacyRow,
    domFirst: true,
    badgeSlot: slotIn(SELECTORS.legacy.badgeCell),
    rowParts: justTheRow,
  },
  tmall: {
    family: 'tmall',
    tap: 'tmall',
    openApi: openTmallEvaluations,
    listPresent: tmallListPresent,
    rows: tmallRows,
    keys: tmallRowKeys,
    match: tmallMatch,
    domFirst: false,
    refine(row, review) {
      const shown = tmallShownSentiment(row);
      return shown === 'unknown' || review.sentimentSource !== 'text' ? review : { ...review, sentiment: shown, sentimentSource: 'page' };
    },
    badgeSlot: slotIn(SELECTORS.tmall.badgeCell),
    rowParts: justTheRow,
  },
};

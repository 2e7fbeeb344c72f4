import type { ReviewObservation } from '../reviews/schema';
import type { ConsoleFamily } from '../console/pages';
import type { ParseResult } from '../console/api-body';
import { parseQianniuList } from '../console/qianniu-api';
import { parseTmallEvaluations } from '../console/tmall-api';
import { qianniuListPresent, qianniuReplyDaysLeft, qianniuRowKeys, qianniuRows, readQianniuRow } from '../console/qianniu-rows';
import { legacyListPresent, legacyRowKeys, legacyRows, readLegacyRow } from '../console/legacy-rows';
import { tmallListPresent, tmallMatchText, tmallRowKeys, tmallRows, tmallShownSentiment } from '../console/tmall-rows';
import { ReviewIndex, type RowKeys } from '../console/row-keys';
import { SELECTORS, queryFirst } from '../console/selectors';
import type { TapKind } from './tap-protocol';

/** How one console family is read: where its rows are, how a row is tied to a review, where the badge goes. */
export interface FamilyReader {
  family: ConsoleFamily;
  tap: TapKind | null;
  parseApi?: (body: string) => ParseResult;
  listPresent: (doc: Document) => boolean;
  rows: (doc: Document) => Element[];
  /** `text` is the row's textContent, read once per scan by the caller. */
  keys: (row: Element, text: string) => RowKeys;
  match: (index: ReviewIndex<ReviewObservation>, keys: RowKeys) => ReviewObservation | undefined;
  /** DOM reading of a row; `domFirst` families read every row this way, others only when no API data came. */
  readRow?: (row: Element) => ReviewObservation | null;
  domFirst: boolean;
  /** What the row shows that the API does not (reply days left, a rating label). */
  refine?: (row: Element, review: ReviewObservation, text: string) => ReviewObservation;
  badgeSlot: (row: Element) => Element;
}

const slotIn = (alternatives: readonly string[]) => (row: Element) => queryFirst(row, alternatives) ?? row;

export const READERS: Record<ConsoleFamily, FamilyReader> = {
  qianniu: {
    family: 'qianniu',
    tap: 'qianniu',
    parseApi: parseQianniuList,
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
    badgeSlot: slotIn(SELECTORS.qianniu.badgeCell),
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
  },
  tmall: {
    family: 'tmall',
    tap: 'tmall',
    parseApi: parseTmallEvaluations,
    listPresent: tmallListPresent,
    rows: tmallRows,
    keys: tmallRowKeys,
    match(index, keys) {
      const byOrder = keys.orderId ? index.all().filter((r) => r.orderId === keys.orderId) : [];
      return tmallMatchText(keys, byOrder.length ? byOrder : index.all());
    },
    domFirst: false,
    refine(row, review) {
      const shown = tmallShownSentiment(row);
      return shown === 'unknown' || review.sentimentSource !== 'text' ? review : { ...review, sentiment: shown, sentimentSource: 'page' };
    },
    badgeSlot: slotIn(SELECTORS.tmall.badgeCell),
  },
};

import type { CaseView } from '@/lib/cases/case-store';
import type { CaseRecord } from '@/lib/cases/schema';
import { QUERY_LIMIT_MAX } from '@/lib/messaging/protocol';

/**
 * The panel holds one window of the queue (never the store): the rows around what the list shows, asked for with
 * queryQueue. These are the pure parts: where the window should start, whether it still covers the screen, and
 * how a new reply is merged so that unchanged cases keep their objects (a row re-renders only when its case did).
 */

/** Rows per query: the most the background answers, so that scrolling a few screens needs no new query. */
export const WINDOW_SIZE = QUERY_LIMIT_MAX;
/** Rows beyond the visible ones that must already be in the window (so a short scroll never shows blanks). */
export const WINDOW_MARGIN = 30;

export interface Range {
  /** First visible position. */
  start: number;
  /** One past the last visible position. */
  end: number;
}

/** Where the window should start for the visible rows: centred on them, within [0, total). */
export function planOffset(visible: Range, total: number): number {
  const middle = Math.floor((visible.start + visible.end) / 2);
  const latest = Math.max(0, total - WINDOW_SIZE);
  return Math.max(0, Math.min(middle - WINDOW_SIZE / 2, latest));
}

/** Whether the held rows cover the visible ones and their margin (as far as the queue reaches). */
export function covers(offset: number, held: number, visible: Range, total: number): boolean {
  const from = Math.max(0, visible.start - WINDOW_MARGIN);
  const to = Math.min(total, visible.end + WINDOW_MARGIN);
  return to <= from || (offset <= from && offset + held >= to);
}

/** Structural equality of JSON-like values (what the background sends: no dates, maps or cycles). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => same(x, other[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The new rows, reusing the held object of every case that did not change. */
export function mergeRows(held: CaseView[], fresh: CaseView[]): CaseView[] {
  if (held.length === 0) return fresh;
  const byId = new Map(held.map((v) => [v.case.id, v]));
  return fresh.map((v) => {
    const old = byId.get(v.case.id);
    return old && same(old, v) ? old : v;
  });
}

/** Keeps the old value when the new one is equal (counts, filter choices), so their menus do not re-render. */
export const keepIfSame = <T>(old: T, fresh: T): T => (same(old, fresh) ? old : fresh);

/** The rows with one case replaced by what the background answered for it (the other rows keep their objects). */
export function patchRows(rows: CaseView[], record: CaseRecord): CaseView[] {
  const at = rows.findIndex((v) => v.case.id === record.id);
  if (at < 0) return rows;
  const next = rows.slice();
  next[at] = { ...rows[at]!, case: record };
  return next;
}

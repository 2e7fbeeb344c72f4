import type { RowKeys } from '../console/row-keys';
import type { SkipReason } from '../messaging/protocol';
import type { ReviewObservation } from '../reviews/schema';
import type { BadgeInfo } from '../cases/badge-info';
import type { Language } from '../i18n';
import { isBadgeHost } from '../badges/badge-view';

/** Our own badges coming or going (one at a time, as the reader adds and removes them). */
function onlyBadges(r: MutationRecord): boolean {
  const n = r.addedNodes.length + r.removedNodes.length;
  if (n === 0) return false;
  for (const node of r.addedNodes) if (!isBadgeHost(node)) return false;
  for (const node of r.removedNodes) if (!isBadgeHost(node)) return false;
  return true;
}

function hasElement(nodes: NodeList): boolean {
  for (const node of nodes) if (node.nodeType === 1) return true;
  return false;
}

/** What the reader made of one row; kept until the page changes that row. */
export interface RowEntry {
  /** The row's text, read once (textContent of a big table is the costliest read the reader does). */
  text: string;
  keys: RowKeys;
  /** The row and its follow-up row: a change in either means the row is read again. */
  parts: Element[];
  /** When the row was first seen (a Qianniu row waits for its API data a while before being read from the DOM). */
  firstSeen: number;
  /**
   * Version of the page's review data a row without a review was last matched against (new data may match it),
   * -1 while it waits for its API data; a row with a review is matched again only when `stale`.
   */
  matchedAt: number;
  /** The API sent another reading of the row's review: match the row again. */
  stale?: boolean;
  review?: ReviewObservation;
  skip?: SkipReason;
  /** What the row's badge shows now: nothing drawn yet (undefined), none (null), or this info, language and minute. */
  painted?: { info: BadgeInfo; lang: Language; minute: number } | null;
}

/**
 * Remembers each row the reader has read, so a scan reads only rows that are new or that the page changed:
 * a mutation inside a known row (or in its follow-up row, or a follow-up row added after it) marks it dirty.
 */
export class RowCache {
  private entries = new WeakMap<Element, RowEntry>();
  private owners = new WeakMap<Element, Element>();
  private dirty = new WeakSet<Element>();

  /** The entry of a row, unless the row is new or changed since it was read. */
  fresh(row: Element): RowEntry | undefined {
    return this.dirty.has(row) ? undefined : this.entries.get(row);
  }

  /** Whatever the reader knew of the row, changed or not. */
  get(row: Element): RowEntry | undefined {
    return this.entries.get(row);
  }

  set(row: Element, entry: RowEntry): void {
    this.entries.set(row, entry);
    this.dirty.delete(row);
    for (const part of entry.parts) this.owners.set(part, row);
  }

  /** Forgets every row (another page view: everything is read again). */
  reset(): void {
    this.entries = new WeakMap();
    this.owners = new WeakMap();
    this.dirty = new WeakSet();
  }

  /**
   * Takes the page's mutations: marks the rows they touched and says whether a scan is needed at all (not for
   * our own badges coming and going, nor for text changing outside every known row, e.g. a clock).
   */
  touched(records: readonly MutationRecord[]): boolean {
    let scan = false;
    for (const r of records) {
      if (r.type === 'childList') {
        if (onlyBadges(r)) continue;
        if (hasElement(r.addedNodes) || hasElement(r.removedNodes)) scan = true;
        // A follow-up row inserted after (or removed from after) its review: the review's row is read again.
        this.markRow(r.previousSibling);
        for (const n of Array.from(r.addedNodes)) this.markRow((n as Element).previousElementSibling);
      }
      if (this.mark(r.target)) scan = true;
    }
    return scan;
  }

  private markRow(node: Node | null | undefined): void {
    const row = node ? this.owners.get(node as Element) : undefined;
    if (row) this.dirty.add(row);
  }

  /** Marks the known row `node` lies in (or is); true when there is one. */
  private mark(node: Node | null): boolean {
    for (let n = node; n; n = n.parentNode) {
      const row = this.owners.get(n as Element);
      if (row) {
        this.dirty.add(row);
        return true;
      }
    }
    return false;
  }
}

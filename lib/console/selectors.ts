/**
 * Every console selector and text marker ReviewDesk relies on, in one place (CONSOLE.md).
 * Each list holds alternatives, newest first, with the date and evidence they come from.
 * When the console changes, add a line here; drop a line once its date is long past.
 */
export const SELECTORS = {
  qianniu: {
    rows: [
      /* 2026-03 Fusion "next" table, public userscripts */ 'tbody.next-table-body > tr.next-table-row',
      /* 2025 same table, rows without the row class */ '.next-table table[role=table] > tbody > tr:not(.next-table-expanded-row)',
    ],
    /** The follow-up sits in the row right after its review. */
    expandedRow: [/* 2026-03 */ 'tr.next-table-expanded-row'],
    /** The list itself, present even when the filter leaves zero rows. */
    list: [/* 2026-03 */ '.next-table table[role=table]', /* 2025 */ '.next-table'],
    content: [/* 2026-03: text in the second span */ '.l-rate-content .rate-content span:nth-of-type(2)', '.l-rate-content .rate-content'],
    pictures: [/* 2026-03 */ '.l-media-gallery img'],
    itemLink: [/* 2026-03 */ 'a[href*="item.htm"]', 'a[href*="item.taobao.com"]'],
    /** Cell the badge goes into: the sentiment column, else the first cell. */
    badgeCell: [/* 2026-03 */ 'td[data-next-table-col="0"]', 'td'],
    /** Inside the follow-up row, for a badge about a bad follow-up: its expanded area, else its cell. */
    followUpBadgeCell: [/* guess: Fusion expanded row */ '.next-table-expanded-area', 'td'],
  },
  legacy: {
    rows: [/* 2021 two independent parsers */ 'table#J_RateList > tbody > tr.J_RateItem[data-id]'],
    list: ['table#J_RateList'],
    rating: ['td:nth-child(1) i[title]'],
    comments: ['td:nth-child(2) p.comment'],
    date: ['td:nth-child(2) p.date', 'p.date'],
    photos: ['ul.photos li a[href]'],
    buyer: ['td:nth-child(3) a'],
    item: ['td:nth-child(4) a'],
    badgeCell: ['td:nth-child(1)'],
  },
  tmall: {
    /** Unknown DOM (no public sample): a row is the table row or list item around the evaluation text. */
    rowContainers: [/* guess */ 'tr', 'li', '[class*="rate-item"]', '[class*="evaluation-item"]'],
    list: [/* guess */ 'table', 'ul', '[class*="rate-list"]', '[class*="evaluation"]'],
    badgeCell: ['td', 'div'],
  },
} as const;

/** Text markers inside a Qianniu row (CONSOLE.md §1). */
export const QIANNIU_MARKERS = {
  feedId: /主评ID[：:]\s*(\d{6,})/,
  orderId: /订单号[：:]\s*(\d{6,})/,
  firstReview: /初次评价[：:]\s*(\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?)/,
  sentiment: /(正面评价|中性评价|负面评价|情感识别中)/,
  followUpDays: /收货后\s*(\d+)\s*天/,
  replyDaysLeft: /还有\s*(\d+)\s*天可回复/,
  replyExpired: /已超过回复期限/,
} as const;

/** Finds the first element matching any alternative. */
export function queryFirst(root: ParentNode, alternatives: readonly string[]): Element | null {
  for (const sel of alternatives) {
    const found = root.querySelector(sel);
    if (found) return found;
  }
  return null;
}

/** All elements matching the first alternative that matches anything. */
export function queryAllFirst(root: ParentNode, alternatives: readonly string[]): Element[] {
  for (const sel of alternatives) {
    const found = root.querySelectorAll(sel);
    if (found.length) return Array.from(found);
  }
  return [];
}

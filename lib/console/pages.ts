/**
 * Which console page a URL is. Only the three review-list families are read; every other page,
 * including other Qianniu pages that mention 负面评价, is left alone.
 */
export type ConsoleFamily = 'qianniu' | 'taobao-legacy' | 'tmall';

export type PageKind =
  | { kind: 'review-list'; family: ConsoleFamily }
  | { kind: 'other-console' }
  | { kind: 'unrelated' };

const QIANNIU_HOSTS = ['myseller.taobao.com', 'qn.taobao.com'];

export function classifyPage(href: string): PageKind {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { kind: 'unrelated' };
  }
  const path = decodePath(url.pathname);
  if (QIANNIU_HOSTS.includes(url.hostname)) {
    // The SPA route may sit in the path (/home.htm/comment-manage/…) or, in older links, in the hash.
    const route = path + url.hash;
    return /\/comment-manage\/list\/rateWait4PC/.test(route)
      ? { kind: 'review-list', family: 'qianniu' }
      : { kind: 'other-console' };
  }
  if (url.hostname === 'rate.taobao.com') {
    return /^\/user-myrate-[^/]*\.htm$/.test(path) || path === '/myRate.htm'
      ? { kind: 'review-list', family: 'taobao-legacy' }
      : { kind: 'other-console' };
  }
  if (url.hostname === 'seller-rate.tmall.com') {
    return /^\/evaluation\/(allRate|rateList)\.htm$/.test(path)
      ? { kind: 'review-list', family: 'tmall' }
      : { kind: 'other-console' };
  }
  return { kind: 'unrelated' };
}

/**
 * Percent-decodes a path without ever throwing: a console URL may carry a broken escape (%E0%A4%A), and
 * decodeURIComponent would raise "URI malformed" on the seller's page. Well-formed runs are decoded,
 * broken ones are kept as they are.
 */
export function decodePath(path: string): string {
  return path.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run; // not UTF-8: left encoded, the route markers around it still match
    }
  });
}

/** Origin and path only: queries can carry a buyer's nick or an order id. */
export function pageWithoutQuery(href: string): string {
  try {
    const url = new URL(href);
    return `${url.origin}${url.pathname}`.slice(0, 300);
  } catch {
    return '';
  }
}

// Maps a request to the simulated console's answer. Pure apart from reading `state`: install.mjs does the
// Playwright plumbing. Returns null for a host the simulator does not serve (the caller aborts and records it).
import { qianniuReviewPage } from './qianniu-page.mjs';
import { soldPage } from './sold-page.mjs';
import { MTOP_HOST, MTOP_PATH, MTOP_API, parseListRequest, listResponse, corsHeaders } from './qianniu-api.mjs';
import { LEGACY_HOST, legacyListPage, parseLegacyListPath } from './legacy-pages.mjs';
import { tmallRatePage } from './tmall-page.mjs';
import { evaluationsResponse } from './tmall-data.mjs';
import { isImageHost, placeholderImage, FAVICON } from './placeholder.mjs';

export const QIANNIU_HOSTS = ['myseller.taobao.com', 'qn.taobao.com'];
export const QIANNIU_REVIEW_PATH = '/home.htm/comment-manage/list/rateWait4PC';
/**
 * The SPA serves its shell for any route under /home.htm/; a review route with extra segments (even a broken
 * percent escape such as /home.htm/%E0%A4%A/comment-manage/…, seen in the wild) still shows the review list.
 */
const isQianniuReviewPath = (path) => path === QIANNIU_REVIEW_PATH || (path.startsWith('/home.htm/') && path.endsWith('/comment-manage/list/rateWait4PC'));
export const SOLD_PATH = '/home.htm/trade-platform/tp/sold';
export const TMALL_HOST = 'seller-rate.tmall.com';

/** Hosts with pages or APIs (image hosts are served too, by isImageHost). */
export const SERVED_HOSTS = [...QIANNIU_HOSTS, MTOP_HOST, LEGACY_HOST, TMALL_HOST];

/**
 * @typedef {{ passThrough?: boolean, status?: number, contentType?: string, body?: string|Buffer, headers?: Record<string,string>,
 *             delayMs?: number, unexpected?: string }} Answer
 * `unexpected` marks an answer to a request no simulated page would make (still answered, but recorded).
 * `passThrough` lets a non-network request (chrome-extension:, data:) continue untouched.
 */

const htmlAnswer = (body) => ({ status: 200, contentType: 'text/html; charset=utf-8', body });
const jsonAnswer = (value, headers = {}) => ({ status: 200, contentType: 'application/json;charset=UTF-8', body: JSON.stringify(value), headers });
const notFound = (why) => ({ status: 404, contentType: 'text/plain', body: 'not found', unexpected: why });

/**
 * @param {{ method: string, url: URL, headers: Record<string,string>, body: string|null }} req
 * @param {object} state data (from buildConsoleData) and live options
 * @returns {Answer|null}
 */
export function answer(req, state) {
  const { url, method } = req;
  // The extension's own files (chrome-extension://) come from disk, not the network: let them through.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { passThrough: true };
  if (isImageHost(url.hostname)) return { status: 200, ...placeholderImage(url.href) };
  if (url.pathname === '/favicon.ico' && SERVED_HOSTS.includes(url.hostname)) return { status: 200, contentType: 'image/gif', body: FAVICON };

  if (QIANNIU_HOSTS.includes(url.hostname)) {
    if (isQianniuReviewPath(url.pathname) && method === 'GET')
      return htmlAnswer(qianniuReviewPage({ layout: state.qianniuLayout, upgradeDialog: state.upgradeDialog, maxPageSize: state.qianniuMaxPageSize }));
    if (url.pathname === SOLD_PATH && method === 'GET') return htmlAnswer(soldPage({ now: state.data.now, seed: state.data.seed }));
    return notFound('unknown console path');
  }

  if (url.hostname === MTOP_HOST) {
    if (url.pathname !== MTOP_PATH || url.searchParams.get('api') !== MTOP_API) return notFound('unknown mtop api');
    const origin = req.headers.origin;
    const allowed = QIANNIU_HOSTS.some((h) => origin === `https://${h}`);
    const cors = allowed ? corsHeaders(origin, req.headers['access-control-request-headers']) : {};
    if (method === 'OPTIONS') return { status: 204, headers: cors, body: '', unexpected: allowed ? undefined : 'preflight from a foreign origin' };
    if (method !== 'POST') return notFound('mtop called without POST');
    const parsed = parseListRequest(req.body);
    return {
      ...jsonAnswer(listResponse(state.data.qianniu.items, parsed, state.qianniuApiRet), cors),
      delayMs: state.apiDelayMs,
      unexpected: allowed ? undefined : `mtop called from origin ${origin ?? '(none)'}`,
    };
  }

  if (url.hostname === LEGACY_HOST) {
    const pages = state.data.legacy.pages;
    if (url.pathname === '/myRate.htm') return htmlAnswer(legacyListPage({ pages, pageNo: 1, now: state.data.now }));
    const list = parseLegacyListPath(url.pathname);
    if (list) {
      const pageNo = Math.max(1, Number(list.params.currentPage) || 1);
      return htmlAnswer(legacyListPage({ pages, pageNo, now: state.data.now }));
    }
    return notFound('unknown legacy path');
  }

  if (url.hostname === TMALL_HOST) {
    if (url.pathname === '/evaluation/allRate.htm') return htmlAnswer(tmallRatePage());
    if (url.pathname === '/evaluation/GetEvaluations.do') {
      const pageNum = Math.max(1, Number(url.searchParams.get('pageNum')) || 1);
      return { ...jsonAnswer(evaluationsResponse(state.data.tmall.pages, pageNum)), delayMs: state.apiDelayMs };
    }
    return notFound('unknown tmall path');
  }
  return null;
}

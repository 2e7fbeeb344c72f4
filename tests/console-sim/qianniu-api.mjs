// The mtop endpoint behind the Qianniu review list: POST h5api.m.taobao.com/h5/mtop.rm.sellercenter.list.data.pc/1.0/
//
// Encodes (CONSOLE.md §1, high confidence): api name and version, query parameters (jsv, appKey=12574478, t, sign,
// api, v, type=originaljson, dataType=json), form body data={"jsonBody":"{…pageType…pagination…}"}, envelope
// {api, v, ret:["SUCCESS::调用成功"], data:{data:{dataSource:[…]}}}, a ret not starting with SUCCESS is an error.
// Guesses: where the total count lives (data.data.pagination.total and data.data.total here); the error text
// for a malformed request; that the real gateway checks `sign` (we accept anything); CORS headers (the page origin
// differs from the API host, so a credentialed request needs them echoed back). Note: while a route is set,
// Playwright answers CORS preflights itself, so the OPTIONS branch in routes.mjs is rarely reached.
import { QIANNIU_PAGE_SIZE } from './qianniu-data.mjs';

export const MTOP_API = 'mtop.rm.sellercenter.list.data.pc';
export const MTOP_HOST = 'h5api.m.taobao.com';
export const MTOP_PATH = `/h5/${MTOP_API}/1.0/`;

/**
 * Reads the page number asked for from the form body.
 * @param {string} body raw request body (application/x-www-form-urlencoded)
 * @returns {{ current: number, pageSize: number, jsonBody: object } | null}
 */
export function parseListRequest(body) {
  try {
    const data = JSON.parse(new URLSearchParams(body ?? '').get('data') ?? '');
    const jsonBody = typeof data.jsonBody === 'string' ? JSON.parse(data.jsonBody) : data.jsonBody;
    if (!jsonBody || jsonBody.pageType !== 'rateWait4PC') return null;
    const current = Math.max(1, Number(jsonBody.pagination?.current) || 1);
    const pageSize = Math.max(1, Number(jsonBody.pagination?.pageSize) || QIANNIU_PAGE_SIZE);
    return { current, pageSize, jsonBody };
  } catch {
    return null;
  }
}

/**
 * @param {object[]} allItems every dataSource item, newest first
 * @param {{ current: number, pageSize: number } | null} request
 * @param {string} [ret] force a non-success ret (session expiry and the like)
 */
export function listResponse(allItems, request, ret) {
  const envelope = { api: MTOP_API, v: '1.0' };
  if (ret && !ret.startsWith('SUCCESS')) return { ...envelope, ret: [ret], data: {} };
  if (!request) return { ...envelope, ret: ['FAIL_SYS_PARAMPARSE_ERROR::参数解析错误'], data: {} };
  const { current, pageSize } = request;
  const dataSource = allItems.slice((current - 1) * pageSize, current * pageSize);
  const pagination = { current, pageSize, total: allItems.length };
  return { ...envelope, ret: ['SUCCESS::调用成功'], data: { data: { dataSource, pagination, total: allItems.length } } };
}

/** Headers a credentialed cross-origin XHR/fetch from the console page needs. */
export function corsHeaders(origin, requestHeaders) {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': requestHeaders || 'content-type',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

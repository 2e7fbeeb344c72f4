// Server-rendered pages of the legacy rate.taobao.com 评价管理 (each page a full load).
//
// Encodes (CONSOLE.md §2, medium-high confidence): entry myRate.htm; list URLs
// /user-myrate-<code>--banner|1--receivedOrPosted|0--buyerOrSeller|0--currentPage|N.htm#rateList;
// table#J_RateList > tbody > tr.J_RateItem[data-id]; rating td:nth-child(1) i[title] (好评/中评/差评); content
// td:nth-child(2) p.comment (two with a follow-up); p.date "[YYYY-MM-DD HH:mm:ss]"; photos ul.photos li a[href];
// buyer td:nth-child(3) a; item td:nth-child(4) a to a trade snapshot; summary table.tb-rate-table with
// td.rateok/.ratenormal/.ratebad; seller reply p.reply-text "[掌柜回复]" (itself a guess in CONSOLE.md).
// Guesses: page chrome, pager markup, that myRate.htm shows the same list as page 1, the summary numbers, the
// follow-up label, UTF-8 (the real site historically served GBK). Chromium sends the `|` of these URLs as %7C.
import { html, raw } from './html.mjs';
import { beijingDateTime, DAY } from './time.mjs';

export const LEGACY_HOST = 'rate.taobao.com';
export const LEGACY_USER_CODE = 'UvGxWMmIuvFgT';

/** The list page URL exactly as a seller's bookmark would spell it (Chromium will send `|` as %7C). */
export function legacyListUrl(pageNo) {
  return `https://${LEGACY_HOST}/user-myrate-${LEGACY_USER_CODE}--banner|1--receivedOrPosted|0--buyerOrSeller|0--currentPage|${pageNo}.htm#rateList`;
}

/**
 * Parses a legacy list path, encoded or not. Returns null for anything else.
 * @param {string} pathname
 * @returns {{ code: string, params: Record<string, string> } | null}
 */
export function parseLegacyListPath(pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const m = /^\/user-myrate-([A-Za-z0-9]+)((?:--[A-Za-z]+\|-?\d+)*)\.htm$/.exec(path);
  if (!m) return null;
  const params = {};
  for (const part of m[2].split('--').filter(Boolean)) {
    const [k, v] = part.split('|');
    params[k] = v;
  }
  return { code: m[1], params };
}

const RATING_ICON = { good: ['好评', 'rate-good'], normal: ['中评', 'rate-normal'], bad: ['差评', 'rate-bad'] };

const STYLE = raw(`
  body { margin: 0; font: 12px/1.6 Tahoma, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #333; background: #fff; }
  .site-nav { background: #f5f5f5; border-bottom: 1px solid #eee; padding: 4px 24px; color: #666; }
  .header { display: flex; align-items: center; gap: 16px; padding: 14px 24px; border-bottom: 2px solid #f40; }
  .header .logo { color: #f40; font-size: 22px; font-weight: bold; }
  .wrap { width: 960px; margin: 16px auto; }
  h3 { font-size: 14px; margin: 16px 0 8px; }
  .tb-rate-table { border-collapse: collapse; width: 520px; }
  .tb-rate-table th, .tb-rate-table td { border: 1px solid #e5e5e5; padding: 4px 10px; text-align: center; }
  .rateok { color: #f40; } .ratenormal { color: #555; } .ratebad { color: #888; }
  .tabs { list-style: none; padding: 0; margin: 20px 0 0; display: flex; border-bottom: 2px solid #f40; }
  .tabs li { padding: 6px 18px; border: 1px solid #e5e5e5; border-bottom: none; margin-right: 4px; background: #fafafa; }
  .tabs li.selected { background: #f40; color: #fff; }
  .tabs a { color: inherit; text-decoration: none; }
  #J_RateList { width: 100%; border-collapse: collapse; }
  #J_RateList th { background: #f7f7f7; text-align: left; padding: 6px 8px; font-weight: normal; color: #666; }
  #J_RateList td { border-bottom: 1px dotted #ddd; padding: 10px 8px; vertical-align: top; }
  #J_RateList td:nth-child(1) { width: 50px; } #J_RateList td:nth-child(3) { width: 110px; } #J_RateList td:nth-child(4) { width: 220px; }
  i.rate-icon { display: inline-block; width: 16px; height: 16px; border-radius: 50%; }
  .rate-good { background: #f40; } .rate-normal { background: #f7b500; } .rate-bad { background: #555; }
  p { margin: 0 0 4px; } .date { color: #999; } .append-title { color: #f40; margin-top: 6px; } .reply-text { color: #c60; }
  ul.photos { list-style: none; padding: 0; margin: 4px 0; display: flex; gap: 4px; }
  ul.photos img { width: 40px; height: 40px; border: 1px solid #eee; }
  .pagination { text-align: right; margin: 14px 0; } .pagination a, .pagination span { margin-left: 6px; padding: 2px 8px; border: 1px solid #ddd; }
  .pagination .page-cur { border-color: #f40; color: #f40; } .pagination .disabled { color: #bbb; }
  a { color: #36c; }
`);

function summary(pages, now) {
  const rows = pages.flat();
  const buckets = [7, 30, 180].map((days) => rows.filter((r) => now - r.date <= days * DAY));
  // Older history is invented; it only has to look plausible next to the recent counts.
  const before = { good: 4213, normal: 37, bad: 12 };
  const cell = (rating, cls) => {
    const counts = buckets.map((b) => b.filter((r) => r.rating === rating).length);
    const total = rows.filter((r) => r.rating === rating).length + before[rating];
    return html`${[...counts, before[rating], total].map((n) => html`<td class="${cls}">${n}</td>`)}`;
  };
  return html`
<table class="tb-rate-table">
  <thead><tr><th></th><th>最近1周</th><th>最近1个月</th><th>最近6个月</th><th>6个月前</th><th>总计</th></tr></thead>
  <tbody>
    <tr><td class="rate-tit">好评</td>${cell('good', 'rateok')}</tr>
    <tr><td class="rate-tit">中评</td>${cell('normal', 'ratenormal')}</tr>
    <tr><td class="rate-tit">差评</td>${cell('bad', 'ratebad')}</tr>
  </tbody>
</table>`;
}

function rateRow(row) {
  const [title, cls] = RATING_ICON[row.rating];
  return html`
    <tr class="J_RateItem" data-id="${row.id}">
      <td class="rate"><i class="rate-icon ${cls}" title="${title}"></i></td>
      <td class="rate-content">
        <p class="comment">${row.text}</p>
        <p class="date">[${beijingDateTime(row.date, true)}]</p>
        ${row.photos.length
          ? html`<ul class="photos">${row.photos.map((src) => html`<li><a href="${src}" target="_blank"><img src="${src}_40x40.jpg" alt=""></a></li>`)}</ul>`
          : ''}
        ${row.followUp
          ? html`<p class="append-title">[追加评论] 收货后${row.followUp.days}天</p><p class="comment">${row.followUp.text}</p><p class="date">[${beijingDateTime(row.followUp.date, true)}]</p>`
          : ''}
        ${row.reply ? html`<p class="reply-text">${row.reply}</p>` : ''}
      </td>
      <td class="rate-user"><a href="${row.buyerLink}" target="_blank">${row.nick}</a></td>
      <td class="rate-item"><a href="//buyertrade.taobao.com/trade/detail/tradeSnap.htm?tradeID=${row.orderId}" target="_blank">${row.item.title}</a><br><span class="price">${row.item.price}元</span></td>
    </tr>`;
}

function pager(pageNo, pageCount) {
  const link = (n, label, cls = '') => html`<a class="${cls}" href="${legacyListUrl(n)}">${label}</a>`;
  return html`
<div class="pagination">
  ${pageNo > 1 ? link(pageNo - 1, '上一页', 'page-prev') : html`<span class="page-prev disabled">上一页</span>`}
  ${Array.from({ length: pageCount }, (_, i) => (i + 1 === pageNo ? html`<span class="page-cur">${i + 1}</span>` : link(i + 1, String(i + 1))))}
  ${pageNo < pageCount ? link(pageNo + 1, '下一页', 'page-next') : html`<span class="page-next disabled">下一页</span>`}
</div>`;
}

/**
 * @param {{ pages: import('./legacy-data.mjs').LegacyRow[][], pageNo: number, now: number }} args
 * @returns {string}
 */
export function legacyListPage({ pages, pageNo, now }) {
  const rows = pages[pageNo - 1] ?? [];
  return html`<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>评价管理 - 我的淘宝</title><style>${STYLE}</style></head>
<body>
<div class="site-nav">亲，欢迎来淘宝！ 小店掌柜 ｜ 我的淘宝 ｜ 卖家中心 ｜ 联系客服</div>
<div class="header"><span class="logo">淘宝网</span><span>我的淘宝 &gt; 评价管理</span></div>
<div class="wrap">
  <h3>卖家信用：4260 <small>好评率：99.70%</small></h3>
  ${summary(pages, now)}
  <ul class="tabs"><li class="selected"><a href="${legacyListUrl(1)}">来自买家的评价</a></li><li><a href="#">来自卖家的评价</a></li><li><a href="#">给他人的评价</a></li></ul>
  <a name="rateList" id="rateList"></a>
  <table id="J_RateList">
    <thead><tr><th>评价</th><th>评论</th><th>评价人</th><th>宝贝信息</th></tr></thead>
    <tbody>${rows.map(rateRow)}</tbody>
  </table>
  ${pager(pageNo, pages.length)}
</div>
</body>
</html>`.toString();
}

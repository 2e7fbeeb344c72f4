// Tmall seller ratings page: seller-rate.tmall.com/evaluation/allRate.htm.
//
// Encodes (CONSOLE.md §3): the page URL, that the list comes from GetEvaluations.do with pageNum, type=all,
// feedType=mainFeed, orderType=gmtCreate,desc, filterConditions=all.
// Guesses (no DOM of this page is public): one table row per evaluation, content in .eval-content, the product as
// 商品ID：<id>, 订单号：<digits>, SKU, time, in-page paging without a URL change, the page chrome. The evaluationId
// is deliberately absent from the DOM, so a badge has to be matched through the JSON. Rows are built in the page
// by client/tmall-app.js.
import { readFileSync } from 'node:fs';
import { html, raw, inlineScript } from './html.mjs';

const CLIENT = readFileSync(new URL('./client/tmall-app.js', import.meta.url), 'utf8');

const STYLE = raw(`
  body { margin: 0; font: 12px/1.6 "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #333; background: #f5f5f5; }
  .tm-header { background: #c40000; color: #fff; padding: 12px 24px; display: flex; gap: 16px; align-items: baseline; }
  .tm-header b { font-size: 18px; }
  .tm-main { width: 1000px; margin: 16px auto; background: #fff; padding: 16px 20px; }
  .tm-tabs { display: flex; gap: 18px; border-bottom: 1px solid #eee; margin-bottom: 12px; }
  .tm-tabs span { padding: 6px 0; } .tm-tabs .on { color: #c40000; border-bottom: 2px solid #c40000; }
  .rate-list { width: 100%; border-collapse: collapse; }
  .rate-list.loading { opacity: .5; }
  .rate-list th { background: #fafafa; text-align: left; font-weight: normal; color: #777; padding: 6px 8px; }
  .rate-list td { border-bottom: 1px solid #f0f0f0; padding: 10px 8px; vertical-align: top; }
  .col-content { width: 44%; } .col-item { width: 22%; } .col-order { width: 170px; } .col-time { width: 90px; } .col-op { width: 44px; white-space: nowrap; } .col-order, .col-time, .sku { color: #888; }
  .eval-pics img { width: 48px; height: 48px; margin: 4px 4px 0 0; background: #eee; }
  .rate-pager { text-align: right; margin-top: 12px; }
  .rate-pager a { display: inline-block; margin-left: 6px; padding: 2px 9px; border: 1px solid #ddd; color: #333; text-decoration: none; }
  .rate-pager a.current { border-color: #c40000; color: #c40000; } .rate-pager a.disabled { color: #bbb; }
  a { color: #36c; }
`);

export function tmallRatePage() {
  return html`<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>评价管理 - 天猫商家中心</title><style>${STYLE}</style></head>
<body>
<div class="tm-header"><b>天猫商家中心</b><span>评价管理</span></div>
<div class="tm-main">
  <div class="tm-tabs"><span class="on">全部评价</span><span>待解释</span><span>有图</span><span>有追评</span></div>
  <table class="rate-list">
    <thead><tr><th>评价内容</th><th>宝贝 / SKU</th><th>订单</th><th>评价时间</th><th>操作</th></tr></thead>
    <tbody></tbody>
  </table>
  <div class="rate-pager"></div>
</div>
${inlineScript(CLIENT)}
</body>
</html>`.toString();
}

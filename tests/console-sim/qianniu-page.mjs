// HTML shell of the Qianniu 来自买家的评价 page (myseller.taobao.com and qn.taobao.com, same path).
//
// Encodes (CONSOLE.md §1, medium confidence): a single-page app filled from the mtop API; Fusion "next" table
// `div.next-table > table[role=table] > tbody.next-table-body > tr.next-table-row`, cells td[data-next-table-col=0..4]
// for 情感分类 | 评价内容 | 商品信息 | 买家信息 | 操作; follow-up in the adjacent tr.next-table-expanded-row; text markers
// 正面/中性/负面评价, 主评ID：, 初次评价：, 订单号：, 追评, 收货后N天, 还有N天可回复 / 已超过回复期限; content in
// `.l-rate-content .rate-content span` (second span), pictures `.l-media-gallery img`; pager .next-pagination-list,
// total 共 N 条, tags .next-tag, filters .next-select-trigger, search placeholder 评价关键词, the
// .upgrade-analysis-dialog pop-up (新版评价管理已上线).
// Guesses: everything about the markup's exact nesting, attributes beyond those above, the label span text (初评：),
// the look, and the dialog's wording. The rows themselves are built in the page by client/qianniu-app.js.
// The 'changed' layout is deliberately unlike anything in CONSOLE.md: cards, no table, no 主评ID/订单号 markers.
import { readFileSync } from 'node:fs';
import { html, inlineScript, scriptJson } from './html.mjs';
import { consoleFrame } from './qianniu-chrome.mjs';

const CLIENT = readFileSync(new URL('./client/qianniu-app.js', import.meta.url), 'utf8');

const COLUMNS = ['情感分类', '评价内容', '商品信息', '买家信息', '操作'];
const COLUMN_WIDTHS = ['96px', '', '22%', '120px', '140px'];

function tableBody() {
  return html`
<div class="qn-card">
  <h2>评价管理</h2>
  <div class="next-tabs"><span class="active">来自买家的评价</span><span>给他人的评价</span><span>评价数据</span></div>
  <div class="filter-bar">
    <span class="next-select-trigger">评价时间：近30天</span>
    <span class="next-select-trigger">情感分类：全部</span>
    <span class="next-select-trigger">回复状态：全部</span>
    <input type="text" placeholder="请输入评价关键词/商品ID">
  </div>
  <div class="tag-bar">${['有内容', '有图片', '有视频', '有追评', '已回复', '未回复'].map((t) => html`<span class="next-tag">${t}</span>`)}</div>
  <div class="next-table">
    <table role="table">
      <colgroup>${COLUMN_WIDTHS.map((w) => html`<col style="${w ? `width:${w}` : ''}">`)}</colgroup>
      <thead class="next-table-header"><tr>${COLUMNS.map((c, i) => html`<th data-next-table-col="${i}" class="next-table-header-node">${c}</th>`)}</tr></thead>
      <tbody class="next-table-body"></tbody>
    </table>
  </div>
  <div class="next-pagination">
    <div class="next-pagination-pages">
      <button type="button" class="next-btn next-pagination-item next-prev">上一页</button>
      <div class="next-pagination-list"></div>
      <button type="button" class="next-btn next-pagination-item next-next">下一页</button>
    </div>
    <span class="next-pagination-total"></span>
  </div>
</div>`;
}

const CARD_STYLE = `
  .rv-app { max-width: 860px; }
  .rv-stream { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
  .rv-card { background: #fff; border-radius: 10px; padding: 14px 18px; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
  .rv-card-head { display: flex; gap: 10px; align-items: center; color: #777; }
  .rv-mood { display: inline-block; width: 10px; height: 10px; border-radius: 50%; background: #ccc; }
  .rv-mood-up { background: #3bb273; } .rv-mood-flat { background: #f0b400; } .rv-mood-down { background: #e5484d; }
  .rv-words { margin: 8px 0 0; font-size: 13px; }
  .rv-later { color: #555; display: flex; gap: 8px; align-items: center; }
  .rv-goods { margin-top: 8px; color: #999; }
  .rv-more { margin: 14px auto; display: block; }
`;

function cardsBody() {
  return html`
<div class="rv-app">
  <h2 class="rv-title">买家反馈</h2>
  <ul class="rv-stream"></ul>
  <button type="button" class="rv-more next-btn-primary" hidden>加载更多</button>
</div>`;
}

function upgradeDialog() {
  return html`
<div class="next-overlay-wrapper">
  <div class="next-dialog upgrade-analysis-dialog" role="dialog">
    <h3>新版评价管理已上线</h3>
    <p>评价分析升级为新版，可按情感分类查看买家反馈。</p>
    <button type="button" class="next-btn-primary" data-dialog-close>我知道了</button>
  </div>
</div>`;
}

/**
 * @param {{ layout: 'table'|'changed', upgradeDialog?: boolean, maxPageSize?: number }} options
 * @returns {string}
 */
export function qianniuReviewPage({ layout, upgradeDialog: withDialog = false, maxPageSize = 1000 }) {
  const changed = layout === 'changed';
  const body = html`${changed ? cardsBody() : tableBody()}${withDialog && !changed ? upgradeDialog() : ''}${inlineScript(
    // A block keeps SIM out of the page's global scope.
    `{\nconst SIM = ${scriptJson({ layout: changed ? 'changed' : 'table', maxPageSize })};\n${CLIENT}\n}`,
  )}`;
  return consoleFrame({ title: changed ? '千牛卖家工作台 - 买家反馈' : '千牛卖家工作台 - 评价管理', active: 'rate', body, extraStyle: changed ? CARD_STYLE : '' });
}


// 已卖出的宝贝 (myseller.taobao.com/home.htm/trade-platform/tp/sold): a console page that is NOT a review list.
//
// Encodes (CONSOLE.md): only that it lives on the same host as the review page and uses the same Fusion "next"
// components. Everything else is a guess, built as a trap: the same table classes, 订单号：<digits> text, and
// words such as 负面评价 / 差评 / 中评 in filters and remarks. ReviewDesk must place no badge here.
import { html } from './html.mjs';
import { consoleFrame } from './qianniu-chrome.mjs';
import { CATALOGUE } from './sample.mjs';
import { seededRandom, digits } from './random.mjs';
import { beijingDateTime, HOUR } from './time.mjs';

const STATES = ['等待买家付款', '买家已付款', '卖家已发货', '交易成功', '交易成功', '交易关闭'];
const RATE_STATES = ['', '', '', '买家已评 正面评价', '买家已评 中性评价 · 中评', '买家已评 负面评价 · 差评'];
const REMARKS = ['', '买家留言：尽快发货', '', '买家留言：东西不好就给差评', '', '备注：上次中评已回访'];

/** @param {{ now: number, seed: number }} options */
export function soldPage({ now, seed }) {
  const rand = seededRandom(seed ^ 0x501d);
  const items = Object.values(CATALOGUE);
  const orders = Array.from({ length: 12 }, (_, i) => ({
    orderId: digits(rand, 19, '3'),
    item: items[i % items.length],
    state: STATES[i % STATES.length],
    rate: RATE_STATES[i % RATE_STATES.length],
    remark: REMARKS[i % REMARKS.length],
    time: beijingDateTime(now - (i * 7 + 1) * HOUR, true),
    buyer: `${'tkmwq'[i % 5]}**${i % 7}`,
  }));
  const body = html`
<div class="qn-card">
  <h2>已卖出的宝贝</h2>
  <div class="filter-bar">
    <span class="next-select-trigger">交易状态：全部</span>
    <span class="next-select-trigger">评价状态：全部 / 好评 / 中评 / 差评</span>
    <input type="text" placeholder="请输入订单号/宝贝名称">
  </div>
  <div class="tag-bar"><span class="next-tag">近三个月订单</span><span class="next-tag">负面评价 2 条待处理</span><span class="next-tag">差评率 0.4%</span></div>
  <div class="next-table">
    <table role="table">
      <thead class="next-table-header"><tr>${['宝贝', '单价', '买家', '交易状态', '评价'].map((c, i) => html`<th data-next-table-col="${i}">${c}</th>`)}</tr></thead>
      <tbody class="next-table-body">${orders.map(
        (o) => html`
        <tr class="next-table-row">
          <td data-next-table-col="0"><div class="next-table-cell-wrapper"><a class="item-title" href="https://item.taobao.com/item.htm?id=${o.item.itemId}">${o.item.title}</a><div class="order-id">订单号：${o.orderId}</div><div class="rate-meta">创建时间：${o.time}</div></div></td>
          <td data-next-table-col="1"><div class="next-table-cell-wrapper">￥${o.item.price}</div></td>
          <td data-next-table-col="2"><div class="next-table-cell-wrapper">${o.buyer}</div></td>
          <td data-next-table-col="3"><div class="next-table-cell-wrapper">${o.state}<div class="rate-meta">${o.remark}</div></div></td>
          <td data-next-table-col="4"><div class="next-table-cell-wrapper">${o.rate}</div></td>
        </tr>`,
      )}</tbody>
    </table>
  </div>
  <div class="next-pagination"><div class="next-pagination-list"><button type="button" class="next-btn next-pagination-item next-current">1</button></div><span class="next-pagination-total">共 12 条</span></div>
</div>`;
  return consoleFrame({ title: '千牛卖家工作台 - 已卖出的宝贝', active: 'sold', body });
}

// Runs inside the simulated Tmall allRate.htm page (inlined by tmall-page.mjs). Loads GetEvaluations.do with
// XHR (the old console was jQuery-era) and rebuilds the table on paging, without a page load or URL change.
// Text is set as text only.
(() => {
  'use strict';
  const ENDPOINT = '/evaluation/GetEvaluations.do';
  let seq = 0;

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, String(v));
    }
    for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
    return el;
  }

  const pad = (n) => String(n).padStart(2, '0');
  function beijing(ms) {
    const d = new Date(Number(ms) + 8 * 3600000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }

  function get(pageNum) {
    const url = `${ENDPOINT}?pageNum=${pageNum}&type=all&feedType=mainFeed&orderType=gmtCreate,desc&filterConditions=all`;
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', url);
      xhr.setRequestHeader('x-requested-with', 'XMLHttpRequest');
      xhr.onload = () => {
        try {
          resolve(JSON.parse(xhr.responseText));
        } catch (e) {
          reject(e);
        }
      };
      xhr.onerror = () => reject(new Error('network error'));
      xhr.send();
    });
  }

  function rowsOf(order) {
    return (order.evaluationList || []).map((ev) =>
      h('tr', { class: 'rate-row' },
        h('td', { class: 'col-content' },
          h('div', { class: 'eval-content' }, ev.evaluationContent || ''),
          Array.isArray(ev.evaluationPics) && ev.evaluationPics.length
            ? h('div', { class: 'eval-pics' }, ev.evaluationPics.map((src) => h('img', { src: `https:${src}_60x60.jpg`, alt: '' })))
            : null),
        h('td', { class: 'col-item' },
          h('a', { href: `https://detail.tmall.com/item.htm?id=${order.productId}`, target: '_blank', rel: 'noreferrer' }, `商品ID：${order.productId}`),
          h('div', { class: 'sku' }, ev.skuInfo || '')),
        h('td', { class: 'col-order' }, `订单号：${order.buyerOrder}`),
        h('td', { class: 'col-time' }, beijing(ev.evaluationTime)),
        h('td', { class: 'col-op' }, h('a', { href: 'javascript:;' }, '解释'))));
  }

  async function show(pageNum) {
    const mine = ++seq;
    document.querySelector('.rate-list').classList.add('loading');
    let json = null;
    try {
      json = await get(pageNum);
    } catch {
      json = null;
    }
    if (mine !== seq) return;
    document.querySelector('.rate-list').classList.remove('loading');
    const orders = json?.data?.orderList ?? [];
    const tbody = document.querySelector('.rate-list tbody');
    tbody.replaceChildren(...(json ? orders.flatMap(rowsOf) : [h('tr', null, h('td', { colspan: '5' }, '加载失败，请稍后再试'))]));
    const pageCount = Number(json?.data?.pageCount) || 1;
    const pager = document.querySelector('.rate-pager');
    const btn = (label, n, cls) =>
      h('a', { href: 'javascript:;', class: cls, onclick: n >= 1 && n <= pageCount && n !== pageNum ? () => show(n) : null }, label);
    pager.replaceChildren(
      btn('上一页', pageNum - 1, pageNum > 1 ? 'page-prev' : 'page-prev disabled'),
      ...Array.from({ length: pageCount }, (_, i) => btn(String(i + 1), i + 1, i + 1 === pageNum ? 'page-num current' : 'page-num')),
      btn('下一页', pageNum + 1, pageNum < pageCount ? 'page-next' : 'page-next disabled'));
  }

  show(1);
})();

// Runs inside the simulated Qianniu review page (inlined by qianniu-page.mjs, which defines SIM before it).
// Behaves like the real single-page app as far as CONSOLE.md knows it: data from the mtop API (XHR for the first
// load, fetch for later pages, as a page may use either), rows rebuilt on paging without a page load,
// history.pushState on paging and re-render on popstate. Text is always set as text, never parsed as HTML,
// as a React app would do.
/* global SIM */
(() => {
  'use strict';
  const API = 'https://h5api.m.taobao.com/h5/mtop.rm.sellercenter.list.data.pc/1.0/';
  // The page size comes from the URL as on the real console (pageSize=20 by default), up to SIM.maxPageSize
  // (1,000 unless a benchmark asks for more).
  const PAGE_SIZE = Math.min(SIM.maxPageSize || 1000, Math.max(1, Number(new URLSearchParams(location.search).get('pageSize')) || 20));
  const DAY = 86400000;
  let seq = 0;
  let shownPage = 0;

  /** Tiny element builder: strings become text nodes, so nothing from the data is parsed as markup. */
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
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  }

  // Shaped like an mtop signature; the simulator does not check it.
  function fakeSign(t) {
    let x = 2166136261;
    let out = '';
    for (let round = 0; round < 4; round++) {
      for (const ch of t + round) x = Math.imul(x ^ ch.charCodeAt(0), 16777619) >>> 0;
      out += x.toString(16).padStart(8, '0');
    }
    return out;
  }

  function apiUrl() {
    const t = String(Date.now());
    const query = new URLSearchParams({
      jsv: '2.7.2', appKey: '12574478', t, sign: fakeSign(t), api: 'mtop.rm.sellercenter.list.data.pc',
      v: '1.0', type: 'originaljson', dataType: 'json',
    });
    return `${API}?${query}`;
  }

  function formBody(current) {
    const jsonBody = JSON.stringify({ pageType: 'rateWait4PC', pagination: { current, pageSize: PAGE_SIZE } });
    return 'data=' + encodeURIComponent(JSON.stringify({ jsonBody }));
  }

  function viaXhr(current) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', apiUrl());
      xhr.withCredentials = true;
      xhr.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
      xhr.onload = () => {
        try {
          resolve(JSON.parse(xhr.responseText));
        } catch (e) {
          reject(e);
        }
      };
      xhr.onerror = () => reject(new Error('network error'));
      xhr.send(formBody(current));
    });
  }

  async function viaFetch(current) {
    const res = await fetch(apiUrl(), {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody(current),
    });
    return res.json();
  }

  function pageFromUrl() {
    return Math.max(1, Number(new URLSearchParams(location.search).get('current')) || 1);
  }

  async function load(current, transport) {
    const mySeq = ++seq;
    const root = document.querySelector('.next-table, .rv-app');
    root?.classList.add('next-table-loading');
    let json;
    try {
      json = await (transport === 'xhr' ? viaXhr(current) : viaFetch(current));
    } catch {
      json = null;
    }
    if (mySeq !== seq) return; // a newer page was asked for meanwhile
    root?.classList.remove('next-table-loading');
    const ok = json && Array.isArray(json.ret) && String(json.ret[0]).startsWith('SUCCESS');
    const list = ok ? json.data?.data?.dataSource ?? [] : [];
    const total = ok ? Number(json.data?.data?.pagination?.total ?? json.data?.data?.total ?? list.length) : 0;
    shownPage = current;
    if (SIM.layout === 'changed') renderCards(list, current, total, ok);
    else renderTable(list, current, total, ok);
  }

  function goTo(n) {
    if (n === shownPage || n < 1) return;
    history.pushState({ current: n }, '', `${location.pathname}?current=${n}&pageSize=${PAGE_SIZE}`);
    load(n, 'fetch');
  }

  // ---- the Fusion "next" table layout --------------------------------------------------------------------

  function emotion(status) {
    const s = Number(status);
    const [text, tone] =
      s === 11 ? ['正面评价', 'positive'] : s === 12 ? ['中性评价', 'neutral'] : s === 13 ? ['负面评价', 'negative'] : ['情感识别中', 'pending'];
    return h('span', { class: `next-tag next-tag-medium emotion-tag emotion-${tone}` }, h('span', { class: 'next-tag-body' }, text));
  }

  function gallery(mediaList) {
    if (!Array.isArray(mediaList) || mediaList.length === 0) return null;
    return h('div', { class: 'l-media-gallery' },
      mediaList.map((m) => h('img', { src: m.thumbnail ? `https:${String(m.thumbnail).replace(/^https?:/, '')}` : null, alt: '' })));
  }

  function replyWindow(date) {
    const left = 30 - Math.floor((Date.now() - Number(date)) / DAY);
    return left > 0 ? `还有${left}天可回复` : '已超过回复期限';
  }

  function rowsFor(item, index, count) {
    const main = item.rateContent?.mainRate ?? {};
    const append = item.rateContent?.appendRate;
    const hasAppend = Boolean(append && (append.content || append.feedId));
    const info = item.itemInfo ?? {};
    const orderId = item.orderInfo?.orderId ?? info.orderId ?? '';
    const open = 30 - Math.floor((Date.now() - Number(main.date)) / DAY) > 0;
    const cls = ['next-table-row', index === 0 && 'first', index === count - 1 && 'last', hasAppend && 'expanded'];
    const cell = (col, ...children) =>
      h('td', { 'data-next-table-col': col, class: 'next-table-cell' }, h('div', { class: 'next-table-cell-wrapper' }, ...children));

    const row = h('tr', { class: cls.filter(Boolean).join(' '), role: 'row' },
      cell(0, emotion(item.emotionType?.status)),
      cell(1,
        h('div', { class: 'l-rate-content' },
          h('div', { class: 'rate-content' }, h('span', { class: 'rate-label' }, '初评：'), h('span', null, main.content ?? '')),
          gallery(main.mediaList)),
        h('div', { class: 'rate-meta' },
          h('span', { class: 'rate-feed-id' }, `主评ID：${main.feedId ?? ''}`),
          h('span', { class: 'rate-date' }, `初次评价：${beijing(main.date)}`))),
      cell(2,
        h('div', { class: 'item-info' },
          info.link ? h('a', { class: 'item-title', href: `https:${info.link}`, target: '_blank', rel: 'noreferrer' }, info.title ?? '')
            : h('span', { class: 'item-title' }, info.title ?? ''),
          h('div', { class: 'order-id' }, `订单号：${orderId}`))),
      cell(3,
        h('div', { class: 'buyer-info' },
          item.userInfo?.userStar ? h('img', { class: 'user-star', src: item.userInfo.userStar, alt: '' }) : null,
          h('span', { class: 'user-name' }, item.userInfo?.userName ?? ''))),
      cell(4,
        h('div', { class: open ? 'reply-window' : 'reply-window expired' }, replyWindow(main.date)),
        h('div', { class: 'actions' },
          open ? h('a', { class: 'action-link', href: 'javascript:;' }, '评价回复') : null,
          h('a', { class: 'action-link', href: 'javascript:;' }, '投诉评价'))));
    if (!hasAppend) return [row];

    const extra = h('tr', { class: 'next-table-expanded-row' },
      h('td', { colspan: '5' },
        h('div', { class: 'next-table-expanded-area append-rate' },
          emotion(item.emotionType?.appendRateStatus),
          h('div', { class: 'l-rate-content' },
            h('div', { class: 'rate-content' }, h('span', { class: 'rate-label' }, '追评：'), h('span', null, append.content ?? '')),
            gallery(append.mediaList)),
          h('span', { class: 'append-days' }, `收货后${append.days ?? '?'}天`),
          open ? h('a', { class: 'action-link', href: 'javascript:;' }, '追评回复') : null)));
    return [row, extra];
  }

  function renderTable(list, current, total, ok) {
    const tbody = document.querySelector('tbody.next-table-body');
    const rows = ok
      ? list.flatMap((item, i) => rowsFor(item, i, list.length))
      : [h('tr', { class: 'next-table-row' }, h('td', { colspan: '5' }, h('div', { class: 'next-table-empty' }, '数据加载失败，请刷新重试')))];
    tbody.replaceChildren(...rows);

    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const button = (label, n, extraClass) =>
      h('button', { type: 'button', class: `next-btn next-pagination-item ${extraClass || ''}`.trim(), disabled: n < 1 || n > pages ? '' : null, onclick: () => goTo(n) }, label);
    document.querySelector('.next-pagination-list').replaceChildren(
      ...Array.from({ length: pages }, (_, i) => button(String(i + 1), i + 1, i + 1 === current ? 'next-current' : '')));
    document.querySelector('.next-prev').replaceWith(button('上一页', current - 1, 'next-prev'));
    document.querySelector('.next-next').replaceWith(button('下一页', current + 1, 'next-next'));
    document.querySelector('.next-pagination-total').textContent = `共 ${total} 条`;
  }

  // ---- the "changed" layout: what a redesign the extension has never seen might look like -------------------

  function renderCards(list, current, total, ok) {
    const stream = document.querySelector('.rv-stream');
    if (current === 1) stream.replaceChildren();
    const mood = (s) => ({ 11: 'up', 12: 'flat', 13: 'down' })[Number(s)] || 'wait';
    for (const item of ok ? list : []) {
      const main = item.rateContent?.mainRate ?? {};
      const append = item.rateContent?.appendRate;
      const d = new Date(Number(main.date) + 8 * 3600000);
      stream.append(
        h('li', { class: 'rv-card' },
          h('div', { class: 'rv-card-head' },
            h('i', { class: `rv-mood rv-mood-${mood(item.emotionType?.status)}`, 'aria-hidden': 'true' }),
            h('b', { class: 'rv-who' }, item.userInfo?.userName ?? ''),
            h('time', { class: 'rv-when' }, `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`)),
          h('p', { class: 'rv-words' }, main.content ?? ''),
          append && append.content ? h('p', { class: 'rv-words rv-later' }, h('i', { class: `rv-mood rv-mood-${mood(item.emotionType?.appendRateStatus)}` }), append.content) : null,
          h('div', { class: 'rv-goods' }, item.itemInfo?.title ?? '')));
    }
    const more = document.querySelector('.rv-more');
    more.hidden = current * PAGE_SIZE >= total;
    more.onclick = () => load(current + 1, 'fetch');
  }

  // The real console pops a notice over the list now and then; closing it just removes it.
  document.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('[data-dialog-close]')) e.target.closest('.next-overlay-wrapper')?.remove();
  });
  window.addEventListener('popstate', () => load(pageFromUrl(), 'fetch'));
  load(SIM.layout === 'changed' ? 1 : pageFromUrl(), 'xhr');
})();

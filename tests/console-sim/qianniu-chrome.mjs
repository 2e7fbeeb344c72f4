// The frame around every simulated myseller.taobao.com page: top bar, left menu and base styles.
// Guess throughout: only the menu path 交易 › 评价管理 and the Fusion "next" class prefix come from CONSOLE.md;
// the look is invented so screenshots read like a seller console.
import { html, raw } from './html.mjs';

const STYLE = raw(`
  * { box-sizing: border-box; }
  body { margin: 0; font: 12px/1.5 "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #111; background: #f2f3f7; }
  .qn-top { height: 48px; display: flex; align-items: center; gap: 16px; padding: 0 20px; background: #fff; border-bottom: 1px solid #e6e7eb; }
  .qn-logo { font-size: 16px; font-weight: 600; color: #ff5000; }
  .qn-shop { margin-left: auto; color: #666; }
  .qn-body { display: flex; min-height: calc(100vh - 48px); }
  .qn-menu { width: 168px; background: #fff; border-right: 1px solid #e6e7eb; padding: 12px 0; }
  .qn-menu h4 { margin: 8px 20px 4px; color: #999; font-weight: normal; }
  .qn-menu a { display: block; padding: 6px 28px; color: #333; text-decoration: none; }
  .qn-menu a.active { color: #ff5000; background: #fff3eb; }
  .qn-main { flex: 1; padding: 16px 20px; min-width: 0; }
  .qn-card { background: #fff; border-radius: 6px; padding: 16px 20px; }
  .qn-card h2 { margin: 0 0 12px; font-size: 16px; }
  .next-tabs { display: flex; gap: 24px; border-bottom: 1px solid #e6e7eb; margin-bottom: 12px; }
  .next-tabs span { padding: 8px 0; cursor: pointer; }
  .next-tabs .active { color: #ff5000; border-bottom: 2px solid #ff5000; }
  .filter-bar { display: flex; gap: 8px; align-items: center; margin-bottom: 10px; }
  .next-select-trigger { border: 1px solid #d9d9d9; border-radius: 4px; padding: 4px 10px; min-width: 110px; color: #555; }
  .filter-bar input { border: 1px solid #d9d9d9; border-radius: 4px; padding: 5px 10px; width: 220px; }
  .tag-bar { display: flex; gap: 8px; margin-bottom: 12px; }
  .next-tag { display: inline-block; border: 1px solid #e0e0e0; border-radius: 3px; padding: 0 8px; line-height: 22px; background: #fafafa; }
  .next-table table { width: 100%; border-collapse: collapse; table-layout: fixed; }
  .next-table th { text-align: left; background: #f7f8fa; color: #666; font-weight: normal; padding: 8px 10px; border-bottom: 1px solid #e6e7eb; }
  .next-table td { padding: 10px; border-bottom: 1px solid #f0f0f0; vertical-align: top; word-break: break-all; }
  .next-table-loading { opacity: .55; }
  .next-table-expanded-row td { background: #fbfbfc; padding-left: 40px; }
  .emotion-tag { border: none; font-weight: 600; background: none; padding: 0; }
  .emotion-positive { color: #1a9c5b; } .emotion-neutral { color: #c78a00; } .emotion-negative { color: #e02020; } .emotion-pending { color: #999; }
  .rate-content span:first-child { color: #999; }
  .rate-meta, .order-id, .append-days, .reply-window { color: #888; margin-top: 4px; }
  .rate-meta span { margin-right: 14px; }
  .reply-window.expired { color: #bbb; }
  .l-media-gallery { display: flex; gap: 6px; margin-top: 6px; }
  .l-media-gallery img { width: 56px; height: 56px; border-radius: 4px; object-fit: cover; background: #eee; }
  .user-star { width: 16px; height: 16px; vertical-align: middle; margin-right: 4px; }
  .item-title { color: #0b63c5; text-decoration: none; }
  .action-link { display: inline-block; margin-right: 10px; color: #0b63c5; text-decoration: none; }
  .append-rate { display: flex; gap: 14px; align-items: baseline; }
  .append-rate .l-rate-content { flex: 1; }
  .append-rate > .emotion-tag, .append-days, .append-rate > .action-link { flex: none; }
  .next-pagination { display: flex; justify-content: flex-end; align-items: center; gap: 12px; margin-top: 14px; }
  .next-pagination-pages, .next-pagination-list { display: flex; gap: 6px; }
  .next-pagination-item { min-width: 30px; height: 28px; border: 1px solid #d9d9d9; border-radius: 4px; background: #fff; cursor: pointer; }
  .next-pagination-item.next-current { border-color: #ff5000; color: #ff5000; }
  .next-pagination-total { color: #666; }
  .next-overlay-wrapper { position: fixed; inset: 0; background: rgba(0,0,0,.35); display: flex; align-items: center; justify-content: center; z-index: 1000; }
  .next-dialog { background: #fff; border-radius: 8px; padding: 24px 28px; width: 420px; }
  .next-dialog h3 { margin: 0 0 8px; font-size: 16px; }
  .next-btn-primary { background: #ff5000; color: #fff; border: none; border-radius: 4px; padding: 6px 18px; cursor: pointer; }
`);

const MENU = [
  ['交易', [['已卖出的宝贝', '/home.htm/trade-platform/tp/sold', 'sold'], ['评价管理', '/home.htm/comment-manage/list/rateWait4PC?current=1&pageSize=20', 'rate']]],
  ['商品', [['发布宝贝', '#', ''], ['出售中的宝贝', '#', '']]],
  ['客服', [['接待中心', '#', '']]],
];

/**
 * @param {{ title: string, active: 'rate'|'sold', body: unknown, extraStyle?: string }} page
 * @returns {string}
 */
export function consoleFrame({ title, active, body, extraStyle = '' }) {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>${STYLE}${raw(extraStyle)}</style>
</head>
<body>
<div class="qn-top"><span class="qn-logo">千牛卖家工作台</span><span>首页</span><span>交易</span><span>商品</span><span class="qn-shop">小店掌柜 · 在线</span></div>
<div class="qn-body">
  <nav class="qn-menu">${MENU.map(
    ([group, links]) =>
      html`<h4>${group}</h4>${links.map(([label, href, key]) => html`<a href="${href}" class="${key === active ? 'active' : ''}">${label}</a>`)}`,
  )}</nav>
  <main class="qn-main" id="ice-container">${body}</main>
</div>
</body>
</html>`.toString();
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPageReader } from '@/lib/capture/page-reader';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { ContactAdvisor } from '@/lib/contact-timing/case-advice';
import { createHandlers, dispatch } from '@/lib/messaging/handlers';
import type { PageReport } from '@/lib/messaging/protocol';
import { TAP_MARK } from '@/lib/capture/tap-protocol';

// The reader against a real store and dispatcher, with the browser faked: DOM fallback, API data, layout detection.
let ctx: ContentScriptContext;
let store: CaseStore;
const reports: PageReport[] = [];

function setUrl(path: string) {
  window.history.replaceState(null, '', path);
}

beforeEach(() => {
  reports.length = 0;
  store = new CaseStore(new ReviewDeskDB(`reader-${Math.random()}`));
  const handlers = createHandlers({
    store, workflow: new WorkflowStore(new ReviewDeskDB(`wf-${Math.random()}`)), advisor: new ContactAdvisor(new ReviewDeskDB(`ad-${Math.random()}`)), reschedule: async () => undefined, language: async () => 'zh-CN', agentName: async () => '客服', openSidePanel: async () => true, focusCase: async () => undefined,
    pageReports: new Map(), lastConsoleTab: { id: null }, changed: () => undefined,
  });
  fakeBrowser.runtime.onMessage.addListener((msg: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    const m = msg as { type: string; report?: PageReport };
    if (m.type === 'reportPage' && m.report) reports.push(m.report);
    void dispatch(handlers, msg, { tabId: 1, fromExtensionPage: false }).then(sendResponse);
    return true;
  });
  ctx = new ContentScriptContext('test');
});

afterEach(() => {
  ctx.abort();
  document.body.innerHTML = '';
});

const waitFor = async (check: () => boolean, ms = 8000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};
const badgeIds = () => Array.from(document.querySelectorAll('[data-review-id][data-sentiment]')).map((e) => `${e.getAttribute('data-review-id')}:${e.getAttribute('data-sentiment')}`);

const legacyRow = (id: string, rating: string, text: string) =>
  `<tr class="J_RateItem" data-id="${id}"><td><i title="${rating}"></i></td><td><p class="comment">${text}</p><p class="date">[2026-11-20 10:00:00]</p></td><td><a>a**</a></td><td><a href="https://trade.taobao.com/x">商品</a></td></tr>`;

describe('page reader', () => {
  it('badges exactly the neutral/negative rows of a server-rendered legacy page', async () => {
    setUrl('/user-myrate-abc--banner|1--currentPage|1.htm');
    // jsdom's URL is localhost; the reader classifies by location, so fake a legacy URL through the base.
    Object.defineProperty(window, 'location', { value: new URL('https://rate.taobao.com/user-myrate-abc--banner|1--currentPage|1.htm'), configurable: true });
    document.body.innerHTML = `<table id="J_RateList"><tbody>${legacyRow('1', '差评', '太差')}${legacyRow('2', '好评', '很好')}${legacyRow('3', '中评', '一般')}</tbody></table>`;
    startPageReader(ctx);
    await waitFor(() => badgeIds().length === 2);
    expect(badgeIds()).toEqual(['1:negative', '3:neutral']);
    await waitFor(() => reports.some((r) => r.state === 'recognised'));
    expect(reports.at(-1)).toMatchObject({ family: 'taobao-legacy', state: 'recognised', rows: 3, badges: 2 });
  });

  it('uses the API response the page received, then places badges on the rows that show it', async () => {
    Object.defineProperty(window, 'location', { value: new URL('https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC?current=1'), configurable: true });
    startPageReader(ctx);
    const body = JSON.stringify({ ret: ['SUCCESS::调用成功'], data: { data: { dataSource: [
      { rateContent: { mainRate: { feedId: '1301250009001', content: '发错货了' } }, emotionType: { status: 13 }, orderInfo: { orderId: '1111111111' }, userInfo: { userName: 'k**', securityuid: 'buyer-key-1' } },
      { rateContent: { mainRate: { feedId: '1301250009002', content: '很好' } }, emotionType: { status: 11 }, orderInfo: { orderId: '2222222222' } },
    ] } } });
    // jsdom's postMessage leaves event.source empty; the browser sets it to the page window, as here.
    window.dispatchEvent(new MessageEvent('message', { data: { [TAP_MARK]: true, kind: 'qianniu', body }, source: window }));
    document.body.innerHTML = `<div class="next-table"><table role="table"><tbody class="next-table-body">
      <tr class="next-table-row"><td data-next-table-col="0">负面评价</td><td><p>主评ID：1301250009001</p></td><td>订单号：1111111111</td></tr>
      <tr class="next-table-row"><td data-next-table-col="0">正面评价</td><td><p>主评ID：1301250009002</p></td><td>订单号：2222222222</td></tr>
    </tbody></table></div>`;
    await waitFor(() => badgeIds().length === 1);
    expect(badgeIds()).toEqual(['1301250009001:negative']);
    // Read from the API, not the DOM: only the API carries the buyer key.
    expect((await store.allCases()).map((c) => [c.review.content, c.review.buyerKey])).toEqual([['发错货了', 'buyer-key-1']]);
  });

  it('calls a review page whose list it cannot find unrecognised, with a redacted diagnostic, and adds nothing', async () => {
    Object.defineProperty(window, 'location', { value: new URL('https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC'), configurable: true });
    document.body.innerHTML = '<div class="cards"><div class="card">负面评价 质量太差了 主评ID：123456789</div></div>';
    startPageReader(ctx);
    await waitFor(() => reports.some((r) => r.state === 'unrecognised'), 9000);
    const report = reports.find((r) => r.state === 'unrecognised')!;
    expect(report.diagnostic).toContain('div.cards');
    expect(report.diagnostic).not.toContain('质量太差了');
    expect(report.diagnostic).not.toContain('123456789');
    expect(badgeIds()).toEqual([]);
  }, 12_000);

  it('leaves other console pages alone even when they mention 负面评价', async () => {
    Object.defineProperty(window, 'location', { value: new URL('https://myseller.taobao.com/home.htm/trade-platform/tp/sold'), configurable: true });
    document.body.innerHTML = '<table id="J_RateList"><tbody><tr class="J_RateItem" data-id="1"><td><i title="差评"></i></td><td>负面评价</td></tr></tbody></table>';
    startPageReader(ctx);
    await waitFor(() => reports.length > 0);
    expect(reports[0]).toMatchObject({ kind: 'other-console', rows: 0, badges: 0 });
    expect(badgeIds()).toEqual([]);
  });
});

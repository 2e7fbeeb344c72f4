import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPageReader } from '@/lib/capture/page-reader';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { ContactAdvisor } from '@/lib/contact-timing/case-advice';
import { createHandlers, dispatch } from '@/lib/messaging/handlers';
import type { PageReport } from '@/lib/messaging/protocol';
import { tapEvent } from '@/lib/capture/tap-protocol';
import { READERS } from '@/lib/capture/readers';
import { resetErrors } from '@/lib/errors/report';

// The reader against a real store and dispatcher, with the browser faked: DOM fallback, API data, layout detection.
let ctx: ContentScriptContext;
let store: CaseStore;
const reports: PageReport[] = [];
/** Ingest messages the fake background fails before it answers again (a service worker stopped mid-batch). */
let failIngests = 0;
/** Review ids of each ingest message and case ids of each badges request, in the order the page sent them. */
const ingests: string[][] = [];
const badgeRequests: string[][] = [];
/** While set, every ingest message waits for it before the background answers. */
let holdIngests: Promise<void> | null = null;
/** Ingest messages answered so far. */
let answeredIngests = 0;
const ingestsAnswered = () => answeredIngests === ingests.length;

function setUrl(path: string) {
  window.history.replaceState(null, '', path);
}

beforeEach(() => {
  // Each test's fake background alone answers (listeners of earlier tests would answer with their own stores).
  fakeBrowser.reset();
  reports.length = 0;
  failIngests = 0;
  ingests.length = 0;
  badgeRequests.length = 0;
  holdIngests = null;
  answeredIngests = 0;
  resetErrors();
  const db = new ReviewDeskDB(`reader-${Math.random()}`);
  store = new CaseStore(db);
  const handlers = createHandlers({
    db, store, workflow: new WorkflowStore(new ReviewDeskDB(`wf-${Math.random()}`)), advisor: new ContactAdvisor(new ReviewDeskDB(`ad-${Math.random()}`)), reschedule: async () => undefined, language: async () => 'zh-CN', agentName: async () => '客服', openSidePanel: async () => true, focusCase: async () => undefined,
    pageReports: new Map(), lastConsoleTab: { id: null }, changed: () => undefined,
  });
  fakeBrowser.runtime.onMessage.addListener((msg: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    const m = msg as { type: string; report?: PageReport; reviews?: Array<{ platformReviewId: string }>; caseIds?: string[] };
    if (m.type === 'badgesStale') { // a notice to the page, not a request
      sendResponse(undefined);
      return true;
    }
    if (m.type === 'reportPage' && m.report) reports.push(m.report);
    if (m.type === 'badges') badgeRequests.push([...(m.caseIds ?? [])]);
    const respond = m.type === 'ingest' ? (r: unknown) => {
      answeredIngests++;
      sendResponse(r);
    } : sendResponse;
    if (m.type === 'ingest') {
      ingests.push((m.reviews ?? []).map((r) => r.platformReviewId));
      if (holdIngests) {
        void holdIngests.then(() => dispatch(handlers, msg, { tabId: 1, fromExtensionPage: false })).then(respond);
        return true;
      }
    }
    if (m.type === 'ingest' && failIngests > 0) {
      failIngests--;
      respond({ ok: false, error: 'service worker stopped' });
      return true;
    }
    void dispatch(handlers, msg, { tabId: 1, fromExtensionPage: false }).then(respond);
    return true;
  });
  ctx = new ContentScriptContext('test');
});

afterEach(() => {
  ctx.abort();
  document.body.innerHTML = '';
});

// Patient on a busy machine: a wait for behaviour, never a limit on speed (the test itself allows a minute).
const waitFor = async (check: () => boolean, ms = 45_000) => {
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
    // As the page-world tap hands it over: an event on the document, before the page renders the response.
    document.dispatchEvent(new CustomEvent(tapEvent('qianniu'), { detail: body }));
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
    await waitFor(() => reports.some((r) => r.state === 'unrecognised'));
    const report = reports.find((r) => r.state === 'unrecognised')!;
    expect(report.diagnostic).toContain('div.cards');
    expect(report.diagnostic).not.toContain('质量太差了');
    expect(report.diagnostic).not.toContain('123456789');
    expect(badgeIds()).toEqual([]);
  });

  it('leaves other console pages alone even when they mention 负面评价', async () => {
    Object.defineProperty(window, 'location', { value: new URL('https://myseller.taobao.com/home.htm/trade-platform/tp/sold'), configurable: true });
    document.body.innerHTML = '<table id="J_RateList"><tbody><tr class="J_RateItem" data-id="1"><td><i title="差评"></i></td><td>负面评价</td></tr></tbody></table>';
    startPageReader(ctx);
    await waitFor(() => reports.length > 0);
    expect(reports[0]).toMatchObject({ kind: 'other-console', rows: 0, badges: 0 });
    expect(badgeIds()).toEqual([]);
  });
});

const QIANNIU_URL = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC?current=1';
const setLocation = (href: string) => Object.defineProperty(window, 'location', { value: new URL(href), configurable: true });
const tap = (dataSource: unknown[]) => document.dispatchEvent(new CustomEvent(tapEvent('qianniu'), {
  detail: JSON.stringify({ ret: ['SUCCESS::调用成功'], data: { data: { dataSource } } }),
}));
const qianniuRow = (feedId: string, label: string, orderId: string, followUp?: string) =>
  `<tr class="next-table-row"><td data-next-table-col="0">${label}</td><td data-next-table-col="1"><div class="l-rate-content"><div class="rate-content"><span>初评：</span><span>内容${orderId}</span></div></div><p>主评ID：${feedId}</p></td><td data-next-table-col="2">订单号：${orderId}</td><td data-next-table-col="3">k**</td></tr>`
  + (followUp ? `<tr class="next-table-expanded-row"><td colspan="5"><div class="next-table-expanded-area">${followUp}<div class="l-rate-content"><div class="rate-content"><span>追评：</span><span>追评${orderId}</span></div></div></div></td></tr>` : '');
const qianniuTable = (rows: string) => `<div class="next-table"><table role="table"><tbody class="next-table-body">${rows}</tbody></table></div>`;

describe('page reader: nothing read is lost while the page stays open', () => {
  it('keeps the reviews of a failed ingest pending and retries until they are stored', async () => {
    failIngests = 2;
    setLocation('https://rate.taobao.com/user-myrate-abc--banner|1--currentPage|1.htm');
    document.body.innerHTML = `<table id="J_RateList"><tbody>${legacyRow('1', '差评', '太差')}${legacyRow('3', '中评', '一般')}</tbody></table>`;
    startPageReader(ctx);
    // The badges come from the lookup; no DOM change after the failures: only the reader's own retries store the cases.
    await waitFor(() => badgeIds().length === 2);
    expect(badgeIds()).toEqual(['1:negative', '3:neutral']);
    let stored: string[] = [];
    await waitFor(() => {
      void store.allCases().then((all) => (stored = all.map((v) => v.case.platformReviewId).sort()));
      return stored.length === 2;
    });
    expect(stored).toEqual(['1', '3']);
    await waitFor(() => reports.some((r) => r.errors?.some((e) => e.place === 'ingest' && e.count === 2)));
  });
});

describe('page reader: one odd review costs only itself', () => {
  it('badges the other rows of a DOM-read page when one row shows an id too long to be one, and counts the skip', async () => {
    setLocation(QIANNIU_URL);
    document.body.innerHTML = qianniuTable(
      qianniuRow('9'.repeat(5_000), '负面评价', '1111111111') + qianniuRow('1301250009002', '负面评价', '2222222222') + qianniuRow('1301250009003', '中性评价', '3333333333'));
    startPageReader(ctx);
    await waitFor(() => badgeIds().length === 2);
    expect(badgeIds()).toEqual(['1301250009002:negative', '1301250009003:neutral']);
    await waitFor(() => reports.some((r) => r.state === 'recognised' && r.badges === 2));
    expect(reports.at(-1)).toMatchObject({ state: 'recognised', rows: 3, badges: 2, skipped: { 'id-too-long': 1 } });
  });

  it('counts an API item it cannot use once, even when its row shows the same bad id', async () => {
    const readRow = vi.spyOn(READERS.qianniu, 'readRow');
    setLocation(QIANNIU_URL);
    startPageReader(ctx);
    tap([
      { rateContent: { mainRate: { feedId: '9'.repeat(5_000), content: '差' } }, emotionType: { status: 13 } },
      { rateContent: { mainRate: { feedId: '1301250009002', content: '内容2222222222' } }, emotionType: { status: 13 }, orderInfo: { orderId: '2222222222' } },
    ]);
    document.body.innerHTML = qianniuTable(qianniuRow('9'.repeat(5_000), '负面评价', '1111111111') + qianniuRow('1301250009002', '负面评价', '2222222222'));
    await waitFor(() => reports.some((r) => r.skipped?.['id-too-long'] === 1 && r.badges === 1));
    // Past the API grace period the row is read (and skipped) from the DOM too: still one review skipped.
    await waitFor(() => readRow.mock.calls.length > 0);
    // The rest of that scan (its report) follows at once; a count of 2 would show up in it.
    await new Promise((r) => setTimeout(r, 300));
    expect(reports.at(-1)?.skipped).toEqual({ 'id-too-long': 1 });
    readRow.mockRestore();
  });
});

describe('page reader: badge placement and odd URLs', () => {
  it('puts the badge of a bad follow-up in the follow-up row, labelled 差评追评, and none on the positive review', async () => {
    setLocation(QIANNIU_URL);
    startPageReader(ctx);
    tap([{
      rateContent: { mainRate: { feedId: '1301250009001', content: '内容1111111111' }, appendRate: { feedId: '1301344000001', content: '追评1111111111', days: 3 } },
      emotionType: { status: 11, appendRateStatus: 13 }, orderInfo: { orderId: '1111111111' },
    }]);
    document.body.innerHTML = qianniuTable(qianniuRow('1301250009001', '正面评价', '1111111111', '负面评价 收货后3天'));
    await waitFor(() => badgeIds().length === 1);
    const host = document.querySelector('[data-review-id]')!;
    expect(host.closest('tr')?.className).toBe('next-table-expanded-row');
    expect(host.shadowRoot?.textContent).toMatch(/^差评追评/);
    expect(document.querySelector('tr.next-table-row [data-review-id]')).toBeNull();
  });

  it('reads a review page whose URL has a broken percent escape, without an error', async () => {
    setLocation('https://myseller.taobao.com/home.htm/%E0%A4%A/comment-manage/list/rateWait4PC');
    startPageReader(ctx);
    tap([{ rateContent: { mainRate: { feedId: '1301250009001', content: '内容1111111111' } }, emotionType: { status: 13 }, orderInfo: { orderId: '1111111111' } }]);
    document.body.innerHTML = qianniuTable(qianniuRow('1301250009001', '负面评价', '1111111111'));
    await waitFor(() => badgeIds().length === 1);
    await waitFor(() => reports.some((r) => r.state === 'recognised'));
    expect(reports.every((r) => !r.errors)).toBe(true);
  });
});


/** A Qianniu API item and its row, negative unless said otherwise. */
const negative = (n: number) => ({
  rateContent: { mainRate: { feedId: `13012600${String(n).padStart(5, '0')}`, content: `内容${4000000000 + n}` } },
  emotionType: { status: 13 }, orderInfo: { orderId: String(4000000000 + n) },
});
const negativeRow = (n: number) => qianniuRow(`13012600${String(n).padStart(5, '0')}`, '负面评价', String(4000000000 + n));
const showNegatives = (count: number) => {
  const ns = Array.from({ length: count }, (_, i) => i);
  tap(ns.map(negative));
  document.body.innerHTML = qianniuTable(ns.map(negativeRow).join(''));
  return ns.map((n) => `13012600${String(n).padStart(5, '0')}`);
};
const shownIds = () => Array.from(document.querySelectorAll('[data-review-id]')).map((e) => e.getAttribute('data-review-id')!);

describe('page reader: badges before the store has written', () => {
  const badgeText = (reviewId: string) => document.querySelector(`[data-review-id="${reviewId}"]`)?.shadowRoot?.textContent ?? '';
  const storedIds = async () => (await store.allCases()).map((v) => v.case.platformReviewId).sort();

  it('draws every row\'s badge from one lookup while the reviews are still being stored, and the store\'s answer rewrites none', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    holdIngests = held;
    setLocation(QIANNIU_URL);
    startPageReader(ctx);
    const all = showNegatives(60);
    await waitFor(() => shownIds().length === all.length);
    expect(new Set(shownIds())).toEqual(new Set(all));
    // Nothing is stored yet (every ingest waits) and the page asked the store once, for every row.
    expect(await storedIds()).toEqual([]);
    expect(badgeRequests.length).toBe(1);
    expect(new Set(badgeRequests[0])).toEqual(new Set(all.map((id) => `qianniu:${id}`)));
    expect(badgeText(all[0]!)).toMatch(/^差评新/);
    const hosts = Array.from(document.querySelectorAll('[data-review-id]'));
    // Once stored, every badge stays the element it was, with the same words.
    const rewritten: MutationRecord[] = [];
    const watch = new MutationObserver((records) => rewritten.push(...records));
    for (const host of hosts) watch.observe(host.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    holdIngests = null;
    release();
    await waitFor(() => ingests.length > 0);
    let stored: string[] = [];
    await waitFor(() => {
      void storedIds().then((ids) => (stored = ids));
      return stored.length === all.length;
    });
    await new Promise((r) => setTimeout(r, 300));
    watch.disconnect();
    expect(rewritten).toEqual([]);
    expect(Array.from(document.querySelectorAll('[data-review-id]'))).toEqual(hosts);
  });

  /** Shows `count` negative rows, then hands the page's response over (the console's order); returns each write's badge count. */
  async function badgeWritesFor(count: number): Promise<number[]> {
    // A slow machine: every clock reading is half a millisecond later, so the list is read in many short slices.
    let clock = performance.now();
    const slow = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 0.5));
    try {
      setLocation(QIANNIU_URL);
      startPageReader(ctx);
      const ns = Array.from({ length: count }, (_, i) => i);
      document.body.innerHTML = qianniuTable(ns.map(negativeRow).join(''));
      const writes: number[] = [];
      const watch = new MutationObserver((records) => {
        const added = records.flatMap((r) => Array.from(r.addedNodes)).filter((n) => n.nodeName === 'REVIEWDESK-BADGE').length;
        if (added) writes.push(added);
      });
      watch.observe(document.body, { childList: true, subtree: true });
      await new Promise((r) => setTimeout(r, 50));
      tap(ns.map(negative));
      // The store is asked for the whole list as the page receives it, before any row is matched.
      expect(badgeRequests).toHaveLength(1);
      expect(badgeRequests[0]).toHaveLength(count);
      await waitFor(() => shownIds().length === count);
      await waitFor(() => ingests.flat().length === count && ingestsAnswered());
      watch.disconnect();
      expect(badgeRequests).toHaveLength(1);
      return writes;
    } finally {
      slow.mockRestore();
    }
  }

  it('asks for a tapped list as the page receives it; the first rows\' badges go in first, the rest in one more write', async () => {
    const writes = await badgeWritesFor(400);
    expect(writes.length).toBeLessThanOrEqual(2);
    expect(writes.reduce((a, b) => a + b, 0)).toBe(400);
  });

  it('puts every badge of a list over 1,000 reviews into the page in one write (each write lays out the whole table)', async () => {
    expect(await badgeWritesFor(1100)).toEqual([1100]);
  });

  it('draws a review the store knows as stored (opened), not as a new case, before the page\'s reading is stored again', async () => {
    const known = negative(7);
    await store.ingest([{
      platform: 'qianniu', platformReviewId: known.rateContent.mainRate.feedId, sentiment: 'negative', sentimentSource: 'platform',
      content: known.rateContent.mainRate.content, orderId: known.orderInfo.orderId, placeholder: false, reviewTime: null, buyerNick: 'k**', pictureCount: 0,
    }], 'test');
    await store.markOpened(`qianniu:${known.rateContent.mainRate.feedId}`, '客服');
    let release = () => undefined as void;
    holdIngests = new Promise<void>((resolve) => (release = resolve));
    setLocation(QIANNIU_URL);
    startPageReader(ctx);
    tap([known, negative(8)]);
    document.body.innerHTML = qianniuTable(negativeRow(7) + negativeRow(8));
    await waitFor(() => shownIds().length === 2);
    const unopened = (n: number) => document.querySelector(`[data-review-id="13012600${String(n).padStart(5, '0')}"]`)?.shadowRoot?.querySelector('button')?.classList.contains('unopened');
    expect([unopened(7), unopened(8)]).toEqual([false, true]);
    release();
    await waitFor(() => ingests.length > 0 && ingestsAnswered());
  });
});

describe('page reader: badgesStale', () => {
  const unopened = (reviewId: string) =>
    document.querySelector(`[data-review-id="${reviewId}"]`)?.shadowRoot?.querySelector('button')?.classList.contains('unopened');
  const notice = (caseIds: string[] | null) =>
    (fakeBrowser.runtime.onMessage as unknown as { trigger: (m: unknown, s: object, r: () => void) => Promise<unknown> })
      .trigger({ type: 'badgesStale', caseIds }, {}, () => undefined);

  it('asks again only for the stale cases the page shows, and redraws them', async () => {
    setLocation(QIANNIU_URL);
    startPageReader(ctx);
    const ids = showNegatives(3);
    const caseIds = ids.map((id) => `qianniu:${id}`);
    await waitFor(() => shownIds().length === 3 && ingests.length > 0);
    expect(ids.map(unopened)).toEqual([true, true, true]);
    await waitFor(() => ingestsAnswered());
    badgeRequests.length = 0; // the page's own lookup on arrival

    await store.markOpened(caseIds[1]!, '客服');
    await notice([caseIds[1]!, 'qianniu:999999999']);
    await waitFor(() => unopened(ids[1]!) === false);
    expect(badgeRequests).toEqual([[caseIds[1]]]);
    expect(ids.map(unopened)).toEqual([true, false, true]);

    await store.markOpened(caseIds[2]!, '客服');
    await notice(null);
    await waitFor(() => unopened(ids[2]!) === false);
    expect(badgeRequests.length).toBe(2);
    expect([...badgeRequests[1]!].sort()).toEqual([...caseIds].sort());

    // A notice about no case this page shows asks nothing.
    await notice(['qianniu:999999999']);
    await new Promise((r) => setTimeout(r, 300));
    expect(badgeRequests.length).toBe(2);
  });

  it('does not ask for cases whose rows are no longer shown', async () => {
    setLocation(QIANNIU_URL);
    startPageReader(ctx);
    const ids = showNegatives(3);
    await waitFor(() => shownIds().length === 3 && ingests.length > 0);
    await waitFor(() => ingestsAnswered());
    badgeRequests.length = 0; // the page's own lookup on arrival
    // The list now shows only the first review.
    document.querySelector('tbody')!.replaceChildren(document.querySelector('tbody tr')!);
    await waitFor(() => reports.some((r) => r.rows === 1));
    await notice(null);
    await waitFor(() => badgeRequests.length === 1);
    expect(badgeRequests[0]).toEqual([`qianniu:${ids[0]}`]);
  });
});

describe('page reader: unchanged rows are not read again', () => {
  it('reads a row again only when the page changed it', async () => {
    const keys = vi.spyOn(READERS.qianniu, 'keys');
    setLocation(QIANNIU_URL);
    startPageReader(ctx);
    const ids = showNegatives(4);
    await waitFor(() => shownIds().length === 4);
    const readOnce = keys.mock.calls.length;
    expect(readOnce).toBe(4);
    // Something outside the rows changes (a clock, a toast): no row is read.
    const aside = document.createElement('div');
    aside.textContent = '12:00';
    document.body.append(aside);
    aside.textContent = '12:01';
    // One row's text changes: that row, and only it, is read again.
    const row = document.querySelectorAll('tbody tr')[2]!;
    row.querySelector('td[data-next-table-col="2"]')!.append(' 已回复');
    await waitFor(() => keys.mock.calls.length === readOnce + 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(keys.mock.calls.length).toBe(readOnce + 1);
    expect(keys.mock.calls.at(-1)![0]).toBe(row);
    expect(shownIds().sort()).toEqual([...ids].sort());
    keys.mockRestore();
  });
});

describe('page reader: the same list received again', () => {
  it('sends again only the review whose reading changed', async () => {
    setLocation(QIANNIU_URL);
    startPageReader(ctx);
    const ids = showNegatives(5);
    await waitFor(() => shownIds().length === 5);
    const sent = ingests.flat().length;
    // The page fetches its list again: one review now has a follow-up.
    const changed = negative(3);
    const withFollowUp = { ...changed, rateContent: { ...changed.rateContent, appendRate: { feedId: '1301344000009', content: '追评：还是不行', days: 2 } } };
    tap([negative(0), negative(1), negative(2), withFollowUp, negative(4)]);
    await waitFor(() => ingests.flat().length > sent);
    await new Promise((r) => setTimeout(r, 500));
    expect(ingests.flat().slice(sent)).toEqual([ids[3]]);
    expect((await store.allCases()).find((c) => c.review.platformReviewId === ids[3])?.review.followUp?.content).toBe('追评：还是不行');
  });
});

describe('page reader: a server-rendered row read again when the page changes it', () => {
  it('reads a legacy row the parser had only half built once it is whole, and badges it', async () => {
    Object.defineProperty(window, 'location', { value: new URL('https://rate.taobao.com/user-myrate-abc--banner|1--currentPage|1.htm'), configurable: true });
    // A slow parse shows the row before its rating: read then, it is no case yet.
    document.body.innerHTML = `<table id="J_RateList"><tbody><tr class="J_RateItem" data-id="7"><td></td></tr></tbody></table>`;
    startPageReader(ctx);
    await waitFor(() => ingests.flat().includes('7') && ingestsAnswered());
    expect(badgeIds()).toEqual([]);
    // The rest of the row arrives.
    const row = document.querySelector('tr')!;
    row.innerHTML = new DOMParser().parseFromString(`<table>${legacyRow('7', '中评', '一分都不想给')}</table>`, 'text/html').querySelector('tr')!.innerHTML;
    await waitFor(() => badgeIds().length === 1);
    expect(badgeIds()).toEqual(['7:neutral']);
    await waitFor(() => ingestsAnswered());
    expect((await store.allCases()).map((c) => [c.review.platformReviewId, c.review.content])).toEqual([['7', '一分都不想给']]);
  });
});

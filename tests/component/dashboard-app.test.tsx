import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beijingInstant, HOUR_MS as H } from '@/lib/time/beijing';
import { DRILL_KEY, QueueDrill } from '@/lib/insight/drill';
import { parseCsv, BOM } from '@/lib/export/csv';
import { observation } from '../unit/helpers';
import { catchDownloads, dashboardBackground, renderDashboard } from './dashboard-harness';

const NOW = beijingInstant(2026, 3, 2, 20);
const TODAY = beijingInstant(2026, 3, 2, 8);
const PAGE = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';

let bg: ReturnType<typeof dashboardBackground>;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TODAY);
  bg = dashboardBackground();
  await bg.store.ingest([
    observation({ platformReviewId: '1', content: '衣服起球严重，质量太差', reviewTime: TODAY - 2 * H, itemId: 'A', itemTitle: '羊毛衫' }),
    observation({ platformReviewId: '2', content: '快递太慢了，等了一个星期', reviewTime: TODAY - 26 * H, itemId: 'B', itemTitle: '保温杯' }),
    observation({ platformReviewId: '3', content: '起球，掉毛', reviewTime: TODAY - 50 * H, itemId: 'A', itemTitle: '羊毛衫', sentiment: 'neutral' }),
  ], PAGE);
  await bg.workflow.logOutcome({ caseId: 'qianniu:1', outcome: 'talked_agreed' }, '小王');
  await bg.workflow.addPromise({ caseId: 'qianniu:1', kind: 'cash', amountFen: 800, dueAt: TODAY + H, note: '' }, '小王');
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

const text = (testid: string) => screen.getByTestId(testid).textContent;

describe('dashboard page', () => {
  it('shows the figures, with each cause row carrying its count, and opens the queue on a figure\'s cases', async () => {
    const user = userEvent.setup();
    renderDashboard();
    await screen.findByTestId('dashboard-ready');
    expect([text('stat-open'), text('stat-new-today'), text('stat-overdue-promises')]).toEqual(['3', '3', '1']);
    const quality = document.querySelector('[data-cause="quality"]')!;
    expect(quality.textContent).toBe('2');
    expect(document.querySelector('[data-cause="logistics_delay"]')!.textContent).toBe('1');
    expect(screen.getByRole('heading', { name: '中差评原因' })).toBeTruthy();
    expect(within(screen.getByTestId('agents-table')).getByText('小王')).toBeTruthy();
    // The product table names the product and its trigger words.
    const products = document.querySelector('table.products') as HTMLElement;
    expect(within(products).getByText('羊毛衫')).toBeTruthy();
    expect(within(products).getByText(/起球×2/)).toBeTruthy();

    await user.click(quality);
    const notice = await screen.findByTestId('drill-notice');
    expect(notice.textContent).toMatch(/2 个案例：质量问题 · 近7天/);
    const drill = QueueDrill.parse((await fakeBrowser.storage.session.get(DRILL_KEY))[DRILL_KEY]);
    expect([...drill.caseIds].sort()).toEqual(['qianniu:1', 'qianniu:3']);
    expect(drill.filter).toEqual({ status: 'all', cause: 'quality' });
  });

  it('another period counts again; English on request', async () => {
    const user = userEvent.setup();
    renderDashboard();
    await screen.findByTestId('dashboard-ready');
    await user.click(screen.getByRole('button', { name: '今天' }));
    await waitFor(() => expect(screen.getByTestId('period-text').textContent).toMatch(/^今天/));
    await waitFor(() => expect(document.querySelector('[data-cause="quality"]')?.textContent).toBe('1'));
    expect(document.querySelector('[data-cause="logistics_delay"]')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Causes' })).toBeTruthy();
    expect(screen.getByText('Open cases')).toBeTruthy();
  });

  it('exports cases as CSV that Excel reads as UTF-8: BOM, Chinese header, Beijing times, yuan', async () => {
    const user = userEvent.setup();
    const saved = catchDownloads();
    renderDashboard();
    await screen.findByTestId('dashboard-ready');
    await user.click(screen.getByRole('button', { name: '导出 CSV' }));
    await waitFor(() => expect(saved.size).toBe(1));
    const [name, blob] = [...saved][0]!;
    expect(name).toMatch(/^评价回访台-案例-2026-02-24至2026-03-02\.csv$/);
    // The file's first bytes are the UTF-8 byte-order mark (Blob.text() would decode it away).
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const raw = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(raw.startsWith(BOM)).toBe(true);
    const { header, rows } = parseCsv(raw);
    expect(header.slice(0, 3)).toEqual(['案例编号', '平台', '评价ID']);
    const first = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === 'qianniu:1')![i]]));
    expect(first).toMatchObject({ 商品名称: '羊毛衫', 主要原因: '质量问题', 状态: '已约定', 跟进客服: '小王', '承诺金额（元）': '8.00', 评价时间: '2026-03-02 06:00' });
    expect(rows).toHaveLength(3);
  });

  it('a damaged backup file changes nothing and says so', async () => {
    const user = userEvent.setup();
    renderDashboard();
    await screen.findByTestId('dashboard-ready');
    const before = await bg.db.cases.count();
    const file = new File(['{"format":"reviewdesk-backup","backupVersion":1,"dbVersion":1,"createdAt":1,"counts":{"reviews":0,"cases":1,"events":0,"promises":0,"buyerNotes":0},"settings":{},"reviews":[],"cases":[{"id":"x"}],"events":[],"promises":[],"buyerNotes":[]}'], 'b.json', { type: 'application/json' });
    await user.upload(document.querySelector('input[data-action="restore"]') as HTMLInputElement, file);
    // Waits past any progress line the restore shows first (a busy machine shows it longer).
    await waitFor(() => expect(screen.getByTestId('backup-status').textContent).toMatch(/备份文件已损坏（cases\[0\]\.platform 处不符合格式）。没有改动任何数据。/));
    expect(await bg.db.cases.count()).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import { BOM, parseCsv, safeCell, toCsv } from '@/lib/export/csv';
import { caseRow, COLUMNS, promiseRow, promiseState, yuanCell } from '@/lib/export/rows';
import { exportText } from '@/lib/export/labels';
import { beijingInstant, HOUR_MS as H } from '@/lib/time/beijing';
import { attempt, kase, promise } from './insight-fixtures';
import { observation } from './helpers';

describe('CSV for Excel and WPS', () => {
  it('starts with the BOM, ends lines with CRLF, quotes what must be, and reads back the same', () => {
    const rows = [['qianniu:1', '颜色和图片不一样，退货"很麻烦"\n第二行', '12.30'], ['qianniu:2', '', '-3']];
    const text = toCsv(['案例编号', '评价内容', '金额（元）'], rows);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toContain('\r\n');
    expect(text).toContain('"颜色和图片不一样，退货""很麻烦""\n第二行"');
    expect(parseCsv(text)).toEqual({ header: ['案例编号', '评价内容', '金额（元）'], rows });
  });

  it('long ids stay text in Excel and WPS (a tab after the digits), and read back without it', () => {
    const rows = [['qianniu:1301253749268', '1301253749268', '4413647017033687538', '12.30', '13812345678']];
    const text = toCsv(['案例编号', '评价ID', '订单号', '金额（元）', '电话'], rows);
    // 12 digits and more would be shown as 4.41364E+18 and cut to 15 digits; amounts and an 11-digit phone stay numbers.
    expect(text.split('\r\n')[1]).toBe('qianniu:1301253749268,1301253749268\t,4413647017033687538\t,12.30,13812345678');
    expect(parseCsv(text).rows).toEqual(rows);
  });

  it('a cell that a spreadsheet would run as a formula stays text', () => {
    expect(safeCell('=HYPERLINK("http://x","点我")')).toBe('\'=HYPERLINK("http://x","点我")');
    expect(safeCell('+86 138')).toBe('\'+86 138');
    expect(safeCell('@SUM(A1)')).toBe('\'@SUM(A1)');
    expect(safeCell('-3')).toBe('-3');
    expect(safeCell('12.30')).toBe('12.30');
    expect(safeCell('质量差')).toBe('质量差');
  });

  it('amounts in yuan as plain numbers', () => {
    expect([yuanCell(1230), yuanCell(5), yuanCell(0), yuanCell(null)]).toEqual(['12.30', '0.05', '0.00', '']);
  });
});

describe('export rows', () => {
  const at = beijingInstant(2026, 3, 2, 9, 5);
  const c = kase('qianniu:1', { reviewTime: at, status: 'agreed', assignee: '小王', causes: [{ code: 'quality', triggers: ['起球'] }], buyerKey: 'b1', itemId: '7001' });
  const review = { ...observation({ platformReviewId: '1', content: '起球严重', itemTitle: '羊毛衫', buyerNick: 't**' }), id: 'qianniu:1', firstSeenAt: at, lastSeenAt: at, sourcePage: '' };
  const note = { buyerKey: 'b1', temperament: '', whatWorked: '', doNotContact: true, phone: '13812345678', routine: 'unknown' as const, updatedAt: 0, updatedBy: '' };
  const input = {
    case: c, review, note,
    events: [attempt('qianniu:1', at + H, 'no_answer'), attempt('qianniu:1', at + 2 * H, 'message_sent')],
    promises: [promise('qianniu:1', { amountFen: 800, fulfilledAt: at + 3 * H }), promise('qianniu:1', { amountFen: 500, cancelledAt: at })],
  };
  const named = (row: string[]) => Object.fromEntries(COLUMNS.cases.map((k, i) => [exportText('zh-CN', k), row[i]]));

  it('one row per case, phone masked unless asked for in full', () => {
    const row = named(caseRow(input, 'zh-CN', false));
    expect(row).toMatchObject({
      案例编号: 'qianniu:1', 平台: '千牛', 评价时间: '2026-03-02 09:05', 评价内容: '起球严重', 商品名称: '羊毛衫', 主要原因: '质量问题',
      触发词: '起球', 状态: '已约定', 跟进客服: '小王', 联系次数: '2', 电话次数: '1', 消息次数: '1', 首次联系时间: '2026-03-02 10:05',
      承诺数: '1', '承诺金额（元）': '8.00', '已兑现金额（元）': '8.00', 买家: 't**', 买家电话: '138****5678', 勿扰: '是',
    });
    expect(named(caseRow(input, 'zh-CN', true))['买家电话']).toBe('13812345678');
    expect(caseRow(input, 'en', false)[COLUMNS.cases.indexOf('col.status')]).toBe('Agreed');
  });

  it('promises with their state at this moment', () => {
    const now = at + 100 * H;
    expect(promiseState(promise('x', { dueAt: now }), now)).toBe('overdue');
    expect(promiseState(promise('x', { dueAt: now + 1 }), now)).toBe('open');
    expect(promiseState(promise('x', { cancelledAt: 1 }), now)).toBe('cancelled');
    const row = promiseRow(promise('qianniu:1', { kind: 'postage_refund', amountFen: 1200, dueAt: at }), c, 'zh-CN', now);
    expect(Object.fromEntries(COLUMNS.promises.map((k, i) => [exportText('zh-CN', k), row[i]]))).toMatchObject({
      补偿方式: '退运费', '金额（元）': '12.00', 期限: '2026-03-02 09:05', 承诺状态: '已逾期',
    });
  });
});

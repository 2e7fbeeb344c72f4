import { describe, expect, it } from 'vitest';
import { qianniuRowKeys, qianniuRows, readQianniuRow } from '@/lib/console/qianniu-rows';
import { legacyRows, readLegacyRow } from '@/lib/console/legacy-rows';
import { tmallMatchText, tmallRowKeys, tmallRows, tmallShownSentiment } from '@/lib/console/tmall-rows';
import { parseBeijing } from '@/lib/time/beijing';

function dom(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}

// Shapes from CONSOLE.md §1 (Fusion "next" table, text markers) and §2 (legacy J_RateList).
const QIANNIU = `
<div class="next-table"><table role="table"><tbody class="next-table-body">
  <tr class="next-table-row">
    <td data-next-table-col="0"><span>负面评价</span></td>
    <td data-next-table-col="1"><div class="l-rate-content"><div class="rate-content"><span>评价：</span><span>袖子长短不一 &lt;b&gt;</span></div></div>
      <div class="l-media-gallery"><img src="a.jpg"><img src="b.jpg"></div>
      <p>主评ID：1301250188411</p><p>初次评价：2026-03-31 16:24</p><p>还有12天可回复</p></td>
    <td data-next-table-col="2"><a href="//item.taobao.com/item.htm?id=752102501302">加厚卫衣</a><p>订单号：4502224694062011129</p></td>
    <td data-next-table-col="3">w** 收货人</td>
    <td data-next-table-col="4"><a>评价回复</a></td>
  </tr>
  <tr class="next-table-expanded-row"><td colspan="5">追评 收货后3天 中性评价 <div class="l-rate-content"><div class="rate-content"><span>追评：</span><span>洗了一次就缩水</span></div></div></td></tr>
  <tr class="next-table-row">
    <td data-next-table-col="0"><span>正面评价</span></td>
    <td data-next-table-col="1"><div class="l-rate-content"><div class="rate-content"><span>评价：</span><span>很好</span></div></div><p>主评ID：1301250188499</p></td>
    <td data-next-table-col="2"><p>订单号：4502224694062011130</p></td><td data-next-table-col="3">a**</td><td></td>
  </tr>
</tbody></table></div>`;

describe('Qianniu rows', () => {
  it('finds review rows, not follow-up rows, and their keys', () => {
    const rows = qianniuRows(dom(QIANNIU));
    expect(rows).toHaveLength(2);
    expect(qianniuRowKeys(rows[0]!)).toMatchObject({ reviewId: '1301250188411', orderId: '4502224694062011129' });
  });

  it('reads a row from the DOM when no API data came, text kept as text', () => {
    const r = readQianniuRow(qianniuRows(dom(QIANNIU))[0]!);
    expect(r).toMatchObject({
      platformReviewId: '1301250188411', sentiment: 'negative', sentimentSource: 'page', content: '袖子长短不一 <b>',
      reviewTime: parseBeijing('2026-03-31 16:24'), itemId: '752102501302', itemTitle: '加厚卫衣', orderId: '4502224694062011129',
      buyerNick: 'w**', pictureCount: 2, pageReplyDaysLeft: 12,
      followUp: { content: '洗了一次就缩水', sentiment: 'neutral', days: 3 },
    });
  });
});

describe('Qianniu rows with an id too long to be one', () => {
  it('skips the row (never stores it under a key made up from order and text) and keys nothing by it', () => {
    const huge = '7'.repeat(5_000);
    const row = qianniuRows(dom(QIANNIU.replace('主评ID：1301250188411', `主评ID：${huge}`).replace('订单号：4502224694062011129', `订单号：${huge}`)))[0]!;
    expect(readQianniuRow(row)).toBe('id-too-long');
    expect(qianniuRowKeys(row)).toMatchObject({ reviewId: undefined, orderId: undefined });
  });
});

describe('legacy rows', () => {
  const LEGACY = `<table id="J_RateList"><tbody>
    <tr class="J_RateItem" data-id="2233">
      <td><i title="差评"></i></td>
      <td><p class="comment">和图片不一样</p><p class="comment">追加：客服也不回</p><p class="date">[2021-05-06 10:11:12]</p><ul class="photos"><li><a href="x">1</a></li></ul></td>
      <td><a>小**</a></td><td><a href="https://trade.taobao.com/snap?id=1">连衣裙</a></td>
    </tr>
    <tr class="J_RateItem" data-id="2234"><td><i title="好评"></i></td><td><p class="comment">此用户没有填写评价。</p></td><td><a>b**</a></td><td></td></tr>
  </tbody></table>`;
  it('reads rating, texts, date and buyer', () => {
    const [a, b] = legacyRows(dom(LEGACY)).map(readLegacyRow);
    expect(a).toMatchObject({ platform: 'taobao-legacy', platformReviewId: '2233', sentiment: 'negative', content: '和图片不一样',
      followUp: { content: '追加：客服也不回', sentiment: 'unknown' }, reviewTime: parseBeijing('2021-05-06 10:11:12'), buyerNick: '小**',
      itemTitle: '连衣裙', itemLink: 'https://trade.taobao.com/snap?id=1', pictureCount: 1 });
    expect(b).toMatchObject({ sentiment: 'positive', content: '', placeholder: true });
  });
});

describe('Tmall rows', () => {
  const TMALL = `<table><tbody>
    <tr><td><div>质量很差，用了两天就坏了</div><span>订单号：3900000001</span></td></tr>
    <tr><td><div>质量很差</div><em>差评</em></td></tr>
  </tbody></table>`;
  it('ties rows to evaluations by text, longest text first, and reads a shown rating', () => {
    const rows = tmallRows(dom(TMALL));
    const known = [{ content: '质量很差' }, { content: '质量很差，用了两天就坏了' }];
    expect(tmallMatchText(tmallRowKeys(rows[0]!), known)).toBe(known[1]);
    expect(tmallRowKeys(rows[0]!).orderId).toBe('3900000001');
    expect(tmallShownSentiment(rows[0]!)).toBe('unknown');
    expect(tmallShownSentiment(rows[1]!)).toBe('negative');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { ReviewIndex } from '@/lib/console/row-keys';
import { tmallMatch, tmallRowKeys, tmallRows } from '@/lib/console/tmall-rows';

// Tmall rows carry no evaluation id: they are tied to the JSON's evaluations through maps (the order, the text an
// element shows), so a page of N rows costs N lookups, not N × N text comparisons.
interface Known { platformReviewId: string; orderId?: string; content: string }

const dom = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html; // test fixture only: never page text
  return div;
};

function bigIndex(n: number) {
  const index = new ReviewIndex<Known>();
  for (let i = 0; i < n; i++) index.add({ platformReviewId: `e${i}`, orderId: String(3900000000 + i), content: `第${i}号评价：收到的东西和描述不一样` });
  return index;
}

describe('Tmall rows matched through maps', () => {
  it('finds a row by its order without looking at every review', () => {
    const index = bigIndex(3000);
    const all = vi.spyOn(index, 'all');
    const rows = tmallRows(dom(`<table><tbody>
      <tr><td><div>第2999号评价：收到的东西和描述不一样</div><span>订单号：3900002999</span></td></tr>
      <tr><td><div>第7号评价：收到的东西和描述不一样</div><span>订单号：3900000007</span></td></tr>
    </tbody></table>`));
    expect(rows.map((row) => tmallMatch(index, tmallRowKeys(row))?.platformReviewId)).toEqual(['e2999', 'e7']);
    expect(all).not.toHaveBeenCalled();
  });

  it('finds a row without an order by the text one of its elements shows, again without a scan', () => {
    const index = bigIndex(3000);
    const all = vi.spyOn(index, 'all');
    const rows = tmallRows(dom(`<table><tbody>
      <tr><td><p class="c">
        第1234号评价：收到的东西和描述不一样
      </p><span>2026-11-20</span></td></tr>
    </tbody></table>`));
    expect(tmallMatch(index, tmallRowKeys(rows[0]!))?.platformReviewId).toBe('e1234');
    expect(all).not.toHaveBeenCalled();
  });

  it('of two reviews of one order, takes the one whose text the row shows (the longest when one contains the other)', () => {
    const index = new ReviewIndex<Known>();
    index.add({ platformReviewId: 'a', orderId: '3900000001', content: '质量很差' });
    index.add({ platformReviewId: 'b', orderId: '3900000001', content: '质量很差，用了两天就坏了' });
    const [row] = tmallRows(dom('<table><tbody><tr><td><div>质量很差，用了两天就坏了</div><span>订单号：3900000001</span></td></tr></tbody></table>'));
    expect(tmallMatch(index, tmallRowKeys(row!))?.platformReviewId).toBe('b');
  });

  it('still finds a text run together with a label in one text node (the slow path, for rows no map finds)', () => {
    const index = bigIndex(50);
    const [row] = tmallRows(dom('<table><tbody><tr><td>评价内容：第42号评价：收到的东西和描述不一样（已解释）</td></tr></tbody></table>'));
    expect(tmallMatch(index, tmallRowKeys(row!))?.platformReviewId).toBe('e42');
  });

  it('matches nothing for a row that shows no known review', () => {
    const index = bigIndex(50);
    const [row] = tmallRows(dom('<table><tbody><tr><td>共 50 条</td></tr></tbody></table>'));
    expect(tmallMatch(index, tmallRowKeys(row!))).toBeUndefined();
  });
});

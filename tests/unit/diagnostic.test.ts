import { describe, expect, it } from 'vitest';
import { buildDiagnostic, diagnosticText } from '@/lib/console/diagnostic';

describe('layout diagnostic', () => {
  it('describes structure without any text, nick, id or query', () => {
    const doc = new DOMParser().parseFromString(`<!doctype html><body>
      <div class="card-list rate-v3"><div class="card u-9988776655"><p>质量太差了，穿一次就起球</p><span>买家：w**</span>
      <span data-feed="1301250188411">主评ID：1301250188411</span><a href="/x?buyer=张三">订单号：4502224694062011129</a></div>
      <div class="card"><p>另一条</p></div></div></body>`, 'text/html');
    const text = diagnosticText(buildDiagnostic(doc, 'qianniu', 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC', { seen: 1, failed: 0 }));
    for (const secret of ['质量太差', 'w**', '1301250188411', '4502224694062011129', '张三', '另一条', '9988776655']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('div.card-list.rate-v3');
    expect(text).toContain('div.card ×2');
    expect(text).toMatch(/1 {2}feedId/);
  });

  it('counts the reviews the page showed but could not store, by reason', () => {
    const doc = new DOMParser().parseFromString('<!doctype html><body><div class="card"></div></body>', 'text/html');
    const page = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';
    expect(diagnosticText(buildDiagnostic(doc, 'qianniu', page, { seen: 1, failed: 0 }, { 'id-too-long': 1, rejected: 2 }))).toContain('reviews skipped: 1 id-too-long, 2 rejected');
    expect(diagnosticText(buildDiagnostic(doc, 'qianniu', page, { seen: 0, failed: 0 }))).toContain('reviews skipped: none');
  });
});

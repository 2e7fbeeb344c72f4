import { describe, expect, it } from 'vitest';
import { parseQianniuList } from '@/lib/console/qianniu-api';

const envelope = (dataSource: unknown[], ret = 'SUCCESS::调用成功') =>
  JSON.stringify({ api: 'mtop.rm.sellercenter.list.data.pc', v: '1.0', ret: [ret], data: { data: { dataSource } } });

const item = (over: Record<string, unknown> = {}) => ({
  rateContent: {
    mainRate: { feedId: '1301250188411', content: '质量太差了，穿一次就起球', date: 1774945444001, mediaList: [{ uiType: 'image' }] },
    appendRate: { feedId: '1301344048837', content: '客服也不理人', days: 3, mediaList: [] },
  },
  emotionType: { status: 13, appendRateStatus: 12 },
  userInfo: { userName: 'w**', securityuid: 'RAzN8BQi9rUqeTdBChYTA8ZcTZx5Y' },
  orderInfo: { userName: 'w**', mainOrderId: '4502224694062011129', orderId: '4502224694062011129' },
  itemInfo: { itemId: 752102501302, title: '加厚卫衣', link: '//item.taobao.com/item.htm?id=752102501302' },
  ...over,
});

describe('parseQianniuList', () => {
  it('normalises a documented item', () => {
    const r = parseQianniuList(envelope([item()]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.reviews).toHaveLength(1);
    expect(r.reviews[0]).toMatchObject({
      platform: 'qianniu', platformReviewId: '1301250188411', sentiment: 'negative', sentimentSource: 'platform',
      content: '质量太差了，穿一次就起球', reviewTime: 1774945444001, itemId: '752102501302',
      itemLink: 'https://item.taobao.com/item.htm?id=752102501302', orderId: '4502224694062011129',
      buyerNick: 'w**', buyerKey: 'RAzN8BQi9rUqeTdBChYTA8ZcTZx5Y', pictureCount: 1,
      followUp: { id: '1301344048837', content: '客服也不理人', sentiment: 'neutral', days: 3 },
    });
  });

  it('accepts numbers sent as strings and missing optional parts', () => {
    const r = parseQianniuList(envelope([{
      rateContent: { mainRate: { feedId: 1301250188412, content: '一般般', date: '1774945444001', mediaList: null, expression: null } },
      emotionType: { status: '12' },
      userInfo: { userName: 'abc' },
    }]));
    expect(r.ok && r.reviews[0]).toMatchObject({ platformReviewId: '1301250188412', sentiment: 'neutral', reviewTime: 1774945444001, pictureCount: 0, buyerNick: 'a**' });
    expect(r.ok && r.reviews[0]?.followUp).toBeUndefined();
  });

  it('treats placeholder text as empty and keeps HTML as literal text', () => {
    const r = parseQianniuList(envelope([
      item({ rateContent: { mainRate: { feedId: '1', content: '此用户没有填写评价。' } } }),
      item({ rateContent: { mainRate: { feedId: '2', content: '<img src=x onerror="alert(1)">差' } } }),
    ]));
    expect(r.ok && r.reviews.map((x) => [x.content, x.placeholder])).toEqual([['', true], ['<img src=x onerror="alert(1)">差', false]]);
  });

  it('maps unknown emotion codes to unknown', () => {
    const r = parseQianniuList(envelope([item({ emotionType: { status: 0 } })]));
    expect(r.ok && r.reviews[0]?.sentiment).toBe('unknown');
  });

  it('skips items it cannot use and reports API errors and broken JSON', () => {
    const r = parseQianniuList(envelope([{ rateContent: null }, 'junk', item()]));
    expect(r).toMatchObject({ ok: true, skipped: { 'bad-shape': 2 } });
    expect(parseQianniuList(envelope([], 'FAIL_SYS_SESSION_EXPIRED::Session过期'))).toEqual({ ok: false, reason: 'api-error', detail: 'FAIL_SYS_SESSION_EXPIRED' });
    expect(parseQianniuList('{not json')).toEqual({ ok: false, reason: 'not-json' });
    expect(parseQianniuList('{"hello":1}')).toEqual({ ok: false, reason: 'unexpected-shape' });
  });

  it('lets one odd item cost only itself, and an odd field only that field', () => {
    const odd = (change: (i: ReturnType<typeof item>) => void, feedId: string) => {
      const i = item();
      i.rateContent.mainRate.feedId = feedId;
      i.rateContent.appendRate.feedId = `${feedId}9`;
      change(i);
      return i;
    };
    const r = parseQianniuList(envelope([
      odd((i) => { i.rateContent.mainRate.feedId = '1'.repeat(1_000_000); }, '1'), // a 1 MB feed id
      odd((i) => { i.rateContent.appendRate.content = `追评${'很差'.repeat(500_000)}`; }, '1301250000002'), // a 1 MB follow-up
      odd((i) => { (i.userInfo as Record<string, unknown>).userName = { nick: 'w**' }; (i.orderInfo as Record<string, unknown>).userName = 'q**'; }, '1301250000003'),
      odd((i) => { (i as Record<string, unknown>).emotionTypeV2 = i.emotionType; delete (i as Partial<typeof i>).emotionType; }, '1301250000004'),
      odd((i) => { (i.itemInfo as Record<string, unknown>).title = 12345; (i.userInfo as Record<string, unknown>).securityuid = ['x']; }, '1301250000005'),
      item(),
    ]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.skipped).toEqual({ 'id-too-long': 1 });
    expect(r.reviews.map((x) => x.platformReviewId)).toEqual(['1301250000002', '1301250000003', '1301250000004', '1301250000005', '1301250188411']);
    const [long, nick, renamed, oddTypes] = r.reviews;
    // Kept, not refused: stored up to 20,000 characters (shortened for display only).
    expect(long?.followUp?.content).toHaveLength(20_000);
    expect(long?.sentiment).toBe('negative');
    expect(nick?.buyerNick).toBe('q**');
    expect(renamed?.sentiment).toBe('unknown');
    expect(oddTypes).toMatchObject({ itemTitle: undefined, buyerKey: undefined, sentiment: 'negative' });
  });

  it('never keeps a javascript: item link', () => {
    const r = parseQianniuList(envelope([item({ itemInfo: { itemId: 1, title: 't', link: 'javascript:alert(1)' } })]));
    expect(r.ok && r.reviews[0]?.itemLink).toBeUndefined();
  });
});

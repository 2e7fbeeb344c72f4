import type { Database } from '../src/db/types';
import type { StoredReview } from '../../lib/reviews/schema';
import type { CaseRecord } from '../../lib/cases/schema';
import type { TeamEvent } from '../../lib/team/protocol';

const DAY = 86_400_000;
const BATCH = 2000;
const TEXTS = ['质量太差，用了两天就坏了', '物流太慢了，等了一个星期', '颜色和图片不一样', '客服态度不好', '尺码偏小，穿不上'];

/**
 * A year of a busy shop, written straight into the tables (as pushes would leave them, one change number
 * each): `cases` cases, their reviews and three events each. Returns the number of rows written.
 */
export async function seedShop(db: Database, shopId: string, cases: number): Promise<number> {
  const start = Date.now() - 365 * DAY;
  let rows = 0;
  for (let from = 0; from < cases; from += BATCH) {
    const reviews: StoredReview[] = [];
    const records: CaseRecord[] = [];
    const events: TeamEvent[] = [];
    for (let n = from; n < Math.min(cases, from + BATCH); n++) {
      const at = start + Math.floor((n / cases) * 365 * DAY);
      const id = `tmall:Y${n}`;
      const closed = n < cases * 0.9;
      reviews.push({ id, platform: 'tmall', platformReviewId: `Y${n}`, sentiment: 'negative', sentimentSource: 'platform',
        content: `${TEXTS[n % TEXTS.length]}（订单 ${n}）`, placeholder: false, reviewTime: at, buyerNick: `b**${n % 97}`, buyerKey: `buyer-${n}`,
        itemId: `item-${n % 300}`, itemTitle: `商品 ${n % 300}`, pictureCount: n % 3, firstSeenAt: at, lastSeenAt: at, sourcePage: 'https://myseller.taobao.com/home.htm' });
      records.push({ id, platform: 'tmall', platformReviewId: `Y${n}`, sentiment: 'negative', status: closed ? 'resolved' : 'contacting',
        createdAt: at, updatedAt: at + DAY, statusChangedAt: at + DAY, openedAt: at + 3600_000, reviewTime: at, itemId: `item-${n % 300}`,
        buyerKey: `buyer-${n}`, causes: [{ code: 'quality', triggers: ['质量'] }], causesBy: 'auto', assignee: null, agreedAt: null });
      for (let e = 0; e < 3; e++) {
        events.push({ id: crypto.randomUUID(), caseId: id, at: at + e * 3600_000, kind: e === 0 ? 'created' : 'attempt', by: e === 0 ? 'system' : '客服1',
          ...(e ? { channel: 'phone', outcome: e === 2 ? 'talked_agreed' : 'no_answer' } : {}) });
      }
    }
    await db.transaction(async (tx) => {
      await tx.query(`insert into reviews (shop_id, id, data, change_seq)
        select $1, r ->> 'id', r, nextval('change_seq') from jsonb_array_elements($2::jsonb) r`, [shopId, JSON.stringify(reviews)]);
      await tx.query(`insert into cases (shop_id, id, data, change_seq)
        select $1, r ->> 'id', r, nextval('change_seq') from jsonb_array_elements($2::jsonb) r`, [shopId, JSON.stringify(records)]);
      await tx.query(`insert into events (shop_id, id, case_id, data, change_seq)
        select $1, r ->> 'id', r ->> 'caseId', r, nextval('change_seq') from jsonb_array_elements($2::jsonb) r`, [shopId, JSON.stringify(events)]);
    });
    rows += reviews.length + records.length + events.length;
  }
  return rows;
}

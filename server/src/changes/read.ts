import type { Queryable } from '../db/types';
import type { CaseRecord } from '../../../lib/cases/schema';
import type { BuyerNote } from '../../../lib/cases/buyer-notes';
import type { StoredReview } from '../../../lib/reviews/schema';
import { DEFAULT_CONTACT_RETENTION_DAYS, type Change, type ChangeEntity, type ShopSettings, type ShopSettingsFields, type TeamEvent, type TeamPromise } from '../../../lib/team/protocol';

interface ChangeRow { entity: ChangeEntity; seq: string; data: unknown; holder: string | null; shop_name: string | null }

/**
 * Every shop row written after the cursor, oldest change first, each in its full current state. One sequence
 * numbers all tables, so this is a merge of index scans on (shop_id, change_seq).
 */
const CHANGES_SQL = `
select entity, change_seq::text as seq, data, holder, shop_name from (
  select 'review' as entity, change_seq, data, null::text as holder, null::text as shop_name from reviews where shop_id = $1 and change_seq > $2
  union all select 'case', change_seq, data, holder, null from cases where shop_id = $1 and change_seq > $2
  union all select 'event', change_seq, data, null, null from events where shop_id = $1 and change_seq > $2
  union all select 'promise', change_seq, data, null, null from promises where shop_id = $1 and change_seq > $2
  union all select 'buyerNote', change_seq, data, null, null from buyer_notes where shop_id = $1 and change_seq > $2
  union all select 'settings', change_seq, settings, null, name from shops where id = $1 and change_seq > $2
) c order by c.change_seq limit $3`;

export const defaultSettings = (shopName: string): ShopSettings => ({
  shopName, promiseDueHours: 24, contactRetentionDays: DEFAULT_CONTACT_RETENTION_DAYS, contactTiming: {},
});

function toChange(row: ChangeRow): Change {
  const seq = row.seq;
  switch (row.entity) {
    case 'review': return { seq, entity: 'review', review: row.data as StoredReview };
    case 'case': return { seq, entity: 'case', case: { ...(row.data as CaseRecord), assignee: row.holder }, holder: row.holder };
    case 'event': return { seq, entity: 'event', event: row.data as TeamEvent };
    case 'promise': return { seq, entity: 'promise', promise: row.data as TeamPromise };
    case 'buyerNote': return { seq, entity: 'buyerNote', buyerNote: row.data as BuyerNote };
    case 'settings': return { seq, entity: 'settings', settings: { ...defaultSettings(row.shop_name ?? ''), ...(row.data as ShopSettingsFields) } };
  }
}

export interface ChangePage { changes: Change[]; cursor: string; more: boolean }

export async function readChanges(db: Queryable, shopId: string, since: string, limit: number): Promise<ChangePage> {
  const rows = await db.query<ChangeRow>(CHANGES_SQL, [shopId, since, limit + 1]);
  const more = rows.length > limit;
  const changes = rows.slice(0, limit).map(toChange);
  return { changes, cursor: changes.at(-1)?.seq ?? since, more };
}

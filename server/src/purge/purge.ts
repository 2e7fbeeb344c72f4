import type { Database } from '../db/types';
import { CLOSED_STATUSES } from '../../../lib/cases/schema';
import type { BuyerNote } from '../../../lib/cases/buyer-notes';
import { DEFAULT_CONTACT_RETENTION_DAYS } from '../../../lib/team/protocol';
import { lockShop } from '../push/lock';
import type { FieldTimes, Stamp } from '../push/lww';

const DAY_MS = 86_400_000;
export const PURGE_EVERY_MS = 60 * 60_000;

/**
 * Retention (PIPL): erases the phone number in the buyer notes of buyers whose cases have all been closed for
 * longer than the shop's contactRetentionDays (the same rule as the extension's local purge). The erasure is a
 * normal change, so every agent's browser pulls it; the copies of the number in the audit history go too.
 * Returns how many numbers were erased.
 */
export async function purgeContactData(db: Database, now: number, onChange: (shopId: string) => void): Promise<number> {
  const shops = await db.query<{ id: string; days: number | null }>(
    `select id, (settings ->> 'contactRetentionDays')::int as days from shops`,
  );
  let erased = 0;
  for (const shop of shops) {
    const cutoff = now - (shop.days ?? DEFAULT_CONTACT_RETENTION_DAYS) * DAY_MS;
    const count = await db.transaction(async (tx) => {
      await lockShop(tx, shop.id);
      const notes = await tx.query<{ buyer_key: string; data: BuyerNote; field_times: FieldTimes }>(
        `select n.buyer_key, n.data, n.field_times from buyer_notes n
          where n.shop_id = $1 and coalesce(n.data ->> 'phone', '') <> ''
            and not exists (select 1 from cases c where c.shop_id = $1 and c.buyer_key = n.buyer_key
                              and (c.status <> all($2::text[]) or c.status_changed_at > $3))
          for update of n`,
        [shop.id, CLOSED_STATUSES, cutoff],
      );
      // Stamped with the purge time: a number entered again later (a newer write) is kept, an older replay is not.
      const stamp: Stamp = [now, 'retention-purge'];
      for (const note of notes) {
        await tx.query(
          `update buyer_notes set data = $3::jsonb, field_times = $4::jsonb, change_seq = nextval('change_seq') where shop_id = $1 and buyer_key = $2`,
          [shop.id, note.buyer_key, JSON.stringify({ ...note.data, phone: '' }), JSON.stringify({ ...note.field_times, phone: stamp })],
        );
        await tx.query(
          `update mutations set payload = jsonb_set(payload, '{fields,phone}', '""') where shop_id = $1 and kind = 'buyerNote.set'
              and payload ->> 'buyerKey' = $2 and payload -> 'fields' ? 'phone'`,
          [shop.id, note.buyer_key],
        );
      }
      return notes.length;
    });
    if (count) onChange(shop.id);
    erased += count;
  }
  return erased;
}

import type { ShopSettingsFields } from '../../../../lib/team/protocol';
import { bilingual } from '../../http/errors';
import { applied, rejected, type Handler } from '../context';
import { mergeFields, type FieldTimes } from '../lww';

/** settings.set: the shop's shared settings are the lead's; per field last writer wins. */
export const setSettings: Handler<'settings.set'> = async (ctx, { fields }) => {
  const { tx, actor } = ctx;
  if (actor.role !== 'lead') return rejected(bilingual('只有组长可以修改店铺设置', 'Only the shop lead can change shop settings'));
  const [shop] = await tx.query<{ settings: ShopSettingsFields; settings_times: FieldTimes }>(
    'select settings, settings_times from shops where id = $1 for update', [actor.shopId],
  );
  const merged = mergeFields(shop!.settings, shop!.settings_times, fields, ctx.stamp);
  if (merged.changed) {
    await tx.query(
      `update shops set settings = $2::jsonb, settings_times = $3::jsonb, change_seq = nextval('change_seq') where id = $1`,
      [actor.shopId, JSON.stringify(merged.data), JSON.stringify(merged.times)],
    );
  }
  return applied(merged.changed);
};

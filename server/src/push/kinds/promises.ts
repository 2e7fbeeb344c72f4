import { PromiseField, type TeamPromise } from '../../../../lib/team/protocol';
import { bilingual } from '../../http/errors';
import { applied, rejected, type Handler } from '../context';
import { mergeFields } from '../lww';
import { insertRow, readForUpdate, updateRow } from '../rows';

/**
 * promise.put: one record per promise id. The first put creates it (by the signed-in account); later puts edit
 * the named fields, last writer wins per field.
 */
export const putPromise: Handler<'promise.put'> = async (ctx, { promise, fields }) => {
  const { tx, actor } = ctx;
  const stored = await readForUpdate<TeamPromise>(tx, 'promises', actor.shopId, promise.id);
  const edited = fields ?? PromiseField.options;
  const values = Object.fromEntries(edited.map((f) => [f, promise[f]])) as Partial<TeamPromise>;
  if (!stored) {
    const data: TeamPromise = { ...promise, createdBy: actor.name };
    const times = Object.fromEntries(edited.map((f) => [f, ctx.stamp]));
    return applied(await insertRow(tx, 'promises', actor.shopId, promise.id, data, times, { case_id: promise.caseId }));
  }
  if (stored.data.caseId !== promise.caseId) {
    return rejected(bilingual('承诺不能移到另一个案件', 'A promise cannot move to another case'));
  }
  const merged = mergeFields(stored.data, stored.times, values, ctx.stamp);
  if (merged.changed) await updateRow(tx, 'promises', actor.shopId, promise.id, merged.data, merged.times);
  return applied(merged.changed);
};

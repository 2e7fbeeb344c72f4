import { emptyBuyerNote, type BuyerNote } from '../../../../lib/cases/buyer-notes';
import { applied, type Handler } from '../context';
import { mergeFields } from '../lww';
import { insertRow, readForUpdate, updateRow } from '../rows';

/** buyerNote.set: per field last writer wins; the note says who changed it last (the signed-in account). */
export const setBuyerNote: Handler<'buyerNote.set'> = async (ctx, { buyerKey, fields }) => {
  const { tx, actor } = ctx;
  const stored = await readForUpdate<BuyerNote>(tx, 'buyer_notes', actor.shopId, buyerKey);
  const base = stored ?? { data: emptyBuyerNote(buyerKey), times: {} };
  const merged = mergeFields(base.data, base.times, fields as Partial<BuyerNote>, ctx.stamp);
  if (!merged.changed) return applied(false);
  const data: BuyerNote = { ...merged.data, updatedAt: Math.max(base.data.updatedAt, ctx.at), updatedBy: actor.name };
  if (stored) await updateRow(tx, 'buyer_notes', actor.shopId, buyerKey, data, merged.times);
  else await insertRow(tx, 'buyer_notes', actor.shopId, buyerKey, data, merged.times);
  return applied(true);
};

import { reviewKey, type StoredReview } from '../../../../lib/reviews/schema';
import { bilingual } from '../../http/errors';
import { applied, rejected, type Handler } from '../context';
import { mergeFields, type Stamp } from '../lww';
import { insertRow, readForUpdate, updateRow } from '../rows';

/** review.observe: per field, the newest observation (its lastSeenAt) wins; first/last seen only widen. */
export const observeReview: Handler<'review.observe'> = async (ctx, { review }) => {
  if (review.id !== reviewKey(review.platform, review.platformReviewId)) {
    return rejected(bilingual('评价的 id 与平台编号不符', 'The review id does not match its platform and review number'));
  }
  const stamp: Stamp = [ctx.clampTime(review.lastSeenAt), ctx.mutationId];
  const { id, firstSeenAt, lastSeenAt, ...fields } = review;
  const stored = await readForUpdate<StoredReview>(ctx.tx, 'reviews', ctx.actor.shopId, id);
  if (!stored) {
    const times = Object.fromEntries(Object.keys(fields).map((f) => [f, stamp]));
    return applied(await insertRow(ctx.tx, 'reviews', ctx.actor.shopId, id, review, times));
  }
  const merged = mergeFields(stored.data, stored.times, fields as Partial<StoredReview>, stamp);
  const data: StoredReview = {
    ...merged.data,
    firstSeenAt: Math.min(stored.data.firstSeenAt, firstSeenAt),
    lastSeenAt: Math.max(stored.data.lastSeenAt, lastSeenAt),
  };
  const changed = merged.changed || data.firstSeenAt !== stored.data.firstSeenAt || data.lastSeenAt !== stored.data.lastSeenAt;
  if (changed) await updateRow(ctx.tx, 'reviews', ctx.actor.shopId, id, data, merged.times);
  return applied(changed);
};

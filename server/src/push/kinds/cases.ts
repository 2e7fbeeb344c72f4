import { reviewKey } from '../../../../lib/reviews/schema';
import type { CaseRecord } from '../../../../lib/cases/schema';
import { isActiveAccount } from '../../accounts/accounts';
import { bilingual } from '../../http/errors';
import { applied, rejected, type Handler } from '../context';
import { mergeFields } from '../lww';
import { insertRow, readForUpdate, updateRow } from '../rows';

const unknownCase = (id: string) => rejected(bilingual(`服务器上没有案件 ${id}`, `No case ${id} on the server`));

/**
 * case.create: keyed by the review key, which is global. A case that exists already is left as it is (the same
 * review seen by two agents is one case). Its fields start without a stamp: any later case.set decides them.
 * The holder is never set here; claims decide it.
 */
export const createCase: Handler<'case.create'> = async (ctx, { case: record }) => {
  if (record.id !== reviewKey(record.platform, record.platformReviewId)) {
    return rejected(bilingual('案件的 id 与评价编号不符', 'The case id does not match its review'));
  }
  const data: CaseRecord = { ...record, assignee: null };
  return applied(await insertRow(ctx.tx, 'cases', ctx.actor.shopId, record.id, data, {}));
};

/** case.set: last writer wins per field by (at, mutation id); an older write changes nothing but stays in the audit. */
export const setCase: Handler<'case.set'> = async (ctx, { caseId, fields }) => {
  const stored = await readForUpdate<CaseRecord>(ctx.tx, 'cases', ctx.actor.shopId, caseId);
  if (!stored) return unknownCase(caseId);
  const merged = mergeFields(stored.data, stored.times, fields as Partial<CaseRecord>, ctx.stamp);
  if (merged.changed) await updateRow(ctx.tx, 'cases', ctx.actor.shopId, caseId, merged.data, merged.times);
  return applied(merged.changed);
};

/**
 * case.claim: compare-and-set on the holder in one statement, so of two claims at once exactly one finds the
 * holder it expected. A lead may give the case to anyone whoever holds it; an agent only takes it for itself
 * (from whoever it saw holding it) or lets go of its own.
 */
export const claimCase: Handler<'case.claim'> = async (ctx, { caseId, from, to }) => {
  const { actor, tx } = ctx;
  const isLead = actor.role === 'lead';
  if (!isLead && to !== null && to !== actor.name) {
    return rejected(bilingual('只能为自己认领案件，转交请找组长', 'You can only claim a case for yourself; ask the lead to reassign it'));
  }
  if (!isLead && to === null && from !== actor.name) {
    return rejected(bilingual('只能放下自己认领的案件', 'You can only release a case you hold'));
  }
  if (to !== null && !(await isActiveAccount(tx, actor.shopId, to))) {
    return rejected(bilingual(`本店没有在用的账号 ${to}`, `No active account ${to} in this shop`));
  }
  const won = await tx.query(
    `update cases set holder = $3, change_seq = nextval('change_seq')
      where shop_id = $1 and id = $2 and ($5 or holder is not distinct from $4::text) returning holder`,
    [actor.shopId, caseId, to, from, isLead],
  );
  if (won.length) return applied(true);
  const [current] = await tx.query<{ holder: string | null }>('select holder from cases where shop_id = $1 and id = $2', [actor.shopId, caseId]);
  if (!current) return unknownCase(caseId);
  const holder = current.holder;
  return {
    status: 'conflict', holder, changed: false,
    error: holder ? bilingual(`${holder} 正在处理此案件`, `${holder} holds this case now`) : bilingual('案件已被放下', 'The case is free now'),
  };
};

export { unknownCase };

import type { TeamEvent } from '../../../../lib/team/protocol';
import { bilingual } from '../../http/errors';
import { applied, rejected, type Handler } from '../context';

/**
 * event.append: append-only, keyed by the client's uuid, so a replay never adds it twice. It is attributed to
 * the signed-in account; 'system' stays for what ReviewDesk did by itself (created, revised, reopened).
 */
export const appendEvent: Handler<'event.append'> = async (ctx, { event }) => {
  const data: TeamEvent = { ...event, by: event.by === 'system' ? 'system' : ctx.actor.name };
  const rows = await ctx.tx.query(
    `insert into events (shop_id, id, case_id, data, undone, change_seq) values ($1, $2, $3, $4::jsonb, $5, nextval('change_seq'))
     on conflict do nothing returning 1`,
    [ctx.actor.shopId, event.id, event.caseId, JSON.stringify(data), event.undone === true],
  );
  if (!rows.length) return { status: 'applied', changed: false };
  return applied(true);
};

/** event.set: an undo is a tombstone flag on the event, never a delete; once undone it stays undone. */
export const setEvent: Handler<'event.set'> = async (ctx, { id }) => {
  const rows = await ctx.tx.query(
    `update events set undone = true, data = data || '{"undone": true}'::jsonb, change_seq = nextval('change_seq')
      where shop_id = $1 and id = $2 and not undone returning 1`,
    [ctx.actor.shopId, id],
  );
  if (rows.length) return applied(true);
  const exists = await ctx.tx.query('select 1 from events where shop_id = $1 and id = $2', [ctx.actor.shopId, id]);
  return exists.length ? applied(false) : rejected(bilingual(`服务器上没有记录 ${id}`, `No event ${id} on the server`));
};

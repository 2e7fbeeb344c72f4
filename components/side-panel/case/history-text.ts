import type { CaseDetail } from '@/lib/cases/case-store';
import type { CaseEvent } from '@/lib/cases/schema';
import { formatYuan, REMEDY_LABELS, type PromiseTerms, type RemedyKind } from '@/lib/cases/promises';
import { CAUSES, type CauseCode } from '@/lib/causes/taxonomy';
import { templateById } from '@/lib/replies/templates';
import { CHANNELS, type Channel } from '@/lib/replies/schema';
import { formatBeijing } from '@/lib/time/beijing';
import { t, type Language } from '@/lib/i18n';
import { outcomeLabel } from '../store';

/**
 * One history line in the agent's language: what happened, its details with human labels (never internal ids
 * such as template or cause codes), and who did it. Events store codes, so old entries follow the language too;
 * only what an agent wrote (notes, references, reasons) is shown as written.
 */
export function historyLine(e: CaseEvent, detail: CaseDetail, lang: Language): { what: string; detail: string; by: string } {
  const what = e.outcome ? outcomeLabel(lang, e.outcome) : t(lang, `event.${e.kind}`);
  const status = e.kind === 'status' && e.to ? ` → ${t(lang, `status.${e.to}`)}` : '';
  return { what: `${what}${status}`, detail: eventDetail(e, detail, lang), by: agentName(lang, e.by) };
}

/** 'system' is ReviewDesk itself; an empty name is the agent of this browser before giving a name (我 / me). */
export const agentName = (lang: Language, by: string) => (by === 'system' ? 'ReviewDesk' : by.trim() === '' ? t(lang, 'history.me') : by);

const l = (lang: Language) => (lang === 'zh-CN' ? 'zh' : 'en');
const remedy = (lang: Language, kind: RemedyKind) => REMEDY_LABELS[kind][l(lang)];
const money = (lang: Language, fen: number | null) => (fen === null ? t(lang, 'history.noAmount') : formatYuan(fen));
const sep = (lang: Language) => t(lang, 'list.separator');

function eventDetail(e: CaseEvent, detail: CaseDetail, lang: Language): string {
  switch (e.kind) {
    case 'promise':
    case 'promise-fulfilled':
    case 'promise-cancelled': {
      const p = e.promiseId !== undefined ? detail.promises.find((x) => x.id === e.promiseId) : undefined;
      if (!p) return e.detail ?? '';
      const terms = e.kind === 'promise' ? (detail.events.find((x) => x.kind === 'promise-changed' && x.promiseId === p.id)?.terms?.from ?? p) : p;
      const what = `${remedy(lang, terms.kind)}${terms.amountFen !== null ? ` ${formatYuan(terms.amountFen)}` : ''}`;
      return e.kind === 'promise' || !e.detail ? what : `${what} · ${e.detail}`;
    }
    case 'promise-changed':
      return e.terms ? changes(lang, e.terms.from, e.terms.to) : '';
    case 'copy':
      return copied(lang, e.detail ?? '');
    case 'causes':
      return (e.detail ?? '').split(',').filter(Boolean).map((code) => (code in CAUSES ? CAUSES[code as CauseCode][l(lang)] : code)).join(sep(lang));
    default:
      return e.detail ?? '';
  }
}

/** "金额 ¥0.00 → ¥8.00 · 期限 2020-01-01 10:00 → 2026-12-03 10:00": only what the correction changed. */
function changes(lang: Language, from: PromiseTerms, to: PromiseTerms): string {
  const parts: string[] = [];
  if (from.kind !== to.kind) parts.push(t(lang, 'history.kind', { from: remedy(lang, from.kind), to: remedy(lang, to.kind) }));
  if (from.amountFen !== to.amountFen) parts.push(t(lang, 'history.amount', { from: money(lang, from.amountFen), to: money(lang, to.amountFen) }));
  if (from.dueAt !== to.dueAt) parts.push(t(lang, 'history.due', { from: formatBeijing(from.dueAt), to: formatBeijing(to.dueAt) }));
  if (from.note !== to.note) parts.push(t(lang, 'history.note', { text: to.note || '—' }));
  return parts.join(' · ');
}

const TEMPLATE_ID = /[a-z0-9_]+(?:\.[a-z0-9_]+)+/;
const EDITED = /(（已修改）|\(edited\))\s*$/;

/**
 * A copy is recorded as "<channel> · <template id>[ <edited>]" in the language of the moment. Shown as the channel,
 * the cause and the variant's name in today's language; a template no longer shipped still shows its channel.
 */
function copied(lang: Language, stored: string): string {
  const id = TEMPLATE_ID.exec(stored)?.[0];
  if (!id) return stored;
  const template = templateById(id);
  const [causeCode, channelCode] = id.split('.');
  const channel = (template?.channel ?? (CHANNELS.includes(channelCode as Channel) ? channelCode : undefined)) as Channel | undefined;
  const cause = template?.cause ?? causeCode;
  const parts = [
    channel ? t(lang, `reply.${channel}`) : undefined,
    cause && cause in CAUSES ? CAUSES[cause as CauseCode][l(lang)] : undefined,
    template?.variant[l(lang)],
  ].filter(Boolean);
  const edited = EDITED.test(stored) ? t(lang, 'reply.edited') : '';
  return `${parts.join(' · ')}${edited && lang === 'en' ? ' ' : ''}${edited}`;
}

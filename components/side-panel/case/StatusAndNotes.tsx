import { useState } from 'react';
import type { CaseDetail } from '@/lib/cases/case-store';
import { isOpenStatus, type CaseStatus } from '@/lib/cases/schema';
import { formatBeijing } from '@/lib/time/beijing';
import { formatYuan, REMEDY_LABELS } from '@/lib/cases/promises';
import type { CaseEvent } from '@/lib/cases/schema';
import { t, type Language } from '@/lib/i18n';
import { outcomeLabel, usePanel } from '../store';

const CLOSE_AS: CaseStatus[] = ['resolved', 'revised', 'unresolvable', 'complained'];

/** Closing (or reopening) a case by hand, and free notes. */
export function StatusSection({ lang, detail }: { lang: Language; detail: CaseDetail }) {
  const { act } = usePanel();
  const [note, setNote] = useState('');
  const { case: c } = detail;
  const set = (status: CaseStatus) => void act('setStatus', { caseId: c.id, status });
  return (
    <section aria-labelledby="status-title">
      <h3 id="status-title">{t(lang, 'status.title')}</h3>
      <div className="row">
        {isOpenStatus(c.status)
          ? CLOSE_AS.map((s) => <button key={s} type="button" data-set-status={s} onClick={() => set(s)}>{t(lang, 'status.set', { status: t(lang, `status.${s}`) })}</button>)
          : <button type="button" data-set-status="contacting" onClick={() => set('contacting')}>{t(lang, 'status.reopen')}</button>}
      </div>
      <div className="row">
        <input aria-label={t(lang, 'note.title')} placeholder={t(lang, 'note.title')} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="button" disabled={!note.trim()} onClick={() => { void act('addNote', { caseId: c.id, note: note.trim() }); setNote(''); }}>{t(lang, 'note.add')}</button>
      </div>
    </section>
  );
}

/** Promise events name the remedy and amount in the agent's language; other details are shown as written. */
function eventDetail(e: CaseEvent, detail: CaseDetail, lang: Language): string | undefined {
  if ((e.kind === 'promise' || e.kind === 'promise-fulfilled') && e.promiseId !== undefined) {
    const p = detail.promises.find((x) => x.id === e.promiseId);
    if (!p) return e.detail;
    const what = `${REMEDY_LABELS[p.kind][lang === 'zh-CN' ? 'zh' : 'en']}${p.amountFen !== null ? ` ${formatYuan(p.amountFen)}` : ''}`;
    return e.kind === 'promise' ? what : `${what}${e.detail ? ` · ${e.detail}` : ''}`;
  }
  return e.detail;
}

/** Everything done on the case, with who and when. */
export function HistorySection({ lang, detail }: { lang: Language; detail: CaseDetail }) {
  return (
    <section aria-labelledby="history-title">
      <h3 id="history-title">{t(lang, 'case.history')}</h3>
      <ol className="history" data-testid="history">
        {[...detail.events].reverse().map((e) => (
          <li key={e.seq ?? `${e.kind}-${e.at}`} data-event={e.kind}>
            <time>{formatBeijing(e.at)}</time> {e.outcome ? outcomeLabel(lang, e.outcome) : t(lang, `event.${e.kind}`)}
            {e.kind === 'status' && e.to && ` → ${t(lang, `status.${e.to}`)}`}
            {eventDetail(e, detail, lang) && <span className="detail"> · {eventDetail(e, detail, lang)}</span>}
            <span className="muted"> · {e.by === 'system' ? 'ReviewDesk' : e.by}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

import { useState } from 'react';
import type { CaseDetail } from '@/lib/cases/case-store';
import { isOpenStatus, NOTE_MAX, type CaseStatus } from '@/lib/cases/schema';
import { formatBeijing } from '@/lib/time/beijing';
import { t, type Language } from '@/lib/i18n';
import { usePanel } from '../store';
import { describeFailure } from '../failures';
import { LimitedInput } from '../LimitedInput';
import { historyLine } from './history-text';

const CLOSE_AS: CaseStatus[] = ['resolved', 'revised', 'unresolvable', 'complained'];

/** Closing (or reopening) a case by hand, and free notes (Enter adds one; a refused note stays in the box). */
export function StatusSection({ lang, detail }: { lang: Language; detail: CaseDetail }) {
  const { act } = usePanel();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { case: c } = detail;
  const set = (status: CaseStatus) => void act('setStatus', { caseId: c.id, status });
  const text = note.trim();
  const addable = text !== '' && text.length <= NOTE_MAX;
  const add = async () => {
    if (!addable) return;
    const sent = note;
    const failure = await act('addNote', { caseId: c.id, note: text }, { shown: true });
    setProblem(failure && describeFailure(lang, failure));
    // Cleared only once stored, and only if the agent has not started another note meanwhile.
    if (!failure) setNote((current) => (current === sent ? '' : current));
  };
  return (
    <section aria-labelledby="status-title">
      <h3 id="status-title">{t(lang, 'status.title')}</h3>
      <div className="row">
        {isOpenStatus(c.status)
          ? CLOSE_AS.map((s) => <button key={s} type="button" data-set-status={s} onClick={() => set(s)}>{t(lang, 'status.set', { status: t(lang, `status.${s}`) })}</button>)
          : <button type="button" data-set-status="contacting" onClick={() => set('contacting')}>{t(lang, 'status.reopen')}</button>}
      </div>
      <div className="row">
        <LimitedInput lang={lang} label={t(lang, 'note.title')} fieldName={t(lang, 'field.note')} labelHidden value={note} limit={NOTE_MAX} problem={problem}
          onChange={(v) => { setNote(v); setProblem(null); }} onEnter={() => void add()} data-testid="case-note" />
        <button type="button" disabled={!addable} onClick={() => void add()}>{t(lang, 'note.add')}</button>
      </div>
    </section>
  );
}

/** Everything done on the case, with who and when, in the agent's language. */
export function HistorySection({ lang, detail }: { lang: Language; detail: CaseDetail }) {
  return (
    <section aria-labelledby="history-title">
      <h3 id="history-title">{t(lang, 'case.history')}</h3>
      <ol className="history" data-testid="history">
        {[...detail.events].reverse().map((e) => {
          const line = historyLine(e, detail, lang);
          return (
            <li key={e.seq ?? `${e.kind}-${e.at}`} data-event={e.kind}>
              <time>{formatBeijing(e.at)}</time> {line.what}
              {line.detail && <span className="detail"> · {line.detail}</span>}
              <span className="muted"> · {line.by}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

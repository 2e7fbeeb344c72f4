import { useEffect, useState } from 'react';
import { OUTCOMES, type OutcomeCode } from '@/lib/cases/outcomes';
import { t, type Language } from '@/lib/i18n';
import { HOUR_MS } from '@/lib/time/beijing';
import { outcomeLabel, usePanel } from '../store';
import { fromInputValue, toInputValue } from './beijing-input';

const nextWholeHour = (now: number) => Math.ceil((now + 1) / HOUR_MS) * HOUR_MS;
const typing = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/** One click (or one key) logs an outcome; a note is optional; undo stays on screen for a few seconds. */
export function OutcomeBar({ lang, caseId, now }: { lang: Language; caseId: string; now: number }) {
  const { logOutcome, undo, undoLast } = usePanel();
  const [note, setNote] = useState('');
  const [agreed, setAgreed] = useState(() => toInputValue(nextWholeHour(Date.now())));
  const [message, setMessage] = useState<string | null>(null);

  const log = async (outcome: OutcomeCode) => {
    const agreedAt = outcome === 'agreed_time' ? (fromInputValue(agreed) ?? undefined) : undefined;
    await logOutcome({ caseId, outcome, note: note.trim() || undefined, agreedAt });
    setNote('');
    setMessage(t(lang, 'outcome.logged', { outcome: outcomeLabel(lang, outcome) }));
  };
  const takeBack = async () => {
    if (await undoLast()) setMessage(t(lang, 'outcome.undone'));
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.altKey || e.metaKey) return;
      if (e.key === 'u' || e.key === 'U' || (e.ctrlKey && e.key === 'z')) {
        e.preventDefault();
        void takeBack();
        return;
      }
      const hit = !e.ctrlKey && OUTCOMES.find((o) => o.key === e.key);
      if (hit) {
        e.preventDefault();
        void log(hit.code);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const undoOpen = undo && undo.until > now;
  return (
    <section aria-labelledby="outcome-title" className="outcomes">
      <h3 id="outcome-title">{t(lang, 'outcome.title')}</h3>
      {(['phone', 'chat'] as const).map((channel) => (
        <div key={channel} className="outcome-row" role="group" aria-label={t(lang, `outcome.${channel}`)}>
          <span className="muted small">{t(lang, `outcome.${channel}`)}</span>
          {OUTCOMES.filter((o) => o.channel === channel).map((o) => (
            <button key={o.code} type="button" data-outcome={o.code} onClick={() => void log(o.code)} title={`${outcomeLabel(lang, o.code)} (${o.key})`}>
              <kbd>{o.key}</kbd> {outcomeLabel(lang, o.code)}
            </button>
          ))}
        </div>
      ))}
      <div className="row">
        <input aria-label={t(lang, 'outcome.note')} placeholder={t(lang, 'outcome.note')} value={note} onChange={(e) => setNote(e.target.value)} />
        <label className="small">
          {t(lang, 'outcome.agreedAt')}
          <input type="datetime-local" value={agreed} onChange={(e) => setAgreed(e.target.value)} data-testid="agreed-at" />
        </label>
      </div>
      {message && (
        <p className="toast" role="status">
          {message}
          {undoOpen && <button type="button" className="link" data-action="undo" onClick={() => void takeBack()}>{t(lang, 'outcome.undo')}</button>}
        </p>
      )}
      <p className="muted small">{t(lang, 'outcome.keys')}</p>
    </section>
  );
}

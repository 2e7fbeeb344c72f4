import { useEffect, useState } from 'react';
import { OUTCOMES, type OutcomeCode } from '@/lib/cases/outcomes';
import type { CaseDetail } from '@/lib/cases/case-store';
import { attemptsOf } from '@/lib/contact-timing/case-advice';
import { rulesBrokenBy } from '@/lib/contact-timing/logged-rules';
import { DEFAULT_CONTACT_TIMING_SETTINGS, parseContactTimingSettings, type ContactTimingSettings } from '@/lib/contact-timing/policy';
import { reportError } from '@/lib/errors/report';
import { t, type Language } from '@/lib/i18n';
import { HOUR_MS } from '@/lib/time/beijing';
import { outcomeLabel, usePanel, type UndoResult } from '../store';
import { describeFailure } from '../failures';
import { fromInputValue, INPUT_MAX, INPUT_MIN, toInputValue } from './beijing-input';

const nextWholeHour = (now: number) => Math.ceil((now + 1) / HOUR_MS) * HOUR_MS;
const typing = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
/** The protocol's limit for an outcome note (lib/messaging/protocol.ts). */
const NOTE_MAX = 1000;

function contactSettings(raw: Record<string, unknown>): ContactTimingSettings {
  try {
    return parseContactTimingSettings(raw);
  } catch (e) {
    // The contact-timing section shows the same error; the warning still checks the default rules.
    reportError('outcome.contactSettings', e);
    return DEFAULT_CONTACT_TIMING_SETTINGS;
  }
}

/** The rules a just-logged contact broke, worded for a warning; empty when it broke none or is not on screen. */
function brokenRules(detail: CaseDetail | null, eventSeq: number, settings: ContactTimingSettings, lang: Language): string[] {
  const logged = detail?.events.find((e) => e.seq === eventSeq);
  const [attempt] = logged ? attemptsOf([logged]) : [];
  if (!detail || !attempt) return [];
  const before = attemptsOf(detail.events.filter((e) => (e.seq ?? 0) < eventSeq));
  return rulesBrokenBy(attempt, before, settings, { doNotContact: detail.buyerNote?.doNotContact ?? false })
    .map((r) => (lang === 'zh-CN' ? r.explanation.zh : r.explanation.en));
}

/**
 * One click (or one key) logs an outcome; a note is optional; undo stays on screen for a few seconds.
 * A contact that breaks a rule (quiet hours, gap, cap…) is still logged, as it happened, with a warning.
 */
export function OutcomeBar({ lang, caseId, now }: { lang: Language; caseId: string; now: number }) {
  const { logOutcome, undo, undoLast, settings } = usePanel();
  const [note, setNote] = useState('');
  const [agreed, setAgreed] = useState(() => toInputValue(nextWholeHour(Date.now())));
  const [message, setMessage] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const agreedAtValue = fromInputValue(agreed);
  const log = async (outcome: OutcomeCode) => {
    // An agreed time the field cannot read (0001, an emptied field) is said at once, not logged without its time.
    if (outcome === 'agreed_time' && agreedAtValue === null) {
      setFailure(t(lang, 'input.dateInvalid'));
      return;
    }
    const agreedAt = outcome === 'agreed_time' ? agreedAtValue ?? undefined : undefined;
    const sentNote = note;
    try {
      const eventSeq = await logOutcome({ caseId, outcome, note: sentNote.trim() || undefined, agreedAt });
      // Clear the note only if the agent has not started another one meanwhile.
      setNote((current) => (current === sentNote ? '' : current));
      setFailure(null);
      setMessage(t(lang, 'outcome.logged', { outcome: outcomeLabel(lang, outcome) }));
      const broken = brokenRules(usePanel.getState().detail, eventSeq, contactSettings(settings.contactTiming), lang);
      setWarning(broken.length > 0 ? t(lang, 'outcome.ruleWarning', { rules: broken.join(lang === 'zh-CN' ? '；' : '; ') }) : null);
    } catch (e) {
      // Never lost without a word: the agent sees it was not logged, and the note stays to try again.
      reportError('outcome.log', e);
      setFailure(t(lang, 'outcome.failed', { error: describeFailure(lang, e) }));
    }
  };
  const takeBack = async () => {
    let result: UndoResult;
    try {
      result = await undoLast();
    } catch (e) {
      reportError('outcome.undo', e);
      setFailure(t(lang, 'outcome.failed', { error: describeFailure(lang, e) }));
      return;
    }
    setFailure(null);
    if (result === 'undone') setWarning(null);
    const text: Record<UndoResult, string> = {
      undone: t(lang, 'outcome.undone'),
      too_late: t(lang, 'outcome.undoTooLate', { seconds: settings.undoSeconds }),
      nothing: t(lang, 'outcome.nothingToUndo'),
      refused: t(lang, 'outcome.undoRefused'),
    };
    setMessage(text[result]);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A held key repeats: one press is one contact, never a burst of them.
      if (typing(e.target) || e.altKey || e.metaKey || e.repeat) return;
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

  const undoSecondsLeft = undo ? Math.ceil((undo.until - now) / 1000) : 0;
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
        <input aria-label={t(lang, 'outcome.note')} placeholder={t(lang, 'outcome.note')} value={note} maxLength={NOTE_MAX} onChange={(e) => setNote(e.target.value)} />
        <label className="small">
          {t(lang, 'outcome.agreedAt')}
          <input
            type="datetime-local" value={agreed} min={INPUT_MIN} max={INPUT_MAX} aria-invalid={agreedAtValue === null}
            onChange={(e) => setAgreed(e.target.value)} data-testid="agreed-at"
          />
        </label>
      </div>
      {message && (
        <p className="toast" role="status">
          {message}
          {undoSecondsLeft > 0 && (
            <button type="button" className="link" data-action="undo" onClick={() => void takeBack()}>
              {t(lang, 'outcome.undoIn', { seconds: undoSecondsLeft })}
            </button>
          )}
        </p>
      )}
      {warning && <p className="toast-warning" role="alert" data-testid="outcome-warning">⚠ {warning}</p>}
      {failure && <p className="danger small" role="alert">{failure}</p>}
      <p className="muted small">{t(lang, 'outcome.keys')}</p>
    </section>
  );
}

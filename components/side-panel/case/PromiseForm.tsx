import { useState } from 'react';
import { formatYuan, needsAmountCheck, parseYuan, PROMISE_NOTE_MAX, REMEDY_LABELS, RemedyKind, type PromiseTerms } from '@/lib/cases/promises';
import { formatBeijing } from '@/lib/time/beijing';
import { t, type Language } from '@/lib/i18n';
import type { Failure } from '../store';
import { describeFailure } from '../failures';
import { LimitedInput, isPlainEnter } from '../LimitedInput';
import { fromInputValue, INPUT_MAX, INPUT_MIN, toInputValue } from './beijing-input';

interface Props {
  lang: Language;
  /** The terms the form starts from: a fresh promise, or the one being corrected. */
  initial: PromiseTerms;
  now: number;
  submitLabel: string;
  /** data-action of the submit button (add-promise / save-promise). */
  action: string;
  /** Resolves to the failure; on failure everything typed stays in the form. */
  onSubmit: (terms: PromiseTerms) => Promise<Failure>;
  onDismiss?: () => void;
}

/**
 * What was promised, for how much and by when. A slip that would make a false record asks first: a due time already
 * past (the promise would be overdue at once), or a money remedy without an amount. Enter in the amount or the note
 * submits; nothing typed is cleared unless it was saved.
 */
export function PromiseForm({ lang, initial, now, submitLabel, action, onSubmit, onDismiss }: Props) {
  const [kind, setKind] = useState<RemedyKind>(initial.kind);
  const [amount, setAmount] = useState(initial.amountFen !== null ? formatYuan(initial.amountFen).slice(1) : '');
  const [due, setDue] = useState(() => toInputValue(initial.dueAt));
  const [note, setNote] = useState(initial.note);
  const [questions, setQuestions] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const l = lang === 'zh-CN' ? 'zh' : 'en';
  const amountFen = amount.trim() ? parseYuan(amount) : null;
  const amountBad = amount.trim() !== '' && amountFen === null;
  const dueAt = fromInputValue(due);
  const invalid = amountBad || dueAt === null || note.length > PROMISE_NOTE_MAX;
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setQuestions(null);
    setProblem(null);
  };

  const submit = async (confirmed: boolean) => {
    if (invalid || dueAt === null || busy) return;
    const asks = [
      ...(dueAt <= now ? [t(lang, 'promise.confirmPast', { time: formatBeijing(dueAt) })] : []),
      ...(needsAmountCheck(kind, amountFen) ? [t(lang, 'promise.confirmAmount', { remedy: REMEDY_LABELS[kind][l] })] : []),
    ];
    if (asks.length > 0 && !confirmed) return setQuestions(asks);
    setBusy(true);
    const failure = await onSubmit({ kind, amountFen, dueAt, note: note.trim() });
    setBusy(false);
    setQuestions(null);
    setProblem(failure && describeFailure(lang, failure));
  };
  const onEnter = () => void submit(false);

  return (
    <div className="form-grid promise-form">
      <label>{t(lang, 'promise.kind')}
        <select value={kind} onChange={(e) => changed(setKind)(e.target.value as RemedyKind)}>
          {RemedyKind.options.map((k) => <option key={k} value={k}>{REMEDY_LABELS[k][l]}</option>)}
        </select>
      </label>
      <label>{t(lang, 'promise.amount')}
        <input inputMode="decimal" value={amount} onChange={(e) => changed(setAmount)(e.target.value)} placeholder={REMEDY_LABELS[kind].money ? '10.00' : ''}
          aria-invalid={amountBad} onKeyDown={(e) => { if (isPlainEnter(e)) { e.preventDefault(); onEnter(); } }} />
      </label>
      {amountBad && <span className="danger small">{t(lang, 'promise.amountInvalid')}</span>}
      <label>{t(lang, 'promise.due')}
        <input type="datetime-local" value={due} min={INPUT_MIN} max={INPUT_MAX} onChange={(e) => changed(setDue)(e.target.value)}
          aria-invalid={dueAt === null} data-testid="promise-due" />
      </label>
      {dueAt === null && <span className="danger small" role="alert">{t(lang, 'input.dateInvalid')}</span>}
      <LimitedInput lang={lang} label={t(lang, 'promise.note')} fieldName={t(lang, 'field.addPromise.note')} value={note} limit={PROMISE_NOTE_MAX}
        onChange={changed(setNote)} onEnter={onEnter} />
      {questions ? (
        <div className="confirm" role="alertdialog" aria-label={submitLabel} data-testid="promise-confirm">
          {questions.map((q) => <p key={q}>{q}</p>)}
          <div className="row">
            <button type="button" data-action="confirm-promise" onClick={() => void submit(true)}>{t(lang, 'promise.confirmYes')}</button>
            <button type="button" className="link" onClick={() => setQuestions(null)}>{t(lang, 'promise.confirmNo')}</button>
          </div>
        </div>
      ) : (
        <div className="row">
          <button type="button" onClick={() => void submit(false)} disabled={invalid || busy} data-action={action}>{submitLabel}</button>
          {onDismiss && <button type="button" className="link" onClick={onDismiss}>{t(lang, 'promise.keep')}</button>}
        </div>
      )}
      {problem && <p className="danger small" role="alert">{problem}</p>}
    </div>
  );
}

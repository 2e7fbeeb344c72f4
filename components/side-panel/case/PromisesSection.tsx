import { useState } from 'react';
import type { CaseDetail } from '@/lib/cases/case-store';
import {
  CANCEL_REASON_MAX, formatYuan, isOpenPromise, isOverdue, PROMISE_REFERENCE_MAX, REMEDY_LABELS,
  type PromiseRecord, type PromiseTerms, type RemedyKind,
} from '@/lib/cases/promises';
import { formatBeijing, HOUR_MS } from '@/lib/time/beijing';
import { t, type Language } from '@/lib/i18n';
import { usePanel, type Failure } from '../store';
import { describeFailure } from '../failures';
import { LimitedInput } from '../LimitedInput';
import { PromiseForm } from './PromiseForm';

const remedyLabel = (lang: Language, k: RemedyKind) => REMEDY_LABELS[k][lang === 'zh-CN' ? 'zh' : 'en'];

/**
 * Remedies promised to the buyer, with due times; overdue ones are red because they become 违背承诺 complaints.
 * A promise still to keep can be corrected or cancelled (with a reason); the history keeps both.
 */
export function PromisesSection({ lang, detail, now }: { lang: Language; detail: CaseDetail; now: number }) {
  const { act, settings } = usePanel();
  const [formKey, setFormKey] = useState(0);
  const add = async (terms: PromiseTerms): Promise<Failure> => {
    const failure = await act('addPromise', { caseId: detail.case.id, ...terms }, { shown: true });
    if (!failure) setFormKey((k) => k + 1); // a fresh form for the next promise
    return failure;
  };
  const fresh: PromiseTerms = { kind: 'reship', amountFen: null, dueAt: now + settings.promiseDueHours * HOUR_MS, note: '' };
  return (
    <section aria-labelledby="promise-title">
      <h3 id="promise-title">{t(lang, 'promise.title')}</h3>
      <p className="muted small">{t(lang, 'promise.hint')}</p>
      {detail.promises.length === 0 && <p className="muted">{t(lang, 'promise.none')}</p>}
      <ul className="promises">
        {detail.promises.map((p) => <PromiseItem key={p.id} lang={lang} p={p} now={now} />)}
      </ul>
      <PromiseForm key={formKey} lang={lang} initial={fresh} now={now} submitLabel={t(lang, 'promise.add')} action="add-promise" onSubmit={add} />
    </section>
  );
}

type Mode = 'view' | 'edit' | 'cancel';

function PromiseItem({ lang, p, now }: { lang: Language; p: PromiseRecord; now: number }) {
  const { act } = usePanel();
  const [mode, setMode] = useState<Mode>('view');
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = p.id!;
  const run = async (failure: Promise<Failure>) => {
    const f = await failure;
    setProblem(f && describeFailure(lang, f));
    if (!f) setMode('view');
    return f;
  };
  const cancelled = p.cancelledAt != null;
  const overdue = isOverdue(p, now);
  return (
    <li data-promise-id={id} className={overdue ? 'overdue' : cancelled ? 'cancelled' : p.fulfilledAt ? 'done' : ''}>
      <strong>{remedyLabel(lang, p.kind)}</strong> {p.amountFen !== null && formatYuan(p.amountFen)} {p.note && <span className="muted">{p.note}</span>}
      <div className="small">
        {cancelled ? <span data-testid="promise-cancelled">{t(lang, 'promise.cancelled', { time: formatBeijing(p.cancelledAt!), reason: p.cancelReason ?? '' })}</span>
          : p.fulfilledAt !== null ? t(lang, 'promise.fulfilled', { time: formatBeijing(p.fulfilledAt) }) + (p.fulfilledRef ? ` · ${p.fulfilledRef}` : '')
            : overdue ? <span className="danger" data-testid="promise-overdue">{t(lang, 'promise.overdue')} · {formatBeijing(p.dueAt)}</span>
              : t(lang, 'promise.dueIn', { time: formatBeijing(p.dueAt) })}
      </div>
      {isOpenPromise(p) && mode === 'view' && (
        <div className="row">
          <LimitedInput lang={lang} label={t(lang, 'promise.reference')} labelHidden value={reference} limit={PROMISE_REFERENCE_MAX} onChange={setReference} />
          <button type="button" disabled={reference.length > PROMISE_REFERENCE_MAX}
            onClick={() => void run(act('fulfilPromise', { promiseId: id, reference: reference.trim() }, { shown: true }))}>{t(lang, 'promise.fulfil')}</button>
          <button type="button" className="link" data-action="edit-promise" onClick={() => setMode('edit')}>{t(lang, 'promise.edit')}</button>
          <button type="button" className="link" data-action="cancel-promise" onClick={() => setMode('cancel')}>{t(lang, 'promise.cancel')}</button>
        </div>
      )}
      {mode === 'edit' && (
        <PromiseForm lang={lang} now={now} initial={p} submitLabel={t(lang, 'promise.saveEdit')} action="save-promise" onDismiss={() => setMode('view')}
          onSubmit={(terms) => run(act('changePromise', { promiseId: id, ...terms }, { shown: true }))} />
      )}
      {mode === 'cancel' && (
        <div className="row">
          <LimitedInput lang={lang} label={t(lang, 'promise.cancelReason')} fieldName={t(lang, 'field.reason')} value={reason} limit={CANCEL_REASON_MAX}
            onChange={(v) => { setReason(v); setProblem(null); }} autoFocus
            onEnter={() => reason.trim() && void run(act('cancelPromise', { promiseId: id, reason: reason.trim() }, { shown: true }))} />
          <button type="button" data-action="confirm-cancel" disabled={!reason.trim() || reason.length > CANCEL_REASON_MAX}
            onClick={() => void run(act('cancelPromise', { promiseId: id, reason: reason.trim() }, { shown: true }))}>{t(lang, 'promise.cancelConfirm')}</button>
          <button type="button" className="link" onClick={() => setMode('view')}>{t(lang, 'promise.keep')}</button>
        </div>
      )}
      {problem && <p className="danger small" role="alert">{problem}</p>}
    </li>
  );
}

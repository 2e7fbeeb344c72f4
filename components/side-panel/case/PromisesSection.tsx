import { useState } from 'react';
import type { CaseDetail } from '@/lib/cases/case-store';
import { formatYuan, isOverdue, parseYuan, REMEDY_LABELS, RemedyKind } from '@/lib/cases/promises';
import { formatBeijing, HOUR_MS } from '@/lib/time/beijing';
import { t, type Language } from '@/lib/i18n';
import { usePanel } from '../store';
import { fromInputValue, toInputValue } from './beijing-input';

/** Remedies promised to the buyer, with due times; overdue ones are red because they become 违背承诺 complaints. */
export function PromisesSection({ lang, detail, now }: { lang: Language; detail: CaseDetail; now: number }) {
  const { act, settings } = usePanel();
  const [kind, setKind] = useState<RemedyKind>('reship');
  const [amount, setAmount] = useState('');
  const [due, setDue] = useState(() => toInputValue(Date.now() + settings.promiseDueHours * HOUR_MS));
  const [note, setNote] = useState('');
  const [refs, setRefs] = useState<Record<number, string>>({});
  const needsMoney = REMEDY_LABELS[kind].money;
  const amountFen = amount.trim() ? parseYuan(amount) : null;
  const amountBad = amount.trim() !== '' && amountFen === null;
  const label = (k: RemedyKind) => REMEDY_LABELS[k][lang === 'zh-CN' ? 'zh' : 'en'];

  const add = async () => {
    const dueAt = fromInputValue(due);
    if (dueAt === null || amountBad) return;
    await act('addPromise', { caseId: detail.case.id, kind, amountFen, dueAt, note: note.trim() });
    setAmount('');
    setNote('');
  };

  return (
    <section aria-labelledby="promise-title">
      <h3 id="promise-title">{t(lang, 'promise.title')}</h3>
      <p className="muted small">{t(lang, 'promise.hint')}</p>
      {detail.promises.length === 0 && <p className="muted">{t(lang, 'promise.none')}</p>}
      <ul className="promises">
        {detail.promises.map((p) => (
          <li key={p.id} data-promise-id={p.id} className={isOverdue(p, now) ? 'overdue' : p.fulfilledAt ? 'done' : ''}>
            <strong>{label(p.kind)}</strong> {p.amountFen !== null && formatYuan(p.amountFen)} {p.note && <span className="muted">{p.note}</span>}
            <div className="small">
              {p.fulfilledAt !== null ? t(lang, 'promise.fulfilled', { time: formatBeijing(p.fulfilledAt) }) + (p.fulfilledRef ? ` · ${p.fulfilledRef}` : '')
                : isOverdue(p, now) ? <span className="danger" data-testid="promise-overdue">{t(lang, 'promise.overdue')} · {formatBeijing(p.dueAt)}</span>
                  : t(lang, 'promise.dueIn', { time: formatBeijing(p.dueAt) })}
            </div>
            {p.fulfilledAt === null && (
              <div className="row">
                <input aria-label={t(lang, 'promise.reference')} placeholder={t(lang, 'promise.reference')} value={refs[p.id!] ?? ''}
                  onChange={(e) => setRefs({ ...refs, [p.id!]: e.target.value })} />
                <button type="button" onClick={() => void act('fulfilPromise', { promiseId: p.id!, reference: (refs[p.id!] ?? '').trim() })}>{t(lang, 'promise.fulfil')}</button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <div className="form-grid">
        <label>{t(lang, 'promise.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as RemedyKind)}>
            {RemedyKind.options.map((k) => <option key={k} value={k}>{label(k)}</option>)}
          </select>
        </label>
        <label>{t(lang, 'promise.amount')}
          <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder={needsMoney ? '10.00' : ''} aria-invalid={amountBad} />
        </label>
        {amountBad && <span className="danger small">{t(lang, 'promise.amountInvalid')}</span>}
        <label>{t(lang, 'promise.due')}
          <input type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} data-testid="promise-due" />
        </label>
        <label>{t(lang, 'promise.note')}
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="button" onClick={() => void add()} disabled={amountBad} data-action="add-promise">{t(lang, 'promise.add')}</button>
      </div>
    </section>
  );
}

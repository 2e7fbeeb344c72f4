import { useState } from 'react';
import type { CaseDetail } from '@/lib/cases/case-store';
import { BUYER_NOTE_LIMITS, maskPhone, type BuyerNote } from '@/lib/cases/buyer-notes';
import { toHalfWidth } from '@/lib/cases/promises';
import { BUYER_ROUTINES } from '@/lib/contact-timing/policy';
import { t, type Language } from '@/lib/i18n';
import { usePanel } from '../store';
import { describeFailure } from '../failures';
import { LimitedInput } from '../LimitedInput';

/** Notes on the buyer, kept per buyer key across cases; the phone number is shown masked unless being edited. */
export function BuyerSection({ lang, detail }: { lang: Language; detail: CaseDetail }) {
  const { act, settings } = usePanel();
  const stored = detail.buyerNote;
  const [draft, setDraft] = useState<BuyerNote | null>(stored);
  const [editingPhone, setEditingPhone] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!stored || !draft) return (
    <section><h3>{t(lang, 'buyer.title')}</h3><p className="muted small">{t(lang, 'buyer.noKey')}</p></section>
  );
  const edit = (patch: Partial<BuyerNote>) => {
    setDraft({ ...draft, ...patch });
    setSaved(false);
    setProblem(null);
  };
  const tooLong = (['temperament', 'whatWorked', 'phone'] as const).some((f) => draft[f].length > BUYER_NOTE_LIMITS[f]);
  const save = async () => {
    if (tooLong) return;
    // Digits typed with a Chinese IME (１３８…) are stored as ASCII, so masking and calling work on them.
    const { updatedAt: _u, updatedBy: _b, ...note } = { ...draft, phone: toHalfWidth(draft.phone).trim() };
    const failure = await act('saveBuyerNote', { note }, { shown: true });
    // On failure everything typed stays in the fields, with the reason.
    if (failure) return setProblem(describeFailure(lang, failure));
    setEditingPhone(false);
    setSaved(true);
  };
  const text = (f: 'temperament' | 'whatWorked', label: 'buyer.temperament' | 'buyer.whatWorked') => (
    <LimitedInput lang={lang} label={t(lang, label)} value={draft[f]} limit={BUYER_NOTE_LIMITS[f]} onChange={(v) => edit({ [f]: v })} onEnter={() => void save()} />
  );
  return (
    <section aria-labelledby="buyer-title">
      <h3 id="buyer-title">{t(lang, 'buyer.title')}</h3>
      {detail.buyerCases.length > 0 && <p className="muted small">{t(lang, 'buyer.otherCases', { n: detail.buyerCases.length })}</p>}
      <div className="form-grid">
        {text('temperament', 'buyer.temperament')}
        {text('whatWorked', 'buyer.whatWorked')}
        {editingPhone
          ? <LimitedInput lang={lang} label={t(lang, 'buyer.phone')} value={draft.phone} limit={BUYER_NOTE_LIMITS.phone} inputMode="tel" autoComplete="off"
            onChange={(v) => edit({ phone: v })} onEnter={() => void save()} />
          : <div className="field"><span>{t(lang, 'buyer.phone')}</span>
            <span className="row"><span data-testid="masked-phone">{maskPhone(draft.phone) || '—'}</span>
              <button type="button" className="link" onClick={() => setEditingPhone(true)}>{t(lang, 'buyer.phoneEdit')}</button></span></div>}
        <label>{t(lang, 'buyer.routine')}
          <select value={draft.routine} onChange={(e) => edit({ routine: e.target.value as BuyerNote['routine'] })}>
            {BUYER_ROUTINES.map((r) => <option key={r} value={r}>{t(lang, `routine.${r}`)}</option>)}
          </select>
        </label>
        <label className="check"><input type="checkbox" checked={draft.doNotContact} onChange={(e) => edit({ doNotContact: e.target.checked })} /> {t(lang, 'buyer.dnc')}</label>
        <button type="button" onClick={() => void save()} disabled={tooLong} data-action="save-buyer">{saved ? t(lang, 'buyer.saved') : t(lang, 'buyer.save')}</button>
        {problem && <p className="danger small" role="alert" data-testid="buyer-problem">{problem}</p>}
      </div>
      <p className="muted small">{t(lang, 'buyer.retention', { days: settings.contactRetentionDays })}</p>
    </section>
  );
}

import { useState } from 'react';
import type { CaseDetail } from '@/lib/cases/case-store';
import { maskPhone, type BuyerNote } from '@/lib/cases/buyer-notes';
import { BUYER_ROUTINES } from '@/lib/contact-timing/policy';
import { t, type Language } from '@/lib/i18n';
import { usePanel } from '../store';

/** Notes on the buyer, kept per buyer key across cases; the phone number is shown masked unless being edited. */
export function BuyerSection({ lang, detail }: { lang: Language; detail: CaseDetail }) {
  const { act, settings } = usePanel();
  const stored = detail.buyerNote;
  const [draft, setDraft] = useState<BuyerNote | null>(stored);
  const [editingPhone, setEditingPhone] = useState(false);
  const [saved, setSaved] = useState(false);
  if (!stored || !draft) return (
    <section><h3>{t(lang, 'buyer.title')}</h3><p className="muted small">{t(lang, 'buyer.noKey')}</p></section>
  );
  const edit = (patch: Partial<BuyerNote>) => {
    setDraft({ ...draft, ...patch });
    setSaved(false);
  };
  const save = async () => {
    const { updatedAt: _u, updatedBy: _b, ...note } = draft;
    await act('saveBuyerNote', { note });
    setEditingPhone(false);
    setSaved(true);
  };
  return (
    <section aria-labelledby="buyer-title">
      <h3 id="buyer-title">{t(lang, 'buyer.title')}</h3>
      {detail.buyerCases.length > 0 && <p className="muted small">{t(lang, 'buyer.otherCases', { n: detail.buyerCases.length })}</p>}
      <div className="form-grid">
        <label>{t(lang, 'buyer.temperament')}<input value={draft.temperament} onChange={(e) => edit({ temperament: e.target.value })} /></label>
        <label>{t(lang, 'buyer.whatWorked')}<input value={draft.whatWorked} onChange={(e) => edit({ whatWorked: e.target.value })} /></label>
        {editingPhone
          ? <label>{t(lang, 'buyer.phone')}<input inputMode="tel" value={draft.phone} onChange={(e) => edit({ phone: e.target.value })} autoComplete="off" /></label>
          : <div className="field"><span>{t(lang, 'buyer.phone')}</span>
            <span className="row"><span data-testid="masked-phone">{maskPhone(draft.phone) || '—'}</span>
              <button type="button" className="link" onClick={() => setEditingPhone(true)}>{t(lang, 'buyer.phoneEdit')}</button></span></div>}
        <label>{t(lang, 'buyer.routine')}
          <select value={draft.routine} onChange={(e) => edit({ routine: e.target.value as BuyerNote['routine'] })}>
            {BUYER_ROUTINES.map((r) => <option key={r} value={r}>{t(lang, `routine.${r}`)}</option>)}
          </select>
        </label>
        <label className="check"><input type="checkbox" checked={draft.doNotContact} onChange={(e) => edit({ doNotContact: e.target.checked })} /> {t(lang, 'buyer.dnc')}</label>
        <button type="button" onClick={() => void save()} data-action="save-buyer">{saved ? t(lang, 'buyer.saved') : t(lang, 'buyer.save')}</button>
      </div>
      <p className="muted small">{t(lang, 'buyer.retention', { days: settings.contactRetentionDays })}</p>
    </section>
  );
}

import { useState } from 'react';
import { t } from '@/lib/i18n';
import { usePanel } from './store';

/** The agent's name, the shop's name and the shop's rules for promises and data retention. */
export function SettingsView() {
  const { lang, settings, saveSettings, showSettings } = usePanel();
  const [draft, setDraft] = useState(settings);
  const [saved, setSaved] = useState(false);
  const num = (v: string, fallback: number) => (Number.isFinite(Number(v)) && v.trim() !== '' ? Math.round(Number(v)) : fallback);
  return (
    <section aria-labelledby="settings-title" className="settings">
      <button type="button" className="link" onClick={() => showSettings(false)}>← {t(lang, 'panel.back')}</button>
      <h2 id="settings-title">{t(lang, 'settings.title')}</h2>
      <div className="form-grid">
        <label>{t(lang, 'settings.agentName')}<input value={draft.agentName} onChange={(e) => setDraft({ ...draft, agentName: e.target.value })} /></label>
        <label>{t(lang, 'settings.shopName')}<input value={draft.shopName} onChange={(e) => setDraft({ ...draft, shopName: e.target.value })} /></label>
        <label>{t(lang, 'settings.promiseDueHours')}<input type="number" min={1} value={draft.promiseDueHours} onChange={(e) => setDraft({ ...draft, promiseDueHours: num(e.target.value, draft.promiseDueHours) })} /></label>
        <label>{t(lang, 'settings.retentionDays')}<input type="number" min={1} value={draft.contactRetentionDays} onChange={(e) => setDraft({ ...draft, contactRetentionDays: num(e.target.value, draft.contactRetentionDays) })} /></label>
        <button type="button" onClick={() => void saveSettings(draft).then(() => setSaved(true))}>{saved ? t(lang, 'settings.saved') : t(lang, 'settings.save')}</button>
      </div>
    </section>
  );
}

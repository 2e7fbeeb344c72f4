import { useState } from 'react';
import { t } from '@/lib/i18n';
import { parseContactTimingSettings } from '@/lib/contact-timing/policy';
import { usePanel } from './store';

const num = (v: string) => (v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

/** The agent's name, the shop's name and the shop's rules for promises, data retention and contact timing. */
export function SettingsView() {
  const { lang, settings, saveSettings, showSettings } = usePanel();
  const [draft, setDraft] = useState(settings);
  const [timing, setTiming] = useState(() => {
    const s = safeTiming(settings.contactTiming);
    return {
      callsFrom: String(s.quietHours.callsFrom), callsUntil: String(s.quietHours.callsUntil), maxPhoneAttempts: String(s.maxPhoneAttempts),
      minHoursBetweenCalls: String(s.minHoursBetweenCalls), phoneAfterUnansweredChatDays: String(s.phoneAfterUnansweredChatDays),
    };
  });
  const [status, setStatus] = useState<string | null>(null);

  const save = async () => {
    const contactTiming = {
      ...draft.contactTiming,
      quietHours: { ...(draft.contactTiming.quietHours as object | undefined), callsFrom: num(timing.callsFrom), callsUntil: num(timing.callsUntil) },
      maxPhoneAttempts: num(timing.maxPhoneAttempts),
      minHoursBetweenCalls: num(timing.minHoursBetweenCalls),
      phoneAfterUnansweredChatDays: num(timing.phoneAfterUnansweredChatDays),
    };
    try {
      parseContactTimingSettings(contactTiming); // refuse to store rules the recommender cannot use
      await saveSettings({ ...draft, contactTiming });
      setStatus(t(lang, 'settings.saved'));
    } catch (error) {
      setStatus(t(lang, 'settings.invalid', { error: error instanceof Error ? error.message.slice(0, 200) : String(error) }));
    }
  };
  const field = (key: keyof typeof timing, label: Parameters<typeof t>[1]) => (
    <label>{t(lang, label)}<input type="number" value={timing[key]} onChange={(e) => setTiming({ ...timing, [key]: e.target.value })} /></label>
  );
  return (
    <section aria-labelledby="settings-title" className="settings">
      <button type="button" className="link" onClick={() => showSettings(false)}>← {t(lang, 'panel.back')}</button>
      <h2 id="settings-title">{t(lang, 'settings.title')}</h2>
      <div className="form-grid">
        <label>{t(lang, 'settings.agentName')}<input value={draft.agentName} onChange={(e) => setDraft({ ...draft, agentName: e.target.value })} /></label>
        <label>{t(lang, 'settings.shopName')}<input value={draft.shopName} onChange={(e) => setDraft({ ...draft, shopName: e.target.value })} /></label>
        <label>{t(lang, 'settings.promiseDueHours')}<input type="number" min={1} value={draft.promiseDueHours} onChange={(e) => setDraft({ ...draft, promiseDueHours: num(e.target.value) ?? draft.promiseDueHours })} /></label>
        <label>{t(lang, 'settings.retentionDays')}<input type="number" min={1} value={draft.contactRetentionDays} onChange={(e) => setDraft({ ...draft, contactRetentionDays: num(e.target.value) ?? draft.contactRetentionDays })} /></label>
        <h3>{t(lang, 'settings.contactTiming')}</h3>
        {field('callsFrom', 'settings.callsFrom')}
        {field('callsUntil', 'settings.callsUntil')}
        {field('maxPhoneAttempts', 'settings.maxPhoneAttempts')}
        {field('minHoursBetweenCalls', 'settings.minHoursBetweenCalls')}
        {field('phoneAfterUnansweredChatDays', 'settings.phoneAfterChatDays')}
        <button type="button" onClick={() => void save()}>{t(lang, 'settings.save')}</button>
        {status && <p role="status" className="small">{status}</p>}
      </div>
    </section>
  );
}

function safeTiming(raw: unknown) {
  try {
    return parseContactTimingSettings(raw);
  } catch {
    return parseContactTimingSettings({});
  }
}

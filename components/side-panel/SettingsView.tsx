import { useEffect, useMemo, useState } from 'react';
import { t, type Language, type MessageKey } from '@/lib/i18n';
import { ContactTimingSettingsSchema, parseContactTimingSettings } from '@/lib/contact-timing/policy';
import { AGENT_NAME_MAX, PreferencesPatch, SHOP_NAME_MAX, type Preferences } from '@/lib/settings/preferences';
import { problemOfIssue } from '@/lib/errors/refused';
import { reportError } from '@/lib/errors/report';
import { formatYuan, parseYuan, toHalfWidth } from '@/lib/cases/promises';
import { PayScheme, PAY_FEN_MAX } from '@/lib/settings/pay-scheme';
import { BackupPanel } from '@/components/dashboard/BackupPanel';
import { d } from '@/components/dashboard/messages';
import { usePanel } from './store';
import { describeFailure, describeProblem, fieldLabel } from './failures';
import { TeamPanel } from './team/TeamPanel';
import { LimitedInput } from './LimitedInput';

type NumberField = 'promiseDueHours' | 'contactRetentionDays';
type TimingField = 'callsFrom' | 'callsUntil' | 'maxPhoneAttempts' | 'minHoursBetweenCalls' | 'phoneAfterUnansweredChatDays';
type Field = 'agentName' | 'shopName' | NumberField | TimingField;
type PayField = 'perRevisedNeutralFen' | 'perRevisedNegativeFen';

/** "¥3.00" shown as "3.00" in the field; the agent types yuan. */
const yuanText = (fen: number) => formatYuan(fen).slice(1);

/** The allowed ranges, shown beside each number (the same as lib/settings/preferences.ts and the contact-timing policy). */
const RANGES: Record<NumberField | TimingField, string> = {
  promiseDueHours: '1–720', contactRetentionDays: '1–3650', callsFrom: '0–24', callsUntil: '0–24', maxPhoneAttempts: '0–10',
  minHoursBetweenCalls: '≥ 0', phoneAfterUnansweredChatDays: '≥ 0',
};
const TIMING_FIELDS: TimingField[] = ['callsFrom', 'callsUntil', 'maxPhoneAttempts', 'minHoursBetweenCalls', 'phoneAfterUnansweredChatDays'];

/** "８" or " 8 " typed in a number field is 8; anything that is not a plain number is null (never a silent default). */
function parseNumber(text: string): number | null {
  const plain = toHalfWidth(text).trim();
  return /^\d+(\.\d+)?$/.test(plain) ? Number(plain) : null;
}

/** The stored contact-timing rules as the fields show them (the defaults where nothing is stored). */
function timingTexts(raw: Preferences['contactTiming']): Record<TimingField, string> {
  let s;
  try {
    s = parseContactTimingSettings(raw);
  } catch (error) {
    // Broken stored rules are shown as the defaults and named on save; never replaced silently.
    reportError('settings.contactTiming', error);
    s = parseContactTimingSettings({});
  }
  return {
    callsFrom: String(s.quietHours.callsFrom), callsUntil: String(s.quietHours.callsUntil), maxPhoneAttempts: String(s.maxPhoneAttempts),
    minHoursBetweenCalls: String(s.minHoursBetweenCalls), phoneAfterUnansweredChatDays: String(s.phoneAfterUnansweredChatDays),
  };
}

/** What is wrong with a contact-timing rule, naming the field in the agent's language. */
function timingProblem(lang: Language, issue: Parameters<typeof problemOfIssue>[0]): string {
  if (issue?.code === 'custom' && issue.path.join('.') === 'quietHours') return t(lang, 'settings.quietHoursOrder');
  return describeProblem(lang, problemOfIssue(issue));
}

/**
 * The agent's name, the shop's name and the shop's rules for promises, data retention and contact timing.
 * Only the fields the agent changed are saved: the rest (and the language) stay as they are stored.
 */
export function SettingsView() {
  const { lang, settings, saveSettings, showSettings } = usePanel();
  const [edits, setEdits] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState<{ text: string; ok: boolean } | null>(null);
  const [warnedUnsaved, setWarnedUnsaved] = useState(false);
  const [payEdits, setPayEdits] = useState<{ enabled?: boolean } & Partial<Record<PayField, string>>>({});

  const timing = useMemo(() => timingTexts(settings.contactTiming), [settings.contactTiming]);
  const stored = (f: Field): string => (f === 'agentName' || f === 'shopName' ? settings[f] : f in timing ? timing[f as TimingField] : String(settings[f as NumberField]));
  const value = (f: Field) => edits[f] ?? stored(f);
  const edit = (f: Field, v: string) => {
    setEdits({ ...edits, [f]: v });
    setWarnedUnsaved(false);
  };
  const changed = (Object.keys(edits) as Field[]).filter((f) => edits[f] !== stored(f));
  const pay = settings.payScheme;
  const payValue = (f: PayField) => payEdits[f] ?? yuanText(pay[f]);
  const payEnabled = payEdits.enabled ?? pay.enabled;
  const payChanged = payEnabled !== pay.enabled || (['perRevisedNeutralFen', 'perRevisedNegativeFen'] as const).some((f) => payValue(f) !== yuanText(pay[f]));
  const editPay = (patch: typeof payEdits) => {
    setPayEdits({ ...payEdits, ...patch });
    setWarnedUnsaved(false);
  };

  const save = async () => {
    const problems: string[] = [];
    const patch: PreferencesPatch = {};
    for (const f of changed) {
      if (f === 'agentName' || f === 'shopName') patch[f] = value(f).trim();
      else if (!TIMING_FIELDS.includes(f as TimingField)) {
        const n = parseNumber(value(f));
        if (n === null) problems.push(t(lang, 'settings.notNumber', { field: fieldLabel(lang, { field: f }) }));
        else patch[f as NumberField] = n;
      }
    }
    const timingEdits = changed.filter((f): f is TimingField => TIMING_FIELDS.includes(f as TimingField));
    if (timingEdits.length > 0) {
      // Only the edited rules change; whatever else the shop stored (other overrides) is kept as it is.
      const raw = settings.contactTiming;
      const hoursEdited = timingEdits.some((f) => f === 'callsFrom' || f === 'callsUntil');
      const next: Record<string, unknown> = { ...raw, ...(hoursEdited ? { quietHours: { ...(raw.quietHours as object | undefined) } } : {}) };
      for (const f of timingEdits) {
        const n = parseNumber(value(f));
        if (n === null) problems.push(t(lang, 'settings.notNumber', { field: fieldLabel(lang, { field: f }) }));
        else if (f === 'callsFrom' || f === 'callsUntil') (next.quietHours as Record<string, number>)[f] = n;
        else next[f] = n;
      }
      const checked = ContactTimingSettingsSchema.safeParse(next);
      if (!checked.success && problems.length === 0) problems.push(timingProblem(lang, checked.error.issues[0]));
      patch.contactTiming = next;
    }
    if (payChanged) {
      // Amounts in yuan as typed (３元, ¥5, 2.5); each becomes fen, and the scheme is checked as a whole.
      const fen = (f: PayField) => parseYuan(payValue(f));
      const scheme = { enabled: payEnabled, perRevisedNeutralFen: fen('perRevisedNeutralFen'), perRevisedNegativeFen: fen('perRevisedNegativeFen') };
      const parsed = PayScheme.safeParse(scheme);
      if (!parsed.success) problems.push(d(lang, 'pay.invalid', { max: formatYuan(PAY_FEN_MAX) }));
      else patch.payScheme = parsed.data;
    }
    const checked = PreferencesPatch.safeParse(patch);
    if (!checked.success) problems.push(describeProblem(lang, problemOfIssue(checked.error.issues[0])));
    if (problems.length > 0) {
      setStatus({ text: t(lang, 'settings.invalid', { error: problems.join(' ') }), ok: false });
      return;
    }
    const failure = await saveSettings(patch);
    if (failure) {
      setStatus({ text: t(lang, 'settings.invalid', { error: describeFailure(lang, failure) }), ok: false });
      return;
    }
    setEdits({});
    setPayEdits({});
    setStatus({ text: t(lang, 'settings.saved'), ok: true });
  };

  // Esc (or Back) leaves; with unsaved changes the first press says so and the second discards them.
  const leave = () => {
    if ((changed.length > 0 || payChanged) && !warnedUnsaved) {
      setWarnedUnsaved(true);
      setStatus({ text: t(lang, 'settings.unsaved'), ok: false });
      return;
    }
    showSettings(false);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.isComposing) leave();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const numberField = (f: NumberField | TimingField, label: MessageKey) => (
    <div className="field" key={f}>
      <label>{t(lang, label)}
        <input inputMode="numeric" value={value(f)} onChange={(e) => edit(f, e.target.value)} />
      </label>
      <span className="muted small">{RANGES[f]}</span>
    </div>
  );
  return (
    <section aria-labelledby="settings-title" className="settings">
      <button type="button" className="link" onClick={leave}>← {t(lang, 'panel.back')}</button>
      <h2 id="settings-title">{t(lang, 'settings.title')}</h2>
      <form className="form-grid" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <LimitedInput lang={lang} label={t(lang, 'settings.agentName')} value={value('agentName')} limit={AGENT_NAME_MAX}
          onChange={(v) => edit('agentName', v)} placeholder={t(lang, 'settings.agentNameHint')} autoFocus={settings.agentName === ''} />
        <LimitedInput lang={lang} label={t(lang, 'settings.shopName')} value={value('shopName')} limit={SHOP_NAME_MAX} onChange={(v) => edit('shopName', v)} />
        {numberField('promiseDueHours', 'settings.promiseDueHours')}
        {numberField('contactRetentionDays', 'settings.retentionDays')}
        <h3>{t(lang, 'settings.contactTiming')}</h3>
        {numberField('callsFrom', 'settings.callsFrom')}
        {numberField('callsUntil', 'settings.callsUntil')}
        {numberField('maxPhoneAttempts', 'settings.maxPhoneAttempts')}
        {numberField('minHoursBetweenCalls', 'settings.minHoursBetweenCalls')}
        {numberField('phoneAfterUnansweredChatDays', 'settings.phoneAfterChatDays')}
        <h3>{d(lang, 'pay.title')}</h3>
        <p className="muted small">{d(lang, 'pay.note')}</p>
        <label className="field">
          <span><input type="checkbox" checked={payEnabled} onChange={(e) => editPay({ enabled: e.target.checked })} /> {d(lang, 'pay.enabled')}</span>
        </label>
        {(['perRevisedNeutralFen', 'perRevisedNegativeFen'] as const).map((f) => (
          <div className="field" key={f}>
            <label>{d(lang, f === 'perRevisedNeutralFen' ? 'pay.neutral' : 'pay.negative')}
              <input inputMode="decimal" value={payValue(f)} disabled={!payEnabled} onChange={(e) => editPay({ [f]: e.target.value })} />
            </label>
            <span className="muted small">{d(lang, 'pay.unit')}</span>
          </div>
        ))}
        <button type="submit">{t(lang, 'settings.save')}</button>
        {status && <p role="status" className={`small ${status.ok ? 'ok' : 'danger'}`}>{status.text}</p>}
      </form>
      <TeamPanel lang={lang} />
      <BackupPanel lang={lang} compact />
    </section>
  );
}

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Language } from '@/lib/i18n';
import { request, type ResponseMap } from '@/lib/messaging/protocol';
import { resolvePeriod } from '@/lib/insight/period';
import type { PathStep } from '@/lib/insight/tally';
import { reportError } from '@/lib/errors/report';
import { Dash, type DashContext } from './Fig';
import { d } from './messages';
import { drillTo, openPanel, rememberWindow, type DrillFilter } from './drill';
import { PeriodPicker, periodText, type PeriodChoice } from './PeriodPicker';
import { RiskSection } from './RiskSection';
import { CausesSection } from './CausesSection';
import { FunnelSection } from './FunnelSection';
import { AgentsSection } from './AgentsSection';
import { CompensationSection } from './CompensationSection';
import { ExportPanel } from './ExportPanel';
import { BackupPanel } from './BackupPanel';
import { takePrefetched } from './prefetch';

type Data = ResponseMap['dashboard'];

/** The shop's review dashboard: every figure is computed in the background; this page shows numbers and charts. */
export function DashboardApp() {
  const [lang, setLang] = useState<Language>('zh-CN');
  const [choice, setChoice] = useState<PeriodChoice>(() => ({ kind: '7d', range: resolvePeriod('7d', Date.now())! }));
  // The latest answer, with the request it answers: a reply to an earlier period or try is never shown as current.
  const [answer, setAnswer] = useState<{ key: string; data: Data | null; error: string | null } | null>(null);
  const [notice, setNotice] = useState<{ text: string; ok: boolean } | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    rememberWindow();
    void request({ type: 'getSettings' }).then((s) => setLang(s.language), (e: unknown) => reportError('dashboard.settings', e));
  }, []);

  const key = `${choice.range.from}-${choice.range.to}-${version}`;
  useEffect(() => {
    (takePrefetched(choice.range) ?? request({ type: 'dashboard', range: choice.range })).then(
      (reply) => setAnswer({ key, data: reply, error: null }),
      (e: unknown) => setAnswer({ key, data: null, error: e instanceof Error ? e.message : String(e) }),
    );
  }, [choice.range, key]);
  const current = answer?.key === key ? answer : null;
  const data = current?.data ?? null;
  const error = current?.error ?? null;

  const period = periodText(lang, choice);
  const token = data?.token;
  const drill = useCallback((path: PathStep[], label: string, filter: DrillFilter) => {
    // The panel opens inside the click (the browser allows it only then); the cases follow a moment later.
    const opening = openPanel();
    drillTo({ range: choice.range, token, path, label, filter, opening }).then((r) => {
      if (!r) return;
      const capped = r.listed < r.n ? ` ${d(lang, 'drill.capped', { n: r.listed })}` : '';
      setNotice({ text: d(lang, r.panelOpened ? 'drill.opened' : 'drill.panelClosed', { n: r.n, label }) + capped, ok: true });
    }, (e: unknown) => setNotice({ text: d(lang, 'drill.failed', { error: e instanceof Error ? e.message : String(e) }), ok: false }));
  }, [choice.range, token, lang]);
  const context = useMemo<DashContext>(() => ({ lang, period, drill }), [lang, period, drill]);

  const switchLanguage = () => {
    const next: Language = lang === 'zh-CN' ? 'en' : 'zh-CN';
    setLang(next);
    void request({ type: 'saveSettings', settings: { language: next } }).catch((e: unknown) => reportError('dashboard.language', e));
  };

  const shown = data;
  return (
    <Dash.Provider value={context}>
      <main className="dashboard" lang={lang}>
        <header className="top">
          <div>
            <h1>{d(lang, 'title')}</h1>
            <p className="muted" data-testid="period-text">{period}</p>
          </div>
          <div className="actions no-print">
            <button type="button" onClick={() => window.print()}>{d(lang, 'print')}</button>
            <button type="button" onClick={switchLanguage}>{d(lang, 'language')}</button>
          </div>
        </header>
        <div className="no-print">
          <PeriodPicker lang={lang} value={choice} onChange={setChoice} />
          <p className="muted small">{d(lang, 'period.basis')} · {d(lang, 'drill.hint')}</p>
        </div>
        {notice && <p role="status" className={notice.ok ? 'notice no-print' : 'notice danger no-print'} data-testid="drill-notice">{notice.text}</p>}
        {error && (
          <p role="alert" className="danger">
            {d(lang, 'error', { error })} <button type="button" onClick={() => setVersion((v) => v + 1)}>{d(lang, 'retry')}</button>
          </p>
        )}
        {!shown && !error && <p className="muted" aria-busy="true">{d(lang, 'loading')}</p>}
        {shown && (
          <div data-testid="dashboard-ready">
            <RiskSection risk={shown.risk} />
            {shown.causes.total === 0 && shown.risk.open === 0 ? <p className="muted">{d(lang, 'empty')}</p> : null}
            <CausesSection causes={shown.causes} days={shown.days} />
            <FunnelSection funnel={shown.funnel} />
            <AgentsSection agents={shown.agents} days={shown.days} />
            <CompensationSection compensation={shown.compensation} />
          </div>
        )}
        <ExportPanel lang={lang} range={choice.range} period={period} agents={shown?.agents.rows.map((r) => r.key) ?? []} />
        <BackupPanel lang={lang} onRestored={() => setVersion((v) => v + 1)} />
      </main>
    </Dash.Provider>
  );
}

import { usePanel } from './store';
import { QueueView } from './QueueView';
import { CaseView } from './CaseView';
import { SettingsView } from './SettingsView';
import { PageStatus } from './PageStatus';
import { describeFailure } from './failures';
import { t } from '@/lib/i18n';
import { DASHBOARD_LINK, openDashboard } from '@/lib/insight/open-dashboard';
import { useTeamAccount } from './team/use-team';
import { reportingTo } from '@/lib/errors/report';

export function SidePanelApp() {
  // Each piece read on its own: the app re-renders when one of these changes, not on every queue reply.
  const lang = usePanel((s) => s.lang);
  const error = usePanel((s) => s.error);
  const failure = usePanel((s) => s.failure);
  const dismissFailure = usePanel((s) => s.dismissFailure);
  const loaded = usePanel((s) => s.loaded);
  // In a team the signed-in account is the agent's name: nothing to ask.
  const account = useTeamAccount();
  const askName = usePanel((s) => s.settings.agentName === '') && !account;
  const view = usePanel((s) => s.view);
  const detail = usePanel((s) => s.detail);
  const page = usePanel((s) => s.page);
  const toggleLanguage = usePanel((s) => s.toggleLanguage);
  const showSettings = usePanel((s) => s.showSettings);
  const showing = view === 'settings' ? 'settings' : view === 'case' && detail ? 'case' : 'queue';
  return (
    // The queue fills the panel's height: its list scrolls inside it (only the rows on screen are drawn).
    <div className={`panel panel-${showing}`} lang={lang}>
      <header className="panel-header">
        <h1>{t(lang, 'panel.title')}</h1>
        <span className="row">
          <button type="button" className="link" data-testid="open-dashboard" title={DASHBOARD_LINK[lang].hint} onClick={() => void openDashboard().catch(reportingTo('open-dashboard'))}>
            {DASHBOARD_LINK[lang].label}
          </button>
          <button type="button" className="link" onClick={() => showSettings(view !== 'settings')}>{t(lang, 'panel.settings')}</button>
          <button type="button" className="link" onClick={() => void toggleLanguage()}>{t(lang, 'panel.language')}</button>
        </span>
      </header>
      <PageStatus lang={lang} state={page} />
      {error && <p className="error" role="alert">{t(lang, 'panel.loadError', { error: describeFailure(lang, error) })}</p>}
      {failure && (
        <p className="failure" role="alert" data-testid="panel-failure">
          {describeFailure(lang, failure)}
          <button type="button" className="link" onClick={dismissFailure}>{t(lang, 'panel.dismiss')}</button>
        </p>
      )}
      {/* Asked until given: the history then says who did what, and the wording can introduce the agent. */}
      {loaded && !error && askName && view !== 'settings' && (
        <p className="ask-name" data-testid="ask-name">
          {t(lang, 'panel.askName')}
          <button type="button" onClick={() => showSettings(true)}>{t(lang, 'panel.askNameButton')}</button>
        </p>
      )}
      {showing === 'settings' ? <SettingsView /> : showing === 'case' && detail ? <CaseView lang={lang} detail={detail} /> : <QueueView />}
    </div>
  );
}

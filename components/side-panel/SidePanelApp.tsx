import { usePanel } from './store';
import { QueueView } from './QueueView';
import { CaseView } from './CaseView';
import { SettingsView } from './SettingsView';
import { PageStatus } from './PageStatus';
import { describeFailure } from './failures';
import { t } from '@/lib/i18n';

export function SidePanelApp() {
  const { lang, error, failure, dismissFailure, loaded, settings, view, detail, page, toggleLanguage, showSettings } = usePanel();
  return (
    <div className="panel" lang={lang}>
      <header className="panel-header">
        <h1>{t(lang, 'panel.title')}</h1>
        <span className="row">
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
      {loaded && !error && settings.agentName === '' && view !== 'settings' && (
        <p className="ask-name" data-testid="ask-name">
          {t(lang, 'panel.askName')}
          <button type="button" onClick={() => showSettings(true)}>{t(lang, 'panel.askNameButton')}</button>
        </p>
      )}
      {view === 'settings' ? <SettingsView /> : view === 'case' && detail ? <CaseView lang={lang} detail={detail} /> : <QueueView />}
    </div>
  );
}

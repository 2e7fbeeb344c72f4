import { usePanel } from './store';
import { QueueView } from './QueueView';
import { CaseView } from './CaseView';
import { SettingsView } from './SettingsView';
import { PageStatus } from './PageStatus';
import { t } from '@/lib/i18n';

export function SidePanelApp() {
  const { lang, error, view, detail, page, toggleLanguage, showSettings } = usePanel();
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
      {error && <p className="error" role="alert">{t(lang, 'panel.loadError', { error })}</p>}
      {view === 'settings' ? <SettingsView /> : view === 'case' && detail ? <CaseView lang={lang} detail={detail} /> : <QueueView />}
    </div>
  );
}

import { usePanel } from './store';
import { CaseList } from './CaseList';
import { CaseDetailView } from './CaseDetailView';
import { PageStatus } from './PageStatus';
import { t } from '@/lib/i18n';

export function SidePanelApp() {
  const { lang, cases, loaded, error, selectedId, detail, page, select, toggleLanguage } = usePanel();
  return (
    <div className="panel" lang={lang}>
      <header className="panel-header">
        <h1>{t(lang, 'panel.title')}</h1>
        <button type="button" className="link" onClick={() => void toggleLanguage()}>{t(lang, 'panel.language')}</button>
      </header>
      <PageStatus lang={lang} state={page} />
      {error && <p className="error" role="alert">{t(lang, 'panel.loadError', { error })}</p>}
      {selectedId && detail ? (
        <CaseDetailView lang={lang} detail={detail} onBack={() => void select(null)} />
      ) : (
        <CaseList lang={lang} cases={cases} loaded={loaded} onOpen={(id) => void select(id)} />
      )}
    </div>
  );
}

import { useState } from 'react';
import type { PageState } from '@/lib/messaging/protocol';
import { t, type Language } from '@/lib/i18n';

/** What the panel knows about the console page: read fine, not a review page, or a layout it cannot read. */
export function PageStatus({ lang, state }: { lang: Language; state: PageState | null }) {
  const [copied, setCopied] = useState(false);
  const report = state?.report;
  if (!report) return <p className="page-status muted" data-page-status="none">{t(lang, 'page.none')}</p>;
  if (report.kind === 'other-console') {
    return <p className="page-status muted" data-page-status="other">{t(lang, 'page.other', { page: report.page })}</p>;
  }
  if (report.state === 'reading') return <p className="page-status muted" data-page-status="reading">{t(lang, 'page.reading')}</p>;
  if (report.state === 'recognised') {
    return (
      <p className="page-status muted" data-page-status="recognised">
        {t(lang, 'page.recognised', { page: t(lang, `platform.${report.family ?? 'qianniu'}`), rows: report.rows, badges: report.badges })}
      </p>
    );
  }
  const copy = async () => {
    await navigator.clipboard.writeText(report.diagnostic ?? '');
    setCopied(true);
  };
  return (
    <section className="page-status warn" data-page-status="unrecognised" role="status">
      <h2>{t(lang, 'page.unrecognised.title')}</h2>
      <p>{t(lang, 'page.unrecognised.body', { page: report.page })}</p>
      <button type="button" data-action="copy-diagnostic" onClick={() => void copy()}>
        {copied ? t(lang, 'page.unrecognised.copied') : t(lang, 'page.unrecognised.copy')}
      </button>
      <pre data-testid="diagnostic">{report.diagnostic}</pre>
    </section>
  );
}

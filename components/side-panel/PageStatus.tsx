import { useState } from 'react';
import type { PageReport, PageState, SkipReason } from '@/lib/messaging/protocol';
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
      <>
        <p className="page-status muted" data-page-status="recognised">
          {t(lang, 'page.recognised', { page: t(lang, `platform.${report.family ?? 'qianniu'}`), rows: report.rows, badges: report.badges })}
        </p>
        <PageProblems lang={lang} report={report} />
      </>
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
      <PageProblems lang={lang} report={report} />
    </section>
  );
}

const SKIP_REASONS: SkipReason[] = ['no-id', 'id-too-long', 'bad-shape', 'rejected'];

/** Reviews the page could not store and failures of the page script: said, not hidden (places, never page text). */
function PageProblems({ lang, report }: { lang: Language; report: PageReport }) {
  const skipped = Object.entries(report.skipped ?? {}).filter(([, n]) => n > 0);
  const errors = report.errors ?? [];
  if (!skipped.length && !errors.length) return null;
  const reasonLabel = (reason: string) => (SKIP_REASONS.includes(reason as SkipReason) ? t(lang, `page.skip.${reason as SkipReason}`) : reason);
  const listSep = lang === 'en' ? ', ' : '、';
  return (
    <p className="page-status warn" data-page-status="problems" role="status">
      {skipped.length > 0 && (
        <span data-testid="page-skipped">
          {t(lang, 'page.skipped', {
            n: skipped.reduce((sum, [, n]) => sum + n, 0),
            reasons: skipped.map(([reason, n]) => `${reasonLabel(reason)} ${n}`).join(listSep),
          })}
        </span>
      )}
      {skipped.length > 0 && errors.length > 0 && ' '}
      {errors.length > 0 && (
        <span data-testid="page-errors">
          {t(lang, 'page.errors', { n: errors.reduce((sum, e) => sum + e.count, 0), places: errors.map((e) => e.place).join(listSep) })}
        </span>
      )}
    </p>
  );
}

import { useNow } from './use-now';
import type { CaseView } from '@/lib/cases/case-store';
import { ageLabel, deadlineLabel } from '@/lib/cases/labels';
import { t, type Language } from '@/lib/i18n';

interface Props {
  lang: Language;
  cases: CaseView[];
  loaded: boolean;
  onOpen: (caseId: string) => void;
}

export function CaseList({ lang, cases, loaded, onOpen }: Props) {
  const now = useNow();
  return (
    <section aria-labelledby="open-cases">
      <h2 id="open-cases">
        {t(lang, 'panel.openCases')} <span className="muted">{t(lang, 'panel.count', { n: cases.length })}</span>
      </h2>
      {loaded && cases.length === 0 && <p className="muted">{t(lang, 'panel.empty')}</p>}
      <ul className="case-list">
        {cases.map(({ case: c, review, deadlineAt }) => (
          <li key={c.id} data-review-id={c.platformReviewId} data-case-id={c.id} className={`case ${c.sentiment}`}>
            <button type="button" onClick={() => onOpen(c.id)}>
              <span className="row">
                <span className={`chip ${c.sentiment}`}>{t(lang, `sentiment.${c.sentiment}`)}</span>
                <span className="chip status">{t(lang, `status.${c.status}`)}</span>
                {c.openedAt === null && c.status === 'new' && <span className="dot">{t(lang, 'panel.unopened')}</span>}
                <span className="muted">{ageLabel(lang, review.reviewTime, now)}</span>
                <span className="deadline">{deadlineLabel(lang, deadlineAt, now)}</span>
              </span>
              <span className="text">{review.content || review.followUp?.content || t(lang, 'case.noText')}</span>
              <span className="muted small">{review.itemTitle ?? ''} · {review.buyerNick}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useNow } from './use-now';
import type { CaseView } from '@/lib/cases/case-store';
import { ageLabel, deadlineLabel } from '@/lib/cases/labels';
import { isOverdue } from '@/lib/cases/promises';
import { CAUSES } from '@/lib/causes/taxonomy';
import { formatBeijing } from '@/lib/time/beijing';
import { t, type Language } from '@/lib/i18n';
import { sentimentLabel } from '@/lib/cases/labels';

interface Props {
  lang: Language;
  /** The heading, which names the tab the list shows (待处理案例, 全部案例, 已解决的案例…). */
  heading: string;
  cases: CaseView[];
  /** True when nothing at all is stored yet (not just filtered out). */
  loaded: boolean;
  onOpen: (caseId: string) => void;
}

export function CaseList({ lang, heading, cases, loaded, onOpen }: Props) {
  const now = useNow();
  return (
    <section aria-labelledby="open-cases">
      <h2 id="open-cases">
        {heading} <span className="muted">{t(lang, 'panel.count', { n: cases.length })}</span>
      </h2>
      {loaded && cases.length === 0 && <p className="muted">{t(lang, 'panel.empty')}</p>}
      <ul className="case-list">
        {cases.map(({ case: c, review, deadlineAt, openPromises, doNotContact }) => {
          const overdue = openPromises.some((p) => isOverdue(p, now));
          const cause = c.causes[0];
          return (
            <li key={c.id} data-review-id={c.platformReviewId} data-case-id={c.id} className={`case ${c.sentiment}${overdue ? ' overdue' : ''}`}>
              <button type="button" onClick={() => onOpen(c.id)}>
                <span className="row">
                  <span className={`chip ${c.sentiment}`}>{sentimentLabel(lang, c.sentiment, review.sentimentSource)}</span>
                  {/* A case nobody opened is new by definition: one chip (未读), not 新 and 未读 side by side. */}
                  {c.openedAt === null && c.status === 'new'
                    ? <span className="dot">{t(lang, 'panel.unopened')}</span>
                    : <span className="chip status">{t(lang, `status.${c.status}`)}</span>}
                  {overdue && <span className="dot">{t(lang, 'queue.overdue')}</span>}
                  {doNotContact && <span className="chip dnc">{t(lang, 'queue.dnc')}</span>}
                  {cause && <span className="chip cause">{CAUSES[cause.code][lang === 'zh-CN' ? 'zh' : 'en']}</span>}
                  <span className="muted">{ageLabel(lang, review.reviewTime, now)}</span>
                  <span className="deadline">
                    {c.agreedAt !== null && c.agreedAt > now ? t(lang, 'queue.agreedAt', { time: formatBeijing(c.agreedAt).slice(5) }) : deadlineLabel(lang, deadlineAt, now)}
                  </span>
                </span>
                <span className="text">{review.content || review.followUp?.content || t(lang, 'case.noText')}</span>
                <span className="muted small">{review.itemTitle ?? ''} · {review.buyerNick}{c.assignee ? ` · ${c.assignee}` : ''}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

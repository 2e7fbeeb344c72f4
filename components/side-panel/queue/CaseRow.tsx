import type { CaseView } from '@/lib/cases/case-store';
import { ageLabel, deadlineLabel, sentimentLabel } from '@/lib/cases/labels';
import { isOverdue } from '@/lib/cases/promises';
import { CAUSES } from '@/lib/causes/taxonomy';
import { formatBeijing } from '@/lib/time/beijing';
import { t, type Language } from '@/lib/i18n';

interface Place {
  index: number;
  /** Offset of the row from the top of the list (px). */
  start: number;
  total: number;
  lang: Language;
  measureRef: (el: Element | null) => void;
}

/** The list item at a place of the virtual list: positioned, measured, and numbered for screen readers. */
const placed = ({ index, start, total, measureRef }: Place) => ({
  ref: measureRef,
  'data-index': index,
  'aria-posinset': index + 1,
  'aria-setsize': total,
  style: { transform: `translateY(${start}px)` },
});

export function CaseRow({ view, now, onOpen, ...place }: Place & { view: CaseView; now: number; onOpen: (caseId: string) => void }) {
  const { lang } = place;
  const { case: c, review, deadlineAt, openPromises, doNotContact } = view;
  const overdue = openPromises.some((p) => isOverdue(p, now));
  const cause = c.causes[0];
  return (
    <li {...placed(place)} data-review-id={c.platformReviewId} data-case-id={c.id} data-holder={c.assignee ?? ''} className={`case ${c.sentiment}${overdue ? ' overdue' : ''}`}>
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
        <span className="muted small">
          {review.itemTitle ?? ''} · {review.buyerNick}
          {c.assignee && <> · <span className="holder">{t(lang, 'team.heldBy', { name: c.assignee })}</span></>}
        </span>
      </button>
    </li>
  );
}

/** A place whose case the window does not hold yet (a fast scroll): same size, said to be loading. */
export function RowPlaceholder(place: Place) {
  return (
    <li {...placed(place)} className="case placeholder" aria-busy="true">
      <button type="button" tabIndex={-1}>
        <span className="muted">{t(place.lang, 'queue.loadingRow')}</span>
      </button>
    </li>
  );
}

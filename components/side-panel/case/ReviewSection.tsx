import type { CaseDetail } from '@/lib/cases/case-store';
import { ageLabel, deadlineLabel, sentimentLabel } from '@/lib/cases/labels';
import { t, type Language } from '@/lib/i18n';
import { formatBeijing } from '@/lib/time/beijing';

/** What the buyer said, about what, and when it must be answered. Review text is only ever rendered as text. */
export function ReviewSection({ lang, detail, now }: { lang: Language; detail: CaseDetail; now: number }) {
  const { case: c, review, deadlineAt } = detail;
  return (
    <section>
      <p className="row">
        <span className={`chip ${c.sentiment}`}>{sentimentLabel(lang, c.sentiment, review.sentimentSource)}</span>
        <span className="chip status" data-testid="case-status">{t(lang, `status.${c.status}`)}</span>
        <span className="muted">{ageLabel(lang, review.reviewTime, now)}</span>
        <span className="deadline">{deadlineLabel(lang, deadlineAt, now)}</span>
      </p>
      <h3>{t(lang, 'case.review')}</h3>
      <p className="text" data-testid="review-text">{review.content || t(lang, 'case.noText')}</p>
      {review.pictureCount > 0 && <p className="muted">{t(lang, 'case.pictures', { n: review.pictureCount })}</p>}
      {review.followUp && (
        <>
          <h3>{review.followUp.days ? t(lang, 'case.followUp', { n: review.followUp.days }) : t(lang, 'case.followUpNoDays')}</h3>
          <p className="text">{review.followUp.content || t(lang, 'case.noText')}</p>
        </>
      )}
      <dl className="facts">
        <dt>{t(lang, 'case.item')}</dt>
        <dd>{review.itemLink ? <a href={review.itemLink} target="_blank" rel="noreferrer noopener">{review.itemTitle ?? review.itemId}</a> : (review.itemTitle ?? review.itemId ?? '—')}</dd>
        <dt>{t(lang, 'case.order')}</dt>
        <dd>{review.orderId ?? '—'}</dd>
        <dt>{t(lang, 'case.buyer')}</dt>
        <dd>{review.buyerNick}</dd>
        <dt>{t(lang, 'case.reviewedAt')}</dt>
        <dd>{review.reviewTime === null ? '—' : formatBeijing(review.reviewTime)}</dd>
        <dt>{t(lang, 'case.deadline')}</dt>
        <dd>{deadlineAt === null ? '—' : formatBeijing(deadlineAt)}</dd>
        <dt>{t(lang, 'case.source')}</dt>
        <dd>{t(lang, `platform.${c.platform}`)}</dd>
      </dl>
    </section>
  );
}

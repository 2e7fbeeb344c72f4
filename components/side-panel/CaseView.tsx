import { useEffect } from 'react';
import type { CaseDetail } from '@/lib/cases/case-store';
import { t, type Language } from '@/lib/i18n';
import { useNow } from './use-now';
import { usePanel } from './store';
import { ReviewSection } from './case/ReviewSection';
import { CausesSection } from './case/CausesSection';
import { OutcomeBar } from './case/OutcomeBar';
import { SuggestionsSection } from './case/SuggestionsSection';
import { ContactTimingSection } from './case/ContactTimingSection';
import { PromisesSection } from './case/PromisesSection';
import { BuyerSection } from './case/BuyerSection';
import { HistorySection, StatusSection } from './case/StatusAndNotes';
import { HolderNotice } from './team/HolderNotice';

/** One case: what the buyer said, why, what to do, and everything done so far. */
export function CaseView({ lang, detail }: { lang: Language; detail: CaseDetail }) {
  const select = usePanel((s) => s.select);
  const act = usePanel((s) => s.act);
  const now = useNow(1000);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)) void select(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [select]);
  const { case: c } = detail;
  return (
    <article className="case-detail" data-review-id={c.platformReviewId} data-case-id={c.id}>
      <button type="button" className="link" onClick={() => void select(null)}>← {t(lang, 'panel.back')}</button>
      <HolderNotice lang={lang} caseId={c.id} holder={c.assignee} />
      <ReviewSection lang={lang} detail={detail} now={now} />
      <CausesSection lang={lang} c={c} onChange={(causes) => void act('setCauses', { caseId: c.id, causes })} />
      <SuggestionsSection key={`s-${c.id}`} lang={lang} detail={detail} />
      {/* Asked again when the case, its history or the buyer's note (勿扰) changes. */}
      <ContactTimingSection lang={lang} caseId={c.id} version={c.updatedAt + detail.events.length + (detail.buyerNote?.updatedAt ?? 0)} now={now} />
      <OutcomeBar lang={lang} caseId={c.id} now={now} />
      <PromisesSection key={`p-${c.id}`} lang={lang} detail={detail} now={now} />
      <BuyerSection key={`b-${c.id}-${detail.buyerNote?.updatedAt ?? 0}`} lang={lang} detail={detail} />
      <StatusSection lang={lang} detail={detail} />
      <HistorySection lang={lang} detail={detail} />
    </article>
  );
}

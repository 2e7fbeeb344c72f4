import { useState } from 'react';
import { t, type Language } from '@/lib/i18n';
import { request } from '@/lib/messaging/protocol';
import { usePanel } from '../store';
import { describeFailure } from '../failures';
import { useTeamAccount } from './use-team';

/**
 * Team: a case a colleague holds says so above everything else, and taking it over is one deliberate click (a call
 * logged without it is refused, so the buyer is not contacted by two agents).
 */
export function HolderNotice({ lang, caseId, holder }: { lang: Language; caseId: string; holder: string | null }) {
  const account = useTeamAccount();
  const refreshCases = usePanel((s) => s.refreshCases);
  const [said, setSaid] = useState<string | null>(null);
  if (!account || !holder || holder === account) return said ? <p role="status" className="ok small">{said}</p> : null;
  const take = async () => {
    try {
      await request({ type: 'takeCase', caseId });
      setSaid(t(lang, 'team.tookOver'));
      await refreshCases([caseId]);
    } catch (e) {
      setSaid(describeFailure(lang, e));
    }
  };
  return (
    <p className="held" data-testid="held-by" data-holder={holder}>
      {t(lang, 'team.heldByOther', { name: holder })}{' '}
      <button type="button" onClick={() => void take()} data-testid="take-over">{t(lang, 'team.takeOver')}</button>
      {said && <span className="small"> {said}</span>}
    </p>
  );
}

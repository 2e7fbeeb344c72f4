import { useCallback } from 'react';
import { usePanel } from './store';
import { CaseList } from './CaseList';
import { CaseStatus } from '@/lib/cases/schema';
import { CAUSE_CODES, CAUSES } from '@/lib/causes/taxonomy';
import { t } from '@/lib/i18n';
import { useTeamAccount } from './team/use-team';

/** The queue: counts per status, filters, search, and the cases in working order (a window of them, see store.ts). */
export function QueueView() {
  const lang = usePanel((s) => s.lang);
  const filter = usePanel((s) => s.filter);
  const counts = usePanel((s) => s.counts);
  const choices = usePanel((s) => s.choices);
  const setFilter = usePanel((s) => s.setFilter);
  const select = usePanel((s) => s.select);
  const open = useCallback((id: string) => void select(id), [select]);
  // In a team: 我的 / 未分配 / 全部, one click each (the same filter as the agent list below).
  const account = useTeamAccount();
  const label = (code: (typeof CAUSE_CODES)[number]) => CAUSES[code][lang === 'zh-CN' ? 'zh' : 'en'];
  // The heading names the tab: 待处理案例 only on 待处理.
  const heading = filter.status === 'open' ? t(lang, 'panel.openCases')
    : filter.status === 'all' ? t(lang, 'queue.heading.all') : t(lang, 'queue.heading.status', { status: t(lang, `status.${filter.status}`) });

  return (
    <div className="queue">
      <nav className="status-tabs" aria-label={t(lang, 'status.title')}>
        {(['open', ...CaseStatus.options, 'all'] as const).map((s) => (
          <button key={s} type="button" aria-pressed={filter.status === s} data-status-tab={s} onClick={() => setFilter({ status: s })}>
            {s === 'open' || s === 'all' ? t(lang, `queue.status.${s}`) : t(lang, `status.${s}`)}
            {s !== 'all' && <span className="count">{counts?.[s] ?? 0}</span>}
          </button>
        ))}
      </nav>
      {account && (
        <nav className="team-views" aria-label={t(lang, 'queue.filter.agent')}>
          {([['mine', account], ['unassigned', 'unassigned'], ['all', 'all']] as const).map(([view, assignee]) => (
            <button key={view} type="button" data-team-view={view} aria-pressed={filter.assignee === assignee} onClick={() => setFilter({ assignee })}>
              {t(lang, `team.view.${view}`)}
            </button>
          ))}
        </nav>
      )}
      <div className="filters">
        <input type="search" aria-label={t(lang, 'queue.search')} placeholder={t(lang, 'queue.search')} value={filter.text}
          onChange={(e) => setFilter({ text: e.target.value })} />
        <select aria-label={t(lang, 'queue.filter.sentiment')} value={filter.sentiment} onChange={(e) => setFilter({ sentiment: e.target.value as typeof filter.sentiment })}>
          <option value="all">{t(lang, 'queue.filter.option', { name: t(lang, 'queue.filter.sentiment'), value: t(lang, 'queue.filter.all') })}</option>
          <option value="negative">{t(lang, 'sentiment.negative')}</option>
          <option value="neutral">{t(lang, 'sentiment.neutral')}</option>
        </select>
        <select aria-label={t(lang, 'queue.filter.cause')} value={filter.cause} onChange={(e) => setFilter({ cause: e.target.value as typeof filter.cause })}>
          <option value="all">{t(lang, 'queue.filter.option', { name: t(lang, 'queue.filter.cause'), value: t(lang, 'queue.filter.all') })}</option>
          {CAUSE_CODES.map((c) => <option key={c} value={c}>{label(c)}</option>)}
        </select>
        <select aria-label={t(lang, 'queue.filter.product')} value={filter.itemId} onChange={(e) => setFilter({ itemId: e.target.value })}>
          <option value="all">{t(lang, 'queue.filter.option', { name: t(lang, 'queue.filter.product'), value: t(lang, 'queue.filter.all') })}</option>
          {choices.items.map((i) => <option key={i.id} value={i.id}>{i.title}</option>)}
        </select>
        <select aria-label={t(lang, 'queue.filter.agent')} value={filter.assignee} onChange={(e) => setFilter({ assignee: e.target.value })}>
          <option value="all">{t(lang, 'queue.filter.option', { name: t(lang, 'queue.filter.agent'), value: t(lang, 'queue.filter.all') })}</option>
          <option value="unassigned">{t(lang, 'queue.filter.unassigned')}</option>
          {choices.agents.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
      </div>
      <CaseList lang={lang} heading={heading} onOpen={open} />
    </div>
  );
}

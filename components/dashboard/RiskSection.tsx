import type { DashboardData } from '@/lib/insight/dashboard';
import { Fig, useDash } from './Fig';
import { d, type DashKey } from './messages';
import type { DrillFilter } from './drill';

type RiskKey = 'open' | 'newToday' | 'closingSoon' | 'overduePromises' | 'atCap' | 'complained';

const CARDS: Array<{ key: RiskKey; label: DashKey; testid: string; filter: DrillFilter; alarm?: boolean }> = [
  { key: 'open', label: 'risk.open', testid: 'stat-open', filter: { status: 'open' } },
  { key: 'newToday', label: 'risk.newToday', testid: 'stat-new-today', filter: { status: 'all' } },
  { key: 'closingSoon', label: 'risk.closingSoon', testid: 'stat-closing-soon', filter: { status: 'all' }, alarm: true },
  { key: 'overduePromises', label: 'risk.overduePromises', testid: 'stat-overdue-promises', filter: { status: 'all' }, alarm: true },
  { key: 'atCap', label: 'risk.atCap', testid: 'stat-at-cap', filter: { status: 'open' } },
  { key: 'complained', label: 'risk.complained', testid: 'stat-complained', filter: { status: 'complained' } },
];

/** The shop's risk at this moment (not the period): each figure opens the queue on its cases. */
export function RiskSection({ risk }: { risk: DashboardData['risk'] }) {
  const { lang } = useDash();
  return (
    <section className="card risk" aria-labelledby="risk-title">
      <h2 id="risk-title">{d(lang, 'risk.title')}</h2>
      <ul className="stats">
        {CARDS.map((c) => {
          const label = d(lang, c.label, { cap: risk.cap });
          return (
            <li key={c.key} className={c.alarm && risk[c.key] > 0 ? 'stat alarm' : 'stat'}>
              <Fig n={risk[c.key]} path={['risk', c.key]} label={label} filter={c.filter} testid={c.testid} />
              <span className="stat-label">{label}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

import { useMemo } from 'react';
import type { DashboardData } from '@/lib/insight/dashboard';
import { formatYuan, REMEDY_LABELS } from '@/lib/cases/promises';
import type { PathStep } from '@/lib/insight/tally';
import { Chart, TEXT_TOOLTIP, type ChartOption } from './Chart';
import { causeName, Fig, useDash } from './Fig';
import { d } from './messages';
import type { DrillFilter } from './drill';

type Comp = DashboardData['compensation'];
type Row = Omit<Comp['total'], 'key'>;

function Table<K extends string>({ rows, total, name, base, first, filter }: { rows: Array<Row & { key: K }>; total: Row; name: (k: K) => string; base: PathStep[]; first: string; filter: (k: K) => DrillFilter }) {
  const { lang, period } = useDash();
  const line = (r: Row, path: PathStep[], label: string, f: DrillFilter) => (
    <>
      <td><Fig n={r.promises} path={[...path, 'promises']} label={`${label} · ${d(lang, 'comp.promises')} · ${period}`} filter={f} /></td>
      <td><Fig n={r.kept} path={[...path, 'kept']} label={`${label} · ${d(lang, 'comp.kept')} · ${period}`} filter={f} /></td>
      <td><Fig n={r.overdue} path={[...path, 'overdue']} label={`${label} · ${d(lang, 'comp.overdue')} · ${period}`} filter={f} /></td>
      <td><Fig n={r.cancelled} path={[...path, 'cancelled']} label={`${label} · ${d(lang, 'comp.cancelled')} · ${period}`} filter={f} /></td>
      <td>{formatYuan(r.promisedFen)}</td><td>{formatYuan(r.paidFen)}</td><td className={r.overdueFen > 0 ? 'danger' : ''}>{formatYuan(r.overdueFen)}</td>
    </>
  );
  return (
    <table>
      <thead>
        <tr>
          <th>{first}</th><th>{d(lang, 'comp.promises')}</th><th>{d(lang, 'comp.kept')}</th><th>{d(lang, 'comp.overdue')}</th><th>{d(lang, 'comp.cancelled')}</th>
          <th>{d(lang, 'comp.promised')}</th><th>{d(lang, 'comp.paid')}</th><th>{d(lang, 'comp.overdueAmount')}</th>
        </tr>
      </thead>
      <tbody>{rows.map((r) => <tr key={r.key}><th scope="row">{name(r.key)}</th>{line(r, [...base, r.key], name(r.key), filter(r.key))}</tr>)}</tbody>
      <tfoot><tr><th scope="row">{d(lang, 'comp.total')}</th>{line(total, ['compensation', 'total'], d(lang, 'comp.title'), { status: 'all' })}</tr></tfoot>
    </table>
  );
}

/** Money promised to buyers in the period, what was paid, and what is late. */
export function CompensationSection({ compensation }: { compensation: Comp }) {
  const { lang, period, drill } = useDash();
  const kindName = (k: Comp['byKind'][number]['key']) => REMEDY_LABELS[k][lang === 'en' ? 'en' : 'zh'];
  const option = useMemo<ChartOption>(() => ({
    tooltip: TEXT_TOOLTIP,
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8 },
    xAxis: { type: 'category', data: compensation.byKind.map((r) => REMEDY_LABELS[r.key][lang === 'en' ? 'en' : 'zh']) },
    yAxis: { type: 'value', name: '¥' },
    series: (['promisedFen', 'paidFen', 'overdueFen'] as const).map((k) => ({
      type: 'bar', name: d(lang, k === 'promisedFen' ? 'comp.promised' : k === 'paidFen' ? 'comp.paid' : 'comp.overdueAmount'),
      data: compensation.byKind.map((r) => r[k] / 100),
    })),
  }), [compensation, lang]);
  return (
    <section className="card" aria-labelledby="comp-title">
      <h2 id="comp-title">{d(lang, 'comp.title')}</h2>
      {compensation.total.promises === 0 ? <p className="muted">{d(lang, 'comp.none')}</p> : (
        <>
          <Chart option={option} height={220} label={d(lang, 'comp.title')}
            onPick={(_s, i) => {
              const r = compensation.byKind[i];
              if (r) drill(['compensation', 'byKind', r.key, 'promises'], `${kindName(r.key)} · ${period}`, { status: 'all' });
            }} />
          <h3>{d(lang, 'comp.byKind')}</h3>
          <div className="wide"><Table rows={compensation.byKind} total={compensation.total} name={kindName} base={['compensation', 'byKind']} first={d(lang, 'comp.kind')} filter={() => ({ status: 'all' })} /></div>
          <h3>{d(lang, 'comp.byCause')}</h3>
          <div className="wide"><Table rows={compensation.byCause} total={compensation.total} name={(k) => causeName(lang, k)} base={['compensation', 'byCause']} first={d(lang, 'comp.cause')}
            filter={(k) => (k === 'none' ? { status: 'all' } : { status: 'all', cause: k })} /></div>
        </>
      )}
    </section>
  );
}

import { useMemo } from 'react';
import type { DashboardData } from '@/lib/insight/dashboard';
import { hoursText, percentText, rate } from '@/lib/insight/stats';
import type { PathStep } from '@/lib/insight/tally';
import { Chart, TEXT_TOOLTIP, type ChartOption } from './Chart';
import { causeName, Fig, useDash } from './Fig';
import { d, type DashKey } from './messages';
import type { DrillFilter } from './drill';

type Funnel = DashboardData['funnel'];
type Row = Omit<Funnel['overall'], 'key'>;
type Stage = 'new' | 'contacted' | 'agreed' | 'revised' | 'resolved' | 'unresolvable' | 'complained';

/** Each stage with what its rate is taken of: the stage before it for the way in, all new cases for the ends. */
const STAGES: Array<{ key: Stage; of: Stage | null }> = [
  { key: 'new', of: null }, { key: 'contacted', of: 'new' }, { key: 'agreed', of: 'contacted' },
  { key: 'revised', of: 'new' }, { key: 'resolved', of: 'new' }, { key: 'unresolvable', of: 'new' }, { key: 'complained', of: 'new' },
];
const stageLabel = (k: Stage) => `funnel.${k}` as DashKey;

function Overall({ row }: { row: Row }) {
  const { lang, period, drill } = useDash();
  const option = useMemo<ChartOption>(() => ({
    tooltip: TEXT_TOOLTIP,
    grid: { left: 8, right: 16, top: 8, bottom: 8 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: STAGES.map((s) => d(lang, stageLabel(s.key))) },
    series: [{ type: 'bar', name: d(lang, 'funnel.cases'), data: STAGES.map((s) => row[s.key]) }],
  }), [row, lang]);
  return (
    <div className="pair">
      <Chart option={option} height={230} label={d(lang, 'funnel.title')}
        onPick={(_s, i) => {
          const s = STAGES[i];
          if (s) drill(['funnel', 'overall', s.key], `${d(lang, stageLabel(s.key))} · ${period}`, { status: 'all' });
        }} />
      <div>
        <table>
          <thead><tr><th>{d(lang, 'funnel.stage')}</th><th>{d(lang, 'funnel.cases')}</th><th>{d(lang, 'funnel.rate')}</th></tr></thead>
          <tbody>
            {STAGES.map((s) => (
              <tr key={s.key} data-stage={s.key}>
                <th scope="row">{d(lang, stageLabel(s.key))}</th>
                <td><Fig n={row[s.key]} path={['funnel', 'overall', s.key]} label={`${d(lang, stageLabel(s.key))} · ${period}`} filter={{ status: 'all' }} testid={`funnel-${s.key}`} /></td>
                <td>{s.of ? `${percentText(rate(row[s.key], row[s.of]))} ${d(lang, 'funnel.rateOf', { of: d(lang, stageLabel(s.of)) })}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="medians">
          <dt>{d(lang, 'funnel.toContact')}</dt><dd data-testid="median-contact">{hoursText(row.toContactMs)}</dd>
          <dt>{d(lang, 'funnel.toRevised')}</dt><dd data-testid="median-revised">{hoursText(row.toRevisedMs)}</dd>
        </dl>
      </div>
    </div>
  );
}

/** One funnel row per group (a cause, a channel), with its rates and median times. */
function GroupTable<K extends string>({ rows, name, base, filter }: { rows: Array<Row & { key: K }>; name: (k: K) => string; base: PathStep[]; filter: (k: K) => DrillFilter }) {
  const { lang, period } = useDash();
  const fig = (r: Row & { key: K }, stage: Stage) => (
    <Fig n={r[stage]} path={[...base, r.key, stage]} label={`${name(r.key)} · ${d(lang, stageLabel(stage))} · ${period}`} filter={filter(r.key)} />
  );
  return (
    <table>
      <thead>
        <tr>
          <th>{d(lang, 'funnel.group')}</th><th>{d(lang, 'funnel.new')}</th><th>{d(lang, 'funnel.contacted')}</th><th>{d(lang, 'funnel.agreed')}</th>
          <th>{d(lang, 'funnel.revised')}</th><th>{d(lang, 'funnel.unresolvable')}</th><th>{d(lang, 'funnel.contactRate')}</th>
          <th>{d(lang, 'funnel.agreeRate')}</th><th>{d(lang, 'funnel.reviseRate')}</th><th>{d(lang, 'funnel.toContact')}</th><th>{d(lang, 'funnel.toRevised')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{name(r.key)}</th>
            <td>{fig(r, 'new')}</td><td>{fig(r, 'contacted')}</td><td>{fig(r, 'agreed')}</td><td>{fig(r, 'revised')}</td><td>{fig(r, 'unresolvable')}</td>
            <td>{percentText(rate(r.contacted, r.new))}</td><td>{percentText(rate(r.agreed, r.contacted))}</td><td>{percentText(rate(r.revised, r.new))}</td>
            <td>{hoursText(r.toContactMs)}</td><td>{hoursText(r.toRevisedMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FunnelSection({ funnel }: { funnel: Funnel }) {
  const { lang } = useDash();
  return (
    <section className="card" aria-labelledby="funnel-title">
      <h2 id="funnel-title">{d(lang, 'funnel.title')}</h2>
      <Overall row={funnel.overall} />
      <h3>{d(lang, 'funnel.byCause')}</h3>
      <div className="wide"><GroupTable rows={funnel.byCause} base={['funnel', 'byCause']} name={(k) => causeName(lang, k)}
        filter={(k) => (k === 'none' ? { status: 'all' } : { status: 'all', cause: k })} /></div>
      <h3>{d(lang, 'funnel.byChannel')}</h3>
      <div className="wide"><GroupTable rows={funnel.byChannel} base={['funnel', 'byChannel']} name={(k) => d(lang, `channel.${k}` as DashKey)} filter={() => ({ status: 'all' })} /></div>
    </section>
  );
}

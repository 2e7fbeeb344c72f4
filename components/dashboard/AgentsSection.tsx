import { useMemo } from 'react';
import type { DashboardData } from '@/lib/insight/dashboard';
import { formatYuan } from '@/lib/cases/promises';
import { dayText } from '@/lib/insight/period';
import { percentText, rate } from '@/lib/insight/stats';
import type { PathStep } from '@/lib/insight/tally';
import { Chart, shortLabel, TEXT_TOOLTIP, type ChartOption } from './Chart';
import { Fig, useDash } from './Fig';
import { d, type DashKey } from './messages';
import { Fold } from './Fold';

type Agents = DashboardData['agents'];
type Day = Agents['rows'][number]['total'];
type Measure = keyof Day;

const MEASURES: Array<{ key: Measure; label: DashKey }> = [
  { key: 'handled', label: 'agents.handled' }, { key: 'calls', label: 'agents.calls' }, { key: 'messages', label: 'agents.messages' },
  { key: 'agreed', label: 'agents.agreed' }, { key: 'revised', label: 'agents.revised' }, { key: 'unresolvable', label: 'agents.unresolvable' },
  { key: 'promises', label: 'agents.promises' }, { key: 'promisesOverdue', label: 'agents.overdue' },
];

/** One line of measures (a day, or the period); the answered rate sits after the calls. */
function Cells({ day, base, who, when }: { day: Day; base: PathStep[]; who: string; when: string }) {
  const { lang } = useDash();
  return MEASURES.flatMap((m) => [
    <td key={m.key}><Fig n={day[m.key]} path={[...base, m.key]} label={`${who} · ${d(lang, m.label)} · ${when}`} filter={{ status: 'all' }} /></td>,
    ...(m.key === 'calls' ? [<td key="answered">{percentText(rate(day.answered, day.calls))}</td>] : []),
  ]);
}

function Head({ first, pay }: { first: DashKey; pay: boolean }) {
  const { lang } = useDash();
  return (
    <tr>
      <th>{d(lang, first)}</th>
      {MEASURES.flatMap((m) => [
        <th key={m.key}>{d(lang, m.label)}</th>,
        ...(m.key === 'calls' ? [<th key="answered">{d(lang, 'agents.answered')}</th>] : []),
      ])}
      {pay && <th>{d(lang, 'agents.pay')}</th>}
    </tr>
  );
}

/**
 * Each agent's work in the period (with the bonus under the shop's scheme), and day by day. Locally one browser's
 * store holds every agent's work and all of it is shown; on a team server a lead sees all and an agent their own.
 */
export function AgentsSection({ agents, days }: { agents: Agents; days: number[] }) {
  const { lang, period, drill } = useDash();
  const who = (key: string) => key || d(lang, 'agents.unnamed');
  const option = useMemo<ChartOption>(() => ({
    tooltip: TEXT_TOOLTIP,
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8 },
    xAxis: { type: 'category', data: agents.rows.map((r) => shortLabel(r.key || d(lang, 'agents.unnamed'), 8)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: (['handled', 'agreed', 'revised'] as const).map((k) => ({ type: 'bar', name: d(lang, `agents.${k}`), data: agents.rows.map((r) => r.total[k]) })),
  }), [agents, lang]);
  const pay = agents.pay.enabled;
  return (
    <section className="card" aria-labelledby="agents-title">
      <h2 id="agents-title">{d(lang, 'agents.title')}</h2>
      <p className="muted small">{agents.scope === 'all' ? d(lang, 'scope.local') : ''}</p>
      <p className="muted small" data-testid="pay-scheme">
        {pay ? d(lang, 'agents.payOn', { neutral: formatYuan(agents.pay.perRevisedNeutralFen), negative: formatYuan(agents.pay.perRevisedNegativeFen) }) : d(lang, 'agents.payOff')}
      </p>
      {agents.rows.length === 0 ? <p className="muted">{d(lang, 'agents.none')}</p> : (
        <>
          <Chart option={option} height={240} label={d(lang, 'agents.title')}
            onPick={(series, i) => {
              const row = agents.rows[i];
              const key = (['handled', 'agreed', 'revised'] as const)[series];
              if (row && key) drill(['agents', 'rows', row.key, 'total', key], `${who(row.key)} · ${d(lang, `agents.${key}`)} · ${period}`, { status: 'all' });
            }} />
          <div className="wide">
            <table data-testid="agents-table">
              <thead><Head first="agents.agent" pay={pay} /></thead>
              <tbody>
                {agents.rows.map((r) => (
                  <tr key={r.key} data-agent={r.key}>
                    <th scope="row">{who(r.key)}</th>
                    <Cells day={r.total} base={['agents', 'rows', r.key, 'total']} who={who(r.key)} when={period} />
                    {pay && <td data-testid="agent-pay">{r.payFen === null ? '–' : formatYuan(r.payFen)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {agents.rows.map((r) => (
            <Fold key={r.key} summary={d(lang, 'agents.perDay', { agent: who(r.key) })}>{() => (
              <table>
                <thead><Head first="trend.day" pay={false} /></thead>
                <tbody>
                  {days.map((day, i) => (
                    <tr key={day}>
                      <th scope="row">{dayText(day)}</th>
                      <Cells day={r.perDay[i]!} base={['agents', 'rows', r.key, 'perDay', i]} who={who(r.key)} when={dayText(day)} />
                    </tr>
                  ))}
                </tbody>
              </table>
            )}</Fold>
          ))}
        </>
      )}
    </section>
  );
}

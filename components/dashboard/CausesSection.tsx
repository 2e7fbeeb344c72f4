import { useMemo } from 'react';
import type { Language } from '@/lib/i18n';
import type { DashboardData } from '@/lib/insight/dashboard';
import { dayLabel, dayText } from '@/lib/insight/period';
import { percentText, rate } from '@/lib/insight/stats';
import type { CauseKey } from '@/lib/insight/facts';
import { Chart, shortLabel, TEXT_TOOLTIP, type ChartOption } from './Chart';
import { causeName, Fig, useDash } from './Fig';
import { d } from './messages';
import { Fold } from './Fold';

type Causes = DashboardData['causes'];
/** A product whose title was never read shows as its item id, said to be one (a bare number means nothing to the owner). */
const productTitle = (lang: Language, p: Causes['products'][number]) =>
  !p.title ? d(lang, 'products.unknown') : p.title === p.key && /^\d+$/.test(p.key) ? d(lang, 'products.idOnly', { id: p.key }) : p.title;
const causeFilter = (key: CauseKey) => (key === 'none' ? { status: 'all' as const } : { status: 'all' as const, cause: key });

/** Count and share per main cause, with a bar chart beside the table. */
function CauseTable({ causes }: { causes: Causes }) {
  const { lang, period, drill } = useDash();
  const option = useMemo<ChartOption>(() => ({
    tooltip: TEXT_TOOLTIP,
    grid: { left: 8, right: 16, top: 8, bottom: 8 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: causes.rows.map((r) => causeName(lang, r.key)) },
    series: [{ type: 'bar', data: causes.rows.map((r) => r.count), name: d(lang, 'causes.count') }],
  }), [causes, lang]);
  return (
    <div className="pair">
      <Chart option={option} height={Math.max(160, 28 * causes.rows.length + 24)} label={d(lang, 'causes.title')}
        onPick={(_s, i) => {
          const row = causes.rows[i];
          if (row) drill(['causes', 'rows', row.key, 'count'], `${causeName(lang, row.key)} · ${period}`, causeFilter(row.key));
        }} />
      <table>
        <thead><tr><th>{d(lang, 'causes.cause')}</th><th>{d(lang, 'causes.count')}</th><th>{d(lang, 'causes.share')}</th><th>{d(lang, 'causes.negative')}</th><th>{d(lang, 'causes.neutral')}</th></tr></thead>
        <tbody>
          {causes.rows.map((r) => {
            const name = causeName(lang, r.key);
            return (
              <tr key={r.key} data-cause-row={r.key}>
                <th scope="row">{name}</th>
                <td><Fig n={r.count} path={['causes', 'rows', r.key, 'count']} label={`${name} · ${period}`} filter={causeFilter(r.key)} dataCause={r.key} /></td>
                <td>{percentText(rate(r.count, causes.total))}</td>
                <td><Fig n={r.negative} path={['causes', 'rows', r.key, 'negative']} label={`${name} · ${d(lang, 'causes.negative')} · ${period}`} filter={causeFilter(r.key)} /></td>
                <td><Fig n={r.neutral} path={['causes', 'rows', r.key, 'neutral']} label={`${name} · ${d(lang, 'causes.neutral')} · ${period}`} filter={causeFilter(r.key)} /></td>
              </tr>
            );
          })}
        </tbody>
        <tfoot><tr><th scope="row">{d(lang, 'causes.total')}</th><td><Fig n={causes.total} path={['causes', 'total']} label={`${d(lang, 'causes.title')} · ${period}`} /></td><td>{causes.total ? '100.0 %' : '–'}</td><td /><td /></tr></tfoot>
      </table>
    </div>
  );
}

/** Cases per day for each cause: a line per cause, the numbers day by day below. */
function Trend({ causes, days }: { causes: Causes; days: number[] }) {
  const { lang, period, drill } = useDash();
  const option = useMemo<ChartOption>(() => ({
    tooltip: { ...TEXT_TOOLTIP, trigger: 'item' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 32, bottom: 8 },
    xAxis: { type: 'category', data: days.map(dayLabel) },
    yAxis: { type: 'value', minInterval: 1 },
    series: causes.trend.map((t) => ({ type: 'line', name: causeName(lang, t.key), data: t.perDay, showSymbol: days.length <= 62 })),
  }), [causes, days, lang]);
  const pick = (series: number, day: number) => {
    const t = causes.trend[series];
    if (t && days[day] !== undefined) drill(['causes', 'trend', t.key, 'perDay', day], `${causeName(lang, t.key)} · ${dayText(days[day]!)}`, causeFilter(t.key));
  };
  return (
    <>
      <h3>{d(lang, 'trend.title')}</h3>
      <Chart option={option} height={240} label={`${d(lang, 'trend.title')} · ${period}`} onPick={pick} />
      <Fold summary={d(lang, 'trend.table')}>{() => (
        <table>
          <thead><tr><th>{d(lang, 'trend.day')}</th>{causes.trend.map((t) => <th key={t.key}>{causeName(lang, t.key)}</th>)}</tr></thead>
          <tbody>
            {days.map((day, i) => (
              <tr key={day}>
                <th scope="row">{dayText(day)}</th>
                {causes.trend.map((t) => (
                  <td key={t.key}><Fig n={t.perDay[i] ?? 0} path={['causes', 'trend', t.key, 'perDay', i]} label={`${causeName(lang, t.key)} · ${dayText(day)}`} filter={causeFilter(t.key)} /></td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}</Fold>
    </>
  );
}

/** The products behind the most cases, with their causes and the words that triggered them. */
function Products({ causes }: { causes: Causes }) {
  const { lang, period, drill } = useDash();
  const title = (p: Causes['products'][number]) => productTitle(lang, p);
  const shownCauses = useMemo(() => [...new Set(causes.products.flatMap((p) => p.causes.map((c) => c.key)))], [causes]);
  const option = useMemo<ChartOption>(() => ({
    tooltip: TEXT_TOOLTIP,
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 32, bottom: 8 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: causes.products.map((p) => shortLabel(productTitle(lang, p))) },
    series: shownCauses.map((key) => ({
      type: 'bar', stack: 'causes', name: causeName(lang, key),
      data: causes.products.map((p) => p.causes.find((c) => c.key === key)?.count ?? 0),
    })),
  }), [causes, lang, shownCauses]);
  if (!causes.products.length) return null;
  const pick = (series: number, i: number) => {
    const p = causes.products[i];
    const key = shownCauses[series];
    if (p && key) drill(['causes', 'products', p.key, 'causes', key, 'count'], `${title(p)} · ${causeName(lang, key)} · ${period}`, { status: 'all', itemId: p.key || undefined, ...(key !== 'none' ? { cause: key } : {}) });
  };
  return (
    <>
      <h3>{d(lang, 'products.title')}</h3>
      <Chart option={option} height={Math.max(200, 30 * causes.products.length + 48)} label={d(lang, 'products.title')} onPick={pick} />
      <table className="products">
        <thead><tr><th>{d(lang, 'products.product')}</th><th>{d(lang, 'products.total')}</th><th>{d(lang, 'products.causes')}</th></tr></thead>
        <tbody>
          {causes.products.map((p) => (
            <tr key={p.key} data-item={p.key}>
              <th scope="row">{p.link ? <a href={p.link} target="_blank" rel="noopener noreferrer">{title(p)}</a> : title(p)}{p.key && p.key !== p.title && <span className="muted small"> {p.key}</span>}</th>
              <td><Fig n={p.total} path={['causes', 'products', p.key, 'total']} label={`${title(p)} · ${period}`} filter={{ status: 'all', itemId: p.key || undefined }} /></td>
              <td>
                <ul className="product-causes">
                  {p.causes.map((c) => (
                    <li key={c.key}>
                      <span>{causeName(lang, c.key)} </span>
                      <Fig n={c.count} path={['causes', 'products', p.key, 'causes', c.key, 'count']} label={`${title(p)} · ${causeName(lang, c.key)} · ${period}`}
                        filter={{ status: 'all', itemId: p.key || undefined, ...(c.key !== 'none' ? { cause: c.key } : {}) }} />
                      {c.words.length > 0 && <span className="words">{c.words.map((w) => `${w.word}×${w.n}`).join(lang === 'en' ? ', ' : '、')}</span>}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {causes.productCount > causes.products.length && <p className="muted small">{d(lang, 'products.more', { n: causes.productCount, shown: causes.products.length })}</p>}
    </>
  );
}

export function CausesSection({ causes, days }: { causes: Causes; days: number[] }) {
  const { lang } = useDash();
  return (
    <section className="card" aria-labelledby="causes-title">
      <h2 id="causes-title">{d(lang, 'causes.title')}</h2>
      <CauseTable causes={causes} />
      <Trend causes={causes} days={days} />
      <Products causes={causes} />
    </section>
  );
}

import { useState } from 'react';
import { PeriodKind, dayText, resolvePeriod, type PeriodRange } from '@/lib/insight/period';
import { DAY_MS } from '@/lib/time/beijing';
import type { Language } from '@/lib/i18n';
import { d, type DashKey } from './messages';

export interface PeriodChoice {
  kind: PeriodKind;
  range: PeriodRange;
}

/** "近7天 · 2026-03-24 至 2026-03-30" */
export function periodText(lang: Language, p: PeriodChoice): string {
  const days = d(lang, 'period.range', { from: dayText(p.range.from), to: dayText(p.range.to - DAY_MS) });
  return p.kind === 'custom' ? days : `${d(lang, `period.${p.kind}` as DashKey)} · ${days}`;
}

/** The range of a period as of this moment (outside render: the clock is read when the agent clicks). */
function rangeNow(kind: PeriodKind, custom?: { from: string; to: string }): PeriodRange | null {
  return resolvePeriod(kind, Date.now(), custom);
}

/** Today, 7 days, 30 days, this month, or two days typed in; all Beijing calendar days. */
export function PeriodPicker({ lang, value, onChange }: { lang: Language; value: PeriodChoice; onChange: (p: PeriodChoice) => void }) {
  const [from, setFrom] = useState(dayText(value.range.from));
  const [to, setTo] = useState(dayText(value.range.to - DAY_MS));
  const [custom, setCustom] = useState(value.kind === 'custom');
  const [invalid, setInvalid] = useState(false);
  const pick = (kind: PeriodKind) => {
    if (kind === 'custom') {
      setCustom(true);
      return;
    }
    setCustom(false);
    setInvalid(false);
    onChange({ kind, range: rangeNow(kind)! });
  };
  const apply = () => {
    const range = rangeNow('custom', { from, to });
    setInvalid(!range);
    if (range) onChange({ kind: 'custom', range });
  };
  return (
    <div className="period" role="group" aria-label={d(lang, 'subtitle')}>
      {PeriodKind.options.map((k) => (
        <button key={k} type="button" data-period={k} aria-pressed={custom ? k === 'custom' : value.kind === k} onClick={() => pick(k)}>
          {d(lang, `period.${k}` as DashKey)}
        </button>
      ))}
      {custom && (
        <form className="custom-range" onSubmit={(e) => { e.preventDefault(); apply(); }}>
          <label>{d(lang, 'period.from')} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="period-from" /></label>
          <label>{d(lang, 'period.to')} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="period-to" /></label>
          <button type="submit">{d(lang, 'period.apply')}</button>
          {invalid && <span role="alert" className="danger small">{d(lang, 'period.invalid')}</span>}
        </form>
      )}
    </div>
  );
}

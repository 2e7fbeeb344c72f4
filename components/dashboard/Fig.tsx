import { createContext, useContext } from 'react';
import type { Language } from '@/lib/i18n';
import type { PathStep } from '@/lib/insight/tally';
import { CAUSES } from '@/lib/causes/taxonomy';
import type { CauseKey } from '@/lib/insight/facts';
import type { DrillFilter } from './drill';
import { d } from './messages';

export interface DashContext {
  lang: Language;
  /** The period in words ("近7天 03-24 至 03-30"), appended to what a drill says it lists. */
  period: string;
  /** Opens the queue on the cases behind the figure at `path`; `label` says what they are. */
  drill: (path: PathStep[], label: string, filter: DrillFilter) => void;
}

export const Dash = createContext<DashContext>({ lang: 'zh-CN', period: '', drill: () => undefined });
export const useDash = () => useContext(Dash);

/**
 * A number that opens the queue on its cases. Zero is plain text (there is nothing to list). `testid` and
 * `dataCause` are the test contract: the element's text is the number alone.
 */
export function Fig(props: { n: number; path: PathStep[]; label: string; filter?: DrillFilter; testid?: string; dataCause?: string; text?: string }) {
  const { lang, drill } = useDash();
  const shown = props.text ?? String(props.n);
  if (props.n === 0) return <span className="fig zero" data-testid={props.testid} data-cause={props.dataCause}>{shown}</span>;
  return (
    <button type="button" className="fig" data-testid={props.testid} data-cause={props.dataCause} data-path={JSON.stringify(props.path)}
      title={d(lang, 'drill.hint')} onClick={() => drill(props.path, props.label, props.filter ?? {})}>{shown}</button>
  );
}

export function causeName(lang: Language, key: CauseKey): string {
  return key === 'none' ? d(lang, 'causes.none') : CAUSES[key][lang === 'en' ? 'en' : 'zh'];
}

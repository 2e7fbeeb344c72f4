import type { CaseCause, CaseRecord } from '@/lib/cases/schema';
import { CAUSE_CODES, CAUSES, type CauseCode } from '@/lib/causes/taxonomy';
import { t, type Language } from '@/lib/i18n';

interface Props {
  lang: Language;
  c: CaseRecord;
  onChange: (causes: CaseCause[]) => void;
}

/**
 * Causes with the words that triggered them. One click toggles a cause; the first selected is the main one.
 * Corrections are saved at once and kept against later automatic readings.
 */
export function CausesSection({ lang, c, onChange }: Props) {
  const selected = new Map(c.causes.map((x) => [x.code, x]));
  const label = (code: CauseCode) => CAUSES[code][lang === 'zh-CN' ? 'zh' : 'en'];
  const toggle = (code: CauseCode) =>
    onChange(selected.has(code) ? c.causes.filter((x) => x.code !== code) : [...c.causes, { code, triggers: [] }]);
  const makePrimary = (code: CauseCode) => onChange([selected.get(code)!, ...c.causes.filter((x) => x.code !== code)]);
  return (
    <section aria-labelledby="causes-title">
      <h3 id="causes-title">
        {t(lang, 'case.causes')} {c.causesBy === 'agent' && <span className="muted small">{t(lang, 'text.paren', { text: t(lang, 'case.causes.byAgent') })}</span>}
      </h3>
      {c.causes.length === 0 && <p className="muted">{t(lang, 'case.causes.none')}</p>}
      {c.causesBy === 'auto' && c.causes[0]?.guess && <p className="cause-guess small" data-testid="cause-guess">{t(lang, 'case.causes.guess')}</p>}
      <ul className="found-causes">
        {c.causes.map((x, i) => (
          <li key={x.code} data-cause={x.code}>
            <strong>{label(x.code)}</strong>
            {i === 0 ? <span className="chip primary">{t(lang, 'case.causes.primary')}</span>
              : <button type="button" className="link small" onClick={() => makePrimary(x.code)}>{t(lang, 'case.causes.makePrimary')}</button>}
            {x.triggers.length > 0 && <span className="muted small"> {t(lang, 'case.causes.triggers', { words: x.triggers.join(t(lang, 'list.separator')) })}</span>}
          </li>
        ))}
      </ul>
      <div className="cause-toggles" role="group" aria-label={t(lang, 'case.causes.hint')} title={t(lang, 'case.causes.hint')}>
        {CAUSE_CODES.map((code) => (
          <button key={code} type="button" aria-pressed={selected.has(code)} data-cause-toggle={code} onClick={() => toggle(code)}>
            {label(code)}
          </button>
        ))}
      </div>
    </section>
  );
}

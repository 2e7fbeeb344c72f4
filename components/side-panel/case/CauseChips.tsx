import { useState } from 'react';
import type { CaseCause } from '@/lib/cases/schema';
import { CAUSES, type CauseCode } from '@/lib/causes/taxonomy';
import type { Language } from '@/lib/i18n';
import type { CauseChoices } from '@/lib/messaging/learning-protocol';
import { ct } from './cause-learning-text';
import './cause-chips.css';

interface Props {
  lang: Language;
  choices: CauseChoices;
  /** The case's main cause now (its chip shows pressed). */
  main: CauseCode | undefined;
  busy: boolean;
  onChoose: (cause: CaseCause) => void;
}

/**
 * The two most likely causes as one-click chips, each with the review's words for it; the other causes one click
 * further, most likely first. A click makes that cause the main one (or confirms it, when it already is).
 */
export function CauseChips({ lang, choices, main, busy, onChoose }: Props) {
  const [more, setMore] = useState(false);
  const label = (code: CauseCode) => CAUSES[code][lang === 'zh-CN' ? 'zh' : 'en'];
  const chip = (cause: CaseCause) => (
    <button
      key={cause.code}
      type="button"
      className="cause-chip"
      data-cause-chip={cause.code}
      aria-pressed={cause.code === main}
      title={ct(lang, cause.code === main ? 'chipTitleCurrent' : 'chipTitle')}
      aria-busy={busy}
      onClick={() => onChoose(cause)}
    >
      {label(cause.code)}
      {cause.triggers.length > 0 && <span className="words">{cause.triggers.slice(0, 3).join(lang === 'zh-CN' ? '、' : ', ')}</span>}
    </button>
  );
  return (
    <div data-testid="cause-chips">
      <div className="cause-chips" role="group" aria-label={ct(lang, 'chipsLabel')}>
        <span className="muted small">{ct(lang, 'chipsLabel')}</span>
        {choices.chips.map(chip)}
        {choices.others.length > 0 && (
          <button type="button" className="link small" aria-expanded={more} data-testid="more-causes" onClick={() => setMore(!more)}>
            {ct(lang, more ? 'less' : 'more')}
          </button>
        )}
      </div>
      {more && (
        <div className="cause-chips others" role="group" aria-label={ct(lang, 'more')}>
          {choices.others.map(chip)}
        </div>
      )}
    </div>
  );
}

import { useState } from 'react';
import type { Language } from '@/lib/i18n';
import type { LearningView } from '@/lib/causes/shop-learner';
import { formatBeijing } from '@/lib/time/beijing';
import { ct } from './cause-learning-text';

interface Props {
  lang: Language;
  view: LearningView;
  busy: boolean;
  onLearnNow: () => void;
  onReset: () => void;
}

/** Which model reads the causes, what it learnt from, and the two controls: learn now, back to the built-in model. */
export function CauseModelStatus({ lang, view, busy, onLearnNow, onReset }: Props) {
  const [confirming, setConfirming] = useState(false);
  const lines: string[] = [];
  if (view.model === 'shop') {
    lines.push(
      ct(lang, 'shop', {
        labels: view.labels,
        corrections: view.corrections,
        when: view.trainedAt ? formatBeijing(view.trainedAt) : '',
        seconds: ((view.trainMs ?? 0) / 1000).toFixed(1),
      }),
    );
  } else {
    lines.push(ct(lang, 'shipped'));
    if (view.resetAt) lines.push(ct(lang, 'resetDone', { when: formatBeijing(view.resetAt) }));
  }
  if (view.training) lines.push(ct(lang, 'training'));
  else if (view.pending > 0) lines.push(ct(lang, 'pending', { pending: view.pending, every: view.retrainEvery }));
  else if (view.model === 'shipped') lines.push(ct(lang, 'noneYet', { every: view.retrainEvery }));
  if (view.offers > 0 && !view.training) lines.push(ct(lang, 'offers', { count: view.offers }));
  return (
    <p className="cause-model muted small" data-testid="cause-model" data-model={view.model} data-training={view.training}>
      {lines.join(' ')}
      {view.pending > 0 && !view.training && (
        <button type="button" className="link small" disabled={busy} onClick={onLearnNow}>{ct(lang, 'learnNow')}</button>
      )}
      {view.model === 'shop' && !confirming && (
        <button type="button" className="link small" disabled={busy} onClick={() => setConfirming(true)}>{ct(lang, 'reset')}</button>
      )}
      {confirming && (
        <span role="alertdialog" aria-label={ct(lang, 'reset')}>
          {' '}{ct(lang, 'resetConfirm')}
          <button type="button" className="link small" onClick={() => { setConfirming(false); onReset(); }}>{ct(lang, 'resetYes')}</button>
          <button type="button" className="link small" onClick={() => setConfirming(false)}>{ct(lang, 'cancel')}</button>
        </span>
      )}
    </p>
  );
}

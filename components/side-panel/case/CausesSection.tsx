import { useCallback, useEffect, useState } from 'react';
import type { CaseCause, CaseRecord } from '@/lib/cases/schema';
import { CAUSE_CODES, CAUSES, type CauseCode } from '@/lib/causes/taxonomy';
import type { LearningView } from '@/lib/causes/shop-learner';
import { reportError } from '@/lib/errors/report';
import { t, type Language } from '@/lib/i18n';
import type { CauseChoices } from '@/lib/messaging/learning-protocol';
import { request } from '@/lib/messaging/protocol';
import { usePanel } from '../store';
import { CauseChips } from './CauseChips';
import { CauseModelStatus } from './CauseModelStatus';
import { ct } from './cause-learning-text';

interface Props {
  lang: Language;
  c: CaseRecord;
  /** Not used: every choice is recorded through the learning requests (correctCauses), which also save it on the case. */
  onChange?: (causes: CaseCause[]) => void;
}

/** How often the panel looks whether a retraining has finished (only while one runs). */
const TRAINING_POLL_MS = 1000;

/**
 * Causes with the words that triggered them. At the top, the two most likely causes as one-click chips (the
 * rest a click further); below, every cause on the case, each a click to add, remove or make main. Every choice
 * is saved at once, kept against later automatic readings, and recorded as a correction or confirmation that the
 * shop's model learns from (lib/causes/shop-learner.ts).
 */
export function CausesSection({ lang, c }: Props) {
  const [choices, setChoices] = useState<CauseChoices | null>(null);
  const [view, setView] = useState<LearningView | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const trainedAt = view?.trainedAt ?? null;
  const model = view?.model;

  useEffect(() => {
    let live = true;
    void Promise.all([request({ type: 'causeChoices', caseId: c.id }), request({ type: 'causeModelState' })]).then(
      ([nextChoices, nextView]) => {
        if (!live) return;
        setChoices(nextChoices);
        setView(nextView);
      },
      (error: unknown) => reportError('panel.causeChoices', error),
    );
    return () => {
      live = false;
    };
    // A new model (trained or reset) reads the case again.
  }, [c.id, c.updatedAt, trainedAt, model]);

  useEffect(() => {
    if (!view?.training) return;
    const timer = setInterval(() => {
      void request({ type: 'causeModelState' }).then(setView, (error: unknown) => reportError('panel.causeModelState', error));
    }, TRAINING_POLL_MS);
    return () => clearInterval(timer);
  }, [view?.training]);

  const run = useCallback(async (job: () => Promise<void>, place: string) => {
    setBusy(true);
    try {
      await job();
    } catch (error) {
      reportError(place, error);
      usePanel.setState({ failure: error instanceof Error ? error : new Error(String(error)) });
    } finally {
      setBusy(false);
    }
  }, []);

  const save = (causes: CaseCause[]) =>
    run(async () => {
      const { kind, learning } = await request({ type: 'correctCauses', caseId: c.id, causes });
      setView(learning);
      setNote(kind ? ct(lang, 'recorded', { what: ct(lang, kind) }) : null);
      await usePanel.getState().refreshCases([c.id]);
    }, 'panel.correctCauses');

  /** A chip: that cause becomes the main one; the old main stays only if the review's own cue words back it. */
  const choose = (cause: CaseCause) => {
    const onCase = c.causes.find((x) => x.code === cause.code);
    const chosen = onCase && onCase.triggers.length > 0 ? onCase : cause;
    const prev = c.causes[0];
    const keepPrev = prev !== undefined && prev.code !== cause.code && !prev.guess && prev.triggers.length > 0;
    void save([chosen, ...c.causes.filter((x, i) => x.code !== cause.code && (i > 0 || keepPrev))]);
  };

  const selected = new Map(c.causes.map((x) => [x.code, x]));
  const label = (code: CauseCode) => CAUSES[code][lang === 'zh-CN' ? 'zh' : 'en'];
  const toggle = (code: CauseCode) => void save(selected.has(code) ? c.causes.filter((x) => x.code !== code) : [...c.causes, { code, triggers: [] }]);
  const makePrimary = (code: CauseCode) => void save([selected.get(code)!, ...c.causes.filter((x) => x.code !== code)]);
  return (
    <section aria-labelledby="causes-title">
      <h3 id="causes-title">
        {t(lang, 'case.causes')} {c.causesBy === 'agent' && <span className="muted small">{t(lang, 'text.paren', { text: t(lang, 'case.causes.byAgent') })}</span>}
      </h3>
      {choices?.offer && (
        <p className="cause-offer small" data-testid="cause-offer">
          {ct(lang, 'offer', { cause: label(choices.offer.code) })}
          <button type="button" className="link small" disabled={busy} onClick={() => choose(choices.offer!)}>{ct(lang, 'adopt')}</button>
        </p>
      )}
      {choices && choices.chips.length > 0 && <CauseChips lang={lang} choices={choices} main={c.causes[0]?.code} busy={busy} onChoose={choose} />}
      {note && <p className="muted small" role="status" data-testid="cause-recorded">{note}</p>}
      {c.causes.length === 0 && <p className="muted">{t(lang, 'case.causes.none')}</p>}
      {c.causesBy === 'auto' && c.causes[0]?.guess && <p className="cause-guess small" data-testid="cause-guess">{t(lang, 'case.causes.guess')}</p>}
      <ul className="found-causes">
        {c.causes.map((x, i) => (
          <li key={x.code} data-cause={x.code}>
            <strong>{label(x.code)}</strong>{' '}
            {i === 0 ? <span className="chip primary">{t(lang, 'case.causes.primary')}</span>
              : <button type="button" className="link small" onClick={() => makePrimary(x.code)}>{t(lang, 'case.causes.makePrimary')}</button>}
            {x.triggers.length > 0 && <span className="muted small"> {t(lang, 'case.causes.triggers', { words: x.triggers.join(t(lang, 'list.separator')) })}</span>}
          </li>
        ))}
      </ul>
      <div className="cause-toggles" role="group" aria-label={t(lang, 'case.causes.hint')} title={t(lang, 'case.causes.hint')}>
        {/* Said in words: these add or remove a cause on the case, the chips above choose the main one. */}
        <span className="muted small">{ct(lang, 'togglesLabel')}</span>
        {CAUSE_CODES.map((code) => (
          <button key={code} type="button" aria-pressed={selected.has(code)} data-cause-toggle={code} onClick={() => toggle(code)}>
            {label(code)}
          </button>
        ))}
      </div>
      {view && (
        <CauseModelStatus
          lang={lang}
          view={view}
          busy={busy}
          onLearnNow={() => void run(async () => setView(await request({ type: 'learnCausesNow' })), 'panel.learnCausesNow')}
          onReset={() => void run(async () => setView(await request({ type: 'resetCauseModel' })), 'panel.resetCauseModel')}
        />
      )}
    </section>
  );
}

/**
 * Honest evaluation of the blended cause classifier: k-fold cross-validation repeated over several
 * shuffles. In each round the model (and everything it learns from data) is trained on k−1 folds only and
 * scored on the held-out fold; the out-of-fold predictions of one shuffle make one score. The lexicon is
 * fixed and is not retrained, so reviews its cues were written from still flatter it (see `subsets`).
 * The examples may come from several labelled files: folds are drawn from all of them together, and a
 * subset names one file, or a stretch of lines of one file, to score its out-of-fold predictions alone.
 */
import { classifyWith } from './classify';
import { evaluate, type EvalReport, type LabelledPrediction } from './metrics';
import type { TrainOptions } from './model';
import type { CauseCode } from './taxonomy';
import { DEFAULT_TRAIN_OPTIONS, heldOutVerdicts, prepareExample, trainCauseModel, type PreparedExample, type TrainExample } from './train';
import { seededRandom } from '../random/seeded';

export interface CvExample extends TrainExample {
  /** Line number in the source file, for `subsets`. */
  line: number;
  /** Index of the source file among those given (0 when there is one). */
  file?: number;
}

/** Some of the examples, scored on their own: those of one file (default the first), lines from..to. */
export interface SubsetSpec {
  /** How the subset is named in reports. */
  label: string;
  file?: number;
  from?: number;
  to?: number;
}

export function inSubset(e: Pick<CvExample, 'line' | 'file'>, s: SubsetSpec): boolean {
  return (e.file ?? 0) === (s.file ?? 0) && e.line >= (s.from ?? 1) && e.line <= (s.to ?? Number.POSITIVE_INFINITY);
}

export interface CvOptions {
  folds: number;
  /** Number of shuffles; shuffle s uses seed firstSeed + s. */
  seeds: number;
  firstSeed?: number;
  train?: Partial<TrainOptions>;
  /** Also score the out-of-fold predictions of each of these subsets alone, e.g. lines never used to write cues. */
  subsets?: readonly SubsetSpec[];
  /** Score the lexicon's own choice instead of the blend (the baseline; nothing is trained). */
  lexiconOnly?: boolean;
  /**
   * 0 = off. Otherwise each review is scored without the cues that fire in fewer than this many other
   * labelled reviews (of all files): a cue written from one review, and fitting no other, is no help on new
   * reviews. A stricter, less flattering estimate for reviews the lexicon's author has read.
   */
  strictCues?: number;
  /** With strictCues: the cues it applies to (default all), e.g. only the cues added since some version. */
  strictCueFilter?: (cue: string) => boolean;
}

export interface Spread {
  mean: number;
  min: number;
  max: number;
}

export interface CvRun {
  seed: number;
  all: EvalReport;
  /** One report per subset, in the order given. */
  subsets: EvalReport[];
  /** Out-of-fold primary of every example, in input order. */
  predicted: CauseCode[];
}

export interface CvReport {
  folds: number;
  seeds: number;
  n: number;
  runs: CvRun[];
  inLabelled: Spread;
  macroF1: Spread;
  accuracy: Spread;
  top2: Spread;
  subsets: SubsetSummary[];
}

export interface SubsetSummary {
  spec: SubsetSpec;
  n: number;
  inLabelled: Spread;
  macroF1: Spread;
  accuracy: Spread;
  top2: Spread;
}

/**
 * Fold number of every example: shuffled with the seed, then dealt out class by class so that each fold
 * gets its share of every primary cause (a cause with 2 examples lands in 2 different folds).
 */
export function stratifiedFolds(labels: readonly string[], folds: number, seed: number): number[] {
  const random = seededRandom(seed);
  const order = labels.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const byClass = new Map<string, number[]>();
  for (const i of order) {
    const list = byClass.get(labels[i]!) ?? [];
    list.push(i);
    byClass.set(labels[i]!, list);
  }
  const classes = [...byClass.keys()].sort();
  const fold = new Array<number>(labels.length).fill(0);
  let next = Math.floor(random() * folds);
  for (const c of classes) {
    for (const i of byClass.get(c)!) {
      fold[i] = next;
      next = (next + 1) % folds;
    }
  }
  return fold;
}

const spread = (xs: readonly number[]): Spread => ({
  mean: xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length),
  min: Math.min(...xs),
  max: Math.max(...xs),
});

export function crossValidate(examples: readonly CvExample[], options: CvOptions): CvReport {
  const { folds, seeds, firstSeed = 1 } = options;
  if (folds < 2 || folds > examples.length) throw new Error(`cross-validation needs 2..${examples.length} folds`);
  const trainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...options.train };
  // The lexicon and the n-grams of each review do not depend on the fold: work them out once.
  const prepared: PreparedExample[] = examples.map((e) => prepareExample(e, trainOptions.maxN));
  // The lexicon verdict each review is scored with: all cues, or only those that fit other reviews too.
  const testLex = options.strictCues ? heldOutVerdicts(prepared, options.strictCues, options.strictCueFilter) : prepared.map((e) => e.lex);
  const subsets = options.subsets ?? [];
  const members = subsets.map((spec) => examples.map((e) => inSubset(e, spec)));

  const runs: CvRun[] = [];
  for (let s = 0; s < seeds; s++) {
    const seed = firstSeed + s;
    const fold = stratifiedFolds(examples.map((e) => e.primary), folds, seed);
    const predicted = new Array<CauseCode>(examples.length);
    const second = new Array<CauseCode | undefined>(examples.length);
    for (let f = 0; f < folds; f++) {
      const test = prepared.map((_, i) => i).filter((i) => fold[i] === f);
      if (test.length === 0) continue;
      if (options.lexiconOnly) {
        for (const i of test) predicted[i] = testLex[i]!.primary;
        continue;
      }
      const model = trainCauseModel(prepared.filter((_, i) => fold[i] !== f), trainOptions);
      for (const i of test) {
        const result = classifyWith(model, prepared[i]!.text, testLex[i]);
        predicted[i] = result.primary;
        second[i] = result.chips[1]?.code;
      }
    }
    const items: LabelledPrediction<CauseCode>[] = examples.map((e, i) => ({
      gold: e.primary,
      goldSet: e.causes,
      predicted: predicted[i]!,
      second: second[i],
    }));
    runs.push({ seed, all: evaluate(items), subsets: members.map((m) => evaluate(items.filter((_, i) => m[i]))), predicted });
  }

  return {
    folds,
    seeds,
    n: examples.length,
    runs,
    inLabelled: spread(runs.map((r) => r.all.inLabelledRate)),
    macroF1: spread(runs.map((r) => r.all.macroF1)),
    accuracy: spread(runs.map((r) => r.all.accuracy)),
    top2: spread(runs.map((r) => r.all.top2Rate)),
    subsets: subsets.map((spec, s) => {
      const subs = runs.map((r) => r.subsets[s]!);
      return {
        spec,
        n: subs[0]?.n ?? 0,
        inLabelled: spread(subs.map((r) => r.inLabelledRate)),
        macroF1: spread(subs.map((r) => r.macroF1)),
        accuracy: spread(subs.map((r) => r.accuracy)),
        top2: spread(subs.map((r) => r.top2Rate)),
      };
    }),
  };
}

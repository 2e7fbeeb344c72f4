/**
 * Training of the learned cause model (./model.ts) from labelled reviews: regularised multinomial logistic
 * regression fitted with L-BFGS. Deterministic: the same examples and options give the same model, bit for
 * bit (no randomness, fixed iteration order, weights rounded before they are stored).
 */
import { LEXICON_FEATURES, lexiconFeatures, ngramSet, SHARED_FEATURES, type LexiconFeatures } from './features';
import { MODEL_FORMAT, type CauseModel, type TrainedOn, type TrainOptions } from './model';
import type { CueHit } from './matcher';
import { classifyByLexicon, lexiconHits, type LexiconResult } from './rules';
import { CAUSE_CODES, type CauseCode } from './taxonomy';

export const DEFAULT_TRAIN_OPTIONS: Readonly<TrainOptions> = {
  minDf: 3,
  maxN: 3,
  l2Ngram: 0.1,
  l2Lexicon: 0.01,
  l2Shared: 0.001,
  l2Bias: 0.001,
  secondaryMass: 0.3,
  classBalance: 0.5,
  iterations: 200,
  pruneBelow: 0.02,
  cueHoldout: 1,
  heldOutShare: 0.5,
};

export interface TrainExample {
  text: string;
  primary: CauseCode;
  /** Every labelled cause (may or may not contain the primary). */
  causes: readonly CauseCode[];
}

/** A training example with its features worked out, reusable across many trainings (cross-validation). */
export interface PreparedExample extends TrainExample {
  hits: CueHit[];
  lex: LexiconResult;
  lexFeatures: LexiconFeatures;
  grams: Set<string>;
}

export function prepareExample(example: TrainExample, maxN: number): PreparedExample {
  const hits = lexiconHits(example.text);
  const lex = classifyByLexicon(example.text, hits);
  return { ...example, hits, lex, lexFeatures: lexiconFeatures(lex), grams: ngramSet(example.text, maxN) };
}

const counts = (hit: CueHit): boolean => !hit.negated && hit.weight > 0;

/**
 * The lexicon features of each training review as if its cues had not been written from it: a cue that
 * fires in fewer than `minOthers` other training reviews is left out for this one. The cues were written
 * from part of the labelled data, so on those reviews the lexicon is better than it will be on new ones;
 * a model trained on the full features learns to trust it too much (and that an empty lexicon means a
 * vague dislike, which on new reviews it mostly does not).
 */
export function heldOutLexicon(prepared: readonly PreparedExample[], minOthers: number): LexiconFeatures[] {
  return heldOutVerdicts(prepared, minOthers).map((lex, i) => (lex === prepared[i]!.lex ? prepared[i]!.lexFeatures : lexiconFeatures(lex)));
}

/**
 * The lexicon's verdict on each review without the cues that fire in fewer than `minOthers` other reviews
 * (only among the cues `applies` accepts, when given).
 */
export function heldOutVerdicts(
  prepared: readonly PreparedExample[],
  minOthers: number,
  applies: (cue: string) => boolean = () => true,
): LexiconResult[] {
  const docs = new Map<string, number>();
  for (const e of prepared) for (const cue of new Set(e.hits.filter(counts).map((h) => h.cue))) docs.set(cue, (docs.get(cue) ?? 0) + 1);
  return prepared.map((e) => {
    const kept = e.hits.filter((h) => !counts(h) || !applies(h.cue) || docs.get(h.cue)! - 1 >= minOthers);
    return kept.length === e.hits.length ? e.lex : classifyByLexicon(e.text, kept);
  });
}

const CLASS_INDEX = new Map<CauseCode, number>(CAUSE_CODES.map((c, i) => [c, i]));
const round = (x: number, digits = 4): number => {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r; // no -0 in the JSON
};

/** The training target: most of the mass on the primary, the rest spread over every labelled cause. */
export function targetOf(example: TrainExample, secondaryMass: number): Float64Array {
  const k = CAUSE_CODES.length;
  const t = new Float64Array(k);
  const all = [...new Set([example.primary, ...example.causes])];
  const add = (code: CauseCode, mass: number): void => {
    const c = CLASS_INDEX.get(code)!;
    t[c] = t[c]! + mass;
  };
  add(example.primary, 1 - secondaryMass);
  for (const c of all) add(c, secondaryMass / all.length);
  return t;
}

export function trainCauseModel(
  examples: readonly (TrainExample | PreparedExample)[],
  options: Partial<TrainOptions> = {},
  trainedOn: TrainedOn = { files: [], examples: examples.length },
): CauseModel {
  const opts: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const k = CAUSE_CODES.length;
  const g = SHARED_FEATURES.length;
  const f = LEXICON_FEATURES.length;
  const prepared = examples.map((e) => ('grams' in e ? e : prepareExample(e, opts.maxN)));

  // Vocabulary: n-grams in at least minDf training reviews, in a fixed order.
  const df = new Map<string, number>();
  for (const e of prepared) for (const gram of e.grams) if (gram.length <= opts.maxN) df.set(gram, (df.get(gram) ?? 0) + 1);
  const vocab = [...df.entries()].filter(([, n]) => n >= opts.minDf).map(([gram]) => gram).sort();
  const vocabIndex = new Map(vocab.map((gram, i) => [gram, i]));

  // Example weights: rarer primary classes count more when classBalance > 0; they sum to 1.
  const counts = new Map<CauseCode, number>();
  for (const e of prepared) counts.set(e.primary, (counts.get(e.primary) ?? 0) + 1);
  const rawWeights = prepared.map((e) => (prepared.length / (counts.size * counts.get(e.primary)!)) ** opts.classBalance);
  const weightSum = rawWeights.reduce((a, b) => a + b, 0);

  // Each review once with the full lexicon features and once with the held-out ones, split by heldOutShare.
  const heldOut = opts.cueHoldout > 0 ? heldOutLexicon(prepared, opts.cueHoldout) : prepared.map((e) => e.lexFeatures);
  const variants: Array<{ e: PreparedExample; i: number; lex: LexiconFeatures; share: number }> = [];
  prepared.forEach((e, i) => {
    const held = heldOut[i]!;
    if (held === e.lexFeatures || opts.heldOutShare >= 1) variants.push({ e, i, lex: held, share: 1 });
    else if (opts.heldOutShare <= 0) variants.push({ e, i, lex: e.lexFeatures, share: 1 });
    else {
      variants.push({ e, i, lex: e.lexFeatures, share: 1 - opts.heldOutShare });
      variants.push({ e, i, lex: held, share: opts.heldOutShare });
    }
  });

  const rows = variants.map(({ e, i, lex, share }) => {
    const idx: number[] = [];
    for (const gram of e.grams) {
      const v = vocabIndex.get(gram);
      if (v !== undefined) idx.push(v);
    }
    idx.sort((a, b) => a - b);
    return {
      idx,
      review: lex.review,
      perClass: lex.perClass,
      target: targetOf(e, opts.secondaryMass),
      weight: (share * rawWeights[i]!) / weightSum,
    };
  });

  const offShared = k;
  const offLex = offShared + g;
  const offNgram = offLex + k * f;
  const size = offNgram + vocab.length * k;
  const penalty = new Float64Array(size);
  penalty.fill(opts.l2Bias, 0, offShared);
  penalty.fill(opts.l2Shared, offShared, offLex);
  penalty.fill(opts.l2Lexicon, offLex, offNgram);
  penalty.fill(opts.l2Ngram, offNgram, size);

  const z = new Float64Array(k);
  const objective = (x: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (const row of rows) {
      for (let c = 0; c < k; c++) {
        let v = x[c]!;
        for (let j = 0; j < g; j++) v += x[offShared + j]! * row.perClass[c * g + j]!;
        const base = offLex + c * f;
        for (let j = 0; j < f; j++) v += x[base + j]! * row.review[j]!;
        z[c] = v;
      }
      for (const v of row.idx) {
        const base = offNgram + v * k;
        for (let c = 0; c < k; c++) z[c] = z[c]! + x[base + c]!;
      }
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) if (z[c]! > max) max = z[c]!;
      let sum = 0;
      for (let c = 0; c < k; c++) sum += Math.exp(z[c]! - max);
      const logSum = max + Math.log(sum);
      for (let c = 0; c < k; c++) {
        const t = row.target[c]!;
        if (t > 0) loss -= row.weight * t * (z[c]! - logSum);
        const d = row.weight * (Math.exp(z[c]! - logSum) - t);
        if (d === 0) continue;
        grad[c] = grad[c]! + d;
        for (let j = 0; j < g; j++) grad[offShared + j] = grad[offShared + j]! + d * row.perClass[c * g + j]!;
        const base = offLex + c * f;
        for (let j = 0; j < f; j++) grad[base + j] = grad[base + j]! + d * row.review[j]!;
        for (const v of row.idx) grad[offNgram + v * k + c] = grad[offNgram + v * k + c]! + d;
      }
    }
    for (let i = 0; i < size; i++) {
      const p = penalty[i]!;
      loss += 0.5 * p * x[i]! * x[i]!;
      grad[i] = grad[i]! + p * x[i]!;
    }
    return loss;
  };

  const x = lbfgs(objective, new Float64Array(size), opts.iterations);

  const ngrams: Record<string, number[]> = {};
  vocab.forEach((gram, v) => {
    const sparse: number[] = [];
    for (let c = 0; c < k; c++) {
      const w = round(x[offNgram + v * k + c]!, 3);
      if (Math.abs(w) >= opts.pruneBelow) sparse.push(c, w);
    }
    if (sparse.length > 0) ngrams[gram] = sparse;
  });
  return {
    format: MODEL_FORMAT,
    trainedOn,
    options: opts,
    classes: [...CAUSE_CODES],
    bias: Array.from(x.subarray(0, k), (w) => round(w)),
    shared: Array.from(x.subarray(offShared, offLex), (w) => round(w)),
    lexicon: CAUSE_CODES.map((_, c) => Array.from(x.subarray(offLex + c * f, offLex + (c + 1) * f), (w) => round(w))),
    ngrams,
  };
}

/**
 * Limited-memory BFGS with a backtracking (Armijo) line search, for a smooth convex objective.
 * `fg(x, grad)` returns the objective at x and writes its gradient into grad.
 */
export function lbfgs(
  fg: (x: Float64Array, grad: Float64Array) => number,
  x0: Float64Array,
  maxIter: number,
  memory = 10,
  tolerance = 1e-7,
  relativeTolerance = 1e-7,
): Float64Array {
  const n = x0.length;
  let x = Float64Array.from(x0);
  let grad = new Float64Array(n);
  let fx = fg(x, grad);
  const sList: Float64Array[] = [];
  const yList: Float64Array[] = [];
  const rhoList: number[] = [];
  const dir = new Float64Array(n);
  const alpha = new Float64Array(memory);
  const dot = (a: Float64Array, b: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
    return s;
  };
  let nextX = new Float64Array(n);
  let nextGrad = new Float64Array(n);
  for (let iter = 0; iter < maxIter; iter++) {
    if (Math.sqrt(dot(grad, grad)) < tolerance) break;
    // Two-loop recursion: dir = -H·grad.
    for (let i = 0; i < n; i++) dir[i] = -grad[i]!;
    for (let m = sList.length - 1; m >= 0; m--) {
      alpha[m] = rhoList[m]! * dot(sList[m]!, dir);
      const y = yList[m]!;
      for (let i = 0; i < n; i++) dir[i] = dir[i]! - alpha[m]! * y[i]!;
    }
    if (sList.length > 0) {
      const last = sList.length - 1;
      const gamma = dot(sList[last]!, yList[last]!) / dot(yList[last]!, yList[last]!);
      for (let i = 0; i < n; i++) dir[i] = dir[i]! * gamma;
    }
    for (let m = 0; m < sList.length; m++) {
      const beta = rhoList[m]! * dot(yList[m]!, dir);
      const s = sList[m]!;
      for (let i = 0; i < n; i++) dir[i] = dir[i]! + s[i]! * (alpha[m]! - beta);
    }
    let slope = dot(grad, dir);
    if (slope >= 0) {
      // Not a descent direction: fall back to steepest descent and forget the history.
      for (let i = 0; i < n; i++) dir[i] = -grad[i]!;
      slope = dot(grad, dir);
      sList.length = 0;
      yList.length = 0;
      rhoList.length = 0;
    }
    let step = iter === 0 && sList.length === 0 ? Math.min(1, 1 / Math.sqrt(dot(grad, grad))) : 1;
    let fNext = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) nextX[i] = x[i]! + step * dir[i]!;
      fNext = fg(nextX, nextGrad);
      if (fNext <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNext < fx)) break; // no progress possible
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = nextX[i]! - x[i]!;
      y[i] = nextGrad[i]! - grad[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      if (sList.length === memory) {
        sList.shift();
        yList.shift();
        rhoList.shift();
      }
      sList.push(s);
      yList.push(y);
      rhoList.push(1 / sy);
    }
    [x, nextX] = [nextX, x];
    [grad, nextGrad] = [nextGrad, grad];
    const improvement = fx - fNext;
    fx = fNext;
    if (improvement < relativeTolerance * Math.max(1, Math.abs(fx))) break;
  }
  return x;
}

/**
 * Training of the learned cause model (./model.ts) from labelled reviews: regularised multinomial logistic
 * regression fitted with L-BFGS. Deterministic: the same examples and options give the same model, bit for
 * bit (no randomness, fixed iteration order, weights rounded before they are stored).
 */
import { LEXICON_FEATURES, lexiconFeatures, ngramSet, SHARED_FEATURES, type LexiconFeatures } from './features';
import { MODEL_FORMAT, ngramTable, type CauseModel, type TrainedOn, type TrainOptions } from './model';
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
  /** An agent's label from the shop (./shop-training.ts), not a line of the labelled files. */
  shop?: boolean;
  /** For a shop example: how many average base reviews it counts as. */
  weight?: number;
}

/** A training example with its features worked out, reusable across many trainings (cross-validation). */
export interface PreparedExample extends TrainExample {
  hits: CueHit[];
  lex: LexiconResult;
  lexFeatures: LexiconFeatures;
  grams: Set<string>;
  /** The same n-grams as numbers (see gramId): training counts and looks them up without hashing strings. */
  gramIds: Int32Array;
}

/**
 * Every n-gram met while preparing examples gets a number, once per process: a shop retrains on the same
 * reviews again and again, and counting numbers in arrays costs far less than counting strings in maps.
 */
const gramNumbers = new Map<string, number>();
const gramNames: string[] = [];
function gramId(gram: string): number {
  let id = gramNumbers.get(gram);
  if (id === undefined) {
    id = gramNames.length;
    gramNumbers.set(gram, id);
    gramNames.push(gram);
  }
  return id;
}

export function prepareExample(example: TrainExample, maxN: number): PreparedExample {
  const hits = lexiconHits(example.text);
  const lex = classifyByLexicon(example.text, hits);
  const grams = ngramSet(example.text, maxN);
  return { ...example, hits, lex, lexFeatures: lexiconFeatures(lex), grams, gramIds: Int32Array.from(grams, gramId) };
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

/** The last held-out features worked out, keyed by the first example: a shop retrains on the same base again and again. */
const heldOutCache = new WeakMap<PreparedExample, { examples: readonly PreparedExample[]; minOthers: number; features: LexiconFeatures[] }>();
/** heldOutLexicon, reused while the examples (the same objects, in the same order) and minOthers are the same. */
function heldOutLexiconCached(prepared: readonly PreparedExample[], minOthers: number): LexiconFeatures[] {
  const first = prepared[0];
  if (!first) return [];
  const hit = heldOutCache.get(first);
  if (hit && hit.minOthers === minOthers && hit.examples.length === prepared.length && hit.examples.every((e, i) => e === prepared[i])) return hit.features;
  const features = heldOutLexicon(prepared, minOthers);
  heldOutCache.set(first, { examples: [...prepared], minOthers, features });
  return features;
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

/** Knobs of a training run that a model does not record: shop learning (./shop-training.ts) sets them. */
export interface TrainRun {
  /** Parameters to start from (a retraining starts from the model it replaces): fewer iterations to converge. */
  init?: CauseModel;
  /**
   * A shop example's n-grams become features once they occur in this many shop examples, whatever minDf says:
   * a shop's own product words are worth learning before three base reviews share them. 0 = only minDf.
   */
  shopMinDf?: number;
  /**
   * At most this many n-grams (those in the most reviews kept): bounds the time a retraining takes however many
   * corrections a shop has made. 0 = no bound.
   */
  maxVocab?: number;
  /** L-BFGS memory (pairs kept); fewer make each iteration cheaper. Default 10. */
  memory?: number;
}

/** The fitting problem of a training run: parameters to optimise, their objective, and how they become a model. */
interface Problem {
  x0: Float64Array;
  objective: (x: Float64Array, grad: Float64Array) => number;
  toModel: (x: Float64Array) => CauseModel;
  iterations: number;
  memory: number;
}

/** Reviews handled between two yields while a training is set up. */
const SETUP_BATCH = 250;

/** Sets up the fitting problem, yielding every SETUP_BATCH reviews (an asynchronous training pauses there). */
function* setUp(
  prepared: readonly PreparedExample[],
  options: Partial<TrainOptions>,
  trainedOn: TrainedOn,
  run: TrainRun,
): Generator<void, Problem> {
  const opts: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const k = CAUSE_CODES.length;
  const g = SHARED_FEATURES.length;
  const f = LEXICON_FEATURES.length;
  // Base examples: the labelled files. Shop examples: the agents' corrections, weighted on their own.
  const baseIdx = prepared.map((_, i) => i).filter((i) => !prepared[i]!.shop);
  const base = baseIdx.map((i) => prepared[i]!);

  // Vocabulary: n-grams in at least minDf training reviews (or shopMinDf shop examples), in a fixed order.
  const df = new Int32Array(gramNames.length);
  const shopDf = new Int32Array(gramNames.length);
  for (let i = 0; i < prepared.length; i++) {
    const e = prepared[i]!;
    for (const id of e.gramIds) {
      df[id] = df[id]! + 1;
      if (e.shop) shopDf[id] = shopDf[id]! + 1;
    }
    if (i % SETUP_BATCH === SETUP_BATCH - 1) yield;
  }
  const shopMinDf = run.shopMinDf ?? 0;
  let kept: number[] = [];
  for (let id = 0; id < df.length; id++) {
    if (df[id]! === 0 || gramNames[id]!.length > opts.maxN) continue;
    if (df[id]! >= opts.minDf || (shopMinDf > 0 && shopDf[id]! >= shopMinDf)) kept.push(id);
  }
  if (run.maxVocab && kept.length > run.maxVocab) {
    kept = kept.sort((a, b) => df[b]! - df[a]! || (gramNames[a]! < gramNames[b]! ? -1 : 1)).slice(0, run.maxVocab);
  }
  const vocab = kept.map((id) => gramNames[id]!).sort();
  const vocabOf = new Int32Array(gramNames.length).fill(-1);
  vocab.forEach((gram, v) => (vocabOf[gramNumbers.get(gram)!] = v));
  yield;

  // Base example weights: rarer primary classes count more when classBalance > 0; they sum to 1. A shop example
  // counts as `weight` average base examples (its class is the shop's own mix: never rebalanced).
  const counts = new Map<CauseCode, number>();
  for (const e of base) counts.set(e.primary, (counts.get(e.primary) ?? 0) + 1);
  const classWeight = (code: CauseCode): number => {
    const n = counts.get(code);
    return n ? (base.length / (counts.size * n)) ** opts.classBalance : 1;
  };
  const rawWeights = base.map((e) => classWeight(e.primary));
  const weightSum = rawWeights.reduce((a, b) => a + b, 0);
  const weightOf = new Float64Array(prepared.length);
  baseIdx.forEach((i, j) => (weightOf[i] = rawWeights[j]! / weightSum));
  prepared.forEach((e, i) => {
    if (e.shop) weightOf[i] = (e.weight ?? 1) / Math.max(1, base.length);
  });
  // The factor classBalance put on each class: the model records it so that the second chip can read its
  // probabilities back on the real mix of reviews. Only the shipped data's balancing: a shop's own labels are its
  // real mix and are never rebalanced (dividing their corrections out too measured no better, bench:cause-learning).
  const classWeights = CAUSE_CODES.map((code) => round(classWeight(code)));

  // Each base review once with the full lexicon features and once with the held-out ones, split by
  // heldOutShare. Shop reviews were never read by the lexicon's author: their full features are honest.
  const heldOutBase = opts.cueHoldout > 0 ? heldOutLexiconCached(base, opts.cueHoldout) : base.map((e) => e.lexFeatures);
  const heldOut = new Map<number, LexiconFeatures>(baseIdx.map((i, j) => [i, heldOutBase[j]!]));

  // The data laid out for speed: each review's n-gram indexes once (its variants share them), and each
  // variant's lexicon features as sparse (index, value) lists, since most of them are 0.
  const ngramStart = new Int32Array(prepared.length + 1);
  const ngramIdx: number[] = [];
  const targets = new Float64Array(prepared.length * k);
  const variantStart = new Int32Array(prepared.length + 1);
  const variantWeight: number[] = [];
  const reviewStart: number[] = [0];
  const reviewIdx: number[] = [];
  const reviewVal: number[] = [];
  const classStart: number[] = [0];
  const classIdx: number[] = [];
  const classVal: number[] = [];
  const addVariant = (lex: LexiconFeatures, weight: number): void => {
    variantWeight.push(weight);
    lex.review.forEach((v, j) => {
      if (v !== 0) {
        reviewIdx.push(j);
        reviewVal.push(v);
      }
    });
    reviewStart.push(reviewIdx.length);
    lex.perClass.forEach((v, j) => {
      if (v !== 0) {
        classIdx.push(j);
        classVal.push(v);
      }
    });
    classStart.push(classIdx.length);
  };
  for (let i = 0; i < prepared.length; i++) {
    const e = prepared[i]!;
    const idx: number[] = [];
    for (const id of e.gramIds) {
      const v = vocabOf[id]!;
      if (v >= 0) idx.push(v);
    }
    idx.sort((x, y) => x - y);
    for (const v of idx) ngramIdx.push(v);
    ngramStart[i + 1] = ngramIdx.length;
    targets.set(targetOf(e, opts.secondaryMass), i * k);
    const held = heldOut.get(i) ?? e.lexFeatures;
    const w = weightOf[i]!;
    if (held === e.lexFeatures || opts.heldOutShare >= 1) addVariant(held, w);
    else if (opts.heldOutShare <= 0) addVariant(e.lexFeatures, w);
    else {
      addVariant(e.lexFeatures, (1 - opts.heldOutShare) * w);
      addVariant(held, opts.heldOutShare * w);
    }
    variantStart[i + 1] = variantWeight.length;
    if (i % SETUP_BATCH === SETUP_BATCH - 1) yield;
  }
  const ngramOf = Int32Array.from(ngramIdx);
  const vWeight = Float64Array.from(variantWeight);
  const rStart = Int32Array.from(reviewStart);
  const rIdx = Int32Array.from(reviewIdx);
  const rVal = Float64Array.from(reviewVal);
  const cStart = Int32Array.from(classStart);
  const cIdx = Int32Array.from(classIdx);
  const cVal = Float64Array.from(classVal);

  const offShared = k;
  const offLex = offShared + g;
  const offNgram = offLex + k * f;
  const size = offNgram + vocab.length * k;
  const penalty = new Float64Array(size);
  penalty.fill(opts.l2Bias, 0, offShared);
  penalty.fill(opts.l2Shared, offShared, offLex);
  penalty.fill(opts.l2Lexicon, offLex, offNgram);
  penalty.fill(opts.l2Ngram, offNgram, size);

  const zNgram = new Float64Array(k);
  const z = new Float64Array(k);
  const dSum = new Float64Array(k);
  const objective = (x: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (let e = 0; e < prepared.length; e++) {
      const n0 = ngramStart[e]!;
      const n1 = ngramStart[e + 1]!;
      zNgram.fill(0);
      for (let i = n0; i < n1; i++) {
        const base = offNgram + ngramOf[i]! * k;
        for (let c = 0; c < k; c++) zNgram[c] = zNgram[c]! + x[base + c]!;
      }
      dSum.fill(0);
      const t0 = e * k;
      for (let v = variantStart[e]!; v < variantStart[e + 1]!; v++) {
        const weight = vWeight[v]!;
        for (let c = 0; c < k; c++) z[c] = x[c]! + zNgram[c]!;
        for (let i = cStart[v]!; i < cStart[v + 1]!; i++) {
          const j = cIdx[i]!;
          const c = (j / g) | 0;
          z[c] = z[c]! + x[offShared + (j - c * g)]! * cVal[i]!;
        }
        for (let i = rStart[v]!; i < rStart[v + 1]!; i++) {
          const j = rIdx[i]!;
          const val = rVal[i]!;
          for (let c = 0; c < k; c++) z[c] = z[c]! + x[offLex + c * f + j]! * val;
        }
        let max = Number.NEGATIVE_INFINITY;
        for (let c = 0; c < k; c++) if (z[c]! > max) max = z[c]!;
        let sum = 0;
        for (let c = 0; c < k; c++) sum += Math.exp(z[c]! - max);
        const logSum = max + Math.log(sum);
        for (let c = 0; c < k; c++) {
          const t = targets[t0 + c]!;
          if (t > 0) loss -= weight * t * (z[c]! - logSum);
          const d = weight * (Math.exp(z[c]! - logSum) - t);
          z[c] = d; // z now holds this variant's gradient on the logits
          dSum[c] = dSum[c]! + d;
          grad[c] = grad[c]! + d;
        }
        for (let i = cStart[v]!; i < cStart[v + 1]!; i++) {
          const j = cIdx[i]!;
          const c = (j / g) | 0;
          grad[offShared + (j - c * g)] = grad[offShared + (j - c * g)]! + z[c]! * cVal[i]!;
        }
        for (let i = rStart[v]!; i < rStart[v + 1]!; i++) {
          const j = rIdx[i]!;
          const val = rVal[i]!;
          for (let c = 0; c < k; c++) grad[offLex + c * f + j] = grad[offLex + c * f + j]! + z[c]! * val;
        }
      }
      for (let i = n0; i < n1; i++) {
        const base = offNgram + ngramOf[i]! * k;
        for (let c = 0; c < k; c++) grad[base + c] = grad[base + c]! + dSum[c]!;
      }
    }
    for (let i = 0; i < size; i++) {
      const p = penalty[i]!;
      loss += 0.5 * p * x[i]! * x[i]!;
      grad[i] = grad[i]! + p * x[i]!;
    }
    return loss;
  };

  const x0 = new Float64Array(size);
  if (run.init) {
    const init = run.init;
    x0.set(init.bias, 0);
    x0.set(init.shared, offShared);
    init.lexicon.forEach((row, c) => x0.set(row, offLex + c * f));
    const table = ngramTable(init);
    vocab.forEach((gram, v) => {
      const w = table.get(gram);
      if (w) for (let i = 0; i < w.length; i += 2) x0[offNgram + v * k + w[i]!] = w[i + 1]!;
    });
  }

  const toModel = (x: Float64Array): CauseModel => {
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
      classWeights,
      ngrams,
    };
  };
  return { x0, objective, toModel, iterations: opts.iterations, memory: run.memory ?? 10 };
}

export function trainCauseModel(
  examples: readonly (TrainExample | PreparedExample)[],
  options: Partial<TrainOptions> = {},
  trainedOn: TrainedOn = { files: [], examples: examples.length },
  run: TrainRun = {},
): CauseModel {
  const maxN = { ...DEFAULT_TRAIN_OPTIONS, ...options }.maxN;
  const problem = finish(setUp(examples.map((e) => ('grams' in e ? e : prepareExample(e, maxN))), options, trainedOn, run));
  return problem.toModel(lbfgs(problem.objective, problem.x0, problem.iterations, problem.memory));
}

/**
 * The same training, giving the thread back between steps: `pause` is awaited after every few reviews are
 * prepared and after every optimiser iteration (in the extension it yields to the event loop, so the worker
 * keeps answering the panel while it trains). The result is exactly trainCauseModel's.
 */
export async function trainCauseModelAsync(
  examples: readonly (TrainExample | PreparedExample)[],
  options: Partial<TrainOptions>,
  trainedOn: TrainedOn,
  run: TrainRun,
  pause: () => Promise<void>,
): Promise<CauseModel> {
  const maxN = { ...DEFAULT_TRAIN_OPTIONS, ...options }.maxN;
  const prepared: PreparedExample[] = [];
  for (const e of examples) {
    prepared.push('grams' in e ? e : prepareExample(e, maxN));
    if (prepared.length % PREPARE_BATCH === 0) await pause();
  }
  const setting = setUp(prepared, options, trainedOn, run);
  let problem: Problem;
  for (;;) {
    const step = setting.next();
    await pause();
    if (step.done) {
      problem = step.value;
      break;
    }
  }
  const steps = lbfgsSteps(problem.objective, problem.x0, problem.iterations, problem.memory);
  for (;;) {
    const step = steps.next();
    if (step.done) return problem.toModel(step.value);
    await pause();
  }
}

/** Reviews prepared (lexicon and n-grams) between two pauses of an asynchronous training. */
const PREPARE_BATCH = 100;

/** Runs a generator to its end, ignoring its yields. */
function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
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
  return finish(lbfgsSteps(fg, x0, maxIter, memory, tolerance, relativeTolerance));
}

/** lbfgs one iteration at a time: yields after each, returns the solution. */
export function* lbfgsSteps(
  fg: (x: Float64Array, grad: Float64Array) => number,
  x0: Float64Array,
  maxIter: number,
  memory = 10,
  tolerance = 1e-7,
  relativeTolerance = 1e-7,
): Generator<void, Float64Array> {
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
  const spare: Float64Array[] = [];
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
      spare.push(...sList, ...yList);
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
      yield; // each evaluation is a pass over every review: an asynchronous training pauses between them
    }
    if (!(fNext < fx)) break; // no progress possible
    // The pair dropped from the memory (or one not kept) is reused: no new arrays after the memory fills.
    const s = spare.pop() ?? new Float64Array(n);
    const y = spare.pop() ?? new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = nextX[i]! - x[i]!;
      y[i] = nextGrad[i]! - grad[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      if (sList.length === memory) {
        spare.push(sList.shift()!, yList.shift()!);
        rhoList.shift();
      }
      sList.push(s);
      yList.push(y);
      rhoList.push(1 / sy);
    } else spare.push(s, y);
    [x, nextX] = [nextX, x];
    [grad, nextGrad] = [nextGrad, grad];
    const improvement = fx - fNext;
    fx = fNext;
    if (improvement < relativeTolerance * Math.max(1, Math.abs(fx))) break;
    yield;
  }
  return x;
}

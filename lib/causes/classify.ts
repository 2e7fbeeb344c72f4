/**
 * Offline cause classifier: which causes a neutral/negative review complains about, and which one is the
 * buyer's main upset. Two halves, no network:
 * - the cue lexicon (./rules.ts) finds the buyer's words for each cause, with negation and intensifiers;
 * - a small learned model (./model.ts, parameters in ./model.json) weighs those findings together with the
 *   review's character n-grams and picks the main cause.
 * Every cause returned comes with the words that triggered it: the lexicon's cue words when it found any,
 * otherwise the review's n-grams that pushed the model towards that cause most.
 */
import { isWordChar, ngramSpans } from './features';
import { asCauseModel, ngramTable, predictWithModel, type CauseModel, type ModelPrediction } from './model';
import modelJson from './model.json';
import { classifyByLexicon, MIN_SECONDARY, type LexiconResult } from './rules';
import { CAUSE_CODES, type CauseCode } from './taxonomy';

export interface CauseScore {
  code: CauseCode;
  /**
   * Lexicon evidence for this cause: the weight of its strongest cue plus half the weight of each further
   * cue (intensified cues count 1.3 times). Roughly 1 = a hint, 3 = named outright, 5+ = decisive.
   * 0 means the lexicon found no cue and the cause comes from the learned model alone.
   */
  score: number;
  /** The model's probability that this is the buyer's main cause (0..1). */
  probability: number;
  /** The review's own words that triggered this cause, in reading order. */
  triggers: string[];
}

export interface CauseResult {
  primary: CauseCode;
  /** The causes worth recording on the case (backed by words, or the main one), most likely first; never empty. */
  causes: CauseScore[];
  /** The two most likely causes, each with its words when there are any: the agent's one-click choices. */
  chips: CauseScore[];
  /** Every cause, most likely first (the first two are the chips). */
  ranked: CauseCode[];
  /** The review's cue words for every cause the lexicon found any for, however weak (the chips further down show them). */
  words: Partial<Record<CauseCode, string[]>>;
}

/** A further cause the lexicon did not name is shown once the model gives it at least this probability. */
const MODEL_SECONDARY = 0.3;
/** Most n-gram triggers reported for a cause the lexicon has no cue for, and their longest stretch. */
const MAX_NGRAM_TRIGGERS = 3;
const MAX_TRIGGER_LENGTH = 6;
/** A clause this short is quoted whole instead of the n-grams found in it. */
const SHORT_CLAUSE = 8;

let shipped: CauseModel | undefined;
/** The model shipped with the extension (./model.json), checked once. */
export function shippedModel(): CauseModel {
  shipped ??= asCauseModel(modelJson);
  return shipped;
}

export function classifyCauses(text: string): CauseResult {
  return classifyWith(shippedModel(), text);
}

/** The blended decision with any model: used by classifyCauses and by cross-validation. */
export function classifyWith(model: CauseModel, text: string, lex: LexiconResult = classifyByLexicon(text)): CauseResult {
  const prediction = predictWithModel(model, text, lex);
  const { probs } = prediction;
  let best = 0;
  for (let c = 1; c < probs.length; c++) if (probs[c]! > probs[best]!) best = c;
  const primary = CAUSE_CODES[best]!;

  const lexScores = new Map(lex.ranked.map((c) => [c.code, c]));
  const shown = new Set<CauseCode>([primary]);
  for (const c of lex.ranked) if (c.score >= MIN_SECONDARY) shown.add(c.code);
  CAUSE_CODES.forEach((code, c) => {
    if (probs[c]! >= MODEL_SECONDARY) shown.add(code);
  });

  const causes: CauseScore[] = [];
  for (const code of shown) {
    const c = CAUSE_CODES.indexOf(code);
    const fromLexicon = lexScores.get(code);
    const triggers = fromLexicon?.triggers.length ? fromLexicon.triggers : ngramTriggers(model, text, prediction, c);
    // A further cause is only shown with words to back it.
    if (code !== primary && triggers.length === 0) continue;
    causes.push({
      code,
      score: fromLexicon?.score ?? 0,
      probability: Math.round(probs[c]! * 1000) / 1000,
      triggers,
    });
  }
  causes.sort((a, b) => Number(b.code === primary) - Number(a.code === primary) || b.probability - a.probability);

  // After the main cause, the others by their chance on the real mix of reviews: the model was trained with rare
  // causes weighted up (a fair main cause for them), so its probabilities are divided by those weights again.
  // Otherwise a rare cause with a few loose n-grams takes the second chip from the common cause it usually is.
  const weights = model.classWeights;
  const ranked = CAUSE_CODES.map((code, c) => ({ code, p: probs[c]! / (weights?.[c] ?? 1) }))
    .sort((a, b) => Number(b.code === primary) - Number(a.code === primary) || b.p - a.p)
    .map((x) => x.code);
  const chips = ranked.slice(0, CHIPS).map((code): CauseScore => {
    const found = causes.find((x) => x.code === code);
    if (found) return found;
    const c = CAUSE_CODES.indexOf(code);
    const fromLexicon = lexScores.get(code);
    return {
      code,
      score: fromLexicon?.score ?? 0,
      probability: Math.round(probs[c]! * 1000) / 1000,
      triggers: fromLexicon?.triggers.length ? fromLexicon.triggers : ngramTriggers(model, text, prediction, c),
    };
  });
  const words: Partial<Record<CauseCode, string[]>> = {};
  for (const c of lex.ranked) if (c.triggers.length > 0) words[c.code] = c.triggers;
  return { primary, causes, chips, ranked, words };
}

/** How many causes the case view offers as one-click chips. */
export const CHIPS = 2;

/**
 * The cause codes to print for a review: the two chips first, then every further cause recorded on a case.
 * (`npm run -s classify` prints this list, so its first two are what the agent is offered.)
 */
export function printedCauses(result: CauseResult): CauseCode[] {
  return [...new Set([...result.chips.map((c) => c.code), ...result.causes.map((c) => c.code)])];
}

/**
 * The 1–3 stretches of the review that raised the model's probability of class `c` most, quoted from the
 * original text: each n-gram with a positive weight for the class is taken out in turn, and the drop in the
 * class's log-probability is its contribution. Overlapping n-grams merge into one stretch (生姜 and 姜味
 * give 生姜味); a three-character n-gram that mostly repeats a two-character one inside it is quoted as
 * the shorter word; a lone character is quoted with its neighbour (很痒, not 痒).
 */
export function ngramTriggers(model: CauseModel, text: string, prediction: ModelPrediction, c: number): string[] {
  const table = ngramTable(model);
  const { logits } = prediction;
  const logProb = (z: Float64Array): number => {
    let max = Number.NEGATIVE_INFINITY;
    for (const v of z) if (v > max) max = v;
    let sum = 0;
    for (const v of z) sum += Math.exp(v - max);
    return z[c]! - max - Math.log(sum);
  };
  const base = logProb(logits);
  const without = new Float64Array(logits.length);
  const gains: Array<{ start: number; end: number; gain: number }> = [];
  const done = new Set<string>();
  for (const span of ngramSpans(text, model.options.maxN)) {
    if (done.has(span.gram)) continue;
    done.add(span.gram);
    const weights = table.get(span.gram);
    if (!weights || !pointsTo(weights, c)) continue;
    without.set(logits);
    for (let i = 0; i < weights.length; i += 2) without[weights[i]!] = without[weights[i]!]! - weights[i + 1]!;
    const gain = base - logProb(without);
    if (gain <= 1e-6) continue;
    let { start, end } = span;
    if (end - start === 1) {
      if (start > 0 && isWordChar(text[start - 1] ?? '')) start--;
      else if (end < text.length && isWordChar(text[end] ?? '')) end++;
    }
    gains.push({ start, end, gain });
  }
  for (const g of gains) {
    if (g.end - g.start !== 3) continue;
    if (gains.some((h) => h.end - h.start === 2 && h.start >= g.start && h.end <= g.end && h.gain >= g.gain / 2)) g.gain = 0;
  }
  gains.sort((a, b) => b.gain - a.gain || a.start - b.start);

  const picked: Array<{ start: number; end: number; gain: number }> = [];
  for (const s of gains) {
    if (s.gain <= 0) break;
    const overlap = picked.find((p) => s.start < p.end && p.start < s.end);
    if (overlap) {
      // A strong overlapping n-gram lengthens the stretch, up to a short phrase.
      if (s.gain >= overlap.gain / 2 && Math.max(overlap.end, s.end) - Math.min(overlap.start, s.start) <= MAX_TRIGGER_LENGTH) {
        overlap.start = Math.min(overlap.start, s.start);
        overlap.end = Math.max(overlap.end, s.end);
      }
      continue;
    }
    if (picked.length < MAX_NGRAM_TRIGGERS && s.gain >= (picked[0]?.gain ?? 0) / 4) picked.push({ ...s });
  }
  // A short clause is quoted whole (感觉好紧 rather than 觉好): n-grams often cut across words.
  const quoted = new Set<string>();
  for (const p of picked.sort((a, b) => a.start - b.start)) {
    let { start, end } = p;
    let from = start;
    let to = end;
    while (from > 0 && isWordChar(text[from - 1] ?? '')) from--;
    while (to < text.length && isWordChar(text[to] ?? '')) to++;
    if (to - from <= SHORT_CLAUSE) [start, end] = [from, to];
    quoted.add(text.slice(start, end));
  }
  return [...quoted];
}

function pointsTo(weights: readonly number[], c: number): boolean {
  for (let i = 0; i < weights.length; i += 2) if (weights[i] === c) return weights[i + 1]! > 0;
  return false;
}

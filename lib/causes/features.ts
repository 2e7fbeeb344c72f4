/**
 * Features of a review for the learned half of the cause classifier (./model.ts): character n-grams of
 * the text, and what the cue lexicon found. Pure and dependency-free, shared by training and prediction.
 */
import { normalize } from './matcher';
import type { LexiconResult } from './rules';
import { CAUSE_CODES, type CauseCode } from './taxonomy';

/** Longest character n-gram used. */
export const NGRAM_MAX = 3;

/** Characters that separate n-grams: an n-gram never spans punctuation or spaces. */
const SEPARATOR = /[^\p{L}\p{N}]/u;
const DIGIT = /\p{Nd}/u;

/** A letter or digit: part of a run n-grams are taken from. */
export function isWordChar(ch: string): boolean {
  return ch !== '' && charClass(ch.charCodeAt(0), ch) !== 0;
}

export interface NgramSpan {
  gram: string;
  /** Position in the original text. */
  start: number;
  end: number;
}

/** 0 for characters that separate n-gram runs, 1 for letters, 2 for digits (read as 0). */
function charClass(code: number, ch: string): 0 | 1 | 2 {
  if (code >= 0x4e00 && code <= 0x9fff) return 1; // the common CJK block: by far the most frequent case
  if (code >= 0x30 && code <= 0x39) return 2;
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return 1;
  if (code < 0x80 || (code >= 0xd800 && code <= 0xdfff)) return 0; // ASCII punctuation, and emoji halves
  if (SEPARATOR.test(ch)) return 0;
  return DIGIT.test(ch) ? 2 : 1;
}

/** The text lower-cased and full-width folded, digits as 0 and separators as NUL, one character for one. */
function foldForNgrams(text: string): string {
  const norm = normalize(text);
  // normalize keeps one character for one; when case folding cannot, the original positions win.
  const chars = norm.length === text.length ? norm : text;
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const kind = charClass(chars.charCodeAt(i), ch);
    out += kind === 1 ? ch : kind === 2 ? '0' : '\u0000';
  }
  return out;
}

/**
 * Every character n-gram (1..NGRAM_MAX) inside runs of letters and digits, with its place in the original
 * text. Lower-cased, full-width folded to half-width, and every digit read as 0 (三天 and 3天 stay apart,
 * but 20块 and 50块 are the same n-gram).
 */
export function ngramSpans(text: string, maxN = NGRAM_MAX): NgramSpan[] {
  const folded = foldForNgrams(text);
  const out: NgramSpan[] = [];
  forEachNgram(folded, maxN, (start, end) => out.push({ gram: folded.slice(start, end), start, end }));
  return out;
}

/** The distinct n-grams of a text. */
export function ngramSet(text: string, maxN = NGRAM_MAX): Set<string> {
  const folded = foldForNgrams(text);
  const out = new Set<string>();
  forEachNgram(folded, maxN, (start, end) => out.add(folded.slice(start, end)));
  return out;
}

function forEachNgram(folded: string, maxN: number, visit: (start: number, end: number) => void): void {
  let runEnd = 0;
  for (let i = 0; i < folded.length; i++) {
    if (folded[i] === '\u0000') continue;
    if (runEnd <= i) {
      runEnd = i;
      while (runEnd < folded.length && folded[runEnd] !== '\u0000') runEnd++;
    }
    for (let n = 1; n <= maxN && i + n <= runEnd; n++) visit(i, i + n);
  }
}

/**
 * Names of the review-level features taken from the lexicon (the same for every class; each class learns
 * its own weight on each): the evidence for every cause, which cause the rules chose, and "nothing found".
 */
export const LEXICON_FEATURES: readonly string[] = [
  ...CAUSE_CODES.map((c) => `lex:${c}`),
  ...CAUSE_CODES.map((c) => `lexTop:${c}`),
  'lex:none',
  'lex:many',
];

/**
 * Names of the class-conditional features: for the class being scored, how much lexicon evidence it has
 * and whether the rules chose it. Their weights are shared by all classes, so a cause that is rare in the
 * training data still wins when the lexicon names it outright.
 */
export const SHARED_FEATURES: readonly string[] = ['evidence', 'evidenceShare', 'isLexiconTop', 'hasEvidence', 'firstRaised', 'lastRaised'];

/** Lexicon evidence squashed to about 0..1: 1 = a hint, 3 = named outright, 5+ = decisive. */
export function squash(score: number): number {
  return Math.log1p(Math.max(0, score)) / Math.log1p(6);
}

export interface LexiconFeatures {
  /** Values of LEXICON_FEATURES. */
  review: Float64Array;
  /** Values of SHARED_FEATURES for each class, class after class. */
  perClass: Float64Array;
}

export function lexiconFeatures(lex: LexiconResult): LexiconFeatures {
  const k = CAUSE_CODES.length;
  const review = new Float64Array(LEXICON_FEATURES.length);
  const perClass = new Float64Array(k * SHARED_FEATURES.length);
  const scores = new Map<CauseCode, number>(lex.ranked.map((c) => [c.code, c.score]));
  // Which cause the buyer raises first and last (among causes with more than a hint of evidence).
  const raised = lex.ranked.filter((c) => c.score >= 1.5).sort((a, b) => a.at - b.at);
  const firstRaised = raised.length >= 2 ? raised[0]!.code : undefined;
  const lastRaised = raised.length >= 2 ? raised[raised.length - 1]!.code : undefined;
  const best = Math.max(0, ...scores.values());
  const top = lex.ranked.length > 0 ? lex.primary : undefined;
  CAUSE_CODES.forEach((code, c) => {
    const score = scores.get(code) ?? 0;
    review[c] = squash(score);
    review[k + c] = code === top ? 1 : 0;
    const g = c * SHARED_FEATURES.length;
    perClass[g] = squash(score);
    perClass[g + 1] = best > 0 ? score / best : 0;
    perClass[g + 2] = code === top ? 1 : 0;
    perClass[g + 3] = score > 0 ? 1 : 0;
    perClass[g + 4] = code === firstRaised ? 1 : 0;
    perClass[g + 5] = code === lastRaised ? 1 : 0;
  });
  review[2 * k] = lex.ranked.length === 0 ? 1 : 0;
  review[2 * k + 1] = lex.ranked.filter((c) => c.score >= 1.5).length >= 2 ? 1 : 0;
  return { review, perClass };
}

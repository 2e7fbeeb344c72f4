/**
 * Turns the cue lexicon into fast matchers and finds cue hits in a review, with negation and intensifiers.
 * Pure and dependency-free: the same code runs in the extension and in Node scripts.
 *
 * Most cues are words, choices and short gaps. They are expanded into "gapped patterns": a list of parts,
 * each a set of literal phrases, with a gap of up to GAP_MAX characters between parts (快递…慢 is the parts
 * {快递} and {慢}). Patterns are found through an index on the first two characters of their first part.
 * Only the few cues that need lookarounds or digit classes become regular expressions, so a cold start
 * compiles almost nothing.
 */
import { INTENSIFIERS, LEXICON, NEGATOR_EXCEPTIONS, NEGATORS, type CueGroup } from './lexicon';
import type { CauseCode } from './taxonomy';

/** Characters that end a clause: a cue gap never crosses them, and negation does not reach over them. */
const CLAUSE_BREAK = ',.!?;:~，。！？；：～、…\\s';
const CLAUSE_BREAK_RE = new RegExp(`[${CLAUSE_BREAK}]`);
/** Longest gap the `…` of the cue syntax stands for. */
const GAP_MAX = 6;
/** Characters a gap may not contain: clause breaks, and 但 (what follows "but" is another thought). */
const GAP_STOP = new Set([...',.!?;:~，。！？；：～、…但 \t\n\r\u3000'].map((c) => c.charCodeAt(0)));
const NO_PHRASES: string[] = [];
const GAP_REGEX = `([^${CLAUSE_BREAK}但]{0,${GAP_MAX}}?)`;
/** Words after which an earlier intensifier no longer applies. */
const SCOPE_BREAK = new Set(['就', '才', '便', '却', '又', '但', '还', '都', '也', '而']);
/** How far before a cue we look for an intensifier. */
const WINDOW = 4;
export const INTENSITY_BOOST = 1.3;
/** Characters that may stand between a negator and the words it negates (没有破损, 不是很慢, 并没发现破损). */
const NEGATION_BRIDGE = new Set([...'是太很算怎么那这有都也并一点完全特别会能够再曾见发现任何什么啥多严重明显被得过真的于']);
/** How many bridge characters a negation reaches over. */
const NEGATION_REACH = 6;
/** How many phrases one part of a cue may expand into before the cue is kept as a regular expression. */
const MAX_EXPANSION = 4000;
/** How many leading characters index a cue: two narrow the candidates at each position a lot. */
const KEY_LENGTH = 2;

export interface CueHit {
  cause: CauseCode;
  weight: number;
  start: number;
  end: number;
  /** Characters matched by the cue's own text (gaps excluded): longer, more specific cues win overlaps. */
  specificity: number;
  negated: boolean;
  intensified: boolean;
  /** The lexicon entry that matched. */
  cue: string;
}

interface CueInfo {
  cause: CauseCode;
  weight: number;
  source: string;
  /** Stamp of the last position this cue was tried or found at: one attempt and one hit per position. */
  seenAt: number;
}

/** The phrases one part of a pattern may be, by first character, longest first. */
interface Part {
  byFirst: Map<string, string[]>;
  /** The part may be empty (it came from an optional piece). */
  canBeEmpty: boolean;
  /** Longest gap allowed before this part: 0 joins it to the previous part, GAP_MAX is a `…`. */
  gapBefore: number;
}

interface GappedPattern {
  info: CueInfo;
  /** Parts after the first (the first is in the matcher's index). */
  rest: Part[];
}

interface FirstPhrase {
  pattern: GappedPattern;
  phrase: string;
}

interface RegexCue {
  info: CueInfo;
  re: RegExp;
  hasGap: boolean;
}

/** Everything that can start with one key: first parts of gapped patterns (longest first) and regex cues. */
interface Bucket {
  firsts: FirstPhrase[];
  regexes: RegexCue[];
}

/** Cues by their first character: those whose key is that one character, and those keyed by two. */
interface StartNode {
  one?: Bucket;
  byNext: Map<number, Bucket>;
}

export interface Matcher {
  /** Cues by the character code their matches start with; positions with no entry are skipped at once. */
  starts: Map<number, StartNode>;
  /** Regular-expression cues whose start cannot be told: tried at every position. */
  anywhere: RegexCue[];
  /** Number of lexicon cues compiled. */
  size: number;
  /** Number of cues kept as regular expressions. */
  regexCount: number;
}

// ── Compiling ────────────────────────────────────────────────────────────────────────────────────────────

/** One part of an expanded cue: the phrases it may be, and how long a gap may come before it. */
interface PartSpec {
  phrases: string[];
  gapBefore: number;
}
/** A cue as gapped patterns: each pattern a list of parts. */
type Expansion = PartSpec[][];

class NotExpandable extends Error {}

/** Characters with a meaning in the cue syntax. */
const SYNTAX = new Set([...'()|?…\\[].*+{}^$']);
/** Beyond this many phrases, two pieces of a cue are kept as consecutive parts rather than multiplied out. */
const MAX_PRODUCT = 64;

/**
 * Expands a cue made of words, choices `(a|b)`, optional parts `?`, escaped characters and gaps `…` into
 * gapped patterns; null when the cue needs a regular expression (lookarounds, classes, repetition).
 */
export function expandCuePatterns(cue: string): Expansion | null {
  let pos = 0;
  const product = (a: string[], b: string[]): string[] => {
    if (a.length === 1 && a[0] === '') return b;
    if (b.length === 1 && b[0] === '') return a;
    const out = new Set<string>();
    for (const x of a) for (const y of b) out.add(x + y);
    return [...out];
  };
  // Concatenate two patterns. Small products are multiplied out; large ones stay two parts with no gap.
  const join = (a: PartSpec[], b: PartSpec[]): PartSpec[] => {
    const last = a[a.length - 1] ?? { phrases: [''], gapBefore: 0 };
    const [first = { phrases: [''], gapBefore: 0 }, ...more] = b;
    if (last.phrases.length * first.phrases.length <= MAX_PRODUCT) {
      return [...a.slice(0, -1), { phrases: product(last.phrases, first.phrases), gapBefore: last.gapBefore }, ...more];
    }
    return [...a, first, ...more];
  };
  // Keeps the expansion small: all one-part patterns become one pattern with all their phrases.
  const merge = (patterns: Expansion): Expansion => {
    if (patterns.length === 1) return patterns;
    const single = new Set<string>();
    const multi: Expansion = [];
    for (const p of patterns) {
      if (p.length === 1) for (const s of p[0]?.phrases ?? []) single.add(s);
      else multi.push(p);
    }
    if (single.size > MAX_EXPANSION || multi.length > 64) throw new NotExpandable();
    return single.size > 0 ? [[{ phrases: [...single], gapBefore: 0 }], ...multi] : multi;
  };
  const parseAlternatives = (): Expansion => {
    const out: Expansion = [];
    for (;;) {
      for (const p of parseSequence()) out.push(p);
      if (cue[pos] !== '|') return merge(out);
      pos++;
    }
  };
  const parseSequence = (): Expansion => {
    let acc: Expansion = [[{ phrases: [''], gapBefore: 0 }]];
    while (pos < cue.length) {
      const c = cue[pos] ?? '';
      if (c === '|' || c === ')') break;
      let item: Expansion;
      if (c === '(') {
        if (cue[pos + 1] === '?') throw new NotExpandable();
        pos++;
        item = parseAlternatives();
        if (cue[pos] !== ')') throw new NotExpandable();
        pos++;
      } else if (c === '…') {
        item = [[{ phrases: [''], gapBefore: 0 }, { phrases: [''], gapBefore: GAP_MAX }]];
        pos++;
      } else if (c === '\\' && /[^a-zA-Z0-9]/.test(cue[pos + 1] ?? 'a')) {
        item = [[{ phrases: [cue[pos + 1] ?? ''], gapBefore: 0 }]]; // an escaped character stands for itself
        pos += 2;
      } else if ('\\[].*+{}^$'.includes(c)) {
        throw new NotExpandable();
      } else {
        // A run of plain characters is one piece (the last one alone if a `?` follows it).
        let run = c;
        pos++;
        while (pos < cue.length && !SYNTAX.has(cue[pos] ?? '') && cue[pos + 1] !== '?') run += cue[pos++];
        item = [[{ phrases: [run], gapBefore: 0 }]];
      }
      if (cue[pos] === '?') {
        pos++;
        item = merge([...item, [{ phrases: [''], gapBefore: 0 }]]);
      }
      const next: Expansion = [];
      for (const a of acc) for (const b of item) next.push(join(a, b));
      acc = merge(next);
    }
    return acc;
  };
  try {
    const out = parseAlternatives();
    if (pos !== cue.length) return null;
    // Every pattern must start with text, or it cannot be indexed.
    if (out.some((p) => (p[0]?.phrases ?? []).some((s) => s.length === 0))) return null;
    return out;
  } catch (err) {
    if (err instanceof NotExpandable) return null;
    throw err;
  }
}

/** The phrases of a one-part cue (for tests and tools); null when it has gaps or needs a regex. */
export function expandCue(cue: string): string[] | null {
  const patterns = expandCuePatterns(cue);
  if (!patterns || patterns.some((p) => p.length > 1)) return null;
  return patterns.flatMap((p) => p[0]?.phrases ?? []);
}

/** Rewrites the lexicon's cue syntax into a regular-expression source (for the few regex cues). */
export function cueToRegexSource(cue: string): string {
  return cue
    .replace(/\((?!\?)/g, '(?:') // the author's groups never capture: only gaps do
    .replace(/(?<!相)差(?!评|\(\?!评\))/g, '(?<!相)差(?!评)') // 差评 is a rating, 相差 a difference
    .replace(/不(?![错赖])/g, '不(?![错赖])') // 不错, 不赖 are praise
    .replace(/…/g, GAP_REGEX);
}

/**
 * The same guards as cueToRegexSource, for a literal phrase found at `start`. They only look just outside
 * the phrase: a phrase that spells 相差 or 差评 itself means it.
 */
function phraseGuardsPass(norm: string, start: number, phrase: string): boolean {
  if (phrase.length === 0) return true;
  const last = phrase[phrase.length - 1];
  const next = norm[start + phrase.length];
  if (phrase[0] === '差' && norm[start - 1] === '相') return false;
  if (last === '差' && next === '评') return false;
  if (last === '不' && (next === '错' || next === '赖')) return false;
  return true;
}

const SPECIAL = new Set([...'\\[].^$|?*+{}()']);
const QUANTIFIER = new Set(['?', '*', '{']);
const LOOKAROUND = /^\(\?<?[!=][^()]*\)/;

/** The literal text every match of `src` must start with (at most KEY_LENGTH characters; '' when none). */
function leadingLiteral(src: string): string {
  let out = '';
  for (let i = 0; i < src.length && out.length < KEY_LENGTH; i++) {
    const look = LOOKAROUND.exec(src.slice(i));
    if (look) {
      i += look[0].length - 1; // lookarounds consume nothing: keep reading the literal after them
      continue;
    }
    const c = src[i] ?? '';
    if (SPECIAL.has(c)) break;
    if (QUANTIFIER.has(src[i + 1] ?? '')) break; // an optional character may be missing from the match
    out += c;
  }
  return out;
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(body.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(body.slice(from));
  return parts;
}

/**
 * The keys (first one or two characters) a match of a regex source can start with, or null when that cannot
 * be told simply (then the cue is tried at every position).
 */
export function startKeys(src: string): Set<string> | null {
  const look = LOOKAROUND.exec(src);
  if (look) return startKeys(src.slice(look[0].length));
  if (src.startsWith('(?:')) {
    let depth = 0;
    let close = -1;
    for (let i = 0; i < src.length; i++) {
      const c = src[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '(') depth++;
      else if (c === ')') {
        depth--;
        if (depth === 0) {
          close = i;
          break;
        }
      }
    }
    if (close < 0 || QUANTIFIER.has(src[close + 1] ?? '')) return null; // the group may be skipped
    const out = new Set<string>();
    for (const alt of splitTopLevel(src.slice(3, close))) {
      const sub = startKeys(alt);
      if (!sub) return null;
      for (const k of sub) out.add(k);
    }
    return out;
  }
  const lead = leadingLiteral(src);
  return lead ? new Set([lead]) : null;
}

function push<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function toPart({ phrases, gapBefore }: PartSpec): Part {
  const byFirst = new Map<string, string[]>();
  let canBeEmpty = false;
  for (const p of phrases) {
    if (p.length === 0) canBeEmpty = true;
    else push(byFirst, p[0] ?? '', p);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return { byFirst, canBeEmpty, gapBefore };
}

export function compileLexicon(groups: readonly CueGroup[] = LEXICON): Matcher {
  const starts = new Map<number, StartNode>();
  const anywhere: RegexCue[] = [];
  const buckets: Bucket[] = [];
  const bucket = (key: string): Bucket => {
    const first = key.charCodeAt(0);
    let node = starts.get(first);
    if (!node) starts.set(first, (node = { byNext: new Map() }));
    if (key.length < KEY_LENGTH) return (node.one ??= newBucket(buckets));
    const next = key.charCodeAt(1);
    let b = node.byNext.get(next);
    if (!b) node.byNext.set(next, (b = newBucket(buckets)));
    return b;
  };
  let size = 0;
  let regexCount = 0;
  for (const group of groups) {
    for (const source of group.cues) {
      size++;
      const info: CueInfo = { cause: group.cause, weight: group.weight, source, seenAt: -1 };
      const patterns = expandCuePatterns(source);
      if (patterns) {
        for (const [first, ...rest] of patterns) {
          const pattern: GappedPattern = { info, rest: rest.map(toPart) };
          for (const phrase of first?.phrases ?? []) bucket(phrase).firsts.push({ pattern, phrase });
        }
        continue;
      }
      regexCount++;
      const src = cueToRegexSource(source);
      const hasGap = source.includes('…');
      const cue: RegexCue = { info, re: new RegExp(src, hasGap ? 'yd' : 'y'), hasGap };
      const keys = startKeys(src);
      if (!keys) anywhere.push(cue);
      else for (const k of keys) bucket(k).regexes.push(cue);
    }
  }
  for (const b of buckets) b.firsts.sort((x, y) => y.phrase.length - x.phrase.length);
  return { starts, anywhere, size, regexCount };
}

function newBucket(all: Bucket[]): Bucket {
  const b: Bucket = { firsts: [], regexes: [] };
  all.push(b);
  return b;
}

// ── Matching ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Lower-cases and maps full-width ASCII to half-width, one character for one, so that positions in the
 * normalised text are positions in the original.
 */
export function normalize(text: string): string {
  if (!/[\uff01-\uff5e\u3000]/.test(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text.toLowerCase()) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out.length === text.length ? out : text.toLowerCase();
}

const NEGATOR_SET = new Set(NEGATORS.filter((n) => n.length === 1));
const MULTI_NEGATORS = NEGATORS.filter((n) => n.length > 1);
/** Last characters of the multi-character negators, to skip checking them almost everywhere. */
const MULTI_NEGATOR_ENDS = new Set(MULTI_NEGATORS.map((n) => n[n.length - 1] ?? ''));

/** Is the negator character at `pos` part of a harmless word such as 不仅, 没想到, 非常? */
function isNegatorException(text: string, pos: number): boolean {
  const ch = text[pos] ?? '';
  for (const word of NEGATOR_EXCEPTIONS) {
    for (let k = word.indexOf(ch); k >= 0; k = word.indexOf(ch, k + 1)) {
      if (text.startsWith(word, pos - k)) return true;
    }
  }
  return false;
}

/**
 * Is the cue starting at `head` negated? Walks back from the cue over words that can sit between a negator
 * and what it negates and stops at anything else, so that 没几天就坏了 or 说没优惠第二天就降价 are not
 * read as negations.
 */
function isNegatedAt(text: string, head: number, limit: number): boolean {
  for (let i = head - 1, steps = 0; i >= limit && steps < NEGATION_REACH; i--, steps++) {
    const c = text[i] ?? '';
    if (NEGATOR_SET.has(c)) return !isNegatorException(text, i);
    if (MULTI_NEGATOR_ENDS.has(c) && MULTI_NEGATORS.some((n) => text.startsWith(n, i - n.length + 1))) return true;
    if (!NEGATION_BRIDGE.has(c)) return false;
  }
  return false;
}

/** Start of the stretch before `head` (same clause, at most WINDOW characters) that may hold an intensifier. */
function windowBefore(text: string, head: number): number {
  let from = head;
  while (from > 0 && head - from < WINDOW) {
    const c = text[from - 1] ?? '';
    if (CLAUSE_BREAK_RE.test(c) || SCOPE_BREAK.has(c)) break;
    from--;
  }
  return from;
}

function hasIntensifier(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  const slice = text.slice(from, to);
  return INTENSIFIERS.some((w) => slice.includes(w));
}

const ASCII_WORD = /[a-z0-9]/;

/** An ASCII cue must stand alone: sb is not the end of usb. */
function isWholeWord(norm: string, start: number, end: number): boolean {
  if (ASCII_WORD.test(norm[start] ?? '') && ASCII_WORD.test(norm[start - 1] ?? '')) return false;
  if (ASCII_WORD.test(norm[end - 1] ?? '') && ASCII_WORD.test(norm[end] ?? '')) return false;
  return true;
}

/** How a gapped pattern was completed after its first part. */
interface Completion {
  end: number;
  gapChars: number;
  /** The last `…` gap (where 快递一点都不慢 puts its negation); from = to = -1 when there was none. */
  lastGapFrom: number;
  lastGapTo: number;
  gapIntensified: boolean;
}

/** Matches parts[j..] from `pos`, each after its allowed gap inside the clause (shortest gap first). */
function completeParts(norm: string, parts: Part[], j: number, pos: number): Completion | null {
  const part = parts[j];
  if (!part) return { end: pos, gapChars: 0, lastGapFrom: -1, lastGapTo: -1, gapIntensified: false };
  for (let gap = 0; gap <= part.gapBefore && pos + gap <= norm.length; gap++) {
    if (gap > 0 && GAP_STOP.has(norm.charCodeAt(pos + gap - 1))) break;
    const at = pos + gap;
    const candidates = part.byFirst.get(norm[at] ?? '') ?? NO_PHRASES;
    const count = candidates.length + (part.canBeEmpty ? 1 : 0);
    for (let c = 0; c < count; c++) {
      const phrase = candidates[c] ?? ''; // past the candidates: the empty phrase of an optional part
      if (!norm.startsWith(phrase, at) || !phraseGuardsPass(norm, at, phrase)) continue;
      const rest = completeParts(norm, parts, j + 1, at + phrase.length);
      if (!rest) continue;
      const isLastGap = rest.lastGapFrom < 0 && part.gapBefore > 0;
      return {
        end: rest.end,
        gapChars: rest.gapChars + gap,
        lastGapFrom: isLastGap ? pos : rest.lastGapFrom,
        lastGapTo: isLastGap ? at : rest.lastGapTo,
        gapIntensified: rest.gapIntensified || hasIntensifier(norm, pos, at),
      };
    }
  }
  return null;
}

/** Increases at every text position ever scanned, so `seenAt` stamps never need resetting. */
let stamp = 0;

/** Every cue hit in the text, including negated ones (they still block shorter cues inside them). */
export function findHits(text: string, matcher: Matcher): CueHit[] {
  const norm = normalize(text);
  const hits: CueHit[] = [];
  const n = norm.length;
  const { starts, anywhere } = matcher;
  for (let i = 0; i < n; i++) {
    const node = starts.get(norm.charCodeAt(i));
    if (!node && anywhere.length === 0) continue;
    const now = ++stamp;
    // Two-character keys first: their phrases are longer, and each cue keeps its longest phrase here.
    const longer = node && i + 1 < n ? node.byNext.get(norm.charCodeAt(i + 1)) : undefined;
    const shorter = node?.one;
    if (longer) findPatterns(longer.firsts, norm, i, now, hits);
    if (shorter) findPatterns(shorter.firsts, norm, i, now, hits);
    if (longer) tryRegexes(longer.regexes, norm, i, now, hits);
    if (shorter) tryRegexes(shorter.regexes, norm, i, now, hits);
    if (anywhere.length > 0) tryRegexes(anywhere, norm, i, now, hits);
  }
  return hits;
}

function findPatterns(list: FirstPhrase[], norm: string, at: number, now: number, hits: CueHit[]): void {
  for (let k = 0; k < list.length; k++) {
    const { pattern, phrase } = list[k]!;
    const { info, rest } = pattern;
    if (info.seenAt === now || !norm.startsWith(phrase, at) || !phraseGuardsPass(norm, at, phrase)) continue;
    let end = at + phrase.length;
    let specificity = phrase.length;
    let negated: boolean;
    let intensified = false;
    if (rest.length === 0) {
      if (!isWholeWord(norm, at, end)) continue;
      negated = isNegatedAt(norm, at, 0);
    } else {
      const done = completeParts(norm, rest, 0, end);
      if (!done || !isWholeWord(norm, at, done.end)) continue;
      end = done.end;
      specificity = end - at - done.gapChars;
      // In 快递一点都不慢 the negation sits in the last gap, just before the cue's last part.
      negated = done.lastGapFrom >= 0 ? isNegatedAt(norm, done.lastGapTo, done.lastGapFrom) : isNegatedAt(norm, at, 0);
      intensified = done.gapIntensified;
    }
    info.seenAt = now; // first parts come longest first: this cue keeps its longest match found here
    hits.push({
      cause: info.cause,
      weight: info.weight,
      start: at,
      end,
      specificity,
      negated,
      intensified: intensified || hasIntensifier(norm, windowBefore(norm, at), at),
      cue: info.source,
    });
  }
}

function tryRegexes(list: RegexCue[], norm: string, at: number, now: number, hits: CueHit[]): void {
  for (const cue of list) {
    if (cue.info.seenAt === now) continue;
    cue.info.seenAt = now;
    tryRegex(cue, norm, at, hits);
  }
}

function tryRegex(cue: RegexCue, norm: string, at: number, hits: CueHit[]): void {
  cue.re.lastIndex = at;
  const m = cue.re.exec(norm);
  if (!m || m[0].length === 0) return;
  const start = at;
  const end = at + m[0].length;
  if (!isWholeWord(norm, start, end)) return;

  let gapChars = 0;
  let negated: boolean;
  let intensified = hasIntensifier(norm, windowBefore(norm, start), start);
  const lastGap = cue.hasGap ? m.indices?.[m.length - 1] : undefined;
  if (lastGap) {
    for (let g = 1; g < m.length; g++) gapChars += m[g]?.length ?? 0;
    const [gapFrom, gapTo] = lastGap;
    negated = isNegatedAt(norm, gapTo, gapFrom);
    intensified ||= hasIntensifier(norm, gapFrom, gapTo);
  } else {
    negated = isNegatedAt(norm, start, 0);
  }
  hits.push({
    cause: cue.info.cause,
    weight: cue.info.weight,
    start,
    end,
    specificity: end - start - gapChars,
    negated,
    intensified,
    cue: cue.info.source,
  });
}

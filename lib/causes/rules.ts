/**
 * The rule-based half of the cause classifier: cue hits from the lexicon, summed into evidence per cause,
 * and the lexicon's own choice of the main cause. ./classify.ts blends this with the learned model; the
 * rules alone stay available as the baseline (`npm run eval:causes -- FILE --lexicon-only`).
 */
import { compileLexicon, findHits, INTENSITY_BOOST, type CueHit, type Matcher } from './matcher';
import type { CauseCode } from './taxonomy';

export interface CauseScore {
  code: CauseCode;
  /**
   * Evidence for this cause: the weight of its strongest cue plus half the weight of each further cue
   * (intensified cues count 1.3 times). Roughly 1 = a hint, 3 = named outright, 5+ = decisive.
   * 0 means nothing was found and the cause is the fallback guess.
   */
  score: number;
  /** The review's own words that triggered this cause, in reading order. */
  triggers: string[];
  /** Where in the review the first of them starts (the order in which the buyer raises each cause). */
  at: number;
}

export interface LexiconResult {
  primary: CauseCode;
  /** Causes worth showing, the lexicon's main cause first; never empty. */
  causes: CauseScore[];
  /** Every cause with any evidence, in the lexicon's order of preference (empty when nothing was found). */
  ranked: CauseScore[];
}

/**
 * When two causes score the same, the one earlier here wins: the more concrete and the more actionable
 * for the shop first, the vaguer last.
 */
const TIE_ORDER: readonly CauseCode[] = [
  'malicious',
  'logistics_damage',
  'fulfillment_error',
  'not_as_described',
  'quality',
  'after_sales',
  'service_attitude',
  'service_response',
  'logistics_delay',
  'price_value',
  'other',
  'subjective',
];

/** Extortion, competitors and abuse outrank every other complaint once clearly present. */
const MALICIOUS_FLOOR = 5;
/**
 * Vague dislike counts for less once a concrete problem is named: "失望, 不会再买" next to 质量差 is the
 * consequence of the defect, not a separate main cause.
 */
const SUBJECTIVE_DISCOUNT = 0.75;
/** A concrete cause must reach this much evidence to discount the subjective one. */
const CONCRETE_FLOOR = 2;
/** Share of each further cue's weight added to a cause's strongest cue. */
const REPEAT_FACTOR = 0.5;
/** Causes with less evidence than this are dropped from the list unless they are the only ones. */
export const MIN_SECONDARY = 1.5;

const COURIER = /快递员|送货员|配送员|快递小哥|快递哥|派件员|送货师傅|快递公司/;
/** The delivery side: carriers, couriers and pick-up points. */
const DELIVERY = /快递|物流|送货|配送|派送|派件|提货点|自提点|取货点|驿站/;
const SHOP_STAFF = /客服|卖家|商家|店家|掌柜|老板|店主|店员|售后/;

let matcher: Matcher | undefined;
function getMatcher(): Matcher {
  matcher ??= compileLexicon();
  return matcher;
}

/**
 * One clear cue identifies a cause; more cues for the same cause add evidence with diminishing weight,
 * so a review that lists five small faults does not drown the one thing the buyer is angriest about.
 */
function combine(weights: number[]): number {
  const sorted = [...weights].sort((a, b) => b - a);
  return sorted.reduce((sum, w, i) => sum + (i === 0 ? w : w * REPEAT_FACTOR), 0);
}

/** Keeps the most specific hit wherever cue hits overlap; negated hits still claim their span. */
function resolveOverlaps(hits: CueHit[]): CueHit[] {
  const ordered = [...hits].sort(
    (a, b) => b.specificity - a.specificity || b.weight - a.weight || a.start - b.start,
  );
  const taken: CueHit[] = [];
  for (const hit of ordered) {
    if (taken.some((t) => hit.start < t.end && t.start < hit.end)) continue;
    taken.push(hit);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Every cue hit in the text, negated ones included (see ./matcher.ts). */
export function lexiconHits(text: string): CueHit[] {
  return findHits(text, getMatcher());
}

/**
 * The lexicon's verdict on a review. `hits` may be given (a subset of lexiconHits(text)) to see what the
 * lexicon would say without some of its cues: training uses that to mimic reviews no cue was written from.
 */
export function classifyByLexicon(text: string, allHits: CueHit[] = lexiconHits(text)): LexiconResult {
  const hits = resolveOverlaps(allHits);
  const found = new Map<CauseCode, { weights: number[]; triggers: string[]; at: number }>();
  for (const hit of hits) {
    if (hit.negated || hit.weight === 0) continue;
    const entry = found.get(hit.cause) ?? { weights: [], triggers: [], at: hit.start };
    entry.weights.push(hit.weight * (hit.intensified ? INTENSITY_BOOST : 1));
    const words = text.slice(hit.start, hit.end);
    if (!entry.triggers.includes(words)) entry.triggers.push(words);
    found.set(hit.cause, entry);
  }
  // Rudeness from the courier, or a courier or pick-up point that cannot be reached, belongs to the
  // delivery, not to the shop's service.
  for (const [cause, who] of [['service_attitude', COURIER], ['service_response', DELIVERY]] as const) {
    const service = found.get(cause);
    if (!service || !who.test(text) || SHOP_STAFF.test(text)) continue;
    const delivery = found.get('logistics_delay') ?? { weights: [], triggers: [], at: service.at };
    delivery.at = Math.min(delivery.at, service.at);
    delivery.weights.push(...service.weights);
    delivery.triggers.push(...service.triggers.filter((t) => !delivery.triggers.includes(t)));
    found.set('logistics_delay', delivery);
    found.delete(cause);
  }
  const scores = new Map<CauseCode, CauseScore>();
  for (const [code, { weights, triggers, at }] of found) {
    scores.set(code, { code, score: combine(weights), triggers, at });
  }

  if (scores.size === 0) {
    return { primary: 'subjective', causes: [{ code: 'subjective', score: 0, triggers: [], at: 0 }], ranked: [] };
  }

  const all = [...scores.values()].map((c) => ({ ...c, score: Math.round(c.score * 100) / 100 }));
  const concreteBest = Math.max(
    0,
    ...all.filter((c) => c.code !== 'subjective' && c.code !== 'other').map((c) => c.score),
  );
  const rank = (c: CauseScore): number => {
    if (c.code === 'malicious' && c.score >= MALICIOUS_FLOOR) return Number.POSITIVE_INFINITY;
    if (c.code === 'subjective' && concreteBest >= CONCRETE_FLOOR) return c.score * SUBJECTIVE_DISCOUNT;
    return c.score;
  };
  all.sort((a, b) => rank(b) - rank(a) || TIE_ORDER.indexOf(a.code) - TIE_ORDER.indexOf(b.code));

  const [first, ...rest] = all;
  if (!first) throw new Error('unreachable: at least one cause scored');
  const causes = [first, ...rest.filter((c) => c.score >= MIN_SECONDARY)];
  return { primary: first.code, causes, ranked: all };
}

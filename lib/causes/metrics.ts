/**
 * Evaluation maths for the cause classifier: pure functions over (gold, predicted) pairs of labels.
 */

export interface LabelledPrediction<L extends string = string> {
  /** The annotators' primary cause. */
  gold: L;
  /** Every cause the annotators found (contains gold). */
  goldSet: readonly L[];
  /** The classifier's primary cause. */
  predicted: L;
  /** Its second most likely cause (the second one-click chip), when known. */
  second?: L;
}

export interface ClassStats {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** How many items have this gold label. */
  support: number;
  /** How many items were predicted with this label. */
  predicted: number;
}

export interface Confusion {
  gold: string;
  predicted: string;
  count: number;
}

export interface EvalReport {
  n: number;
  /** Share of items whose predicted primary is among the labelled causes. */
  inLabelledRate: number;
  /** Share of items whose predicted primary equals the labelled primary. */
  accuracy: number;
  /**
   * Share of items where the primary or the second most likely cause is among the labelled causes: right after at
   * most one click on the chips. Equals inLabelledRate when no item knows its second cause.
   */
  top2Rate: number;
  /** Mean F1 of the primary cause over the classes present in the gold primaries. */
  macroF1: number;
  perClass: ClassStats[];
  /** Commonest gold → predicted mistakes, most frequent first. */
  confusions: Confusion[];
}

const safeDiv = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function f1Score(precision: number, recall: number): number {
  return safeDiv(2 * precision * recall, precision + recall);
}

/** Per-class precision, recall and F1 for every class among gold labels, sorted by support (largest first). */
export function perClassStats<L extends string>(items: readonly LabelledPrediction<L>[]): ClassStats[] {
  const labels = new Set(items.map((i) => i.gold));
  const stats: ClassStats[] = [];
  for (const label of labels) {
    let tp = 0;
    let predicted = 0;
    let support = 0;
    for (const item of items) {
      if (item.predicted === label) predicted++;
      if (item.gold === label) support++;
      if (item.predicted === label && item.gold === label) tp++;
    }
    const precision = safeDiv(tp, predicted);
    const recall = safeDiv(tp, support);
    stats.push({ label, precision, recall, f1: f1Score(precision, recall), support, predicted });
  }
  return stats.sort((a, b) => b.support - a.support || a.label.localeCompare(b.label));
}

export function macroF1(stats: readonly ClassStats[]): number {
  return safeDiv(
    stats.reduce((sum, s) => sum + s.f1, 0),
    stats.length,
  );
}

export function topConfusions<L extends string>(items: readonly LabelledPrediction<L>[], limit = 10): Confusion[] {
  const counts = new Map<string, Confusion>();
  for (const item of items) {
    if (item.gold === item.predicted) continue;
    const key = `${item.gold}\u0000${item.predicted}`;
    const entry = counts.get(key) ?? { gold: item.gold, predicted: item.predicted, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold) || a.predicted.localeCompare(b.predicted))
    .slice(0, limit);
}

export function evaluate<L extends string>(items: readonly LabelledPrediction<L>[], confusionLimit = 10): EvalReport {
  const n = items.length;
  const inLabelled = items.filter((i) => i.goldSet.includes(i.predicted) || i.gold === i.predicted).length;
  const exact = items.filter((i) => i.gold === i.predicted).length;
  const inLabels = (i: LabelledPrediction<L>, l: L | undefined) => l !== undefined && (i.goldSet.includes(l) || i.gold === l);
  const top2 = items.filter((i) => inLabels(i, i.predicted) || inLabels(i, i.second)).length;
  const perClass = perClassStats(items);
  return {
    n,
    inLabelledRate: safeDiv(inLabelled, n),
    accuracy: safeDiv(exact, n),
    top2Rate: safeDiv(top2, n),
    macroF1: macroF1(perClass),
    perClass,
    confusions: topConfusions(items, confusionLimit),
  };
}

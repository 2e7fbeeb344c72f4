import { CAUSE_CODES } from '../causes/taxonomy';
import type { CaseFact, CauseKey } from './facts';
import { dayIndex, daysOf, type PeriodRange } from './period';
import { Tally } from './tally';
import { entry } from './stats';

export interface CauseRow {
  key: CauseKey;
  count: Tally;
  negative: Tally;
  neutral: Tally;
}

export interface ProductCause {
  key: CauseKey;
  count: Tally;
  /** The words that most often triggered this cause on this product, most frequent first (what to fix). */
  words: Array<{ word: string; n: number }>;
}

export interface ProductRow {
  /** Item id, else title; '' for cases whose product is unknown. */
  key: string;
  title: string;
  link: string | null;
  total: Tally;
  causes: ProductCause[];
}

export interface CauseFigures {
  total: Tally;
  /** One row per main cause that occurs, most frequent first; shares are count / total. */
  rows: CauseRow[];
  /** Cases per day of the period, per main cause (same order as rows). */
  trend: Array<{ key: CauseKey; perDay: Tally[] }>;
  /** The products with the most cases, most first. */
  products: ProductRow[];
  /** How many products had cases in the period (the table shows the first PRODUCTS_SHOWN). */
  productCount: number;
}

export const PRODUCTS_SHOWN = 15;
export const WORDS_SHOWN = 5;

const ORDER: CauseKey[] = [...CAUSE_CODES, 'none'];
const byCountThenOrder = <T extends { key: CauseKey; count: Tally }>(a: T, b: T) => b.count.n - a.count.n || ORDER.indexOf(a.key) - ORDER.indexOf(b.key);

/**
 * Causes of the cases whose review falls in the period (each case counted once, under its main cause), their
 * trend by day, and the products that hurt the shop most with the words behind each cause.
 */
export function causeFigures(facts: CaseFact[], range: PeriodRange, products: Map<string, { title: string; link: string | null }>): CauseFigures {
  const total = new Tally();
  const rows = new Map<CauseKey, CauseRow>();
  const days = daysOf(range).length;
  const trend = new Map<CauseKey, Tally[]>();
  const perProduct = new Map<string, { total: Tally; causes: Map<CauseKey, { count: Tally; words: Map<string, number> }> }>();
  for (const f of facts) {
    const day = dayIndex(range, f.reviewAt);
    if (day < 0) continue;
    total.addCase(f.id);
    const row = entry(rows, f.cause, () => ({ key: f.cause, count: new Tally(), negative: new Tally(), neutral: new Tally() }));
    row.count.addCase(f.id);
    row[f.sentiment].addCase(f.id);
    entry(trend, f.cause, () => Array.from({ length: days }, () => new Tally()))[day]!.addCase(f.id);
    const product = entry(perProduct, f.itemKey ?? '', () => ({ total: new Tally(), causes: new Map() }));
    product.total.addCase(f.id);
    const pc = entry(product.causes, f.cause, () => ({ count: new Tally(), words: new Map<string, number>() }));
    pc.count.addCase(f.id);
    for (const word of f.triggers) pc.words.set(word, (pc.words.get(word) ?? 0) + 1);
  }
  const sortedRows = [...rows.values()].sort(byCountThenOrder);
  const productRows = [...perProduct.entries()]
    .sort(([ka, a], [kb, b]) => b.total.n - a.total.n || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .slice(0, PRODUCTS_SHOWN)
    .map(([key, p]): ProductRow => ({
      key,
      title: products.get(key)?.title ?? key,
      link: products.get(key)?.link ?? null,
      total: p.total,
      causes: [...p.causes.entries()].map(([ck, c]) => ({
        key: ck, count: c.count,
        words: [...c.words.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, WORDS_SHOWN).map(([word, n]) => ({ word, n })),
      })).sort(byCountThenOrder),
    }));
  return {
    total, rows: sortedRows, trend: sortedRows.map((r) => ({ key: r.key, perDay: trend.get(r.key)! })),
    products: productRows, productCount: perProduct.size,
  };
}

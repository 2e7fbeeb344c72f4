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

/** The counts before they are ordered and cut: filled from the cases, or added up from the days. */
export class CauseParts {
  readonly total = new Tally();
  readonly rows = new Map<CauseKey, CauseRow>();
  readonly trend = new Map<CauseKey, Tally[]>();
  readonly products = new Map<string, { total: Tally; causes: Map<CauseKey, { count: Tally; words: Map<string, number> }> }>();

  constructor(readonly days: number) {}

  row(cause: CauseKey): CauseRow {
    return entry(this.rows, cause, () => ({ key: cause, count: new Tally(), negative: new Tally(), neutral: new Tally() }));
  }

  day(cause: CauseKey, day: number): Tally {
    return entry(this.trend, cause, () => Array.from({ length: this.days }, () => new Tally()))[day]!;
  }

  product(key: string) {
    return entry(this.products, key, () => ({ total: new Tally(), causes: new Map() }));
  }

  productCause(key: string, cause: CauseKey) {
    return entry(this.product(key).causes, cause, () => ({ count: new Tally(), words: new Map<string, number>() }));
  }

  /** Ordered and cut: rows by count, the first products by cases with their causes and top words. */
  figures(): CauseFigures {
    const rows = [...this.rows.values()].filter((r) => r.count.n > 0).sort(byCountThenOrder);
    const products = [...this.products.entries()]
      .filter(([, p]) => p.total.n > 0)
      .sort(([ka, a], [kb, b]) => b.total.n - a.total.n || (ka < kb ? -1 : ka > kb ? 1 : 0));
    return {
      total: this.total,
      rows,
      trend: rows.map((r) => ({ key: r.key, perDay: this.trend.get(r.key) ?? Array.from({ length: this.days }, () => new Tally()) })),
      productCount: products.length,
      products: products.slice(0, PRODUCTS_SHOWN).map(([key, p]): ProductRow => ({
        key, title: key, link: null, total: p.total,
        causes: [...p.causes.entries()].filter(([, c]) => c.count.n > 0).map(([ck, c]) => ({
          key: ck, count: c.count,
          words: [...c.words.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, WORDS_SHOWN).map(([word, n]) => ({ word, n })),
        })).sort(byCountThenOrder),
      })),
    };
  }
}

/**
 * Causes of the cases whose review falls in the period (each case counted once, under its main cause), their
 * trend by day, and the products that hurt the shop most with the words behind each cause.
 */
export function causeParts(facts: CaseFact[], range: PeriodRange): CauseParts {
  const parts = new CauseParts(daysOf(range).length);
  for (const f of facts) {
    const day = dayIndex(range, f.reviewAt);
    if (day < 0) continue;
    parts.total.addCase(f.id);
    const row = parts.row(f.cause);
    row.count.addCase(f.id);
    row[f.sentiment].addCase(f.id);
    parts.day(f.cause, day).addCase(f.id);
    const item = f.itemKey ?? '';
    parts.product(item).total.addCase(f.id);
    const pc = parts.productCause(item, f.cause);
    pc.count.addCase(f.id);
    for (const word of f.triggers) pc.words.set(word, (pc.words.get(word) ?? 0) + 1);
  }
  return parts;
}

export function causeFigures(facts: CaseFact[], range: PeriodRange): CauseFigures {
  return causeParts(facts, range).figures();
}

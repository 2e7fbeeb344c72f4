/**
 * A number on the dashboard together with the cases behind it. The background keeps the cases (so that a click on
 * the number can open the queue on exactly them); the page only ever receives the number (`counted`).
 */
export class Tally {
  /** How many things were counted: cases, or calls or promises, which may be several per case. */
  n = 0;
  readonly ids = new Set<string>();
  /** For a figure counted on an index (20,000 open cases): its cases are read only when someone clicks it. */
  private later?: () => Promise<string[]>;

  /** A figure whose count came from an index, with the way to read its cases when they are asked for. */
  static counted(n: number, caseIds: () => Promise<string[]>): Tally {
    const t = new Tally();
    t.n = n;
    t.later = caseIds;
    return t;
  }

  /**
   * Whether this Tally can name its cases: counted on an index (read on a click), or added case by case. A figure
   * added up from the daily aggregate has only its number: its cases are counted again from the facts.
   */
  get knowsCases(): boolean {
    return this.later !== undefined || this.ids.size > 0 || this.n === 0;
  }

  /** The cases behind the figure. */
  async caseIds(): Promise<string[]> {
    return this.later ? this.later() : [...this.ids];
  }

  add(caseId: string): this {
    this.n++;
    this.ids.add(caseId);
    return this;
  }

  /** Counts a case once however often it is added (for figures that count cases, not acts). */
  addCase(caseId: string): this {
    if (!this.ids.has(caseId)) this.add(caseId);
    return this;
  }
}

/** The same structure with every Tally replaced by its number: what the page receives. */
export type Counted<T> = T extends Tally ? number
  : T extends ReadonlyArray<infer U> ? Array<Counted<U>>
  : T extends object ? { [K in keyof T]: Counted<T[K]> }
  : T;

export function counted<T>(value: T): Counted<T> {
  if (value instanceof Tally) return value.n as Counted<T>;
  if (Array.isArray(value)) return value.map((v) => counted(v)) as Counted<T>;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, counted(v)])) as Counted<T>;
  }
  return value as Counted<T>;
}

/** One step of a path to a figure: an object's field, a row's `key`, or a position in a list of days. */
export type PathStep = string | number;

/**
 * The Tally at `path`, or null. Rows are found by their `key` (not their position), so a path the page took from
 * one computation still names the same row in a later one.
 */
export function tallyAt(root: unknown, path: PathStep[]): Tally | null {
  let node: unknown = root;
  for (const step of path) {
    if (Array.isArray(node)) {
      node = typeof step === 'number' ? node[step] : node.find((row: unknown) => (row as { key?: unknown } | null)?.key === step);
    } else if (node && typeof node === 'object' && typeof step === 'string' && Object.hasOwn(node, step)) {
      node = (node as Record<string, unknown>)[step];
    } else {
      return null;
    }
  }
  return node instanceof Tally ? node : null;
}

/**
 * npm run eval:causes -- FILE [--lines A-B] [--errors] [--lexicon-only]
 * npm run eval:causes -- FILE --cv K [--seeds S] [--subset A-B] [--lexicon-only] [--opt KEY=VALUE ...]
 * Scores the cause classifier against a labelled JSON Lines file ({id, category, text, primary, causes}).
 * Prints n, the share of predicted primaries among the labelled causes, primary accuracy, macro-F1 of the
 * primary cause, per-class precision/recall/F1/support and the commonest mistakes; the last line is a JSON
 * object with the same figures.
 *   --lines A-B     only use lines A..B of the file (1-based, inclusive)
 *   --errors        also list every review whose primary was missed, with the triggers found
 *   --lexicon-only  score the cue lexicon's own choice (the baseline) instead of the blended classifier
 * Without --cv the shipped model is scored; when FILE is its training file that figure is optimistic.
 * With --cv K the honest estimate: K-fold cross-validation, the model trained on K−1 folds and scored on
 * the held-out fold, repeated over S shuffles (seeds 1..S, default 5); it reports the mean and the minimum
 * over shuffles of the primary-in-labelled rate and the macro-F1 (each shuffle's out-of-fold predictions
 * scored together).
 *   --subset A-B    also score the out-of-fold predictions of lines A..B alone (e.g. lines no cue was
 *                   written from: the lexicon is not retrained per fold)
 *   --opt KEY=VALUE override a training option (see DEFAULT_TRAIN_OPTIONS in lib/causes/train.ts)
 */
import { readFile } from 'node:fs/promises';
import { classifyCauses, type CauseResult } from '../lib/causes/classify';
import { crossValidate, type CvReport, type Spread } from '../lib/causes/cv';
import { LabelledLineSchema, parseJsonLines, type LabelledLine } from '../lib/causes/jsonl';
import { evaluate, type EvalReport, type LabelledPrediction } from '../lib/causes/metrics';
import type { TrainOptions } from '../lib/causes/model';
import { classifyByLexicon } from '../lib/causes/rules';
import type { CauseCode } from '../lib/causes/taxonomy';
import { DEFAULT_TRAIN_OPTIONS } from '../lib/causes/train';

interface Options {
  file: string;
  from: number;
  to: number;
  errors: boolean;
  lexiconOnly: boolean;
  cv?: number;
  seeds: number;
  subset?: { from: number; to: number };
  train: Partial<TrainOptions>;
}

const USAGE =
  'usage: npm run eval:causes -- FILE [--lines A-B] [--errors] [--lexicon-only] [--cv K [--seeds S] [--subset A-B] [--opt KEY=VALUE]]';

function parseRange(value: string | undefined): { from: number; to: number } | undefined {
  const m = /^(\d+)-(\d+)?$/.exec(value ?? '');
  if (!m) return undefined;
  return { from: Number(m[1]), to: m[2] ? Number(m[2]) : Number.POSITIVE_INFINITY };
}

function parseArgs(argv: string[]): Options | string {
  let file: string | undefined;
  let from = 1;
  let to = Number.POSITIVE_INFINITY;
  let errors = false;
  let lexiconOnly = false;
  let cv: number | undefined;
  let seeds = 5;
  let subset: Options['subset'];
  const train: Record<string, number | string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--errors') errors = true;
    else if (arg === '--lexicon-only') lexiconOnly = true;
    else if (arg === '--lines') {
      const range = parseRange(argv[++i]);
      if (!range) return '--lines needs a range such as 1-150 or 151-';
      ({ from, to } = range);
    } else if (arg === '--subset') {
      subset = parseRange(argv[++i]);
      if (!subset) return '--subset needs a range such as 226-300';
    } else if (arg === '--cv' || arg === '--seeds') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < (arg === '--cv' ? 2 : 1)) return `${arg} needs a whole number${arg === '--cv' ? ' of at least 2' : ''}`;
      if (arg === '--cv') cv = n;
      else seeds = n;
    } else if (arg === '--opt') {
      const m = /^(\w+)=(.+)$/.exec(argv[++i] ?? '');
      if (!m || !(m[1]! in DEFAULT_TRAIN_OPTIONS)) return `--opt needs KEY=VALUE with KEY one of ${Object.keys(DEFAULT_TRAIN_OPTIONS).join(', ')}`;
      const num = Number(m[2]);
      train[m[1]!] = Number.isFinite(num) ? num : m[2]!;
    } else if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`;
    else file = arg;
  }
  if (!file) return USAGE;
  return { file, from, to, errors, lexiconOnly, cv, seeds, subset, train: train as Partial<TrainOptions> };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const fix = (x: number): string => x.toFixed(3);

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  if (typeof opts === 'string') {
    process.stderr.write(`eval-causes: ${opts}\n`);
    return 2;
  }
  const content = opts.file === '-' ? await readStdin() : await readFile(opts.file, 'utf8');

  let bad = 0;
  const rows: LabelledLine[] = [];
  const lines: number[] = [];
  for (const row of parseJsonLines(content, LabelledLineSchema)) {
    if (row.line < opts.from || row.line > opts.to) continue;
    if (!row.ok) {
      bad++;
      process.stderr.write(`eval-causes: ${opts.file}:${row.line}: skipped, ${row.error}\n`);
      continue;
    }
    rows.push(row.value);
    lines.push(row.line);
  }

  if (opts.cv !== undefined) return runCv(opts, rows, lines, bad);

  const classify = (text: string): CauseResult | ReturnType<typeof classifyByLexicon> =>
    opts.lexiconOnly ? classifyByLexicon(text) : classifyCauses(text);
  const items: LabelledPrediction<CauseCode>[] = [];
  const compileStart = performance.now();
  classify(''); // the first call compiles the lexicon and loads the model
  const compileMs = performance.now() - compileStart;
  const started = performance.now();
  const results = rows.map((r) => classify(r.text));
  const elapsed = performance.now() - started;
  // Warm: a page of 1,000 reviews (the file's texts in turn) after a few passes to let the JIT settle.
  const page = rows.length > 0 ? Array.from({ length: 1000 }, (_, i) => rows[i % rows.length]!.text) : [];
  for (let pass = 0; pass < 3; pass++) for (const text of page) classify(text);
  const warmStart = performance.now();
  for (const text of page) classify(text);
  const warmMs = performance.now() - warmStart;
  rows.forEach((r, i) => {
    const result = results[i];
    if (result) items.push({ gold: r.primary, goldSet: r.causes, predicted: result.primary });
  });
  const report = evaluate(items);

  const out: string[] = [];
  out.push(`file: ${opts.file}${rangeNote(opts)}`);
  out.push(`classifier: ${opts.lexiconOnly ? 'lexicon only' : 'lexicon + learned model (shipped lib/causes/model.json)'}`);
  out.push(`n: ${report.n}`);
  out.push(`primary in labelled causes: ${pct(report.inLabelledRate)}`);
  out.push(`primary accuracy: ${pct(report.accuracy)}`);
  out.push(`primary macro-F1: ${fix(report.macroF1)} (over ${report.perClass.length} classes present)`);
  out.push(
    `time: compiled and loaded in ${compileMs.toFixed(1)} ms, ${rows.length} reviews classified in ${elapsed.toFixed(1)} ms (first run, cold); 1,000 reviews in ${warmMs.toFixed(1)} ms warm`,
  );
  out.push(...reportTable(report));

  if (opts.errors) {
    out.push('');
    out.push('missed primaries:');
    rows.forEach((r, i) => {
      const result = results[i];
      if (!result || result.primary === r.primary) return;
      const found = result.causes
        .map((c) => `${c.code}:${c.score}${'probability' in c ? ` p=${c.probability}` : ''}[${c.triggers.join('/')}]`)
        .join(' ');
      out.push(`  ${r.id} gold=${r.primary} (${r.causes.join(',')}) got=${result.primary} | ${found} | ${r.text}`);
    });
  }

  out.push('');
  out.push(
    JSON.stringify({
      n: report.n,
      inLabelledRate: round(report.inLabelledRate),
      accuracy: round(report.accuracy),
      macroF1: round(report.macroF1),
      perClass: report.perClass.map((s) => ({
        label: s.label,
        precision: round(s.precision),
        recall: round(s.recall),
        f1: round(s.f1),
        support: s.support,
      })),
      confusions: report.confusions,
      badLines: bad,
    }),
  );
  process.stdout.write(out.join('\n') + '\n');
  return bad > 0 ? 1 : 0;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

function rangeNote(opts: Options): string {
  return opts.from > 1 || Number.isFinite(opts.to) ? ` (lines ${opts.from}-${Number.isFinite(opts.to) ? opts.to : 'end'})` : '';
}

function reportTable(report: EvalReport): string[] {
  const out: string[] = [''];
  out.push('class               precision  recall     f1  support  predicted');
  for (const s of report.perClass) {
    out.push(
      `${s.label.padEnd(18)} ${fix(s.precision).padStart(10)} ${fix(s.recall).padStart(7)} ${fix(s.f1).padStart(6)} ${String(s.support).padStart(8)} ${String(s.predicted).padStart(10)}`,
    );
  }
  out.push('');
  out.push('commonest mistakes (labelled → predicted):');
  if (report.confusions.length === 0) out.push('  none');
  for (const c of report.confusions) out.push(`  ${String(c.count).padStart(3)}  ${c.gold} → ${c.predicted}`);
  return out;
}

const spreadText = (s: Spread, asPct: boolean): string => {
  const f = asPct ? pct : fix;
  return `mean ${f(s.mean)}, min ${f(s.min)}, max ${f(s.max)}`;
};
const roundSpread = (s: Spread): Spread => ({ mean: round(s.mean), min: round(s.min), max: round(s.max) });

function runCv(opts: Options, rows: LabelledLine[], lines: number[], bad: number): number {
  const k = opts.cv!;
  if (k > rows.length) {
    process.stderr.write(`eval-causes: --cv ${k} needs at least ${k} labelled reviews, the file has ${rows.length}\n`);
    return 2;
  }
  const started = performance.now();
  const report: CvReport = crossValidate(
    rows.map((r, i) => ({ text: r.text, primary: r.primary, causes: r.causes, line: lines[i]! })),
    { folds: k, seeds: opts.seeds, train: opts.train, subset: opts.subset, lexiconOnly: opts.lexiconOnly },
  );
  const seconds = (performance.now() - started) / 1000;
  const out: string[] = [];
  out.push(`file: ${opts.file}${rangeNote(opts)}`);
  out.push(`classifier: ${opts.lexiconOnly ? 'lexicon only (nothing trained: every shuffle scores the same)' : 'lexicon + learned model, retrained on each training fold'}`);
  const changed = Object.entries(opts.train).map(([key, v]) => `${key}=${v}`);
  if (changed.length > 0) out.push(`training options changed: ${changed.join(', ')}`);
  out.push(`cross-validation: ${k}-fold, ${opts.seeds} shuffle(s), n=${report.n}, ${seconds.toFixed(1)} s`);
  out.push(`primary in labelled causes: ${spreadText(report.inLabelled, true)}`);
  out.push(`primary macro-F1:           ${spreadText(report.macroF1, false)}`);
  out.push(`primary accuracy:           ${spreadText(report.accuracy, true)}`);
  if (report.subset && opts.subset) {
    out.push(`lines ${opts.subset.from}-${Number.isFinite(opts.subset.to) ? opts.subset.to : 'end'} alone (n=${report.subset.n}):`);
    out.push(`  primary in labelled causes: ${spreadText(report.subset.inLabelled, true)}`);
    out.push(`  primary macro-F1:           ${spreadText(report.subset.macroF1, false)}`);
    out.push(`  primary accuracy:           ${spreadText(report.subset.accuracy, true)}`);
  }
  out.push('');
  out.push('per shuffle (seed: in-labelled, macro-F1):');
  for (const r of report.runs) out.push(`  ${r.seed}: ${pct(r.all.inLabelledRate)}, ${fix(r.all.macroF1)}`);
  const first = report.runs[0];
  if (first) {
    out.push('');
    out.push(`out-of-fold detail, shuffle ${first.seed}:`);
    out.push(...reportTable(first.all));
  }
  if (opts.errors && first) {
    out.push('');
    out.push(`missed primaries (out-of-fold, shuffle ${first.seed}):`);
    rows.forEach((r, i) => {
      const got = first.predicted[i];
      if (got !== r.primary) out.push(`  ${r.id} gold=${r.primary} (${r.causes.join(',')}) got=${got} | ${r.text}`);
    });
  }
  out.push('');
  out.push(
    JSON.stringify({
      cv: { folds: k, seeds: opts.seeds, n: report.n, train: { ...DEFAULT_TRAIN_OPTIONS, ...opts.train }, lexiconOnly: opts.lexiconOnly },
      inLabelledRate: roundSpread(report.inLabelled),
      macroF1: roundSpread(report.macroF1),
      accuracy: roundSpread(report.accuracy),
      ...(report.subset ? {
        subset: {
          ...opts.subset,
          n: report.subset.n,
          inLabelledRate: roundSpread(report.subset.inLabelled),
          macroF1: roundSpread(report.subset.macroF1),
          accuracy: roundSpread(report.subset.accuracy),
        },
      } : {}),
      badLines: bad,
    }),
  );
  process.stdout.write(out.join('\n') + '\n');
  return bad > 0 ? 1 : 0;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`eval-causes: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 2;
  },
);

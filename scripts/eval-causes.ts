/**
 * npm run eval:causes -- FILE [FILE...] [--lines A-B] [--subset SPEC ...] [--errors] [--lexicon-only] [--model PATH]
 * npm run eval:causes -- FILE [FILE...] --cv K [--seeds S] [--subset SPEC ...] [--strict-cues N] [--errors] [--lexicon-only] [--opt KEY=VALUE ...]
 * Scores the cause classifier against labelled JSON Lines files ({id, category, text, primary, causes}; `-`
 * reads standard input). Prints n, top-1 (the predicted main cause is among the labelled causes), top-2 (the
 * main cause or the second chip is: right after at most one click), primary accuracy, macro-F1 of the main
 * cause, per-class precision/recall/F1/support and the commonest mistakes; the last line is a JSON object with
 * the same figures (inLabelledRate is top-1, top2Rate top-2). On files it was never trained on (the
 * causes-fresh-* files) these are the figures for unseen reviews.
 *   --lines A-B     only use lines A..B of the file (1-based, inclusive; one file only)
 *   --subset SPEC   also score these reviews alone (repeatable). SPEC is A-B (lines of the first file),
 *                   FILE (every line of that file, named as given or by its base name) or FILE:A-B
 *   --errors        also list every review whose primary was missed, with the triggers found
 *   --lexicon-only  score the cue lexicon's own choice (the baseline) instead of the blended classifier
 *   --model PATH    score this model file instead of the shipped lib/causes/model.json
 * Without --cv the shipped model is scored; on its own training files that figure is optimistic.
 * With --cv K the honest estimate: K-fold cross-validation over the reviews of all files together, the model
 * trained on K−1 folds and scored on the held-out fold, repeated over S shuffles (seeds 1..S, default 5); it
 * reports the mean and the minimum over shuffles of the primary-in-labelled rate and the macro-F1 (each
 * shuffle's out-of-fold predictions scored together), for all reviews and for each subset.
 *   --opt KEY=VALUE override a training option (see DEFAULT_TRAIN_OPTIONS in lib/causes/train.ts)
 *   --strict-cues N score each review without the cues that fire in fewer than N other labelled reviews (of
 *                   all files): a cue that fits one review only was likely written from it, and says little
 *                   about new reviews. A stricter estimate for reviews the lexicon's author has read.
 * The lexicon is not retrained per fold: reviews its cues were written from still flatter it; subsets of
 * reviews no cue was written from are the closest thing to new reviews.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { classifyCauses, classifyWith, type CauseResult } from '../lib/causes/classify';
import { crossValidate, inSubset, type CvReport, type Spread, type SubsetSpec } from '../lib/causes/cv';
import { readLabelledFiles, type SourcedLine } from '../lib/causes/labelled-files';
import { evaluate, type EvalReport, type LabelledPrediction } from '../lib/causes/metrics';
import { asCauseModel, type TrainOptions } from '../lib/causes/model';
import { classifyByLexicon } from '../lib/causes/rules';
import type { CauseCode } from '../lib/causes/taxonomy';
import { DEFAULT_TRAIN_OPTIONS } from '../lib/causes/train';
import { runMain } from './run-main';

const root = resolve(import.meta.dirname, '..');

interface Options {
  files: string[];
  from: number;
  to: number;
  errors: boolean;
  lexiconOnly: boolean;
  model?: string;
  cv?: number;
  seeds: number;
  subsets: string[];
  strictCues: number;
  train: Partial<TrainOptions>;
}

const USAGE =
  'usage: npm run eval:causes -- FILE [FILE...] [--lines A-B] [--subset SPEC] [--errors] [--lexicon-only] [--model PATH] [--cv K [--seeds S] [--opt KEY=VALUE]]';

function parseRange(value: string | undefined): { from: number; to: number } | undefined {
  const m = /^(\d+)-(\d+)?$/.exec(value ?? '');
  if (!m) return undefined;
  return { from: Number(m[1]), to: m[2] ? Number(m[2]) : Number.POSITIVE_INFINITY };
}

function parseArgs(argv: string[]): Options | string {
  const files: string[] = [];
  let from = 1;
  let to = Number.POSITIVE_INFINITY;
  let errors = false;
  let lexiconOnly = false;
  let model: string | undefined;
  let cv: number | undefined;
  let seeds = 5;
  const subsets: string[] = [];
  let strictCues = 0;
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
      const spec = argv[++i];
      if (!spec) return '--subset needs A-B, FILE or FILE:A-B';
      subsets.push(spec);
    } else if (arg === '--model') {
      model = argv[++i];
      if (!model) return '--model needs a path';
    } else if (arg === '--strict-cues') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) return '--strict-cues needs a whole number of at least 1';
      strictCues = n;
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
    else files.push(arg);
  }
  if (files.length === 0) return USAGE;
  if (files.filter((f) => f === '-').length > 1) return 'standard input (-) can be read once only';
  if ((from > 1 || Number.isFinite(to)) && files.length > 1) return '--lines works with one file only (use --subset FILE:A-B)';
  if (model && cv !== undefined) return '--model scores a trained model; --cv trains its own';
  if (strictCues > 0 && cv === undefined) return '--strict-cues works with --cv';
  return { files, from, to, errors, lexiconOnly, model, cv, seeds, subsets, strictCues, train: train as Partial<TrainOptions> };
}

/** Reads a subset spec against the files given: A-B, FILE or FILE:A-B. */
function parseSubset(spec: string, files: readonly string[]): SubsetSpec | string {
  const range = parseRange(spec);
  if (range) return { label: `${files[0]} lines ${rangeText(range.from, range.to)}`, file: 0, ...range };
  const m = /^(.*?)(?::(\d+-\d*))?$/.exec(spec)!;
  const name = m[1]!;
  const lines = m[2] ? parseRange(m[2]) : undefined;
  const matches = files
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f === name || basename(f) === name || (f !== '-' && resolve(f) === resolve(name)));
  if (matches.length !== 1) return `--subset ${spec}: ${matches.length === 0 ? 'names none' : 'names more than one'} of the files given`;
  const { f, i } = matches[0]!;
  return { label: lines ? `${f} lines ${rangeText(lines.from, lines.to)}` : f, file: i, ...(lines ?? {}) };
}

const rangeText = (from: number, to: number): string => `${from}-${Number.isFinite(to) ? to : 'end'}`;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const fix = (x: number): string => x.toFixed(3);
const round = (x: number): number => Math.round(x * 10000) / 10000;

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  if (typeof opts === 'string') {
    process.stderr.write(`eval-causes: ${opts}\n`);
    return 2;
  }
  const subsets: SubsetSpec[] = [];
  for (const spec of opts.subsets) {
    const parsed = parseSubset(spec, opts.files);
    if (typeof parsed === 'string') {
      process.stderr.write(`eval-causes: ${parsed}\n`);
      return 2;
    }
    subsets.push(parsed);
  }
  const contents = new Map<string, Buffer>();
  if (opts.files.includes('-')) contents.set('-', await readStdin());
  const read = readLabelledFiles(opts.files, root, contents);
  for (const b of read.bad) process.stderr.write(`eval-causes: ${b.file}:${b.line}: skipped, ${b.error}\n`);
  const rows = read.rows.filter((r) => r.line >= opts.from && r.line <= opts.to);
  const bad = read.bad.filter((b) => b.line >= opts.from && b.line <= opts.to).length;

  if (opts.cv !== undefined) return runCv(opts, rows, subsets, bad);

  const model = opts.model ? asCauseModel(JSON.parse(readFileSync(opts.model, 'utf8'))) : undefined;
  const classify = (text: string): CauseResult | ReturnType<typeof classifyByLexicon> =>
    opts.lexiconOnly ? classifyByLexicon(text) : model ? classifyWith(model, text) : classifyCauses(text);
  const compileStart = performance.now();
  classify(''); // the first call compiles the lexicon and loads the model
  const compileMs = performance.now() - compileStart;
  const started = performance.now();
  const results = rows.map((r) => classify(r.text));
  const elapsed = performance.now() - started;
  // Warm: a page of 1,000 reviews (the files' texts in turn) after a few passes to let the JIT settle.
  const page = rows.length > 0 ? Array.from({ length: 1000 }, (_, i) => rows[i % rows.length]!.text) : [];
  for (let pass = 0; pass < 3; pass++) for (const text of page) classify(text);
  const warmStart = performance.now();
  for (const text of page) classify(text);
  const warmMs = performance.now() - warmStart;
  const items: LabelledPrediction<CauseCode>[] = rows.map((r, i) => {
    const result = results[i]!;
    const second = 'chips' in result ? result.chips[1]?.code : result.ranked.find((c) => c.code !== result.primary)?.code;
    return { gold: r.primary, goldSet: r.causes, predicted: result.primary, second };
  });
  const report = evaluate(items);
  const subsetReports = subsets.map((s) => evaluate(items.filter((_, i) => inSubset(rows[i]!, s))));

  const out: string[] = [];
  out.push(`file${opts.files.length > 1 ? 's' : ''}: ${opts.files.join(', ')}${opts.from > 1 || Number.isFinite(opts.to) ? ` (lines ${rangeText(opts.from, opts.to)})` : ''}`);
  out.push(
    `classifier: ${opts.lexiconOnly ? 'lexicon only' : `lexicon + learned model (${opts.model ? opts.model : 'shipped lib/causes/model.json'})`}`,
  );
  out.push(`n: ${report.n}`);
  out.push(`primary in labelled causes: ${pct(report.inLabelledRate)}   (top-1)`);
  out.push(`either chip in labelled causes: ${pct(report.top2Rate)}   (top-2: right after at most one click)`);
  out.push(`primary accuracy: ${pct(report.accuracy)}`);
  out.push(`primary macro-F1: ${fix(report.macroF1)} (over ${report.perClass.length} classes present)`);
  out.push(
    `time: compiled and loaded in ${compileMs.toFixed(1)} ms, ${rows.length} reviews classified in ${elapsed.toFixed(1)} ms (first run, cold); 1,000 reviews in ${warmMs.toFixed(1)} ms warm`,
  );
  subsets.forEach((s, k) => {
    const r = subsetReports[k]!;
    out.push(`${s.label} alone (n=${r.n}): in labelled ${pct(r.inLabelledRate)}, top-2 ${pct(r.top2Rate)}, accuracy ${pct(r.accuracy)}, macro-F1 ${fix(r.macroF1)}`);
  });
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
      out.push(`  ${where(opts, r)}${r.id} gold=${r.primary} (${r.causes.join(',')}) got=${result.primary} | ${found} | ${r.text}`);
    });
  }

  out.push('');
  out.push(
    JSON.stringify({
      files: read.files.map((f) => f.file),
      ...summary(report),
      subsets: subsets.map((s, k) => ({ label: s.label, ...summary(subsetReports[k]!) })),
      badLines: bad,
    }),
  );
  process.stdout.write(out.join('\n') + '\n');
  return bad > 0 ? 1 : 0;
}

function summary(report: EvalReport) {
  return {
    n: report.n,
    inLabelledRate: round(report.inLabelledRate),
    top2Rate: round(report.top2Rate),
    accuracy: round(report.accuracy),
    macroF1: round(report.macroF1),
    perClass: report.perClass.map((s) => ({ label: s.label, precision: round(s.precision), recall: round(s.recall), f1: round(s.f1), support: s.support })),
    confusions: report.confusions,
  };
}

/** Where a review comes from, when several files are read. */
function where(opts: Options, r: SourcedLine): string {
  return opts.files.length > 1 ? `${basename(opts.files[r.file]!)}:${r.line} ` : '';
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

function runCv(opts: Options, rows: SourcedLine[], subsets: SubsetSpec[], bad: number): number {
  const k = opts.cv!;
  if (k > rows.length) {
    process.stderr.write(`eval-causes: --cv ${k} needs at least ${k} labelled reviews, the files have ${rows.length}\n`);
    return 2;
  }
  const started = performance.now();
  const report: CvReport = crossValidate(
    rows.map((r) => ({ text: r.text, primary: r.primary, causes: r.causes, line: r.line, file: r.file })),
    { folds: k, seeds: opts.seeds, train: opts.train, subsets, lexiconOnly: opts.lexiconOnly, strictCues: opts.strictCues },
  );
  const seconds = (performance.now() - started) / 1000;
  const out: string[] = [];
  out.push(`file${opts.files.length > 1 ? 's' : ''}: ${opts.files.join(', ')}${opts.from > 1 || Number.isFinite(opts.to) ? ` (lines ${rangeText(opts.from, opts.to)})` : ''}`);
  out.push(`classifier: ${opts.lexiconOnly ? 'lexicon only (nothing trained: every shuffle scores the same)' : 'lexicon + learned model, retrained on each training fold'}`);
  const changed = Object.entries(opts.train).map(([key, v]) => `${key}=${v}`);
  if (changed.length > 0) out.push(`training options changed: ${changed.join(', ')}`);
  if (opts.strictCues > 0) out.push(`strict cues: each review scored without the cues that fire in fewer than ${opts.strictCues} other labelled review(s)`);
  out.push(`cross-validation: ${k}-fold, ${opts.seeds} shuffle(s), n=${report.n}, ${seconds.toFixed(1)} s`);
  out.push(`primary in labelled causes: ${spreadText(report.inLabelled, true)}   (top-1)`);
  out.push(`either chip in labelled:    ${spreadText(report.top2, true)}   (top-2)`);
  out.push(`primary macro-F1:           ${spreadText(report.macroF1, false)}`);
  out.push(`primary accuracy:           ${spreadText(report.accuracy, true)}`);
  for (const s of report.subsets) {
    out.push(`${s.spec.label} alone (n=${s.n}):`);
    out.push(`  primary in labelled causes: ${spreadText(s.inLabelled, true)}`);
    out.push(`  either chip in labelled:    ${spreadText(s.top2, true)}`);
    out.push(`  primary macro-F1:           ${spreadText(s.macroF1, false)}`);
    out.push(`  primary accuracy:           ${spreadText(s.accuracy, true)}`);
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
      if (got !== r.primary) out.push(`  ${where(opts, r)}${r.id} gold=${r.primary} (${r.causes.join(',')}) got=${got} | ${r.text}`);
    });
  }
  out.push('');
  out.push(
    JSON.stringify({
      cv: { folds: k, seeds: opts.seeds, n: report.n, files: opts.files, train: { ...DEFAULT_TRAIN_OPTIONS, ...opts.train }, lexiconOnly: opts.lexiconOnly, strictCues: opts.strictCues },
      inLabelledRate: roundSpread(report.inLabelled),
      top2Rate: roundSpread(report.top2),
      macroF1: roundSpread(report.macroF1),
      accuracy: roundSpread(report.accuracy),
      subsets: report.subsets.map((s) => ({
        label: s.spec.label,
        file: s.spec.file ?? 0,
        from: s.spec.from ?? 1,
        to: s.spec.to !== undefined && Number.isFinite(s.spec.to) ? s.spec.to : null,
        n: s.n,
        inLabelledRate: roundSpread(s.inLabelled),
        top2Rate: roundSpread(s.top2),
        macroF1: roundSpread(s.macroF1),
        accuracy: roundSpread(s.accuracy),
      })),
      badLines: bad,
    }),
  );
  process.stdout.write(out.join('\n') + '\n');
  return bad > 0 ? 1 : 0;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

runMain('eval-causes', main);

/**
 * npm run bench:cause-learning -- [--seeds N] [--categories 衣服,水果,…|all] [--stream 200] [--held 0.2]
 *                                 [--corrections-only] [--no-learning-curve] [--no-timing]
 *
 * How the shop's cause model learns, with the extension's own learner (lib/causes/shop-learner.ts):
 *
 * Learning curve. A simulated shop sells one category. Its labelled reviews (every labelled file, that category) are
 * split by a seed: a fifth (at least 20) held apart for scoring, the rest a stream of at most --stream reviews in
 * seeded order. The shop starts from a model trained like the shipped one on the dev and extra files *without that
 * category* (so that no review of the shop was seen in training: a new shop's products and wording). For each review
 * of the stream the agent clicks the right main cause (the labelled primary): a correction when the model in use read
 * it differently, else a confirmation (--corrections-only: the agent only clicks when the model was wrong). The model
 * retrains after every 25 clicks, as in the browser. Reported: top-1 (main cause among the labelled causes) on the
 * held-apart reviews after 0, 50, 100 and 200 clicks (or all the stream when shorter), mean and minimum over seeds, and
 * top-2 (the first or second chip among the labelled causes) before and after the stream.
 * The causes-fresh-* files are used here as a shop's reviews, never for the shipped model.
 *
 * Retraining time. 2,000 labels (every labelled review once, then distinct joins of two reviews' clauses) trained as
 * the browser does, yielding to the event loop between steps: the first training on all 2,000 (nothing prepared,
 * as after a worker restart, a reset or a first import of the team's records), and a retraining after 25 more.
 * Reported: wall time, CPU time, and the longest stretch between two yields (how long the worker could not answer the
 * panel), median of three runs. Node's V8 stands in for the browser's.
 */
import { resolve } from 'node:path';
import { activeCauseModel, classifyActive, setShopCauseModel } from '../lib/causes/active-model';
import { readLabelledFiles, type SourcedLine } from '../lib/causes/labelled-files';
import { memoryArea } from '../lib/causes/learning-storage';
import { ShopLearner } from '../lib/causes/shop-learner';
import type { CauseCode } from '../lib/causes/taxonomy';
import { trainCauseModel, type TrainExample } from '../lib/causes/train';
import { seededRandom } from '../lib/random/seeded';
import { runMain } from './run-main';

const root = resolve(import.meta.dirname, '..');
const FILES = ['dev', 'extra', 'fresh-1', 'fresh-2', 'fresh-3', 'fresh-4', 'fresh-5'].map((f) => `tests/data/causes-${f}.jsonl`);
/** The files the shipped model is trained on (indexes into FILES). */
const BASE_FILES = new Set([0, 1]);
const CHECKPOINTS = [0, 50, 100, 200];
const DEFAULT_CATEGORIES = ['衣服', '水果', '洗发水', '平板'];

interface Options {
  seeds: number;
  categories: string[] | 'all';
  stream: number;
  held: number;
  correctionsOnly: boolean;
  curve: boolean;
  timing: boolean;
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { seeds: 5, categories: DEFAULT_CATEGORIES, stream: 200, held: 0.2, correctionsOnly: false, curve: true, timing: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const num = () => Number(argv[++i]);
    if (arg === '--seeds') o.seeds = num();
    else if (arg === '--stream') o.stream = num();
    else if (arg === '--held') o.held = num();
    else if (arg === '--categories') {
      const v = argv[++i] ?? '';
      o.categories = v === 'all' ? 'all' : v.split(',').filter(Boolean);
    } else if (arg === '--corrections-only') o.correctionsOnly = true;
    else if (arg === '--no-learning-curve') o.curve = false;
    else if (arg === '--no-timing') o.timing = false;
    else return `unknown option ${arg}`;
  }
  if (!Number.isInteger(o.seeds) || o.seeds < 1) return '--seeds needs a whole number of at least 1';
  if (!Number.isInteger(o.stream) || o.stream < 25) return '--stream needs a whole number of at least 25';
  if (!(o.held > 0 && o.held < 1)) return '--held needs a share between 0 and 1';
  return o;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Share of reviews whose main cause, as the model in use reads it, is among their labelled causes (top-1), and whose
 * first or second chip is (top-2: right after at most one click).
 */
function scores(rows: readonly SourcedLine[]): Score {
  let one = 0;
  let two = 0;
  const labelled = (r: SourcedLine, code: CauseCode | undefined) => code !== undefined && (code === r.primary || r.causes.includes(code));
  for (const r of rows) {
    const { ranked } = classifyActive(r.text);
    if (labelled(r, ranked[0])) one++;
    if (labelled(r, ranked[0]) || labelled(r, ranked[1])) two++;
  }
  return { top1: one / rows.length, top2: two / rows.length };
}

interface Score {
  top1: number;
  top2: number;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const asExample = (r: SourcedLine): TrainExample => ({ text: r.text, primary: r.primary, causes: r.causes });

interface Run {
  /** top-1 and top-2 at each checkpoint reached (reviews of the stream → shares). */
  curve: Map<number, Score>;
  corrections: number;
  clicks: number;
  held: number;
}

async function simulate(category: string, rows: readonly SourcedLine[], seed: number, o: Options, base: ReturnType<typeof baseFor>): Promise<Run> {
  const pool = rows.filter((r) => r.category === category);
  const order = shuffled(pool, seed * 1000 + [...category].reduce((h, ch) => h * 31 + ch.charCodeAt(0), 7) % 1000);
  const heldCount = Math.max(20, Math.ceil(pool.length * o.held), pool.length - o.stream);
  const held = order.slice(0, heldCount);
  const stream = order.slice(heldCount, heldCount + o.stream);

  const learner = new ShopLearner({ area: memoryArea(), shipped: base.model, base: () => base.examples, pause: async () => undefined });
  await learner.load();
  setShopCauseModel(base.model); // the shop starts from the base model (the learner replaces it once trained)
  const curve = new Map<number, Score>([[0, scores(held)]]);
  let corrections = 0;
  let clicks = 0;
  for (let i = 0; i < stream.length; i++) {
    const r = stream[i]!;
    const was = classifyActive(r.text).primary;
    const wrong = was !== r.primary;
    if (wrong) corrections++;
    if (wrong || !o.correctionsOnly) {
      clicks++;
      await learner.record({ caseId: `${category}-${r.file}-${r.line}`, text: r.text, causes: [r.primary, ...r.causes], was, wasBy: 'auto', agent: 'bench' });
      await learner.idle(); // an agent takes longer per review than a retraining
      if (activeCauseModel().source === 'shipped') setShopCauseModel(base.model);
    }
    const reviewed = i + 1;
    if (CHECKPOINTS.includes(reviewed) || reviewed === stream.length) curve.set(reviewed, scores(held));
  }
  return { curve, corrections, clicks, held: held.length };
}

/** The base model of a simulated shop: trained like the shipped one, on the dev and extra files without its category. */
function baseFor(category: string, rows: readonly SourcedLine[]) {
  const examples = rows.filter((r) => BASE_FILES.has(r.file) && r.category !== category).map(asExample);
  return { examples, model: trainCauseModel(examples, {}, { files: [], examples: examples.length }) };
}

async function learningCurve(rows: readonly SourcedLine[], o: Options): Promise<unknown[]> {
  const categories = o.categories === 'all' ? [...new Set(rows.map((r) => r.category ?? ''))].filter(Boolean) : o.categories;
  const out: unknown[] = [];
  process.stdout.write(
    `learning curve: top-1 (main cause among the labelled causes) on each shop's held-apart reviews, ${o.seeds} seeded split(s); agent ${o.correctionsOnly ? 'clicks only to correct' : 'corrects or confirms every review'}; retraining every 25 clicks\n`,
  );
  process.stdout.write('category   reviews held stream  corrections/clicks   top-1 after N reviews of the stream (N: 0, 50, 100, 200 or all)   top-2 before → after the stream\n');
  for (const category of categories) {
    const pool = rows.filter((r) => r.category === category).length;
    if (pool < 45) {
      process.stdout.write(`${category}: only ${pool} labelled reviews, skipped\n`);
      continue;
    }
    const base = baseFor(category, rows);
    const runs: Run[] = [];
    for (let s = 1; s <= o.seeds; s++) runs.push(await simulate(category, rows, s, o, base));
    setShopCauseModel(null);
    const streamLength = Math.max(...runs.map((r) => Math.max(...r.curve.keys())));
    const points = [...new Set([...CHECKPOINTS.filter((c) => c < streamLength), streamLength])];
    const cells = points.map((p) => {
      const at = runs.map((r) => r.curve.get(p) ?? r.curve.get(Math.max(...r.curve.keys()))!);
      const xs = at.map((x) => x.top1);
      const twos = at.map((x) => x.top2);
      return { clicks: p, mean: mean(xs), min: Math.min(...xs), top2: mean(twos), top2Min: Math.min(...twos) };
    });
    process.stdout.write(
      `${category.padEnd(8)} ${String(pool).padStart(7)} ${String(runs[0]!.held).padStart(4)} ${String(streamLength).padStart(6)}  ${mean(runs.map((r) => r.corrections)).toFixed(1).padStart(6)}/${mean(runs.map((r) => r.clicks)).toFixed(0).padEnd(10)} ` +
        cells.map((c) => `${c.clicks}: ${pct(c.mean)} (min ${pct(c.min)})`).join('  ') +
        `   top-2: ${pct(cells[0]!.top2)} → ${pct(cells.at(-1)!.top2)} (min ${pct(cells.at(-1)!.top2Min)})\n`,
    );
    out.push({ category, reviews: pool, held: runs[0]!.held, stream: streamLength, corrections: mean(runs.map((r) => r.corrections)), clicks: mean(runs.map((r) => r.clicks)), top1: cells });
  }
  return out;
}

/** 2,000 distinct labelled texts: every labelled review, then joins of two reviews' first clauses. */
function twoThousand(rows: readonly SourcedLine[]) {
  const out: Array<{ text: string; primary: CauseCode; causes: CauseCode[] }> = rows.map((r) => ({ text: r.text, primary: r.primary, causes: r.causes }));
  const random = seededRandom(2000);
  const seen = new Set(out.map((r) => r.text));
  while (out.length < 2000) {
    const a = rows[Math.floor(random() * rows.length)]!;
    const b = rows[Math.floor(random() * rows.length)]!;
    const text = `${a.text.split(/[，。！!,.]/)[0]}，${b.text}`;
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text, primary: b.primary, causes: b.causes });
  }
  return out.slice(0, 2000);
}

async function timing(rows: readonly SourcedLine[]): Promise<unknown> {
  const labels = twoThousand(rows);
  const runs: Array<{ cold: number; coldCpu: number; coldLongest: number; warm: number; warmCpu: number; warmLongest: number; yields: number }> = [];
  for (let k = 0; k < 3; k++) {
    let longest = 0;
    let yields = 0;
    let last = performance.now();
    // As in the browser: a zero timeout between steps, so queued messages are answered in between.
    const pause = () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      yields++;
      return new Promise<void>((done) => setTimeout(() => {
        last = performance.now();
        done();
      }, 0));
    };
    const area = memoryArea();
    const learner = new ShopLearner({ area, pause, retrainEvery: Number.POSITIVE_INFINITY });
    // The records as they would be stored after 2,000 clicks (an import is the same path as 2,000 clicks).
    await learner.importRecords(labels.map((l, i) => ({ id: `bench-${k}-${String(i).padStart(5, '0')}`, at: 1_800_000_000_000 + i, agent: 'bench', kind: i % 4 === 0 ? 'correction' : 'confirmation', caseId: `case-${i}`, text: l.text, primary: l.primary, causes: l.causes, was: null, wasBy: 'auto' })));
    // A fresh learner: nothing prepared, as after the worker restarted.
    const cold = new ShopLearner({ area, pause, retrainEvery: Number.POSITIVE_INFINITY });
    await cold.load();
    const cpu0 = process.cpuUsage();
    last = performance.now();
    longest = 0;
    yields = 0;
    const t0 = performance.now();
    await cold.learnNow();
    await cold.idle();
    const coldMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const coldLongest = longest;
    const coldYields = yields;
    for (let i = 0; i < 25; i++) {
      const r = rows[(i * 37) % rows.length]!;
      await cold.record({ caseId: `new-${i}`, text: `${r.text}（第${i}条）`, causes: [r.primary], was: null, wasBy: 'auto', agent: 'bench' });
    }
    last = performance.now();
    longest = 0;
    const cpu1 = process.cpuUsage();
    const t1 = performance.now();
    await cold.learnNow();
    await cold.idle();
    const warmCpu = process.cpuUsage(cpu1);
    runs.push({ cold: coldMs, coldCpu: (cpu.user + cpu.system) / 1000, coldLongest, warm: performance.now() - t1, warmCpu: (warmCpu.user + warmCpu.system) / 1000, warmLongest: longest, yields: coldYields });
    if ((await cold.view()).labels !== 2025) throw new Error('the timed retraining did not learn from all 2,025 labels');
  }
  setShopCauseModel(null);
  const r = {
    labels: 2000,
    firstTrainingMs: Math.round(median(runs.map((x) => x.cold))),
    firstTrainingCpuMs: Math.round(median(runs.map((x) => x.coldCpu))),
    firstTrainingLongestStepMs: Math.round(median(runs.map((x) => x.coldLongest))),
    yields: median(runs.map((x) => x.yields)),
    retrainAfter25Ms: Math.round(median(runs.map((x) => x.warm))),
    retrainAfter25CpuMs: Math.round(median(runs.map((x) => x.warmCpu))),
    retrainAfter25LongestStepMs: Math.round(median(runs.map((x) => x.warmLongest))),
  };
  process.stdout.write(
    `\nretraining time, 2,000 labels (median of 3): first training ${r.firstTrainingMs} ms (CPU ${r.firstTrainingCpuMs} ms, ${r.yields} yields, longest step ${r.firstTrainingLongestStepMs} ms); ` +
      `after 25 more ${r.retrainAfter25Ms} ms (CPU ${r.retrainAfter25CpuMs} ms, longest step ${r.retrainAfter25LongestStepMs} ms)\n` +
      `(wall time includes waiting for the CPU on a busy machine; CPU time is what one free core would take)\n`,
  );
  return r;
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  if (typeof o === 'string') {
    process.stderr.write(`bench-cause-learning: ${o}\n`);
    return 2;
  }
  const read = readLabelledFiles(FILES, root);
  if (read.bad.length > 0) {
    process.stderr.write(`bench-cause-learning: ${read.bad.length} bad labelled line(s)\n`);
    return 1;
  }
  const curve = o.curve ? await learningCurve(read.rows, o) : [];
  const time = o.timing ? await timing(read.rows) : null;
  process.stdout.write('\n' + JSON.stringify({ options: o, learningCurve: curve, timing: time }) + '\n');
  return 0;
}

runMain('bench-cause-learning', main);

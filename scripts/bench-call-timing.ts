/**
 * Call-timing benchmark: simulates a shop and compares the recommender with fixed windows and
 * calling at once. See lib/contact-timing/simulate.ts for the model.
 *
 *   npm run -s bench:call-timing -- --truth tests/data/call-timing/evening.json --calls 300 --seed 1
 *   npm run -s bench:call-timing -- --truth … --calls 300 --seed 1 --repeat 10   (seeds 1…10: mean and min)
 *
 * The last line printed is JSON:
 *   {"calls":300,"answeredRate":{"recommender":x,"fixedWindows":y,"immediate":z},"medianHoursToFirstCall":{…}}
 * With --repeat the rates are means over the seeds and the line also carries min, gain and seeds.
 */
import { readFileSync } from 'node:fs';
import { simulate, STRATEGIES, TruthSchema, type Strategy } from '../lib/contact-timing/simulate';

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument: ${a}`);
    const [key, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) out[key] = inline;
    else out[key] = argv[++i] ?? '';
  }
  return out;
}

function intArg(args: Record<string, string>, name: string, fallback?: number): number {
  const raw = args[name];
  if (raw === undefined) {
    if (fallback === undefined) throw new Error(`--${name} is required`);
    return fallback;
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${raw}`);
  return n;
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.truth) throw new Error('--truth FILE is required (JSON {"answerRateByHour":[24 probabilities]})');
  const truth = TruthSchema.parse(JSON.parse(readFileSync(args.truth, 'utf8')));
  const calls = intArg(args, 'calls', 300);
  const seed = intArg(args, 'seed', 1);
  const repeat = Math.max(1, intArg(args, 'repeat', 1));
  const reviewsPerDay = intArg(args, 'reviews-per-day', 12);

  const runs = Array.from({ length: repeat }, (_, i) => simulate({ truth, calls, seed: seed + i, reviewsPerDay }));
  for (const [i, r] of runs.entries()) {
    const gain = r.answeredRate.recommender / r.answeredRate.fixedWindows - 1;
    const violations = STRATEGIES.reduce((n, s) => n + r.detail[s].violations, 0);
    console.log(
      `seed ${seed + i}: answered recommender ${pct(r.answeredRate.recommender)}, fixedWindows ${pct(r.answeredRate.fixedWindows)}, ` +
        `immediate ${pct(r.answeredRate.immediate)}; recommender vs fixedWindows ${gain >= 0 ? '+' : ''}${pct(gain)}; ` +
        `median h to first call ${STRATEGIES.map((s) => r.medianHoursToFirstCall[s]).join(' / ')}; rule breaks ${violations}`,
    );
  }
  if (repeat === 1) {
    const r = runs[0]!;
    console.log(JSON.stringify({ calls: r.calls, answeredRate: r.answeredRate, medianHoursToFirstCall: r.medianHoursToFirstCall }));
    return;
  }
  const mean = (f: (s: Strategy, i: number) => number) =>
    Object.fromEntries(STRATEGIES.map((s) => [s, r4(runs.reduce((a, _r, i) => a + f(s, i), 0) / runs.length)])) as Record<Strategy, number>;
  const min = (f: (s: Strategy, i: number) => number) =>
    Object.fromEntries(STRATEGIES.map((s) => [s, r4(Math.min(...runs.map((_r, i) => f(s, i))))])) as Record<Strategy, number>;
  const gains = runs.map((r) => r.answeredRate.recommender / r.answeredRate.fixedWindows - 1);
  console.log(
    JSON.stringify({
      calls,
      seeds: [seed, seed + repeat - 1],
      answeredRate: mean((s, i) => runs[i]!.answeredRate[s]),
      minAnsweredRate: min((s, i) => runs[i]!.answeredRate[s]),
      medianHoursToFirstCall: mean((s, i) => runs[i]!.medianHoursToFirstCall[s]),
      gainOverFixedWindows: { mean: r4(gains.reduce((a, b) => a + b, 0) / gains.length), min: r4(Math.min(...gains)) },
    }),
  );
}

main();

/**
 * The call-timing goals, checked over many seeds (too slow for the unit tests, which run a few seeds only):
 *
 *   npm run -s bench:call-timing:goals -- [--seeds 100] [--calls 300]
 *
 * For every truth file in tests/data/call-timing: the mean answered rate of each strategy over seeds 1…N, the
 * recommender's gain over fixedWindows (mean and worst seed) and how many seeds reached the goal. The goals:
 * within 2 % of fixedWindows where the hour does not favour the recommender (seed-windows: the fixed windows
 * are right; flat: no hour is better), at least 15 % more answered calls where the real peak lies elsewhere.
 * Exits 1 when a goal is missed on the mean, and ends with one JSON line per truth file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulate, STRATEGIES, TruthSchema } from '../lib/contact-timing/simulate';
import { runMain } from './run-main';

const DATA = join(import.meta.dirname, '../tests/data/call-timing');
/** Minimum mean gain over fixedWindows, per truth file. */
const GOALS: Record<string, number> = { 'seed-windows': -0.02, flat: -0.02, 'office-hours': 0.15, evening: 0.15, morning: 0.15 };

function parseArgs(argv: string[]): { seeds: number; calls: number } {
  const out = { seeds: 100, calls: 300 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, '');
    const value = Number(argv[i + 1]);
    if ((key !== 'seeds' && key !== 'calls') || !Number.isInteger(value) || value < 1) {
      throw new Error('usage: bench-call-timing-goals [--seeds N] [--calls N]');
    }
    out[key] = value;
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} %`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function main(): Promise<number> {
  const { seeds, calls } = parseArgs(process.argv.slice(2));
  let missed = 0;
  const lines: string[] = [];
  for (const [name, goal] of Object.entries(GOALS)) {
    const truth = TruthSchema.parse(JSON.parse(readFileSync(join(DATA, `${name}.json`), 'utf8')));
    const runs = Array.from({ length: seeds }, (_, i) => simulate({ truth, calls, seed: i + 1 }));
    const rates = Object.fromEntries(STRATEGIES.map((s) => [s, mean(runs.map((r) => r.answeredRate[s]))]));
    const gains = runs.map((r) => r.answeredRate.recommender / r.answeredRate.fixedWindows - 1);
    const gain = mean(gains);
    const met = gain >= goal;
    if (!met) missed++;
    console.log(
      `${name}: ${STRATEGIES.map((s) => `${s} ${pct(rates[s]!)}`).join(', ')}; recommender vs fixedWindows ${signed(gain)} ` +
        `(worst seed ${signed(Math.min(...gains))}); ${gains.filter((g) => g >= goal).length}/${seeds} seeds at the goal (${signed(goal)}); ` +
        `goal on the mean ${met ? 'met' : 'MISSED'}`,
    );
    const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
    lines.push(JSON.stringify({ truth: name, calls, seeds, answeredRate: Object.fromEntries(Object.entries(rates).map(([s, v]) => [s, r4(v)])), gain: { mean: r4(gain), min: r4(Math.min(...gains)) }, goal, met }));
  }
  for (const line of lines) console.log(line);
  return missed === 0 ? 0 : 1;
}

runMain('bench-call-timing-goals', main);

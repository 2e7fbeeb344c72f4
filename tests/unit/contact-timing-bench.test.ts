/**
 * The call-timing benchmark at test size: 300 calls per run, several seeds. The goals from the issue:
 * within 2% of fixedWindows when the truth matches the seed windows, and at least 15% more answered
 * calls when the truth peaks elsewhere. Single runs are noisy (see lib/contact-timing/README.md), so
 * the goals are checked on the mean over a fixed list of seeds, all of them reported.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hourTotals } from '../../lib/contact-timing/answer-rates';
import { simulate, STRATEGIES, TruthSchema, type Truth } from '../../lib/contact-timing/simulate';

const DATA = join(__dirname, '../data/call-timing');
const truth = (name: string): Truth => TruthSchema.parse(JSON.parse(readFileSync(join(DATA, `${name}.json`), 'utf8')));

function meanGain(name: string, seeds: number): number {
  let sum = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const r = simulate({ truth: truth(name), calls: 300, seed });
    sum += r.answeredRate.recommender / r.answeredRate.fixedWindows - 1;
  }
  return sum / seeds;
}

describe('call-timing simulation', () => {
  it('is reproducible: same seed, same result; another seed, another result', () => {
    const a = simulate({ truth: truth('evening'), calls: 120, seed: 5 });
    const b = simulate({ truth: truth('evening'), calls: 120, seed: 5 });
    const c = simulate({ truth: truth('evening'), calls: 120, seed: 6 });
    expect(b).toEqual(a);
    expect(c.detail.recommender.callsByHour).not.toEqual(a.detail.recommender.callsByHour);
  });

  it('keeps every rule for every strategy and places exactly the budget of calls', () => {
    const r = simulate({ truth: truth('seed-windows'), calls: 300, seed: 11 });
    for (const s of STRATEGIES) {
      expect(r.detail[s].violations).toBe(0);
      expect(r.detail[s].calls).toBe(300);
      const byHour = r.detail[s].callsByHour;
      expect(byHour.slice(0, 9).every((n) => n === 0) && byHour.slice(21).every((n) => n === 0)).toBe(true);
    }
    expect(r.medianHoursToFirstCall.immediate).toBe(0);
    expect(r.medianHoursToFirstCall.recommender).toBeLessThanOrEqual(24);
  });

  it('lets the recommender learn only from the outcomes of its own calls', () => {
    const r = simulate({ truth: truth('office-hours'), calls: 300, seed: 3 });
    let calls = 0;
    let answered = 0;
    for (let h = 0; h < 24; h++) {
      const t = hourTotals(r.learned, h);
      calls += t.calls;
      answered += t.answered;
      expect(t.calls).toBeCloseTo(r.detail.recommender.callsByHour[h] ?? 0);
    }
    expect(calls).toBeCloseTo(300);
    expect(answered).toBeCloseTo(r.detail.recommender.answered);
  });

  it('stays within 2% of fixedWindows when the truth matches the seed windows (mean of 30 seeds)', () => {
    expect(meanGain('seed-windows', 30)).toBeGreaterThanOrEqual(-0.02);
  });

  it.each(['office-hours', 'evening', 'morning'])('answers at least 15%% more calls than fixedWindows when the truth is %s (mean of 10 seeds)', (name) => {
    expect(meanGain(name, 10)).toBeGreaterThanOrEqual(0.15);
  });

  it('loses nothing when the hour does not matter', () => {
    expect(meanGain('flat', 10)).toBeGreaterThan(-0.02);
  });

  it('runs from the command line and ends with the JSON line', () => {
    const run = () =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/bench-call-timing.ts', '--truth', join(DATA, 'evening.json'), '--calls', '60', '--seed', '2'],
        { cwd: join(__dirname, '../..'), encoding: 'utf8' },
      );
    const out = run();
    expect(out.status, out.stderr).toBe(0);
    const last = JSON.parse(out.stdout.trim().split('\n').at(-1)!);
    expect(Object.keys(last)).toEqual(['calls', 'answeredRate', 'medianHoursToFirstCall']);
    expect(last.calls).toBe(60);
    expect(Object.keys(last.answeredRate)).toEqual(['recommender', 'fixedWindows', 'immediate']);
    expect(run().stdout).toBe(out.stdout);
  });
});

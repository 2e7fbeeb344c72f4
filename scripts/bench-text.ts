/**
 * How fast the text work runs that an agent waits on. Measured here, never asserted in the tests (a test on a
 * busy machine must not fail a correct classifier for being slow):
 *
 *   npm run -s bench:text -- [--runs 9]
 *
 * - classify: the cause classifier over a page of 1,000 real negative reviews (the labelled training files,
 *   cycled), as the background does for a console page of 1,000 rows;
 * - compliance: the compliance check of one 500-character explanation, as the panel runs before every copy.
 * One warm-up pass first (regexes and the model are built lazily). Prints one line per figure, then a JSON line
 * {"runs":n,"classify1000Ms":{median,min,max},"compliance500CharsMs":{median,min,max}}.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyCauses } from '../lib/causes/classify';
import { checkCompliance } from '../lib/replies/compliance';
import { runMain } from './run-main';

const DATA = join(import.meta.dirname, '../tests/data');
const PAGE = 1_000;
const COMPLIANCE_TEXTS = 200;

function parseRuns(argv: string[]): number {
  if (argv.length === 0) return 9;
  const [flag, value, ...rest] = argv;
  const runs = Number(value);
  if (flag !== '--runs' || rest.length > 0 || !Number.isInteger(runs) || runs < 1) throw new Error('usage: bench-text [--runs N]');
  return runs;
}

function reviewTexts(): string[] {
  return ['causes-dev.jsonl', 'causes-extra.jsonl'].flatMap((file) =>
    readFileSync(join(DATA, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text),
  );
}

function timeMs(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return { median: r1(sorted[Math.floor(sorted.length / 2)]!), min: r1(sorted[0]!), max: r1(sorted.at(-1)!) };
}

async function main(): Promise<number> {
  const runs = parseRuns(process.argv.slice(2));
  const texts = reviewTexts();
  const page = Array.from({ length: PAGE }, (_, i) => texts[i % texts.length]!);
  const explanation = '非常抱歉给您添麻烦了，我们已经为您补发一件新的，来回运费由我们承担。问题解决后，如果您觉得满意，方便的话可以更新一下评价。'
    .repeat(8)
    .slice(0, 500);
  const checkOnce = () => checkCompliance(explanation, { channel: 'explanation', lang: 'zh' });

  classifyCauses(page[0]!);
  checkOnce();
  const classify: number[] = [];
  const compliance: number[] = [];
  for (let run = 0; run < runs; run++) {
    classify.push(timeMs(() => page.forEach((text) => classifyCauses(text))));
    compliance.push(timeMs(() => { for (let i = 0; i < COMPLIANCE_TEXTS; i++) checkOnce(); }) / COMPLIANCE_TEXTS);
  }
  const result = { runs, classify1000Ms: summary(classify), compliance500CharsMs: summary(compliance) };
  console.log(`classify a page of ${PAGE} reviews: median ${result.classify1000Ms.median} ms (min ${result.classify1000Ms.min}, max ${result.classify1000Ms.max}) over ${runs} runs`);
  console.log(`compliance check of a 500-character text: median ${result.compliance500CharsMs.median} ms per text (min ${result.compliance500CharsMs.min}, max ${result.compliance500CharsMs.max})`);
  console.log(JSON.stringify(result));
  return 0;
}

runMain('bench-text', main);

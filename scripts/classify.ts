/**
 * npm run -s classify -- FILE
 * npm run -s classify -- --learn CORRECTIONS FILE
 * Classifies the causes of each review in a JSON Lines file (`{"id","text",...}` per line; `-` = stdin) and
 * prints one line per review: {"id","primary","causes"} with the cause codes most likely first (the first two
 * are the two one-click chips the case view offers, then any further cause a case would record).
 * With --learn, first learns from CORRECTIONS (JSON Lines with `text` and `primary`, optionally `causes` and `id`,
 * as a shop's agents would correct them) exactly as the extension's background does (lib/causes/shop-learner.ts):
 * each line is a click on the case's main cause (a correction when the model in use read it differently, else a
 * confirmation), the model retrains after every 25, and once more at the end for the rest (as 立即学习 would).
 * A bad line is reported on stderr with its line number; the run goes on and exits with 1 at the end.
 */
import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import { classifyActive } from '../lib/causes/active-model';
import { printedCauses } from '../lib/causes/classify';
import { parseJsonLines, ReviewLineSchema } from '../lib/causes/jsonl';
import { memoryArea } from '../lib/causes/learning-storage';
import { ShopLearner } from '../lib/causes/shop-learner';
import { CauseCodeSchema } from '../lib/causes/taxonomy';
import { runMain } from './run-main';

const USAGE = 'usage: npm run -s classify -- [--learn CORRECTIONS] FILE   (JSON Lines with id and text; - reads stdin)\n';

/** A shop's correction as the command line takes it. */
const CorrectionLine = z.object({
  id: z.optional(z.union([z.string().check(z.minLength(1)), z.number()])),
  text: z.string().check(z.minLength(1)),
  primary: CauseCodeSchema,
  causes: z.optional(z.array(CauseCodeSchema)),
});

/** The whole file, or standard input when the name is `-`. */
async function readInput(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Learns from the corrections file; returns the number of bad lines. */
async function learn(file: string, content: string): Promise<number> {
  const learner = new ShopLearner({ area: memoryArea(), pause: async () => undefined });
  await learner.load();
  let bad = 0;
  let n = 0;
  for (const row of parseJsonLines(content, CorrectionLine)) {
    if (!row.ok) {
      bad++;
      process.stderr.write(`classify: ${file}:${row.line}: skipped, ${row.error}\n`);
      continue;
    }
    const { id, text, primary, causes = [] } = row.value;
    n++;
    // The case's main cause as the model in use reads it: the agent's click corrects or confirms it.
    const was = classifyActive(text).primary;
    await learner.record({ caseId: String(id ?? `line-${row.line}`), text, causes: [primary, ...causes.filter((c) => c !== primary)], was, wasBy: 'auto', agent: '' });
    // The browser keeps going while it trains; here the next line waits, so every run learns the same.
    await learner.idle();
  }
  await learner.learnNow();
  await learner.idle();
  const view = await learner.view();
  process.stderr.write(`classify: learnt from ${n} correction line(s) of ${file} (${view.corrections} corrections, ${view.labels - view.corrections} confirmations)\n`);
  return bad;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let corrections: string | undefined;
  if (args[0] === '--learn') {
    corrections = args[1];
    args.splice(0, 2);
    if (!corrections) {
      process.stderr.write(USAGE);
      return 2;
    }
  }
  const file = args[0];
  if (!file || file === '-h' || file === '--help' || args.length > 1 || (corrections === '-' && file === '-')) {
    process.stderr.write(USAGE);
    return 2;
  }
  let learnContent: string | undefined;
  let content: string;
  try {
    if (corrections) learnContent = await readInput(corrections);
    content = await readInput(file);
  } catch (err) {
    process.stderr.write(`classify: cannot read: ${(err as Error).message}\n`);
    return 2;
  }
  let bad = corrections && learnContent !== undefined ? await learn(corrections, learnContent) : 0;
  const out: string[] = [];
  for (const row of parseJsonLines(content, ReviewLineSchema)) {
    if (!row.ok) {
      bad++;
      process.stderr.write(`classify: ${file}:${row.line}: skipped, ${row.error}\n`);
      continue;
    }
    const result = classifyActive(row.value.text);
    out.push(JSON.stringify({ id: row.value.id, primary: result.primary, causes: printedCauses(result) }));
  }
  if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
  if (bad > 0) process.stderr.write(`classify: ${bad} bad line(s) skipped\n`);
  return bad > 0 ? 1 : 0;
}

runMain('classify', main);

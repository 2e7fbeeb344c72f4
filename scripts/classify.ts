/**
 * npm run -s classify -- FILE
 * Classifies the causes of each review in a JSON Lines file (`{"id","text",...}` per line; `-` = stdin) and
 * prints one line per review: {"id","primary","causes"} with the cause codes most likely first.
 * A bad line is reported on stderr with its line number; the run goes on and exits with 1 at the end.
 */
import { readFile } from 'node:fs/promises';
import { classifyCauses } from '../lib/causes/classify';
import { parseJsonLines, ReviewLineSchema } from '../lib/causes/jsonl';
import { runMain } from './run-main';

/** The whole file, or standard input when the name is `-`. */
async function readInput(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || file === '-h' || file === '--help') {
    process.stderr.write('usage: npm run -s classify -- FILE   (JSON Lines with id and text; - reads stdin)\n');
    return 2;
  }
  let content: string;
  try {
    content = await readInput(file);
  } catch (err) {
    process.stderr.write(`classify: cannot read ${file}: ${(err as Error).message}\n`);
    return 2;
  }
  let bad = 0;
  const out: string[] = [];
  for (const row of parseJsonLines(content, ReviewLineSchema)) {
    if (!row.ok) {
      bad++;
      process.stderr.write(`classify: ${file}:${row.line}: skipped, ${row.error}\n`);
      continue;
    }
    const { primary, causes } = classifyCauses(row.value.text);
    out.push(JSON.stringify({ id: row.value.id, primary, causes: causes.map((c) => c.code) }));
  }
  if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
  if (bad > 0) process.stderr.write(`classify: ${bad} bad line(s) skipped\n`);
  return bad > 0 ? 1 : 0;
}

runMain('classify', main);

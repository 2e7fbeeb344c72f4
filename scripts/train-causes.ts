/**
 * npm run train:causes -- FILE [--out PATH]
 * Trains the learned half of the cause classifier on a labelled JSON Lines file
 * ({id, category, text, primary, causes} per line) and writes its parameters to lib/causes/model.json
 * (or PATH), recording the training file's name, sha256 and line count. Deterministic: the same file gives
 * the same model, byte for byte. Any bad line stops the run (exit 1): a model is never trained on part of a
 * file by accident.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { LabelledLineSchema, parseJsonLines, type LabelledLine } from '../lib/causes/jsonl';
import { serializeModel } from '../lib/causes/model-file';
import { trainCauseModel } from '../lib/causes/train';

const root = resolve(import.meta.dirname, '..');

function parseArgs(argv: string[]): { file: string; out: string } | string {
  let file: string | undefined;
  let out = resolve(root, 'lib/causes/model.json');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--out') {
      const next = argv[++i];
      if (!next) return '--out needs a path';
      out = resolve(next);
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else file = arg;
  }
  if (!file) return 'usage: npm run train:causes -- FILE [--out PATH]';
  return { file, out };
}

/** How the training file is named in the model: relative to the repository when inside it. */
function displayName(file: string): string {
  const abs = resolve(file);
  const rel = relative(root, abs);
  return rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  if (typeof opts === 'string') {
    process.stderr.write(`train-causes: ${opts}\n`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(opts.file);
  } catch (err) {
    process.stderr.write(`train-causes: cannot read ${opts.file}: ${(err as Error).message}\n`);
    return 2;
  }
  const content = bytes.toString('utf8');
  const rows: LabelledLine[] = [];
  let bad = 0;
  for (const row of parseJsonLines(content, LabelledLineSchema)) {
    if (row.ok) rows.push(row.value);
    else {
      bad++;
      process.stderr.write(`train-causes: ${opts.file}:${row.line}: ${row.error}\n`);
    }
  }
  if (bad > 0) {
    process.stderr.write(`train-causes: ${bad} bad line(s); nothing written\n`);
    return 1;
  }
  if (rows.length < 10) {
    process.stderr.write(`train-causes: only ${rows.length} labelled reviews; need at least 10\n`);
    return 1;
  }
  const started = performance.now();
  const model = trainCauseModel(rows, {}, {
    file: displayName(opts.file),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    lines: content.split(/\r?\n/).filter((l) => l.trim() !== '').length,
    examples: rows.length,
  });
  const text = serializeModel(model);
  await writeFile(opts.out, text);
  const grams = Object.keys(model.ngrams).length;
  process.stdout.write(
    `train-causes: ${rows.length} reviews → ${displayName(opts.out)} (${grams} n-grams, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`train-causes: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 2;
  },
);

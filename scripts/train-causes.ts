/**
 * npm run train:causes -- FILE [FILE...] [--out PATH]
 * Trains the learned half of the cause classifier on one or more labelled JSON Lines files
 * ({id, category, text, primary, causes} per line), their reviews together in the order given, and writes
 * its parameters to lib/causes/model.json (or PATH), recording each training file's name, sha256 and line
 * count. Beside it, the reviews themselves go to lib/causes/base-examples.json (or PATH with .examples.json in
 * place of .json): a shop's retraining in the extension fits its corrections together with them. Deterministic: the same files in the same order give the same model, byte for byte. Any bad line
 * stops the run (exit 1): a model is never trained on part of a file by accident.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { displayName, readLabelledFiles } from '../lib/causes/labelled-files';
import { serializeModel } from '../lib/causes/model-file';
import { baseExamplesFile, serializeBaseExamples } from '../lib/causes/base-examples';
import { trainCauseModel } from '../lib/causes/train';
import { runMain } from './run-main';

const root = resolve(import.meta.dirname, '..');

function parseArgs(argv: string[]): { files: string[]; out: string } | string {
  const files: string[] = [];
  let out = resolve(root, 'lib/causes/model.json');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--out') {
      const next = argv[++i];
      if (!next) return '--out needs a path';
      out = resolve(next);
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else files.push(arg);
  }
  if (files.length === 0) return 'usage: npm run train:causes -- FILE [FILE...] [--out PATH]';
  if (new Set(files.map((f) => resolve(f))).size !== files.length) return 'a file is named twice';
  return { files, out };
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  if (typeof opts === 'string') {
    process.stderr.write(`train-causes: ${opts}\n`);
    return 2;
  }
  let read: ReturnType<typeof readLabelledFiles>;
  try {
    read = readLabelledFiles(opts.files, root);
  } catch (err) {
    process.stderr.write(`train-causes: cannot read: ${(err as Error).message}\n`);
    return 2;
  }
  for (const b of read.bad) process.stderr.write(`train-causes: ${b.file}:${b.line}: ${b.error}\n`);
  if (read.bad.length > 0) {
    process.stderr.write(`train-causes: ${read.bad.length} bad line(s); nothing written\n`);
    return 1;
  }
  if (read.rows.length < 10) {
    process.stderr.write(`train-causes: only ${read.rows.length} labelled reviews; need at least 10\n`);
    return 1;
  }
  const started = performance.now();
  const model = trainCauseModel(read.rows, {}, { files: read.files, examples: read.rows.length });
  const text = serializeModel(model);
  await writeFile(opts.out, text);
  const examplesOut = opts.out.replace(/(\.json)?$/, '.examples.json').replace(/model\.examples\.json$/, 'base-examples.json');
  const files = model.trainedOn.files.map(({ file, sha256 }) => ({ file, sha256 }));
  await writeFile(examplesOut, serializeBaseExamples(baseExamplesFile(files, read.rows)));
  const grams = Object.keys(model.ngrams).length;
  const perFile = read.files.map((f, i) => `${f.file}: ${read.rows.filter((r) => r.file === i).length}`).join(', ');
  process.stdout.write(
    `train-causes: ${read.rows.length} reviews (${perFile}) → ${displayName(opts.out, root)} (${grams} n-grams, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
}

runMain('train-causes', main);

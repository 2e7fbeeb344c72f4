/**
 * npm run eval:causes -- FILE [--lines A-B] [--errors]
 * Scores the cause classifier against a labelled JSON Lines file ({id, category, text, primary, causes}).
 * Prints n, the share of predicted primaries among the labelled causes, primary accuracy, macro-F1 of the
 * primary cause, per-class precision/recall/F1/support and the commonest mistakes; the last line is a JSON
 * object with the same figures.
 *   --lines A-B  only score lines A..B of the file (1-based, inclusive), e.g. a tuning half and a held-out half
 *   --errors     also list every review whose primary was missed, with the triggers found
 */
import { readFile } from 'node:fs/promises';
import { classifyCauses } from '../lib/causes/classify';
import { LabelledLineSchema, parseJsonLines, type LabelledLine } from '../lib/causes/jsonl';
import { evaluate, type LabelledPrediction } from '../lib/causes/metrics';
import type { CauseCode } from '../lib/causes/taxonomy';

interface Options {
  file: string;
  from: number;
  to: number;
  errors: boolean;
}

function parseArgs(argv: string[]): Options | string {
  let file: string | undefined;
  let from = 1;
  let to = Number.POSITIVE_INFINITY;
  let errors = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--errors') errors = true;
    else if (arg === '--lines') {
      const m = /^(\d+)-(\d+)?$/.exec(argv[++i] ?? '');
      if (!m) return '--lines needs a range such as 1-150 or 151-';
      from = Number(m[1]);
      to = m[2] ? Number(m[2]) : Number.POSITIVE_INFINITY;
    } else if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`;
    else file = arg;
  }
  if (!file) return 'usage: npm run eval:causes -- FILE [--lines A-B] [--errors]';
  return { file, from, to, errors };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const fix = (x: number): string => x.toFixed(3);

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  if (typeof opts === 'string') {
    process.stderr.write(`eval-causes: ${opts}\n`);
    return 2;
  }
  const content = opts.file === '-' ? await readStdin() : await readFile(opts.file, 'utf8');

  let bad = 0;
  const rows: LabelledLine[] = [];
  for (const row of parseJsonLines(content, LabelledLineSchema)) {
    if (row.line < opts.from || row.line > opts.to) continue;
    if (!row.ok) {
      bad++;
      process.stderr.write(`eval-causes: ${opts.file}:${row.line}: skipped, ${row.error}\n`);
      continue;
    }
    rows.push(row.value);
  }

  const items: LabelledPrediction<CauseCode>[] = [];
  const compileStart = performance.now();
  classifyCauses(''); // the first call compiles the lexicon
  const compileMs = performance.now() - compileStart;
  const started = performance.now();
  const results = rows.map((r) => classifyCauses(r.text));
  const elapsed = performance.now() - started;
  rows.forEach((r, i) => {
    const result = results[i];
    if (result) items.push({ gold: r.primary, goldSet: r.causes, predicted: result.primary });
  });
  const report = evaluate(items);

  const out: string[] = [];
  out.push(`file: ${opts.file}${opts.from > 1 || Number.isFinite(opts.to) ? ` (lines ${opts.from}-${Number.isFinite(opts.to) ? opts.to : 'end'})` : ''}`);
  out.push(`n: ${report.n}`);
  out.push(`primary in labelled causes: ${pct(report.inLabelledRate)}`);
  out.push(`primary accuracy: ${pct(report.accuracy)}`);
  out.push(`primary macro-F1: ${fix(report.macroF1)} (over ${report.perClass.length} classes present)`);
  out.push(`time: lexicon compiled in ${compileMs.toFixed(1)} ms, ${rows.length} reviews classified in ${elapsed.toFixed(1)} ms (first run, cold)`);
  out.push('');
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

  if (opts.errors) {
    out.push('');
    out.push('missed primaries:');
    rows.forEach((r, i) => {
      const result = results[i];
      if (!result || result.primary === r.primary) return;
      const found = result.causes.map((c) => `${c.code}:${c.score}[${c.triggers.join('/')}]`).join(' ');
      out.push(`  ${r.id} gold=${r.primary} (${r.causes.join(',')}) got=${result.primary} | ${found} | ${r.text}`);
    });
  }

  out.push('');
  out.push(
    JSON.stringify({
      n: report.n,
      inLabelledRate: round(report.inLabelledRate),
      accuracy: round(report.accuracy),
      macroF1: round(report.macroF1),
      perClass: report.perClass.map((s) => ({
        label: s.label,
        precision: round(s.precision),
        recall: round(s.recall),
        f1: round(s.f1),
        support: s.support,
      })),
      confusions: report.confusions,
      badLines: bad,
    }),
  );
  process.stdout.write(out.join('\n') + '\n');
  return bad > 0 ? 1 : 0;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`eval-causes: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 2;
  },
);

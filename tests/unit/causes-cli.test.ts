// @vitest-environment node
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const tsxCli = join(root, 'node_modules/tsx/dist/cli.mjs');

function run(script: string, args: string[], input?: string) {
  const out = spawnSync(process.execPath, [tsxCli, join(root, script), ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** Exit code of a run, without waiting for it: several quick refusals are checked side by side. */
function exitCode(script: string, args: string[]): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [tsxCli, join(root, script), ...args], { cwd: root, stdio: 'ignore' });
    child.on('close', (code) => done(code));
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'causes-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('scripts/classify.ts', () => {
  it('prints one JSON line per review and reports bad lines by number without stopping', () => {
    const file = join(dir, 'reviews.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a1', text: '快递太慢了', extra: 'kept out' }),
        '{not json',
        JSON.stringify({ id: 'a3' }),
        '',
        JSON.stringify({ id: 7, text: '色差太大，和图片不一样' }),
      ].join('\n'),
    );
    const { code, stdout, stderr } = run('scripts/classify.ts', [file]);
    expect(code).toBe(1);
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toEqual([
      { id: 'a1', primary: 'logistics_delay', causes: expect.arrayContaining(['logistics_delay']) },
      { id: 7, primary: 'not_as_described', causes: expect.arrayContaining(['not_as_described']) },
    ]);
    expect(rows[0].causes[0]).toBe('logistics_delay');
    expect(stderr).toMatch(/:2: .*not valid JSON/);
    expect(stderr).toMatch(/:3: .*text/);
    expect(stderr).toMatch(/2 bad line/);
  }, 60_000);

  it('reads standard input when the file is -, and exits 0 when every line is good', () => {
    const { code, stdout, stderr } = run('scripts/classify.ts', ['-'], JSON.stringify({ id: 'x', text: '客服不理人' }) + '\n');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ id: 'x', primary: 'service_response' });
  }, 60_000);
});

describe('scripts/classify.ts --learn (the command-line contract of issue 12)', () => {
  it('learns from the corrections as the browser does, then prints the same lines, the two chips first', () => {
    const corrections = join(dir, 'corrections.jsonl');
    writeFileSync(
      corrections,
      [
        JSON.stringify({ id: 'c1', text: '这个包装 我也是醉了', primary: 'logistics_damage' }),
        JSON.stringify({ text: '卜太好，感觉卜像正品，好亏', primary: 'quality', causes: ['quality', 'price_value'] }),
        JSON.stringify({ text: '没有主要原因' }),
      ].join('\n'),
    );
    const file = join(dir, 'after.jsonl');
    writeFileSync(file, [JSON.stringify({ id: 1, text: '包装真是醉了' }), JSON.stringify({ id: 'b', text: '感觉卜像正品' })].join('\n'));
    const before = run('scripts/classify.ts', [file]);
    expect(before.stdout.trim().split('\n').map((l) => JSON.parse(l).primary)).toEqual(['subjective', 'subjective']);
    const { code, stdout, stderr } = run('scripts/classify.ts', ['--learn', corrections, file]);
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toEqual([
      { id: 1, primary: 'logistics_damage', causes: expect.arrayContaining(['logistics_damage']) },
      { id: 'b', primary: 'quality', causes: expect.arrayContaining(['quality']) },
    ]);
    for (const r of rows) {
      expect(r.causes[0]).toBe(r.primary);
      expect(r.causes.length).toBeGreaterThanOrEqual(2); // two chips, always
    }
    // The bad correction line is reported by number and the run still learns from the others.
    expect(stderr).toMatch(/corrections\.jsonl:3: .*primary/);
    expect(stderr).toMatch(/learnt from 2 correction line/);
    expect(code).toBe(1);
  }, 60_000);
});

describe('scripts/eval-causes.ts', () => {
  it('prints the figures and ends with a JSON summary', () => {
    const file = join(dir, 'labelled.jsonl');
    const rows = [
      { id: 'l1', category: '衣服', text: '色差太大', primary: 'not_as_described', causes: ['not_as_described'] },
      { id: 'l2', category: '水果', text: '苹果都烂了', primary: 'quality', causes: ['quality'] },
      { id: 'l3', category: '手机', text: '快递太慢了', primary: 'quality', causes: ['quality', 'logistics_delay'] },
    ];
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    const { code, stdout } = run('scripts/eval-causes.ts', [file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/primary in labelled causes: 100\.0% +\(top-1\)/);
    expect(stdout).toMatch(/either chip in labelled causes: 100\.0% +\(top-2/);
    expect(stdout).toMatch(/commonest mistakes/);
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ n: 3, inLabelledRate: 1, top2Rate: 1 });
    expect(summary.accuracy).toBeCloseTo(2 / 3, 3);
    expect(summary.perClass.map((c: { label: string }) => c.label).sort()).toEqual(['not_as_described', 'quality']);
  }, 60_000);
});

/** A small labelled file: enough lines for a 3-fold run and for training. */
function labelledFile(name: string): string {
  const texts: Array<[string, string]> = [
    ['快递太慢了，等了一个星期', 'logistics_delay'],
    ['物流太垃圾，慢的要死', 'logistics_delay'],
    ['快递员态度差，还凶我', 'logistics_delay'],
    ['质量很差，线头多，洗了就掉色', 'quality'],
    ['用了三天就坏了，开不了机', 'quality'],
    ['苹果都烂了，不新鲜', 'quality'],
    ['色差太大，和图片不一样', 'not_as_described'],
    ['实物和图片完全不一样', 'not_as_described'],
    ['按尺码表买的，结果偏小一码', 'not_as_described'],
    ['不喜欢，感觉一般般', 'subjective'],
    ['太失望了，不好吃，不甜', 'subjective'],
    ['颜色不好看，不喜欢', 'subjective'],
  ];
  const file = join(dir, name);
  writeFileSync(
    file,
    texts.map(([text, primary], i) => JSON.stringify({ id: `t${i}`, category: '衣服', text, primary, causes: [primary] })).join('\n') + '\n',
  );
  return file;
}

// One run per test: each spawns tsx, which takes seconds on a busy machine.
describe('scripts/eval-causes.ts --cv', () => {
  it('cross-validates, reporting mean and minimum over shuffles, and scores a subset of lines', () => {
    const file = labelledFile('cv.jsonl');
    const cv = run('scripts/eval-causes.ts', [file, '--cv', '3', '--seeds', '2', '--subset', '7-12']);
    expect(cv.stderr).toBe('');
    expect(cv.code).toBe(0);
    expect(cv.stdout).toMatch(/3-fold, 2 shuffle\(s\), n=12/);
    expect(cv.stdout).toMatch(/primary in labelled causes: mean [\d.]+%, min [\d.]+%/);
    const summary = JSON.parse(cv.stdout.trim().split('\n').at(-1)!);
    expect(summary.cv).toMatchObject({ folds: 3, seeds: 2, n: 12, lexiconOnly: false });
    expect(summary.inLabelledRate.min).toBeLessThanOrEqual(summary.inLabelledRate.mean);
    expect(summary.subsets).toMatchObject([{ file: 0, from: 7, to: 12, n: 6 }]);
  });

  it('draws the folds from several files, and subsets name a file or lines of one', () => {
    const file = labelledFile('cv.jsonl');
    const other = labelledFile('cv-other.jsonl');
    const both = run('scripts/eval-causes.ts', [file, other, '--cv', '3', '--seeds', '1', '--subset', 'cv-other.jsonl', '--subset', `${file}:1-6`]);
    expect(both.stderr).toBe('');
    expect(both.code).toBe(0);
    expect(both.stdout).toMatch(/3-fold, 1 shuffle\(s\), n=24/);
    expect(both.stdout).toMatch(/cv-other\.jsonl alone \(n=12\)/);
    const bothSummary = JSON.parse(both.stdout.trim().split('\n').at(-1)!);
    expect(bothSummary.subsets).toMatchObject([
      { file: 1, from: 1, to: null, n: 12 },
      { file: 0, from: 1, to: 6, n: 6 },
    ]);
  });

  it('scores each review without the cues that fit no other review (strict cues)', () => {
    const strict = run('scripts/eval-causes.ts', [labelledFile('cv.jsonl'), '--cv', '3', '--seeds', '1', '--strict-cues', '1']);
    expect(strict.code).toBe(0);
    expect(strict.stdout).toMatch(/strict cues: each review scored without the cues that fire in fewer than 1 other/);
    expect(JSON.parse(strict.stdout.trim().split('\n').at(-1)!).cv).toMatchObject({ strictCues: 1 });
  });

  it('scores the lexicon alone on request', () => {
    const lexicon = run('scripts/eval-causes.ts', [labelledFile('cv.jsonl'), '--lexicon-only']);
    expect(lexicon.code).toBe(0);
    expect(lexicon.stdout).toMatch(/classifier: lexicon only/);
  });

  it('refuses too few folds, a subset naming no file, --lines over several files, strict cues without --cv', async () => {
    const file = labelledFile('cv.jsonl');
    const other = labelledFile('cv-other.jsonl');
    const refused = await Promise.all([
      exitCode('scripts/eval-causes.ts', [file, '--cv', '1']),
      exitCode('scripts/eval-causes.ts', [file, other, '--cv', '3', '--subset', 'nope.jsonl']),
      exitCode('scripts/eval-causes.ts', [file, other, '--lines', '1-5']),
      exitCode('scripts/eval-causes.ts', [file, '--strict-cues', '1']),
    ]);
    expect(refused).toEqual([2, 2, 2, 2]);
  });
});

describe('scripts/train-causes.ts', () => {
  it('writes a model that records the training file’s hash and line count, the same bytes every time', () => {
    const file = labelledFile('train.jsonl');
    const out1 = join(dir, 'model1.json');
    const out2 = join(dir, 'model2.json');
    const first = run('scripts/train-causes.ts', [file, '--out', out1]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/12 reviews/);
    expect(run('scripts/train-causes.ts', [file, '--out', out2]).code).toBe(0);
    const text = readFileSync(out1, 'utf8');
    expect(readFileSync(out2, 'utf8')).toBe(text);
    const model = JSON.parse(text);
    expect(model.trainedOn).toEqual({
      files: [{ file, sha256: createHash('sha256').update(readFileSync(file)).digest('hex'), lines: 12 }],
      examples: 12,
    });
  }, 60_000);

  it('trains on several files together, recording each one’s hash, and scores a model file on any files', () => {
    const a = labelledFile('part-a.jsonl');
    const b = join(dir, 'part-b.jsonl');
    writeFileSync(
      b,
      [
        { id: 'b1', text: '客服不理人，问了三遍都没回复', primary: 'service_response', causes: ['service_response'] },
        { id: 'b2', text: '刚买就降价了，差了五十块', primary: 'price_value', causes: ['price_value'] },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    );
    const out = join(dir, 'model-ab.json');
    const result = run('scripts/train-causes.ts', [a, b, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/14 reviews/);
    const model = JSON.parse(readFileSync(out, 'utf8'));
    expect(model.trainedOn).toEqual({
      files: [
        { file: a, sha256: createHash('sha256').update(readFileSync(a)).digest('hex'), lines: 12 },
        { file: b, sha256: createHash('sha256').update(readFileSync(b)).digest('hex'), lines: 2 },
      ],
      examples: 14,
    });
    expect(run('scripts/train-causes.ts', [a, a, '--out', out]).code).toBe(2);

    // The model file can be scored directly on any labelled files.
    const scored = run('scripts/eval-causes.ts', [a, b, '--model', out, '--subset', 'part-b.jsonl']);
    expect(scored.code).toBe(0);
    expect(scored.stdout).toContain(`lexicon + learned model (${out})`);
    const summary = JSON.parse(scored.stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ n: 14, subsets: [{ n: 2 }] });
  }, 60_000);

  it('refuses a file with a bad line and writes nothing', () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, readFileSync(labelledFile('good.jsonl'), 'utf8') + '{"id":"x","text":"坏了","primary":"nope","causes":[]}\n');
    const out = join(dir, 'never.json');
    const result = run('scripts/train-causes.ts', [file, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/:13: .*primary/);
    expect(() => readFileSync(out)).toThrow();
  }, 60_000);
});

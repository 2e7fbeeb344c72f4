// @vitest-environment node
import { spawnSync } from 'node:child_process';
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
    expect(stdout).toMatch(/primary in labelled causes: 100\.0%/);
    expect(stdout).toMatch(/commonest mistakes/);
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ n: 3, inLabelledRate: 1 });
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

describe('scripts/eval-causes.ts --cv', () => {
  it('cross-validates, reporting mean and minimum over shuffles, and scores the lexicon alone on request', () => {
    const file = labelledFile('cv.jsonl');
    const cv = run('scripts/eval-causes.ts', [file, '--cv', '3', '--seeds', '2', '--subset', '7-12']);
    expect(cv.stderr).toBe('');
    expect(cv.code).toBe(0);
    expect(cv.stdout).toMatch(/3-fold, 2 shuffle\(s\), n=12/);
    expect(cv.stdout).toMatch(/primary in labelled causes: mean [\d.]+%, min [\d.]+%/);
    const summary = JSON.parse(cv.stdout.trim().split('\n').at(-1)!);
    expect(summary.cv).toMatchObject({ folds: 3, seeds: 2, n: 12, lexiconOnly: false });
    expect(summary.inLabelledRate.min).toBeLessThanOrEqual(summary.inLabelledRate.mean);
    expect(summary.subset).toMatchObject({ from: 7, to: 12, n: 6 });

    const lexicon = run('scripts/eval-causes.ts', [file, '--lexicon-only']);
    expect(lexicon.code).toBe(0);
    expect(lexicon.stdout).toMatch(/classifier: lexicon only/);
    expect(run('scripts/eval-causes.ts', [file, '--cv', '1']).code).toBe(2);
  }, 60_000);
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
      file,
      sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
      lines: 12,
      examples: 12,
    });
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

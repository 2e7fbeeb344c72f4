// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDatabase } from './support/databases';
import { createPgDatabase } from './support/pg-admin';

const ROOT = resolve(import.meta.dirname, '../..');

// Each command is a real `npm run` starting tsx: on a busy 2-core machine four of them in one test take minutes, not
// seconds. A patience bound for the whole file, never a speed check.
vi.setConfig({ testTimeout: 300_000 });

/** Runs an npm script of the repository root, as the outside checks do. */
function npm(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('npm', args, { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** `npm run team-server -- …` in its own process group; resolves with its URL once it listens. */
function startServer(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn('npm', ['run', '-s', 'team-server', '--', ...args], { cwd: ROOT, env: { ...process.env, ...env }, detached: true });
  let output = '';
  return new Promise((done, fail) => {
    const onData = (d: Buffer) => {
      output += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) done({ child, url: m[1]!, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => fail(new Error(`team-server exited (${code}): ${output}`)));
  });
}

describeEachDatabase('command line contract', (get) => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'reviewdesk-team-'));
    const pg = get().driver === 'postgres' ? await createPgDatabase() : undefined;
    server = await startServer(['--port', '0', '--data', dataDir, '--lead', '组长:secret1'], { DATABASE_URL: pg?.url ?? '' });
    cleanup = async () => {
      // The server's whole process group (npm and the node it started), by its id.
      if (server.child.pid) process.kill(-server.child.pid, 'SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
      await rm(dataDir, { recursive: true, force: true });
      await pg?.drop();
    };
  });
  afterAll(() => cleanup());

  it('starts with the lead account and the expected database, and add-agent creates an account over HTTP', async () => {
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({ ok: true, database: get().driver });
    const added = await npm(['run', '-s', 'team', '--', 'add-agent', '小李', '--password', 'pw12345', '--server', server.url, '--as', '组长:secret1']);
    expect(added.code).toBe(0);
    expect(added.stdout.trim().split('\n')).toEqual([expect.stringContaining('小李')]);
    const login = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: '小李', password: 'pw12345' }) });
    expect(login.status).toBe(200);
    const listed = await npm(['run', '-s', 'team', '--', 'list', '--server', server.url, '--as', '组长:secret1']);
    expect(listed.stdout).toMatch(/小李\tagent\tactive/);
    const revoked = await npm(['run', '-s', 'team', '--', 'revoke', '小李', '--server', server.url, '--as', '组长:secret1']);
    expect(revoked.code).toBe(0);
    expect(server.output()).not.toContain('pw12345');
  });

  it('fails with a clear message and exit code 2: wrong lead password, existing account, unreachable server', async () => {
    const wrong = await npm(['run', '-s', 'team', '--', 'add-agent', '小王', '--password', 'pw12345', '--server', server.url, '--as', '组长:nope']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/密码错误/);
    await npm(['run', '-s', 'team', '--', 'add-agent', '小赵', '--password', 'pw12345', '--server', server.url, '--as', '组长:secret1']);
    const again = await npm(['run', '-s', 'team', '--', 'add-agent', '小赵', '--password', 'pw12345', '--server', server.url, '--as', '组长:secret1']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/已存在/);
    const away = await npm(['run', '-s', 'team', '--', 'list', '--server', 'http://127.0.0.1:9', '--as', '组长:secret1']);
    expect(away.code).toBe(2);
    expect(away.stderr).toMatch(/连不上/);
  });
});

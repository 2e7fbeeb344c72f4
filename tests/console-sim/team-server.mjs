// Starts the team server as a shop starts it (`npm run team-server`), for the e2e tests and the team demo, and adds
// accounts through its own CLI. Embedded PGlite in a data directory, or PostgreSQL when databaseUrl is given.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { REPO_ROOT } from './launch.mjs';

export const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

/**
 * @param {{ port: number, dataDir: string, lead: { name: string, password: string }, databaseUrl?: string }} options
 * Resolves once /api/health answers; `stop()` ends it (the data stays, so `start()` again resumes it).
 */
export async function startTeamServer({ port, dataDir, lead, databaseUrl }) {
  // server/ is its own package: its locked dependencies are installed first when missing (as `npm test` does).
  execFileSync('node', ['scripts/server-deps.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const origin = `http://127.0.0.1:${port}`;
  let child = null;
  const start = async () => {
    // --lead creates the shop's lead the first time; the same data directory keeps everything across restarts.
    child = spawn('npm', ['run', '-s', 'team-server', '--', '--port', String(port), '--data', dataDir, '--lead', `${lead.name}:${lead.password}`], {
      cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: databaseUrl ?? '' }, detached: true,
    });
    let log = '';
    child.stdout.on('data', (d) => { log += d; });
    child.stderr.on('data', (d) => { log += d; });
    const deadline = Date.now() + 180_000;
    for (;;) {
      try {
        if ((await fetch(`${origin}/api/health`)).ok) return;
      } catch { /* not listening yet */ }
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the team server did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  /** `npm run team -- <command> …` against this server as the lead (add-agent, revoke). */
  const team = (...args) =>
    execFileSync('npm', ['run', '-s', 'team', '--', ...args, '--server', origin, '--as', `${lead.name}:${lead.password}`], { cwd: REPO_ROOT, stdio: 'pipe' });
  await start();
  return { origin, start, stop, team };
}

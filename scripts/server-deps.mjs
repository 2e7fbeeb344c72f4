// The team server (server/) is its own npm package, so `npm install` at the top does not install it. `npm test`
// runs its tests too: this installs its locked dependencies first when they are missing or older than its lock.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const lock = 'server/package-lock.json';
const installed = 'server/node_modules/.package-lock.json';
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs;
if (stale) {
  console.log('team server: npm ci --prefix server');
  execFileSync('npm', ['ci', '--prefix', 'server', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

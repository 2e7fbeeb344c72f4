// Starts Chromium with the built extension loaded: shared by the e2e harness and scripts/demo.mjs so both run
// the browser the same way (flags from /work/shared/STACK.md).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, delimiter } from 'node:path';
import { chromium } from 'playwright-core';

export const REPO_ROOT = resolve(new URL('../..', import.meta.url).pathname);
// REVIEWDESK_EXTENSION_DIR lets a run use a copy of the build (e.g. while `wxt build` rewrites .output).
export const DEFAULT_EXTENSION_DIR = process.env.REVIEWDESK_EXTENSION_DIR || join(REPO_ROOT, '.output', 'chrome-mv3');

const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];
const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/usr/bin/microsoft-edge',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

export const NO_BROWSER_MESSAGE =
  'No Chromium-based browser found. Set CHROME_PATH to a Chromium, Chrome or Edge executable, ' +
  'or install one (Debian/Ubuntu: `apt-get install chromium`).';

/**
 * CHROME_PATH first, then the usual names on PATH, then the usual install locations.
 * @returns {string|null}
 */
export function findBrowser(env = process.env) {
  if (env.CHROME_PATH) return existsSync(env.CHROME_PATH) ? env.CHROME_PATH : null;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of BROWSER_NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return USUAL_PATHS.find((p) => existsSync(p)) ?? null;
}

/** Throws a message that says what to run when the extension has not been built. */
export function assertBuilt(extensionDir = DEFAULT_EXTENSION_DIR) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}. Run \`npm run build\` first (the e2e tests and the demo load the build, not the sources).`);
  }
  return extensionDir;
}

/**
 * @param {{ extensionDir?: string, executablePath?: string, headless?: boolean, userDataDir?: string, extraArgs?: string[],
 *           viewport?: { width: number, height: number } | null, swTimeoutMs?: number, harPath?: string }} [options]
 *   harPath: record every request of the context from its very start (service worker start-up included) into a
 *   HAR file, written when the context closes.
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, extensionId: string,
 *           serviceWorker: import('playwright-core').Worker, userDataDir: string, close: () => Promise<void> }>}
 */
export async function launchWithExtension(options = {}) {
  const extensionDir = assertBuilt(options.extensionDir ?? DEFAULT_EXTENSION_DIR);
  const executablePath = options.executablePath ?? findBrowser();
  if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
  const headless = options.headless ?? true;
  const ownDir = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'reviewdesk-profile-'));

  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
  if (options.extraArgs) args.push(...options.extraArgs);
  // Playwright's own headless switch would pick the old headless mode, which cannot run extensions.
  if (headless) args.unshift('--headless=new');

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: false,
    args,
    viewport: options.viewport === undefined ? { width: 1360, height: 900 } : options.viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(options.harPath ? { recordHar: { path: options.harPath, content: 'omit' } } : {}),
  });
  let serviceWorker;
  try {
    serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: options.swTimeoutMs ?? 15000 }));
  } catch (error) {
    await context.close().catch(() => {});
    throw new Error(`The extension's service worker did not start (is ${extensionDir} a complete MV3 build?): ${error.message}`);
  }
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    userDataDir,
    async close() {
      await context.close().catch(() => {});
      if (ownDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

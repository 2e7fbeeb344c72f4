// The extension's scripts add no names to the seller's page and leave the builtins of their own world alone.
// A content script bundled as a named function (`var consoleTap = (function(){…})()`, wxt 0.20's default) puts
// that name on the console page's window (the tap runs in the page's own world), and in the reader's isolated
// world `var console = …` replaces `console` itself once the script has run, so the error reporter's later
// console.warn throws. Checked in Chromium on a console page: the page world through Playwright, the content
// scripts' isolated world through the DevTools protocol.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { assertBuilt } from '../console-sim/launch.mjs';
import { startSession, expectBadgesOnCaseRows } from './harness.mjs';

const dir = assertBuilt();
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
/** The global each content script would declare if bundled as a named function: its file name in camelCase. */
const scriptNames = manifest.content_scripts
  .flatMap((c) => c.js ?? [])
  .map((file) => basename(file, '.js').replace(/-(\w)/g, (_m, c) => c.toUpperCase()));

let s;
let page;
let isolatedWorlds;
before(async () => {
  s = await startSession();
  page = await s.context.newPage();
  const cdp = await s.context.newCDPSession(page);
  isolatedWorlds = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin === `chrome-extension://${s.extensionId}`) isolatedWorlds.push(context.id);
  });
  await cdp.send('Runtime.enable');
  page.cdp = cdp;
  await s.openConsolePage('qianniu', 1, { page });
  await expectBadgesOnCaseRows(page, s.sim.groundTruth('qianniu', 1));
});
after(async () => {
  await s?.close();
});

test('the console page gets no global from the extension, and its console is its own', async () => {
  assert.ok(scriptNames.includes('consoleTap') && scriptNames.includes('console'), scriptNames.join(', '));
  const leaked = await page.evaluate(
    (names) => names.filter((n) => n !== 'console' && Object.prototype.hasOwnProperty.call(window, n)),
    scriptNames,
  );
  assert.deepEqual(leaked, []);
  assert.equal(await page.evaluate(() => typeof console.warn), 'function');
});

test("the reader's own world keeps console (the error reporter writes to it) and declares no global", async () => {
  assert.ok(isolatedWorlds.length > 0, 'no isolated world of the extension on the console page');
  const contextId = isolatedWorlds.at(-1);
  const expression = `JSON.stringify({ warn: typeof console?.warn, declared: ${JSON.stringify(scriptNames)}.filter((n) => n !== 'console' && Object.prototype.hasOwnProperty.call(globalThis, n)) })`;
  const { result, exceptionDetails } = await page.cdp.send('Runtime.evaluate', { expression, contextId, returnByValue: true });
  assert.equal(exceptionDetails, undefined);
  assert.deepEqual(JSON.parse(result.value), { warn: 'function', declared: [] });
});

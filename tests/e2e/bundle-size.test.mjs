// The scripts the built extension puts into every console page stay small: they load on each visit of the
// seller's review pages, so their size is paid by the console itself. The background and side panel may be larger.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { assertBuilt } from '../console-sim/launch.mjs';

const dir = assertBuilt();
const gzipKb = (file) => gzipSync(readFileSync(join(dir, 'content-scripts', file))).length / 1024;

test('the console content script stays under 25 KB gzip, and the page-world tap under 2 KB', () => {
  // Measured: 21.0 KB (reader, row parsers, badges, Tmall text sentiment) and 1.3 KB; the ceiling is 60 KB.
  const reader = gzipKb('console.js');
  const tap = gzipKb('console-tap.js');
  assert.ok(reader < 25, `console.js is ${reader.toFixed(1)} KB gzip`);
  assert.ok(tap < 2, `console-tap.js is ${tap.toFixed(1)} KB gzip`);
});

test('the cause classifier is not in the console page: it runs in the background worker', () => {
  const reader = readFileSync(join(dir, 'content-scripts', 'console.js'), 'utf8');
  // A cue that only the cause lexicon has (the Tmall sentiment vocabulary shares some plain words).
  assert.equal(reader.includes('先行赔付'), false);
  assert.equal(readFileSync(join(dir, 'background.js'), 'utf8').includes('先行赔付'), true);
});

test('the side panel\'s message tables are not in the console page: a badge carries only its own lines', () => {
  const reader = readFileSync(join(dir, 'content-scripts', 'console.js'), 'utf8');
  // Lines only the side panel shows, in either language.
  for (const line of ['待处理案例', 'Open cases', '读取案例失败']) assert.equal(reader.includes(line), false, line);
  // The badge's own lines are there.
  assert.equal(reader.includes('解释剩{n}天'), true);
});

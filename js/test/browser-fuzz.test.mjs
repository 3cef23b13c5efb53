// The fuzzing findings' cases (test/shared/fuzz-cases.mjs; issue #10,
// findings 3, 4 and 9) in headless Chromium: the web entry answers exactly
// as Node's does, including the exact UTF-8 size of an oversize string
// request, which browsers count without Node's Buffer.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { JS, PKG } from './helpers.mjs';
import { fuzzAnswers } from './shared/fuzz-cases.mjs';
import { pageResults, serve } from './shared/chromium.mjs';

const { base } = await serve({ '/pkg/': PKG, '/test/': path.join(JS, 'test') });

test('the fuzzing findings answer in Chromium as in Node, byte for byte', async () => {
  const { results, logs } = await pageResults(`${base}/test/browser/fuzz.html`, { timeout: 60_000 });
  assert.deepEqual(results.errors, [], logs.join('\n'));
  assert.equal(results.hasBuffer, false, 'the page must count UTF-8 without Buffer');
  const { validate, isValid } = await import(path.join(PKG, 'index.mjs'));
  const node = fuzzAnswers({ validate, isValid });
  assert.deepEqual(Object.keys(results.answers), Object.keys(node));
  for (const key of Object.keys(node)) assert.equal(JSON.stringify(results.answers[key]), JSON.stringify(node[key]), key);
  assert.match(results.answers['oversize mixed'].violations[0].message, /^the request is 3670017 bytes/);
  assert.equal(results.answers['nested object 10000'].violations[0].code, 'tooDeep');
  assert.equal(results.answers['options throwingGetter'].threw.code, 'invalidOptions');
});

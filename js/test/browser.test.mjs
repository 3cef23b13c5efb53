// The package in headless Chromium (Playwright, the system browser): a plain
// HTML page loads pkg/web.mjs as an ES module from a local server, calls
// init() (and, in a second run, initSync(bytes)), and runs every vector case,
// compared byte for byte with the native Rust answers. The page is served
// with a Content-Security-Policy carrying 'wasm-unsafe-eval'; without it the
// module must fail to load (the README's CSP note).
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { JS, PKG, VECTORS, vectorData, jsSkip } from './helpers.mjs';
import { CSP, pageResults, serve } from './shared/chromium.mjs';

const CSP_STRICT = "default-src 'self'; script-src 'self'";
const { base } = await serve({ '/pkg/': PKG, '/test/': path.join(JS, 'test'), '/vectors/': VECTORS }, { csp: (url) => (url.searchParams.get('csp') === 'strict' ? CSP_STRICT : CSP) });

const open = (query) => pageResults(`${base}/test/browser/index.html${query}`);

const { cases } = vectorData();
const expectedRun = cases.filter((c) => !jsSkip(c)).length;

for (const mode of ['async', 'sync']) {
  test(`every vector case in Chromium matches native Rust byte for byte (${mode} init)`, async () => {
    const { results, logs } = await open(`?mode=${mode}`);
    assert.deepEqual(results.errors, [], logs.join('\n'));
    assert.deepEqual(results.mismatches, [], JSON.stringify(results.mismatches.slice(0, 20), null, 1));
    assert.equal(results.expectedFailures, cases.filter((c) => !jsSkip(c) && c.expectedFailure !== undefined).length);
    assert.equal(results.total, cases.length);
    assert.equal(results.run, expectedRun);
    assert.ok(results.run > 0, 'no cases ran');
    assert.ok(results.objects > 100, `${results.objects} clean requests checked as objects`);
    assert.equal(results.skipped.length, cases.length - expectedRun);
    console.log(`# browser (${mode}): ${results.run} cases run (${results.expectedFailures} expected failures), ${results.skipped.length} skipped`);
    assert.ok(results.codes.includes('maxLength'));
  });
}

test("without 'wasm-unsafe-eval' in the CSP the module cannot load (the README's note)", async () => {
  const { results } = await open("?csp=strict");
  console.log(`# strict CSP: ${results.errors.join(" | ")}`);
  assert.ok(results.errors.some((e) => /CompileError|WebAssembly|Content Security Policy|unsafe-eval/i.test(e)), JSON.stringify(results.errors));
});

// The package in headless Chromium (Playwright, the system browser): a plain
// HTML page loads pkg/web.mjs as an ES module from a local server, calls
// init() (and, in a second run, initSync(bytes)), and runs every vector case,
// compared byte for byte with the native Rust answers. The page is served
// with a Content-Security-Policy carrying 'wasm-unsafe-eval'; without it the
// module must fail to load (the README's CSP note).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { JS, PKG, VECTORS, vectorData, jsSkip } from './helpers.mjs';

const TYPES = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };
const ROOTS = { '/pkg/': PKG, '/test/': path.join(JS, 'test', 'browser'), '/vectors/': VECTORS };
const CSP_OK = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const CSP_STRICT = "default-src 'self'; script-src 'self'";

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const prefix = Object.keys(ROOTS).find((p) => url.pathname.startsWith(p));
  const file = prefix && path.join(ROOTS[prefix], path.normalize(url.pathname.slice(prefix.length)));
  if (!file || !file.startsWith(ROOTS[prefix]) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' };
  if (file.endsWith('.html')) headers['content-security-policy'] = url.searchParams.get('csp') === 'strict' ? CSP_STRICT : CSP_OK;
  res.writeHead(200, headers);
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
test.after(async () => {
  await browser.close();
  server.close();
});

async function open(query) {
  const page = await browser.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  await page.goto(`${base}/test/index.html${query}`);
  await page.waitForFunction(() => window.__results !== undefined, null, { timeout: 30_000 });
  const results = await page.evaluate(() => window.__results);
  await page.close();
  return { results, logs };
}

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

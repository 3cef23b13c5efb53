// The transition function in headless Chromium (Playwright, the system
// browser): a page loads pkg/web.mjs, runs every machine vector through the
// Job class with the Node runner's checks (test/browser/machine-runner.mjs),
// byte for byte against native Rust, and snapshots handed over between
// Chromium and Node (and so Rust) continue identically.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { JS, PKG, VECTORS } from './helpers.mjs';
import { runMachineVectors } from './browser/machine-runner.mjs';

const TYPES = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };
const ROOTS = { '/pkg/': PKG, '/test/': path.join(JS, 'test', 'browser'), '/vectors/': VECTORS };

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const prefix = Object.keys(ROOTS).find((p) => url.pathname.startsWith(p));
  const file = prefix && path.join(ROOTS[prefix], path.normalize(url.pathname.slice(prefix.length)));
  if (!file || !file.startsWith(ROOTS[prefix]) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' };
  if (file.endsWith('.html')) headers['content-security-policy'] = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
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

const data = JSON.parse(fs.readFileSync(path.join(VECTORS, 'machine.json'), 'utf8'));

test('every machine vector in Chromium matches its expectations and native Rust byte for byte', async () => {
  const page = await browser.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  await page.goto(`${base}/test/machine.html`);
  await page.waitForFunction(() => window.__results !== undefined, null, { timeout: 60_000 });
  const results = await page.evaluate(() => window.__results);
  await page.close();
  assert.deepEqual(results.errors, [], logs.join('\n'));
  assert.deepEqual(results.failures, []);
  assert.deepEqual(results.mismatches, [], JSON.stringify(results.mismatches.slice(0, 5), null, 1));
  assert.deepEqual(results.misuse, []);
  assert.equal(results.run, data.length);
  assert.ok(results.interop > 10);
  // Chromium's snapshots after the middle step are Rust's (byte for byte,
  // checked above) and Node's: a Node job restored from them ends where
  // Rust does.
  const node = await import(path.join(PKG, 'index.mjs'));
  const byKey = new Map(data.map((d) => [d.key, d]));
  assert.ok(results.handoffs.length > 10);
  for (const h of results.handoffs) {
    const job = node.Job.fromSnapshot(h.snapshot);
    for (const s of h.steps) {
      if (s.event.type !== 'advance') {
        try {
          job.advance(s.at);
        } catch (e) {
          if (!(e instanceof node.MachineError)) throw e;
          continue;
        }
      }
      try {
        job.apply(s.at, s.event);
      } catch (e) {
        if (!(e instanceof node.MachineError)) throw e;
      }
    }
    assert.equal(job.toSnapshot(), byKey.get(h.key).rust.final.snapshot, h.key);
  }
  // And the Node run agrees with the browser's on every handoff.
  const nodeRun = runMachineVectors(node, data);
  assert.deepEqual(nodeRun.handoffs, results.handoffs);
  console.log(`# machine vectors (Chromium): ${results.run} cases, ${results.interop} resumed from Rust snapshots, ${results.handoffs.length} Chromium snapshots resumed in Node`);
});

// The browser's cold start (#12): headless Chromium (Playwright, the
// system's browser or $CHROMIUM; nothing is downloaded) loads pkg/web.mjs
// from a local server in a fresh browser context, calls `init()` and then
// `validate()` on the 1.2 KB CreateJob twice; the page times the import,
// `init()` (fetching and compiling the core .wasm), the first validate and
// the second. Every file is served with `cache-control: no-store`, so no
// run reuses another's compiled code. Prints the medians of N runs
// (default 15) as a Markdown table.
//
//   bash .ci/build-pkg && (cd js && node bench/browser-first.mjs [runs] [pkg dir])
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// `--json FILE` (anywhere) also writes the medians as JSON (`make bench`).
const argv = process.argv.slice(2);
const jsonAt = argv.indexOf('--json');
const jsonOut = jsonAt >= 0 ? argv.splice(jsonAt, 2)[1] : undefined;
const RUNS = Number(argv[0] || 15);
const PKG = path.resolve(argv[1] || path.join(HERE, '..', '..', 'pkg'));
const REQUEST = fs.readFileSync(path.join(HERE, 'create-job.json'), 'utf8');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const TYPES = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm' };

const PAGE = '<!doctype html><meta charset="utf-8"><script type="module" src="/first.mjs"></script>';
// The page's module: everything it times happens after the request text is in hand.
const FIRST = `const request = ${JSON.stringify(REQUEST)};
const t0 = performance.now();
const { init, validate } = await import('/pkg/web.mjs');
const t1 = performance.now();
await init();
const t2 = performance.now();
const first = validate('CreateJob', request, { now: 1795000000000 });
const t3 = performance.now();
validate('CreateJob', request, { now: 1795000000000 });
const t4 = performance.now();
window.__results = { valid: first.valid, import: t1 - t0, init: t2 - t1, first: t3 - t2, second: t4 - t3 };
`;

const server = http.createServer((req, res) => {
  const url = new URL(req.url || '/', 'http://x');
  const fixed = { '/': ['text/html', PAGE], '/first.mjs': ['text/javascript', FIRST] }[url.pathname];
  if (fixed !== undefined) {
    res.writeHead(200, { 'content-type': fixed[0], 'content-security-policy': CSP, 'cache-control': 'no-store' });
    res.end(fixed[1]);
    return;
  }
  const file = url.pathname.startsWith('/pkg/') ? path.join(PKG, path.normalize(url.pathname.slice(5))) : undefined;
  if (file === undefined || !file.startsWith(PKG) || !fs.existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
/** @type {Array<Record<string, number>>} */
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base);
    await page.waitForFunction(() => /** @type {any} */ (window).__results !== undefined, null, { timeout: 30_000 });
    const r = await page.evaluate(() => /** @type {any} */ (window).__results);
    await context.close();
    if (r.valid !== true) throw new Error(`the bench request is not valid in the browser: ${JSON.stringify(r)}`);
    runs.push(r);
  }
} finally {
  await browser.close();
  server.close();
}
/** @param {number[]} xs */
const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** @param {string} k */
const med = (k) => median(runs.map((r) => r[k])).toFixed(2);
console.log(`Chromium ${browser.version()}, ${RUNS} fresh contexts, median (load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')})\n`);
console.log('| import web.mjs | init() | first validate | second validate |\n|---|---|---|---|');
console.log(`| ${med('import')} ms | ${med('init')} ms | **${med('first')} ms** | ${med('second')} ms |`);
if (jsonOut) {
  const out = { runs: RUNS, chromium: browser.version(), load: os.loadavg() };
  for (const k of ['import', 'init', 'first', 'second']) out[k] = median(runs.map((r) => r[k]));
  fs.writeFileSync(jsonOut, JSON.stringify(out, null, 2) + '\n');
}

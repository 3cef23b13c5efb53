// One way for the tests to reach a browser (Node only): headless Chromium
// through Playwright (the system's browser, or $CHROMIUM; nothing is
// downloaded) and a static server on 127.0.0.1. What a test file opens here
// is closed after its tests.
import test from 'node:test';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** The Content-Security-Policy the README asks for: WebAssembly needs 'wasm-unsafe-eval'. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

const TYPES = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };

/** What to close after the file's tests, the last opened first. */
const opened = [];
test.after(async () => {
  for (const close of opened.splice(0).reverse()) await close();
});

let launched;
/** The file's browser, launched on first use. */
export function browser() {
  if (launched === undefined) {
    launched = chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const mine = launched;
    opened.push(async () => (await mine).close());
  }
  return launched;
}

/**
 * Serves files on 127.0.0.1: `roots` maps URL prefixes (`/pkg/`, or `/` for
 * one directory) to directories; a path ending in `/` is its `index.html`;
 * `pages` answers fixed HTML at exact paths. HTML comes with the
 * Content-Security-Policy `csp(url)` (by default `CSP`). Answers
 * `{ base, close }`; the server closes after the file's tests at the latest.
 * @param {Record<string, string>} roots
 * @param {{ csp?: (url: URL) => string, pages?: Record<string, string> }} [options]
 */
export async function serve(roots, { csp = () => CSP, pages = {} } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (Object.hasOwn(pages, url.pathname)) {
      res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': csp(url) });
      res.end(pages[url.pathname]);
      return;
    }
    const prefix = Object.keys(roots).find((p) => url.pathname.startsWith(p));
    const rel = prefix === undefined ? undefined : `${decodeURIComponent(url.pathname.slice(prefix.length))}${url.pathname.endsWith('/') ? 'index.html' : ''}`;
    const file = rel === undefined ? undefined : path.join(roots[prefix], path.normalize(rel));
    if (file === undefined || !file.startsWith(roots[prefix]) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' };
    if (file.endsWith('.html')) headers['content-security-policy'] = csp(url);
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    server.close();
    server.closeAllConnections();
  };
  opened.push(close);
  return { base: `http://127.0.0.1:${server.address().port}`, close };
}

/**
 * Opens `url` in a new page of the file's browser, waits for the page's
 * `window.__results` and answers them with what the page logged (console
 * lines and uncaught errors).
 * @param {string} url
 * @param {{ timeout?: number }} [options]
 */
export async function pageResults(url, { timeout = 30_000 } = {}) {
  const page = await (await browser()).newPage();
  const logs = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__results !== undefined, null, { timeout });
    return { results: await page.evaluate(() => window.__results), logs };
  } finally {
    await page.close();
  }
}

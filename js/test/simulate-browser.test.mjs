// simulateAsync in headless Chromium (Playwright, the system browser): over
// Web Workers started from a Blob URL (the page's Content-Security-Policy
// allows `worker-src blob:`), byte for byte simulate()'s summary for 1, 2
// and 3 threads, progress to the total, an abort that terminates the
// workers (also while they start), and errors found by a worker rethrown
// as simulate() throws them; under the README's CSP without
// `worker-src blob:`, with workers that never become ready (the start-up
// timeout) or a postMessage that throws, the workers cannot start and the
// shards run in turn on the page, with the same summary, no worker left
// running and the Blob URL revoked.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CSP, pageResults, serve } from './shared/chromium.mjs';
import { JS, PKG, ROOT } from './helpers.mjs';

const SIMULATIONS = path.join(ROOT, 'examples', 'simulations');
const NAME = 'safe-canary.json';
/** The README's CSP for workers: blob: workers (which inherit 'wasm-unsafe-eval'). */
const WORKER_CSP = `${CSP}; worker-src 'self' blob:`;

const DS_PKG = path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'pkg-document-schema');
assert.ok(fs.existsSync(path.join(DS_PKG, 'web.mjs')), `${DS_PKG} is missing: run bash .ci/build-pkg --document-schema`);

const { base } = await serve(
  { '/pkg/': PKG, '/pkg-ds/': DS_PKG, '/test/': path.join(JS, 'test'), '/simulations/': SIMULATIONS },
  { csp: (url) => (url.searchParams.get('csp') === 'workers' ? WORKER_CSP : CSP) },
);

const nodePkg = await import(path.join(PKG, 'index.mjs'));
const text = fs.readFileSync(path.join(SIMULATIONS, NAME), 'utf8');
const reference = JSON.stringify(nodePkg.simulate(text, { trials: 20 }));

/** Checks what both pages share: the summaries, progress, abort and errors. */
function checkCommon(results, logs) {
  assert.deepEqual(results.errors, [], logs.join('\n'));
  // The page's simulate() is Node's (and so the native CLI's).
  assert.equal(results.reference, reference);
  assert.equal(results.beforeExtras.code, 'notInitialized');
  for (const threads of ['1', '2', '3', 'undefined']) {
    const run = results.runs[threads];
    assert.equal(run.same, true, `threads ${threads}`);
    // One progress call per shard (4 per thread), the last at the total.
    if (threads !== 'undefined') assert.equal(run.progress.length, 4 * Number(threads), `threads ${threads}`);
    assert.deepEqual(run.progress.at(-1), [20, 20], `threads ${threads}`);
    assert.ok(run.progress.every(([d, n], i) => n === 20 && d > 0 && (i === 0 || d > run.progress[i - 1][0])), JSON.stringify(run.progress));
  }
  // One thread: in turn, no worker.
  assert.equal(results.runs['1'].attempted, 0);
  assert.equal(results.aborted.name, 'AbortError');
  assert.deepEqual({ name: results.abortedEarly.name, attempted: results.abortedEarly.attempted }, { name: 'AbortError', attempted: 0 });
  const sync = results.malformed.sync;
  assert.equal(sync.code, 'invalidSimulation');
  assert.deepEqual(results.malformed.async, sync);
  assert.deepEqual([results.invalid.same, results.invalid.valid], [true, false]);
}

/** The checks of a page whose workers start (`pkg`: the build's directory on the server). */
async function checkWorkers(pkg) {
  const { results, logs } = await pageResults(`${base}/test/browser/simulate.html?csp=workers&pkg=${pkg}&simulation=${NAME}`, { timeout: 60_000 });
  checkCommon(results, logs);
  // 2 and 3 threads: that many workers made, each answering shards (all 4 × threads), all terminated.
  for (const threads of [2, 3]) {
    const run = results.runs[String(threads)];
    assert.deepEqual({ made: run.made, answers: run.answers, terminated: run.terminated }, { made: threads, answers: 4 * threads, terminated: threads }, `threads ${threads}`);
  }
  // The default: navigator.hardwareConcurrency threads (workers when over 1).
  const byDefault = results.runs.undefined;
  const hc = Math.min(results.hardwareConcurrency, 256);
  assert.equal(byDefault.progress.length, 4 * hc);
  assert.equal(byDefault.made, hc > 1 ? hc : 0);
  // Aborted at the first shard: the workers were made and every one terminated, before all shards ran.
  assert.equal(results.aborted.made, 2);
  assert.equal(results.aborted.terminated, 2);
  assert.ok(results.aborted.answers < 8, JSON.stringify(results.aborted));
  // The malformed simulation was found by a worker (the page did not parse it).
  assert.ok(results.malformed.answers > 0, JSON.stringify(results.malformed));
  assert.equal(results.malformed.terminated, results.malformed.made);
  assert.ok(results.invalid.answers > 0 && results.invalid.terminated === results.invalid.made, JSON.stringify(results.invalid));
  // Aborted while starting (ready held back): both workers terminated, the
  // URL revoked, no shard run; the next call still uses workers.
  const starting = results.abortedStarting;
  assert.deepEqual(
    { name: starting.name, made: starting.made, held: starting.held, terminated: starting.terminated, answers: starting.answers, urls: starting.urls, revoked: starting.revoked },
    { name: 'AbortError', made: 2, held: 2, terminated: 2, answers: 0, urls: 1, revoked: 1 },
  );
  const after = results.afterAbortedStarting;
  assert.deepEqual(
    { same: after.same, made: after.made, answers: after.answers, terminated: after.terminated, urls: after.urls, revoked: after.revoked },
    { same: true, made: 2, answers: 8, terminated: 2, urls: 1, revoked: 1 },
  );
}

test('simulateAsync over Web Workers in Chromium: simulate()\'s summary for 1, 2 and 3 threads, progress, abort, errors', () => checkWorkers('/pkg'));

test('simulateAsync over Web Workers in Chromium, the opt-in one-module build (its core glue is the workers\')', () => checkWorkers('/pkg-ds'));

/** A start-up failure page (`scenario`: stall or clone): in turn, simulate()'s summary, no worker left. */
async function startFailure(scenario) {
  const { results, logs } = await pageResults(`${base}/test/browser/simulate.html?csp=workers&scenario=${scenario}&simulation=${NAME}`, { timeout: 60_000 });
  assert.deepEqual(results.errors, [], logs.join('\n'));
  assert.equal(results.reference, reference);
  const { failed, later } = results;
  assert.equal(failed.same, true);
  assert.deepEqual(failed.progress.at(-1), [20, 20]);
  assert.equal(failed.progress.length, 8);
  // Workers were made and every one terminated, the URL made once and revoked; none ran a shard.
  assert.ok(failed.made >= 1, JSON.stringify(failed));
  assert.deepEqual(
    { terminated: failed.terminated, answers: failed.answers, urls: failed.urls, revoked: failed.revoked },
    { terminated: failed.made, answers: 0, urls: 1, revoked: 1 },
  );
  // The page does not try workers again.
  assert.deepEqual({ same: later.same, attempted: later.attempted, urls: later.urls }, { same: true, attempted: 0, urls: 0 });
  return failed;
}

test('simulateAsync in Chromium, workers that never become ready: in turn after the start-up timeout, simulate()\'s summary', async () => {
  const failed = await startFailure('stall');
  // Both made, both became ready (held back by the page), both terminated.
  assert.deepEqual([failed.made, failed.held], [2, 2]);
});

test('simulateAsync in Chromium, postMessage throwing a DataCloneError: in turn, simulate()\'s summary, no worker left', async () => {
  const failed = await startFailure('clone');
  // The first worker could not be sent the module: no second one made.
  assert.equal(failed.made, 1);
});

test('simulateAsync in Chromium under a CSP without `worker-src blob:`: the shards in turn on the page, the same summary', async () => {
  const { results, logs } = await pageResults(`${base}/test/browser/simulate.html?simulation=${NAME}`, { timeout: 60_000 });
  checkCommon(results, logs.filter((l) => !/Content Security Policy/.test(l)));
  // The workers were tried once (2 threads), answered nothing and were
  // terminated; later calls did not try again.
  assert.deepEqual(results.runs['2'], { ...results.runs['2'], attempted: 2, answers: 0, terminated: results.runs['2'].made, urls: 1, revoked: 1 });
  for (const run of [results.runs['3'], results.runs.undefined, results.aborted, results.abortedStarting, results.afterAbortedStarting, results.malformed, results.invalid]) {
    assert.deepEqual([run.attempted, run.answers], [0, 0], JSON.stringify(run));
  }
});

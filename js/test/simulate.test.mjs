// The package's simulator (#11): `simulate(simulation, options?)`,
// `mergeShards(shards)` and `simulateAsync(simulation, {threads,
// onProgress, signal})` against the native CLI's `simulate --format json
// --threads 1` (target/debug/iot-jobs-policy, `cargo build --features
// cli`), on every simulation of examples/simulations/ (with `--trials` kept
// small, the same on both sides): the summary the core answers is the CLI's
// bytes, the parsed object its JSON; shards merged equal the whole; the
// worker threads of simulateAsync give the same summary for 1, 2 and 3
// threads; an AbortSignal rejects with an AbortError; a malformed
// simulation throws `invalidSimulation` with the member's pointer, as the
// CLI's exit 2 names it.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { PKG, ROOT } from './helpers.mjs';

const require = createRequire(import.meta.url);
const esm = await import(path.join(PKG, 'index.mjs'));
const cjs = require(path.join(PKG, 'index.cjs'));
const { simulate, mergeShards, simulateAsync } = esm;
// The extras module's raw wasm-bindgen glue: the answer's text as the core wrote it.
const glue = require(path.join(PKG, 'iot_jobs_policy_extras_node.cjs'));

const NATIVE = path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'debug', 'iot-jobs-policy');
assert.ok(fs.existsSync(NATIVE), `${NATIVE} is missing: run cargo build --locked --features cli --bin iot-jobs-policy`);

/** Trials per sample: small enough for a debug CLI, the same on both sides. */
const TRIALS = 60;

/** The native CLI's `simulate` of `text` (through standard input). */
function native(text, ...args) {
  const r = spawnSync(NATIVE, ['simulate', '-', '--threads', '1', ...args], { input: text, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DIR = path.join(ROOT, 'examples', 'simulations');
const SAMPLES = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const sample = (file) => fs.readFileSync(path.join(DIR, file), 'utf8');

const FLEET = {
  job: { jobId: 'fw', document: '{}', targets: ['arn:aws:iot:us-east-1:123456789012:thinggroup/fleet'], jobExecutionsRolloutConfig: { maximumPerMinute: 5 } },
  fleetSize: 20,
  trials: 30,
  seed: 5,
  devices: { outcomes: { SUCCEEDED: 0.8, FAILED: 0.2 }, run: { fixed: 1000 } },
};

test('ESM and CommonJS export one simulate, mergeShards and simulateAsync', () => {
  for (const name of ['simulate', 'mergeShards', 'simulateAsync']) {
    assert.equal(typeof esm[name], 'function', name);
    assert.equal(esm[name], cjs[name], name);
  }
});

test('simulate() is the native CLI\'s simulate --format json, byte for byte, on every bundled simulation', () => {
  assert.ok(SAMPLES.length >= 4, SAMPLES.join());
  for (const file of SAMPLES) {
    const text = sample(file);
    const n = native(text, '--format', 'json', '--trials', String(TRIALS));
    assert.equal(n.status, 0, `${file}: ${n.stderr}`);
    // The core's answer carries the CLI's bytes as they are.
    const raw = glue.simulate(text, JSON.stringify({ trials: TRIALS }));
    const prefix = '{"type":"success","summary":';
    assert.ok(raw.startsWith(prefix) && raw.endsWith('}'), `${file}: ${raw.slice(0, 80)}`);
    assert.equal(`${raw.slice(prefix.length, -1)}\n`, n.stdout, file);
    // The object: the CLI's JSON parsed, members in the same order.
    const printed = JSON.parse(n.stdout);
    const summary = simulate(text, { trials: TRIALS });
    assert.deepEqual(summary, printed, file);
    assert.equal(JSON.stringify(summary), JSON.stringify(printed), file);
    assert.equal(summary.trials, TRIALS, file);
    // As an object: the same bytes, the fingerprint included (it reads
    // numbers by value: JSON.stringify writes bad-update-caught's
    // `"incrementFactor": 2.0` as `2`).
    assert.equal(JSON.stringify(simulate(JSON.parse(text), { trials: TRIALS })), JSON.stringify(printed), `${file} as an object`);
  }
});

test('simulate(sim, {shard}) is the CLI\'s --shard I/K; mergeShards of them is the whole, as the CLI\'s --merge', () => {
  const text = sample(SAMPLES[0]);
  const whole = simulate(text, { trials: TRIALS });
  for (const k of [1, 2, 3, 7]) {
    const shards = Array.from({ length: k }, (_, i) => simulate(text, { trials: TRIALS, shard: [i + 1, k] }));
    shards.forEach((s, i) => assert.deepEqual(s.shard, [i, k]));
    assert.equal(shards.reduce((n, s) => n + s.trialsRun, 0), TRIALS);
    assert.equal(JSON.stringify(mergeShards(shards)), JSON.stringify(whole), `${k} shards`);
    // In any order, and as JSON text.
    assert.equal(JSON.stringify(mergeShards(shards.slice().reverse().map((s) => JSON.stringify(s)))), JSON.stringify(whole));
  }
  // The CLI's own shard, byte for byte, and merged by the package.
  const n = native(text, '--trials', String(TRIALS), '--shard', '2/3');
  assert.equal(n.status, 0, n.stderr);
  const two = simulate(text, { trials: TRIALS, shard: [2, 3] });
  assert.equal(`${JSON.stringify(two)}\n`, n.stdout);
  const others = [1, 3].map((i) => simulate(text, { trials: TRIALS, shard: [i, 3] }));
  assert.deepEqual(mergeShards([others[0], n.stdout, others[1]]), whole);
});

test('mergeShards refuses shards that do not merge: invalidShard', () => {
  const a = simulate(FLEET, { shard: [1, 2] });
  const b = simulate(FLEET, { shard: [2, 2] });
  const other = simulate({ ...FLEET, seed: 6 }, { shard: [2, 2] });
  for (const shards of [[], [a], [a, a], [a, other], [a, b, b]]) {
    assert.throws(() => mergeShards(shards), { name: 'TypeError', code: 'invalidShard' }, JSON.stringify(shards.map((s) => s.shard)));
  }
  assert.throws(() => mergeShards([a, { ...b, format: 'nope' }]), (e) => e.code === 'invalidShard' && e.index === 1);
  assert.throws(() => mergeShards([a, '{"x": 1}, {}']), (e) => e.code === 'invalidShard' && e.index === 1);
  assert.throws(() => mergeShards([a, 7]), (e) => e.code === 'invalidShard' && e.index === 1);
  assert.throws(() => mergeShards('[]'), { name: 'TypeError', code: 'invalidShard' });
  assert.deepEqual(mergeShards([b, a]), simulate(FLEET));
});

test('simulateAsync over 1, 2 and 3 worker threads is simulate(), with progress as shards complete', async () => {
  for (const file of [SAMPLES[0], SAMPLES[SAMPLES.length - 1]]) {
    const text = sample(file);
    const whole = JSON.stringify(simulate(text, { trials: TRIALS }));
    for (const threads of [1, 2, 3]) {
      const progress = [];
      let ports = 0;
      const summary = await simulateAsync(text, {
        trials: TRIALS,
        threads,
        onProgress: (done, total) => {
          progress.push([done, total]);
          // The workers are running: one message port each, at least.
          ports = Math.max(ports, process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length);
        },
      });
      assert.ok(ports >= threads, `${ports} message ports for ${threads} worker(s)`);
      assert.equal(JSON.stringify(summary), whole, `${file}, ${threads} thread(s)`);
      // One call per shard (four per thread), done rising to the trials.
      assert.equal(progress.length, threads * 4, `${file}: ${JSON.stringify(progress)}`);
      assert.ok(progress.every(([d, t], i) => t === TRIALS && (i === 0 || d >= progress[i - 1][0])), JSON.stringify(progress));
      assert.deepEqual(progress[progress.length - 1], [TRIALS, TRIALS]);
    }
  }
  // The document's own trials and seed, and an object.
  assert.deepEqual(await simulateAsync(FLEET, { threads: 2 }), simulate(FLEET));
  assert.deepEqual(await simulateAsync(FLEET, { threads: 2, seed: 9, trials: 11 }), simulate(FLEET, { seed: 9, trials: 11 }));
});

test('simulateAsync: an AbortSignal terminates the workers and rejects with an AbortError', async () => {
  const text = sample(SAMPLES[0]);
  const aborted = new AbortController();
  aborted.abort();
  await assert.rejects(simulateAsync(text, { signal: aborted.signal }), { name: 'AbortError' });
  // Aborted while running: 1000 trials cannot be done before the first shard reports.
  const ac = new AbortController();
  const running = simulateAsync(text, { threads: 2, trials: 1000, signal: ac.signal, onProgress: () => ac.abort() });
  await assert.rejects(running, { name: 'AbortError' });
});

test('a malformed simulation throws invalidSimulation with the pointer the CLI names; an invalid job is its report', async () => {
  const bad = JSON.stringify({ ...FLEET, fleetSize: 'many' });
  const n = native(bad);
  assert.equal(n.status, 2);
  let thrown;
  try {
    simulate(bad);
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof TypeError, String(thrown));
  assert.equal(thrown.code, 'invalidSimulation');
  assert.equal(thrown.pointer, '/fleetSize');
  assert.ok(n.stderr.includes(thrown.message), `${n.stderr} / ${thrown.message}`);
  await assert.rejects(simulateAsync(bad, { threads: 2 }), { name: 'TypeError', code: 'invalidSimulation', pointer: '/fleetSize' });
  const devices = { ...FLEET, devices: { outcomes: { SUCCEEDED: 2 } } };
  assert.throws(() => simulate(devices), (e) => e.code === 'invalidSimulation' && e.pointer.startsWith('/devices/outcomes'));
  for (const doc of ['{', '[]', 7, null, [], '{"job": {}, "extra": 1}']) {
    assert.throws(() => simulate(doc), (e) => e.code === 'invalidSimulation' && typeof e.pointer === 'string', JSON.stringify(doc));
  }
  // Over 64 MiB of code units: refused before the copy into wasm memory.
  const big = `${JSON.stringify(FLEET)}${' '.repeat(64 * 1024 * 1024)}`;
  assert.throws(() => simulate(big), { code: 'invalidSimulation', pointer: '', message: `the simulation is ${big.length} bytes, more than the limit of 67108864` });
  // Options.
  for (const options of [{ trials: 0 }, { trials: 1.5 }, { seed: -1 }, { seed: 2 ** 53 }, { shard: [0, 2] }, { shard: [3, 2] }, { shard: '1/2' }, 'x']) {
    assert.throws(() => simulate(FLEET, options), { name: 'TypeError', code: 'invalidOptions' }, JSON.stringify(options));
  }
  for (const options of [{ threads: 0 }, { threads: 1.5 }, { onProgress: 1 }, 'x']) {
    await assert.rejects(simulateAsync(FLEET, options), { name: 'TypeError', code: 'invalidOptions' }, JSON.stringify(options));
  }
  // An invalid job: the report the CLI prints (exit 1), from both.
  const invalid = JSON.stringify({ job: { jobId: 'bad id', targets: [], document: '{}' }, fleetSize: 2 });
  const r = native(invalid, '--format', 'json');
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(simulate(invalid), JSON.parse(r.stdout));
  assert.equal(simulate(invalid).valid, false);
  assert.deepEqual(await simulateAsync(invalid, { threads: 2 }), JSON.parse(r.stdout));
});

test('in a bundle (no package file for a worker to load) simulateAsync runs the shards in turn, the same summary', async () => {
  const esbuild = await import('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iot-jobs-policy-simulate-bundle-'));
  try {
    const text = sample(SAMPLES[0]);
    const whole = JSON.stringify(simulate(text, { trials: TRIALS }));
    const source = `import { simulateAsync } from ${JSON.stringify(path.join(PKG, 'index.mjs'))};
const progress = [];
const s = await simulateAsync(${JSON.stringify(text)}, { trials: ${TRIALS}, threads: 2, onProgress: (d, n) => progress.push([d, n]) });
process.stdout.write(JSON.stringify({ summary: JSON.stringify(s), progress }));
`;
    for (const format of ['esm', 'cjs']) {
      const outfile = path.join(dir, `bundle.${format === 'esm' ? 'mjs' : 'cjs'}`);
      const src = format === 'esm' ? source : `(async () => {\n${source.replace(/^import \{ simulateAsync \} from (.*);$/m, 'const { simulateAsync } = require($1);')}\n})();`;
      await esbuild.build({ stdin: { contents: src, resolveDir: dir, loader: 'js' }, bundle: true, platform: 'node', format, outfile, logLevel: 'silent' });
      const r = spawnSync(process.execPath, [outfile], { encoding: 'utf8' });
      assert.equal(r.status, 0, `${format}: ${r.stderr}`);
      const out = JSON.parse(r.stdout);
      assert.equal(out.summary, whole, format);
      assert.equal(out.progress.length, 8, format);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

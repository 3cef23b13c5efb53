// The simulator's Node benchmark (#11): simulated thing-trials per second,
// the npm package's `simulate` (WebAssembly, one thread) against the native
// release CLI on one thread, and `simulateAsync` over 2 worker threads
// against the CLI's `--threads 2`, on benches/data/simulate-10k.json (10,000
// things, retries on FAILED and TIMED_OUT, a 10-minute in-progress timeout,
// an abort that fires in about half the trials; the criterion benchmark's
// document, benches/simulate.rs).
//
// The runs alternate (wasm, native, wasm on 2 threads, native on 2 threads,
// then again), ROUNDS rounds; each figure is the median of its rounds (the
// host is shared). A native run is a whole process (`simulate FILE
// --threads T --trials N --format json`), start and JSON parsing included:
// with N = 100 a run takes about 0.3 s, of which start is a few ms. A wasm
// run is one `simulate(text, {trials: N})` call in this process, after a
// warm-up call that loads the extras module; `simulateAsync` starts its
// workers (each loads the package) on every call, as an application's would.
//
// Before timing, the answers are checked equal: the extras module's answer
// (its raw text, as the CLI's `--format json` prints it) against the CLI's
// stdout with --threads 1 and --threads 2, byte for byte; every timed run's
// result (parsed) against the CLI's, member for member. A difference exits 1.
//
// Needs pkg/ (`bash .ci/build-pkg`) and the release CLI
// (`cargo build --release --locked --features cli`), in $CARGO_TARGET_DIR
// or target/.
//
//   node bench/simulate.mjs                      # N = 100 trials, 5 rounds (about 10 s)
//   node bench/simulate.mjs --trials 40 --rounds 3
//   node bench/simulate.mjs --native PATH        # another native binary to compare with
//
// The release CLI is built at opt-level 3 (the release profile's since
// #12, like the criterion benchmark; it was "z" before, the figures of #11
// in BENCHMARKS.md compare with both). For a "z" peer, from the
// repository root:
//   CARGO_PROFILE_RELEASE_OPT_LEVEL=z cargo build --release --locked --features cli
//   cp target/release/iot-jobs-policy target/iot-jobs-policy-z
//   cargo build --release --locked --features cli   # the opt-level 3 binary back
//   (cd js && node bench/simulate.mjs --native ../target/iot-jobs-policy-z)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const PKG = path.join(ROOT, 'pkg');
const require = createRequire(import.meta.url);

/** The value of `--name V` on the command line, or `fallback`. */
function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = process.argv[i + 1];
  if (v === undefined) throw new Error(`--${name} needs a value`);
  return v;
}
const TRIALS = Number(arg('trials', '100'));
const ROUNDS = Number(arg('rounds', '5'));
if (!Number.isInteger(TRIALS) || TRIALS < 1 || !Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error('--trials and --rounds take whole numbers from 1');
const TARGET = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
const NATIVE = path.resolve(arg('native', path.join(TARGET, 'release', 'iot-jobs-policy')));
const FILE = path.join(ROOT, 'benches', 'data', 'simulate-10k.json');
const THREADS = 2;

for (const [f, how] of [
  [path.join(PKG, 'index.cjs'), 'bash .ci/build-pkg'],
  [NATIVE, 'cargo build --release --locked --features cli'],
]) {
  if (!fs.existsSync(f)) {
    console.error(`${f} is missing: run ${how}`);
    process.exit(2);
  }
}

const api = require(path.join(PKG, 'index.cjs'));
// The extras module's raw wasm-bindgen glue (the package's own copy): its
// answer is the summary's text as the core wrote it, the CLI's bytes.
const glue = require(path.join(PKG, 'iot_jobs_policy_extras_node.cjs'));
const text = fs.readFileSync(FILE, 'utf8');
const fleet = JSON.parse(text).fleetSize;

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;
const native = (threads) =>
  execFileSync(NATIVE, ['simulate', FILE, '--threads', String(threads), '--trials', String(TRIALS), '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });

console.log(`Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), load average at start: ${load()}`);
console.log(`${path.relative(ROOT, FILE)}: ${fleet} things x ${TRIALS} trials a run, ${ROUNDS} rounds; native: ${NATIVE}\n`);

// --- the answers, equal ------------------------------------------------------
const failures = [];
const expected = native(1);
const prefix = '{"type":"success","summary":';
const raw = glue.simulate(text, JSON.stringify({ trials: TRIALS }));
if (!raw.startsWith(prefix) || !raw.endsWith('}')) throw new Error(`unexpected answer: ${raw.slice(0, 120)}`);
if (`${raw.slice(prefix.length, -1)}\n` !== expected) failures.push('the wasm summary text differs from the CLI --threads 1 output');
if (native(THREADS) !== expected) failures.push(`the CLI's --threads ${THREADS} output differs from its --threads 1 output`);
const expectedJson = JSON.stringify(JSON.parse(expected));
const same = (what, result) => {
  if (JSON.stringify(result) !== expectedJson) failures.push(`${what}: the result differs from the CLI's`);
};
console.log(`answers: the wasm summary is the CLI's ${Buffer.byteLength(expected)} bytes (--threads 1 and ${THREADS}): ${failures.length === 0 ? 'equal' : 'DIFFERENT'}\n`);

// --- the timed runs -------------------------------------------------------------
api.simulate(text, { trials: 1 }); // loads and instantiates the extras module
const runs = { wasm1: [], native1: [], wasm2: [], native2: [] };
for (let r = 0; r < ROUNDS; r++) {
  let t0 = process.hrtime.bigint();
  const one = api.simulate(text, { trials: TRIALS });
  runs.wasm1.push(seconds(t0));
  same('simulate', one);

  t0 = process.hrtime.bigint();
  const n1 = native(1);
  runs.native1.push(seconds(t0));
  if (n1 !== expected) failures.push('the CLI --threads 1 output changed between runs');

  t0 = process.hrtime.bigint();
  const two = await api.simulateAsync(text, { trials: TRIALS, threads: THREADS });
  runs.wasm2.push(seconds(t0));
  same(`simulateAsync, ${THREADS} threads`, two);

  t0 = process.hrtime.bigint();
  const n2 = native(THREADS);
  runs.native2.push(seconds(t0));
  if (n2 !== expected) failures.push(`the CLI --threads ${THREADS} output changed between runs`);
}

const work = fleet * TRIALS;
const rate = (s) => Math.round(work / s).toLocaleString('en-US');
const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)]));
const range = (k) => `${Math.min(...runs[k]).toFixed(3)}–${Math.max(...runs[k]).toFixed(3)}`;
console.log(`| run (${fleet} things x ${TRIALS} trials) | threads | median s (min–max) | thing-trials/s | per core | wasm / native time |`);
console.log('|---|---:|---|---:|---:|---:|');
console.log(`| npm simulate (wasm) | 1 | ${m.wasm1.toFixed(3)} (${range('wasm1')}) | ${rate(m.wasm1)} | ${rate(m.wasm1)} | **${(m.wasm1 / m.native1).toFixed(2)}×** |`);
console.log(`| native CLI (process) | 1 | ${m.native1.toFixed(3)} (${range('native1')}) | ${rate(m.native1)} | ${rate(m.native1)} | |`);
console.log(`| npm simulateAsync (wasm, worker threads) | ${THREADS} | ${m.wasm2.toFixed(3)} (${range('wasm2')}) | ${rate(m.wasm2)} | ${rate(m.wasm2 * THREADS)} | **${(m.wasm2 / m.native2).toFixed(2)}×** |`);
console.log(`| native CLI (process) | ${THREADS} | ${m.native2.toFixed(3)} (${range('native2')}) | ${rate(m.native2)} | ${rate(m.native2 * THREADS)} | |`);
console.log(`\n(load average at the end: ${load()})`);

if (failures.length) {
  console.error(`ANSWERS DIFFER:\n  ${[...new Set(failures)].join('\n  ')}`);
  process.exit(1);
}
console.log('answers: equal in every run');

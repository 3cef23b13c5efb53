// The transition function through the package's `Job` class in Node: every
// machine vector (tests/vectors/machine/*.json) with the checks of the Rust
// runner, byte for byte against native Rust (examples/machine_reports.rs,
// written to target/vectors/machine.json by .ci/prepare-vectors), snapshot
// interop both ways, and misuse.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { PKG, ROOT, VECTORS } from './helpers.mjs';
import { runMachineVectors, checkMisuse } from './shared/machine-runner.mjs';

const esm = await import(path.join(PKG, 'index.mjs'));
const cjs = createRequire(import.meta.url)(path.join(PKG, 'index.cjs'));
const data = JSON.parse(fs.readFileSync(path.join(VECTORS, 'machine.json'), 'utf8'));
const vectorFiles = fs.readdirSync(path.join(ROOT, 'tests', 'vectors', 'machine')).filter((f) => f.endsWith('.json'));

test('ESM and CommonJS share one Job class', () => {
  assert.equal(esm.Job, cjs.Job);
  assert.equal(esm.MachineError, cjs.MachineError);
  assert.deepEqual(esm.eventTypes(), ['deviceUpdate', 'advance', 'cancelJob', 'cancelJobExecution', 'deleteJob', 'updateJob', 'thingAdded', 'thingRemoved']);
});

let result;
test('every machine vector through Job matches its expectations and native Rust byte for byte', () => {
  const total = vectorFiles.reduce((n, f) => n + JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'vectors', 'machine', f), 'utf8')).cases.length, 0);
  assert.equal(data.length, total, 'target/vectors/machine.json is stale: run bash .ci/prepare-vectors');
  result = runMachineVectors(esm, data);
  assert.deepEqual(result.failures, []);
  assert.deepEqual(result.mismatches, [], JSON.stringify(result.mismatches.slice(0, 5), null, 1));
  assert.equal(result.run, total);
  assert.ok(result.interop > 10, `only ${result.interop} cases resumed from a Rust snapshot`);
  console.log(`# machine vectors (Node): ${result.run} cases in ${vectorFiles.length} files, ${result.interop} resumed from Rust snapshots`);
});

test('a JS snapshot restores in Rust and continues identically', () => {
  assert.ok(result, 'the vector test must run first');
  assert.ok(result.handoffs.length > 10);
  const file = path.join(VECTORS, 'machine-js-snapshots.json');
  fs.writeFileSync(file, JSON.stringify(result.handoffs));
  const out = execFileSync('cargo', ['run', '--locked', '--quiet', '--example', 'machine_reports', '--', '--resume', file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const resumed = JSON.parse(out);
  for (const h of result.handoffs) {
    const r = resumed[h.key];
    assert.ok(r, h.key);
    assert.equal(r.roundTrip, true, `${h.key}: Rust does not write the JS snapshot back unchanged`);
    assert.deepEqual(r.final, result.finals[h.key], `${h.key}: Rust resumed from the JS snapshot ends elsewhere`);
  }
});

test('misuse is a TypeError with a code; refused events are MachineErrors; no trap', () => {
  assert.deepEqual(checkMisuse(esm), []);
  assert.deepEqual(checkMisuse(cjs), []);
});

test('the README example runs', () => {
  const { Job, MachineError } = esm;
  const job = Job.create(
    { jobId: 'firmware-42', targets: ['arn:aws:iot:eu-west-1:123456789012:thing/sensor-1', 'arn:aws:iot:eu-west-1:123456789012:thing/sensor-2'], document: '{}', timeoutConfig: { inProgressTimeoutInMinutes: 10 } },
    { createdAt: Date.UTC(2026, 0, 1) },
  );
  const t0 = Date.UTC(2026, 0, 1);
  job.apply(t0 + 1000, { type: 'deviceUpdate', thing: 'sensor-1', status: 'IN_PROGRESS' });
  assert.equal(job.nextDeadline(), t0 + 1000 + 10 * 60_000);
  const fx = job.advance(job.nextDeadline());
  assert.deepEqual(fx.map((e) => e.to), ['TIMED_OUT']);
  assert.throws(() => job.apply(t0 + 700_000, { type: 'deviceUpdate', thing: 'sensor-1', status: 'SUCCEEDED' }), (e) => e instanceof MachineError && e.code === 'InvalidStateTransitionException');
  const saved = job.toSnapshot();
  const again = Job.fromSnapshot(saved);
  const { effects, error } = again.step(t0 + 800_000, { type: 'deviceUpdate', thing: 'sensor-2', status: 'SUCCEEDED' });
  assert.equal(error, null);
  assert.equal(effects.at(-1).to, 'COMPLETED');
  assert.equal(again.describe().job.jobProcessDetails.numberOfTimedOutThings, 1);
  assert.equal(again.listExecutionsForJob({ status: 'SUCCEEDED' }).executionSummaries.length, 1);
  assert.equal(again.listExecutionsForThing('sensor-1').executionSummaries[0].jobExecutionSummary.status, 'TIMED_OUT');
  assert.equal(job.toSnapshot(), saved, 'a restored copy is independent');
});

test('the Job API type-checks (tsc over test/types/machine.mts)', async () => {
  const { spawnSync } = await import('node:child_process');
  const { JS } = await import('./helpers.mjs');
  const tsc = path.join(JS, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '--noEmit', '-p', 'test/types/tsconfig.machine.json'], { cwd: JS, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

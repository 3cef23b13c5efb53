// The names the package carries (js/src/names.js, index.d.ts) against the
// Rust core, as the `ErrorCode` union is checked against `codes()` in
// api.test.mjs. The first test compares them, exactly and in order, with the
// lists the core .wasm itself exports (`names`, `ffi::names_json`: operations,
// event types, misuse codes, machine error codes). The others check the same
// names by behaviour, where Rust acts on them:
// - event types: the Rust event reader (ffi/read.rs, in serde's words)
//   names every variant when it refuses an unknown one, which the CLI's
//   `replay` reports (run here through the npm bin, i.e. the wasm `cliRun`);
// - machine error codes: the codes of every refusal in the native Rust
//   answers to the machine vectors (target/vectors/machine.json, from
//   examples/machine_reports.rs), plus `deadlinePending`, which no vector can
//   show (their runner advances before it applies), asked of the wasm here;
// - operations: the wasm accepts every name of `operations()` in both
//   spellings and refuses a near miss; the shared vectors (the Rust runner's
//   corpus) use exactly these operations.
// A name added on the Rust side and used by no vector is not seen here; the
// unions of index.d.ts and the lists of names.js are compared in full.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { PKG, VECTORS, vectorData } from './helpers.mjs';

const require = createRequire(import.meta.url);
const pkg = require(path.join(PKG, 'index.cjs'));
const sdk = require(path.join(PKG, 'aws-sdk.cjs'));
const dts = fs.readFileSync(path.join(PKG, 'index.d.ts'), 'utf8');

/** The string literals of `export type <name> = 'a' | 'b' ...;` in index.d.ts. */
function literals(name) {
  const m = new RegExp(`export type ${name} =([^;]*);`).exec(dts);
  assert.ok(m, `${name} union not found in index.d.ts`);
  return [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]);
}

/** `CreateJob` -> `create_job`. */
const snake = (op) => op.replace(/[A-Z]/g, (c, i) => `${i === 0 ? '' : '_'}${c.toLowerCase()}`);

test('names.js and index.d.ts equal the names the core .wasm exports', async () => {
  // The raw wasm-bindgen glue for browsers, instantiated here from the bytes.
  const glue = await import(pathToFileURL(path.join(PKG, 'iot_jobs_policy_web.mjs')).href);
  glue.initSync({ module: fs.readFileSync(path.join(PKG, 'iot_jobs_policy_bg.wasm')) });
  const rust = JSON.parse(glue.names());
  assert.deepEqual(pkg.operations(), rust.operations);
  assert.deepEqual(literals('Operation'), [...rust.operations, ...rust.operations.map(snake)]);
  assert.deepEqual(pkg.eventTypes(), rust.eventTypes);
  // The machine's refusals; `invalidSnapshot` is also a misuse code, and a
  // damaged snapshot is thrown as misuse, never as a MachineError.
  const refusals = rust.machineErrorCodes.filter((c) => !rust.misuseCodes.includes(c));
  assert.deepEqual(literals('MachineErrorCode'), refusals);
  // Every misuse code Rust can answer is a code of the package's TypeErrors.
  const thrown = new Set([...literals('UsageErrorCode'), ...literals('JobUsageErrorCode')]);
  for (const code of rust.misuseCodes) assert.ok(thrown.has(code), `misuse code ${code} is in no UsageErrorCode union`);
});

test('operations: operations(), the Operation union, the middleware commands and the Rust core agree', () => {
  const ops = pkg.operations();
  assert.equal(ops.length, 7);
  assert.deepEqual(literals('Operation'), [...ops, ...ops.map(snake)]);
  for (const op of [...ops, ...ops.map(snake)]) assert.equal(typeof pkg.validate(op, '{}').valid, 'boolean', op);
  for (const near of ['createJob', 'Create_Job', 'CancelJob', '']) {
    assert.throws(() => pkg.validate(near, '{}'), { name: 'TypeError', code: 'unknownOperation' }, near);
  }
  const used = new Set(vectorData().cases.map((c) => c.operation).map((op) => ops.find((o) => o === op || snake(o) === op) ?? op));
  assert.deepEqual([...used].sort(), [...ops].sort());
  assert.deepEqual(Object.entries(sdk.COMMANDS), ops.map((op) => [`${op}Command`, op]));
});

test('event types: eventTypes(), the Event union and the Rust Event enum agree, in order', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iot-jobs-policy-names-'));
  try {
    const scenario = path.join(dir, 'unknown-event.json');
    const job = { jobId: 'j', targets: ['arn:aws:iot:us-east-1:123456789012:thing/t'], document: '{}' };
    fs.writeFileSync(scenario, JSON.stringify({ job, createdAt: 0, events: [{ at: 1, type: 'no-such-event' }] }));
    // A malformed event is a usage error (exit 2) naming the variants.
    const r = spawnSync(process.execPath, [path.join(PKG, 'bin', 'iot-jobs-policy.cjs'), 'replay', scenario, '--format', 'json'], { encoding: 'utf8' });
    assert.equal(r.status, 2, r.stdout);
    const m = /event 0 \(type\): unknown variant `no-such-event`, expected one of (.*)$/m.exec(r.stderr);
    assert.ok(m, `the Rust refusal no longer lists the variants: ${r.stderr}`);
    // The package's replay() refuses it alike.
    assert.throws(() => pkg.replay({ job, createdAt: 0, events: [{ at: 1, type: 'no-such-event' }] }), (e) => e.code === 'invalidEvent' && e.field === 'type' && e.message.endsWith(m[0]));
    const rust = [...m[1].matchAll(/`([^`]+)`/g)].map((x) => x[1]);
    assert.equal(rust.length, 8);
    assert.deepEqual(pkg.eventTypes(), rust);
    // index.d.ts: `export type Event = | DeviceUpdateEvent | ...;`, each interface with its `type`.
    const union = /export type Event =([^;]*);/.exec(dts);
    assert.ok(union, 'Event union not found in index.d.ts');
    const declared = [...union[1].matchAll(/\b([A-Z]\w*Event)\b/g)].map(([, name]) => {
      const body = new RegExp(`export interface ${name} \\{\\s*type: '([^']+)';`).exec(dts);
      assert.ok(body, `interface ${name} with its type not found in index.d.ts`);
      return body[1];
    });
    assert.deepEqual(declared, rust);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('MachineErrorCode equals the codes the Rust machine refuses with (invalidSnapshot aside: misuse)', () => {
  const data = JSON.parse(fs.readFileSync(path.join(VECTORS, 'machine.json'), 'utf8'));
  const seen = new Set();
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'error' && typeof x === 'string') seen.add(JSON.parse(x).code);
        else walk(x);
      }
    }
  };
  for (const d of data) walk(d.rust);
  assert.ok(seen.size >= 4, JSON.stringify([...seen]));
  // The strict apply with a deadline due: what `step` (and so every vector) avoids.
  const job = pkg.Job.create({ jobId: 'j', targets: ['arn:aws:iot:us-east-1:123456789012:thing/t'], document: '{}', timeoutConfig: { inProgressTimeoutInMinutes: 1 } });
  job.apply(0, { type: 'deviceUpdate', thing: 't', status: 'IN_PROGRESS' });
  assert.equal(job.nextDeadline(), 60_000);
  assert.throws(() => job.apply(120_000, { type: 'deviceUpdate', thing: 't', status: 'SUCCEEDED' }), (e) => {
    assert.ok(e instanceof pkg.MachineError);
    seen.add(e.code);
    return true;
  });
  // A damaged snapshot: Rust's `invalidSnapshot`, which the package throws as
  // misuse (a TypeError with a JobUsageErrorCode), never as a MachineError.
  assert.throws(() => pkg.Job.fromSnapshot('{}'), (e) => !(e instanceof pkg.MachineError) && e instanceof TypeError && e.code === 'invalidSnapshot');
  assert.ok(literals('JobUsageErrorCode').includes('invalidSnapshot'));
  seen.delete('invalidSnapshot');
  assert.deepEqual([...seen].sort(), [...literals('MachineErrorCode')].sort());
});

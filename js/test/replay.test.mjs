// The package's `replay(scenario)` against the native CLI's
// `replay --format json` (target/debug/iot-jobs-policy, `cargo build
// --features cli`): byte for byte on every scenario of examples/scenarios/
// (as an object and as JSON text), the timed effects of one advance over
// several rollout minutes (#10), malformed scenarios and events (the CLI's
// exit 2, a TypeError with `.code` here), and an invalid job (the CLI's
// report and exit 1, the same report returned here).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { PKG, ROOT } from './helpers.mjs';

const esm = await import(path.join(PKG, 'index.mjs'));
const cjs = createRequire(import.meta.url)(path.join(PKG, 'index.cjs'));
const { replay, MachineError } = esm;

const NATIVE = path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'debug', 'iot-jobs-policy');
assert.ok(fs.existsSync(NATIVE), `${NATIVE} is missing: run cargo build --locked --features cli`);

/** The native CLI's `replay` of `text` (through standard input). */
function native(text, format = 'json') {
  const r = spawnSync(NATIVE, ['replay', '-', '--format', format], { input: text, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** serde_json's pretty printing, which JSON.stringify with two spaces reproduces. */
const pretty = (v) => `${JSON.stringify(v, null, 2)}\n`;

const JOB = { jobId: 'j', document: '{}', targets: ['arn:aws:iot:us-east-1:123456789012:thing/t1'] };

/** 35 things at 10 a minute, advanced five minutes in one event. */
function wave() {
  const things = Array.from({ length: 35 }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);
  return {
    job: { jobId: 'wave', document: '{}', targets: ['arn:aws:iot:us-east-1:123456789012:thinggroup/fleet'], jobExecutionsRolloutConfig: { maximumPerMinute: 10 } },
    groups: { fleet: things },
    events: [{ at: 300_000, type: 'advance' }],
  };
}

test('ESM and CommonJS export one replay', () => {
  assert.equal(typeof replay, 'function');
  assert.equal(esm.replay, cjs.replay);
});

test('replay(scenario) is the native CLI\'s replay --format json, byte for byte, on every bundled scenario', () => {
  const dir = path.join(ROOT, 'examples', 'scenarios');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  assert.ok(files.length >= 4, files.join());
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const n = native(text);
    assert.equal(n.status, 0, `${file}: ${n.stderr}`);
    assert.equal(pretty(replay(text)), n.stdout, file);
    assert.equal(pretty(replay(JSON.parse(text))), n.stdout, `${file} as an object`);
    assert.deepEqual(replay(text), JSON.parse(n.stdout), file);
  }
});

test('each effect carries the time its deadline fired: 10, 10, 10, 5 notifications at minutes 0 to 3', () => {
  const r = replay(wave());
  assert.equal(pretty(r), native(JSON.stringify(wave())).stdout);
  const perMinute = {};
  for (const entry of r.timeline) {
    for (const fx of entry.effects) {
      assert.equal(typeof fx.at, 'number');
      if (fx.type === 'executionStatusChanged' && fx.to === 'QUEUED') perMinute[fx.at / 60_000] = (perMinute[fx.at / 60_000] ?? 0) + 1;
    }
  }
  assert.deepEqual(perMinute, { 0: 10, 1: 10, 2: 10, 3: 5 });
  assert.equal(r.timeline[1].at, 300_000);
  assert.ok(r.timeline[1].effects.every((fx) => fx.at < 300_000));
  // The Job class times its effects the same way.
  const { job, effects } = esm.Job.createWithEffects(wave().job, { groups: wave().groups });
  assert.ok(effects.every((fx) => fx.at === 0));
  assert.deepEqual(job.advance(300_000), r.timeline[1].effects);
});

test('a malformed event throws invalidEvent with its index and member; the CLI exits 2 with the same message', () => {
  const cases = [
    [{ at: 3, type: 'thingAdded', thingNmae: 't2' }, 'thingNmae', 'unknown field `thingNmae`'],
    [{ at: 3, type: 'deviceUpdate', thing: 't1', status: 1 }, 'status', '`status` must be a string'],
    [{ at: 3, type: 'deviceUpdate', thing: 't1', status: 'DONE' }, 'status', 'unknown device status `DONE`'],
    [{ at: 3, type: 'cancelJobExecution' }, 'thing', 'missing field `thing`'],
    [{ type: 'deleteJob' }, 'at', 'missing field `at`'],
    [{ at: 3, type: 'no-such-event' }, 'type', 'unknown variant `no-such-event`'],
    [7, undefined, 'an event must be an object with `at` and `type`'],
  ];
  for (const [event, field, message] of cases) {
    const scenario = { job: JOB, events: [{ at: 0, type: 'advance' }, { at: 1, type: 'advance' }, { at: 2, type: 'advance' }, event] };
    const n = native(JSON.stringify(scenario));
    assert.equal(n.status, 2, JSON.stringify(event));
    assert.equal(n.stdout, '');
    // The message names the member at fault, when there is one.
    const at = field === undefined ? 'event 3' : `event 3 (${field})`;
    assert.ok(n.stderr.startsWith(`iot-jobs-policy: -: the scenario is not valid: ${at}: ${message}`), n.stderr);
    for (const input of [scenario, JSON.stringify(scenario)]) {
      assert.throws(() => replay(input), (e) => {
        assert.ok(e instanceof TypeError && !(e instanceof MachineError));
        assert.equal(e.code, 'invalidEvent');
        assert.equal(e.index, 3);
        assert.equal(e.field, field);
        assert.equal(`iot-jobs-policy: -: ${e.message}\n`, n.stderr);
        return true;
      }, JSON.stringify(event));
    }
  }
});

test('a malformed scenario throws invalidScenario; the CLI exits 2', () => {
  for (const text of ['{', '[]', JSON.stringify({ job: JOB, extra: 1 }), JSON.stringify({ job: JOB, createdAt: '0' }), JSON.stringify({ job: JOB, events: {} })]) {
    const n = native(text);
    assert.equal(n.status, 2, text);
    assert.throws(() => replay(text), (e) => {
      assert.equal(e.code, 'invalidScenario', text);
      assert.equal(`iot-jobs-policy: -: ${e.message}\n`, n.stderr);
      return true;
    });
  }
  for (const bad of [null, undefined, 7, [], true]) {
    assert.throws(() => replay(bad), { name: 'TypeError', code: 'invalidScenario' }, String(bad));
  }
  const cyclic = { job: JOB };
  cyclic.self = cyclic;
  assert.throws(() => replay(cyclic), { name: 'TypeError', code: 'invalidScenario' });
});

test('a scenario over 1 MiB is refused before it is copied, with its size, as the CLI refuses it', () => {
  const text = `${JSON.stringify({ job: JOB })}${' '.repeat(1024 * 1024)}`;
  const n = native(text);
  assert.equal(n.status, 2);
  assert.equal(n.stderr, `iot-jobs-policy: -: the scenario is more than the limit of 1048576 bytes\n`);
  assert.throws(() => replay(text), { name: 'TypeError', code: 'invalidScenario', message: `the scenario is ${text.length} bytes, more than the limit of 1048576` });
  // Fewer code units than the limit but more bytes: the core counts them.
  const wide = `${JSON.stringify({ job: JOB, description: 'é'.repeat(600_000) })}`;
  assert.ok(wide.length < 1024 * 1024);
  assert.throws(() => replay(wide), { name: 'TypeError', code: 'invalidScenario', message: `the scenario is ${Buffer.byteLength(wide)} bytes, more than the limit of 1048576` });
});

test('an invalid job answers its validation report, which the CLI prints (exit 1)', () => {
  const scenario = { job: { jobId: 'bad id', targets: [], document: '{}' }, events: [{ at: 1, type: 'advance' }] };
  const n = native(JSON.stringify(scenario));
  assert.equal(n.status, 1, n.stderr);
  const report = replay(scenario);
  assert.equal(`${JSON.stringify(report)}\n`, n.stdout);
  assert.equal(report.valid, false);
  assert.ok(!('timeline' in report));
  assert.deepEqual(report.violations.map((v) => v.path), ['/jobId', '/targets']);
  // The same violations as `validate` gives (at the creation time as now), positions aside.
  const v = esm.validate('CreateJob', scenario.job, { now: 0 });
  assert.deepEqual(report.violations, v.violations.map((x) => ({ ...x, position: null })));
  // A valid job whose targets do not resolve: the machine refuses the creation.
  const group = { job: { ...JOB, targets: ['arn:aws:iot:us-east-1:123456789012:thinggroup/g'] } };
  assert.equal(native(JSON.stringify(group)).status, 2);
  assert.throws(() => replay(group), (e) => e instanceof MachineError && typeof e.rule === 'string');
});

test('a job targeting a bare thing name answers its report, as the CLI prints it (exit 1), not a refused creation', () => {
  const job = { jobId: 'j', document: '{}', targets: ['t1'] };
  const scenario = { job, events: [{ at: 1, type: 'advance' }] };
  const n = native(JSON.stringify(scenario));
  assert.equal(n.status, 1, n.stderr);
  for (const input of [scenario, JSON.stringify(scenario)]) {
    const report = replay(input);
    assert.equal(`${JSON.stringify(report)}\n`, n.stdout);
    assert.equal(report.valid, false);
    assert.deepEqual(report.violations.map((v) => [v.path, v.rule]), [['/targets/0', 'targets-arn']]);
  }
  // Paths within the job, as `validate` gives them; the CLI's text says so.
  const v = esm.validate('CreateJob', job, { now: 0 });
  assert.deepEqual(replay(scenario).violations, v.violations.map((x) => ({ ...x, position: null })));
  const t = native(JSON.stringify(scenario), 'text');
  assert.equal(t.status, 1, t.stderr);
  assert.ok(t.stdout.startsWith('<stdin>: job: CreateJob request is invalid (1 error(s), 0 warning(s))\n  error[pattern] /job/targets/0: '), t.stdout);
});

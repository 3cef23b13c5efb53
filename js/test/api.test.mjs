import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { inspect } from 'node:util';
import { PKG, RAW_GLUE } from './helpers.mjs';

const esm = await import(path.join(PKG, 'index.mjs'));
const cjs = createRequire(import.meta.url)(path.join(PKG, 'index.cjs'));
const { validate, isValid, rules, codes } = esm;

const good = { jobId: 'job-1', targets: ['arn:aws:iot:eu-west-1:123456789012:thing/a'], document: '{}' };

test('ESM and CommonJS entries share one instance', () => {
  assert.equal(esm.validate, cjs.validate);
  assert.equal(esm.isValid, cjs.isValid);
});

test('a valid request gives a valid report with the documented shape', () => {
  const r = validate('CreateJob', good);
  assert.equal(r.valid, true, JSON.stringify(r));
  assert.equal(r.awsMessage, null);
  assert.deepEqual(Object.keys(r), ['valid', 'violations', 'awsMessage']);
});

test('an invalid request never throws and carries code, path and awsMessage', () => {
  const r = validate('DescribeJob', { jobId: 'a b' });
  assert.equal(r.valid, false);
  assert.deepEqual(r.violations.map((v) => [v.code, v.path, v.severity]), [['pattern', '/jobId', 'error']]);
  assert.deepEqual(Object.keys(r.violations[0]), ['code', 'path', 'message', 'severity', 'source', 'rule', 'help', 'position']);
  assert.match(r.awsMessage, /^1 validation error detected: Value 'a b' at 'jobId'/);
});

test('object and string input give the same report (positions only for text); strings keep duplicate keys', () => {
  const req = { jobId: 'a b', zzz: 1 };
  const fromText = validate('DescribeJob', JSON.stringify(req));
  assert.ok(fromText.violations.every((v) => v.position !== null));
  assert.deepEqual(validate('DescribeJob', req), { ...fromText, violations: fromText.violations.map((v) => ({ ...v, position: null })) });
  const dup = validate('DescribeJob', '{"jobId":"a","jobId":"b"}');
  assert.ok(dup.violations.some((v) => v.code === 'duplicateKey'));
  assert.equal(validate('DescribeJob', '{').violations[0].code, 'invalidJson');
  assert.equal(validate('DescribeJob', '[]').violations[0].code, 'notAnObject');
  assert.equal(validate('DescribeJob', []).violations[0].code, 'notAnObject');
});

test('isValid agrees with validate().valid', () => {
  for (const [op, req] of [['CreateJob', good], ['DescribeJob', { jobId: 'a b' }], ['DescribeJob', '{']]) {
    assert.equal(isValid(op, req), validate(op, req).valid);
  }
  assert.equal(isValid('create_job', good), true);
});

test('values JSON.stringify cannot carry: NaN/Infinity become nonFiniteNumber, BigInt and cycles throw invalidRequest', () => {
  for (const bad of [NaN, Infinity, -Infinity]) {
    const r = validate('UpdateJob', { jobId: 'j', timeoutConfig: { inProgressTimeoutInMinutes: bad } });
    assert.equal(r.valid, false, String(bad));
    assert.deepEqual(r.violations.map((v) => [v.code, v.path]), [['nonFiniteNumber', '']]);
    assert.match(r.violations[0].message, new RegExp('`' + String(bad).replace('-', '\\-') + '`'));
    assert.equal(isValid('UpdateJob', { jobId: 'j', timeoutConfig: { inProgressTimeoutInMinutes: bad } }), false);
  }
  // null itself stays null (an absent member), and strings that look like the marker stay strings.
  assert.equal(validate('UpdateJob', { jobId: 'j', description: null }).valid, true);
  const tricky = validate('UpdateJob', { jobId: 'j', description: '\u0000iot-jobs-policy-non-finite:NaN', x: null });
  assert.ok(!tricky.violations.some((v) => v.code === 'nonFiniteNumber'), JSON.stringify(tricky));
  assert.ok(tricky.violations.some((v) => v.code === 'unknownField' && v.path === '/x'), JSON.stringify(tricky));
  assert.throws(() => validate('DescribeJob', { jobId: 1n }), { name: 'TypeError', code: 'invalidRequest' });
  const cyclic = { jobId: 'x' };
  cyclic.self = cyclic;
  assert.throws(() => validate('DescribeJob', cyclic), { name: 'TypeError', code: 'invalidRequest' });
  assert.throws(() => isValid('DescribeJob', cyclic), { name: 'TypeError', code: 'invalidRequest' });
});

test('misuse throws a TypeError with a code', () => {
  assert.throws(() => validate('Nope', good), { name: 'TypeError', code: 'unknownOperation' });
  assert.throws(() => validate(42, good), { name: 'TypeError', code: 'unknownOperation' });
  assert.throws(() => isValid('Nope', good), { name: 'TypeError', code: 'unknownOperation' });
  for (const bad of [null, undefined, 42, true, () => {}, Buffer.from('{}'), new Uint8Array(2), new ArrayBuffer(2)]) {
    assert.throws(() => validate('CreateJob', bad), { name: 'TypeError', code: 'invalidRequest' }, String(bad));
  }
  for (const bad of [{ api: '2099' }, { profile: 'strict' }, { nope: 1 }, { now: 'yesterday' }, { now: new Date(NaN) }, { now: 1.5 }, { now: 1n }, { now: NaN }, { api: 1n }, { api: { toJSON() { throw new Error('no'); } } }, 'latest', []]) {
    assert.throws(() => validate('CreateJob', good, bad), { name: 'TypeError', code: 'invalidOptions' }, inspect(bad));
  }
});

test('now as epoch ms, Date or RFC 3339 string gives the same answer', () => {
  const req = { ...good, schedulingConfig: { startTime: '2026-12-01T10:00', endTime: '2026-12-02T10:00' } };
  const t = Date.UTC(2026, 10, 26, 9, 0, 0);
  const a = validate('CreateJob', req, { now: t });
  assert.deepEqual(validate('CreateJob', req, { now: new Date(t) }), a);
  assert.deepEqual(validate('CreateJob', req, { now: new Date(t).toISOString() }), a);
  const none = validate('CreateJob', req);
  assert.ok(none.violations.some((v) => v.code === 'skippedRule'), JSON.stringify(none));
  assert.ok(!a.violations.some((v) => v.code === 'skippedRule'), JSON.stringify(a));
});

test('options api and profile reach the core', () => {
  const req = { ...good, description: 'x'.repeat(2029) };
  assert.equal(validate('CreateJob', req, { profile: 'model', api: '2022-01' }).valid, validate('CreateJob', req, { profile: 'model' }).valid);
  assert.deepEqual(validate('CreateJob', good, { api: 'latest', profile: 'documented', now: undefined }), validate('CreateJob', good));
});

test('rules() lists every validator rule, each with a known code, then the machine and reference entries', () => {
  const all = rules();
  const known = new Set(codes());
  const validator = all.filter((r) => r.kind === 'validator');
  assert.ok(validator.length > 10);
  assert.deepEqual(all.slice(0, validator.length), validator, 'validator rules first');
  for (const r of validator) {
    assert.ok(known.has(r.code), r.id);
    assert.deepEqual(Object.keys(r), ['kind', 'id', 'code', 'severity', 'source', 'summary', 'link', 'reference']);
  }
  for (const r of all.slice(validator.length)) {
    assert.ok(r.kind === 'machine' || r.kind === 'reference', r.id);
    assert.deepEqual(Object.keys(r), ['kind', 'id', 'summary', 'provenance', 'links', 'choice']);
  }
  assert.notEqual(rules(), all, 'a fresh array each call');
});

test('the ErrorCode union in index.d.ts equals codes() from the wasm', () => {
  const dts = fs.readFileSync(path.join(PKG, 'index.d.ts'), 'utf8');
  const m = /export type ErrorCode =([^;]*);/.exec(dts);
  assert.ok(m, 'ErrorCode union not found');
  const union = [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]);
  assert.deepEqual(union, codes());
});

test('init and initSync are harmless no-ops in Node', async () => {
  await esm.init();
  esm.initSync();
  assert.equal(isValid('CreateJob', good), true);
});

test('positions point into the validated text (UTF-8 byte offset, code-point column)', () => {
  const r = validate('DescribeJob', '{"jobId": "a b"}');
  assert.deepEqual(r.violations[0].position, { offset: 10, line: 1, column: 11 });
  const wide = validate('UpdateJob', '{"description":"é😀",\n "jobId": "a b"}');
  const v = wide.violations.find((x) => x.path === '/jobId');
  assert.deepEqual(v.position, { offset: 35, line: 2, column: 11 });
});

test('two modules: the core on require, the extras (Job, schema()) on first use, one instance for import and require', async () => {
  const { execFileSync } = await import('node:child_process');
  const script = `
const loaded = () => Object.keys(require.cache).some((k) => k.endsWith('iot_jobs_policy_extras_node.cjs'));
const m = require(process.argv[1]);
const out = [loaded(), m.validate('DescribeJob', { jobId: 'j' }).valid, loaded(), m.features().schema, loaded()];
m.schemaInfo();
out.push(loaded());
process.stdout.write(JSON.stringify(out));`;
  const out = JSON.parse(execFileSync(process.execPath, ['-e', script, path.join(PKG, 'index.cjs')], { encoding: 'utf8' }));
  assert.deepEqual(out, [false, true, false, true, false, true]);
  assert.equal(esm.Job, cjs.Job);
  assert.equal(esm.schema, cjs.schema);
  assert.deepEqual(esm.schemaInfo(), cjs.schemaInfo());
  for (const f of ['iot_jobs_policy_bg.wasm', 'iot_jobs_policy_extras_bg.wasm', 'iot_jobs_policy_extras_node.cjs', 'iot_jobs_policy_extras_web.mjs']) {
    assert.ok(fs.existsSync(path.join(PKG, f)), f);
  }
});

test('the gzipped core .wasm stays within the 125 KiB budget', async () => {
  const { gzipSync } = await import('node:zlib');
  const gz = gzipSync(fs.readFileSync(path.join(PKG, 'iot_jobs_policy_bg.wasm')), { level: 9 }).length;
  assert.ok(gz <= 125 * 1024, `${gz} B gzipped`);
});

test('serde_json and JSON.stringify print the same report text, nasty strings included', () => {
  const glue = createRequire(import.meta.url)(RAW_GLUE);
  const nasty = ['\u0000\u0001\u001f', '\u007f\u0080', '\u2028\u2029', 'é😀', '"\\/', '\ud800', '\udc00x', '<script>', '\t\n\r\b\f'];
  const texts = [];
  for (const s of nasty) {
    texts.push(JSON.stringify({ jobId: s, [s]: 1, description: s }));
    texts.push(`{"jobId": ${JSON.stringify(s)}, "jobId": 1}`);
  }
  texts.push('{"jobId": 1e400}', '{"jobId": -0.0}', '{"jobId": 123456789012345678901234567890}', '{"jobId": 5e-324}', '{"timeoutConfig": {"inProgressTimeoutInMinutes": 1.5e3}}');
  for (const text of texts) {
    for (const op of ['DescribeJob', 'UpdateJob', 'CreateJob']) {
      const raw = glue.validate(op, text, '');
      assert.equal(JSON.stringify(JSON.parse(raw)), raw, text);
      assert.equal(`{"type":"success","report":${JSON.stringify(validate(op, text))}}`, raw, text);
    }
  }
});

test('a number in quotes is a type error with a help line about the JavaScript SDK v2 (#10)', () => {
  const request = {
    jobId: 'j',
    targets: ['arn:aws:iot:us-east-1:123456789012:thing/t'],
    document: '{}',
    jobExecutionsRolloutConfig: { maximumPerMinute: '1000' },
  };
  const report = validate('CreateJob', request);
  assert.equal(report.valid, false);
  const v = report.violations.find((x) => x.path === '/jobExecutionsRolloutConfig/maximumPerMinute');
  assert.ok(v, JSON.stringify(report.violations));
  assert.equal(v.code, 'type');
  assert.match(v.help, /SDK for JavaScript v2/);
  // The same number unquoted is fine.
  request.jobExecutionsRolloutConfig.maximumPerMinute = 1000;
  assert.equal(validate('CreateJob', request).valid, true);
});

test('a report is capped at 1,000 violations plus one tooManyViolations entry (#10)', () => {
  const request = { jobId: 'j', document: '{}', targets: new Array(200_000).fill(1) };
  for (const input of [request, JSON.stringify(request)]) {
    const report = validate('CreateJob', input);
    assert.equal(report.valid, false);
    assert.equal(report.violations.length, 1001);
    const last = report.violations[1000];
    assert.equal(last.code, 'tooManyViolations');
    assert.match(last.message, /1000 violations are listed/);
    assert.equal(isValid('CreateJob', input), false);
  }
});

test('a `now` outside the time bounds is invalidOptions, never an overflow (#10)', () => {
  for (const now of [9.3e18, -1, 8.64e15 + 1]) {
    assert.throws(() => validate('CreateJob', good, { now }), { name: 'TypeError', code: 'invalidOptions' }, String(now));
  }
  assert.equal(validate('CreateJob', good, { now: 8.64e15 }).valid, true);
});

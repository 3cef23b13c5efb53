// The npm shim against what a fuzzing campaign found (issue #10, findings
// 3, 4 and the JavaScript parts of 9): a string request over 1 MiB is
// refused before it is copied into wasm memory, with the core's own report;
// a raw lone surrogate is refused as the object and the escaped text are;
// options that throw while read are `invalidOptions`; an object nested
// thousands deep is `tooDeep`; an own `__proto__` option is refused.
// test/browser-fuzz.test.mjs runs the same cases in Chromium.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PKG, RAW_GLUE } from './helpers.mjs';
import { MAX, LONE_SURROGATES, oversizeTexts, nested, nestedArray, hostileOptions, protoOptions, fuzzAnswers } from './shared/fuzz-cases.mjs';

const require = createRequire(import.meta.url);
const pkg = await import(path.join(PKG, 'index.mjs'));
const { validate, isValid, schema, Job } = pkg;
// A second instance of the same core, answering the JSON text itself.
const raw = require(RAW_GLUE);
const core = (op, text, options = '') => JSON.parse(raw.validate(op, text, options)).report;
const stringifies = (value) => {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
};
const noPositions = (report) => ({ ...report, violations: report.violations.map((v) => ({ ...v, position: null })) });

test('a string request over 1 MiB gets the core\'s tooLarge report byte for byte, with its exact UTF-8 size', () => {
  const sizes = { ascii: MAX + 1, twoByte: 2 * (MAX + 1), mixed: (MAX / 4) * (3 + 4 + 3 + 1 + 3) + 1 };
  for (const [name, text] of Object.entries(oversizeTexts())) {
    assert.ok(text.length > MAX, name);
    const ours = validate('DescribeJob', text);
    assert.equal(JSON.stringify(ours), JSON.stringify(core('DescribeJob', text)), name);
    assert.equal(ours.violations[0].code, 'tooLarge');
    assert.equal(ours.violations[0].message, `the request is ${sizes[name]} bytes, more than the limit of ${MAX}`, name);
    assert.equal(isValid('DescribeJob', text), false, name);
    assert.equal(isValid('DescribeJob', text, { profile: 'model' }), false, name);
  }
});

test('at the boundary: 1 MiB of ASCII is parsed; 1 MiB of code units that is more UTF-8 is the core\'s tooLarge', () => {
  const fits = `"${'x'.repeat(MAX - 2)}"`;
  assert.equal(fits.length, MAX);
  assert.deepEqual(validate('DescribeJob', fits).violations.map((v) => v.code), ['notAnObject']);
  const longer = `"${'é'.repeat(MAX - 2)}"`;
  assert.equal(longer.length, MAX);
  assert.equal(JSON.stringify(validate('DescribeJob', longer)), JSON.stringify(core('DescribeJob', longer)));
  assert.equal(validate('DescribeJob', longer).violations[0].code, 'tooLarge');
});

test('an oversize string request is not copied: 200 M characters answer quickly and leave no memory behind', () => {
  const huge = 'x'.repeat(200_000_000);
  // Flat before measuring (V8 may build it as a rope, flattened on first read).
  assert.equal(Buffer.byteLength(huge), 200_000_000);
  const before = process.memoryUsage().rss;
  const t0 = performance.now();
  const r = validate('CreateJob', huge);
  const ms = performance.now() - t0;
  assert.equal(r.violations[0].message, `the request is 200000000 bytes, more than the limit of ${MAX}`);
  assert.equal(isValid('CreateJob', huge), false);
  // Copying would grow the wasm memory by 200 MB (resident: the copy writes
  // every page) and take about a second; counting takes milliseconds.
  assert.ok(process.memoryUsage().rss - before < 50_000_000, 'the wasm memory grew');
  assert.ok(ms < 5000, `${ms} ms`);
});

test('Job.create refuses a request over 1 MiB before parsing or copying it, with the validator\'s tooLarge and its exact size', () => {
  const { MachineError } = pkg;
  const request = { jobId: 'j', targets: ['arn:aws:iot:us-east-1:123456789012:thing/t'], document: '{}' };
  const padded = (n, c = ' ') => `${JSON.stringify(request)}${c.repeat(n)}`;
  const refusal = (r) => {
    try {
      Job.create(r);
      return null;
    } catch (e) {
      assert.ok(e instanceof MachineError, String(e));
      return e;
    }
  };
  const base = JSON.stringify(request).length;
  // At the limit exactly: created. One byte over (ASCII), more bytes than
  // code units (two-byte spaces), the oversize texts of the validator: refused.
  assert.equal(refusal(padded(MAX - base)), null);
  for (const [name, text, size] of [
    ['one byte over', padded(MAX - base + 1), MAX + 1],
    ['two-byte padding', padded(MAX / 2, '\u00a0'), base + MAX],
    ...Object.entries(oversizeTexts()).map(([n, t]) => [n, t, Buffer.byteLength(t)]),
  ]) {
    const e = refusal(text);
    assert.ok(e, name);
    assert.equal(e.code, 'InvalidRequestException', name);
    assert.equal(e.rule, 'V-1', name);
    assert.equal(e.message, 'the CreateJob request is not valid (1 violation)', name);
    assert.deepEqual(e.violations, [{ code: 'tooLarge', path: '', message: `the request is ${size} bytes, more than the limit of ${MAX}` }], name);
    // validate() states the same size.
    assert.equal(validate('CreateJob', text).violations[0].message, e.violations[0].message, name);
  }
  // An object whose JSON is over the limit: the same refusal.
  const e = refusal({ ...request, description: 'x'.repeat(MAX) });
  assert.equal(e.violations[0].code, 'tooLarge');
  // Not copied: 200 M characters answer quickly and leave no memory behind.
  const huge = 'x'.repeat(200_000_000);
  assert.equal(Buffer.byteLength(huge), 200_000_000);
  const before = process.memoryUsage().rss;
  const t0 = performance.now();
  assert.equal(refusal(huge).violations[0].message, `the request is 200000000 bytes, more than the limit of ${MAX}`);
  assert.ok(process.memoryUsage().rss - before < 50_000_000, 'the wasm memory grew');
  assert.ok(performance.now() - t0 < 5000);
});

test('misuse comes first for an oversize string request, as in the core', () => {
  const big = 'x'.repeat(MAX + 1);
  assert.throws(() => validate('NoSuchJob', big), (e) => e instanceof TypeError && e.code === 'unknownOperation');
  assert.throws(() => isValid('DescribeJob', big, { nope: 1 }), (e) => e instanceof TypeError && e.code === 'invalidOptions' && /nope/.test(e.message));
  assert.throws(() => validate('DescribeJob', big, { documentSchema: {} }), (e) => e.code === 'invalidOptions' && /document-schema build/.test(e.message));
});

test('a raw lone surrogate in a string request is refused like the escaped text and the object', () => {
  for (const [name, text] of Object.entries(LONE_SURROGATES)) {
    const ours = validate('DescribeJob', text);
    assert.equal(ours.valid, false, name);
    assert.equal(isValid('DescribeJob', text), false, name);
    // The text with each lone surrogate written as JSON.stringify writes it.
    const escaped = text.replace(/\p{Cs}/gu, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
    assert.equal(JSON.stringify(ours), JSON.stringify(core('DescribeJob', escaped)), name);
    assert.deepEqual(ours.violations.map((v) => v.code), ['invalidJson'], name);
    if (name !== 'outsideString') {
      assert.match(ours.violations[0].message, /^lone surrogate `\\ud[89a-f][0-9a-f]{2}` in string/, name);
      // The object the text stands for: the same verdict and message.
      assert.deepEqual(validate('DescribeJob', JSON.parse(text)), noPositions(ours), name);
    }
  }
  // The first surrogate's position is where the caller wrote it.
  const r = validate('DescribeJob', '{"jobId":"é\ud800"}');
  assert.deepEqual(r.violations[0].position, { offset: 12, line: 1, column: 12 });
  // Before the fix wasm-bindgen made it U+FFFD and a description took it.
  const create = (d) => `{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{}","description":"${d}"}`;
  assert.equal(isValid('CreateJob', create('a\ud800b')), false);
  assert.equal(isValid('CreateJob', create('a😀b')), true);
  assert.equal(isValid('CreateJob', create('a\ufffdb')), true);
});

test('Job.create refuses a raw lone surrogate in a string request as it refuses the object', () => {
  const request = { jobId: 'j', targets: ['arn:aws:iot:us-east-1:123456789012:thing/t'], document: '{}', description: 'a\ud800b' };
  const refusal = (r) => {
    try {
      Job.create(r);
      return 'created';
    } catch (e) {
      return `${e.name} ${e.code} ${e.message}`;
    }
  };
  const fromObject = refusal(request);
  assert.match(fromObject, /^TypeError invalidRequest /);
  assert.equal(refusal(JSON.stringify(request)), fromObject);
  const raw = JSON.stringify(request).replace('\\ud800', '\ud800');
  assert.ok(raw.includes('\ud800') && !raw.includes('\\u'));
  assert.equal(refusal(raw), fromObject);
  assert.equal(refusal(JSON.stringify({ ...request, description: 'a😀b' })), 'created');
});

test('an object nested thousands deep is tooDeep, as its text is, not a thrown error', () => {
  for (const n of [10_000, 100_000]) {
    const text = `${'{"a":'.repeat(n)}{}${'}'.repeat(n)}`;
    const ours = validate('DescribeJob', nested(n));
    assert.deepEqual(ours, noPositions(core('DescribeJob', text)), String(n));
    assert.equal(ours.violations[0].code, 'tooDeep');
    assert.match(ours.violations[0].message, /nested more than 64 deep at line 1, column 321$/);
    assert.equal(isValid('DescribeJob', nested(n)), false);
    const arrays = validate('DescribeJob', { jobId: nestedArray(n) });
    assert.deepEqual(arrays, noPositions(core('DescribeJob', `{"jobId":${'['.repeat(n)}${']'.repeat(n)}}`)));
  }
  // What comes before the cut is reported as for the whole text.
  const nan = validate('DescribeJob', { x: NaN, jobId: nested(10_000) });
  assert.deepEqual(nan.violations.map((v) => v.code), ['nonFiniteNumber']);
  // Just shallow enough for JSON.stringify, too deep for its second pass
  // (the one with a replacer, for the `null` a NaN became): still answered.
  let n = 1000;
  while (n < 10_000_000 && stringifies(nested(n * 2))) n *= 2;
  let hi = n * 2;
  while (hi - n > 1) {
    const mid = Math.floor((n + hi) / 2);
    if (stringifies(nested(mid))) n = mid;
    else hi = mid;
  }
  for (const depth of [n - 1, n - 8, n - 64]) {
    const r = validate('DescribeJob', { x: NaN, jobId: nested(depth) });
    assert.deepEqual(r.violations.map((v) => v.code), ['nonFiniteNumber'], String(depth));
  }
  // A cycle is still misuse, not tooDeep.
  const cycle = { a: {} };
  cycle.a.b = cycle;
  assert.throws(() => validate('DescribeJob', cycle), (e) => e.code === 'invalidRequest' && /circular/i.test(e.message));
});

test('options that throw while read are invalidOptions TypeErrors, on every entry that reads options', () => {
  for (const [name, options] of Object.entries(hostileOptions())) {
    const refused = (e) => e instanceof TypeError && e.code === 'invalidOptions' && /cannot be read|cannot be serialised/.test(e.message);
    assert.throws(() => validate('DescribeJob', { jobId: 'j' }, options), refused, name);
    assert.throws(() => isValid('DescribeJob', '{"jobId":"j"}', options), refused, name);
    if (name !== 'throwingDocumentSchema') assert.throws(() => schema('DescribeJob', options), refused, name);
    // Job.create reads its options by name (no key listing to trap).
    if (name !== 'throwingDocumentSchema' && name !== 'throwingOwnKeys') {
      assert.throws(() => Job.create({ jobId: 'j', targets: ['arn:aws:iot:us-east-1:123456789012:thing/t'], document: '{}' }, options), refused, name);
    }
  }
  // The caller's error is kept as the cause.
  try {
    validate('DescribeJob', {}, hostileOptions().throwingGetter);
    assert.fail('did not throw');
  } catch (e) {
    assert.equal(e.cause.message, 'getter says no');
  }
});

test('an own __proto__ key in options is refused as an unknown option, not dropped', () => {
  for (const [name, options] of Object.entries(protoOptions())) {
    assert.ok(Object.keys(options).includes('__proto__'), name);
    assert.throws(() => validate('DescribeJob', { jobId: 'j' }, options), (e) => e instanceof TypeError && e.code === 'invalidOptions' && e.message.includes('unknown option `__proto__`'), name);
    assert.throws(() => isValid('DescribeJob', { jobId: 'j' }, options), (e) => e.code === 'invalidOptions', name);
    assert.throws(() => schema('DescribeJob', options), (e) => e.code === 'invalidOptions', name);
  }
  // An inherited one is not the caller's option.
  assert.equal(isValid('DescribeJob', { jobId: 'j' }, Object.create({ api: 'nope' })), true);
});

test('the shared cases answer the same again (the Chromium run compares with these)', () => {
  const answers = fuzzAnswers({ validate, isValid });
  assert.ok(Object.values(answers).every((a) => a !== undefined));
  assert.equal(JSON.stringify(fuzzAnswers({ validate, isValid })), JSON.stringify(answers));
});

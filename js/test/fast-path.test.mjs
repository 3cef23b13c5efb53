// The fast path of validate(object)/isValid(object) (js/src/fast.js and the
// generated js/src/fast.generated.js) kept honest against the WebAssembly
// engine: whenever it says "clean", the engine's report for the same object
// and options has no violation at all. Run over every shared vector, the
// fuzz findings' objects, and thousands of seeded mutations of valid
// requests; and end to end through the package, every answer equals the
// engine's (positions aside). Also: the committed generated module is what
// `cargo run --example gen_fast` writes.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { PKG, ROOT, JS, RAW_GLUE, vectorData, jsSkip } from './helpers.mjs';
import { nested, nestedArray, hostileOptions, protoOptions } from './shared/fuzz-cases.mjs';
import { FastPath } from '../src/fast.js';
import { ASCII_FORMS } from '../src/fast.generated.js';

const require = createRequire(import.meta.url);
/** The engine alone: the raw wasm-bindgen glue (no shim, no fast path). */
const glue = require(RAW_GLUE);
const pkg = await import(path.join(PKG, 'index.mjs'));
const { cases } = vectorData();
const BENCH = JSON.parse(fs.readFileSync(path.join(JS, 'bench', 'create-job.json'), 'utf8'));
const BENCH_OPTIONS = { now: 1795000000000 };

/**
 * The engine's report for an object request with JSON-able options, or
 * undefined when the engine answers misuse.
 * @param {string} op
 * @param {unknown} obj
 * @param {unknown} options
 */
function engine(op, obj, options) {
  const opts = options === undefined ? '' : JSON.stringify(options);
  const answer = JSON.parse(glue.validate(op, JSON.stringify(obj), opts));
  return answer.type === 'success' ? answer.report : undefined;
}

/**
 * Teaches `fast` what the package would after the engine found `obj` free
 * of errors: the text the engine validated and the options it was given.
 * @param {FastPath} fast
 * @param {unknown} obj
 * @param {unknown} options
 */
function teach(fast, obj, options) {
  fast.learn(/** @type {object} */ (obj), JSON.stringify(obj), options === undefined ? '' : JSON.stringify(options));
}

/** The vector cases whose request text is an object JSON.stringify writes back unchanged. */
const objectCases = cases
  .filter((c) => !jsSkip(c))
  .flatMap((c) => {
    let obj;
    try {
      obj = JSON.parse(c.request);
    } catch {
      return [];
    }
    if (obj === null || typeof obj !== 'object' || JSON.stringify(obj) !== c.request) return [];
    const options = c.options === '' ? undefined : JSON.parse(c.options);
    if (options !== undefined && options !== null && 'documentSchema' in options) return [];
    return [{ key: c.key, op: c.operation, obj, options }];
  });

/** A fast path that has learnt from every valid vector (and the bench request). */
function warmed() {
  const fast = new FastPath();
  for (const c of objectCases) {
    const r = engine(c.op, c.obj, c.options);
    if (r !== undefined && r.valid) teach(fast, c.obj, c.options);
  }
  teach(fast, BENCH, BENCH_OPTIONS);
  return fast;
}

/**
 * Checks one case: fast "clean" implies an engine report without violations.
 * @returns {{ fast: boolean, clean: boolean | undefined, problem?: string }}
 */
function judge(fast, key, op, obj, options) {
  const says = fast.clean(op, obj, options);
  // For isValid: certain that there is no error (warnings allowed).
  const saysValid = fast.clean(op, obj, options, true);
  const r = engine(op, obj, options);
  const clean = r === undefined ? undefined : r.violations.length === 0;
  const valid = r === undefined ? undefined : r.valid;
  const shown = `the engine ${r === undefined ? 'answers misuse' : `reports ${r.violations.map((v) => v.rule).join(', ')}`}\n    ${JSON.stringify(obj).slice(0, 400)}`;
  if (says && clean !== true) return { fast: says, fastValid: saysValid, clean, valid, problem: `${key}: the fast path says clean, ${shown}` };
  if (saysValid && valid !== true) return { fast: says, fastValid: saysValid, clean, valid, problem: `${key}: the fast path says valid, ${shown}` };
  if (says && !saysValid) return { fast: says, fastValid: saysValid, clean, valid, problem: `${key}: clean but not valid by the fast path` };
  return { fast: says, fastValid: saysValid, clean, valid };
}

test('the committed fast path module is what the generator writes', () => {
  const committed = fs.readFileSync(path.join(JS, 'src', 'fast.generated.js'), 'utf8');
  const r = spawnSync('cargo', ['run', '--quiet', '--example', 'gen_fast', '--', '-'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.length > 10_000, 'the generator wrote almost nothing');
  assert.ok(r.stdout === committed, 'js/src/fast.generated.js is stale: run `cargo run --example gen_fast`');
});

test('each pattern with Unicode classes means on ASCII what its ASCII form means', () => {
  assert.ok(ASCII_FORMS.length >= 2);
  const ascii = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
  const next = rng(7);
  for (const [unicode, form] of ASCII_FORMS) {
    const u = new RegExp(unicode, 'u');
    const a = new RegExp(form, 'u');
    const samples = ['', ...ascii, ...ascii.flatMap((x) => ascii.map((y) => x + y))];
    for (let i = 0; i < 5000; i++) samples.push(Array.from({ length: 1 + Math.floor(next() * 12) }, () => ascii[Math.floor(next() * 128)]).join(''));
    for (const s of samples) assert.equal(a.test(s), u.test(s), `${unicode} vs ${form} on ${JSON.stringify(s)}`);
    // The ASCII form admits ASCII only.
    for (const s of ['é', 'a\u00a0', '\u2028', '😀']) assert.equal(a.test(JSON.parse(`"${s}"`)), false, s);
  }
});

test('the bench request: the fast path answers it in a fresh process (its document and cron decided without the engine)', () => {
  const fast = new FastPath();
  // Cold: the inline document is JSON that JSON.parse reads as the engine
  // does, and the cron expression is of the simple form.
  assert.equal(fast.clean('CreateJob', BENCH, BENCH_OPTIONS), true);
  assert.equal(engine('CreateJob', BENCH, BENCH_OPTIONS).violations.length, 0);
  // A cron expression outside the simple form is learnt from the engine.
  const other = structuredClone(BENCH);
  other.schedulingConfig.maintenanceWindows[0].startTime = 'cron(0 2 ? * MON-FRI *)';
  assert.equal(fast.clean('CreateJob', other, BENCH_OPTIONS), false);
  assert.equal(engine('CreateJob', other, BENCH_OPTIONS).violations.length, 0);
  teach(fast, other, BENCH_OPTIONS);
  assert.equal(fast.clean('CreateJob', other, BENCH_OPTIONS), true);
  // The same through the package, which learns on its first engine answer.
  assert.deepEqual(pkg.validate('CreateJob', BENCH, BENCH_OPTIONS), { valid: true, violations: [], awsMessage: null });
  assert.equal(pkg.isValid('CreateJob', BENCH, BENCH_OPTIONS), true);
  // What it does not model, it defers: without `now` the engine warns that
  // it skipped the scheduling window; another profile; a document schema.
  assert.equal(fast.clean('CreateJob', BENCH, undefined), false);
  assert.ok(engine('CreateJob', BENCH, undefined).violations.some((v) => v.rule === 'scheduling-window-skipped'));
  // ...a warning: isValid is answered all the same.
  assert.equal(fast.clean('CreateJob', BENCH, undefined, true), true);
  assert.equal(engine('CreateJob', BENCH, undefined).valid, true);
  assert.equal(fast.clean('CreateJob', BENCH, { ...BENCH_OPTIONS, profile: 'model' }), false);
  assert.equal(fast.clean('CreateJob', BENCH, { ...BENCH_OPTIONS, profile: 'documented' }), true);
  assert.equal(fast.clean('CreateJob', BENCH, { ...BENCH_OPTIONS, documentSchema: {} }), false);
  assert.equal(fast.clean('CreateJob', BENCH, { now: String(BENCH_OPTIONS.now) }), false);
  assert.equal(fast.clean('CreateJob', BENCH, { ...BENCH_OPTIONS, api: '2022-01' }), false, 'schedulingConfig is not a 2022 member');
  assert.equal(fast.clean('createJob', BENCH, BENCH_OPTIONS), false, 'an unknown operation is the engine\'s misuse');
});

test('every shared vector: clean by the fast path implies clean by the engine', () => {
  assert.ok(objectCases.length > 100, `only ${objectCases.length} object cases`);
  for (const [label, fast] of [['cold', new FastPath()], ['warm', warmed()]]) {
    const problems = [];
    let engineClean = 0;
    let fastClean = 0;
    let dirty = 0;
    let engineValid = 0;
    let fastValid = 0;
    for (const c of objectCases) {
      const j = judge(fast, c.key, c.op, c.obj, c.options);
      if (j.problem) problems.push(j.problem);
      if (j.clean === true) engineClean++;
      if (j.clean === false) dirty++;
      if (j.fast) fastClean++;
      if (j.valid === true) engineValid++;
      if (j.fastValid) fastValid++;
    }
    console.log(`# vectors (${label}): ${objectCases.length} object cases, ${engineClean} clean by the engine, ${fastClean} of them by the fast path (${((100 * fastClean) / engineClean).toFixed(1)} %), ${dirty} with violations; ${engineValid} valid by the engine, ${fastValid} of them by the fast path (${((100 * fastValid) / engineValid).toFixed(1)} %)`);
    assert.deepEqual(problems, []);
    // Fails if the fast path were "always clean" (there are cases with
    // violations and none got through) or "never clean" (warm).
    assert.ok(dirty > 100);
    if (label === 'warm') assert.ok(fastClean >= engineClean / 2, `the fast path answers only ${fastClean} of ${engineClean} clean vectors`);
  }
});

/** A seeded generator (mulberry32): the same mutations on every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every (container, key) pair inside `v`. */
function slots(v, out = []) {
  if (Array.isArray(v)) v.forEach((x, i) => { out.push([v, i]); slots(x, out); });
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) { out.push([v, k]); slots(v[k], out); }
  return out;
}

const NUMBERS = [0, -1, 1, 2, 1.1, 1.15, 1.5, 5, 5.1, 10, 11, 12.345, 19, 20, 29, 30, 59, 60, 99.99, 100, 100.01, 1000, 1001, 1430, 1431, 3600, 3601, 10080, 10081, 2147483647, 2147483648, 1e-7, 1e21, 2 ** 53, -0.5];
const STRINGS = ['', 'a', 'FAILED', 'ALL', 'TIMED_OUT', 'REJECTED', 'CANCEL', 'SNAPSHOT', 'CONTINUOUS', 'STOP_ROLLOUT', 'x'.repeat(65), 'x'.repeat(129), 'a b', 'é', 'a\u0007b', '\ud800', '😀', 'arn:aws:iot:us-east-1:123456789012:thing/t', 'arn:aws:iot:us-east-1:123456789012:thinggroup/g', 'arn:aws:iam::123456789012:role/r', 'arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0', '2026-12-01T02:00', '2026-12-01T02:00:30Z', '2026-02-30T02:00', '2026-12-01 02:00', '2026-11-30T23:00', '2099-01-01T00:00', 'cron(0 2 ? * SAT *)', 'cron(0 2 * * * *)', '{}', '{"a":1,"a":2}', '[', '${aws:iot:s3-presigned-url:https://s3.amazonaws.com/b/k}', 'https://s3.amazonaws.com/b/k', 'https://example.com/k'];

/** Whether a non-finite number is anywhere in `v`. */
function nonFinite(v) {
  if (typeof v === 'number') return !Number.isFinite(v);
  if (v === null || typeof v !== 'object') return false;
  return Object.values(v).some(nonFinite);
}

/** One mutation of `base` (a deep copy), or undefined when there was nothing to mutate. */
function mutate(base, next) {
  const obj = structuredClone(base);
  const all = slots(obj);
  const pick = (list) => list[Math.floor(next() * list.length)];
  if (all.length === 0) return undefined;
  const [container, key] = pick(all);
  const kind = Math.floor(next() * 14);
  const old = container[key];
  switch (kind) {
    case 0: // another number
      container[key] = pick(NUMBERS);
      break;
    case 1: // another string
      container[key] = pick(STRINGS);
      break;
    case 2: // another type
      container[key] = pick([null, true, [], {}, '1', 1, [old], { v: old }, undefined, NaN]);
      break;
    case 3: // drop it
      if (Array.isArray(container)) container.splice(key, 1);
      else delete container[key];
      break;
    case 4: // an unknown member next to it
      if (Array.isArray(container)) container.push(structuredClone(old));
      else container[pick(['unknownMember', 'jobid', 'toJSON', '__proto__', 'Key', 'status', 'endBehavior', 'timeoutConfig', 'presignedUrlConfig'])] = old;
      break;
    case 5: // a string longer or shorter
      if (typeof old === 'string') container[key] = next() < 0.5 ? old.slice(0, Math.floor(old.length / 2)) : old + old.slice(0, 1 + Math.floor(next() * 40)).repeat(1 + Math.floor(next() * 60));
      else container[key] = pick(STRINGS);
      break;
    case 6: // a number a little off
      if (typeof old === 'number') container[key] = pick([old + 1, old - 1, old * 10, old / 3, -old, old + 0.01, old + 0.001]);
      else container[key] = pick(NUMBERS);
      break;
    case 7: // a list entry twice
      if (Array.isArray(old) && old.length > 0) old.push(structuredClone(old[0]));
      else container[key] = [old, old];
      break;
    case 8: // a character changed in a string
      if (typeof old === 'string' && old.length > 0) {
        const i = Math.floor(next() * old.length);
        container[key] = old.slice(0, i) + pick(['-', ':', ' ', 'A', '0', '/', 'é', '\u0000', '"', '\\']) + old.slice(i + 1);
      } else container[key] = pick(STRINGS);
      break;
    case 10: { // a member JSON.stringify does not write: non-enumerable, beside or instead
      const target = old !== null && typeof old === 'object' && !Array.isArray(old) ? old : Array.isArray(container) ? obj : container;
      const name = pick(['description', 'document', 'jobId', 'targets', 'startTime', 'unknownMember', 'toJSON', 'nextToken', String(key)]);
      Object.defineProperty(target, name, { value: next() < 0.5 ? pick(STRINGS) : structuredClone(old), enumerable: false, configurable: true, writable: true });
      break;
    }
    case 11: { // toJSON on an object or array (own, enumerable or not), answering something else
      const target = old !== null && typeof old === 'object' ? old : obj;
      const other = structuredClone(pick([...all.map((s) => s[0]), 'x', 7, null, {}, []]));
      Object.defineProperty(target, 'toJSON', { value: () => other, enumerable: next() < 0.5, configurable: true, writable: true });
      break;
    }
    case 12: { // a prototype with a getter (the object's own members unchanged)
      const target = old !== null && typeof old === 'object' && !Array.isArray(old) ? old : Array.isArray(container) ? obj : container;
      const value = pick(STRINGS);
      const name = pick(['description', 'document', 'jobId', 'startTime', 'nextToken', 'namespaceId']);
      Object.setPrototypeOf(target, Object.defineProperty({}, name, { get: () => value, enumerable: next() < 0.5 }));
      break;
    }
    case 13: // a huge string (over the 1 MiB limit once escaped, or just long)
      container[key] = pick(['a', '\u0001', 'é', '😀', '"']).repeat(pick([257, 4097, 30_000, 200_000, 600_000]));
      break;
    default: // a whole block from another valid request
      container[key] = structuredClone(pick(all)[0]);
  }
  return obj;
}

test('seeded mutations of valid requests: clean by the fast path implies clean by the engine, and the package answers as the engine', () => {
  const fast = warmed();
  const bases = [{ op: 'CreateJob', obj: BENCH, options: BENCH_OPTIONS }];
  for (const c of objectCases) {
    const r = engine(c.op, c.obj, c.options);
    if (r !== undefined && r.violations.length === 0 && fast.clean(c.op, c.obj, c.options)) bases.push(c);
  }
  assert.ok(bases.length > 20, `only ${bases.length} bases`);
  const next = rng(12);
  const problems = [];
  let n = 0;
  let fastClean = 0;
  let fastValid = 0;
  let engineClean = 0;
  let dirty = 0;
  const N = 4000;
  for (let i = 0; i < N; i++) {
    const base = bases[i % bases.length];
    let obj = mutate(base.obj, next);
    // Sometimes two mutations at once.
    // (structuredClone refuses a toJSON function: then the first one only.)
    if (obj !== undefined && next() < 0.3) {
      try {
        obj = mutate(obj, next);
      } catch {
        // keep the first mutation
      }
    }
    if (obj === undefined) continue;
    let text;
    try {
      text = JSON.stringify(obj);
    } catch {
      continue;
    }
    if (text === undefined || nonFinite(obj)) {
      // NaN and ±Infinity are written as null by JSON.stringify (the shim
      // writes them so that the engine refuses them): never clean.
      if (fast.clean(base.op, obj, base.options)) problems.push(`${i}: clean with a non-finite number: ${text}`);
      continue;
    }
    n++;
    const j = judge(fast, `mutation ${i} of ${base.key ?? 'bench'}`, base.op, obj, base.options);
    if (j.problem) problems.push(j.problem);
    if (j.fast) fastClean++;
    if (j.clean === true) engineClean++;
    if (j.clean === false) dirty++;
    if (j.fastValid) fastValid++;
    // End to end: the package (fast path inside) answers as the engine.
    const want = engine(base.op, obj, base.options);
    if (want !== undefined) {
      for (const v of want.violations) v.position = null;
      const got = pkg.validate(base.op, obj, base.options);
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${i}: the package answers ${JSON.stringify(got).slice(0, 200)}, the engine ${JSON.stringify(want).slice(0, 200)}`);
      if (pkg.isValid(base.op, obj, base.options) !== want.valid) problems.push(`${i}: isValid disagrees with the engine`);
    }
  }
  console.log(`# mutations: ${n} judged, ${engineClean} clean by the engine, ${fastClean} by the fast path, ${dirty} with violations, ${fastValid} valid by the fast path`);
  assert.deepEqual(problems, []);
  assert.ok(n > N / 2 && dirty > N / 4, 'the mutations were too few or too mild');
  assert.ok(fastClean > 50, 'the fast path answered almost none of the clean mutations');
});

test('decimal places: thresholdPercentage and incrementFactor on a grid and near misses, as the engine counts them', () => {
  const fast = new FastPath();
  const base = (t, f) => ({
    jobId: 'j',
    targets: ['arn:aws:iot:us-east-1:123456789012:thinggroup/g'],
    document: '{}',
    abortConfig: { criteriaList: [{ failureType: 'FAILED', action: 'CANCEL', thresholdPercentage: t, minNumberOfExecutedThings: 1 }] },
    jobExecutionsRolloutConfig: { exponentialRate: { baseRatePerMinute: 1, incrementFactor: f, rateIncreaseCriteria: { numberOfNotifiedThings: 1 } } },
  });
  teach(fast, base(1, 2), undefined);
  const values = [];
  for (let i = 1; i <= 3000; i++) values.push([i / 100, 1.1 + (i % 40) / 10]);
  for (let i = 1; i <= 3000; i++) values.push([Number((i * 0.033).toFixed(3)), Number((1 + i / 1000).toFixed(3))]);
  const next = rng(3);
  for (let i = 0; i < 1000; i++) values.push([next() * 100, 1.1 + next() * 3.9]);
  for (const t of [0.1 + 0.2, 1e-7, 5e-324, 99.995, 99.99, 0.005, 0.015, 1.005, 12.34, 12.345]) values.push([t, 1.5]);
  for (const f of [1.1, 1.15, 1.2000000000000002, 4.9, 4.95, 5, 5.0000001]) values.push([50, f]);
  let agree = 0;
  const problems = [];
  for (const [t, f] of values) {
    const obj = base(t, f);
    const says = fast.clean('CreateJob', obj, undefined);
    const clean = engine('CreateJob', obj, undefined).violations.length === 0;
    if (says && !clean) problems.push(`thresholdPercentage ${t}, incrementFactor ${f}: clean by the fast path only`);
    if (says === clean) agree++;
  }
  console.log(`# decimal places: ${values.length} pairs, the fast path agrees with the engine on ${agree}`);
  assert.deepEqual(problems, []);
  assert.ok(agree > values.length * 0.99, 'the fast path defers on too many');
});

test('the fuzz findings\' objects and options: never clean unless the engine says so', () => {
  const fast = warmed();
  const problems = [];
  const objects = {
    'nested object 65': nested(65),
    'nested object 10000': nested(10_000),
    'nested array in jobId': { jobId: nestedArray(100) },
    'NaN first': { x: NaN, jobId: nested(100) },
    'NaN jobId': { jobId: NaN },
    'Infinity maxResults': { jobId: 'j', maxResults: Infinity },
    'a Date': { jobId: new Date(0) },
    'a boxed string': { jobId: new String('j') },
    'toJSON': { jobId: 'j', toJSON: () => ({ jobId: 'k' }) },
    'own non-enumerable toJSON': Object.defineProperty({ jobId: 'j' }, 'toJSON', { value: () => 1, enumerable: false }),
    'a class instance': new (class R { constructor() { this.jobId = 'j'; } })(),
    'a null prototype': Object.assign(Object.create(null), { jobId: 'j' }),
    'an array': [{ jobId: 'j' }],
    'a lone surrogate': { jobId: 'j', beforeSubstitution: true, x: '\ud800' },
    'a BigInt': { jobId: 'j', beforeSubstitution: 1n },
    'a hole': { jobId: 'j', beforeSubstitution: [, 1] }, // eslint-disable-line no-sparse-arrays
    'a non-enumerable own jobId': Object.defineProperty({}, 'jobId', { value: 'j', enumerable: false }),
    'a non-enumerable own member beside': Object.defineProperty({ jobId: 'j' }, 'beforeSubstitution', { value: 1, enumerable: false }),
    'an inherited jobId': Object.create({ jobId: 'j' }),
  };
  for (const [name, obj] of Object.entries(objects)) {
    let text;
    try {
      text = JSON.stringify(obj);
    } catch {
      text = undefined;
    }
    const says = fast.clean('DescribeJob', obj, undefined);
    const r = text === undefined ? undefined : engine('DescribeJob', JSON.parse(text), undefined);
    const clean = r !== undefined && r.violations.length === 0 && text === JSON.stringify(JSON.parse(text)) && !text.includes('null');
    if (says && !clean) problems.push(`${name}: the fast path says clean`);
  }
  // A null-prototype object of plain members is plain: that one is answered,
  // and so is a member whose value is undefined (JSON.stringify leaves it out).
  assert.equal(fast.clean('DescribeJob', objects['a null prototype'], undefined), true);
  assert.equal(fast.clean('DescribeJob', { jobId: 'j', beforeSubstitution: undefined }, undefined), true);
  assert.equal(fast.clean('DescribeJob', { jobId: undefined }, undefined), false);
  for (const [name, options] of [...Object.entries(hostileOptions()), ...Object.entries(protoOptions())]) {
    if (fast.clean('DescribeJob', { jobId: 'j' }, options)) problems.push(`options ${name}: the fast path says clean`);
  }
  // Object.prototype with an enumerable key: nothing is answered.
  Object.prototype.polluted = 1; // eslint-disable-line no-extend-native
  try {
    if (fast.clean('DescribeJob', { jobId: 'j' }, undefined)) problems.push('a polluted Object.prototype: the fast path says clean');
  } finally {
    delete Object.prototype.polluted;
  }
  assert.equal(fast.clean('DescribeJob', { jobId: 'j' }, undefined), true);
  assert.deepEqual(problems, []);
});

test('what the fast path learns: only from reports without errors, only under the documented profile', () => {
  const doc = '{"a":1,}';
  const req = { jobId: 'j', targets: ['arn:aws:iot:us-east-1:123456789012:thing/t'], document: doc };
  // The engine refuses a document that is not JSON (document-size-json).
  assert.ok(engine('CreateJob', req, undefined).violations.some((v) => v.rule === 'document-size-json'));
  // The package does not learn it from that answer...
  pkg.validate('CreateJob', req);
  pkg.validate('CreateJob', req, { profile: 'model' });
  assert.equal(pkg.validate('CreateJob', req).valid, false);
  // ...and a fast path that did not learn it defers.
  const fast = new FastPath();
  teach(fast, req, { profile: 'model' });
  assert.equal(fast.clean('CreateJob', req, undefined), false);

  // A document with a `\\u` escape is not decided without the engine.
  const good = { ...req, document: '{"a":"\\u00e9"}' };
  assert.equal(fast.clean('CreateJob', good, undefined), false);
  teach(fast, good, undefined);
  assert.equal(fast.clean('CreateJob', good, undefined), true);
  assert.equal(fast.clean('CreateJob', { ...good, document: '{"a": "\\u00e9"}' }, undefined), false);
  // One without is.
  assert.equal(new FastPath().clean('CreateJob', { ...req, document: '{"a": 1}' }, undefined), true);
});

const THING = 'arn:aws:iot:us-east-1:123456789012:thing/t';

/**
 * Problems where the package answers an object otherwise than its JSON text
 * (the engine's answer: a string request never takes the fast path),
 * positions aside; for validate and isValid.
 * @param {string} name
 * @param {string} op
 * @param {unknown} obj
 * @param {unknown} [options]
 * @returns {string[]}
 */
function differential(name, op, obj, options) {
  const text = JSON.stringify(obj);
  const want = pkg.validate(op, text, options);
  for (const v of want.violations) v.position = null;
  const got = pkg.validate(op, obj, options);
  const problems = [];
  if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${name}: validate(object) answers ${JSON.stringify(got).slice(0, 200)}, validate(text) ${JSON.stringify(want).slice(0, 200)}`);
  if (pkg.isValid(op, obj, options) !== pkg.isValid(op, text, options)) problems.push(`${name}: isValid(object) differs from isValid(text)`);
  return problems;
}

test('review finding 1: requests over the 1 MiB limit are the engine\'s tooLarge, never clean', () => {
  const warm = { jobId: 'j', targets: [THING], document: '{}' };
  // The document '{}' learnt, so that only the size is in question.
  assert.equal(pkg.validate('CreateJob', warm).valid, true);
  assert.equal(pkg.validate('CreateJobTemplate', { jobTemplateId: 't', description: 'd', document: '{}' }).valid, true);
  const cases = [
    ['CreateJob namespaceId 2 MiB', 'CreateJob', { ...warm, namespaceId: 'a'.repeat(2 * 2 ** 20) }],
    ['ListJobExecutionsForJob nextToken 1.1 MiB', 'ListJobExecutionsForJob', { jobId: 'j', nextToken: 'a'.repeat(Math.floor(1.1 * 2 ** 20)) }],
    ['CreateJobTemplate jobArn 1.1 MiB', 'CreateJobTemplate', { jobTemplateId: 't', description: 'd', jobArn: 'a'.repeat(Math.floor(1.1 * 2 ** 20)) }],
    ['control characters escaped to 1.2 MB', 'ListJobExecutionsForJob', { jobId: 'j', nextToken: '\u0001'.repeat(200_000) }],
    ['targets: 100 ARNs of 2048 control characters', 'CreateJob', { ...warm, targets: Array.from({ length: 100 }, () => '\u0001'.repeat(2048)) }],
  ];
  // Each at a judged size is answered by the fast path (so the case is about the size).
  const small = new FastPath();
  teach(small, warm, undefined);
  assert.equal(small.clean('CreateJob', { ...warm, namespaceId: 'a' }, undefined), true);
  assert.equal(small.clean('ListJobExecutionsForJob', { jobId: 'j', nextToken: 'a' }, undefined), true);
  assert.equal(small.clean('CreateJobTemplate', { jobTemplateId: 't', description: 'd', jobArn: 'a' }, undefined), true);
  const problems = [];
  for (const [name, op, obj] of cases) {
    if (small.clean(op, obj, undefined)) problems.push(`${name}: clean by the fast path`);
    problems.push(...differential(name, op, obj));
    assert.equal(engine(op, obj, undefined)?.violations[0]?.rule ?? 'input.tooLarge', 'input.tooLarge', name);
  }
  assert.deepEqual(problems, []);
});

test('review finding 2: what is learnt is what the engine read, not what the caller\'s object shows', () => {
  const problems = [];
  // Each shape hands the engine (through JSON.stringify) another document or
  // cron expression than a plain read of the object shows; the engine finds
  // the request valid; then the plain request with the bad string must get
  // the engine's answer.
  const base = { jobId: 'j', targets: [THING] };
  const poisons = [];
  let i = 0;
  for (const shape of ['non-enumerable', 'toJSON on the request', 'prototype getter']) {
    const bad = `NOT JSON ${i++}`;
    let obj;
    if (shape === 'non-enumerable') {
      obj = Object.defineProperty({ ...base, documentSource: 'https://s3.amazonaws.com/b/k' }, 'document', { value: bad, enumerable: false });
    } else if (shape === 'toJSON on the request') {
      obj = { ...base, document: bad, toJSON() { return { ...base, document: '{}' }; } };
    } else {
      const proto = Object.defineProperty({}, 'document', { get: () => bad, enumerable: false });
      obj = Object.assign(Object.create(proto), base, { documentSource: 'https://s3.amazonaws.com/b/k' });
    }
    poisons.push([shape, obj, { ...base, document: bad }]);
  }
  const cronBase = { ...base, document: '{}', schedulingConfig: { startTime: '2026-12-01T02:00', maintenanceWindows: [{ startTime: 'cron(0 2 ? * SAT *)', durationInMinutes: 60 }] } };
  for (const shape of ['toJSON on a window', 'toJSON on the windows', 'non-enumerable startTime']) {
    const bad = `cron(99 99 * * ? ${i++})`;
    const good = { startTime: 'cron(0 2 ? * SAT *)', durationInMinutes: 60 };
    let windows;
    if (shape === 'toJSON on a window') windows = [{ startTime: bad, durationInMinutes: 60, toJSON: () => good }];
    else if (shape === 'toJSON on the windows') windows = Object.assign([{ startTime: bad, durationInMinutes: 60 }], { toJSON: () => [good] });
    else windows = [Object.defineProperty({ durationInMinutes: 60 }, 'startTime', { value: bad, enumerable: false })];
    const obj = { ...cronBase, schedulingConfig: { ...cronBase.schedulingConfig, maintenanceWindows: windows } };
    poisons.push([shape, obj, { ...cronBase, schedulingConfig: { ...cronBase.schedulingConfig, maintenanceWindows: [{ startTime: bad, durationInMinutes: 60 }] } }]);
  }
  for (const [shape, poison, plain] of poisons) {
    for (const options of [undefined, { now: 1795000000000 }]) {
      pkg.validate('CreateJob', poison, options);
      pkg.isValid('CreateJob', poison, options);
      problems.push(...differential(`${shape}, then the plain request`, 'CreateJob', plain, options));
    }
    // And the fast path alone, taught as the package teaches it.
    const fast = new FastPath();
    const text = JSON.stringify(poison);
    if (engine('CreateJob', JSON.parse(text), undefined)?.valid) fast.learn(poison, text, '');
    if (fast.clean('CreateJob', plain, undefined, true)) problems.push(`${shape}: the fast path learnt a string the engine never read`);
  }
  assert.deepEqual(problems, []);
});

test('review finding 3: a member that is not own and enumerable is not in the text, and never cancels out another', () => {
  const warm = { jobId: 'j', targets: [THING], document: '{}' };
  assert.equal(pkg.validate('CreateJob', warm).valid, true);
  const problems = [];
  const cases = [
    ['bogus beside a non-enumerable description', Object.defineProperty({ ...warm, bogus: 1 }, 'description', { value: 'd', enumerable: false })],
    ['a non-enumerable required member', Object.defineProperty({ targets: [THING], document: '{}' }, 'jobId', { value: 'j', enumerable: false })],
    ['bogus beside an inherited description', Object.assign(Object.create(Object.defineProperty({}, 'description', { value: 'd' })), warm, { bogus: 1 })],
  ];
  for (const [name, obj] of cases) problems.push(...differential(name, 'CreateJob', obj));
  assert.deepEqual(problems, []);
});

test('review finding 4: an array with toJSON is not plain', () => {
  const warm = { jobId: 'j', targets: [THING], document: '{}' };
  assert.equal(pkg.validate('CreateJob', warm).valid, true);
  const problems = [];
  const own = Object.assign([THING], { toJSON: () => ['not an arn', 7] });
  const hidden = Object.defineProperty([THING], 'toJSON', { value: () => 7, enumerable: false });
  problems.push(...differential('own toJSON', 'CreateJob', { ...warm, targets: own }));
  problems.push(...differential('non-enumerable toJSON', 'CreateJob', { ...warm, targets: hidden }));
  // eslint-disable-next-line no-extend-native
  Object.defineProperty(Array.prototype, 'toJSON', { value() { return 7; }, configurable: true, writable: true });
  try {
    problems.push(...differential('Array.prototype.toJSON', 'CreateJob', { ...warm, targets: [THING] }));
  } finally {
    delete Array.prototype.toJSON;
  }
  assert.deepEqual(problems, []);
});

test('review finding 5: a documentSchema option read as the shim reads it defers', () => {
  const fast = new FastPath();
  const req = { jobId: 'j' };
  assert.equal(fast.clean('DescribeJob', req, {}), true);
  const schema = { type: 'object', required: ['never'] };
  const hidden = Object.defineProperty({}, 'documentSchema', { value: schema, enumerable: false });
  const inherited = Object.create(Object.defineProperty({}, 'documentSchema', { value: schema }));
  assert.equal(fast.clean('DescribeJob', req, hidden), false);
  assert.equal(fast.clean('DescribeJob', { jobId: 'j' }, Object.setPrototypeOf(hidden, null)), false);
  // Object.prototype with a non-enumerable documentSchema: every options object has one.
  Object.defineProperty(Object.prototype, 'documentSchema', { value: schema, configurable: true, writable: true }); // eslint-disable-line no-extend-native
  try {
    assert.equal(fast.clean('DescribeJob', req, {}), false);
  } finally {
    delete Object.prototype.documentSchema;
  }
  assert.equal(Object.getPrototypeOf(inherited) !== Object.prototype, true);
  assert.equal(fast.clean('DescribeJob', req, inherited), false);
});

// ---------------------------------------------------------------------------
// The string fast path (`FastPath.cleanText`, used by validate(string) and
// isValid(string)), the documents and cron expressions decided without the
// engine, and the first call of a process.

/**
 * The engine's report for a string request (positions kept), or undefined
 * when the engine answers misuse.
 * @param {string} op
 * @param {string} text
 * @param {string} optionsText
 */
function engineText(op, text, optionsText) {
  // A lone surrogate as the package hands it over (wasm-bindgen would make
  // it U+FFFD): escaped, which the engine refuses.
  const escaped = text.replace(/\p{Cs}/gu, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  const answer = JSON.parse(glue.validate(op, escaped, optionsText));
  return answer.type === 'success' ? answer.report : undefined;
}

/** The vector cases as text, with their options (none with a documentSchema). */
const textCases = cases
  .filter((c) => !jsSkip(c))
  .flatMap((c) => {
    const options = c.options === '' ? undefined : JSON.parse(c.options);
    if (options !== undefined && options !== null && typeof options === 'object' && 'documentSchema' in options) return [];
    return [{ key: c.key, op: c.operation, text: c.request, options, optionsText: c.options }];
  });

/**
 * Problems where the package answers the text otherwise than the engine
 * (byte for byte, positions included), or where the string fast path says
 * clean (valid) and the engine does not.
 */
function judgeText(fast, key, op, text, options, optionsText) {
  const problems = [];
  const want = engineText(op, text, optionsText);
  const says = fast.cleanText(op, text, options);
  const saysValid = fast.cleanText(op, text, options, true);
  const clean = want !== undefined && want.violations.length === 0;
  if (says && !clean) problems.push(`${key}: the string fast path says clean, the engine reports ${want === undefined ? 'misuse' : want.violations.map((v) => v.rule).join(', ')}\n    ${text.slice(0, 300)}`);
  if (saysValid && !(want !== undefined && want.valid)) problems.push(`${key}: the string fast path says valid, the engine does not\n    ${text.slice(0, 300)}`);
  if (want !== undefined) {
    const got = pkg.validate(op, text, options);
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${key}: validate(string) answers ${JSON.stringify(got).slice(0, 200)}, the engine ${JSON.stringify(want).slice(0, 200)}`);
    if (pkg.isValid(op, text, options) !== want.valid) problems.push(`${key}: isValid(string) disagrees with the engine`);
  }
  return { problems, says, clean };
}

test('the clean report the shim writes is the engine\'s, key order included', () => {
  const engineClean = JSON.parse(glue.validate('DescribeJob', '{"jobId":"j"}', '')).report;
  assert.equal(JSON.stringify(pkg.validate('DescribeJob', { jobId: 'j' })), JSON.stringify(engineClean));
  assert.equal(JSON.stringify(pkg.validate('DescribeJob', '{"jobId":"j"}')), JSON.stringify(engineClean));
  // A new object each time.
  const a = pkg.validate('DescribeJob', { jobId: 'j' });
  a.violations.push(1);
  assert.deepEqual(pkg.validate('DescribeJob', { jobId: 'j' }).violations, []);
});

test('every shared vector\'s text: validate(string) and isValid(string) give the engine\'s report byte for byte; clean by the string fast path implies clean by the engine', () => {
  assert.ok(textCases.length > 1000, `only ${textCases.length} text cases`);
  for (const [label, fast] of [['cold', new FastPath()], ['warm', warmed()]]) {
    const problems = [];
    let engineClean = 0;
    let fastClean = 0;
    for (const c of textCases) {
      const j = judgeText(fast, c.key, c.op, c.text, c.options, c.optionsText);
      problems.push(...j.problems);
      if (j.clean) engineClean++;
      if (j.says) fastClean++;
    }
    console.log(`# vectors as text (${label}): ${textCases.length} cases, ${engineClean} clean by the engine, ${fastClean} of them by the string fast path (${((100 * fastClean) / engineClean).toFixed(1)} %)`);
    assert.deepEqual(problems, []);
    assert.ok(fastClean >= engineClean / 2, `the string fast path answers only ${fastClean} of ${engineClean} clean vectors`);
  }
});

const CLEAN_JOB = { jobId: 'j', targets: [THING], document: '{"a":1}' };

test('adversarial texts: each guard of the string fast path is needed (the tree alone looks clean) and the answer is the engine\'s', () => {
  const fast = new FastPath();
  // [name, operation, text, whether the engine finds it clean]
  const cases = [
    // Duplicate keys: JSON.parse keeps the last, the engine reports them.
    ['a duplicate key', 'DescribeJob', '{"jobId":"a","jobId":"b"}', false],
    ['a duplicate key, the first with a colon', 'DescribeJob', '{"jobId":"a:","jobId":"b"}', false],
    ['a duplicate nested key', 'CreateJob', '{"jobId":"j","targets":["' + THING + '"],"document":"{}","timeoutConfig":{"inProgressTimeoutInMinutes":5,"inProgressTimeoutInMinutes":6}}', false],
    // ...hidden behind an escaped colon, which would make the counts equal.
    ['a duplicate key and a \\u003a', 'ListJobExecutionsForThing', '{"thingName":"a","thingName":"b\\u003a"}', false],
    // Escapes the engine refuses and JSON.parse does not.
    ['an escaped lone surrogate', 'DescribeJob', '{"jobId":"j","beforeSubstitution":"\\ud800"}', false],
    ['a raw lone surrogate', 'CreateJob', JSON.stringify({ ...CLEAN_JOB, description: 'x' }).replace('"x"', '"\ud800"'), false],
    // Numbers.
    ['1e400 in the request', 'ListJobExecutionsForThing', '{"thingName":"t","maxResults":1e400}', false],
    ['1e400 in the document', 'CreateJob', JSON.stringify({ ...CLEAN_JOB, document: '{"a":1e400}' }), false],
    ['a 400-digit number in the document', 'CreateJob', JSON.stringify({ ...CLEAN_JOB, document: `[${'9'.repeat(400)}]` }), false],
    ['-0', 'CreateJob', '{"jobId":"j","targets":["' + THING + '"],"document":"{}","jobExecutionsRetryConfig":{"criteriaList":[{"failureType":"FAILED","numberOfRetries":-0}]}}', true],
    ['5.0 and 1E1 as integers', 'CreateJob', '{"jobId":"j","targets":["' + THING + '"],"document":"{}","timeoutConfig":{"inProgressTimeoutInMinutes":1E1},"jobExecutionsRetryConfig":{"criteriaList":[{"failureType":"FAILED","numberOfRetries":5.0}]}}', true],
    ['decimal places from the literal', 'CreateJob', '{"jobId":"j","targets":["' + THING + '"],"document":"{}","abortConfig":{"criteriaList":[{"failureType":"FAILED","action":"CANCEL","thresholdPercentage":12.500,"minNumberOfExecutedThings":1}]}}', true],
    ['decimal places, three', 'CreateJob', '{"jobId":"j","targets":["' + THING + '"],"document":"{}","abortConfig":{"criteriaList":[{"failureType":"FAILED","action":"CANCEL","thresholdPercentage":12.501,"minNumberOfExecutedThings":1}]}}', false],
    ['an integer past 2^53', 'ListJobExecutionsForThing', '{"thingName":"t","maxResults":9007199254740993}', false],
    // Nesting: the document to 64 levels is JSON to the engine, 65 is not.
    ['a document 64 deep', 'CreateJob', JSON.stringify({ ...CLEAN_JOB, document: '['.repeat(64) + ']'.repeat(64) }), true],
    ['a document 65 deep', 'CreateJob', JSON.stringify({ ...CLEAN_JOB, document: '['.repeat(65) + ']'.repeat(65) }), false],
    ['a document 65 deep, objects', 'CreateJob', JSON.stringify({ ...CLEAN_JOB, document: '{"a":'.repeat(65) + '1' + '}'.repeat(65) }), false],
    ['a document with duplicate keys (no violation)', 'CreateJob', JSON.stringify({ ...CLEAN_JOB, document: '{"a":1,"a":2}' }), true],
    // A byte order mark: the engine skips it, JSON.parse refuses it.
    ['a BOM before the request', 'DescribeJob', '\ufeff{"jobId":"j"}', true],
    ['a BOM before the document', 'CreateJob', JSON.stringify({ ...CLEAN_JOB, document: '\ufeff{}' }), true],
    ['whitespace of all four kinds', 'DescribeJob', ' \t\r\n{ "jobId" :\t"j" }\r\n', true],
    ['a form feed (not JSON whitespace)', 'DescribeJob', '{"jobId":"j"}\f', false],
    // Size: the engine counts UTF-8 bytes, whitespace included.
    ['just over 1 MiB of whitespace', 'DescribeJob', '{"jobId":"j"}' + ' '.repeat(2 ** 20 - 13 + 1), false],
    ['exactly 1 MiB', 'DescribeJob', '{"jobId":"j"}' + ' '.repeat(2 ** 20 - 13), true],
    ['over 1 MiB of UTF-8 in fewer UTF-16 units', 'CreateJob', JSON.stringify({ ...CLEAN_JOB, description: 'x' }).replace('}', `,"unused":"${'é'.repeat(600_000)}"}`), false],
  ];
  const problems = [];
  for (const [name, op, text, clean] of cases) {
    const want = engineText(op, text, '');
    assert.ok(want !== undefined, name);
    if (clean !== null) assert.equal(want.violations.length === 0, clean, `${name}: the engine ${clean ? 'reports' : 'finds no'} violation: ${JSON.stringify(want.violations.map((v) => v.rule))}`);
    problems.push(...judgeText(fast, name, op, text, undefined, '').problems);
  }
  assert.deepEqual(problems, []);
  // Each guard is needed: without it, the tree JSON.parse makes is clean by
  // the object fast path.
  for (const name of ['a duplicate key', 'a duplicate key, the first with a colon', 'a duplicate nested key', 'a duplicate key and a \\u003a', 'just over 1 MiB of whitespace']) {
    const [, op, text] = cases.find((c) => c[0] === name);
    assert.equal(fast.clean(op, JSON.parse(text), undefined), true, `${name}: the tree alone is clean`);
  }
  // And what the guards leave to the fast path, it answers.
  for (const name of ['-0', '5.0 and 1E1 as integers', 'decimal places from the literal', 'a document 64 deep', 'a document with duplicate keys (no violation)', 'whitespace of all four kinds']) {
    const [, op, text] = cases.find((c) => c[0] === name);
    assert.equal(fast.cleanText(op, text, undefined), true, `${name}: not answered by the string fast path`);
  }
  // A \u escape of anything is "don't know" (then the engine answers).
  assert.equal(fast.cleanText('DescribeJob', '{"jobId":"\\u006a"}', undefined), false);
  assert.equal(fast.cleanText('DescribeJob', '{"jobId":"j"}', undefined), true);
});

test("tally's premise: a tree the fast path accepts has no key with a colon (it counts none)", () => {
  // Every member name the predicates know has none...
  const committed = fs.readFileSync(path.join(JS, 'src', 'fast.generated.js'), 'utf8');
  const names = [...committed.matchAll(/^case ("[^"]*"):/gm)].map((m) => JSON.parse(m[1]));
  assert.ok(names.length > 50 && names.includes('jobId'), 'the closed structures were not found');
  assert.deepEqual(names.filter((n) => n.includes(':')), []);
  // ...and a key with one, at any level of a request the fast path accepts,
  // is refused (so a JSON text with one goes to the engine).
  const fast = new FastPath();
  const now = { now: 1795000000000 };
  assert.equal(fast.clean('CreateJob', BENCH, now), true);
  let objects = 0;
  const visit = (node, at) => {
    if (node === null || typeof node !== 'object') return;
    if (!Array.isArray(node)) {
      objects++;
      for (const value of [1, 'x', null, {}, [], true]) {
        const copy = structuredClone(BENCH);
        at.reduce((o, k) => o[k], copy)['a:b'] = value;
        assert.equal(fast.clean('CreateJob', copy, now), false, `a key with a colon at ${at.join('.') || 'the top'} (${JSON.stringify(value)})`);
        assert.equal(fast.cleanText('CreateJob', JSON.stringify(copy), now), false, `as text, at ${at.join('.') || 'the top'}`);
      }
    }
    for (const k of Object.keys(node)) visit(node[k], [...at, k]);
  };
  visit(BENCH, []);
  assert.ok(objects >= 10, `only ${objects} objects in the bench request`);
});

test('documents decided without the engine: on a fresh fast path, clean only when the engine agrees', () => {
  const docs = ['{}', '[]', '1', '-0', '"s"', 'true', 'null', ' {"a" : [1, 2.5e-3, "x:y", null]} ', '{"a":1,"a":2}', '{"a":1,}', '[1,]', '01', '1.', '.5', '+1', 'NaN', '-Infinity', '{a:1}', "{'a':1}", '/*c*/{}', '{}{}', '', ' ', '\ufeff{}', '\ufeff\ufeff{}', '{"a":"\\ud800"}', '{"a":"\\u00e9"}', '{"a":"\t"}', '{"a":"\\t"}', '1e400', '-1e400', '1e-400', '[1e308, 1.7976931348623157e308, 1.7976931348623159e308]', '{"\u2028":"\u2029"}', '[' + '9'.repeat(309) + ']', '[' + '9'.repeat(308) + ']', '"\\/"', '"\\x"', '["a"\n,\r"b"]', '\u00a0{}', '{}\u00a0', '[[[[' + ']]]]'];
  for (let d = 62; d <= 66; d++) docs.push('['.repeat(d) + ']'.repeat(d), '{"a":'.repeat(d) + '0' + '}'.repeat(d), '['.repeat(d - 1) + '{}' + ']'.repeat(d - 1));
  const problems = [];
  let answered = 0;
  for (const document of docs) {
    const fast = new FastPath();
    const req = { ...CLEAN_JOB, document };
    const says = fast.clean('CreateJob', req, undefined);
    const r = engine('CreateJob', req, undefined);
    const clean = r !== undefined && r.violations.length === 0;
    if (says && !clean) problems.push(`${JSON.stringify(document).slice(0, 80)}: clean by the fast path, the engine reports ${r === undefined ? 'misuse' : r.violations.map((v) => v.rule).join(', ')}`);
    if (says) answered++;
  }
  console.log(`# documents: ${docs.length}, ${answered} answered without the engine`);
  assert.deepEqual(problems, []);
  assert.ok(answered >= 20, `only ${answered} documents answered`);
});

test('scheduling times at the edges of the window, across leap days, centuries and the years the fast path leaves to the engine: clean only when the engine agrees', () => {
  const fast = warmed();
  const problems = [];
  let answered = 0;
  const text = (ms) => new Date(ms).toISOString().slice(0, 16);
  // [the start's day, the day `now` is taken from]: a year before 100 with
  // `now` in 1900 + that year (where Date.UTC would put it).
  const days = [['0070-01-02', '1970-01-02'], ['0099-12-31', '1999-12-31'], ['0100-03-01'], ['1970-01-02'], ['1999-12-31'], ['2000-02-29'], ['2024-02-29'], ['2024-03-01'], ['2100-02-28'], ['2100-03-01'], ['2399-12-31'], ['2400-02-29'], ['9998-12-31']];
  for (const [day, base = day] of days) {
    const start = `${day}T02:00`;
    const startMs = Date.parse(`${base}T02:00:00Z`);
    // The start 30 minutes ahead (the lead) give or take a minute, and the
    // end 730 days ahead of now give or take a minute.
    for (const lead of [29, 30, 31]) {
      const now = startMs - lead * 60 * 1000;
      for (const [end, what] of [
        [text(startMs + 7 * 24 * 3600 * 1000), 'a week'],
        [text(now + 730 * 24 * 3600 * 1000 - 60 * 1000), 'the end horizon less a minute'],
        [text(now + 730 * 24 * 3600 * 1000 + 60 * 1000), 'the end horizon and a minute'],
      ]) {
        if (now < 0 || end.length !== 16) continue;
        const obj = structuredClone(BENCH);
        obj.schedulingConfig.startTime = start;
        obj.schedulingConfig.endTime = end;
        const j = judge(fast, `${start} (lead ${lead} min, end ${what})`, 'CreateJob', obj, { now });
        if (j.problem) problems.push(j.problem);
        if (j.fast) answered++;
      }
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(answered >= 10, `the fast path answered only ${answered} of them`);
});

test('cron expressions decided without the engine: every value of every field, and the Day-of-month / Day-of-week pairs', () => {
  const num = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  const base = ['0', '2', '?', '*', 'SAT', '*'];
  const fields = [
    ['*', '00', '05', '-1', '*/5', ...num(0, 61)],
    ['*', '00', '07', ...num(0, 25)],
    ['?', '*', 'L', '01', ...num(0, 32)],
    ['*', '00', 'JAN', 'jan', ...num(0, 13)],
    ['?', '*', 'L', 'sat', 'MON-FRI', 'SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN#1', ...num(0, 8)],
    ['*', '?', '1970', '2026', '2199', '2200'],
  ];
  const texts = new Set();
  fields.forEach((values, i) => {
    for (const v of values) texts.add(`cron(${base.map((b, j) => (j === i ? v : b)).join(' ')})`);
  });
  for (const dom of fields[2]) for (const dow of fields[4]) texts.add(`cron(0 2 ${dom} * ${dow} *)`);
  for (const odd of ['cron(0 2 ? * SAT *) ', ' cron(0 2 ? * SAT *)', 'cron(0  2 ? * SAT *)', 'cron(0\t2 ? * SAT *)', 'cron( 0 2 ? * SAT *)', 'cron(0 2 ? * SAT)', 'cron(0 2 ? * SAT * *)', 'rate(5 minutes)', 'CRON(0 2 ? * SAT *)', 'cron(0 2 28 2 ? *)']) texts.add(odd);
  const problems = [];
  let answered = 0;
  let accepted = 0;
  for (const cron of texts) {
    const req = structuredClone(BENCH);
    req.schedulingConfig.maintenanceWindows[0].startTime = cron;
    const says = new FastPath().clean('CreateJob', req, BENCH_OPTIONS);
    const r = engine('CreateJob', req, BENCH_OPTIONS);
    const clean = r !== undefined && r.violations.length === 0;
    if (says && !clean) problems.push(`${cron}: clean by the fast path, the engine reports ${r === undefined ? 'misuse' : r.violations.map((v) => `${v.rule}: ${v.message}`).join(', ')}`);
    if (says) answered++;
    if (clean) accepted++;
  }
  console.log(`# cron expressions: ${texts.size}, ${accepted} accepted by the engine, ${answered} of them without it`);
  assert.deepEqual(problems, []);
  assert.ok(answered > 100, `only ${answered} answered`);
});

test('a fresh process: require and the first validate of a valid request (object or text) never compile the module', () => {
  const script = `
WebAssembly.Module = function () { throw new Error('the module was compiled'); };
const m = require(process.argv[1]);
const req = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const out = [m.validate('CreateJob', req, { now: 1795000000000 }), m.isValid('CreateJob', req, { now: 1795000000000 }),
  m.validate('CreateJob', JSON.stringify(req, null, 2), { now: 1795000000000 }), m.isValid('CreateJob', JSON.stringify(req))];
out.push(Object.keys(require.cache).some((k) => k.endsWith('iot_jobs_policy_node_bytes.cjs')));
let refused;
try { m.validate('CreateJob', {}); } catch (e) { refused = e.message; }
out.push(refused);
process.stdout.write(JSON.stringify(out));`;
  const out = JSON.parse(spawnSync(process.execPath, ['-e', script, path.join(PKG, 'index.cjs'), path.join(JS, 'bench', 'create-job.json')], { encoding: 'utf8' }).stdout);
  const clean = { valid: true, violations: [], awsMessage: null };
  assert.deepEqual(out.slice(0, 5), [clean, true, clean, true, false]);
  // The test is not vacuous: an invalid request needs the module.
  assert.equal(out[5], 'the module was compiled');
});

/**
 * The JSON text of `v` with string-specific changes, each at `rate`: a
 * member written twice (the same key, this or another value), number
 * literals in other forms (`5.0`, `5e0`, `-0`, `1e400`, more digits), a
 * character of a string as a `\u` escape, a `:` or an escape appended,
 * an inline document rewritten the same way, whitespace of every kind.
 * @param {unknown} v
 * @param {() => number} next
 * @param {number} rate
 * @returns {string}
 */
function writeMutated(v, next, rate) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const ws = () => (next() < rate ? pick([' ', '\t', '\n', '\r\n', '  ']) : '');
  if (typeof v === 'number') {
    if (next() >= rate) return JSON.stringify(v);
    const forms = [`${v}e0`, `${v}E+0`, '-0', '1e400', '-1e400', `${v}0`, `${v}.000000000000000000001`, `${v * 10}e-1`, '9007199254740993', '0.1e1'];
    if (Number.isInteger(v)) forms.push(`${v}.0`, `${v}.00`);
    return pick(forms);
  }
  if (typeof v === 'string') {
    if (next() < rate && v.length > 0) {
      const i = Math.floor(next() * v.length);
      const escape = `\\u${v.charCodeAt(i).toString(16).padStart(4, '0')}`;
      return `${JSON.stringify(v.slice(0, i)).slice(0, -1)}${escape}${JSON.stringify(v.slice(i + 1)).slice(1)}`;
    }
    if (next() < rate) return `${JSON.stringify(v).slice(0, -1)}${pick([':', '\\u003a', '\\ud800', '\\/', '\\t', '::'])}"`;
    if (next() < rate * 4) {
      // An inline document (or any JSON in a string), rewritten too.
      let inner;
      try {
        inner = JSON.parse(v);
      } catch {
        return JSON.stringify(v);
      }
      return JSON.stringify(writeMutated(inner, next, Math.min(1, rate * 4)));
    }
    return JSON.stringify(v);
  }
  if (Array.isArray(v)) return `[${ws()}${v.map((x) => writeMutated(x, next, rate)).join(`${ws()},${ws()}`)}${ws()}]`;
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    const parts = keys.map((k) => `${JSON.stringify(k)}${ws()}:${ws()}${writeMutated(v[k], next, rate)}`);
    if (keys.length > 0 && next() < rate * 2) {
      const k = pick(keys);
      const value = pick([JSON.stringify(v[k]), writeMutated(v[k], next, rate), '"x:y"', '1', 'null', '"a"', '[]']);
      parts.splice(Math.floor(next() * (parts.length + 1)), 0, `${JSON.stringify(k)}:${value}`);
    }
    return `{${ws()}${parts.join(`${ws()},${ws()}`)}${ws()}}`;
  }
  return JSON.stringify(v);
}

test('seeded string mutations of valid requests: clean by the string fast path implies clean by the engine, and validate(string) answers as the engine', () => {
  const fast = new FastPath();
  const bases = [{ key: 'bench', op: 'CreateJob', obj: BENCH, options: BENCH_OPTIONS }];
  for (const c of objectCases) {
    const r = engine(c.op, c.obj, c.options);
    if (r !== undefined && r.violations.length === 0 && fast.clean(c.op, c.obj, c.options)) bases.push(c);
  }
  assert.ok(bases.length > 20, `only ${bases.length} bases`);
  const next = rng(1212);
  const problems = [];
  let fastClean = 0;
  let engineClean = 0;
  let dirty = 0;
  const N = 3000;
  for (let i = 0; i < N; i++) {
    const base = bases[i % bases.length];
    let text = writeMutated(base.obj, next, pickRate(next));
    if (next() < 0.03) text = `\ufeff${text}`;
    if (next() < 0.03) text = JSON.stringify(JSON.parse(JSON.stringify(base.obj)), null, 2);
    const optionsText = base.options === undefined ? '' : JSON.stringify(base.options);
    const j = judgeText(fast, `string mutation ${i} of ${base.key}`, base.op, text, base.options, optionsText);
    problems.push(...j.problems);
    if (j.says) fastClean++;
    if (j.clean) engineClean++;
    else dirty++;
  }
  console.log(`# string mutations: ${N}, ${engineClean} clean by the engine, ${fastClean} of them by the string fast path, ${dirty} not clean`);
  assert.deepEqual(problems, []);
  assert.ok(dirty > N / 10 && engineClean > N / 10, 'the mutations were too few or too mild');
  assert.ok(fastClean > 100, 'the string fast path answered almost none of the clean mutations');
});

/** A mutation rate: mostly light, sometimes heavy. */
function pickRate(next) {
  return [0, 0.01, 0.03, 0.1][Math.floor(next() * 4)];
}

test('options of another prototype defer: JSON.stringify (what the engine reads) would see other options', () => {
  const fast = new FastPath();
  const now = 1795000000000;
  const req = { jobId: 'j', targets: ['arn:aws:iot:us-east-1:123456789012:thing/t'], document: '{}', schedulingConfig: { startTime: '2026-12-01T02:00' } };
  // With `now`, the window is checked and clean; without it, the engine warns that it skipped the window.
  assert.equal(fast.clean('CreateJob', req, { now }), true);
  assert.equal(fast.clean('CreateJob', req, {}), false);
  // An inherited enumerable `now` (for-in finds it, JSON.stringify does not).
  assert.equal(fast.clean('CreateJob', req, Object.create({ now })), false);
  // A class instance whose toJSON (JSON.stringify calls it) leaves `now` out.
  class Options {
    constructor() {
      this.now = now;
    }
    toJSON() {
      return {};
    }
  }
  assert.equal(JSON.stringify(new Options()), '{}');
  assert.equal(fast.clean('CreateJob', req, new Options()), false);
});

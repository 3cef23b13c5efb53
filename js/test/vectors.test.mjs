// Every shared vector case through the npm package (pkg/), in Node: the
// expectation (valid, exact code/path/severity list, rule and awsMessage when
// given, tests/vectors/expected-failures.txt honoured) and the native Rust
// answer byte for byte. Plus the two 1 MiB cases built in code.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { PKG, vectorData, jsSkip } from './helpers.mjs';
import { judge, limitCases } from './shared/expect.mjs';

const { validate, isValid } = await import(path.join(PKG, 'index.mjs'));
const { cases, native } = vectorData();

const skipped = cases.filter((c) => jsSkip(c));
const run = cases.filter((c) => !jsSkip(c));

function tryParse(text) {
  try {
    const v = JSON.parse(text);
    return v !== null && typeof v === 'object' ? v : undefined;
  } catch {
    return undefined;
  }
}

test('there are vector cases to run', () => {
  assert.ok(run.length > 0, 'no vector cases');
  // Counted and printed, never silent.
  console.log(`# vectors: ${cases.length} cases, ${run.length} run in JS, ${skipped.length} skipped`);
  for (const c of skipped) console.log(`#   skipped ${c.key}: ${jsSkip(c)}`);
});

test('every vector case: native bytes, expectation, isValid, object input', () => {
  const failures = [];
  let expectedFailures = 0;
  for (const c of run) {
    const options = c.options === '' ? undefined : JSON.parse(c.options);
    const report = validate(c.operation, c.request, options);
    // Same answer as native Rust, byte for byte (serde_json vs JSON.stringify).
    const got = `{"type":"success","report":${JSON.stringify(report)}}`;
    if (got !== native[c.key]) {
      failures.push(`${c.key}: differs from native\n    js:     ${got}\n    native: ${native[c.key]}`);
      continue;
    }
    if (isValid(c.operation, c.request, options) !== report.valid) failures.push(`${c.key}: isValid disagrees`);
    // `request` cases also go in as objects, through the shim's JSON.stringify.
    const obj = tryParse(c.request);
    if (obj !== undefined && JSON.stringify(obj) === c.request) {
      const noPositions = { ...report, violations: report.violations.map((v) => ({ ...v, position: null })) };
      if (JSON.stringify(validate(c.operation, obj, options)) !== JSON.stringify(noPositions)) {
        failures.push(`${c.key}: object input differs from text input (positions aside)`);
      }
    }
    const verdict = judge(c, report);
    if (verdict.expectedFailure && verdict.ok) expectedFailures++;
    if (!verdict.ok) failures.push(`${c.key}: ${verdict.problems.join('; ')}`);
  }
  console.log(`# vectors: ${run.length - failures.length} ok (${expectedFailures} expected failures), ${failures.length} failed`);
  assert.equal(failures.length, 0, `${failures.length} of ${run.length} cases failed:\n${failures.join('\n')}`);
});

test('the 1 MiB limit cases, built in code', () => {
  for (const c of limitCases()) {
    const verdict = judge(c, validate(c.operation, c.request));
    assert.ok(verdict.ok, `${c.key}: ${verdict.problems.join('; ')}`);
  }
});

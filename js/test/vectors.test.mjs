// Every shared vector case through the npm package (pkg/), in Node: the
// expectation (valid, exact code/path/severity list, awsMessage when given)
// and the native Rust answer byte for byte.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { PKG, vectorData, jsSkip } from './helpers.mjs';

const { validate, isValid } = await import(path.join(PKG, 'index.mjs'));
const { cases, native } = vectorData();

const skipped = cases.filter((c) => jsSkip(c));
const run = cases.filter((c) => !jsSkip(c));

test('there are vector cases to run', () => {
  assert.ok(run.length > 0, 'no vector cases');
  // Counted and printed, never silent.
  console.log(`# vectors: ${cases.length} cases, ${run.length} run in JS, ${skipped.length} skipped`);
  for (const c of skipped) console.log(`#   skipped ${c.key}: ${jsSkip(c)}`);
});

for (const c of run) {
  test(c.key, () => {
    const options = c.options === '' ? undefined : JSON.parse(c.options);
    // `request` cases go in as objects (the shim's JSON.stringify); `requestText` as text.
    const input = c.request;
    const asObject = tryParse(input);
    const report = validate(c.operation, input, options);
    // Same answer as native Rust, byte for byte (serde_json vs JSON.stringify).
    assert.equal(`{"type":"success","report":${JSON.stringify(report)}}`, native[c.key]);
    if (asObject !== undefined && JSON.stringify(asObject) === input) {
      assert.equal(JSON.stringify(validate(c.operation, asObject, options)), JSON.stringify(report), 'object input');
    }
    assert.equal(isValid(c.operation, input, options), report.valid, 'isValid');
    const e = c.expect;
    assert.equal(report.valid, e.valid, 'valid');
    assert.deepEqual(
      report.violations.map((v) => ({ code: v.code, path: v.path, severity: v.severity })),
      e.violations.map((v) => ({ code: v.code, path: v.path, severity: v.severity })),
      'violations',
    );
    if (e.awsMessage !== undefined) assert.equal(report.awsMessage, e.awsMessage, 'awsMessage');
  });
}

function tryParse(text) {
  try {
    const v = JSON.parse(text);
    return v !== null && typeof v === 'object' ? v : undefined;
  } catch {
    return undefined;
  }
}

// The opt-in document-schema build (bash .ci/build-pkg --document-schema,
// run by .ci/js-tests before the tests): the vector cases that carry a
// `documentSchema` (skipped by the default package) run here, byte for byte
// against native Rust; and the default package refuses the option.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, PKG, vectorData } from './helpers.mjs';
import { judge } from './shared/expect.mjs';

const DS_PKG = path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'pkg-document-schema');
const require = createRequire(import.meta.url);
assert.ok(fs.existsSync(path.join(DS_PKG, 'index.cjs')), `${DS_PKG} is missing: run bash .ci/build-pkg --document-schema`);
const ds = require(path.join(DS_PKG, 'index.cjs'));
const plain = require(path.join(PKG, 'index.cjs'));

const request = { jobId: 'j', targets: ['arn:aws:iot:us-east-1:123456789012:thing/t'], document: '{"operation":"fly"}' };
const schema = { type: 'object', required: ['operation', 'version'], properties: { operation: { enum: ['install'] } } };

test('features() tells the builds apart', () => {
  assert.deepEqual(ds.features(), { documentSchema: true, schema: true });
  assert.deepEqual(plain.features(), { documentSchema: false, schema: true });
});

test('the default package refuses documentSchema with invalidOptions', () => {
  assert.throws(() => plain.validate('CreateJob', request, { documentSchema: schema }), { name: 'TypeError', code: 'invalidOptions' });
  assert.throws(() => plain.isValid('CreateJob', request, { documentSchema: schema }), { name: 'TypeError', code: 'invalidOptions' });
});

test('the document-schema build checks the document; schema as object or text', () => {
  const r = ds.validate('CreateJob', request, { documentSchema: schema });
  assert.deepEqual(r.violations.map((v) => [v.code, v.path, v.source]), [
    ['documentSchema', '/document', 'user'],
    ['documentSchema', '/document/operation', 'user'],
  ]);
  assert.deepEqual(ds.validate('CreateJob', request, { documentSchema: JSON.stringify(schema) }), r);
  assert.equal(ds.isValid('CreateJob', request, { documentSchema: schema }), false);
  assert.equal(ds.isValid('CreateJob', { ...request, document: '{"operation":"install","version":"1"}' }, { documentSchema: schema }), true);
  assert.equal(ds.validate('CreateJob', request).valid, true, 'no schema, no check');
  assert.throws(() => ds.validate('CreateJob', request, { documentSchema: { type: 12 } }), { name: 'TypeError', code: 'invalidDocumentSchema' });
  assert.throws(() => ds.validate('CreateJob', request, { documentSchema: 12 }), { name: 'TypeError', code: 'invalidOptions' });
});

test('every vector case with a documentSchema matches native Rust and its expectation', () => {
  const { cases, native } = vectorData();
  const withSchema = cases.filter((c) => c.documentSchema !== undefined && c.requestBytes === undefined);
  assert.ok(withSchema.length > 0, 'no documentSchema cases in the vectors');
  const failures = [];
  for (const c of withSchema) {
    const options = { ...(c.options === '' ? {} : JSON.parse(c.options)), documentSchema: c.documentSchema };
    const report = ds.validate(c.operation, c.request, options);
    const got = `{"type":"success","report":${JSON.stringify(report)}}`;
    if (got !== native[c.key]) failures.push(`${c.key}: differs from native\n    js:     ${got}\n    native: ${native[c.key]}`);
    const verdict = judge(c, report);
    if (!verdict.ok) failures.push(`${c.key}: ${verdict.problems.join('; ')}`);
  }
  console.log(`# document-schema build: ${withSchema.length} vector cases with a documentSchema`);
  assert.deepEqual(failures, []);
});

test('an oversize string request with a documentSchema: the schema is checked, then the tooLarge report (no copy)', () => {
  const big = 'x'.repeat(1024 * 1024 + 1);
  const r = ds.validate('CreateJob', big, { documentSchema: schema });
  assert.deepEqual(r, plain.validate('CreateJob', big));
  assert.equal(r.violations[0].code, 'tooLarge');
  assert.equal(ds.isValid('CreateJob', big, { documentSchema: schema }), false);
  assert.throws(() => ds.validate('CreateJob', big, { documentSchema: '{' }), { name: 'TypeError', code: 'invalidDocumentSchema' });
  // A raw lone surrogate is refused as in the default build.
  const lone = '{"jobId":"a\ud800"}';
  assert.deepEqual(ds.validate('DescribeJob', lone, { documentSchema: schema }), plain.validate('DescribeJob', lone));
  assert.equal(plain.validate('DescribeJob', lone).violations[0].code, 'invalidJson');
});

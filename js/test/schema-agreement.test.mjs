// The exported JSON Schemas are checked by ajv too, not only by the Rust
// `jsonschema` crate (tests/schema_agreement.rs): every shared vector case
// (tests/vectors/**, except the state-machine vectors in machine/) is
// validated with ajv against the schema the npm package exports for its
// operation, API version and profile (`schema()`), in both dialects (Ajv2020
// for 2020-12, Ajv for draft-07), and ajv's verdict is compared with the npm
// `validate()` verdict restricted to the rules the schemas express
// (`schemaInfo().expressedRules`): a case agrees when `validate()` reports an
// error from an expressed rule exactly when ajv rejects the request. The
// disagreements must be exactly DISAGREEMENTS below: an undocumented one
// fails, and so does a listed one that no longer occurs.
//
// ajv options, as measured in tests/schema_agreement.rs (module doc):
// - `markdownDescription` is an editor keyword ajv's strict mode does not
//   know: it is added as an annotation keyword (strict mode stays on).
// - `multipleOfPrecision: 12`: ajv's default `multipleOf` divides binary
//   doubles and rejects valid decimals such as `incrementFactor: 1.2`.
//
// `schema()` and `schemaInfo()` are the default package's (its second,
// lazily loaded module); the opt-in build (target/pkg-document-schema, bash
// .ci/build-pkg --document-schema) must answer the same. The verdicts
// compared are the default package's `validate()`.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import { createRequire } from 'node:module';
import * as plain from 'iot-jobs-policy';
import { ROOT } from './helpers.mjs';

const { validate, operations, rules, schema, schemaInfo } = plain;
const DS_PKG = path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'pkg-document-schema');
assert.ok(fs.existsSync(path.join(DS_PKG, 'index.cjs')), `${DS_PKG} is missing: run bash .ci/build-pkg --document-schema`);
const ds = createRequire(import.meta.url)(path.join(DS_PKG, 'index.cjs'));

const VECTORS = path.join(ROOT, 'tests', 'vectors');

/**
 * Documented disagreements: `[case id, dialect or 'both', reason]`. Every
 * entry must occur, and nothing else may.
 */
const DISAGREEMENTS = [
  // input.tooDeep is text-level hygiene: the validator refuses a request
  // nested more than 64 deep before it walks the model, so it reports no
  // expressed rule; the schema has no depth limit and rejects the nested
  // array as the wrong type for `jobId`. Both reject the request. (The same
  // entry as in tests/schema_agreement.rs.)
  ['input/untrusted.json#depth 65 is tooDeep', 'both', 'tooDeep stops the native walk; the schema rejects the nested value by type'],
  // Not listed because no vector hits them (each would show up here as an
  // undocumented disagreement if a vector did):
  // - Unicode version: Node's RegExp (Unicode 17.0 in Node 20.20) accepts in
  //   `\p{C}`/`\p{L}`/`\p{N}` patterns the code points assigned in 17.0,
  //   which the validator (Unicode 16.0) rejects as unassigned.
  // - 2^63: ajv reads the `maximum` 9223372036854775807 of the model-profile
  //   `inProgressTimeoutInMinutes` as the double 2^63.
  // - Duplicate keys cannot occur: a `request` case is given to validate() as
  //   an object, and a `requestText` case's instance is JSON.parse's (last key
  //   wins, as in serde_json); `input.duplicateKey` is not an expressed rule.
];

/** A case the schema cannot be given: its text is not one JSON value (as serde_json would read it). */
const SKIP_UNPARSEABLE = 'requestText/requestBase64 that is not one JSON value (invalid UTF-8 or JSON, NaN/Infinity, a number beyond a double)';

function jsonFiles(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) jsonFiles(p, out);
    else if (e.name.endsWith('.json')) out.push(p);
  }
  return out;
}

/** Whether a parsed value holds a number JSON text cannot mean (1e400 parses as Infinity). */
function hasNonFinite(v) {
  if (typeof v === 'number') return !Number.isFinite(v);
  if (v !== null && typeof v === 'object') return Object.values(v).some(hasNonFinite);
  return false;
}

/** Every vector case: `{ id, operation, options, input, instance | skip }`. */
function loadCases() {
  const cases = [];
  for (const file of jsonFiles(VECTORS)) {
    const rel = path.relative(VECTORS, file).split(path.sep).join('/');
    if (rel.startsWith('machine/')) continue; // the job state machine's vectors
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const c of doc.cases) {
      const options = {};
      for (const [k, v] of Object.entries(c.options || {})) {
        if (!['api', 'profile', 'now'].includes(k)) throw new Error(`${rel}#${c.name}: unknown option ${k}`);
        options[k] = v;
      }
      const out = { id: `${rel}#${c.name}`, operation: c.operation, options };
      if ('request' in c) {
        // Given as an object, as an application would; a request that is
        // not an object (a string, a number, null) as its JSON text, since a
        // string given to validate() is JSON text.
        out.input = c.request !== null && typeof c.request === 'object' ? c.request : JSON.stringify(c.request);
        out.instance = c.request;
      } else {
        const bytes = 'requestText' in c ? Buffer.from(c.requestText, 'utf8') : Buffer.from(c.requestBase64, 'base64');
        let text;
        try {
          // Keep a byte order mark: the validator skips it itself.
          text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
        } catch {
          out.skip = SKIP_UNPARSEABLE;
        }
        if (text !== undefined) {
          out.input = text;
          try {
            const instance = JSON.parse(text.replace(/^\uFEFF/, ''));
            if (hasNonFinite(instance)) out.skip = SKIP_UNPARSEABLE;
            else out.instance = instance;
          } catch {
            out.skip = SKIP_UNPARSEABLE;
          }
        }
      }
      cases.push(out);
    }
  }
  return cases;
}

function makeAjv(dialect) {
  const options = { multipleOfPrecision: 12, allErrors: true };
  const ajv = dialect === '2020-12' ? new Ajv2020(options) : new Ajv(options);
  ajv.addKeyword({ keyword: 'markdownDescription', schemaType: 'string' });
  return ajv;
}

test('the default package has schema() (its extras module) and answers what the opt-in build answers', () => {
  assert.equal(plain.features().schema, true);
  assert.equal(ds.features().schema, true);
  assert.deepEqual(schemaInfo(), ds.schemaInfo());
  for (const op of operations()) {
    for (const dialect of ['2020-12', 'draft-07']) {
      for (const api of ['latest', '2022-01']) {
        assert.deepEqual(schema(op, { dialect, api }), ds.schema(op, { dialect, api }), `${op} ${dialect} ${api}`);
      }
    }
  }
});

test('schema() exports a schema per operation, API, profile and dialect', () => {
  const info = schemaInfo();
  assert.deepEqual(info.dialects, ['2020-12', 'draft-07']);
  assert.ok(info.expressedRules.includes('model.pattern'));
  assert.ok(info.inexpressible.some((l) => l.startsWith('retry-total:')));
  const s = schema('DescribeJob', { dialect: 'draft-07' });
  assert.equal(s.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.equal(s.properties.jobId.pattern, '^[a-zA-Z0-9_-]+$');
  assert.deepEqual(s.required, ['jobId']);
  for (const line of info.inexpressible) assert.ok(s.$comment.includes(line), line);
  assert.equal(schema('CreateJob').$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(schema('create_job', { api: '2022-01', profile: 'model' }).$id, 'https://iot-jobs-policy.invalid/schemas/2020-12/2022-01/model/CreateJob.json');
  assert.notEqual(schema('CreateJob'), schema('CreateJob'), 'a fresh object per call');
  const ids = new Set(rules().map((r) => r.id));
  for (const id of info.expressedRules) assert.ok(ids.has(id), `expressed rule ${id} is not in rules()`);
  assert.throws(() => schema('Nope'), { name: 'TypeError', code: 'unknownOperation' });
  assert.throws(() => schema(12), { name: 'TypeError', code: 'unknownOperation' });
  assert.throws(() => schema('CreateJob', { dialect: '2019-09' }), { name: 'TypeError', code: 'invalidOptions' });
  assert.throws(() => schema('CreateJob', { now: 1 }), { name: 'TypeError', code: 'invalidOptions' });
  assert.throws(() => schema('CreateJob', 'draft-07'), { name: 'TypeError', code: 'invalidOptions' });
  assert.throws(() => schema('CreateJob', { api: 1n }), { name: 'TypeError', code: 'invalidOptions' });
});

test('every exported schema compiles in ajv (strict mode) in both dialects', () => {
  for (const dialect of ['2020-12', 'draft-07']) {
    const ajv = makeAjv(dialect);
    for (const op of operations()) {
      for (const api of ['2022-01', 'latest']) {
        for (const profile of ['documented', 'model']) ajv.compile(schema(op, { api, profile, dialect }));
      }
    }
  }
});

test('ajv agrees with validate() on the expressed rules for every vector case, both dialects', () => {
  const expressed = new Set(schemaInfo().expressedRules);
  const cases = loadCases();
  assert.ok(cases.length > 100, `only ${cases.length} vector cases`);
  const validators = new Map();
  const ajvs = { '2020-12': makeAjv('2020-12'), 'draft-07': makeAjv('draft-07') };
  const validatorFor = (operation, api, profile, dialect) => {
    const key = `${dialect}/${api}/${profile}/${operation}`;
    if (!validators.has(key)) validators.set(key, ajvs[dialect].compile(schema(operation, { api, profile, dialect })));
    return validators.get(key);
  };
  const skipped = new Map();
  const found = new Map(); // id -> { dialects: [], details: [] }
  let checked = 0;
  let agreed = 0;
  for (const c of cases) {
    if (c.skip !== undefined) {
      // A skip may only hide what the validator refuses as text.
      const report = validate(c.operation, c.input ?? '', c.options);
      const rules = report.violations.filter((v) => v.severity === 'error').map((v) => v.rule);
      if (c.input !== undefined) {
        assert.ok(rules.length > 0 && rules.every((r) => r.startsWith('input.')), `${c.id}: skipped, but the validator does not refuse it as text: ${rules}`);
      }
      const why = `${c.skip} (native: ${c.input === undefined ? 'not run: invalid UTF-8 is no JS string' : rules.join(', ')})`;
      skipped.set(why, (skipped.get(why) || 0) + 1);
      continue;
    }
    const report = validate(c.operation, c.input, c.options);
    const nativeRejects = report.violations.some((v) => v.severity === 'error' && expressed.has(v.rule));
    for (const dialect of ['2020-12', 'draft-07']) {
      checked += 1;
      const check = validatorFor(c.operation, c.options.api || 'latest', c.options.profile || 'documented', dialect);
      const schemaRejects = !check(c.instance);
      if (schemaRejects === nativeRejects) {
        agreed += 1;
        continue;
      }
      const entry = found.get(c.id) || { dialects: [], details: [] };
      entry.dialects.push(dialect);
      const errors = (check.errors || []).map((e) => `${e.instancePath || '/'} ${e.message}`);
      const native = report.violations.map((v) => `${v.rule} ${JSON.stringify(v.path)} (${v.severity})`);
      entry.details.push(`${dialect}: native ${nativeRejects ? 'rejects' : 'accepts'} [${native.join(', ')}]; ajv ${schemaRejects ? 'rejects' : 'accepts'} [${errors.join('; ')}]`);
      found.set(c.id, entry);
    }
  }
  const actual = new Map([...found].map(([id, e]) => [id, e.dialects.length === 2 ? 'both' : e.dialects.join(',')]));
  const listed = new Map(DISAGREEMENTS.map(([id, d]) => [id, d]));
  console.log(`# ajv schema agreement over ${cases.length} vector cases:`);
  for (const [why, n] of skipped) console.log(`#   skipped ${n}: ${why}`);
  console.log(`#   checked ${checked} (case, dialect) pairs: ${agreed} agree, ${checked - agreed} disagree (${[...found].filter(([id]) => listed.has(id)).reduce((n, [, e]) => n + e.dialects.length, 0)} documented)`);
  for (const [id, , reason] of DISAGREEMENTS) console.log(`#   documented disagreement: ${id}: ${reason}`);
  const problems = [];
  for (const [id, d] of actual) {
    if (listed.get(id) !== d) problems.push(`undocumented disagreement (${d}): ${id}\n    ${found.get(id).details.join('\n    ')}`);
  }
  for (const [id, d] of listed) {
    if (actual.get(id) !== d) problems.push(`listed disagreement (${d}) does not occur (remove it from DISAGREEMENTS): ${id}`);
  }
  assert.deepEqual(problems, []);
});

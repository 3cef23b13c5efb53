// The generated request and output types (js/requests.d.ts, appended to the
// published index.d.ts and index.d.mts) and the typed `validate`/`isValid`:
// - drift: the committed file is what `cargo run --example gen_types` writes,
//   and the published types contain it;
// - tsc over typed usage (ES module and CommonJS) and the @aws-sdk/client-iot
//   compatibility file passes, also with exactOptionalPropertyTypes;
// - tsc over the deliberate misuse (.mts and .cts) gives exactly the
//   diagnostics written on the marked lines (the did-you-mean for
//   `jobExecutionRetryConfig`, `jobId: 42`, a wrong enum literal, ...);
// - the bundled example requests and every shared test vector given as JSON,
//   written as object literals: a literal compiles exactly when the validator
//   finds no error that a type can state (unknown member, missing member,
//   enum, wrong JSON type other than a fraction for an integer), `null`
//   aside (absent for the validator, not in the types, as in the SDK).
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { JS, ROOT, PKG } from './helpers.mjs';

const tsc = path.join(JS, 'node_modules', 'typescript', 'bin', 'tsc');
const tscRun = (project) => spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: JS, encoding: 'utf8' });
const committed = fs.readFileSync(path.join(JS, 'requests.d.ts'), 'utf8');

/** `file(line,col): error TSnnnn: message` first lines, as {file, line, text}. */
function diagnostics(output) {
  return [...output.matchAll(/^([^\s(]+)\((\d+),\d+\): error (TS\d+: .*)$/gm)].map((m) => ({
    file: path.basename(m[1]),
    line: Number(m[2]),
    text: m[3],
  }));
}

test('js/requests.d.ts is what the generator writes', () => {
  const r = spawnSync('cargo', ['run', '--quiet', '--example', 'gen_types', '--', '-'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.length > 10_000, 'the generator wrote almost nothing');
  assert.ok(r.stdout === committed, 'js/requests.d.ts is stale: run `cargo run --example gen_types`');
});

test('the published types contain the request types, with no imports', () => {
  for (const f of ['index.d.ts', 'index.d.mts']) {
    const published = fs.readFileSync(path.join(PKG, f), 'utf8');
    assert.ok(published.includes(committed), `pkg/${f} does not contain js/requests.d.ts`);
  }
  assert.doesNotMatch(committed, /^\s*import\b/m);
  for (const op of ['CreateJob', 'CreateJobTemplate', 'DescribeJob', 'DescribeJobTemplate', 'ListJobExecutionsForJob', 'ListJobExecutionsForThing', 'UpdateJob']) {
    for (const name of [`${op}Request`, `${op}Request2022`, `${op}Output`, `${op}Output2022`]) {
      assert.match(committed, new RegExp(`^export interface ${name} \\{`, 'm'), name);
    }
  }
});

test('typed usage and the SDK compatibility file type-check (also with exactOptionalPropertyTypes)', () => {
  for (const project of ['test/types/tsconfig.requests.json', 'test/types/tsconfig.requests-exact.json']) {
    const r = tscRun(project);
    assert.equal(r.status, 0, `${project}\n${r.stdout}${r.stderr}`);
  }
});

test('the deliberate misuse gives exactly the marked diagnostics, in .mts and .cts', () => {
  const r = tscRun('test/types/tsconfig.requests-misuse.json');
  assert.notEqual(r.status, 0, 'tsc accepted the misuse files');
  const got = diagnostics(r.stdout);
  for (const file of ['requests-misuse.mts', 'requests-misuse.cts']) {
    const lines = fs.readFileSync(path.join(JS, 'test', 'types', file), 'utf8').split('\n');
    const expected = lines.flatMap((l, i) => {
      const m = /\/\/ error (TS\d+: .*)$/.exec(l);
      return m && !l.startsWith('//') ? [{ file, line: i + 1, text: m[1] }] : [];
    });
    assert.ok(expected.length >= 12, `${file}: too few marked lines`);
    assert.deepEqual(got.filter((d) => d.file === file), expected, r.stdout);
  }
  // What the issue asks for, spelled out.
  assert.ok(got.some((d) => d.text.includes("'jobExecutionRetryConfig' does not exist in type 'CreateJobRequest'. Did you mean to write 'jobExecutionsRetryConfig'?")));
  assert.ok(got.some((d) => d.text === "TS2322: Type 'number' is not assignable to type 'string'."));
});

// ---- the example requests and the shared vectors as object literals ----

const tmp = fs.mkdtempSync(path.join(JS, 'test', 'types', '.tmp-requests-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function vectorFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === 'machine' ? [] : vectorFiles(p);
      return e.name.endsWith('.json') ? [p] : [];
    });
}

/** The JSON Schema node at an RFC 6901 pointer into the request, or undefined. */
function schemaAt(schema, pointer) {
  let s = schema;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!s) return undefined;
    if (s.properties && key in s.properties) s = s.properties[key];
    else if (s.items && /^\d+$/.test(key)) s = s.items;
    else if (s.additionalProperties && typeof s.additionalProperties === 'object') s = s.additionalProperties;
    else return undefined;
  }
  return s;
}

function valueAt(value, pointer) {
  let v = value;
  for (const raw of pointer.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return v;
}

const containsNull = (v) => v === null || (typeof v === 'object' && Object.values(v).some(containsNull));
const schemaFile = (op, api) => path.join(ROOT, 'tests', 'schemas', '2020-12', api, `${op}.json`);
const schemas = new Map();
const schemaOf = (op, api) => {
  const key = `${api}/${op}`;
  if (!schemas.has(key)) schemas.set(key, JSON.parse(fs.readFileSync(schemaFile(op, api), 'utf8')));
  return schemas.get(key);
};

/** Whether the types can see one of the case's errors. */
function typeVisible(c) {
  const api = c.options?.api ?? 'latest';
  return c.expect.violations.some((v) => {
    if (v.severity !== 'error') return false;
    // A managed template's documentParameters (V-28) are a string map to the
    // types: its missing or unknown parameters are invisible to them.
    if (v.rule?.startsWith('managedTemplate-')) return false;
    if (['unknownField', 'required', 'enum', 'notAnObject'].includes(v.code)) return true;
    if (v.code !== 'type') return false;
    // A fraction (or a number beyond 2^53) where an integer belongs is a
    // `number` to TypeScript.
    const expected = schemaAt(schemaOf(c.operation, api), v.path);
    const t = Array.isArray(expected?.type) ? expected.type : [expected?.type];
    return !(t.includes('integer') && typeof valueAt(c.request, v.path) === 'number');
  });
}

test('example requests and every JSON vector compile exactly when the types can see no error', () => {
  const cases = [];
  for (const f of fs.readdirSync(path.join(ROOT, 'examples', 'requests')).sort()) {
    const request = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'requests', f), 'utf8'));
    cases.push({ key: `examples/requests/${f}`, operation: 'CreateJob', request, fails: f.includes('broken') });
    // tsc reports one error per object literal: the broken example without
    // its enum error shows the misspelt member's did-you-mean.
    if (f.includes('broken')) {
      const { targetSelection, ...rest } = request;
      assert.equal(targetSelection, 'snapshot');
      cases.push({ key: `examples/requests/${f} without targetSelection`, operation: 'CreateJob', request: rest, fails: true });
    }
  }
  const examples = cases.length;
  const dir = path.join(ROOT, 'tests', 'vectors');
  for (const f of vectorFiles(dir)) {
    const { cases: list } = JSON.parse(fs.readFileSync(f, 'utf8'));
    for (const c of list ?? []) {
      if (!('request' in c) || c.documentSchema !== undefined) continue;
      // A string literal is JSON text to `validate`, not the JSON value "…".
      if (typeof c.request === 'string') continue;
      const key = `${path.relative(dir, f)}: ${c.name}`;
      cases.push({ key, operation: c.operation, api: c.options?.api, request: c.request, fails: containsNull(c.request) || typeVisible(c) });
    }
  }
  assert.ok(cases.length > 1000, `only ${cases.length} cases`);
  const header = [
    "import { validate } from 'iot-jobs-policy';",
    '// Generated by test/request-types.test.mjs: one case per line.',
  ];
  // As a person writes it: identifier keys unquoted (tsc offers a
  // did-you-mean only for those). U+2028 and U+2029 end a line for tsc's
  // line numbers: escaped.
  const literal = (v) => {
    if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
    if (v !== null && typeof v === 'object') {
      const key = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) && k !== '__proto__' ? k : JSON.stringify(k));
      return `{ ${Object.entries(v).map(([k, x]) => `${key(k)}: ${literal(x)}`).join(', ')} }`;
    }
    return JSON.stringify(v).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  };
  const lines = cases.map((c) => {
    const options = c.api ? `, { api: ${JSON.stringify(c.api)} }` : '';
    return `validate(${JSON.stringify(c.operation)}, ${literal(c.request)}${options});`;
  });
  fs.writeFileSync(path.join(tmp, 'cases.mts'), [...header, ...lines, ''].join('\n'));
  fs.writeFileSync(
    path.join(tmp, 'tsconfig.json'),
    JSON.stringify({ extends: '../tsconfig.json', compilerOptions: { skipLibCheck: true }, files: ['cases.mts'] }),
  );
  const r = tscRun(path.relative(JS, path.join(tmp, 'tsconfig.json')));
  const failing = new Set(diagnostics(r.stdout).filter((d) => d.file === 'cases.mts').map((d) => d.line - header.length - 1));
  const wrong = cases.flatMap((c, i) => (failing.has(i) === c.fails ? [] : [`${c.key}: ${c.fails ? 'compiles, but the validator finds a type-level error' : 'does not compile, but the validator finds no type-level error'}`]));
  assert.deepEqual(wrong, [], r.stdout.split('\n').slice(0, 40).join('\n'));
  // Both outcomes occur, for the examples too: the valid example compiles,
  // the broken one (with its `jobExecutionRetryConfig`) does not.
  assert.ok(failing.size > 100 && failing.size < cases.length - 100, `${failing.size} of ${cases.length} fail`);
  assert.equal(examples, 3);
  const about = (i) => diagnostics(r.stdout).filter((d) => d.file === 'cases.mts' && d.line === header.length + 1 + i).map((d) => d.text);
  assert.deepEqual(about(0), ["TS2820: Type '\"snapshot\"' is not assignable to type '\"CONTINUOUS\" | \"SNAPSHOT\" | undefined'. Did you mean '\"SNAPSHOT\"'?"]);
  assert.deepEqual(about(1), ["TS2561: Object literal may only specify known properties, but 'jobExecutionRetryConfig' does not exist in type 'CreateJobRequest'. Did you mean to write 'jobExecutionsRetryConfig'?"]);
  assert.deepEqual(about(2), []);
});

// ---- as a user gets them: the packed tarball, installed ----

test('the installed tarball types catch a misspelt member: ES module and CommonJS (nodenext), bundler resolution', () => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iot-jobs-policy-request-types-'));
  try {
    const [info] = JSON.parse(execFileSync(npm, ['pack', PKG, '--json', '--pack-destination', dir], { encoding: 'utf8' }));
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
    execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', path.join(dir, info.filename)], { cwd: dir, stdio: 'pipe' });
    const source = [
      "import { validate, type RequestOf } from 'iot-jobs-policy';",
      "const ok: RequestOf<'create_job'> = { jobId: 'fw-1', targets: ['arn:x'], document: '{}' };",
      'validate(\'CreateJob\', ok);',
      "validate('CreateJob', { jobId: 'fw-1', targets: ['arn:x'], jobExecutionRetryConfig: { criteriaList: [] } });",
      "validate('UpdateJob', { jobId: 'fw-1', description: 7 }, { api: '2022-01' });",
      "validate('DescribeJob', JSON.parse('{}'));",
      '',
    ].join('\n');
    const expected = [
      { line: 4, text: "TS2561: Object literal may only specify known properties, but 'jobExecutionRetryConfig' does not exist in type 'CreateJobRequest'. Did you mean to write 'jobExecutionsRetryConfig'?" },
      { line: 5, text: "TS2322: Type 'number' is not assignable to type 'string'." },
    ];
    // user.cts resolves the `require` types (index.d.ts), user.mts and the
    // bundler the `import` ones (index.d.mts).
    for (const [resolution, module, file] of [['nodenext', 'nodenext', 'user.mts'], ['nodenext', 'nodenext', 'user.cts'], ['bundler', 'esnext', 'user.ts']]) {
      for (const f of ['user.mts', 'user.cts', 'user.ts']) fs.rmSync(path.join(dir, f), { force: true });
      fs.writeFileSync(path.join(dir, file), source);
      fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module, moduleResolution: resolution, target: 'es2022', lib: ['es2022', 'dom'], types: [] },
        files: [file],
      }));
      const r = spawnSync(process.execPath, [tsc, '-p', '.'], { cwd: dir, encoding: 'utf8' });
      const got = diagnostics(r.stdout).map(({ line, text }) => ({ line, text }));
      assert.deepEqual(got, expected, `${resolution} ${file}: ${r.stdout}${r.stderr}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// The npm package's `iot-jobs-policy` bin (pkg/bin/iot-jobs-policy.cjs,
// the wasm export cliRun with a Node host) against the native CLI
// (target/debug/iot-jobs-policy, `cargo build --features cli`): stdout,
// stderr and exit code byte for byte equal
// - on EVERY shared vector case (tests/vectors, flattened as
//   js/tools/prepare-vectors.mjs does), written to temporary files and run
//   in batches (one glob per operation and options) in --format text, json
//   and sarif, plus each group's first file alone (the bare report);
// - on globs (`*`, `?`, `**`, hidden files, a link to a directory, absolute
//   and `./` patterns, no match), several files with unreadable ones,
//   standard input (default, `-`, twice, over the size limit), `rules`,
//   `schema`, `replay` on examples/scenarios, usage errors, `--help`,
//   `--version`, and colour on a terminal (`script` gives a pty) with and
//   without NO_COLOR;
// and from a project that installed the packed tarball (`npm pack` of
// pkg/), through `npx iot-jobs-policy`. Also: the GitHub Action's steps
// (action/action.yml) run through bash against the packed tarball, and
// cliRun given odd arguments and hosts that throw or answer nonsense (an
// exit code every time, never a trap).
// The one difference is the native-only `--document-schema` (Cargo feature
// document-schema, not in the WebAssembly module): the bin refuses it as a
// usage error, checked here exactly.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, PKG, npmPack } from './helpers.mjs';
import { loadCases } from '../tools/prepare-vectors.mjs';

const NATIVE = path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'debug', 'iot-jobs-policy');
const NPM_BIN = path.join(PKG, 'bin', 'iot-jobs-policy.cjs');
assert.ok(fs.existsSync(NATIVE), `${NATIVE} is missing: run cargo build --locked --features cli`);
assert.ok(fs.existsSync(NPM_BIN), `${NPM_BIN} is missing: run bash .ci/build-pkg`);

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'iot-jobs-policy-cli-bin-'));
test.after(() => fs.rmSync(TMP, { recursive: true, force: true }));

/** Runs a command; its exit code, stdout and stderr (bytes as text). */
function exec(cmd, args, { cwd = TMP, input, env } = {}) {
  const r = spawnSync(cmd, args, {
    cwd,
    input: input ?? '',
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  // EPIPE: the tool stopped reading standard input (at the size limit, or
  // before reading it at all after a usage error), as it may.
  if (r.error && !(r.error.code === 'EPIPE' && r.status !== null)) throw r.error;
  return { status: r.status, stdout: r.stdout.toString('latin1'), stderr: r.stderr.toString('latin1') };
}

const native = (args, opts) => exec(NATIVE, args, opts);
const npmBin = (args, opts) => exec(process.execPath, [NPM_BIN, ...args], opts);

/** Both tools on the same command line: equal, and the exit code expected. */
function same(args, { status, ...opts } = {}) {
  const a = native(args, opts);
  const b = npmBin(args, opts);
  const what = `iot-jobs-policy ${args.join(' ')}`;
  assert.equal(b.stderr, a.stderr, `${what}: stderr`);
  assert.equal(b.stdout, a.stdout, `${what}: stdout`);
  assert.equal(b.status, a.status, `${what}: exit code`);
  if (status !== undefined) assert.equal(a.status, status, `${what}: exit code ${a.status}\n${a.stderr}`);
  return a;
}

function write(file, bytes) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
}

test('every shared vector case: text, json and sarif equal to the native CLI', () => {
  const cases = loadCases(path.join(ROOT, 'tests', 'vectors'));
  assert.ok(cases.length > 1000, `only ${cases.length} vector cases`);
  // One directory per (operation, options): the CLI flags are per run.
  const groups = new Map();
  for (const c of cases) {
    const key = `${c.operation} ${c.options}`;
    if (!groups.has(key)) groups.set(key, { operation: c.operation, options: c.options ? JSON.parse(c.options) : {}, cases: [] });
    groups.get(key).cases.push(c);
  }
  let files = 0;
  let dirIndex = 0;
  for (const group of groups.values()) {
    const dir = `vectors/g${String(dirIndex++).padStart(2, '0')}`;
    group.cases.forEach((c, i) => {
      const bytes = c.requestBytes ? Buffer.from(c.requestBytes) : Buffer.from(c.request, 'utf8');
      write(path.join(TMP, dir, `case-${String(i).padStart(4, '0')}.json`), bytes);
      files += 1;
    });
    const flags = [];
    const { api, profile, now, ...rest } = group.options;
    assert.deepEqual(rest, {}, `options the CLI has no flag for: ${JSON.stringify(rest)}`);
    if (api !== undefined) flags.push('--api', api);
    if (profile !== undefined) flags.push('--profile', profile);
    if (now !== undefined) flags.push(`--now=${now}`);
    const valid = group.cases.every((c) => c.expect.valid);
    for (const format of ['text', 'json', 'sarif']) {
      const r = same(['validate', group.operation, `${dir}/*.json`, '--format', format, ...flags], { status: valid ? 0 : 1 });
      assert.ok(r.stdout.length > 0);
    }
    // The bare report of one plain file (no listing, no summary).
    for (const format of ['text', 'json']) {
      same(['validate', group.operation, `${dir}/case-0000.json`, '--format', format, ...flags]);
    }
  }
  assert.equal(files, cases.length, 'every case was written and run');
  // The cases with a caller's document schema were run above without it (the
  // request checks); the schema itself is the native-only feature below.
});

test('--document-schema is native-only: the bin refuses it as a usage error', () => {
  const schema = path.join(ROOT, 'examples', 'firmware-document.schema.json');
  const valid = path.join(ROOT, 'examples', 'requests', 'create-job-valid.json');
  const b = npmBin(['validate', 'CreateJob', valid, '--document-schema', schema]);
  assert.equal(b.status, 2);
  assert.equal(b.stdout, '');
  const usage = npmBin(['--help']).stdout;
  assert.equal(b.stderr, `iot-jobs-policy: --document-schema needs the \`document-schema\` feature\n${usage}`);
  // The native CLI (feature cli) applies it.
  assert.equal(native(['validate', 'CreateJob', valid, '--document-schema', schema]).status, 0);
});

test('globs, several files and unreadable inputs', () => {
  const root = path.join(TMP, 'tree');
  const req = (jobId) => JSON.stringify({ jobId });
  write(path.join(root, 'jobs/b.json'), req('b'));
  write(path.join(root, 'jobs/a.json'), req('a a'));
  write(path.join(root, 'jobs/.hidden.json'), req('hidden'));
  write(path.join(root, 'jobs/notes.txt'), 'not json');
  write(path.join(root, 'jobs/x1.json'), req('x1'));
  write(path.join(root, 'jobs/deep/er/c.json'), req('c'));
  write(path.join(root, 'jobs/.git/d.json'), req('d'));
  write(path.join(root, 'jobs/dir.json/e.json'), req('e'));
  write(path.join(root, 'other/f.json'), '{"jobId": "f", "jobId": "g"}');
  fs.symlinkSync(path.join(root, 'other'), path.join(root, 'jobs/link'));
  fs.symlinkSync(path.join(root, 'other/f.json'), path.join(root, 'jobs/linked.json'));
  fs.symlinkSync(path.join(root, 'nowhere.json'), path.join(root, 'jobs/dangling.json'));
  const opts = { cwd: root };
  for (const format of ['text', 'json', 'sarif']) {
    for (const args of [
      ['jobs/*.json'],
      ['jobs/**/*.json'],
      ['**/*.json'],
      ['jobs/?.json'],
      ['jobs/x?.json', 'jobs/a.json'],
      ['jobs/.*.json'],
      ['./jobs/*/*.json'],
      ['jobs//deep/**'],
      ['jobs/link/*.json'],
      [`${root}/jobs/*.json`],
      ['jobs/a.json', 'jobs/b.json', 'jobs/a.json'],
      ['jobs/*.json', 'jobs/none-*.json'],
      ['jobs/b.json', 'jobs/missing.json', 'jobs/deep', 'jobs/dangling.json'],
      ['jobs/*.txt'],
    ]) {
      same(['validate', 'DescribeJob', ...args, '--format', format], opts);
    }
  }
  // The sorted order and the exit codes, as documented.
  const r = same(['validate', 'DescribeJob', 'jobs/**/*.json'], { ...opts, status: 1 });
  const order = [...r.stdout.matchAll(/^(\S+): DescribeJob request/gm)].map((m) => m[1]);
  assert.deepEqual(order, ['jobs/a.json', 'jobs/b.json', 'jobs/deep/er/c.json', 'jobs/dir.json/e.json', 'jobs/linked.json', 'jobs/x1.json']);
  assert.match(r.stdout, /6 files: 4 valid, 2 invalid;/);
  assert.equal(same(['validate', 'DescribeJob', 'jobs/nothing/*.json'], opts).status, 2);
  assert.equal(same(['validate', 'DescribeJob', 'jobs/b.json', 'jobs/missing.json'], opts).status, 2);
  const dir = same(['validate', 'DescribeJob', 'jobs/deep'], { ...opts, status: 2 });
  assert.match(dir.stderr, /cannot read jobs\/deep: Is a directory \(os error 21\)/);
  const missing = same(['validate', 'DescribeJob', 'jobs/missing.json'], { ...opts, status: 2 });
  assert.match(missing.stderr, /cannot read jobs\/missing.json: No such file or directory \(os error 2\)/);
  if (process.getuid && process.getuid() !== 0) {
    write(path.join(root, 'locked/g.json'), req('g'));
    fs.chmodSync(path.join(root, 'locked/g.json'), 0o000);
    same(['validate', 'DescribeJob', 'locked/g.json'], { ...opts, status: 2 });
  }
});

test('standard input: by default, as -, once only, over the size limit', () => {
  const ok = '{"jobId":"job-1"}';
  const bad = '{"jobId":"job 1",\r\n "jobid": 2}';
  for (const format of ['text', 'json', 'sarif']) {
    same(['validate', 'DescribeJob', '--format', format], { input: ok, status: 0 });
    same(['validate', 'describe_job', '-', '--format', format], { input: bad, status: 1 });
  }
  same(['validate', 'DescribeJob', '-', 'x.json', '-'], { input: ok, status: 2 });
  same(['validate', 'DescribeJob', '--format', 'json'], { input: Buffer.from([0xff, 0xfe, 0x7b, 0x7d]), status: 1 });
  const huge = Buffer.alloc(1024 * 1024 + 100, 0x20);
  const r = same(['validate', 'DescribeJob', '--format', 'json'], { input: huge, status: 1 });
  assert.match(r.stdout, /"code":"tooLarge"/);
  same(['validate', 'DescribeJob'], { input: '', status: 1 });
});

test('rules, schema, replay, help, version and usage errors', () => {
  same(['rules'], { status: 0 });
  same(['rules', '--format', 'json'], { status: 0 });
  same(['rules', '--format=json'], { status: 0 });
  for (const op of ['CreateJob', 'create_job_template', 'UpdateJob', 'DescribeJob']) {
    same(['schema', op], { status: 0 });
    same(['schema', op, '--dialect', 'draft-07', '--api', '2022-01', '--profile', 'model'], { status: 0 });
  }
  const scenarios = path.join(ROOT, 'examples', 'scenarios');
  const names = fs.readdirSync(scenarios).filter((f) => f.endsWith('.json'));
  assert.ok(names.length >= 3);
  for (const name of names) {
    const file = path.join(scenarios, name);
    same(['replay', file], { status: 0 });
    same(['replay', file, '--format', 'json'], { status: 0 });
    same(['replay', '-'], { status: 0, input: fs.readFileSync(file) });
  }
  same(['replay', path.join(ROOT, 'Cargo.toml')], { status: 2 });
  same(['replay', 'missing.json'], { status: 2 });
  // #10: a malformed event is a usage error naming it; an invalid job prints its report.
  const job = { jobId: 'j', document: '{}', targets: ['arn:aws:iot:us-east-1:123456789012:thing/t1'] };
  const malformed = JSON.stringify({ job, events: [{ at: 1, type: 'thingAdded', thingNmae: 't2' }] });
  same(['replay', '-'], { status: 2, input: malformed });
  const invalid = JSON.stringify({ job: { ...job, jobId: 'bad id' }, events: [] });
  for (const format of ['text', 'json']) same(['replay', '-', '--format', format], { status: 1, input: invalid });
  same(['--help'], { status: 0 });
  same(['help'], { status: 0 });
  same(['--version'], { status: 0 });
  same(['-V'], { status: 0 });
  assert.equal(npmBin(['--version']).stdout, `iot-jobs-policy ${JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8')).version}\n`);
  const valid = path.join(ROOT, 'examples', 'requests', 'create-job-valid.json');
  for (const args of [
    [],
    ['frobnicate'],
    ['validate'],
    ['validate', 'MakeCoffee', valid],
    ['validate', 'CreateJob', valid, '--api', '2019'],
    ['validate', 'CreateJob', valid, '--profile', 'strict'],
    ['validate', 'CreateJob', valid, '--now', 'yesterday'],
    ['validate', 'CreateJob', valid, '--format', 'yaml'],
    ['validate', 'CreateJob', valid, '--colour'],
    ['validate', 'CreateJob', valid, '--format'],
    ['rules', 'x'],
    ['rules', '--format', 'sarif'],
    ['rules', '--api', 'latest'],
    ['schema'],
    ['schema', 'Nope'],
    ['schema', 'CreateJob', '--dialect', 'draft-04'],
    ['replay'],
    ['replay', 'a.json', 'b.json'],
    ['replay', 'a.json', '--format', 'sarif'],
  ]) {
    const r = same(args, { status: 2 });
    assert.match(r.stderr, /usage:/, args.join(' '));
  }
});

test('colour only on a terminal and never with NO_COLOR', { skip: !fs.existsSync('/usr/bin/script') && 'needs script(1) for a pty' }, () => {
  const broken = path.join(ROOT, 'examples', 'requests', 'create-job-broken.json');
  const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  const nat = `${q(NATIVE)} validate CreateJob ${q(broken)}`;
  const npm = `${q(process.execPath)} ${q(NPM_BIN)} validate CreateJob ${q(broken)}`;
  const cleanEnv = { ...process.env };
  delete cleanEnv.NO_COLOR;
  const run = (cmd, extra) => {
    const r = spawnSync('/usr/bin/script', ['-qec', cmd, '/dev/null'], { env: { ...cleanEnv, ...extra }, cwd: TMP });
    return r.stdout.toString('latin1');
  };
  const colourNative = run(nat, {});
  const colourNpm = run(npm, {});
  assert.match(colourNative, /\x1b\[31minvalid\x1b\[0m/);
  assert.equal(colourNpm, colourNative);
  const plainNative = run(nat, { NO_COLOR: '' });
  assert.doesNotMatch(plainNative, /\x1b\[/);
  assert.equal(run(npm, { NO_COLOR: '' }), plainNative);
});

/** `npm pack` of pkg/ into the temporary directory, once; the tarball's path. */
let tarballPath;
function packed() {
  if (tarballPath) return tarballPath;
  const packDir = path.join(TMP, 'pack');
  fs.mkdirSync(packDir, { recursive: true });
  tarballPath = npmPack(packDir).tarball;
  assert.ok(fs.existsSync(tarballPath), tarballPath);
  return tarballPath;
}

test('npx iot-jobs-policy from a project that installed the packed tarball', () => {
  const tarball = packed();
  const app = path.join(TMP, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  const install = exec('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball], { cwd: app });
  assert.equal(install.status, 0, install.stderr);
  assert.ok(fs.existsSync(path.join(app, 'node_modules', '.bin', 'iot-jobs-policy')), 'npm linked the bin');
  write(path.join(app, 'jobs/one.job.json'), '{"jobId":"one","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{}"}');
  write(path.join(app, 'jobs/nested/two.job.json'), '{"jobId":"two two","targets":[],"document":"{}"}');
  for (const format of ['text', 'json', 'sarif']) {
    const args = ['validate', 'CreateJob', 'jobs/**/*.job.json', '--format', format];
    const a = native(args, { cwd: app });
    const b = exec('npx', ['--offline', 'iot-jobs-policy', ...args], { cwd: app });
    assert.equal(b.stderr, a.stderr, `npx ${format}: stderr`);
    assert.equal(b.stdout, a.stdout, `npx ${format}: stdout`);
    assert.equal(b.status, 1);
    assert.equal(a.status, 1);
  }
  const v = exec('npx', ['--offline', 'iot-jobs-policy', '--version'], { cwd: app });
  assert.equal(v.stdout, native(['--version']).stdout);
});

/**
 * A reader for the YAML that action/action.yml is written in (and no more):
 * nested block mappings, sequences of mappings (`- key: value`), plain,
 * single- and double-quoted scalars, `|` block scalars, `#` comment lines.
 * Anything else throws, so the action file cannot drift into YAML this
 * reader would misread.
 */
function readYamlSubset(text) {
  const lines = text.split('\n').map((raw, i) => ({ raw, n: i + 1 }));
  let at = 0;
  const indentOf = (s) => s.length - s.trimStart().length;
  const skip = () => {
    while (at < lines.length && (lines[at].raw.trim() === '' || lines[at].raw.trimStart().startsWith('#'))) at += 1;
  };
  const scalar = (s, n) => {
    if (s.startsWith('"')) {
      if (!/^"([^"\\]|\\.)*"$/.test(s)) throw new Error(`line ${n}: unsupported double-quoted scalar ${s}`);
      return JSON.parse(s);
    }
    if (s.startsWith("'")) {
      if (!/^'([^']|'')*'$/.test(s)) throw new Error(`line ${n}: unsupported single-quoted scalar ${s}`);
      return s.slice(1, -1).replace(/''/g, "'");
    }
    if (/^[[{&*!%@`>]/.test(s) || / #/.test(s)) throw new Error(`line ${n}: unsupported scalar ${s}`);
    return s;
  };
  const block = (indent) => {
    // A `|` block scalar: the lines indented deeper than `indent`, newline-terminated.
    const out = [];
    let base;
    while (at < lines.length) {
      const { raw } = lines[at];
      if (raw.trim() !== '' && indentOf(raw) <= indent) break;
      if (raw.trim() !== '') base ??= indentOf(raw);
      out.push(raw.trim() === '' ? '' : raw.slice(base));
      at += 1;
    }
    while (out.length && out[out.length - 1] === '') out.pop();
    return out.join('\n') + '\n';
  };
  const entry = (map, rest, indent, n) => {
    const m = /^([A-Za-z_][\w-]*):(?: (.*))?$/.exec(rest);
    if (!m) throw new Error(`line ${n}: not a mapping entry: ${rest}`);
    const [, key, value] = m;
    if (key in map) throw new Error(`line ${n}: duplicate key ${key}`);
    if (value === undefined || value === '') map[key] = node(indent);
    else if (value === '|') map[key] = block(indent);
    else map[key] = scalar(value, n);
  };
  const node = (parent) => {
    skip();
    if (at >= lines.length) return null;
    const indent = indentOf(lines[at].raw);
    if (indent <= parent) return null;
    if (lines[at].raw.trimStart().startsWith('- ')) {
      const list = [];
      while (at < lines.length) {
        skip();
        if (at >= lines.length) break;
        const { raw, n } = lines[at];
        if (indentOf(raw) !== indent || !raw.trimStart().startsWith('- ')) break;
        at += 1;
        const item = {};
        entry(item, raw.trimStart().slice(2), indent + 2, n);
        for (;;) {
          skip();
          if (at >= lines.length || indentOf(lines[at].raw) !== indent + 2) break;
          const next = lines[at];
          at += 1;
          entry(item, next.raw.trimStart(), indent + 2, next.n);
        }
        list.push(item);
      }
      return list;
    }
    const map = {};
    while (at < lines.length) {
      skip();
      if (at >= lines.length) break;
      const { raw, n } = lines[at];
      const i = indentOf(raw);
      if (i < indent) break;
      if (i > indent) throw new Error(`line ${n}: unexpected indentation`);
      at += 1;
      entry(map, raw.trimStart(), indent, n);
    }
    return map;
  };
  const doc = node(-1);
  skip();
  if (at < lines.length) throw new Error(`line ${lines[at].n}: not read`);
  return doc;
}

test('the YAML reader of the action test reads what it claims', () => {
  assert.deepEqual(readYamlSubset('# c\na: 1\nb:\n  c: "x y"\n  d: |\n    l1\n      l2\n  e:\n    - f: g\n      h: \'i\'\'j\'\n    - k: l\n'), {
    a: '1',
    b: { c: 'x y', d: 'l1\n  l2\n', e: [{ f: 'g', h: "i'j" }, { k: 'l' }] },
  });
  assert.throws(() => readYamlSubset('a: [1, 2]\n'));
  assert.throws(() => readYamlSubset('a: 1\na: 2\n'));
  assert.throws(() => readYamlSubset('a: x # comment\n'));
});

/**
 * Runs the composite action's steps as GitHub would (bash -eo pipefail,
 * `${{ }}` expressions on inputs and step outputs, GITHUB_OUTPUT), the
 * package spec pointed at the packed tarball through the `version` input.
 * The upload step is not run (it needs GitHub), only checked.
 */
function runAction(action, given, cwd) {
  const inputs = {};
  for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = given[name] ?? spec.default ?? '';
  for (const name of Object.keys(given)) assert.ok(name in action.inputs, `the action has no input ${name}`);
  const outputs = {};
  const expr = (s) =>
    s.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e) => {
      let m;
      if ((m = /^inputs\.([\w-]+)$/.exec(e))) return inputs[m[1]];
      if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e))) return outputs[m[1]]?.[m[2]] ?? '';
      throw new Error(`expression the test cannot evaluate: ${e}`);
    });
  const log = [];
  let failed = null;
  for (const step of action.runs.steps) {
    if (step.uses) {
      assert.match(step.uses, /^github\/codeql-action\/upload-sarif@v\d+$/);
      assert.equal(step.with.sarif_file, '${{ inputs.sarif }}');
      continue;
    }
    assert.equal(step.shell, 'bash');
    assert.equal(step.if, undefined, `${step.name}: a condition the test does not evaluate`);
    if (failed !== null) break;
    const outFile = path.join(cwd, `.github-output-${step.id ?? 'x'}`);
    fs.writeFileSync(outFile, '');
    const env = { GITHUB_OUTPUT: outFile, npm_config_offline: 'true', NO_COLOR: '1' };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expr(v);
    const script = path.join(cwd, '.step.sh');
    fs.writeFileSync(script, expr(step.run));
    const r = exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env });
    log.push({ name: step.name, ...r });
    if (step.id) {
      outputs[step.id] = Object.fromEntries(
        fs.readFileSync(outFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
    }
    if (r.status !== 0) failed = r.status;
  }
  return { status: failed ?? 0, log, outputs };
}

test('the GitHub Action (action/action.yml): its commands run the packed bin, write SARIF and fail on errors', () => {
  const action = readYamlSubset(fs.readFileSync(path.join(ROOT, 'action', 'action.yml'), 'utf8'));
  assert.equal(action.runs.using, 'composite');
  for (const input of ['operation', 'files', 'api', 'profile', 'sarif', 'version']) assert.ok(action.inputs[input], `input ${input}`);
  assert.ok(action.runs.steps.some((s) => s.uses && s.uses.startsWith('github/codeql-action/upload-sarif@')), 'uploads SARIF');
  const spec = `file:${packed()}`;
  const repo = path.join(TMP, 'repo');
  write(path.join(repo, 'jobs/good/one.job.json'), '{"jobId":"one","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{}"}');
  write(path.join(repo, 'jobs/bad/two.job.json'), '{"jobId":"two two","targets":[],"document":"{}"}');

  // Invalid requests: the job fails with exit 1, the SARIF is the native CLI's.
  const bad = runAction(action, { operation: 'CreateJob', files: 'jobs/**/*.job.json', version: spec }, repo);
  assert.equal(bad.status, 1, JSON.stringify(bad.log, null, 1));
  assert.equal(bad.outputs.validate['exit-code'], '1');
  const sarif = fs.readFileSync(path.join(repo, 'iot-jobs-policy.sarif'), 'latin1');
  assert.equal(sarif, native(['validate', 'CreateJob', 'jobs/**/*.job.json', '--format', 'sarif'], { cwd: repo }).stdout);
  assert.equal(JSON.parse(sarif).version, '2.1.0');
  const report = bad.log.find((s) => s.name === 'Report');
  assert.equal(report.status, 0, 'the report step never fails the job itself');
  assert.equal(report.stdout, native(['validate', 'CreateJob', 'jobs/**/*.job.json'], { cwd: repo }).stdout);
  assert.match(report.stdout, /jobs\/bad\/two\.job\.json:1:10: error\[pattern\] \/jobId:/);

  // Valid requests (and the other inputs passed through): the job passes.
  const good = runAction(action, { operation: 'create_job', files: 'jobs/good/*.json', api: '2022-01', profile: 'model', sarif: 'out/x.sarif', version: spec }, repo);
  assert.equal(good.status, 1, 'out/ does not exist: the redirect fails, exit 1 from bash');
  fs.mkdirSync(path.join(repo, 'out'));
  const good2 = runAction(action, { operation: 'create_job', files: 'jobs/good/*.json', api: '2022-01', profile: 'model', sarif: 'out/x.sarif', version: spec }, repo);
  assert.equal(good2.status, 0, JSON.stringify(good2.log, null, 1));
  assert.equal(
    fs.readFileSync(path.join(repo, 'out/x.sarif'), 'latin1'),
    native(['validate', 'CreateJob', 'jobs/good/*.json', '--api', '2022-01', '--profile', 'model', '--format', 'sarif'], { cwd: repo }).stdout,
  );

  // A glob that matches nothing: exit 2, the job fails.
  const none = runAction(action, { operation: 'CreateJob', files: 'nothing/*.json', version: spec }, repo);
  assert.equal(none.status, 2);
  assert.equal(none.outputs.validate['exit-code'], '2');
});

test('cliRun never traps: odd arguments and hosts that throw, lie or lack methods', async () => {
  const { cliRun } = (await import('node:module')).createRequire(import.meta.url)(path.join(PKG, 'iot_jobs_policy_extras_node.cjs'));
  const out = [];
  const quiet = { stdout: (t) => out.push(t), stderr: (t) => out.push(t), colour: false };
  // Arguments that are not a list of strings.
  for (const args of [undefined, null, 42, 'validate', {}, [1, null, {}], ['validate', 7]]) {
    assert.equal(cliRun(args, quiet), 2, String(args));
  }
  // No host at all, or methods missing: the run still ends with an exit code.
  assert.equal(cliRun(['validate', 'DescribeJob', 'x.json'], {}), 2);
  // (Nothing to write to: a failed write, exit 2.)
  assert.equal(cliRun(['--version'], null), 2);
  assert.equal(cliRun(['validate', 'DescribeJob', 'x.json'], undefined), 2);
  // Callbacks that throw (an Error, a string, undefined) are read errors.
  for (const thrown of [new Error('boom'), 'boom', undefined]) {
    out.length = 0;
    const host = {
      ...quiet,
      readFile() {
        throw thrown;
      },
      kind() {
        throw thrown;
      },
      listDir() {
        throw thrown;
      },
    };
    assert.equal(cliRun(['validate', 'DescribeJob', 'a.json', 'b/*.json'], host), 2);
    assert.match(out.join(''), /cannot read a\.json: /);
  }
  // Answers of the wrong type: not bytes, not a list.
  out.length = 0;
  const liar = { ...quiet, readFile: () => 42, readStdin: () => ({}), kind: () => 7, listDir: () => 'nope' };
  assert.equal(cliRun(['validate', 'DescribeJob', 'a.json'], liar), 2);
  assert.equal(cliRun(['validate', 'DescribeJob'], liar), 2);
  assert.equal(cliRun(['validate', 'DescribeJob', '*.json'], { ...liar, kind: () => 'dir' }), 2);
  assert.match(out.join(''), /cannot expand `\*\.json`: nope/);
  // More bytes than asked for are cut to the limit (1 MiB + 1): tooLarge.
  out.length = 0;
  const big = { ...quiet, readStdin: () => new Uint8Array(3 * 1024 * 1024).fill(0x20) };
  assert.equal(cliRun(['validate', 'DescribeJob', '--format', 'json'], big), 1);
  assert.match(out.join(''), /"code":"tooLarge"/);
  // Output callbacks that throw do not stop the run, but a failed write to
  // standard output is exit 2, whatever the verdict.
  const deaf = { readStdin: () => new TextEncoder().encode('{"jobId":"j"}'), stdout: () => { throw new Error('closed'); }, stderr: () => { throw new Error('closed'); } };
  assert.equal(cliRun(['validate', 'DescribeJob'], deaf), 2);
  assert.equal(cliRun(['nope'], deaf), 2);
  out.length = 0;
  const closed = { ...quiet, readStdin: deaf.readStdin, stdout: () => { throw 'Broken pipe (os error 32)'; } };
  assert.equal(cliRun(['validate', 'DescribeJob'], closed), 2);
  assert.equal(out.join(''), 'iot-jobs-policy: cannot write to standard output: Broken pipe (os error 32)\n');
  // A host's `size` states a refused file's size; without it, no number is made up.
  out.length = 0;
  const sized = { ...quiet, kind: () => 'file', readFile: () => new Uint8Array(2 * 1024 * 1024).fill(0x20), size: () => 5000000 };
  assert.equal(cliRun(['validate', 'DescribeJob', 'a.json', '--format', 'json'], sized), 1);
  assert.match(out.join(''), /"the request is 5000000 bytes, more than the limit of 1048576"/);
  out.length = 0;
  for (const size of [undefined, 'x', -1, 1.5, NaN, 10]) {
    assert.equal(cliRun(['validate', 'DescribeJob', 'a.json', '--format', 'json'], { ...sized, size: () => size }), 1);
  }
  assert.equal(out.join('').match(/"message":"the request is more than the limit of 1048576 bytes"/g).length, 6);
});

test('hardening (#10): sizes, limits, failed writes and escaped text, equal to the native CLI', () => {
  const dir = path.join(TMP, 'hardening');
  fs.mkdirSync(dir, { recursive: true });
  // A request over the limit states its size; a replay scenario over it is too large.
  write(path.join(dir, 'big.json'), Buffer.alloc(1024 * 1024 + 12345, 0x20));
  let r = same(['validate', 'DescribeJob', 'big.json'], { cwd: dir, status: 1 });
  assert.match(r.stdout, /the request is 1060921 bytes, more than the limit of 1048576/);
  r = same(['replay', 'big.json'], { cwd: dir, status: 2 });
  assert.equal(r.stderr, 'iot-jobs-policy: big.json: the scenario is 1060921 bytes, more than the limit of 1048576\n');
  same(['replay', '-'], { cwd: dir, status: 2, input: Buffer.alloc(1024 * 1024 + 1, 0x20) });
  // Control characters in request values, the AWS message and file names are escaped.
  const name = 'esc\u001b[31m\nname.json';
  write(path.join(dir, name), '{"jobId": "a\\nb\\u001b[2J\\u009b"}');
  for (const format of ['text', 'json', 'sarif']) {
    r = same(['validate', 'DescribeJob', name, '--format', format], { cwd: dir, status: 1 });
    assert.ok(!r.stdout.includes('\u001b'), `${format}: ${r.stdout}`);
  }
  r = same(['validate', 'DescribeJob', name], { cwd: dir, status: 1 });
  assert.ok(r.stdout.startsWith('esc\\u{1b}[31m\\nname.json: DescribeJob request is invalid'), r.stdout);
  assert.match(r.stdout, /\n {2}aws: 1 validation error detected: Value 'a\\nb\\u\{1b\}\[2J\\u\{9b\}' at 'jobId'/);
  same(['validate', 'DescribeJob', 'gone\u0007.json'], { cwd: dir, status: 2 });
});

test('hardening (#10): a failed write to standard output is exit 2 in both', { skip: process.platform !== 'linux' }, () => {
  for (const args of [['validate', 'DescribeJob'], ['rules'], ['--version']]) {
    const run = (cmd, argv) => {
      const full = fs.openSync('/dev/full', 'w');
      try {
        const r = spawnSync(cmd, argv, { input: '{"jobId": "j"}', stdio: ['pipe', full, 'pipe'] });
        return { status: r.status, stderr: r.stderr.toString('latin1') };
      } finally {
        fs.closeSync(full);
      }
    };
    const a = run(NATIVE, args);
    const b = run(process.execPath, [NPM_BIN, ...args]);
    assert.equal(a.status, 2, `${args}: ${a.stderr}`);
    assert.equal(a.stderr, 'iot-jobs-policy: cannot write to standard output: No space left on device (os error 28)\n');
    assert.deepEqual(b, a, args.join(' '));
  }
});

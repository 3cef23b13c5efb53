// The published artefact as a user gets it: `npm pack` pkg/, install the
// tarball into a fresh project (offline: the package has no dependencies),
// then import it, require it (plain Node, no bundler; the bundlers are in
// bundlers.test.mjs) and type-check a TypeScript consumer; attw
// (@arethetypeswrong/cli) on the tarball; the manifest's links and the
// README's links all lead somewhere.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { JS, npmPack, npmInstall } from './helpers.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iot-jobs-policy-consumer-'));
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

let files;
let tarball;
test('npm pack gives one tarball with the two .wasm modules (core and extras)', () => {
  const packed = npmPack(dir);
  files = packed.info.files.map((f) => f.path).sort();
  assert.deepEqual(files.filter((f) => f.endsWith('.wasm')), ['iot_jobs_policy_bg.wasm', 'iot_jobs_policy_extras_bg.wasm']);
  tarball = packed.tarball;
  for (const f of ['iot_jobs_policy_extras_node.cjs', 'iot_jobs_policy_extras_web.mjs', 'package.json', 'index.mjs', 'index.cjs', 'web.mjs', 'index.d.ts', 'aws-sdk.mjs', 'aws-sdk.cjs', 'aws-sdk.d.ts', 'README.md']) {
    assert.ok(files.includes(f), `${f} missing from the tarball`);
  }
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  npmInstall(dir, tarball);
});

test('import and require give the same instance and answers', () => {
  fs.writeFileSync(path.join(dir, 'main.mjs'), `
import * as esm from 'iot-jobs-policy';
import { iotJobsPolicyMiddleware } from 'iot-jobs-policy/aws-sdk';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const cjs = require('iot-jobs-policy');
const sdk = require('iot-jobs-policy/aws-sdk');
const pkg = require('iot-jobs-policy/package.json');
const req = { jobId: 'a b' };
console.log(JSON.stringify({
  same: esm.validate === cjs.validate && esm.Job === cjs.Job && typeof sdk.iotJobsPolicyMiddleware === 'function' && typeof iotJobsPolicyMiddleware === 'function',
  extras: (await esm.initExtras(), esm.schemaInfo().dialects.length > 0),
  equal: JSON.stringify(esm.validate('DescribeJob', req)) === JSON.stringify(cjs.validate('DescribeJob', req)),
  valid: esm.isValid('DescribeJob', { jobId: 'ok' }),
  codes: cjs.codes().length,
  version: pkg.version,
}));
`);
  fs.writeFileSync(path.join(dir, 'main.cjs'), `
const m = require('iot-jobs-policy');
console.log(JSON.stringify(m.validate('DescribeJob', { jobId: 'a b' }).violations.map((v) => v.code)));
`);
  const esm = JSON.parse(execFileSync(process.execPath, ['main.mjs'], { cwd: dir, encoding: 'utf8' }));
  assert.deepEqual({ ...esm, codes: esm.codes > 0 }, { same: true, equal: true, valid: true, extras: true, codes: true, version: esm.version });
  assert.match(esm.version, /^\d+\.\d+\.\d+/);
  assert.equal(execFileSync(process.execPath, ['main.cjs'], { cwd: dir, encoding: 'utf8' }).trim(), '["pattern"]');
});

test('a TypeScript consumer type-checks against the installed package', () => {
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [] },
    files: ['consumer.mts', 'bad.mts'],
  }));
  fs.writeFileSync(path.join(dir, 'consumer.mts'), `
import { validate, init, initExtras, initSync, type Report, type ErrorCode } from 'iot-jobs-policy';
await init(undefined, { extras: true });
await initExtras();
await initExtras(new URL('https://example.com/iot_jobs_policy_extras_bg.wasm'));
initSync(new Uint8Array(0), { extras: new Uint8Array(0) });
import { iotJobsPolicyMiddleware } from 'iot-jobs-policy/aws-sdk';
const r: Report = validate('CreateJob', { jobId: 'x', targets: [] }, { now: new Date() });
const c: ErrorCode | undefined = r.violations[0]?.code;
const step: 'initialize' = iotJobsPolicyMiddleware().addOptions.step;
export { c, step };
`);
  fs.writeFileSync(path.join(dir, 'bad.mts'), `export {};\n`);
  const tsc = path.join(JS, 'node_modules', 'typescript', 'bin', 'tsc');
  let r = spawnSync(process.execPath, [tsc, '-p', '.'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  // And it can fail: a wrong operation name is caught through the installed types.
  fs.writeFileSync(path.join(dir, 'bad.mts'), `import { validate } from 'iot-jobs-policy';\nvalidate('CreateJobz', {});\n`);
  r = spawnSync(process.execPath, [tsc, '-p', '.'], { cwd: dir, encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stdout, /bad\.mts\(2,10\): error TS2345/);
});

test('attw (@arethetypeswrong/cli) finds no problem in the tarball', () => {
  // attw runs offline on a local tarball; it exits non-zero on a problem.
  const attw = path.join(JS, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
  const r = spawnSync(process.execPath, [attw, tarball, '--format', 'json'], { encoding: 'utf8' });
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.analysis.problems, [], r.stdout.slice(0, 4000));
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(Object.keys(out.analysis.entrypoints).sort(), ['.', './aws-sdk', './package.json']);
  for (const [name, e] of Object.entries(out.analysis.entrypoints)) {
    for (const kind of ['node10', 'node16-cjs', 'node16-esm', 'bundler']) {
      assert.ok(e.resolutions[kind]?.resolution?.fileName, `${name} does not resolve for ${kind}`);
    }
  }
});

test('the manifest links the repository, and every README link leads into the package or to an absolute URL', () => {
  const installed = path.join(dir, 'node_modules', 'iot-jobs-policy');
  const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
  const REPO = 'https://github.com/iot-jobs-policy/iot-jobs-policy';
  assert.deepEqual(manifest.repository, { type: 'git', url: `git+${REPO}.git`, directory: 'js' });
  assert.equal(manifest.bugs.url, `${REPO}/issues`);
  assert.ok(manifest.homepage.startsWith(REPO), manifest.homepage);
  const readme = fs.readFileSync(path.join(installed, 'README.md'), 'utf8');
  // GitHub's anchors: lowercased, punctuation dropped, spaces to dashes.
  const anchors = new Set([...readme.matchAll(/^#+ (.+)$/gm)].map((m) => m[1].trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-')));
  const links = [...readme.replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  assert.ok(links.length >= 2, 'no links found');
  const broken = links.filter((l) => {
    if (/^https:\/\//.test(l)) return false;
    if (l.startsWith('#')) return !anchors.has(l.slice(1));
    return !fs.existsSync(path.join(installed, l.split('#')[0]));
  });
  assert.deepEqual(broken, []);
});

// The package through the toolchains users bundle it with (test/bundlers/):
// `npm pack` pkg/, install the tarball into a fresh project (offline: the
// package has no dependencies; the bundlers are js/'s devDependencies), then
// build and run
// - a Lambda handler with @aws-sdk/client-iot and the middleware, bundled by
//   esbuild as AWS CDK's NodejsFunction does (CJS with the SDK external, the
//   CDK default for node18+ runtimes; ESM with the createRequire banner and
//   the SDK bundled; a CommonJS source), each bundle run alone in an empty
//   directory against a stub IoT endpoint on 127.0.0.1 that counts requests;
// - a browser app bundled by webpack 5 (default config, production), Vite
//   (`vite build`) and esbuild (the README's recipe), served from 127.0.0.1
//   and run in headless Chromium: it validates, the extras module is
//   fetched only when a Job/schema() is asked for, and the Job then works.
// Every build must finish without a warning that mentions the package; the
// bundle sizes are printed (js/bench/bundle-sizes.mjs, BENCHMARKS.md).
// Plain Node ESM/CJS consumers without a bundler: test/consumer.test.mjs.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { execFile as execFileCb } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { JS, PKG, npmPack, npmInstall } from './helpers.mjs';
import { browser, serve } from './shared/chromium.mjs';
import { measure, table } from '../bench/bundle-sizes.mjs';

const execFile = promisify(execFileCb);
const require = createRequire(import.meta.url);
const FIXTURES = path.join(JS, 'test', 'bundlers');
const ESBUILD = path.join(JS, 'node_modules', '.bin', 'esbuild');
const OURS = /iot[-_]jobs[-_]policy/i;

// The reference answers: the same package, unbundled, in this process.
const ref = require(path.join(PKG, 'index.cjs'));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'iot-jobs-policy-bundlers-'));
const app = path.join(work, 'app');
test.after(() => {
  if (!process.env.KEEP_BUNDLER_FIXTURES) fs.rmSync(work, { recursive: true, force: true });
});

// ---------------------------------------------------------------- the stub

/** A stub IoT endpoint: answers CreateJob (PUT /jobs/{jobId}) and counts every request. */
const requests = [];
const stub = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    requests.push({ method: req.method, path: req.url, body, auth: req.headers.authorization || '' });
    const m = /^\/jobs\/([^/?]+)/.exec(req.url);
    if (req.method !== 'PUT' || !m) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not stubbed"}');
      return;
    }
    const jobId = decodeURIComponent(m[1]);
    res.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': 'stub' });
    res.end(JSON.stringify({ jobArn: `arn:aws:iot:eu-west-1:123456789012:job/${jobId}`, jobId }));
  });
});
await new Promise((r) => stub.listen(0, '127.0.0.1', r));
const endpoint = `http://127.0.0.1:${stub.address().port}`;
test.after(() => stub.close());

const validRequest = {
  jobId: 'firmware-42',
  targets: ['arn:aws:iot:eu-west-1:123456789012:thing/sensor-1'],
  document: '{"operation":"install"}',
};
const invalidRequest = { jobId: 'firmware rollout #2', targets: [], document: '{"operation":"install"}' };
const refusedWith = ref.validate('CreateJob', invalidRequest, { now: null }).violations.filter((v) => v.severity === 'error').map((v) => [v.code, v.path]);

// ------------------------------------------------------------ the project

/** esbuild's CLI output: the warning blocks (`▲ [WARNING] …` up to the next blank-line-separated block). */
function esbuildWarnings(stderr) {
  return stderr.split(/\n(?=\S)/).filter((b) => /\[WARNING\]/.test(b));
}

test('npm pack, and the tarball installed into a fresh project with the fixtures', () => {
  const { tarball } = npmPack(work);
  fs.mkdirSync(app);
  fs.cpSync(path.join(FIXTURES, 'lambda'), path.join(app, 'lambda'), { recursive: true });
  for (const b of ['webpack', 'vite', 'esbuild']) fs.cpSync(path.join(FIXTURES, 'web'), path.join(app, b), { recursive: true });
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'bundler-fixtures', version: '1.0.0', private: true, type: 'module' }));
  npmInstall(app, tarball);
  // The Lambda source imports the SDK: the project's copy is js/'s (a link;
  // its own dependencies resolve from its real path).
  fs.mkdirSync(path.join(app, 'node_modules', '@aws-sdk'), { recursive: true });
  fs.symlinkSync(path.join(JS, 'node_modules', '@aws-sdk', 'client-iot'), path.join(app, 'node_modules', '@aws-sdk', 'client-iot'));
  const installed = JSON.parse(fs.readFileSync(path.join(app, 'node_modules', 'iot-jobs-policy', 'package.json'), 'utf8'));
  assert.equal(installed.version, JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8')).version);
  assert.ok(!fs.lstatSync(path.join(app, 'node_modules', 'iot-jobs-policy')).isSymbolicLink(), 'the package must be installed from the tarball, not linked');
});

// ------------------------------------------------------------ the Lambdas

// The Lambda runtime provides the SDK (v3) for node18+: with the SDK left
// external (CDK's default), the bundle finds it there, and nothing else.
const runtime = path.join(work, 'lambda-runtime', 'node_modules');

const LAMBDAS = [
  {
    name: 'esbuild cjs (CDK default: SDK external)',
    entry: 'lambda/handler.mjs',
    out: 'index.js',
    args: ['--bundle', '--platform=node', '--target=node18', '--format=cjs', '--external:@aws-sdk/*'],
    sdk: 'external',
  },
  {
    name: 'esbuild esm + createRequire banner (SDK bundled)',
    entry: 'lambda/handler.mjs',
    out: 'index.mjs',
    args: ['--bundle', '--platform=node', '--target=node18', '--format=esm', "--banner:js=import { createRequire } from 'module'; const require = createRequire(import.meta.url);"],
    sdk: 'bundled',
  },
  {
    name: 'esbuild cjs, CommonJS source (SDK bundled)',
    entry: 'lambda/handler.cjs',
    out: 'index.js',
    args: ['--bundle', '--platform=node', '--target=node18', '--format=cjs'],
    sdk: 'bundled',
  },
];

const sizes = [];

for (const [i, l] of LAMBDAS.entries()) {
  test(`Lambda, ${l.name}: builds without a warning about the package, runs alone, refuses before sending`, async () => {
    const outDir = path.join(app, 'out', `lambda-${i}`);
    const outfile = path.join(outDir, l.out);
    const { stderr } = await execFile(ESBUILD, [l.entry, ...l.args, `--outfile=${outfile}`], { cwd: app, encoding: 'utf8' });
    const ours = esbuildWarnings(stderr).filter((w) => OURS.test(w));
    assert.deepEqual(ours, [], stderr);
    assert.doesNotMatch(stderr, /\[ERROR\]/);
    const text = fs.readFileSync(outfile, 'utf8');
    // Self-contained: the package's code is inside, and nothing of it is
    // looked for on disk.
    // (base64 of a .wasm starts with `AGFzbQ`, "\0asm"; two modules inlined).
    assert.equal(text.match(/Buffer\.from\("AGFzbQ/g)?.length, 2, 'the two modules are not inlined');
    assert.ok(!/_bg\.wasm/.test(text), 'the bundle names a .wasm file');
    const sdkOutside = /require\("@aws-sdk\/client-iot"\)|from "@aws-sdk\/client-iot"/.test(text);
    assert.equal(sdkOutside, l.sdk === 'external');
    sizes.push({ fixture: `Lambda: ${l.name}`, files: measure(outDir).map((f) => ({ ...f, role: 'the whole function' })) });

    // The bundle alone in an empty directory (as in the Lambda's /var/task).
    const task = path.join(work, `task-${i}`);
    fs.mkdirSync(task);
    fs.copyFileSync(outfile, path.join(task, l.out));
    let env = { ...process.env, NODE_PATH: '' };
    if (l.sdk === 'external') {
      fs.mkdirSync(path.join(runtime, '@aws-sdk'), { recursive: true });
      if (!fs.existsSync(path.join(runtime, '@aws-sdk', 'client-iot'))) {
        fs.symlinkSync(path.join(JS, 'node_modules', '@aws-sdk', 'client-iot'), path.join(runtime, '@aws-sdk', 'client-iot'));
      }
      env = { ...env, NODE_PATH: runtime };
    }
    const driver = `
      const m = await import(${JSON.stringify(pathToFileURL(path.join(task, l.out)).href)});
      const handler = m.handler ?? m.default.handler;
      const out = [];
      for (const request of JSON.parse(process.argv[1])) out.push(await handler({ endpoint: ${JSON.stringify(endpoint)}, request }));
      console.log(JSON.stringify(out));
    `;
    const before = requests.length;
    const run = await execFile(process.execPath, ['--input-type=module', '-e', driver, JSON.stringify([validRequest, invalidRequest])], { cwd: task, env, encoding: 'utf8' });
    const [sent, refused] = JSON.parse(run.stdout);
    assert.deepEqual(sent, { sent: true, jobId: 'firmware-42', jobArn: 'arn:aws:iot:eu-west-1:123456789012:job/firmware-42' }, run.stderr);
    assert.equal(refused.sent, false);
    assert.equal(refused.name, 'InvalidRequestException');
    assert.equal(refused.fault, 'client');
    assert.ok(refusedWith.some(([c, p]) => c === 'pattern' && p === '/jobId'));
    assert.deepEqual(refused.violations.filter(([c, p]) => refusedWith.some(([c2, p2]) => c === c2 && p === p2)), refusedWith);
    // Exactly one request reached the stub: the valid CreateJob, signed.
    const seen = requests.slice(before);
    assert.equal(seen.length, 1, JSON.stringify(seen));
    assert.equal(seen[0].method, 'PUT');
    assert.equal(seen[0].path, '/jobs/firmware-42');
    assert.match(seen[0].auth, /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
    assert.deepEqual(JSON.parse(seen[0].body).targets, validRequest.targets);
    // (The SDK may warn about the Node version; nothing may come from us.)
    assert.doesNotMatch(run.stderr, OURS);
    assert.doesNotMatch(run.stderr, /Error|ENOENT/);
  });
}

// ------------------------------------------------------------ the browsers

const distOf = (b) => path.join(app, b, 'dist');

/** The page for a bundle that is not built from index.html (webpack, esbuild). */
function writePage(dist, script) {
  const html = fs.readFileSync(path.join(FIXTURES, 'web', 'index.html'), 'utf8');
  const page = html.replace('<script type="module" src="./src/index.js"></script>', script);
  assert.notEqual(page, html);
  fs.writeFileSync(path.join(dist, 'index.html'), page);
}

const BUILDS = {
  // webpack 5, its default configuration in production mode (entry ./src,
  // output ./dist), through its Node API to read the warnings (the API
  // takes the directories the CLI derives from its working directory).
  async webpack() {
    const webpack = require('webpack');
    const dir = path.join(app, 'webpack');
    const stats = await new Promise((resolve, reject) => {
      const compiler = webpack({ mode: 'production', context: dir, output: { path: path.join(dir, 'dist') } });
      compiler.run((err, s) => compiler.close(() => (err ? reject(err) : resolve(s))));
    });
    const info = stats.toJson({ all: false, warnings: true, errors: true });
    assert.deepEqual(info.errors.map((e) => e.message), []);
    writePage(distOf('webpack'), '<script src="./main.js"></script>');
    return info.warnings.map((w) => `${w.moduleName || ''} ${w.message}`);
  },
  // `vite build`, through its API with a logger that keeps the warnings.
  async vite() {
    const vite = await import('vite');
    const logger = vite.createLogger('warn');
    const warnings = [];
    const keep = (msg) => warnings.push(String(msg));
    const customLogger = { ...logger, warn: keep, warnOnce: keep, error: (msg) => warnings.push(`error: ${msg}`) };
    await vite.build({ root: path.join(app, 'vite'), configFile: false, logLevel: 'warn', customLogger });
    return warnings;
  },
  // esbuild as js/README.md says: ES module output with code splitting, and
  // the package's two .wasm files copied next to the bundle (esbuild does not
  // follow `new URL('…', import.meta.url)`; the glue fetches them from there).
  async esbuild() {
    const dir = path.join(app, 'esbuild');
    const { stderr } = await execFile(ESBUILD, ['src/index.js', '--bundle', '--format=esm', '--splitting', '--minify', '--outdir=dist'], { cwd: dir, encoding: 'utf8' });
    for (const f of ['iot_jobs_policy_bg.wasm', 'iot_jobs_policy_extras_bg.wasm']) fs.copyFileSync(path.join(app, 'node_modules', 'iot-jobs-policy', f), path.join(dir, 'dist', f));
    writePage(distOf('esbuild'), '<script type="module" src="./index.js"></script>');
    assert.doesNotMatch(stderr, /\[ERROR\]/);
    return esbuildWarnings(stderr);
  },
};

/** The CSP of the apps' pages: the README's (with blob: workers for simulateAsync), and `data:` images (the fixtures' favicon). */
const APP_CSP = "default-src 'self'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:";

// What the page must answer: the same package, unbundled, in Node.
const brief = (report) => ({ valid: report.valid, violations: report.violations.map((v) => [v.code, v.path, v.severity]) });
const expectedPage = {
  valid: brief(ref.validate('CreateJob', validRequest)),
  invalid: brief(ref.validate('CreateJob', invalidRequest)),
  isValid: [true, false],
  beforeExtras: ['notInitialized', 'notInitialized'],
};
// The fixture's simulation (test/bundlers/web/src/index.js), as Node's simulate() answers it.
const expectedSimulation = JSON.stringify(
  ref.simulate({
    job: {
      jobId: 'fw-7',
      document: '{"operation":"install"}',
      targets: ['arn:aws:iot:eu-west-1:123456789012:thinggroup/fleet'],
      jobExecutionsRolloutConfig: { maximumPerMinute: 2 },
      abortConfig: { criteriaList: [{ failureType: 'FAILED', action: 'CANCEL', thresholdPercentage: 20, minNumberOfExecutedThings: 2 }] },
    },
    fleetSize: 3,
    devices: { outcomes: { SUCCEEDED: 0.9, FAILED: 0.1 }, run: { fixed: 60000 } },
    trials: 40,
    seed: 7,
  }),
);
const expectedExtras = (() => {
  const t0 = Date.UTC(2026, 0, 1);
  const job = ref.Job.create(validRequest, { createdAt: t0 });
  const effects = job.apply(t0 + 1000, { type: 'deviceUpdate', thing: 'sensor-1', status: 'SUCCEEDED' });
  return { effects: effects.map((e) => e.type), status: job.status, schemaRequired: ref.schema('CreateJob').required };
})();

for (const b of Object.keys(BUILDS)) {
  test(`browser app, ${b}: builds without a warning about the package; validates in Chromium; the extras load only for a Job; simulateAsync over 2 Web Workers`, async () => {
    const warnings = await BUILDS[b]();
    assert.deepEqual(warnings.filter((w) => OURS.test(w)), [], warnings.join('\n'));
    const dist = distOf(b);
    // webpack's performance hint (production mode) flags every asset over
    // 244 KiB: the two .wasm files (hashed names). It is about size, not
    // about the package working; js/README.md says how to tune it. Nothing
    // else may warn.
    const hint = (w) => b === 'webpack' && /asset size limit/.test(w) && [...w.matchAll(/^\s+(\S+) \(\d/gm)].every((m) => m[1].endsWith('.wasm'));
    assert.deepEqual(warnings.filter((w) => !hint(w)), [], warnings.join('\n'));
    if (warnings.length) console.log(`# ${b}: ${warnings.map((w) => w.replace(/\s+/g, ' ')).join(' | ')}`);

    // Which emitted .wasm is which: by their bytes.
    const core = fs.readFileSync(path.join(PKG, 'iot_jobs_policy_bg.wasm'));
    const extras = fs.readFileSync(path.join(PKG, 'iot_jobs_policy_extras_bg.wasm'));
    const files = measure(dist);
    const role = {};
    for (const f of files.filter((f) => f.file.endsWith('.wasm'))) {
      const bytes = fs.readFileSync(path.join(dist, f.file));
      role[f.file] = bytes.equals(core) ? 'core .wasm' : bytes.equals(extras) ? 'extras .wasm' : 'unknown .wasm';
    }
    assert.deepEqual(Object.values(role).sort(), ['core .wasm', 'extras .wasm'], JSON.stringify(role));
    const wasmFile = (r) => Object.keys(role).find((f) => role[f] === r);

    const server = await serve({ '/': dist }, { csp: () => APP_CSP });
    const base = server.base;
    const page = await (await browser()).newPage();
    try {
      const seen = [];
      const failed = [];
      const logs = [];
      page.on('request', (r) => seen.push(new URL(r.url()).pathname.slice(1)));
      page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
      page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
      await page.goto(`${base}/`);
      await page.waitForFunction(() => window.__results !== undefined, null, { timeout: 30_000 });
      const results = await page.evaluate(() => window.__results);
      assert.deepEqual(results, expectedPage, logs.join('\n'));
      assert.ok(results.invalid.violations.some(([c, p]) => c === 'pattern' && p === '/jobId'));
      // The page validated: the core .wasm was fetched, the extras not.
      const first = seen.slice();
      assert.ok(first.includes(wasmFile('core .wasm')), JSON.stringify(first));
      assert.ok(!first.includes(wasmFile('extras .wasm')), `the extras .wasm was fetched before a Job was asked for: ${JSON.stringify(first)}`);
      const firstJs = first.filter((f) => /\.m?js$/.test(f));

      // A Job and schema(): initExtras() fetches the extras (a JS chunk of its
      // own and the .wasm), then they work.
      const extrasResults = await page.evaluate(() => window.__extras());
      assert.deepEqual(extrasResults, expectedExtras, logs.join('\n'));
      assert.equal(extrasResults.status, 'COMPLETED');
      const later = seen.slice(first.length);
      assert.ok(later.includes(wasmFile('extras .wasm')), JSON.stringify(later));
      const chunk = later.filter((f) => /\.m?js$/.test(f));
      assert.equal(chunk.length, 1, `one JS chunk for the extras glue: ${JSON.stringify(later)}`);
      assert.deepEqual(failed, []);
      assert.deepEqual(logs.filter((l) => /^(error|warning|pageerror)/.test(l)), []);

      // simulateAsync with 2 threads: a chunk of its own (the workers'
      // code), 2 Web Workers (from blob: URLs, nothing fetched by them), and
      // simulate()'s summary, byte for byte.
      const workers = [];
      page.on('worker', (w) => workers.push(w.url()));
      const beforeSimulate = seen.length;
      const simulated = await page.evaluate(() => window.__simulate());
      assert.equal(simulated.async, expectedSimulation, logs.join('\n'));
      assert.equal(simulated.sync, expectedSimulation);
      assert.equal(simulated.progress.length, 8);
      assert.deepEqual(simulated.progress.at(-1), [40, 40]);
      assert.equal(workers.length, 2, JSON.stringify(workers));
      assert.ok(workers.every((u) => u.startsWith('blob:')), JSON.stringify(workers));
      const workerChunk = seen.slice(beforeSimulate).filter((f) => /\.m?js$/.test(f));
      assert.equal(workerChunk.length, 1, `one JS chunk for simulateAsync's workers: ${JSON.stringify(seen.slice(beforeSimulate))}`);
      assert.deepEqual(failed, []);
      assert.deepEqual(logs.filter((l) => /^(error|warning|pageerror)/.test(l)), []);

      const roleOf = (f) =>
        role[f] ??
        (f === chunk[0] ? 'extras glue chunk' : f === workerChunk[0] ? 'simulateAsync workers chunk' : firstJs.includes(f) ? 'loaded on start' : f.endsWith('.html') ? 'page' : 'not fetched');
      sizes.push({ fixture: `browser: ${b}`, files: files.map((f) => ({ ...f, role: roleOf(f.file) })) });
    } finally {
      await page.close();
      await server.close();
    }
  });
}

test('bundle sizes (raw and gzipped) per fixture', () => {
  assert.equal(sizes.length, LAMBDAS.length + Object.keys(BUILDS).length, 'a fixture failed before it was measured');
  const md = table(sizes);
  const out = path.join(process.env.CARGO_TARGET_DIR || path.join(JS, '..', 'target'), 'bundle-sizes.md');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${md}\n`);
  console.log(md);
});

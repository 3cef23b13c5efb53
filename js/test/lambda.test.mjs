// The Lambda example, called as Lambda would call it.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { handler } from '../examples/lambda-preflight.mjs';
import { JS } from './helpers.mjs';

const good = { jobId: 'job-1', targets: ['arn:aws:iot:eu-west-1:123456789012:thing/a'], document: '{}' };

test('a valid CreateJob given directly answers 200 with the report', async () => {
  const res = await handler(good);
  assert.equal(res.statusCode, 200);
  const body = JSON.parse(res.body);
  assert.equal(body.valid, true);
  assert.deepEqual(Object.keys(body), ['valid', 'violations', 'awsMessage']);
});

test('{operation, request, options} with an invalid request answers 422', async () => {
  const res = await handler({ operation: 'DescribeJob', request: { jobId: 'a b' }, options: { profile: 'model' } });
  assert.equal(res.statusCode, 422);
  const body = JSON.parse(res.body);
  assert.equal(body.valid, false);
  assert.deepEqual(body.violations.map((v) => [v.code, v.path]), [['pattern', '/jobId']]);
  assert.match(body.awsMessage, /validation error/);
});

test('a request given as JSON text works too', async () => {
  const res = await handler({ operation: 'CreateJob', request: JSON.stringify(good) });
  assert.equal(res.statusCode, 200);
});

test('misuse answers 400 with the error code', async () => {
  const res = await handler({ operation: 'DeleteJob', request: {} });
  assert.equal(res.statusCode, 400);
  assert.equal(JSON.parse(res.body).error.code, 'unknownOperation');
  const bad = await handler({ operation: 'CreateJob', request: good, options: { api: '1999' } });
  assert.equal(JSON.parse(bad.body).error.code, 'invalidOptions');
  const none = await handler({ operation: 'CreateJob' });
  assert.equal(JSON.parse(none.body).error.code, 'invalidRequest');
});

test('bundled by esbuild as CDK NodejsFunction does (CJS; and ESM with the banner), the example runs alone', async () => {
  const esbuild = createRequire(import.meta.url)('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iot-jobs-policy-lambda-'));
  try {
    const banner = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";
    for (const format of ['cjs', 'esm']) {
      const outfile = path.join(dir, `index.${format === 'esm' ? 'mjs' : 'js'}`);
      const result = await esbuild.build({
        entryPoints: [path.join(JS, 'examples', 'lambda-preflight.mjs')], bundle: true, platform: 'node', target: 'node18', format, outfile, logLevel: 'silent',
        ...(format === 'esm' ? { banner: { js: banner } } : {}),
      });
      assert.deepEqual(result.warnings.map((w) => w.text), [], format);
      // Nothing beside the bundle: no node_modules, no .wasm file.
      assert.deepEqual(fs.readdirSync(dir).filter((f) => !/^index\.m?js$/.test(f)), []);
      const { handler: bundled } = format === 'esm' ? await import(outfile) : createRequire(import.meta.url)(outfile);
      const ok = await bundled(good);
      assert.equal(ok.statusCode, 200, ok.body);
      const bad = await bundled({ operation: 'DescribeJob', request: { jobId: 'a b' } });
      assert.equal(bad.statusCode, 422);
      assert.deepEqual(JSON.parse(bad.body).violations.map((v) => [v.code, v.path]), [['pattern', '/jobId']]);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Two browser checks beyond the vector run of browser.test.mjs, in headless
// Chromium (Playwright, the system browser), of the opt-in build (bash
// .ci/build-pkg --document-schema, target/pkg-document-schema/) in a page:
// - its `schema()` and `schemaInfo()` answer what Node's entry answers (the
//   editor use: Monaco in a page), and so do the default build's (its extras module);
// - it reports `documentSchema` violations in the browser too, and the
//   default build refuses the option there.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, PKG } from './helpers.mjs';
import { browser, serve } from './shared/chromium.mjs';

const DS_PKG = path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'pkg-document-schema');
assert.ok(fs.existsSync(path.join(DS_PKG, 'web.mjs')), `${DS_PKG} is missing: run bash .ci/build-pkg --document-schema`);
const node = createRequire(import.meta.url)(path.join(DS_PKG, 'index.cjs'));

// An empty page, for an origin to import the modules from.
const { base } = await serve({ '/pkg/': PKG, '/pkg-ds/': DS_PKG }, { pages: { '/': '<!doctype html><title>iot-jobs-policy</title>' } });

/** Runs `fn(arg)` in a fresh page of the server's origin. */
async function inPage(fn, arg) {
  const page = await (await browser()).newPage();
  try {
    await page.goto(`${base}/`);
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
}

const request = { jobId: 'j', targets: ['arn:aws:iot:us-east-1:123456789012:thing/t'], document: '{"operation":"fly"}' };
const documentSchema = { type: 'object', required: ['operation', 'version'], properties: { operation: { enum: ['install'] } } };

test('schema() and schemaInfo() of the opt-in build in Chromium answer what Node answers, and so do the default build’s', async () => {
  const got = await inPage(async () => {
    const m = await import('/pkg-ds/web.mjs');
    await m.init(undefined, { extras: true });
    const plain = await import('/pkg/web.mjs');
    await plain.initExtras();
    return {
      plain: [plain.schema('CreateJob', { dialect: 'draft-07' }), plain.schemaInfo()],
      draft07: m.schema('CreateJob', { dialect: 'draft-07' }),
      model: m.schema('update_job', { api: '2022-01', profile: 'model' }),
      info: m.schemaInfo(),
      misuse: (() => {
        try {
          m.schema('CreateJob', { dialect: 'draft-04' });
          return null;
        } catch (e) {
          return e.code;
        }
      })(),
    };
  });
  assert.deepEqual(got.draft07, node.schema('CreateJob', { dialect: 'draft-07' }));
  assert.deepEqual(got.model, node.schema('update_job', { api: '2022-01', profile: 'model' }));
  assert.deepEqual(got.info, node.schemaInfo());
  assert.equal(got.misuse, 'invalidOptions');
  assert.deepEqual(got.plain, [got.draft07, got.info]);
});

test('the document-schema build reports documentSchema violations in Chromium; the default build refuses the option', async () => {
  const got = await inPage(
    async ({ request, documentSchema }) => {
      const ds = await import('/pkg-ds/web.mjs');
      await ds.init(undefined, { extras: true });
      const plain = await import('/pkg/web.mjs');
      await plain.init();
      let refused = null;
      try {
        plain.validate('CreateJob', request, { documentSchema });
      } catch (e) {
        refused = e.code;
      }
      return {
        features: [ds.features(), plain.features()],
        report: ds.validate('CreateJob', request, { documentSchema }),
        valid: ds.isValid('CreateJob', { ...request, document: '{"operation":"install","version":"1"}' }, { documentSchema }),
        refused,
      };
    },
    { request, documentSchema },
  );
  assert.deepEqual(got.features, [{ documentSchema: true, schema: true }, { documentSchema: false, schema: true }]);
  assert.deepEqual(got.report.violations.map((v) => [v.code, v.path, v.source]), [
    ['documentSchema', '/document', 'user'],
    ['documentSchema', '/document/operation', 'user'],
  ]);
  assert.equal(got.report.valid, false);
  assert.equal(got.valid, true);
  assert.equal(got.refused, 'invalidOptions');
});

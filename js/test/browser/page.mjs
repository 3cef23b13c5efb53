// Runs in the browser: init(), then every vector case through validate(),
// compared byte for byte with the native Rust answer.
import { init, initSync, initExtras, validate, isValid, codes, schemaInfo, features } from '/pkg/web.mjs';
import { iotJobsPolicyMiddleware } from '/pkg/aws-sdk.web.mjs';
import { judge, limitCases, jsSkip } from '../shared/expect.mjs';

const out = document.getElementById('out');
const results = { errors: [], mismatches: [], skipped: [], run: 0, total: 0, expectedFailures: 0, objects: 0 };

async function main() {
  const mode = new URLSearchParams(location.search).get('mode') || 'async';
  try {
    validate('CreateJob', {});
    results.errors.push('validate before init did not throw');
  } catch (e) {
    if (e.code !== 'notInitialized') results.errors.push(`before init: ${e.code} ${e.message}`);
  }
  const fetched = (name) => performance.getEntriesByType('resource').some((r) => r.name.endsWith(`/${name}`));
  // Job and schema() need the extras module, loaded only on request.
  const extrasRefused = (when) => {
    try {
      schemaInfo();
      results.errors.push(`schemaInfo ${when} did not throw`);
    } catch (e) {
      if (e.code !== 'notInitialized' || !e.message.includes('initExtras()')) results.errors.push(`schemaInfo ${when}: ${e.code} ${e.message}`);
    }
  };
  if (mode === 'sync') {
    const bytes = await (await fetch('/pkg/iot_jobs_policy_bg.wasm')).arrayBuffer();
    initSync(bytes);
    extrasRefused('after initSync(bytes)');
    const extras = await (await fetch('/pkg/iot_jobs_policy_extras_bg.wasm')).arrayBuffer();
    // The extras glue is a separate module, imported by initExtras(): until
    // then initSync cannot load the extras and says what to call instead.
    try {
      initSync(bytes, { extras });
      results.errors.push('initSync(bytes, { extras }) before the extras glue was imported did not throw');
    } catch (e) {
      if (e.code !== 'notInitialized' || !e.message.includes('initExtras(extrasBytes)')) results.errors.push(`initSync extras: ${e.code} ${e.message}`);
    }
    extrasRefused('after a refused initSync(bytes, { extras })');
    await initExtras(extras);
    initSync(bytes, { extras }); // everything is loaded: a no-op
  } else {
    await init();
    // init() loads the core only: the extras glue and .wasm are not fetched.
    if (!fetched('iot_jobs_policy_bg.wasm')) results.errors.push('init() did not fetch the core .wasm');
    if (fetched('iot_jobs_policy_extras_bg.wasm') || fetched('iot_jobs_policy_extras_web.mjs')) results.errors.push('init() fetched the extras module');
    extrasRefused('after init()');
    await initExtras();
    await initExtras(); // idempotent
    if (!fetched('iot_jobs_policy_extras_bg.wasm') || !fetched('iot_jobs_policy_extras_web.mjs')) results.errors.push('initExtras() did not fetch the extras module');
  }
  // Both modules are ready now (init() then initExtras()).
  if (!features().schema || !schemaInfo().dialects.includes('draft-07')) results.errors.push('schemaInfo() after init did not answer');
  results.codes = codes();
  const [cases, native] = await Promise.all(['requests', 'reports'].map((n) => fetch(`/vectors/${n}.json`).then((r) => r.json())));
  results.total = cases.length;
  for (const c of cases) {
    // The same explicit skips as the Node runner (see jsSkip in expect.mjs).
    const why = jsSkip(c);
    if (why) {
      results.skipped.push(`${c.key}: ${why}`);
      continue;
    }
    results.run++;
    const options = c.options === '' ? undefined : JSON.parse(c.options);
    const report = validate(c.operation, c.request, options);
    const got = `{"type":"success","report":${JSON.stringify(report)}}`;
    if (got !== native[c.key]) results.mismatches.push({ key: c.key, got, want: native[c.key] });
    if (isValid(c.operation, c.request, options) !== report.valid) results.mismatches.push({ key: c.key, isValid: true });
    // The object path (the npm fast path answers clean objects without the
    // engine): a request whose text is clean is clean as an object too.
    if (report.violations.length === 0) {
      let object;
      try {
        object = JSON.parse(c.request);
      } catch {
        object = undefined; // text the engine reads and JSON.parse does not (a byte order mark)
      }
      if (object !== null && typeof object === 'object' && !Array.isArray(object)) {
        results.objects++;
        if (JSON.stringify(validate(c.operation, object, options)) !== JSON.stringify(report)) results.mismatches.push({ key: c.key, object: true });
        if (!isValid(c.operation, object, options)) results.mismatches.push({ key: c.key, object: true, isValid: true });
      }
    }
    const verdict = judge(c, report);
    if (verdict.expectedFailure && verdict.ok) results.expectedFailures++;
    if (!verdict.ok) results.mismatches.push({ key: c.key, problems: verdict.problems });
  }
  for (const c of limitCases()) {
    const verdict = judge(c, validate(c.operation, c.request));
    if (!verdict.ok) results.mismatches.push({ key: c.key, problems: verdict.problems });
  }
  const mw = iotJobsPolicyMiddleware({ now: null });
  let sent = 0;
  const next = async () => (sent++, { output: {} });
  try {
    await mw(next, { commandName: 'DescribeJobCommand' })({ input: { jobId: 'a b' } });
    results.errors.push('middleware let an invalid request through');
  } catch (e) {
    if (e.name !== 'InvalidRequestException' || e.$fault !== 'client') results.errors.push(`middleware: ${e.name}`);
  }
  await mw(next, { commandName: 'DescribeJobCommand' })({ input: { jobId: 'ok' } });
  await mw(next, { commandName: 'ListThingsCommand' })({ input: { anything: 'a b' } });
  if (sent !== 2) results.errors.push(`middleware sent ${sent} of 2`);
}

main()
  .catch((e) => results.errors.push(`${e && e.name}: ${e && e.message}`))
  .finally(() => {
    out.textContent = JSON.stringify({ ...results, codes: undefined }, null, 1);
    window.__results = results;
  });

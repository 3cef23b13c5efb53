// Runs in the browser: init(), then every vector case through validate(),
// compared byte for byte with the native Rust answer.
import { init, initSync, validate, isValid, codes, schemaInfo, features } from '/pkg/web.mjs';
import { iotJobsPolicyMiddleware } from '/pkg/aws-sdk.web.mjs';
import { judge, limitCases, jsSkip } from './expect.mjs';

const out = document.getElementById('out');
const results = { errors: [], mismatches: [], skipped: [], run: 0, total: 0, expectedFailures: 0 };

async function main() {
  const mode = new URLSearchParams(location.search).get('mode') || 'async';
  try {
    validate('CreateJob', {});
    results.errors.push('validate before init did not throw');
  } catch (e) {
    if (e.code !== 'notInitialized') results.errors.push(`before init: ${e.code} ${e.message}`);
  }
  if (mode === 'sync') {
    const bytes = await (await fetch('/pkg/iot_jobs_policy_bg.wasm')).arrayBuffer();
    initSync(bytes);
    // Without `{ extras }` the second module is not loaded: its functions say so.
    try {
      schemaInfo();
      results.errors.push('schemaInfo before the extras were loaded did not throw');
    } catch (e) {
      if (e.code !== 'notInitialized') results.errors.push(`schemaInfo before extras: ${e.code} ${e.message}`);
    }
    const extras = await (await fetch('/pkg/iot_jobs_policy_extras_bg.wasm')).arrayBuffer();
    initSync(bytes, { extras });
  } else {
    await init();
  }
  // Both modules are ready now (init() loads both; initSync with `extras`).
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

// Shared by the Node vector runner and the browser page (no Node imports).

/**
 * What is wrong with `report` against a case's `expect` (tests/vectors/README.md):
 * `valid`, the exact ordered list of {code, path, severity} (and `rule` where
 * the expectation gives one), and `awsMessage` when given. [] when it matches.
 */
export function mismatches(report, expect) {
  const out = [];
  if (report.valid !== expect.valid) out.push(`valid: expected ${expect.valid}, got ${report.valid}`);
  const want = expect.violations.map((v) => (v.rule === undefined ? [v.code, v.path, v.severity] : [v.code, v.path, v.severity, v.rule]));
  const got = report.violations.map((v, i) => {
    const w = expect.violations[i];
    return w && w.rule !== undefined ? [v.code, v.path, v.severity, v.rule] : [v.code, v.path, v.severity];
  });
  if (JSON.stringify(got) !== JSON.stringify(want)) out.push(`violations: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  if (expect.awsMessage !== undefined && report.awsMessage !== expect.awsMessage) {
    out.push(`awsMessage: expected ${JSON.stringify(expect.awsMessage)}, got ${JSON.stringify(report.awsMessage)}`);
  }
  return out;
}

/**
 * Applies the expected-failure list: a listed case must fail its expectation
 * (else the list is stale), an unlisted one must pass. Answers
 * {ok, expectedFailure, problems}.
 */
export function judge(c, report) {
  const problems = mismatches(report, c.expect);
  if (c.expectedFailure !== undefined) {
    return problems.length > 0
      ? { ok: true, expectedFailure: true, problems }
      : { ok: false, expectedFailure: true, problems: [`listed in expected-failures.txt (${c.expectedFailure}) but passes: remove it from the list`] };
  }
  return { ok: problems.length === 0, expectedFailure: false, problems };
}

/**
 * The two 1 MiB cases the vectors README asks every runner to build in code
 * (DescribeJob, default options): exactly 1 048 576 bytes is valid, one more
 * byte is `tooLarge`.
 */
export function limitCases() {
  const head = '{"jobId":"job-1"';
  const make = (size) => head + ' '.repeat(size - head.length - 1) + '}';
  return [
    { key: '(built in)#1 MiB exactly', operation: 'DescribeJob', options: '', request: make(1048576), expect: { valid: true, violations: [] } },
    { key: '(built in)#1 MiB + 1 byte', operation: 'DescribeJob', options: '', request: make(1048577), expect: { valid: false, violations: [{ code: 'tooLarge', path: '', severity: 'error' }] } },
  ];
}

/**
 * Cases the JS package cannot run, each with the reason (counted and printed
 * by every runner, never silent):
 * - `requestBase64`: JavaScript strings are UTF-16, so raw bytes that are not
 *   UTF-8 cannot be passed as a request; they run in the Rust and
 *   wasm-bindgen tests instead.
 * - `documentSchema`: the caller's job-document schema needs the Cargo
 *   feature `document-schema` (jsonschema, about 620 KB gzipped), which the
 *   default npm package leaves out; those cases run natively.
 */
export function jsSkip(c) {
  if (c.requestBytes !== undefined) return 'requestBase64: non-UTF-8 bytes cannot be a JS string';
  if (c.documentSchema !== undefined) return 'documentSchema: the document-schema feature is not in the default npm build';
  return null;
}

// The native CLI's `--format sarif` output, checked from the outside:
// - it validates against the official SARIF 2.1.0 JSON Schema (OASIS,
//   sarif-2.1.0-rtm.5, as shipped by the devDependency @microsoft/jest-sarif;
//   a draft-04 schema, hence ajv-draft-04);
// - one result per violation of `--format json`, in the same order, with the
//   rule ids and help links of `iot-jobs-policy rules`;
// - each result's region (byteOffset, startLine, startColumn in code points)
//   points at the right text: recomputed here from the file's bytes and from
//   an independent scan of the JSON (the key of an unknown or duplicate
//   member, the object missing a required member, the offending value
//   otherwise).
// Runs on examples/requests/*.json and on a temporary set of files (CRLF line
// ends, multi-byte characters, a byte order mark, nesting, a duplicate key,
// broken JSON), both given to the tool as globs.
//
// The binary is target/debug/iot-jobs-policy (CARGO_TARGET_DIR honoured),
// built by `cargo test`/`cargo build --locked` (.ci/js-tests builds it).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import Ajv04 from 'ajv-draft-04';
import { ROOT } from './helpers.mjs';

const require = createRequire(import.meta.url);
const BIN = path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'debug', 'iot-jobs-policy');
const SARIF_SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

assert.ok(fs.existsSync(BIN), `${BIN} is missing: run cargo build --locked`);

function run(args, cwd) {
  const r = spawnSync(BIN, args, { cwd, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return r.stdout;
}

function sarifValidator() {
  // The schema's patterns are ECMA-262 without the `u` flag (one of them,
  // for `language`, is not valid with it), and it uses three formats.
  const ajv = new Ajv04({ strict: false, unicodeRegExp: false, allErrors: true });
  const isUri = (s) => {
    try {
      return new URL(s).protocol !== '';
    } catch {
      return false;
    }
  };
  ajv.addFormat('uri', isUri);
  ajv.addFormat('uri-reference', (s) => isUri(s) || isUri(new URL(s, 'file:///base/').href));
  ajv.addFormat('date-time', (s) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(s));
  return ajv.compile(SARIF_SCHEMA);
}

/**
 * An independent map of a JSON text: RFC 6901 pointer -> byte offsets of its
 * value and of every occurrence of its key. Throws on malformed JSON.
 */
function positions(text) {
  const map = new Map();
  const bytes = (i) => Buffer.byteLength(text.slice(0, i), 'utf8');
  let i = 0;
  const ws = () => {
    while (/[ \t\r\n]/.test(text[i] ?? '')) i++;
  };
  const entry = (p) => {
    if (!map.has(p)) map.set(p, { value: undefined, keys: [] });
    return map.get(p);
  };
  const str = () => {
    const start = i;
    assert.equal(text[i], '"');
    i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const value = (p) => {
    ws();
    entry(p).value = bytes(i);
    if (text[i] === '{') {
      i++;
      ws();
      if (text[i] === '}') return i++;
      for (;;) {
        ws();
        const keyAt = bytes(i);
        const key = str();
        const child = `${p}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        entry(child).keys.push(keyAt);
        ws();
        assert.equal(text[i++], ':');
        value(child);
        ws();
        if (text[i++] === '}') return;
      }
    } else if (text[i] === '[') {
      i++;
      ws();
      if (text[i] === ']') return i++;
      for (let n = 0; ; n++) {
        value(`${p}/${n}`);
        ws();
        if (text[i++] === ']') return;
      }
    } else if (text[i] === '"') {
      str();
    } else {
      const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
      if (!m) throw new SyntaxError(`not JSON at ${i}`);
      i += m[0].length;
    }
  };
  value('');
  ws();
  if (i !== text.length) throw new SyntaxError('trailing text');
  return map;
}

/** Line and column (1-based, column in code points) of a byte offset; CRLF, LF and CR end a line. */
function lineColumn(buf, offset) {
  // A leading byte-order mark is not a column (the CLI counts from after it).
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const before = buf.subarray(Math.min(bom, offset), offset).toString('utf8');
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: [...lines[lines.length - 1]].length + 1 };
}

const parent = (pointer) => pointer.slice(0, pointer.lastIndexOf('/'));

/** Checks one SARIF log against the files under `cwd` and the JSON reports of the same run. */
function checkLog(log, jsonLines, cwd, rulesById) {
  const validateSarif = sarifValidator();
  assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2));
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const [runLog] = log.runs;
  const driverRules = runLog.tool.driver.rules;
  for (const r of driverRules) {
    assert.ok(rulesById.has(r.id), `driver rule ${r.id} is not in \`rules\``);
    assert.equal(r.helpUri, rulesById.get(r.id).link, r.id);
  }
  // One result per violation, file by file, in the JSON output's order.
  const expected = jsonLines.flatMap(({ file, report }) => report.violations.map((v) => ({ file, v })));
  assert.equal(runLog.results.length, expected.length, 'one result per violation');
  let checked = 0;
  runLog.results.forEach((result, n) => {
    const { file, v } = expected[n];
    const where = `${file} ${v.rule} ${JSON.stringify(v.path)}`;
    assert.equal(result.ruleId, v.rule, where);
    assert.equal(driverRules[result.ruleIndex].id, v.rule, `${where}: ruleIndex`);
    assert.equal(result.level, v.severity === 'error' ? 'error' : 'warning', where);
    assert.equal(result.properties.path, v.path, where);
    const loc = result.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, file, where);
    const region = loc.region;
    const buf = fs.readFileSync(path.resolve(cwd, file));
    assert.ok(region.byteOffset >= 0 && region.byteOffset <= buf.length, `${where}: offset ${region.byteOffset} outside the file`);
    assert.deepEqual({ line: region.startLine, column: region.startColumn }, lineColumn(buf, region.byteOffset), `${where}: line/column disagree with byteOffset`);
    // The text at the offset is the right one (not for text-level errors,
    // which point where the reading stopped).
    if (v.rule.startsWith('input.') && v.rule !== 'input.duplicateKey' && v.rule !== 'input.numberTooLarge') return;
    let bom = 0;
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) bom = 3;
    const map = positions(buf.subarray(bom).toString('utf8'));
    const at = region.byteOffset - bom;
    if (v.code === 'unknownField') {
      assert.ok(map.get(v.path)?.keys.includes(at), `${where}: not at the member's key`);
    } else if (v.code === 'duplicateKey') {
      assert.ok(map.get(v.path)?.keys.slice(1).includes(at), `${where}: not at a repeated key`);
    } else if (v.code === 'required') {
      assert.equal(at, map.get(parent(v.path))?.value, `${where}: not at the object missing the member`);
    } else {
      assert.equal(at, map.get(v.path)?.value, `${where}: not at the offending value`);
    }
    checked++;
  });
  return checked;
}

function rulesById() {
  const list = JSON.parse(run(['rules', '--format', 'json'], ROOT));
  return new Map(list.map((r) => [r.id, r]));
}

function jsonReports(args, cwd) {
  return run([...args, '--format', 'json'], cwd)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));
}

test('SARIF for examples/requests/*.json is valid SARIF 2.1.0 and points at the right text', () => {
  const args = ['validate', 'CreateJob', 'examples/requests/*.json'];
  const log = JSON.parse(run([...args, '--format', 'sarif'], ROOT));
  const lines = jsonReports(args, ROOT);
  assert.deepEqual(lines.map((l) => l.file), ['examples/requests/create-job-broken.json', 'examples/requests/create-job-valid.json']);
  const checked = checkLog(log, lines, ROOT, rulesById());
  assert.ok(checked >= 3, `only ${checked} regions checked`);
});

test('SARIF for a file set with CRLF, multi-byte text, a BOM, nesting, a duplicate key and broken JSON', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iot-jobs-policy-sarif-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const arn = 'arn:aws:iot:us-east-1:123456789012:thing/t';
  const files = {
    'crlf.job.json': '{\r\n  "jobId": "café 🚀",\r\n  "targets": []\r\n}\r\n',
    'bom.job.json': `\uFEFF{"jobId": "日本語", "targets": ["${arn}"], "document": "{}"}`,
    'dup.job.json': `{"jobId":"a","jobId":"b","targets":["${arn}"],"document":"{}"}`,
    'nested.job.json': [
      '{',
      `  "targets": ["${arn}"],`,
      '  "timeoutConfig": {"inProgressTimeoutInMinutes": 0},',
      '  "tags": [{"Key": "ünï", "Value": "x"}, {"Key": ""}],',
      '  "abortConfig": {"criteriaList": [{"action": "CANCEL", "failureType": "FAILED",',
      '    "minNumberOfExecutedThings": 1, "thresholdPercentage": 1.234, "bogus": 1}]}',
      '}',
      '',
    ].join('\n'),
    'broken.job.json': '{"jobId": "x", ',
    'valid.job.json': `{"jobId": "ok", "targets": ["${arn}"], "document": "{}"}\n`,
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const args = ['validate', 'CreateJob', '*.job.json'];
  const log = JSON.parse(run([...args, '--format', 'sarif'], dir));
  const lines = jsonReports(args, dir);
  assert.equal(lines.length, Object.keys(files).length);
  const checked = checkLog(log, lines, dir, rulesById());
  const codes = new Set(lines.flatMap((l) => l.report.violations.map((v) => v.code)));
  for (const c of ['unknownField', 'duplicateKey', 'required', 'pattern', 'minItems', 'decimalPlaces', 'invalidJson']) {
    assert.ok(codes.has(c), `the file set no longer exercises ${c}: ${[...codes]}`);
  }
  assert.ok(checked >= 8, `only ${checked} regions checked`);
});

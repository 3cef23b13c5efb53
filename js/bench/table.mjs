// Issue #12's table, from the figures of one `make bench` run (.ci/bench):
// criterion's estimates (the Rust validator with the `jsonschema` peer, the
// transition function), `bench.mjs --json` (npm with the ajv peers, the cold
// start, the sizes), `browser-first.mjs --json` (Chromium) and the machine
// bench's state size. Every ratio sets two figures of the SAME run side by
// side. Prints Markdown and writes it to <dir>/TABLE.md.
//
//   node js/bench/table.mjs <bench dir> <criterion dir>
//
// A missing input is a hard error (the run is incomplete), never a blank;
// .ci/bench deletes the previous run's JSON and criterion figures first.
import fs from 'node:fs';
import path from 'node:path';

const [dir, criterionDir] = process.argv.slice(2);
if (!dir || !criterionDir) {
  console.error('usage: node js/bench/table.mjs <bench dir> <criterion dir>');
  process.exit(2);
}

/** @param {string} file */
const readJson = (file) => {
  if (!fs.existsSync(file)) throw new Error(`missing ${file}: did every step of .ci/bench run?`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
};

// criterion: <criterionDir>/<group>/<function>/new/{benchmark,estimates}.json;
// the directory names are sanitised, so match on benchmark.json's ids.
/** @type {Map<string, number>} "group/function" -> median in ns */
const criterion = new Map();
for (const group of fs.existsSync(criterionDir) ? fs.readdirSync(criterionDir) : []) {
  const gdir = path.join(criterionDir, group);
  if (!fs.statSync(gdir).isDirectory()) continue;
  for (const fn of fs.readdirSync(gdir)) {
    const bench = path.join(gdir, fn, 'new', 'benchmark.json');
    const est = path.join(gdir, fn, 'new', 'estimates.json');
    if (!fs.existsSync(bench) || !fs.existsSync(est)) continue;
    const id = readJson(bench);
    criterion.set(`${id.group_id}/${id.function_id}`, readJson(est).median.point_estimate);
  }
}
/** @param {string} id */
const ns = (id) => {
  const v = criterion.get(id);
  if (v === undefined) throw new Error(`criterion has no figure for ${id} in ${criterionDir}`);
  return v;
};

const npm = readJson(path.join(dir, 'npm.json'));
const browser = readJson(path.join(dir, 'browser.json'));
const state = readJson(path.join(dir, 'machine-state.json'));
/** @param {string} prefix */
const row = (prefix) => {
  const r = npm.rows?.find((/** @type {{name: string}} */ x) => x.name.startsWith(prefix));
  if (!r) throw new Error(`bench.mjs has no row starting ${JSON.stringify(prefix)}`);
  return r.median; // the median round, beside criterion's median
};

const us = (x) => `${x.toFixed(2)} µs`;
const ms = (x) => `${x.toFixed(2)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const verdict = (ok) => (ok ? 'met' : '**not met**');

const native = ns('create_job_typical/iot_jobs_policy::validate_str') / 1000;
const peerValid = ns('create_job_typical/jsonschema (parse + is_valid)') / 1000;
const ten = ns('create_job_ten_errors/iot_jobs_policy::validate_str') / 1000;
const tenPeer = ns('create_job_ten_errors/jsonschema (parse + iter_errors)') / 1000;
const nativeNode = ns('node_bench_request/valid (iot_jobs_policy::validate_str)') / 1000;
const nativeBroken = ns('node_bench_request/broken sample (iot_jobs_policy::validate_str)') / 1000;
// The fleet of this run (FLEET=… changes it; criterion keeps every size's figures).
const machineS = ns(`machine/snapshot_job_${state.fleet}_things_to_completion`) / 1e9;

const vString = row('validate(string)');
const ajvString = row('ajv, allErrors (string');
const vObject = row('validate(object)');
const isValidObject = row('isValid(object)');
const ajvObject = row('ajv, allErrors (object)');
const broken = row('validate(object), invalid request');
const KB = 1000; // "100 KB" read strictly as 100,000 bytes (zlib level 9, as bench.mjs measures)

const rows = [
  ['native, typical valid CreateJob, `&str` to report', '≤ 1.5 µs and ≥ 3× faster than `jsonschema` parse + `is_valid`',
    us(native), `jsonschema ${us(peerValid)}`, `${ratio(peerValid, native)} faster`, verdict(native <= 1.5 && peerValid / native >= 3)],
  ['native, ten violations (messages, AWS text, positions)', '≤ 5 µs',
    us(ten), `jsonschema parse + iter_errors ${us(tenPeer)}`, `${ratio(tenPeer, ten)} faster`, verdict(ten <= 5)],
  ['npm `validate(string)` in Node', 'faster than ajv `JSON.parse` + validate; ≤ 2× native',
    us(vString), `ajv ${us(ajvString)}; native (same text) ${us(nativeNode)}`, `${ratio(vString, ajvString)} ajv; ${ratio(vString, nativeNode)} native`,
    vString < ajvString && vString <= 2 * nativeNode
      ? 'met'
      : vString <= 2 * nativeNode
        ? '**not met** (≤ 2× native met)'
        : vString < ajvString
          ? '**not met** (faster than ajv met)'
          : verdict(false)],
  ['npm `validate(object)` / `isValid(object)`', '≤ 1× ajv allErrors (stretch); ≤ 2× in any case',
    `${us(vObject)} / ${us(isValidObject)}`, `ajv ${us(ajvObject)}`, `${ratio(vObject, ajvObject)} / ${ratio(isValidObject, ajvObject)}`,
    Math.max(vObject, isValidObject) <= ajvObject ? 'met (stretch too)' : verdict(Math.max(vObject, isValidObject) <= 2 * ajvObject) + ' (stretch not met)'],
  ['npm invalid request (the broken sample)', '≤ 5× the valid path',
    us(broken), `valid object ${us(vObject)}; valid string ${us(vString)}; native broken ${us(nativeBroken)}`,
    `${ratio(broken, vObject)} object; ${ratio(broken, vString)} string`,
    broken <= 5 * vObject ? 'met' : broken <= 5 * vString ? '**not met** against the object path (met against the string path)' : verdict(false)],
  [`cold start, Node (require + first validate), median of ${npm.cold.runs}`, '≤ 5 ms; first validate ≤ 1 ms',
    `${ms(npm.cold.total)} (require ${ms(npm.cold.load)} + first ${ms(npm.cold.first)})`, '–', '–',
    npm.cold.total <= 5 && npm.cold.first <= 1
      ? 'met'
      : npm.cold.total <= 5
        ? '**not met** (the total met)'
        : npm.cold.first <= 1
          ? '**not met** (the first validate met)'
          : verdict(false)],
  [`browser, first validate after \`init()\` (Chromium ${browser.chromium}, median of ${browser.runs})`, 'measured, reported',
    ms(browser.first), `init() ${ms(browser.init)}; second validate ${ms(browser.second)}`, '–', 'reported'],
  ['core .wasm, gzipped (zlib 9)', '≤ 100 KB', `${npm.sizes.coreGzip.toLocaleString('en-US')} B`, '–', '–', verdict(npm.sizes.coreGzip <= 100 * KB)],
  ['extras .wasm (browsers\' copy), gzipped (zlib 9)', '≤ 120 KB', `${npm.sizes.extrasGzip.toLocaleString('en-US')} B`, '–', '–', verdict(npm.sizes.extrasGzip <= 120 * KB)],
  [`transition function, ${state.fleet.toLocaleString('en-US')} things to completion`, '≤ 0.4 s; ≤ 64 B a thing',
    `${machineS.toFixed(3)} s; ${state.bytesPerThingAtCreation} B a thing (${state.bytesPerThingAtEnd} at the end)`, '–', '–',
    state.fleet === 1_000_000
      ? verdict(machineS <= 0.4 && state.bytesPerThingAtCreation <= 64 && state.bytesPerThingAtEnd <= 64)
      : 'n/a (the goal is for 1,000,000 things; FLEET was set)'],
];

const loads = (/** @type {number[]} */ l) => l.map((x) => x.toFixed(1)).join(' ');
let out = `## Issue #12's table (one \`make bench\` run)\n\n`;
out += `Node ${npm.node}; load average after the npm bench ${loads(npm.load)}, after the browser bench ${loads(browser.load)}. Medians: criterion's median estimate; bench.mjs's median of five 0.4 s rounds.\n\n`;
out += '| surface | goal | measured | peer, same run | ratio | |\n|---|---|---|---|---|---|\n';
for (const r of rows) out += `| ${r.join(' | ')} |\n`;
if (npm.failures?.length) out += `\nbench.mjs budgets exceeded: ${npm.failures.join('; ')}\n`;
process.stdout.write(out);
fs.writeFileSync(path.join(dir, 'TABLE.md'), out);

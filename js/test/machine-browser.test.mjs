// The transition function in headless Chromium (Playwright, the system
// browser): a page loads pkg/web.mjs, runs every machine vector through the
// Job class with the Node runner's checks (test/shared/machine-runner.mjs),
// byte for byte against native Rust, and snapshots handed over between
// Chromium and Node (and so Rust) continue identically.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { JS, PKG, ROOT, VECTORS } from './helpers.mjs';
import { runMachineVectors } from './shared/machine-runner.mjs';
import { pageResults, serve } from './shared/chromium.mjs';

// The bundled replay scenarios, with their list (the page cannot list a directory).
const SCENARIOS = path.join(ROOT, 'examples', 'scenarios');
const scenarioDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iot-jobs-policy-scenarios-'));
const scenarioNames = fs.readdirSync(SCENARIOS).filter((f) => f.endsWith('.json')).sort();
for (const f of scenarioNames) fs.copyFileSync(path.join(SCENARIOS, f), path.join(scenarioDir, f));
fs.writeFileSync(path.join(scenarioDir, 'index.json'), JSON.stringify(scenarioNames));
test.after(() => fs.rmSync(scenarioDir, { recursive: true, force: true }));
// The bundled simulations, likewise.
const SIMULATIONS = path.join(ROOT, 'examples', 'simulations');
const simulationDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iot-jobs-policy-simulations-'));
const simulationNames = fs.readdirSync(SIMULATIONS).filter((f) => f.endsWith('.json')).sort();
for (const f of simulationNames) fs.copyFileSync(path.join(SIMULATIONS, f), path.join(simulationDir, f));
fs.writeFileSync(path.join(simulationDir, 'index.json'), JSON.stringify(simulationNames));
test.after(() => fs.rmSync(simulationDir, { recursive: true, force: true }));

const { base } = await serve({ '/pkg/': PKG, '/test/': path.join(JS, 'test'), '/vectors/': VECTORS, '/scenarios/': scenarioDir, '/simulations/': simulationDir });

const data = JSON.parse(fs.readFileSync(path.join(VECTORS, 'machine.json'), 'utf8'));

test('every machine vector in Chromium matches its expectations and native Rust byte for byte', async () => {
  const { results, logs } = await pageResults(`${base}/test/browser/machine.html`, { timeout: 60_000 });
  assert.deepEqual(results.errors, [], logs.join('\n'));
  assert.deepEqual(results.failures, []);
  assert.deepEqual(results.mismatches, [], JSON.stringify(results.mismatches.slice(0, 5), null, 1));
  assert.deepEqual(results.misuse, []);
  // replay() in Chromium: the bundled scenarios as Node's replay() answers them.
  const nodePkg = await import(path.join(PKG, 'index.mjs'));
  assert.deepEqual(Object.keys(results.replays), scenarioNames);
  for (const name of scenarioNames) {
    const text = fs.readFileSync(path.join(SCENARIOS, name), 'utf8');
    assert.equal(results.replays[name], JSON.stringify(nodePkg.replay(text), null, 2), name);
  }
  assert.deepEqual(results.malformed, { name: 'TypeError', code: 'invalidEvent', index: 0, field: 'thingNmae' });
  // simulate() in Chromium: the bundled simulations as Node's simulate() answers them.
  assert.deepEqual(Object.keys(results.simulations), simulationNames);
  for (const name of simulationNames) {
    const text = fs.readFileSync(path.join(SIMULATIONS, name), 'utf8');
    assert.equal(results.simulations[name], JSON.stringify(nodePkg.simulate(text, { trials: 20 })), name);
  }
  assert.equal(results.simulationMerged, true);
  // simulateAsync in a browser: 4 × 2 shards in turn, the same summary.
  assert.equal(results.simulationAsync.same, true);
  assert.equal(results.simulationAsync.progress.length, 8);
  assert.deepEqual(results.simulationAsync.progress.at(-1), [20, 20]);
  assert.equal(results.simulationAborted, 'AbortError');
  assert.deepEqual(results.simulationMalformed, { name: 'TypeError', code: 'invalidSimulation', pointer: '/fleetSize' });
  assert.equal(results.run, data.length);
  assert.ok(results.interop > 10);
  // Chromium's snapshots after the middle step are Rust's (byte for byte,
  // checked above) and Node's: a Node job restored from them ends where
  // Rust does.
  const node = nodePkg;
  const byKey = new Map(data.map((d) => [d.key, d]));
  assert.ok(results.handoffs.length > 10);
  for (const h of results.handoffs) {
    const job = node.Job.fromSnapshot(h.snapshot);
    for (const s of h.steps) {
      if (s.event.type !== 'advance') {
        try {
          job.advance(s.at);
        } catch (e) {
          if (!(e instanceof node.MachineError)) throw e;
          continue;
        }
      }
      try {
        job.apply(s.at, s.event);
      } catch (e) {
        if (!(e instanceof node.MachineError)) throw e;
      }
    }
    assert.equal(job.toSnapshot(), byKey.get(h.key).rust.final.snapshot, h.key);
  }
  // And the Node run agrees with the browser's on every handoff.
  const nodeRun = runMachineVectors(node, data);
  assert.deepEqual(nodeRun.handoffs, results.handoffs);
  console.log(`# machine vectors (Chromium): ${results.run} cases, ${results.interop} resumed from Rust snapshots, ${results.handoffs.length} Chromium snapshots resumed in Node`);
});

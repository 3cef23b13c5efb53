// Runs in the browser: init(), then every machine vector through the Job
// class of the web entry, compared byte for byte with native Rust.
import { init, initExtras, Job, MachineError, eventTypes, replay, simulate, mergeShards, simulateAsync } from '/pkg/web.mjs';
import { runMachineVectors, checkMisuse } from '../shared/machine-runner.mjs';

const results = { errors: [], failures: [], mismatches: [], run: 0, interop: 0, handoffs: [] };

async function main() {
  try {
    Job.create({ jobId: 'j', targets: [], document: '{}' });
    results.errors.push('Job.create before init did not throw');
  } catch (e) {
    if (e.code !== 'notInitialized') results.errors.push(`before init: ${e.code} ${e.message}`);
  }
  await init();
  // init() loads the core only: Job needs the extras, and says how to load them.
  try {
    Job.create({ jobId: 'j', targets: [], document: '{}' });
    results.errors.push('Job.create before initExtras did not throw');
  } catch (e) {
    if (e.code !== 'notInitialized' || !e.message.includes('initExtras()')) results.errors.push(`before initExtras: ${e.code} ${e.message}`);
  }
  try {
    replay('{}');
    results.errors.push('replay before initExtras did not throw');
  } catch (e) {
    if (e.code !== 'notInitialized') results.errors.push(`replay before initExtras: ${e.code} ${e.message}`);
  }
  await initExtras();
  // replay(): the bundled scenarios (the Node test compares them with Node's
  // replay(), itself byte for byte the native CLI's) and a malformed event.
  results.replays = {};
  for (const name of await fetch('/scenarios/index.json').then((r) => r.json())) {
    const text = await fetch(`/scenarios/${name}`).then((r) => r.text());
    results.replays[name] = JSON.stringify(replay(text), null, 2);
  }
  try {
    replay({ job: { jobId: 'j', document: '{}', targets: ['arn:aws:iot:us-east-1:123456789012:thing/t1'] }, events: [{ at: 1, type: 'thingAdded', thingNmae: 't' }] });
    results.errors.push('a malformed event did not throw');
  } catch (e) {
    results.malformed = { name: e.name, code: e.code, index: e.index, field: e.field };
  }
  // simulate(): the bundled simulations, few trials (the Node test compares
  // them with Node's simulate(), itself the native CLI's bytes); shards
  // merged; simulateAsync's shards in turn, with progress and abort.
  results.simulations = {};
  for (const name of await fetch('/simulations/index.json').then((r) => r.json())) {
    const text = await fetch(`/simulations/${name}`).then((r) => r.text());
    results.simulations[name] = JSON.stringify(simulate(text, { trials: 20 }));
  }
  const first = Object.keys(results.simulations)[0];
  const firstText = await fetch(`/simulations/${first}`).then((r) => r.text());
  const shards = [1, 2, 3].map((i) => simulate(firstText, { trials: 20, shard: [i, 3] }));
  results.simulationMerged = JSON.stringify(mergeShards(shards)) === results.simulations[first];
  const progress = [];
  const asyncSummary = await simulateAsync(firstText, { trials: 20, threads: 2, onProgress: (d, n) => progress.push([d, n]) });
  results.simulationAsync = { same: JSON.stringify(asyncSummary) === results.simulations[first], progress };
  const ac = new AbortController();
  try {
    await simulateAsync(firstText, { trials: 20, signal: ac.signal, onProgress: () => ac.abort() });
    results.errors.push('an aborted simulateAsync resolved');
  } catch (e) {
    results.simulationAborted = e.name;
  }
  try {
    simulate({ job: { jobId: 'j', document: '{}', targets: ['arn:aws:iot:us-east-1:123456789012:thing/t1'] }, fleetSize: 'many' });
    results.errors.push('a malformed simulation did not throw');
  } catch (e) {
    results.simulationMalformed = { name: e.name, code: e.code, pointer: e.pointer };
  }
  const data = await fetch('/vectors/machine.json').then((r) => r.json());
  const r = runMachineVectors({ Job, MachineError, eventTypes }, data);
  Object.assign(results, { failures: r.failures, mismatches: r.mismatches, run: r.run, interop: r.interop, handoffs: r.handoffs, finals: r.finals });
  results.misuse = checkMisuse({ Job, MachineError });
}

main()
  .catch((e) => results.errors.push(`${e && e.name}: ${e && e.message}\n${e && e.stack}`))
  .finally(() => {
    document.getElementById('out').textContent = JSON.stringify({ ...results, handoffs: results.handoffs.length, finals: undefined }, null, 1);
    window.__results = results;
  });

// `simulateAsync` in Node: the shards of a simulation spread over
// `worker_threads`. Each worker loads the package itself (the entry file
// that made it: index.cjs, or the bundle it went into) and runs
// `simulate(simulation, {shard: [i, k]})`; the main thread hands out the
// shards, reports progress as each completes and merges them with
// `mergeShards`, which gives the summary of the whole run byte for byte,
// whatever the number of threads or shards. An AbortSignal terminates the
// workers and rejects with an AbortError.
//
// `node:worker_threads` and `node:os` are required on the first call that
// uses workers, not imported: an ES module bundle of the package (which has
// no `require` unless the application's banner makes one) loads, and its
// simulateAsync runs the shards in turn.
import { usageError as misuse } from './core.js';
import { threadsOf } from './machine.js';
import { asyncArguments, rebuilt, runShards } from './shards.js';

/** What a worker runs: CommonJS, `require` of the package entry it is given. */
const WORKER = `'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const pkg = require(workerData.entry);
parentPort.on('message', (m) => {
  try {
    parentPort.postMessage({ shard: pkg.simulate(workerData.text, m.options) });
  } catch (e) {
    const error = { name: e && e.name, message: e && e.message };
    for (const k of ['code', 'pointer', 'index', 'rule', 'violations']) if (e && e[k] !== undefined) error[k] = e[k];
    parentPort.postMessage({ error });
  }
});
`;

/**
 * `simulateAsync` over worker threads, each loading the package file that
 * `entry()` names; when it names none (a bundle), `machine.simulateAsync`:
 * the shards in turn on the calling thread.
 * @param {import('./machine.js').MachineApi} machine
 * @param {() => string | undefined} entryOf
 * @returns {typeof import('../index.d.ts').simulateAsync}
 */
export function makeSimulateAsync(machine, entryOf) {
  return async function simulateAsync(simulation, options) {
    const entry = entryOf();
    if (entry === undefined) return machine.simulateAsync(simulation, options);
    /** @type {typeof import('node:worker_threads')} */
    const { Worker } = require('node:worker_threads');
    /** @type {typeof import('node:os')} */
    const os = require('node:os');
    const { signal, onProgress, threads, count, text, base } = asyncArguments(machine, simulation, options, () => threadsOf(os.availableParallelism()));
    return runShards({
      count,
      workers: threads,
      signal,
      onProgress,
      merge: machine.mergeShards,
      spawn(deliver, fail) {
        const w = new Worker(WORKER, { eval: true, workerData: { entry, text } });
        w.on('message', (/** @type {{ shard?: any, error?: any }} */ m) => (m.error !== undefined ? fail(rebuilt(m.error, machine.MachineError)) : deliver(m.shard)));
        w.on('error', fail);
        // After `stop()` the exit is expected (`fail` ignores it then).
        w.on('exit', (code) => fail(misuse('internal', `a simulation worker exited (code ${code})`)));
        return {
          run: (shard) => w.postMessage({ options: { ...base, shard } }),
          stop: () => void w.terminate(),
        };
      },
    });
  };
}

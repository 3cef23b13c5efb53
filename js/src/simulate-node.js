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
import { abortError, shardCount } from './machine.js';

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
 * The error a worker reported, rebuilt on this thread as the package throws
 * it (a TypeError with its code and members, or a MachineError).
 * @param {{ name?: string, message?: string, code?: string, pointer?: string, index?: number, rule?: string, violations?: unknown[] }} error
 * @param {typeof import('../index.d.ts').MachineError} MachineError
 * @returns {Error}
 */
function rebuilt(error, MachineError) {
  if (error.name === 'MachineError') {
    return new MachineError(/** @type {any} */ ({ code: error.code, message: error.message, rule: error.rule, violations: error.violations }));
  }
  const e = /** @type {TypeError & { code: string, pointer?: string, index?: number }} */ (misuse(error.code || 'internal', String(error.message)));
  if (error.pointer !== undefined) e.pointer = error.pointer;
  if (error.index !== undefined) e.index = error.index;
  return e;
}

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
    const o = options === undefined || options === null ? {} : options;
    if (typeof o !== 'object' || Array.isArray(o)) throw misuse('invalidOptions', 'the options must be an object such as {threads, onProgress, signal}');
    const { signal, onProgress } = o;
    if (onProgress !== undefined && typeof onProgress !== 'function') throw misuse('invalidOptions', '`onProgress` must be a function');
    const threads = o.threads === undefined || o.threads === null ? os.availableParallelism() : o.threads;
    const count = shardCount(threads);
    const text = machine.internal.simulationText(simulation);
    const base = { trials: o.trials, seed: o.seed };
    machine.internal.simulateOptionsText(base);
    if (signal && signal.aborted) throw abortError();
    return new Promise((resolve, reject) => {
      /** @type {import('node:worker_threads').Worker[]} */
      const workers = [];
      /** @type {any[]} */
      const shards = new Array(count);
      let next = 1;
      let finished = 0;
      let trialsDone = 0;
      let settled = false;
      const stop = () => {
        settled = true;
        if (signal) signal.removeEventListener('abort', onAbort);
        for (const w of workers) void w.terminate();
      };
      /** @param {unknown} e */
      const fail = (e) => {
        if (settled) return;
        stop();
        reject(e);
      };
      const onAbort = () => fail(abortError());
      if (signal) signal.addEventListener('abort', onAbort, { once: true });
      /** The shard each worker is running (from 1). @type {Map<import('node:worker_threads').Worker, number>} */
      const running = new Map();
      /** @param {import('node:worker_threads').Worker} w */
      const give = (w) => {
        if (next > count) return;
        running.set(w, next);
        w.postMessage({ options: { ...base, shard: [next, count] } });
        next += 1;
      };
      for (let t = 0; t < Math.min(threads, count); t++) {
        const w = new Worker(WORKER, { eval: true, workerData: { entry, text } });
        workers.push(w);
        w.on('message', (/** @type {{ shard?: any, error?: any }} */ m) => {
          if (settled) return;
          if (m.error !== undefined) return fail(rebuilt(m.error, machine.MachineError));
          const shard = m.shard;
          // An invalid job: its report, as simulate() gives it.
          if (shard.valid !== undefined) {
            stop();
            return resolve(shard);
          }
          shards[/** @type {number} */ (running.get(w)) - 1] = shard;
          finished += 1;
          trialsDone += shard.trialsRun;
          try {
            if (onProgress) onProgress(trialsDone, shard.trials);
            if (finished === count) {
              stop();
              return resolve(machine.mergeShards(shards));
            }
          } catch (e) {
            return fail(e);
          }
          give(w);
        });
        w.on('error', fail);
        w.on('exit', (code) => {
          if (!settled) fail(misuse('internal', `a simulation worker exited (code ${code})`));
        });
        give(w);
      }
    });
  };
}

// What Node's worker threads (simulate-node.js) and browsers' Web Workers
// (simulate-web.js) share in `simulateAsync`: the checks of its options,
// the hand-out of the shards to the workers, progress, abort and merge, and
// the rebuilding of an error a worker reported. Bundled into index.cjs and
// into the browsers' simulate-web.mjs chunk (not into core.mjs: a page that
// never runs workers does not load it).
import { usageError as misuse } from './core.js';
import { abortError, shardCount } from './machine.js';

/**
 * The error a worker reported, rebuilt on this thread as the package throws
 * it (a TypeError with its code and members, or a MachineError).
 * @param {{ name?: string, message?: string, code?: string, pointer?: string, index?: number, rule?: string, violations?: unknown[] }} error
 * @param {typeof import('../index.d.ts').MachineError} MachineError
 * @returns {Error}
 */
export function rebuilt(error, MachineError) {
  if (error.name === 'MachineError') {
    return new MachineError(/** @type {any} */ ({ code: error.code, message: error.message, rule: error.rule, violations: error.violations }));
  }
  const e = /** @type {TypeError & { code: string, pointer?: string, index?: number }} */ (misuse(error.code || 'internal', String(error.message)));
  if (error.pointer !== undefined) e.pointer = error.pointer;
  if (error.index !== undefined) e.index = error.index;
  return e;
}

/**
 * `simulateAsync`'s options and simulation, checked as `simulate` checks
 * them (the same errors, in the same order): the threads (`defaultThreads`
 * when not given), the shard count, the simulation's JSON text and the
 * options of each shard's `simulate`.
 * @param {import('./machine.js').MachineApi} machine
 * @param {unknown} simulation
 * @param {unknown} options
 * @param {() => number} defaultThreads
 */
export function asyncArguments(machine, simulation, options, defaultThreads) {
  const o = /** @type {import('../index.d.ts').SimulateAsyncOptions} */ (options === undefined || options === null ? {} : options);
  if (typeof o !== 'object' || Array.isArray(o)) throw misuse('invalidOptions', 'the options must be an object such as {threads, onProgress, signal}');
  const { signal, onProgress } = o;
  if (onProgress !== undefined && typeof onProgress !== 'function') throw misuse('invalidOptions', '`onProgress` must be a function');
  const threads = o.threads === undefined || o.threads === null ? defaultThreads() : o.threads;
  const count = shardCount(threads);
  const text = machine.internal.simulationText(simulation);
  const base = { trials: o.trials, seed: o.seed };
  machine.internal.simulateOptionsText(base);
  return { signal, onProgress, threads, count, text, base };
}

/**
 * One worker as `runShards` drives it.
 * @typedef {object} ShardWorker
 * @property {(shard: [number, number]) => void} run starts shard `[i, k]`
 * @property {() => void} stop terminates the worker
 */

/**
 * Runs shards 1 to `count` over `workers` workers made by `spawn` (which
 * is given what to call with a worker's shard, or with its failure), a
 * worker taking the next shard as it completes one; reports progress as
 * each completes and resolves with `merge` of them all, or with the first
 * shard that is an invalid job's report (as `simulate` answers it). The
 * first failure rejects; `signal` rejects with an AbortError. Either way,
 * and on success, every worker is stopped.
 * @param {{ count: number, workers: number, signal?: AbortSignal, onProgress?: (done: number, total: number) => void,
 *   spawn: (deliver: (shard: any) => void, fail: (e: unknown) => void) => ShardWorker, merge: (shards: any[]) => any }} options
 * @returns {Promise<any>}
 */
export function runShards({ count, workers: n, signal, onProgress, spawn, merge }) {
  return new Promise((resolve, reject) => {
    if (signal && signal.aborted) return reject(abortError());
    /** @type {ShardWorker[]} */
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
      for (const w of workers) w.stop();
    };
    /** @param {unknown} e */
    const fail = (e) => {
      if (settled) return;
      stop();
      reject(e);
    };
    const onAbort = () => fail(abortError());
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
    /**
     * Gives `w` the next shard, if any; answers the shard it runs (from 1).
     * @param {ShardWorker} w
     */
    const give = (w) => {
      if (next > count) return 0;
      const i = next;
      next += 1;
      w.run([i, count]);
      return i;
    };
    for (let t = 0; t < Math.min(n, count) && !settled; t++) {
      let running = 0;
      /** @type {ShardWorker} */
      let w;
      /** @param {any} shard */
      const deliver = (shard) => {
        if (settled) return;
        // An invalid job: its report, as simulate() gives it.
        if (shard.valid !== undefined) {
          stop();
          return resolve(shard);
        }
        shards[running - 1] = shard;
        finished += 1;
        trialsDone += shard.trialsRun;
        try {
          if (onProgress) onProgress(trialsDone, shard.trials);
          if (finished === count) {
            stop();
            return resolve(merge(shards));
          }
        } catch (e) {
          return fail(e);
        }
        running = give(w);
      };
      try {
        w = spawn(deliver, fail);
      } catch (e) {
        return fail(e);
      }
      workers.push(w);
      running = give(w);
    }
  });
}

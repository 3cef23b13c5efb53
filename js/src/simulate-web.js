// `simulateAsync` in browsers: the shards of a simulation spread over Web
// Workers. The worker is the extras module's web glue and a small message
// handler in one source text (made by js/tools/build-pkg.mjs and bundled
// into this chunk, which web.mjs imports on the first call that uses
// workers), started from a Blob URL as a module worker: no bundler needs to
// know of it and no worker fetches anything. Each worker is sent the extras
// `WebAssembly.Module` this page already compiled and the simulation's
// text, instantiates the module and answers `simulate`'s tagged JSON for
// each shard it is given; this thread parses the answers as `simulate`
// does (the same values, the same errors), hands out the shards, reports
// progress and merges them with `mergeShards` (shards.js, shared with
// Node's worker threads). The summary is `simulate`'s byte for byte.
//
// With one thread, or where workers cannot start (no `Worker`; a
// Content-Security-Policy without `worker-src blob:`, or `script-src blob:`
// when there is no worker-src; a browser that cannot send them the module;
// workers not all ready within `startup.timeout`), the shards run in turn
// on this thread (`machine.simulateAsync`), with the same result; after
// such a failure the page's later calls do not try workers again. An abort
// while the workers start terminates them and rejects with an AbortError
// (later calls try workers again).
//
// js/tools/build-pkg.mjs builds pkg/simulate-web.mjs from this file, a chunk
// that web.mjs imports on the first simulateAsync with more than one
// thread: shards.js and `#glue/extras-worker` (the worker's source) are
// bundled in; core.js and machine.js (here and in shards.js) are the
// package's core.mjs, the one copy of the shim that web.mjs loaded.
import workerSource from '#glue/extras-worker';
import { escapeLoneSurrogates, usageError as misuse } from './core.js';
import { abortError } from './machine.js';
import { asyncArguments, rebuilt, runShards } from './shards.js';

/**
 * How long the workers have to become ready, in milliseconds: a worker that
 * has not instantiated the extras module by then (one that never answers)
 * counts as workers that cannot start here, and the shards run in turn.
 * Starting is a Blob URL's script and an instantiation of a module already
 * compiled, so a generous 10 s is only reached when something is wrong. Not
 * a package option (the chunk is not among the package's exports): exported
 * for the browser tests, which shorten it.
 */
export const startup = { timeout: 10_000 };

/**
 * Starts `n` module workers from `source` and gives each the compiled
 * extras module and the simulation's text; answers them once every one has
 * instantiated the module, or undefined (the workers terminated) when one
 * cannot be constructed, cannot be sent the module (a `DataCloneError`),
 * fails or sends a message that cannot be read before it is ready, or when
 * they are not all ready within `timeout` ms. `signal` aborting meanwhile
 * rejects with an AbortError, the workers terminated. The Blob URL is
 * revoked on every path.
 * @param {string} source
 * @param {WebAssembly.Module} module
 * @param {string} text
 * @param {number} n
 * @param {AbortSignal | undefined} signal
 * @param {number} timeout
 * @returns {Promise<Worker[] | undefined>}
 */
function startWorkers(source, module, text, n, signal, timeout) {
  return new Promise((resolve, reject) => {
    /** @type {Worker[]} */
    const workers = [];
    /** @type {string | undefined} */
    let url;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    let settled = false;
    let pending = n;
    /**
     * Ends the start-up once: the timer and the abort listener gone, the
     * URL revoked (every worker has its script, or none is kept).
     * @param {boolean} keep whether the workers are kept (else terminated)
     */
    const end = (keep) => {
      if (settled) return false;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      if (signal) signal.removeEventListener('abort', onAbort);
      if (!keep) for (const w of workers) w.terminate();
      if (url !== undefined) URL.revokeObjectURL(url);
      return true;
    };
    const cannot = () => {
      if (end(false)) resolve(undefined);
    };
    function onAbort() {
      if (end(false)) reject(abortError());
    }
    try {
      url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      for (let i = 0; i < n; i++) {
        const w = new Worker(url, { type: 'module' });
        workers.push(w);
        w.onmessage = (/** @type {MessageEvent} */ e) => {
          if (e.data === null || typeof e.data !== 'object' || e.data.ready !== true) return cannot();
          pending -= 1;
          if (pending === 0 && end(true)) resolve(workers);
        };
        w.onerror = (/** @type {ErrorEvent} */ e) => {
          e.preventDefault();
          cannot();
        };
        w.onmessageerror = cannot;
        w.postMessage({ module, text });
      }
    } catch {
      return cannot();
    }
    if (signal) {
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
    }
    timer = setTimeout(cannot, timeout);
  });
}

/**
 * Whether workers failed to start once: later calls run in turn at once
 * (a CSP that refuses blob: workers refuses them every time, and reports
 * each refusal on the console).
 */
let cannotStart = false;

/**
 * `simulateAsync` over Web Workers (see above).
 * @param {import('./machine.js').MachineApi} machine
 * @param {() => WebAssembly.Module} compiled the extras module as this page
 *   compiled it (throws `notInitialized` before `initExtras()`)
 * @param {unknown} simulation
 * @param {unknown} options `simulateAsync`'s
 * @param {number} threadsByDefault the threads when `options` gives none
 *   (web.mjs: `navigator.hardwareConcurrency`)
 * @returns {Promise<any>}
 */
export async function simulateOverWorkers(machine, compiled, simulation, options, threadsByDefault) {
  const { signal, onProgress, threads, count, text, base } = asyncArguments(machine, simulation, options, () => threadsByDefault);
  /** In turn on this thread, with the same shards. */
  const inTurn = () => machine.simulateAsync(/** @type {any} */ (simulation), { trials: base.trials, seed: base.seed, threads, onProgress, signal });
  if (threads <= 1 || typeof Worker !== 'function' || typeof Blob !== 'function' || typeof URL.createObjectURL !== 'function') return inTurn();
  const module = compiled();
  if (signal && signal.aborted) throw abortError();
  if (cannotStart) return inTurn();
  // An abort while they start rejects here (not a failure to start).
  const workers = await startWorkers(workerSource, module, escapeLoneSurrogates(text), Math.min(threads, count), signal, startup.timeout);
  if (workers === undefined) {
    cannotStart = true;
    return inTurn();
  }
  // Aborted between the last ready and now: runShards would not stop them.
  if (signal && signal.aborted) {
    for (const w of workers) w.terminate();
    throw abortError();
  }
  let spawned = 0;
  return runShards({
    count,
    workers: workers.length,
    signal,
    onProgress,
    merge: machine.mergeShards,
    spawn(deliver, fail) {
      const w = /** @type {Worker} */ (workers[spawned]);
      spawned += 1;
      w.onmessage = (/** @type {MessageEvent<{ answer?: string, error?: any }>} */ e) => {
        const m = e.data;
        if (m.error !== undefined) return fail(rebuilt(m.error, machine.MachineError));
        let shard;
        try {
          shard = machine.internal.simulationAnswer(/** @type {string} */ (m.answer));
        } catch (err) {
          return fail(err);
        }
        deliver(shard);
      };
      w.onerror = (/** @type {ErrorEvent} */ e) => {
        e.preventDefault();
        fail(misuse('internal', `a simulation worker failed: ${e.message}`));
      };
      w.onmessageerror = () => fail(misuse('internal', 'a simulation worker sent a message that could not be read'));
      return {
        run: (shard) => w.postMessage({ options: machine.internal.simulateOptionsText({ ...base, shard }) }),
        stop: () => w.terminate(),
      };
    },
  });
}

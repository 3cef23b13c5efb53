// Browser and worker entry (also the `default` condition): the wasm-bindgen
// `--target web` glue of two modules, the core (validate, rules, ...) and the
// extras (the transition function's Job, schema(), schemaInfo()).
//
// - `await init()` loads the core only; `validate` and the rest work then.
// - `await initExtras()` loads the extras: its glue through a dynamic
//   `import()` (bundlers split it into a chunk of its own) and its .wasm, so
//   a page that only validates never downloads either. `Job`, `schema()` and
//   `schemaInfo()` throw `notInitialized` until then (they are synchronous).
//   `init(input, { extras: true })` loads both.
// - `initSync(bytes, { extras })` loads synchronously from bytes.
// - `simulateAsync` with more than one thread imports simulate-web.mjs (a
//   chunk of its own) and runs the shards in Web Workers.
//
// Both glues fetch their .wasm from `new URL('…_bg.wasm', import.meta.url)`
// by default, which webpack 5 and Vite follow (and esbuild leaves alone: copy
// the two .wasm files next to the bundle, see README.md).
//
// Only exports that exist in every build are named here: the opt-in
// document-schema build (one module with everything) ships an extras glue
// that re-exports the core glue, so the same code loads it, at no cost.
//
// js/tools/build-pkg.mjs builds pkg/web.mjs from this file with esbuild: the
// shared shim (./shim.js) stays the package's core.mjs, `#glue/core-web` is
// its iot_jobs_policy_web.mjs and `#glue/extras-web` its
// iot_jobs_policy_extras_web.mjs.
import coreInit, * as coreGlue from '#glue/core-web';
import { joinGlue, makeApi, makeMachine, threadsOf } from './shim.js';

/** @typedef {import('#glue/types').WasmSource} WasmSource */

let loaded = false;
let extrasLoaded = false;
/**
 * The extras glue (a module namespace) once its chunk is imported.
 * @type {typeof import('#glue/extras-web') | undefined}
 */
let extrasGlue;

/** @param {string} message */
function notInitialized(message) {
  const e = /** @type {import('../index.d.ts').UsageError} */ (new Error(message));
  e.code = 'notInitialized';
  return e;
}

function ready() {
  if (!loaded) throw notInitialized('the WebAssembly module is not loaded yet: call `await init()` or `initSync(bytes)` first');
}

function extrasReady() {
  ready();
  if (!extrasLoaded) {
    throw notInitialized(
      'the extras WebAssembly module (Job, schema(), schemaInfo()) is not loaded yet: call `await initExtras()` first (or `await init(input, { extras: true })`)',
    );
  }
}

// The glue object the shared shim calls: the core glue's functions (all of
// them: the one-module build has `validateWithDocumentSchema` too), and the
// extras' functions forwarding to the extras glue once it is loaded.
const glue = joinGlue(coreGlue, () => {
  extrasReady();
  return /** @type {import('#glue/types').ExtrasGlue} */ (extrasGlue);
});

const api = makeApi(glue, ready);

/**
 * A load whose pending promise every caller shares until it settles; a
 * failed load may be retried. (Callers return early once it has succeeded.)
 * @template T
 * @param {(arg: T) => Promise<void>} load
 * @returns {(arg: T) => Promise<void>}
 */
function shared(load) {
  /** @type {Promise<void> | undefined} */
  let pending;
  return (arg) => {
    if (pending === undefined) {
      pending = load(arg).then(
        () => {
          pending = undefined;
        },
        (e) => {
          pending = undefined;
          throw e;
        },
      );
    }
    return pending;
  };
}

const coreLoad = shared(
  /** @param {WasmSource | Promise<WasmSource> | undefined} input */
  (input) =>
    coreInit(input === undefined ? undefined : { module_or_path: input }).then(() => {
      loaded = true;
    }),
);

/** @param {WasmSource | Promise<WasmSource> | undefined} [input] */
function loadCore(input) {
  return loaded ? Promise.resolve() : coreLoad(input);
}

const extrasLoad = shared(
  /** @param {WasmSource | Promise<WasmSource> | undefined} input */
  (input) => {
    const more = extrasLoaded
      ? undefined
      : import('#glue/extras-web')
          .then((m) => {
            extrasGlue = m;
            return m.default(input === undefined ? undefined : { module_or_path: input });
          })
          .then(() => {
            extrasLoaded = true;
          });
    return Promise.all([loadCore(), more]).then(() => {});
  },
);

/**
 * Loads the extras module (Job, schema(), schemaInfo()): its glue, a chunk
 * of its own, then its .wasm from `input` (a URL, a URL string, a
 * `Response`, the bytes or a `WebAssembly.Module`; by default
 * `iot_jobs_policy_extras_bg.wasm` next to the glue). Loads the core too
 * when `init()` has not (from its default location). Idempotent: later
 * calls resolve at once; a failed load may be retried.
 * @type {typeof import('../index.d.ts').initExtras}
 */
export function initExtras(input) {
  return loaded && extrasLoaded ? Promise.resolve() : extrasLoad(input);
}

/**
 * Loads the core module: from `input` (a URL, a URL string, a `Response`,
 * the bytes or a `WebAssembly.Module`), by default
 * `iot_jobs_policy_bg.wasm` next to the glue. With `options.extras` (`true`
 * for the default location, or where to load it from) the extras module
 * too, in parallel (see `initExtras`). Idempotent.
 * @type {typeof import('../index.d.ts').init}
 */
export function init(input, options) {
  const extras = options === undefined || options === null ? undefined : options.extras;
  const core = loadCore(input);
  if (extras === undefined || extras === false) return core;
  return Promise.all([core, initExtras(extras === true ? undefined : extras)]).then(() => {});
}

/**
 * Loads the core module synchronously from its bytes (or a compiled
 * `WebAssembly.Module`), and the extras module from `options.extras` when
 * given. The extras glue is a separate chunk, imported asynchronously: when
 * it has not been imported yet (by an earlier `initExtras()`), `extras`
 * throws `notInitialized`; use `await initExtras(extrasBytes)` instead.
 * @type {typeof import('../index.d.ts').initSync}
 */
export function initSync(bytes, options) {
  if (!loaded) {
    coreGlue.initSync({ module: bytes });
    loaded = true;
  }
  const extrasBytes = options === undefined || options === null ? undefined : options.extras;
  if (!extrasLoaded && extrasBytes !== undefined) {
    if (extrasGlue === undefined) {
      throw notInitialized(
        'initSync cannot load the extras module before its glue (a separate chunk) is imported: call `await initExtras(extrasBytes)` instead',
      );
    }
    extrasGlue.initSync({ module: extrasBytes });
    extrasLoaded = true;
  }
}

export const { validate, isValid, rules, codes, operations, features, schema, schemaInfo } = api;

// The transition function: the Job class (see machine.js).
const machine = makeMachine(glue, ready);
export const { Job, MachineError, eventTypes, replay, simulate, mergeShards } = machine;

/**
 * The extras module as this page compiled it, for the workers of
 * simulateAsync (throws `notInitialized` before `initExtras()`).
 * @returns {WebAssembly.Module}
 */
function compiledExtras() {
  extrasReady();
  return /** @type {typeof import('#glue/extras-web')} */ (extrasGlue).compiledModule();
}

/**
 * `simulate` off the calling thread: with more than one thread (by default
 * `navigator.hardwareConcurrency`, at most 256) over Web Workers, their code
 * in a chunk imported on first use (simulate-web.js); with one thread, the
 * shards in turn on this thread, yielding between them (machine.js).
 * @type {typeof import('../index.d.ts').simulateAsync}
 */
export async function simulateAsync(simulation, options) {
  const threadsByDefault = threadsOf(typeof navigator === 'object' && navigator !== null ? navigator.hardwareConcurrency : undefined);
  // One thread, by default or as given (malformed options: in turn too,
  // which throws for them as the workers' path does).
  const given = options !== null && typeof options === 'object' && !Array.isArray(options) ? options.threads : undefined;
  const threads = given === undefined || given === null ? threadsByDefault : given;
  if (typeof threads !== 'number' || !(threads > 1)) return machine.simulateAsync(simulation, options);
  const { simulateOverWorkers } = await import('./simulate-web.js');
  return simulateOverWorkers(machine, compiledExtras, simulation, options, threadsByDefault);
}

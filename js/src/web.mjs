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
//
// Both glues fetch their .wasm from `new URL('…_bg.wasm', import.meta.url)`
// by default, which webpack 5 and Vite follow (and esbuild leaves alone: copy
// the two .wasm files next to the bundle, see README.md).
//
// Only exports that exist in every build are named here: the opt-in
// document-schema build (one module with everything) ships an extras glue
// that re-exports the core glue, so the same code loads it, at no cost.
import coreInit, * as coreGlue from './iot_jobs_policy_web.mjs';
import { makeApi, makeMachine } from './core.mjs';

const EXTRAS = [
  'schema',
  'schemaInfo',
  'machineCreate',
  'machineApply',
  'machineAdvance',
  'machineDescribe',
  'machineInspect',
  'machineExecution',
  'machineListExecutionsForJob',
  'machineListExecutionsForThing',
];

let loaded = false;
let extrasLoaded = false;
/** The extras glue (a module namespace) once its chunk is imported. */
let extrasGlue;

function notInitialized(message) {
  const e = new Error(message);
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
const glue = { ...coreGlue };
for (const name of EXTRAS) {
  glue[name] = (...args) => {
    extrasReady();
    return extrasGlue[name](...args);
  };
}

const api = makeApi(glue, ready);

let coreLoading;
function loadCore(input) {
  if (loaded) return Promise.resolve();
  if (coreLoading === undefined) {
    coreLoading = coreInit(input === undefined ? undefined : { module_or_path: input }).then(
      () => {
        loaded = true;
      },
      (e) => {
        coreLoading = undefined; // a failed load may be retried
        throw e;
      },
    );
  }
  return coreLoading;
}

let extrasLoading;

/**
 * Loads the extras module (Job, schema(), schemaInfo()): its glue, a chunk
 * of its own, then its .wasm from `input` (a URL, a URL string, a
 * `Response`, the bytes or a `WebAssembly.Module`; by default
 * `iot_jobs_policy_extras_bg.wasm` next to the glue). Loads the core too
 * when `init()` has not (from its default location). Idempotent: later
 * calls resolve at once; a failed load may be retried.
 */
export function initExtras(input) {
  if (loaded && extrasLoaded) return Promise.resolve();
  if (extrasLoading === undefined) {
    const more = extrasLoaded
      ? undefined
      : import('./iot_jobs_policy_extras_web.mjs')
          .then((m) => {
            extrasGlue = m;
            return m.default(input === undefined ? undefined : { module_or_path: input });
          })
          .then(() => {
            extrasLoaded = true;
          });
    extrasLoading = Promise.all([loadCore(), more]).then(
      () => {
        extrasLoading = undefined;
      },
      (e) => {
        extrasLoading = undefined;
        throw e;
      },
    );
  }
  return extrasLoading;
}

/**
 * Loads the core module: from `input` (a URL, a URL string, a `Response`,
 * the bytes or a `WebAssembly.Module`), by default
 * `iot_jobs_policy_bg.wasm` next to the glue. With `options.extras` (`true`
 * for the default location, or where to load it from) the extras module
 * too, in parallel (see `initExtras`). Idempotent.
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
export const { Job, MachineError, eventTypes } = makeMachine(glue, ready);

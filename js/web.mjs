// Browser and worker entry (also the `default` condition): the wasm-bindgen
// `--target web` glue of two modules, the core (validate, rules, ...) and the
// extras (the transition function's Job, schema(), schemaInfo()). Call
// `await init()` once before anything else: it loads both. `initSync(bytes)`
// loads the core, `initSync(bytes, { extras: bytes })` both. Until a module is
// loaded, the functions that need it throw `notInitialized`.
import glueInit, * as coreGlue from './iot_jobs_policy_web.mjs';
import extrasInit, * as extrasGlue from './iot_jobs_policy_extras_web.mjs';
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

// The opt-in document-schema build has one module with everything (and a
// stub in place of the extras glue): then there is no second module to load.
const together = typeof coreGlue.machineCreate === 'function';

let loaded = false;
let extrasLoaded = together;

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
    throw notInitialized('the extras WebAssembly module (Job, schema()) is not loaded yet: call `await init()` or `initSync(bytes, { extras: extrasBytes })` first');
  }
}

let glue = coreGlue;
if (!together) {
  glue = {};
  for (const name of Object.keys(coreGlue)) glue[name] = coreGlue[name];
  for (const name of EXTRAS) {
    glue[name] = (...args) => {
      extrasReady();
      return extrasGlue[name](...args);
    };
  }
}

const api = makeApi(glue, ready);

let loading;

/**
 * Loads the WebAssembly modules. `input` defaults to the core `.wasm` next
 * to this module (`new URL('iot_jobs_policy_bg.wasm', import.meta.url)`),
 * `options.extras` to the extras `.wasm` next to it
 * (`iot_jobs_policy_extras_bg.wasm`); both load in parallel.
 */
export function init(input, options) {
  if (loaded && extrasLoaded) return Promise.resolve();
  if (loading === undefined) {
    const extrasInput = options === undefined || options === null ? undefined : options.extras;
    const core = loaded
      ? undefined
      : glueInit(input === undefined ? undefined : { module_or_path: input }).then(() => {
          loaded = true;
        });
    const more = extrasLoaded
      ? undefined
      : extrasInit(extrasInput === undefined ? undefined : { module_or_path: extrasInput }).then(() => {
          extrasLoaded = true;
        });
    loading = Promise.all([core, more]).then(
      () => {
        loading = undefined;
      },
      (e) => {
        loading = undefined; // a failed load may be retried
        throw e;
      },
    );
  }
  return loading;
}

/**
 * Loads the core module synchronously from its bytes (or a compiled
 * `WebAssembly.Module`), and the extras module from `options.extras` when
 * given (without it, Job and schema() throw `notInitialized` until
 * `await init()` or `initSync(…, { extras })`).
 */
export function initSync(bytes, options) {
  if (!loaded) {
    coreGlue.initSync({ module: bytes });
    loaded = true;
  }
  const extrasBytes = options === undefined || options === null ? undefined : options.extras;
  if (!extrasLoaded && extrasBytes !== undefined) {
    extrasGlue.initSync({ module: extrasBytes });
    extrasLoaded = true;
  }
}

export const { validate, isValid, rules, codes, operations, features, schema, schemaInfo } = api;

// The transition function: the Job class (see machine.js).
export const { Job, MachineError, eventTypes } = makeMachine(glue, ready);

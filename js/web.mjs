// Browser and worker entry (also the `default` condition): the wasm-bindgen
// `--target web` glue. Call `await init()` (or `initSync(bytes)`) once
// before anything else; until then every function throws `notInitialized`.
import glueInit, * as glue from './iot_jobs_policy_web.mjs';
import { makeApi, makeMachine } from './core.mjs';

let loaded = false;

function ready() {
  if (!loaded) {
    const e = new Error('the WebAssembly module is not loaded yet: call `await init()` or `initSync(bytes)` first');
    e.code = 'notInitialized';
    throw e;
  }
}

const api = makeApi(glue, ready);

let loading;

/**
 * Loads the WebAssembly module. `input` defaults to the `.wasm` file next to
 * this module (`new URL('iot_jobs_policy_bg.wasm', import.meta.url)`).
 */
export function init(input) {
  if (loading === undefined) {
    loading = glueInit(input === undefined ? undefined : { module_or_path: input }).then(
      () => {
        loaded = true;
      },
      (e) => {
        loading = undefined; // a failed load may be retried
        throw e;
      },
    );
  }
  return loaded ? Promise.resolve() : loading;
}

/** Loads the WebAssembly module synchronously from its bytes (or a compiled `WebAssembly.Module`). */
export function initSync(bytes) {
  if (loaded) return;
  glue.initSync({ module: bytes });
  loaded = true;
}

export const { validate, isValid, rules, codes, operations, features, schema, schemaInfo } = api;

// The transition function: the Job class (see machine.js).
export const { Job, MachineError, eventTypes } = makeMachine(glue, ready);

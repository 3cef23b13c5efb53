'use strict';
// The Node CommonJS entry (pkg/index.cjs). js/tools/build-pkg.mjs bundles it
// with esbuild: core.js, machine.js, names.js and the core module's
// wasm-bindgen `--target nodejs` glue (`#glue/core-node`) go into the one
// file, so that a cold `require` reads and compiles one JS file. The glue
// requires the core `.wasm` inlined (base64, in the sibling
// iot_jobs_policy_node_bytes.cjs, which `require` alone never reads) and
// compiles and instantiates it synchronously on the first call that needs it
// (not on `require`; see deferInstance and externalBytes in
// js/tools/build-pkg.mjs): no .wasm is read from disk, and a bundle of this
// file (esbuild for a Lambda) is self-contained. `index.mjs` imports index.cjs, so
// `import` and `require` share one instance.
//
// The transition function (Job) and schema()/schemaInfo() live in a second
// module, kept out of the core for the cold start: its own glue
// (`#glue/extras-node`, the package's iot_jobs_policy_extras_node.cjs, its
// .wasm inlined too) is required, compiled and instantiated synchronously on
// first use, once per process; a bundler includes it (a plain `require` of a
// relative path) and keeps it lazy. In the opt-in document-schema build both
// specifiers name that one file: one module with everything.
const { joinGlue, makeApi } = require('./core.js');
const { makeMachine } = require('./machine.js');
const { makeSimulateAsync } = require('./simulate-node.js');
const coreGlue = require('#glue/core-node');

/** @type {import('#glue/types').ExtrasGlue | undefined} */
let extrasGlue;
function extras() {
  if (extrasGlue === undefined) extrasGlue = require('#glue/extras-node');
  return extrasGlue;
}
const glue = joinGlue(coreGlue, extras);
const nothing = () => {};

const api = makeApi(glue, nothing);
exports.validate = api.validate;
exports.isValid = api.isValid;
exports.rules = api.rules;
exports.codes = api.codes;
exports.operations = api.operations;
exports.features = api.features;
exports.schema = api.schema;
exports.schemaInfo = api.schemaInfo;
// The transition function (machine.js): the Job class and its error.
const machine = makeMachine(glue, nothing);
exports.Job = machine.Job;
exports.MachineError = machine.MachineError;
exports.eventTypes = machine.eventTypes;
exports.replay = machine.replay;
// The simulator: simulate() and mergeShards() on this thread, simulateAsync()
// over worker threads, each of which requires this file (see
// simulate-node.js). In a bundle this file is no file of its own (an ES
// module bundle has no `__filename`; a CommonJS bundle's is the bundle's,
// whose exports are the application's): there the shards run in turn on
// the calling thread, as in browsers.
exports.simulate = machine.simulate;
exports.mergeShards = machine.mergeShards;
/** @type {typeof import('../index.d.ts').simulateAsync} */
const simulateAsync = makeSimulateAsync(machine, () => {
  const file = typeof __filename === 'string' ? __filename : undefined;
  const loaded = file === undefined || typeof require.cache !== 'object' ? undefined : require.cache[file];
  return loaded !== undefined && loaded.exports.simulateAsync === simulateAsync ? file : undefined;
});
exports.simulateAsync = simulateAsync;
/**
 * Node loads the core module on `require` and the extras on first use; `init` only resolves.
 * @type {typeof import('../index.d.ts').init}
 */
exports.init = async function init() {};
/**
 * Node loads the modules itself; `initSync` does nothing.
 * @type {typeof import('../index.d.ts').initSync}
 */
exports.initSync = function initSync() {};
/**
 * Node loads the extras on first use; `initExtras` loads them now (synchronously) and resolves.
 * @type {typeof import('../index.d.ts').initExtras}
 */
exports.initExtras = async function initExtras() {
  extras();
};

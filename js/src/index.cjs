// The body of the Node CommonJS entry. The package build inlines core.js and
// the wasm-bindgen `--target nodejs` glue in front of it (each in its own
// function scope) to make pkg/index.cjs, so that a cold `require` reads and
// compiles one JS file: `makeApi` and `glue` are in scope here. The glue
// carries the core `.wasm` inlined (base64) and compiles and instantiates it
// synchronously: nothing is read from disk, so a bundle of this file (esbuild
// for a Lambda) is self-contained. `index.mjs` imports index.cjs, so `import`
// and `require` share one instance.
//
// The transition function (Job) and schema()/schemaInfo() live in a second
// module, kept out of the core for the cold start: its own glue
// (iot_jobs_policy_extras_node.cjs, its .wasm inlined too) is required,
// compiled and instantiated synchronously on first use, once per process; a
// bundler includes it (a plain `require` of a relative path) and keeps it
// lazy. The opt-in document-schema build has one module with everything:
// `glue` already has the extras' exports, and there is no second module.
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
let extrasGlue;
function extras() {
  if (extrasGlue === undefined) extrasGlue = require('./iot_jobs_policy_extras_node.cjs');
  return extrasGlue;
}
const full = typeof glue.machineCreate === 'function' ? glue : Object.assign({}, glue);
if (full !== glue) for (const name of EXTRAS) full[name] = (...args) => extras()[name](...args);

const api = makeApi(full, () => {});

exports.validate = api.validate;
exports.isValid = api.isValid;
exports.rules = api.rules;
exports.codes = api.codes;
exports.operations = api.operations;
exports.features = api.features;
exports.schema = api.schema;
exports.schemaInfo = api.schemaInfo;
// The transition function (machine.js): the Job class and its error.
const machine = makeMachine(full, () => {});
exports.Job = machine.Job;
exports.MachineError = machine.MachineError;
exports.eventTypes = machine.eventTypes;
/** Node loads the core module on `require` and the extras on first use; `init` only resolves. */
exports.init = async function init() {};
/** Node loads the modules itself; `initSync` does nothing. */
exports.initSync = function initSync() {};
/** Node loads the extras on first use; `initExtras` loads them now (synchronously) and resolves. */
exports.initExtras = async function initExtras() {
  if (full !== glue) extras();
};

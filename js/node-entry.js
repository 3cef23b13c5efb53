// The body of the Node CommonJS entry. The package build inlines core.js and
// the wasm-bindgen `--target nodejs` glue in front of it (each in its own
// function scope) to make pkg/index.cjs, so that a cold `require` reads and
// compiles one JS file: `makeApi` and `glue` are in scope here. The glue
// compiles and instantiates the one `.wasm` synchronously. `index.mjs`
// requires index.cjs, so `import` and `require` share one instance.
const api = makeApi(glue, () => {});

exports.validate = api.validate;
exports.isValid = api.isValid;
exports.rules = api.rules;
exports.codes = api.codes;
exports.operations = api.operations;
exports.features = api.features;
exports.schema = api.schema;
exports.schemaInfo = api.schemaInfo;
// The transition function (machine.js): the Job class and its error.
const machine = makeMachine(glue, () => {});
exports.Job = machine.Job;
exports.MachineError = machine.MachineError;
exports.eventTypes = machine.eventTypes;
/** Node loads the module on `require`; `init` only resolves. */
exports.init = async function init() {};
/** Node loads the module on `require`; `initSync` does nothing. */
exports.initSync = function initSync() {};

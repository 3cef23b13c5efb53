// The names the shim and the package build share, in one place: the
// operations, the machine's event types and the exports of the extras
// module. The Rust core has the first two as well (the core .wasm's `names`
// export, `ffi::names_json`, with the misuse and machine error codes), but
// the shim needs them synchronously, before any module is loaded (browsers
// call `operations()`, `eventTypes()` and build the extras forwarders before
// `init()`), so they are written here once and compared with Rust by
// js/test/names.test.mjs: exactly, with the lists of `names`; and by
// behaviour (operations through the wasm `validate`, event types through
// the refusal of an unknown one that the CLI's `replay` reports, the extras
// exports through the wasm-bindgen glue of the extras module).
//
// Decision (#9 review): `names` stays in the core and the shim does not call
// it. Calling it would need the wasm before `init()`, and it is what lets the
// test compare these copies (and the unions of index.d.ts) with Rust in full,
// misuse and refusal codes included, which no behaviour shows; it costs the
// core one small JSON object of names.

/**
 * The seven operation names, in `operations()` order; the snake_case forms
 * (`create_job`, ...) are accepted too.
 * @type {readonly import('../index.d.ts').Operation[]}
 */
export const OPERATIONS = Object.freeze([
  'CreateJob',
  'CreateJobTemplate',
  'DescribeJob',
  'DescribeJobTemplate',
  'ListJobExecutionsForJob',
  'ListJobExecutionsForThing',
  'UpdateJob',
]);

/**
 * The event types the machine knows, in the order of the `Event` union of
 * index.d.ts and of the Rust `Event` enum.
 * @type {readonly import('../index.d.ts').Event['type'][]}
 */
export const EVENT_TYPES = Object.freeze(['deviceUpdate', 'advance', 'cancelJob', 'cancelJobExecution', 'deleteJob', 'updateJob', 'thingAdded', 'thingRemoved']);

/**
 * The exports of the extras module (the transition function and the JSON
 * Schema export) that the entries forward to it, loaded on first use (Node)
 * or by `initExtras()` (browsers). Exports every build has; `cliRun` (Node's
 * copy only) is the npm bin's, not the package API's.
 * @type {readonly (keyof import('#glue/types').ExtrasGlue)[]}
 */
export const EXTRAS = Object.freeze([
  'schema',
  'schemaInfo',
  'machineCreate',
  'machineApply',
  'machineStep',
  'machineAdvance',
  'machineDescribe',
  'machineInspect',
  'machineExecution',
  'machineListExecutionsForJob',
  'machineListExecutionsForThing',
  'replay',
  'simulate',
  'simulateMerge',
]);

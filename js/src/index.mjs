// Node ES module entry: the CommonJS entry, imported and re-exported, so that
// `import` and `require` share one wasm instance (no dual-package hazard).
// A plain `import` of the .cjs file (no createRequire(import.meta.url)): Node
// and every bundler follow it, whatever the output format.
import api from './index.cjs';

export const { validate, isValid, rules, codes, operations, features, schema, schemaInfo, init, initSync, initExtras, Job, MachineError, eventTypes, replay, simulate, mergeShards, simulateAsync } = api;

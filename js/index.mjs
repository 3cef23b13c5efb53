// Node ES module entry: the CommonJS entry, re-exported, so that `import`
// and `require` share one wasm instance (no dual-package hazard).
import { createRequire } from 'node:module';

const api = createRequire(import.meta.url)('./index.cjs');

export const { validate, isValid, rules, codes, operations, features, schema, schemaInfo, init, initSync, Job, MachineError, eventTypes } = api;

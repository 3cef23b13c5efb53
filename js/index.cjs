'use strict';
// Node CommonJS entry. Loads the one `.wasm` synchronously through the
// wasm-bindgen `--target nodejs` glue; `index.mjs` requires this file, so
// `import` and `require` share one instance.
const { makeApi } = require('./core.cjs');
const glue = require('./iot_jobs_policy_node.cjs');

const api = makeApi(glue, () => {});

exports.validate = api.validate;
exports.isValid = api.isValid;
exports.rules = api.rules;
exports.codes = api.codes;
exports.operations = api.operations;
/** Node loads the module on `require`; `init` only resolves. */
exports.init = async function init() {};
/** Node loads the module on `require`; `initSync` does nothing. */
exports.initSync = function initSync() {};

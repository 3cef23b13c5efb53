'use strict';
// AWS SDK v3 middleware (Node, CommonJS). See aws-sdk.d.ts.
const { makeMiddleware } = require('./shim.js');
const { validate } = require('./index.cjs');

// The SDK is not a dependency: when it can be loaded (it can wherever an
// IoTClient runs, and a bundle that holds the SDK holds it once), the
// refusal is built over its own InvalidRequestException class. Bundlers
// leave an unresolvable require inside try/catch alone.
function loadSdk() {
  try {
    return require('@aws-sdk/client-iot');
  } catch {
    return undefined;
  }
}

const m = makeMiddleware(validate, loadSdk);
exports.iotJobsPolicyMiddleware = m.iotJobsPolicyMiddleware;
exports.InvalidRequestException = m.InvalidRequestException;
exports.COMMANDS = m.COMMANDS;
exports.PASSED_THROUGH = m.PASSED_THROUGH;

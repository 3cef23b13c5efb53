// AWS SDK v3 middleware (Node, ES module). See aws-sdk.d.ts. `validate`
// comes from index.mjs, which shares the CommonJS entry's wasm instance.
import { makeMiddleware } from './shim.js';
import { validate } from './index.mjs';

// The SDK is not a dependency: when it can be loaded (it can wherever an
// IoTClient runs, and a bundle that holds the SDK holds it once), the
// refusal is built over its own InvalidRequestException class. Bundlers
// leave an unresolvable import() inside try/catch alone.
async function loadSdk() {
  try {
    return await import('@aws-sdk/client-iot');
  } catch {
    return undefined;
  }
}

export const { iotJobsPolicyMiddleware, InvalidRequestException, COMMANDS, PASSED_THROUGH } = makeMiddleware(validate, loadSdk);

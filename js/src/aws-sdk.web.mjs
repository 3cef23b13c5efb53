// AWS SDK v3 middleware (browsers): call `init()` from the main entry first.
// No automatic loading of the SDK here (a browser bundle cannot import it
// lazily without warnings or a second chunk): pass the SDK's
// InvalidRequestException as the `baseException` option for an error that
// is an instance of it on every SDK version.
import { makeMiddleware } from './shim.js';
import { validate } from './web.mjs';

export const { iotJobsPolicyMiddleware, InvalidRequestException, COMMANDS, PASSED_THROUGH } = makeMiddleware(validate);

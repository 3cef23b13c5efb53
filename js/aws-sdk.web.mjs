// AWS SDK v3 middleware (browsers): call `init()` from the main entry first.
import { makeMiddleware, InvalidRequestException, COMMANDS as ALL } from './core.mjs';
import { validate } from './web.mjs';

export const iotJobsPolicyMiddleware = makeMiddleware(validate);
export { InvalidRequestException };
export const COMMANDS = Object.freeze({ ...ALL });

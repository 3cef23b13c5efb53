// AWS SDK v3 middleware (Node, ES module): the CommonJS one, re-exported.
import { createRequire } from 'node:module';

const m = createRequire(import.meta.url)('./aws-sdk.cjs');

export const { iotJobsPolicyMiddleware, InvalidRequestException, COMMANDS } = m;

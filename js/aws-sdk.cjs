'use strict';
// AWS SDK v3 middleware (Node, CommonJS). See aws-sdk.d.ts.
const { makeMiddleware, InvalidRequestException, COMMANDS } = require('./core.cjs');
const { validate } = require('./index.cjs');

exports.iotJobsPolicyMiddleware = makeMiddleware(validate);
exports.InvalidRequestException = InvalidRequestException;
exports.COMMANDS = Object.freeze({ ...COMMANDS });

// The shared shim: objects to JSON text, tagged answers to values, misuse to
// TypeErrors with a `.code`. No validation logic lives here; the Rust core
// (through the wasm-bindgen glue) does all of it.
//
// This file has no module syntax on purpose: the package build appends
// `module.exports = …` to make `core.cjs` and `export { … }` to make
// `core.mjs`, so Node (CommonJS) and browsers (ES modules) share one source.

/** The seven operation names; snake_case forms are accepted too. */
const OPERATIONS = [
  'CreateJob',
  'CreateJobTemplate',
  'DescribeJob',
  'DescribeJobTemplate',
  'ListJobExecutionsForJob',
  'ListJobExecutionsForThing',
  'UpdateJob',
];

function usageError(code, message, cause) {
  const e = new TypeError(message, cause === undefined ? undefined : { cause });
  e.code = code;
  return e;
}

function requestText(request) {
  if (typeof request === 'string') return request;
  if (request === null || typeof request !== 'object') {
    const got = request === null ? 'null' : typeof request;
    throw usageError('invalidRequest', `the request must be an object or a JSON string, not ${got}`);
  }
  if (ArrayBuffer.isView(request) || request instanceof ArrayBuffer) {
    // JSON.stringify would turn bytes into {"0": 123, ...}: say so instead.
    throw usageError('invalidRequest', 'the request must be an object or JSON text, not bytes: decode them first (new TextDecoder().decode(bytes))');
  }
  let text;
  try {
    text = JSON.stringify(request);
  } catch (e) {
    // BigInt values and cycles: JSON.stringify cannot carry them.
    throw usageError('invalidRequest', `the request cannot be serialised as JSON: ${e && e.message}`, e);
  }
  if (typeof text !== 'string') {
    // An object whose toJSON() answers undefined.
    throw usageError('invalidRequest', 'the request serialises to nothing (a toJSON method answered undefined)');
  }
  // JSON.stringify writes NaN and ±Infinity as `null`, which the core reads
  // as an absent member: an invalid value would pass unseen. Only when the
  // text has a `null` (rare in requests, so the fast path stays one call) is
  // the request serialised again, with the non-finite numbers written as the
  // literals `NaN`/`Infinity`/`-Infinity`, which the core refuses with
  // `nonFiniteNumber`.
  if (text.includes('null')) text = withNonFinite(request);
  return text;
}

const MARK = '\u0000iot-jobs-policy-non-finite:';
const MARKED = /"\\u0000iot-jobs-policy-non-finite:(NaN|Infinity|-Infinity)"/g;

function withNonFinite(request) {
  let found = false;
  const text = JSON.stringify(request, (_key, value) => {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      found = true;
      return MARK + String(value);
    }
    return value;
  });
  return found ? text.replace(MARKED, '$1') : text;
}

function optionsText(options) {
  if (options === undefined || options === null) return '';
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw usageError('invalidOptions', `options must be an object, not ${Array.isArray(options) ? 'an array' : typeof options}`);
  }
  const out = {};
  for (const key of Object.keys(options)) {
    const value = options[key];
    if (value === undefined || key === 'documentSchema') continue;
    if (key === 'now') {
      if (value instanceof Date) {
        const ms = value.getTime();
        if (!Number.isFinite(ms)) throw usageError('invalidOptions', 'option `now` is an invalid Date');
        out.now = ms;
      } else if (typeof value === 'number') {
        if (!Number.isInteger(value)) throw usageError('invalidOptions', `option \`now\` must be whole epoch milliseconds, not \`${value}\``);
        out.now = value;
      } else {
        out.now = value;
      }
    } else if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') {
      throw usageError('invalidOptions', `option \`${key}\` has the wrong type: ${typeof value}`);
    } else {
      // Unknown keys and wrong types go through: the core names them.
      out[key] = value;
    }
  }
  try {
    return JSON.stringify(out);
  } catch (e) {
    // BigInt or a throwing toJSON somewhere in the options.
    throw usageError('invalidOptions', `options cannot be serialised as JSON: ${e && e.message}`, e);
  }
}

/** The caller's job-document schema as JSON text, or undefined when none. */
function schemaText(options) {
  const schema = options === null || typeof options !== 'object' ? undefined : options.documentSchema;
  if (schema === undefined || schema === null) return undefined;
  if (typeof schema === 'string') return schema;
  if (typeof schema === 'object' || typeof schema === 'boolean') {
    try {
      return JSON.stringify(schema);
    } catch (e) {
      throw usageError('invalidOptions', `option \`documentSchema\` cannot be serialised as JSON: ${e && e.message}`, e);
    }
  }
  throw usageError('invalidOptions', `option \`documentSchema\` must be a JSON Schema (object, boolean or JSON text), not ${typeof schema}`);
}

function operationName(operation) {
  if (typeof operation !== 'string') {
    throw usageError('unknownOperation', `the operation must be a string such as \`CreateJob\`, not ${operation === null ? 'null' : typeof operation}`);
  }
  return operation;
}

// A tagged answer of the Rust boundary: `success` as is; `misuse` is a
// TypeError with Rust's lowerCamel code; nothing else is expected here.
function unwrap(text) {
  const answer = JSON.parse(text);
  if (answer.type === 'success') return answer;
  if (answer.type === 'misuse') throw usageError(answer.error.code, answer.error.message);
  throw usageError('internal', `the validator answered ${JSON.stringify(answer.type)}`);
}

/**
 * Builds the public API over wasm-bindgen glue that exports
 * `validate`, `isValid`, `rules`, `codes`, `schema` and `schemaInfo` (all
 * JSON text in and out).
 * `ready()` throws when the glue has not been initialised yet.
 */
function makeApi(glue, ready) {
  const VALID = '{"type":"success","valid":true}';
  const INVALID = '{"type":"success","valid":false}';
  function validate(operation, request, options) {
    const op = operationName(operation);
    const req = requestText(request);
    const opts = optionsText(options);
    const schema = schemaText(options);
    ready();
    const answer = schema === undefined ? glue.validate(op, req, opts) : withSchema(op, req, opts, schema);
    const report = unwrap(answer).report;
    // Positions point into the text validated; for an object that text is
    // JSON.stringify's, which the caller never saw: no position then.
    if (typeof request !== 'string') for (const v of report.violations) v.position = null;
    return report;
  }
  function withSchema(op, req, opts, schema) {
    if (typeof glue.validateWithDocumentSchema !== 'function') {
      throw usageError('invalidOptions', 'option `documentSchema` needs the document-schema build of iot-jobs-policy (see the README); this build leaves it out');
    }
    return glue.validateWithDocumentSchema(op, req, opts, schema);
  }
  function isValid(operation, request, options) {
    const op = operationName(operation);
    const req = requestText(request);
    const opts = optionsText(options);
    const schema = schemaText(options);
    ready();
    if (schema !== undefined) return unwrap(withSchema(op, req, opts, schema)).report.valid;
    const out = glue.isValid(op, req, opts);
    if (out === VALID) return true;
    if (out === INVALID) return false;
    return unwrap(out).valid;
  }
  function rules() {
    ready();
    return JSON.parse(glue.rules());
  }
  function codes() {
    ready();
    return JSON.parse(glue.codes());
  }
  function features() {
    return { documentSchema: typeof glue.validateWithDocumentSchema === 'function', schema: typeof glue.schema === 'function' };
  }
  function schemaBuild(name) {
    if (typeof glue.schema !== 'function') {
      throw usageError('notSupported', `\`${name}()\` needs the opt-in build of iot-jobs-policy (bash .ci/build-pkg --document-schema, see the README); this build leaves it out, or use the CLI: iot-jobs-policy schema <OPERATION>`);
    }
  }
  function schema(operation, options) {
    schemaBuild('schema');
    const op = operationName(operation);
    if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) {
      throw usageError('invalidOptions', `options must be an object, not ${Array.isArray(options) ? 'an array' : typeof options}`);
    }
    let opts = '';
    if (options !== undefined && options !== null) {
      try {
        opts = JSON.stringify(options);
      } catch (e) {
        throw usageError('invalidOptions', `options cannot be serialised as JSON: ${e && e.message}`, e);
      }
    }
    ready();
    return unwrap(glue.schema(op, opts)).schema;
  }
  function schemaInfo() {
    schemaBuild('schemaInfo');
    ready();
    return JSON.parse(glue.schemaInfo());
  }
  return { validate, isValid, rules, codes, features, schema, schemaInfo, operations: () => OPERATIONS.slice() };
}

/** The seven commands the middleware checks, by their SDK v3 command name. */
const COMMANDS = {
  CreateJobCommand: 'CreateJob',
  CreateJobTemplateCommand: 'CreateJobTemplate',
  DescribeJobCommand: 'DescribeJob',
  DescribeJobTemplateCommand: 'DescribeJobTemplate',
  ListJobExecutionsForJobCommand: 'ListJobExecutionsForJob',
  ListJobExecutionsForThingCommand: 'ListJobExecutionsForThing',
  UpdateJobCommand: 'UpdateJob',
};

/**
 * The other IoT Jobs control-plane commands, which the middleware passes
 * through unchecked: the engine knows only the seven operations above, so it
 * has no rules for these requests (not even the `jobId` pattern they share).
 */
const PASSED_THROUGH = {
  AssociateTargetsWithJobCommand: 'AssociateTargetsWithJob',
  CancelJobCommand: 'CancelJob',
  CancelJobExecutionCommand: 'CancelJobExecution',
  DeleteJobCommand: 'DeleteJob',
  DeleteJobExecutionCommand: 'DeleteJobExecution',
  DeleteJobTemplateCommand: 'DeleteJobTemplate',
  DescribeJobExecutionCommand: 'DescribeJobExecution',
  DescribeManagedJobTemplateCommand: 'DescribeManagedJobTemplate',
  GetJobDocumentCommand: 'GetJobDocument',
  ListJobTemplatesCommand: 'ListJobTemplates',
  ListJobsCommand: 'ListJobs',
  ListManagedJobTemplatesCommand: 'ListManagedJobTemplates',
};

// Every copy of this class (core.cjs, core.mjs, a bundle's) and every error
// built over the SDK's own class carries this brand, so `instanceof` answers
// the same whichever entry threw the error.
const ERROR_BRAND = Symbol.for('iot-jobs-policy.InvalidRequestException');

// The SDK's exceptions (@smithy's ServiceException) recognise an error of
// another copy of the SDK by a static `shapeId` on a class of its prototype
// chain; these two carry the ids of the SDK's IoTServiceException and
// InvalidRequestException, so that recent SDKs answer `instanceof` for them
// even when the middleware could not load the SDK's own classes.
class IoTServiceExceptionShape extends Error {
  static shapeId = 'smithy.ts.sdk.synthetic.com.amazonaws.iot#IoTServiceException';
}

/** The error the middleware throws, shaped like the service's own. */
class InvalidRequestException extends IoTServiceExceptionShape {
  static shapeId = 'com.amazonaws.iot#InvalidRequestException';
  constructor(report, operation) {
    super(refusalMessage(report));
    describeRefusal(this, report, operation);
  }
  /** True for this class's errors, whichever copy of the package or SDK base built them. */
  static [Symbol.hasInstance](value) {
    if (this !== InvalidRequestException) return Function.prototype[Symbol.hasInstance].call(this, value);
    return value !== null && (typeof value === 'object' || typeof value === 'function') && value[ERROR_BRAND] === true;
  }
}
InvalidRequestException.prototype[ERROR_BRAND] = true;

function describeRefusal(e, report, operation) {
  e.name = 'InvalidRequestException';
  e.$fault = 'client';
  e.$metadata = {};
  e.operation = operation;
  e.violations = report.violations;
  e.report = report;
}

/** `code at path: message; ...` for a list of violations. */
function listViolations(violations) {
  return violations.map((v) => `${v.code} at ${v.path === '' ? 'the request' : v.path}: ${v.message}`).join('; ');
}

function warningsOf(report) {
  return report.violations.filter((v) => v.severity === 'warning');
}

/** The AWS message for an invalid request; for one refused for its warnings, the warnings. */
function refusalMessage(report) {
  if (report.awsMessage) return report.awsMessage;
  const warnings = warningsOf(report);
  if (warnings.length === 0) return 'the request is invalid';
  return `${warnings.length} warning(s) refused (option warnings: 'throw'): ${listViolations(warnings)}`;
}

// The subclass of an SDK `InvalidRequestException` class that the middleware
// throws when it has one, built once per class.
const overSdk = new WeakMap();
function sdkErrorClass(Base) {
  let Over = overSdk.get(Base);
  if (Over === undefined) {
    Over = class InvalidRequestException extends Base {
      constructor(report, operation) {
        super({ message: refusalMessage(report), $metadata: {} });
        // The SDK's constructors set their own prototype; take ours back.
        Object.setPrototypeOf(this, new.target.prototype);
        describeRefusal(this, report, operation);
      }
    };
    Over.prototype[ERROR_BRAND] = true;
    overSdk.set(Base, Over);
  }
  return Over;
}

const WARNINGS = ['ignore', 'log', 'throw'];

function middlewareOptions(options) {
  const given = options === undefined || options === null ? {} : options;
  if (typeof given !== 'object' || Array.isArray(given)) {
    throw usageError('invalidOptions', `middleware options must be an object, not ${Array.isArray(given) ? 'an array' : typeof given}`);
  }
  const warnings = given.warnings === undefined ? 'log' : given.warnings;
  if (!WARNINGS.includes(warnings)) {
    throw usageError('invalidOptions', `option \`warnings\` must be 'ignore', 'log' or 'throw', not ${JSON.stringify(String(warnings))}`);
  }
  for (const key of ['onReport', 'baseException']) {
    if (given[key] !== undefined && typeof given[key] !== 'function') {
      throw usageError('invalidOptions', `option \`${key}\` must be a function, not ${given[key] === null ? 'null' : typeof given[key]}`);
    }
  }
  if (given.logger !== undefined && (given.logger === null || typeof given.logger.warn !== 'function')) {
    throw usageError('invalidOptions', 'option `logger` must have a `warn` method (the SDK\'s Logger shape, e.g. `console`)');
  }
  return { given, warnings };
}

/**
 * The public surface of `iot-jobs-policy/aws-sdk` over a `validate` function:
 * `{ iotJobsPolicyMiddleware, InvalidRequestException, COMMANDS,
 * PASSED_THROUGH }`. `loadSdk`, when given, answers (or resolves to) the
 * `@aws-sdk/client-iot` module, or undefined when it cannot be loaded; it is
 * called once, at the first refusal.
 */
function makeMiddleware(validate, loadSdk) {
  const NAME = 'iotJobsPolicyMiddleware';
  let sdkBase;
  function loadedBase() {
    if (sdkBase === undefined) {
      sdkBase = Promise.resolve()
        .then(() => (loadSdk === undefined ? undefined : loadSdk()))
        .then((m) => {
          // An ES-module namespace of the CommonJS SDK may hold it under `default` only.
          const sdk = m && typeof m.InvalidRequestException === 'function' ? m : m && m.default;
          return sdk && typeof sdk.InvalidRequestException === 'function' ? sdk.InvalidRequestException : undefined;
        })
        .catch(() => undefined);
    }
    return sdkBase;
  }
  function iotJobsPolicyMiddleware(options) {
    const { given, warnings } = middlewareOptions(options);
    async function refusal(report, operation) {
      const Base = given.baseException !== undefined ? given.baseException : await loadedBase();
      return Base === undefined ? new InvalidRequestException(report, operation) : new (sdkErrorClass(Base))(report, operation);
    }
    const middleware = (next, context) => async (args) => {
      const commandName = context ? context.commandName : undefined;
      const operation = typeof commandName === 'string' && Object.prototype.hasOwnProperty.call(COMMANDS, commandName) ? COMMANDS[commandName] : undefined;
      if (operation !== undefined) {
        // `now` defaults to the clock; a function is called per request;
        // `null` leaves the time-dependent rules out (skippedRule warnings).
        let now = 'now' in given ? given.now : Date.now();
        if (typeof now === 'function') now = now();
        const input = args.input;
        const report = validate(operation, input, { api: given.api, profile: given.profile, now, documentSchema: given.documentSchema });
        if (given.onReport !== undefined) await given.onReport(report, { operation, commandName, input });
        const found = warnings === 'ignore' ? [] : warningsOf(report);
        if (!report.valid || (found.length > 0 && warnings === 'throw')) throw await refusal(report, operation);
        if (found.length > 0) {
          const logger = given.logger !== undefined ? given.logger : context && context.logger;
          if (logger && typeof logger.warn === 'function') {
            logger.warn(`iot-jobs-policy: ${operation} request sent with ${found.length} warning(s): ${listViolations(found)}`);
          }
        }
      }
      return next(args);
    };
    const addOptions = { step: 'initialize', name: NAME, tags: ['IOT_JOBS_POLICY'], override: true };
    middleware.applyToStack = (stack) => stack.add(middleware, addOptions);
    middleware.addOptions = addOptions;
    return middleware;
  }
  return {
    iotJobsPolicyMiddleware,
    InvalidRequestException,
    COMMANDS: Object.freeze({ ...COMMANDS }),
    PASSED_THROUGH: Object.freeze({ ...PASSED_THROUGH }),
  };
}

// The AWS SDK v3 middleware of `iot-jobs-policy/aws-sdk` (aws-sdk.d.ts)
// over a `validate` function: the entries aws-sdk.cjs, aws-sdk.mjs and
// aws-sdk.web.mjs give it the package's `validate` and, in Node, a loader of
// the SDK.

import { usageError } from './core.js';
import { OPERATIONS } from './names.js';

/** @typedef {import('../index.d.ts').Report} Report */
/** @typedef {import('../index.d.ts').Violation} Violation */
/** @typedef {import('../aws-sdk.d.ts').MiddlewareOptions} MiddlewareOptions */
/** @typedef {import('../aws-sdk.d.ts').IotJobsPolicyMiddleware} IotJobsPolicyMiddleware */
/** @typedef {abstract new (...args: any[]) => Error} ErrorClass */

/**
 * The seven commands the middleware checks, by their SDK v3 command name
 * (`CreateJobCommand`: `CreateJob`, ...).
 * @type {Readonly<Record<string, import('../index.d.ts').Operation>>}
 */
const COMMANDS = Object.fromEntries(OPERATIONS.map((op) => [`${op}Command`, op]));

/**
 * The other IoT Jobs control-plane commands, which the middleware passes
 * through unchecked: the engine knows only the seven operations above, so it
 * has no rules for these requests (not even the `jobId` pattern they share).
 * @type {Readonly<Record<string, string>>}
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
  /** @type {'InvalidRequestException'} */
  name = 'InvalidRequestException';
  /** @type {'client'} */
  $fault = 'client';
  /** @type {Record<string, never>} */
  $metadata = {};
  // Set by describeRefusal (declared here for their types).
  /** @type {string} */
  operation = /** @type {any} */ (undefined);
  /** @type {Violation[]} */
  violations = /** @type {any} */ (undefined);
  /** @type {Report} */
  report = /** @type {any} */ (undefined);
  /**
   * @param {Report} report
   * @param {string} operation
   */
  constructor(report, operation) {
    super(refusalMessage(report));
    describeRefusal(this, report, operation);
  }
  /**
   * True for this class's errors, whichever copy of the package or SDK base built them.
   * @param {unknown} value
   */
  static [Symbol.hasInstance](value) {
    if (this !== InvalidRequestException) return Function.prototype[Symbol.hasInstance].call(this, value);
    return value !== null && (typeof value === 'object' || typeof value === 'function') && /** @type {any} */ (value)[ERROR_BRAND] === true;
  }
}
/** @type {any} */ (InvalidRequestException.prototype)[ERROR_BRAND] = true;

/**
 * Gives a refusal the members of the service's own errors and the report.
 * @param {any} e
 * @param {Report} report
 * @param {string} operation
 */
function describeRefusal(e, report, operation) {
  e.name = 'InvalidRequestException';
  e.$fault = 'client';
  e.$metadata = {};
  e.operation = operation;
  e.violations = report.violations;
  e.report = report;
}

/**
 * `code at path: message; ...` for a list of violations.
 * @param {Violation[]} violations
 */
function listViolations(violations) {
  return violations.map((v) => `${v.code} at ${v.path === '' ? 'the request' : v.path}: ${v.message}`).join('; ');
}

/** @param {Report} report */
function warningsOf(report) {
  return report.violations.filter((v) => v.severity === 'warning');
}

/**
 * The AWS message for an invalid request; for one refused for its warnings, the warnings.
 * @param {Report} report
 */
function refusalMessage(report) {
  if (report.awsMessage) return report.awsMessage;
  const warnings = warningsOf(report);
  if (warnings.length === 0) return 'the request is invalid';
  return `${warnings.length} warning(s) refused (option warnings: 'throw'): ${listViolations(warnings)}`;
}

// The subclass of an SDK `InvalidRequestException` class that the middleware
// throws when it has one, built once per class.
/** @type {WeakMap<ErrorClass, new (report: Report, operation: string) => Error>} */
const overSdk = new WeakMap();
/**
 * @param {ErrorClass} Base
 * @returns {new (report: Report, operation: string) => Error}
 */
function sdkErrorClass(Base) {
  let Over = overSdk.get(Base);
  if (Over === undefined) {
    const SdkBase = /** @type {new (options: object) => Error} */ (Base);
    Over = class InvalidRequestException extends SdkBase {
      /**
       * @param {Report} report
       * @param {string} operation
       */
      constructor(report, operation) {
        super({ message: refusalMessage(report), $metadata: {} });
        // The SDK's constructors set their own prototype; take ours back.
        Object.setPrototypeOf(this, new.target.prototype);
        describeRefusal(this, report, operation);
      }
    };
    /** @type {any} */ (Over.prototype)[ERROR_BRAND] = true;
    overSdk.set(Base, Over);
  }
  return Over;
}

const WARNINGS = ['ignore', 'log', 'throw'];

/**
 * The options checked, and the `warnings` mode with its default.
 * @param {unknown} options
 * @returns {{ given: MiddlewareOptions, warnings: 'ignore' | 'log' | 'throw' }}
 */
function middlewareOptions(options) {
  const given = /** @type {any} */ (options === undefined || options === null ? {} : options);
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
 * @param {typeof import('../index.d.ts').validate} validate
 * @param {() => unknown} [loadSdk]
 * @returns {typeof import('../aws-sdk.d.ts')}
 */
export function makeMiddleware(validate, loadSdk) {
  const NAME = 'iotJobsPolicyMiddleware';
  /** @type {Promise<ErrorClass | undefined> | undefined} */
  let sdkBase;
  function loadedBase() {
    if (sdkBase === undefined) {
      sdkBase = Promise.resolve()
        .then(() => (loadSdk === undefined ? undefined : loadSdk()))
        .then((/** @type {any} */ m) => {
          // An ES-module namespace of the CommonJS SDK may hold it under `default` only.
          const sdk = m && typeof m.InvalidRequestException === 'function' ? m : m && m.default;
          return sdk && typeof sdk.InvalidRequestException === 'function' ? sdk.InvalidRequestException : undefined;
        })
        .catch(() => undefined);
    }
    return sdkBase;
  }
  /**
   * @param {MiddlewareOptions} [options]
   * @returns {IotJobsPolicyMiddleware}
   */
  function iotJobsPolicyMiddleware(options) {
    const { given, warnings } = middlewareOptions(options);
    /**
     * @param {Report} report
     * @param {string} operation
     */
    async function refusal(report, operation) {
      const Base = given.baseException !== undefined ? given.baseException : await loadedBase();
      return Base === undefined ? new InvalidRequestException(report, operation) : new (sdkErrorClass(Base))(report, operation);
    }
    /** @type {IotJobsPolicyMiddleware} */
    const middleware = /** @type {any} */ ((/** @type {Parameters<IotJobsPolicyMiddleware>[0]} */ next, /** @type {Parameters<IotJobsPolicyMiddleware>[1]} */ context) => async (/** @type {{ input: any }} */ args) => {
      const commandName = context ? context.commandName : undefined;
      const operation = typeof commandName === 'string' && Object.prototype.hasOwnProperty.call(COMMANDS, commandName) ? COMMANDS[commandName] : undefined;
      if (operation !== undefined) {
        // `now` defaults to the clock; a function is called per request;
        // `null` leaves the time-dependent rules out (skippedRule warnings).
        let now = 'now' in given ? given.now : Date.now();
        if (typeof now === 'function') now = now();
        const input = args.input;
        const report = validate(operation, input, { api: given.api, profile: given.profile, now, documentSchema: given.documentSchema });
        if (given.onReport !== undefined) await given.onReport(report, { operation, commandName: /** @type {string} */ (commandName), input });
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
    });
    /** @type {IotJobsPolicyMiddleware['addOptions']} */
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

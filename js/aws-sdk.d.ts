// Hand-written types for `iot-jobs-policy/aws-sdk` (published twice, as
// aws-sdk.d.ts for `require` and aws-sdk.d.mts for `import`; the package
// imports itself by name so that each resolves the matching index types).
import type { Options, Report, Violation } from 'iot-jobs-policy';

/** Options of the middleware: the validator's options, with `now` also a function. */
export interface MiddlewareOptions {
  /** The API version whose model to apply: `latest` (default) or `2022-01`. */
  api?: Options['api'];
  /** `documented` (default) or `model`. */
  profile?: Options['profile'];
  /**
   * The current time for the time-dependent rules. Defaults to the clock at
   * each request (`Date.now()`); a function is called at each request;
   * `null` skips those rules (they answer `skippedRule` warnings).
   */
  now?: Options['now'] | (() => number | Date | string);
  /** The caller's job-document schema (only in the document-schema build; see `Options`). */
  documentSchema?: Options['documentSchema'];
  /**
   * Called with the report of every checked command, valid or not (before
   * a refusal is thrown, before a valid request is sent). An async hook is
   * awaited; what it throws rejects the `send`. Not called for commands
   * passed through (see `PASSED_THROUGH`).
   */
  onReport?: (report: Report, call: ReportContext) => void | Promise<void>;
  /**
   * What to do with a valid request that has warnings (see `Violation.severity`):
   * - `'log'` (default): send it, and write one line per request listing its
   *   warnings to `logger.warn`, where `logger` is this option's `logger` or
   *   else the client's (`new IoTClient({ logger })`). The SDK's default
   *   logger writes nothing, so by default nothing appears, as before.
   * - `'ignore'`: send it and say nothing (`onReport` still sees them).
   * - `'throw'`: refuse it like an invalid one (`InvalidRequestException`,
   *   its message listing the warnings).
   */
  warnings?: 'ignore' | 'log' | 'throw';
  /** Where `warnings: 'log'` writes: anything with a `warn` method, such as the SDK's `Logger` or `console`. Defaults to the client's logger. */
  logger?: { warn(...content: any[]): void };
  /**
   * The SDK's `InvalidRequestException` class (`import { InvalidRequestException } from '@aws-sdk/client-iot'`):
   * the thrown error is then built over it, so it is an instance of it and of
   * `IoTServiceException` on every SDK version. In Node the middleware loads
   * it by itself when it can (`@aws-sdk/client-iot` resolvable from this
   * package); browsers' builds need this option for that.
   */
  baseException?: abstract new (...args: any[]) => Error;
}

/** The second argument of `onReport`. */
export interface ReportContext {
  /** The operation checked, e.g. `CreateJob`. */
  operation: string;
  /** The SDK command's name, e.g. `CreateJobCommand`. */
  commandName: string;
  /** The command's input, as given to the command (not a copy: do not change it). */
  input: unknown;
}

/** A middleware for `client.middlewareStack.add(mw, mw.addOptions)`, and a pluggable for `client.middlewareStack.use(mw)`. */
export interface IotJobsPolicyMiddleware {
  /** The SDK's initialize-step middleware signature. */
  (next: (args: { input: any }) => Promise<any>, context: { commandName?: string; logger?: { warn(...content: any[]): void } }): (args: { input: any }) => Promise<any>;
  /** Adds the middleware to a client's or command's stack (the `Pluggable` shape). */
  applyToStack(stack: { add(mw: any, options: any): void }): void;
  /** The options `applyToStack` uses: `{ step: 'initialize', name: 'iotJobsPolicyMiddleware', ... }`. */
  addOptions: { step: 'initialize'; name: string; tags: string[]; override: boolean };
}

/**
 * Builds a middleware that validates the input of the seven IoT Jobs commands
 * (`CreateJobCommand`, `UpdateJobCommand`, ...; see `COMMANDS`) before it is
 * serialised, signed or sent, and throws `InvalidRequestException` when
 * invalid. Every other command, including the other Jobs commands listed in
 * `PASSED_THROUGH`, passes untouched.
 *
 * @throws TypeError with `code: 'invalidOptions'` for a misspelt option value.
 */
export function iotJobsPolicyMiddleware(options?: MiddlewareOptions): IotJobsPolicyMiddleware;

/**
 * The error the middleware throws, shaped like the service's own. Where the
 * SDK's classes are at hand (see `MiddlewareOptions.baseException`) it is
 * also an instance of `@aws-sdk/client-iot`'s `InvalidRequestException` and
 * `IoTServiceException`; recent SDKs recognise it as both even without them.
 * `instanceof InvalidRequestException` holds whichever entry of this package
 * (`import` or `require`) threw it.
 */
export class InvalidRequestException extends Error {
  /** Builds the error for a report (its `awsMessage`, or for a valid report refused for its warnings, the warnings). */
  constructor(report: Report, operation: string);
  /** Always `InvalidRequestException`, as the service names it. */
  name: 'InvalidRequestException';
  /** Always `client`, as for the service's own validation errors. */
  $fault: 'client';
  /** Empty: no request was sent. */
  $metadata: Record<string, never>;
  /** The operation whose input was refused, e.g. `CreateJob`. */
  operation: string;
  /** Every violation (errors and warnings). */
  violations: Violation[];
  /** The whole report; `message` is its `awsMessage` (or, refused for warnings only, a list of them). */
  report: Report;
}

/** The SDK command names the middleware checks, mapped to operation names. */
export const COMMANDS: Readonly<Record<string, string>>;

/**
 * The other IoT Jobs control-plane commands (`CancelJobCommand`,
 * `DeleteJobCommand`, `AssociateTargetsWithJobCommand`, ...), mapped to
 * operation names: the middleware passes them through unchecked, since the
 * engine has no rules for these operations yet.
 */
export const PASSED_THROUGH: Readonly<Record<string, string>>;

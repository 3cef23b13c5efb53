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
}

/** A middleware for `client.middlewareStack.add(mw, mw.addOptions)`, and a pluggable for `client.middlewareStack.use(mw)`. */
export interface IotJobsPolicyMiddleware {
  /** The SDK's initialize-step middleware signature. */
  (next: (args: { input: any }) => Promise<any>, context: { commandName?: string }): (args: { input: any }) => Promise<any>;
  /** Adds the middleware to a client's or command's stack (the `Pluggable` shape). */
  applyToStack(stack: { add(mw: any, options: any): void }): void;
  /** The options `applyToStack` uses: `{ step: 'initialize', name: 'iotJobsPolicyMiddleware', ... }`. */
  addOptions: { step: 'initialize'; name: string; tags: string[]; override: boolean };
}

/**
 * Builds a middleware that validates the input of the seven IoT Jobs commands
 * (`CreateJobCommand`, `UpdateJobCommand`, ...) before it is serialised,
 * signed or sent, and throws `InvalidRequestException` when invalid. Other
 * commands pass untouched.
 */
export function iotJobsPolicyMiddleware(options?: MiddlewareOptions): IotJobsPolicyMiddleware;

/** The error the middleware throws, shaped like the service's own. */
export class InvalidRequestException extends Error {
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
  /** The whole report; `message` is its `awsMessage`. */
  report: Report;
}

/** The SDK command names the middleware checks, mapped to operation names. */
export const COMMANDS: Readonly<Record<string, string>>;

// Hand-written types for `iot-jobs-policy` (every entry: Node ESM, Node
// CommonJS, browsers; published twice, as index.d.ts for `require` and
// index.d.mts for `import` and browsers, with the same content). Tests
// check that `ErrorCode` equals `codes()` (test/api.test.mjs) and that
// `Operation`, `Event` and `MachineErrorCode` agree with the Rust core
// (test/names.test.mjs); `tsc -p tsconfig.json` checks js/src/ against them.

// The generated request types (requests.d.ts), which the package build
// appends to this file in place of this import.
import type { ApiVersion, RequestOf } from './requests.js';

/** The seven operations (snake_case forms such as `create_job` are accepted too). */
export type Operation =
  | 'CreateJob'
  | 'CreateJobTemplate'
  | 'DescribeJob'
  | 'DescribeJobTemplate'
  | 'ListJobExecutionsForJob'
  | 'ListJobExecutionsForThing'
  | 'UpdateJob'
  | 'create_job'
  | 'create_job_template'
  | 'describe_job'
  | 'describe_job_template'
  | 'list_job_executions_for_job'
  | 'list_job_executions_for_thing'
  | 'update_job';

/** The stable machine code of a violation; match on it, never on message text. */
export type ErrorCode =
  | 'tooLarge'
  | 'tooDeep'
  | 'invalidUtf8'
  | 'invalidJson'
  | 'nonFiniteNumber'
  | 'numberTooLarge'
  | 'notAnObject'
  | 'duplicateKey'
  | 'tooManyViolations'
  | 'required'
  | 'type'
  | 'unknownField'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'minimum'
  | 'maximum'
  | 'exclusiveMinimum'
  | 'enum'
  | 'minItems'
  | 'maxItems'
  | 'decimalPlaces'
  | 'mutuallyExclusive'
  | 'missingOneOf'
  | 'duplicate'
  | 'retryBudget'
  | 'notJson'
  | 'managedTemplateOnly'
  | 'retryNotZero'
  | 'timestampFormat'
  | 'scheduleWindow'
  | 'cron'
  | 'skippedRule'
  | 'noEffect'
  | 'suspicious'
  | 'documentSchema';

/** The `.code` of a `TypeError` thrown for misuse (never for an invalid request). */
export type UsageErrorCode = 'unknownOperation' | 'invalidRequest' | 'invalidOptions' | 'invalidDocumentSchema' | 'notInitialized' | 'internal';

/** Whether a violation makes the request invalid (`error`) or is advice (`warning`). */
export type Severity = 'error' | 'warning';

/**
 * Where a rule comes from: the AWS service model, the AWS documentation's
 * prose, or the caller's own job-document schema (`user`; only builds with
 * the document-schema feature, not this package, produce it).
 */
export type Source = 'model' | 'documented' | 'user';

/** How to validate. Every member is optional. */
export interface Options {
  /** The API version whose model to apply: `latest` (default) or `2022-01`. */
  api?: 'latest' | '2022-01';
  /** `documented` (default) applies the model and the documented rules; `model` only the model. */
  profile?: 'documented' | 'model';
  /**
   * The current time, for the rules that depend on it (scheduling windows):
   * epoch milliseconds, a `Date`, or an RFC 3339 string. Without it those rules
   * are skipped with a `skippedRule` warning; the validator never reads a clock.
   */
  now?: number | Date | string | null;
  /**
   * The caller's JSON Schema for the inline job `document` (an object, a
   * boolean schema, or JSON text); each failure is a `documentSchema`
   * violation under `/document` with source `user`. Only the document-schema
   * build has it (`features().documentSchema`); the default package throws
   * `invalidOptions`, and a schema that cannot be compiled throws
   * `invalidDocumentSchema`.
   */
  documentSchema?: object | boolean | string | null;
}

/** What this build of the package can do. */
export interface Features {
  /** Whether `options.documentSchema` is supported (the opt-in document-schema build). */
  documentSchema: boolean;
  /** Whether `schema()` and `schemaInfo()` are available (true in the default package and the opt-in build). */
  schema: boolean;
}

/** One thing wrong with (or worth saying about) a request. */
export interface Violation {
  /** The stable machine code. */
  code: ErrorCode;
  /** RFC 6901 JSON Pointer into the request (`""` for the request itself), indices 0-based. */
  path: string;
  /** One lowercase sentence for people; the offending value in backticks. */
  message: string;
  /** `error` makes the request invalid; `warning` is advice. */
  severity: Severity;
  /** `model`, `documented` or `user`. */
  source: Source;
  /** The id of the rule in `rules()`, e.g. `model.maxLength`. */
  rule: string;
  /** A hint such as "did you mean `jobExecutionsRetryConfig`?", or `null`. */
  help: string | null;
  /**
   * Where in the validated text the violation is (the offending value, the key
   * of an unknown or duplicate member, or the object missing a required one),
   * or `null` when it has no place. Always `null` when the request was given
   * as an object (there is no text of the caller's to point into).
   */
  position: Position | null;
}

/** A place in the validated request text. */
export interface Position {
  /** Byte offset in the UTF-8 text (not a UTF-16 string index). */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, in Unicode code points. */
  column: number;
}

/** The outcome of validating one request: the same object as the Rust and CLI JSON. */
export interface Report {
  /** True when no violation is an error (warnings allowed). */
  valid: boolean;
  /** Every violation, errors and warnings, in a stable order. */
  violations: Violation[];
  /** The errors as the AWS service would phrase them, or `null` when valid. */
  awsMessage: string | null;
}

/** One rule the validator applies: a `rules()` entry of kind `validator`. */
export interface Rule {
  /** `validator`: a rule the validator applies, with a code and a severity. */
  kind: 'validator';
  /** Stable id, e.g. `model.maxLength` or `retry-total`. */
  id: string;
  /** The code its violations carry. */
  code: ErrorCode;
  /** Error or warning. */
  severity: Severity;
  /** Model or documented. */
  source: Source;
  /** What the rule says, in one sentence. */
  summary: string;
  /** The AWS page (or RFC) the rule comes from. */
  link: string;
  /**
   * The id of the `reference` entry the rule applies (`V-10`), or several
   * separated by `, ` (`V-5, V-25`); `null` for none.
   */
  reference: string | null;
}

/**
 * How well a `machine` or `reference` entry is backed by AWS sources:
 * stated in a current AWS page or the latest model (`confirmed`), in the
 * 2022 developer guide (`documented2022`), a reading of the sources
 * (`inferred`), stated nowhere (`unconfirmed`), or sources that disagree
 * (`contradictory`).
 */
export type Provenance = 'confirmed' | 'documented2022' | 'inferred' | 'unconfirmed' | 'contradictory';

/**
 * One documented behaviour of AWS IoT Jobs that the machine and the
 * validator cite by id: a `rules()` entry of kind `machine` (`J1`..`J14`
 * job transitions, `E1`..`E15` execution transitions, `R-1`..`R-23`
 * runtime rules: the `rule` of every machine effect and error) or
 * `reference` (`V-1`..`V-36` request rules, `Q-1`..`Q-8` quotas,
 * `C-1`..`C-10` contradictions between sources: what `Rule.reference` names).
 */
export interface Reference {
  /** `machine` (J, E, R-) or `reference` (V-, Q-, C-). */
  kind: 'machine' | 'reference';
  /** Stable id, e.g. `J3`, `E12`, `R-9`, `V-21`, `Q-4`, `C-5`. */
  id: string;
  /** What AWS states (or, for a contradiction, what the sources disagree on), in one sentence. */
  summary: string;
  /** How well the statement is backed. */
  provenance: Provenance;
  /** The AWS pages it comes from (for a statement no page makes: the page defining the members involved). */
  links: string[];
  /** The choice this package made where AWS documents nothing, the sources disagree, or the behaviour is not modelled; `null` when applied as stated. */
  choice: string | null;
}

/** One entry of `rules()`: tell the kinds apart by `kind`. */
export type CatalogueEntry = Rule | Reference;

/** A `TypeError` thrown for misuse; its `code` says which. */
export interface UsageError extends TypeError {
  /** `unknownOperation`, `invalidRequest`, `invalidOptions`, `invalidDocumentSchema` or `notInitialized`. */
  code: UsageErrorCode;
}

/**
 * Validates `request` for `operation` and returns every violation. An invalid
 * request never throws; misuse throws a `TypeError` with a `.code` (see
 * `UsageErrorCode`).
 *
 * `request` is an object (serialised with `JSON.stringify`, which drops
 * `undefined` members) or JSON text (validated exactly as given, so
 * duplicate keys and malformed JSON are reported). `NaN` and `±Infinity`,
 * which `JSON.stringify` would turn into `null` (read as an absent member),
 * are passed on as literals and reported as `nonFiniteNumber`; `BigInt`
 * values, cycles and bytes (`Uint8Array`, `Buffer`, `ArrayBuffer`: decode
 * them to text first) throw `invalidRequest`. An object nested too deep
 * for `JSON.stringify` is reported `tooDeep`, as its text would be.
 *
 * JSON text longer than 1 MiB (1,048,576 UTF-16 code units) is reported
 * `tooLarge` (with its exact UTF-8 size) without being copied into the
 * WebAssembly memory; shorter text over 1 MiB of UTF-8 is refused the same
 * way by the core. A lone surrogate (a `\ud800`–`\udfff` code unit not in a
 * pair) is passed on as the JSON escape `JSON.stringify` writes for it, so a
 * string request is refused (`invalidJson`, "lone surrogate") exactly like
 * the object or the escaped text, never judged with U+FFFD in its place.
 *
 * A getter or `Proxy` trap of the options that throws while they are
 * read throws `invalidOptions` (the caller's error as its `cause`), and an
 * own `__proto__` key (from `JSON.parse`) is refused as an unknown option.
 */
export function validate<Op extends Operation, R, Api extends ApiVersion = 'latest'>(
  operation: Op,
  request: RequestArgument<Op, R, Api>,
  options?: Options & { api?: Api },
): Report;

/** Whether `request` is valid; faster than `validate(...).valid` (no messages are built). Typed as `validate`. */
export function isValid<Op extends Operation, R, Api extends ApiVersion = 'latest'>(
  operation: Op,
  request: RequestArgument<Op, R, Api>,
  options?: Options & { api?: Api },
): boolean;

/**
 * What `validate` and `isValid` accept as the request, given its static type
 * `R` (inferred from the argument):
 *
 * - typed data (an object literal, a `CreateJobRequest`, an SDK
 *   `CreateJobCommandInput`, ...) must be `RequestOf<Op, Api>`: the request
 *   type of the operation in the API version of `options.api` (`latest` by
 *   default), so a misspelt member or a wrong type is a compile error;
 * - JSON text (`string`) is always accepted;
 * - untyped data is accepted as it is, for `validate` to judge at run time:
 *   `unknown` and `any` (`JSON.parse`), and objects with a string index
 *   signature (`Record<string, unknown>`). Anything else, e.g. a value typed
 *   `object`, can be widened first: `validate('CreateJob', body as unknown)`.
 */
export type RequestArgument<Op extends Operation, R, Api extends ApiVersion> =
  unknown extends R ? R
  : string extends keyof R ? R
  : R extends string ? string
  : RequestOf<Op, Api>;

/**
 * The catalogue, as `iot-jobs-policy rules --format json` prints it: every
 * rule the validator applies (`kind: 'validator'`, in the documented order),
 * then the machine's rules (`kind: 'machine'`), then the documented rules,
 * quotas and contradictions they cite (`kind: 'reference'`). Ids are unique.
 * A fresh array each call.
 *
 * @example
 * const validatorRules = rules().filter((r): r is Rule => r.kind === 'validator');
 */
export function rules(): CatalogueEntry[];

/** Every violation code, in the documented order (the values of `ErrorCode`). */
export function codes(): ErrorCode[];

/** What this build can do (`documentSchema` only in the opt-in build). */
export function features(): Features;

/** The seven operation names (CamelCase). */
export function operations(): Operation[];

/** How to export a request schema. Every member is optional. */
export interface SchemaOptions {
  /** The API version whose model the schema states: `latest` (default) or `2022-01`. */
  api?: 'latest' | '2022-01';
  /**
   * `documented` (default): the model and the documented rules JSON Schema can
   * state; `model`: the model alone (agrees with `profile: 'model'` in `validate`).
   */
  profile?: 'documented' | 'model';
  /**
   * `2020-12` (default) or `draft-07` (what VS Code's JSON service, Monaco and
   * the YAML language server read).
   */
  dialect?: '2020-12' | 'draft-07';
}

/**
 * A JSON Schema document (a plain object: `$schema`, `$id`, `type`,
 * `properties`, ...; descriptions in `description` and `markdownDescription`,
 * what it cannot state in `$comment`).
 */
export interface JsonSchema {
  $schema: string;
  $id: string;
  $comment: string;
  [keyword: string]: unknown;
}

/**
 * The JSON Schema of `operation`'s request, generated from the validator's
 * own rule tables: types, required members, `additionalProperties: false`,
 * lengths, ranges, enums, list sizes, patterns (ECMAScript, for the `u`
 * flag), decimal places as `multipleOf`, and `document` xor `documentSource`.
 * For editors (Monaco `setDiagnosticsOptions`, VS Code `json.schemas`) and
 * other JSON Schema validators; `validate` remains the full check: what a
 * schema cannot state is in `schemaInfo().inexpressible`. A fresh object per
 * call. Misuse throws `unknownOperation` or `invalidOptions`.
 *
 * In the package's second WebAssembly module (`iot_jobs_policy_extras_bg.wasm`,
 * with the transition function): Node loads it synchronously on the first
 * call; in browsers `await initExtras()` loads it.
 * The CLI's `iot-jobs-policy schema` prints the same schemas.
 */
export function schema(operation: Operation, options?: SchemaOptions): JsonSchema;

/** What the exported schemas state and what they cannot. */
export interface SchemaInfo {
  /** The dialects `schema()` writes, the default first. */
  dialects: Array<'2020-12' | 'draft-07'>;
  /**
   * The ids of the error rules (see `rules()`) the schemas express: a request
   * has an error from one of these exactly when its schema rejects it (other
   * rules are checked only by `validate`).
   */
  expressedRules: string[];
  /** What no schema can state, one line each (`id: explanation`), as in the schema's `$comment`. */
  inexpressible: string[];
}

/**
 * What the exported schemas state (`expressedRules`) and what they cannot
 * (`inexpressible`). In the second module, like `schema()`.
 */
export function schemaInfo(): SchemaInfo;

/** What `init` and `initExtras` can load a module from. */
export type InitInput = URL | string | Response | BufferSource | WebAssembly.Module;

/** Whether (and from where) `init` loads the second module (the transition function, `schema()`) too. */
export interface InitOptions {
  /**
   * `true`: the second module too, from `iot_jobs_policy_extras_bg.wasm` next
   * to its glue; a URL, `Response`, bytes or module: from there. Absent or
   * `false`: the core only (load the second later with `initExtras()`).
   */
  extras?: boolean | InitInput | Promise<InitInput>;
}

/**
 * Loads the core WebAssembly module (`validate`, `isValid`, `rules`,
 * `codes`, ...) in browsers and workers, from `input`, by default
 * `iot_jobs_policy_bg.wasm` next to the module (fetched relative to
 * `import.meta.url`, which webpack 5 and Vite follow). The second module
 * (`Job`, `schema()`, `schemaInfo()`) is not loaded unless
 * `options.extras` asks for it: see `initExtras`. Idempotent. Serve the
 * files as `application/wasm`; a Content-Security-Policy needs
 * `'wasm-unsafe-eval'` in `script-src`. A no-op in Node, which loads the core
 * on import and the second module on first use.
 */
export function init(input?: InitInput | Promise<InitInput>, options?: InitOptions): Promise<void>;

/**
 * Loads the second WebAssembly module (`Job`, `schema()`, `schemaInfo()`):
 * its glue (a dynamic `import()`, which bundlers split into a chunk of its
 * own) and its `.wasm` from `input`, by default
 * `iot_jobs_policy_extras_bg.wasm` next to it; the core too when `init()`
 * has not loaded it. Until it resolves, those throw `notInitialized`.
 * Idempotent; a failed load may be retried. In Node it loads the second
 * module now (synchronously) instead of on first use.
 */
export function initExtras(input?: InitInput | Promise<InitInput>): Promise<void>;

/** The second module's bytes for `initSync`. */
export interface InitSyncOptions {
  extras?: BufferSource | WebAssembly.Module;
}

/**
 * Loads the core module synchronously from its bytes (a no-op in Node), and
 * the second module from `options.extras` when given. The second module's
 * glue is a separate chunk imported asynchronously: before an
 * `initExtras()` has imported it, `options.extras` throws `notInitialized`
 * (use `await initExtras(extrasBytes)`, which accepts bytes too). Without
 * the second module, `Job`, `schema()` and `schemaInfo()` throw
 * `notInitialized`.
 */
export function initSync(bytes: BufferSource | WebAssembly.Module, options?: InitSyncOptions): void;

// ---------------------------------------------------------------------------
// The transition function: a deterministic model of a job and its executions
// (the Rust `machine` module). Times are epoch milliseconds (whole numbers or
// Dates) in arguments, events, effects and `inspect`/`execution`; the
// AWS-shaped views (`describe`, the List responses) give epoch seconds.
// ---------------------------------------------------------------------------

/** A job's status. */
export type JobStatus = 'SCHEDULED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELED' | 'DELETION_IN_PROGRESS';

/** An execution's status. */
export type ExecutionStatus = 'QUEUED' | 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'REJECTED' | 'REMOVED' | 'CANCELED';

/** What a device may report (UpdateJobExecution, StartNextPendingJobExecution). */
export type DeviceStatus = 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | 'REJECTED';

/** Epoch milliseconds (a safe integer) or a valid Date. */
export type Time = number | Date;

/** UpdateJobExecution / StartNextPendingJobExecution for one thing. */
export interface DeviceUpdateEvent {
  type: 'deviceUpdate';
  /** Thing name. */
  thing: string;
  /** The reported status. */
  status: DeviceStatus;
  /** New step timer in minutes (1..10080), or -1 to clear it. */
  stepTimeoutInMinutes?: number | null;
  /** The version the device expects; a mismatch is `VersionConflictException`. */
  expectedVersion?: number | null;
}
/** Time passes: fire everything due up to and including `to`. */
export interface AdvanceEvent {
  type: 'advance';
  /** Epoch milliseconds. */
  to: number;
}
/** CancelJob. */
export interface CancelJobEvent {
  type: 'cancelJob';
  /** Also cancel IN_PROGRESS executions (default false). */
  force?: boolean;
  /** `[A-Z0-9_]+`, at most 128 characters. */
  reasonCode?: string | null;
  /** At most 2028 characters. */
  comment?: string | null;
}
/** CancelJobExecution. */
export interface CancelJobExecutionEvent {
  type: 'cancelJobExecution';
  /** Thing name. */
  thing: string;
  /** Also cancel an IN_PROGRESS execution (default false). */
  force?: boolean;
  /** The version the caller expects; a mismatch is `VersionConflictException`. */
  expectedVersion?: number | null;
}
/** DeleteJob. */
export interface DeleteJobEvent {
  type: 'deleteJob';
  /** Needed to delete a job that is not COMPLETED or CANCELED (default false). */
  force?: boolean;
}
/** UpdateJob, validated as an UpdateJob request first. */
export interface UpdateJobEvent {
  type: 'updateJob';
  /** The UpdateJob request (`jobId` must name this job). */
  request: Record<string, unknown>;
}
/** A thing joined a targeted group. */
export interface ThingAddedEvent {
  type: 'thingAdded';
  /** Thing name. */
  thing: string;
}
/** A thing left a targeted group (or was deleted). */
export interface ThingRemovedEvent {
  type: 'thingRemoved';
  /** Thing name. */
  thing: string;
}
/** One input to the machine. */
export type Event =
  | DeviceUpdateEvent
  | AdvanceEvent
  | CancelJobEvent
  | CancelJobExecutionEvent
  | DeleteJobEvent
  | UpdateJobEvent
  | ThingAddedEvent
  | ThingRemovedEvent;

/** The job's status changed. */
export interface JobStatusChangedEffect {
  type: 'jobStatusChanged';
  /** When it happened (epoch ms): the time its deadline fired, or the event's (the creation's) time. */
  at: number;
  /** The previous status (absent at creation). */
  from?: JobStatus;
  /** The new status. */
  to: JobStatus;
  /** The id of the rule catalogue entry (`rules()`) that caused it (`J1`, `R-9`, ...). */
  rule: string;
}
/** An execution's status changed; `to: 'QUEUED'` notifies the device. */
export interface ExecutionStatusChangedEffect {
  type: 'executionStatusChanged';
  /** When it happened (epoch ms): the time its deadline fired, or the event's (the creation's) time. */
  at: number;
  /** Thing name. */
  thing: string;
  /** The previous status (absent for a new execution). */
  from?: ExecutionStatus;
  /** The new status. */
  to: ExecutionStatus;
  /** `executionNumber` (absent for a thing removed before it had an execution). */
  executionNumber?: number;
  /** `retryAttempt` after the change. */
  retryAttempt: number;
  /** Present (true) when a forced cancel ended an IN_PROGRESS execution. */
  forceCanceled?: true;
  /** The rule that caused it. */
  rule: string;
}
/** The abort criteria fired (followed by the job's change to CANCELED). */
export interface JobAbortedEffect {
  type: 'jobAborted';
  /** When it happened (epoch ms): the time its deadline fired, or the event's (the creation's) time. */
  at: number;
  /** The criterion's `failureType`. */
  failureType: string;
  /** Terminal executions counted. */
  executed: number;
  /** Of which matched the failure type. */
  matched: number;
  /** The `reasonCode` recorded on the job. */
  reasonCode: string;
  /** The `comment` recorded on the job. */
  comment: string;
  /** The rule that caused it. */
  rule: string;
}
/** A thing left the group of a CONTINUOUS job while IN_PROGRESS: its remaining retries are canceled. */
export interface RetriesCanceledEffect {
  type: 'retriesCanceled';
  /** When it happened (epoch ms): the time its deadline fired, or the event's (the creation's) time. */
  at: number;
  /** Thing name. */
  thing: string;
  /** The rule that caused it. */
  rule: string;
}
/** UpdateJob changed the job's configuration. */
export interface JobUpdatedEffect {
  type: 'jobUpdated';
  /** When it happened (epoch ms): the time its deadline fired, or the event's (the creation's) time. */
  at: number;
  /** The members that were set. */
  fields: string[];
  /** The rule that caused it. */
  rule: string;
}
/** DeleteJob was accepted. */
export interface JobDeletedEffect {
  type: 'jobDeleted';
  /** When it happened (epoch ms): the time its deadline fired, or the event's (the creation's) time. */
  at: number;
  /** The rule that caused it. */
  rule: string;
}
/**
 * One output of the machine: something that changed and that the outside
 * world may act on, with `at`, when it happened. When one call fires
 * several deadlines (an `advance` over several rollout minutes), each effect
 * carries the time its own deadline fired.
 */
export type Effect =
  | JobStatusChangedEffect
  | ExecutionStatusChangedEffect
  | JobAbortedEffect
  | RetriesCanceledEffect
  | JobUpdatedEffect
  | JobDeletedEffect;

/** Why the machine refused a creation or an event (AWS exceptions keep their names). */
export type MachineErrorCode =
  | 'InvalidStateTransitionException'
  | 'VersionConflictException'
  | 'ResourceNotFoundException'
  | 'InvalidRequestException'
  | 'timeWentBackwards'
  | 'deadlinePending';

/** A validator error carried by an `InvalidRequestException`. */
export interface RequestViolation {
  /** The validator's code, e.g. `maximum`. */
  code: ErrorCode;
  /** JSON Pointer into the request. */
  path: string;
  /** One lowercase sentence. */
  message: string;
}

/** A refused event as `step` reports it (`MachineError` without the Error parts). */
export interface MachineErrorInfo {
  /** The AWS exception name or the machine's own code. */
  code: MachineErrorCode;
  /** One lowercase sentence for people. */
  message: string;
  /**
   * The id of the rule catalogue entry (`rules()`) that refuses the event
   * (`E13`, `J13`, `V-1`, ...), when the refusal is AWS behaviour. Absent for
   * the machine's own refusals, which no catalogue entry describes: a time out
   * of range (`InvalidRequestException`) or going backwards
   * (`timeWentBackwards`), a pending deadline (`deadlinePending`).
   */
  rule?: string;
  /** For an invalid CreateJob/UpdateJob request: every error the validator found. */
  violations?: RequestViolation[];
}

/** Thrown by `Job.create` and `Job.apply`/`advance` for a refusal; the job is unchanged. */
export class MachineError extends Error {
  /** Built by the package for a refusal, from the fields of `MachineErrorInfo`. */
  constructor(error: MachineErrorInfo);
  name: 'MachineError';
  /** The AWS exception name or the machine's own code. */
  code: MachineErrorCode;
  /**
   * The id of the rule catalogue entry (`rules()`) that refuses the event,
   * when the refusal is AWS behaviour; `undefined` for the machine's own
   * refusals (a time out of range or going backwards, a pending deadline).
   */
  rule?: string;
  /** For an invalid CreateJob/UpdateJob request: every error the validator found ([] otherwise). */
  violations: RequestViolation[];
}

/** The `.code` of the TypeError thrown for misuse of the `Job` API (never a MachineError). */
export type JobUsageErrorCode = 'invalidEvent' | 'invalidTime' | 'invalidSnapshot' | 'invalidRequest' | 'invalidOptions' | 'invalidArguments' | 'invalidScenario' | 'invalidSimulation' | 'invalidShard' | 'internal';

/** How to create a job. Every member is optional. */
export interface JobOptions {
  /** Thing names in target order; default: resolved from `targets` (thing ARNs → names, groups through `groups`). */
  things?: string[];
  /** Thing-group membership, keyed by group ARN or group name. */
  groups?: Record<string, string[]>;
  /** Creation time (default 0); also the validator's "now". */
  createdAt?: Time;
  /** The API version the request is validated under: `latest` (default) or `2022-01`. */
  api?: 'latest' | '2022-01';
  /** `documented` (default) or `model`. */
  profile?: 'documented' | 'model';
}

/** Things per status, plus those the rollout has not reached (`pending`); they add up to the number of things. */
export interface Counts {
  queued: number;
  inProgress: number;
  succeeded: number;
  failed: number;
  timedOut: number;
  rejected: number;
  removed: number;
  canceled: number;
  pending: number;
}

/** The job at a glance (`Job.inspect()`). */
export interface JobState {
  /** The job id. */
  jobId: string;
  /** The job's status. */
  status: JobStatus;
  /** The time of the last event or advance (epoch ms). */
  now: number;
  /** When time next matters (epoch ms), or null. */
  nextDeadline: number | null;
  /** Things known to the job (targets plus late joiners). */
  thingCount: number;
  /** Things per status. */
  counts: Counts;
}

/** One thing's execution, typed (times in epoch ms). */
export interface ExecutionState {
  /** Thing name. */
  thing: string;
  /** null while the rollout has not reached the thing. */
  status: ExecutionStatus | null;
  /** `executionNumber` (null before the first execution). */
  executionNumber: number | null;
  /** `retryAttempt`. */
  retryAttempt: number;
  /** `versionNumber`. */
  versionNumber: number;
  /** `queuedAt`, epoch ms. */
  queuedAt: number | null;
  /** `startedAt`, epoch ms. */
  startedAt: number | null;
  /** `lastUpdatedAt`, epoch ms. */
  lastUpdatedAt: number | null;
  /** `forceCanceled`. */
  forceCanceled: boolean;
}

/** `jobProcessDetails` of DescribeJob. */
export interface JobProcessDetails {
  numberOfCanceledThings: number;
  numberOfSucceededThings: number;
  numberOfFailedThings: number;
  numberOfRejectedThings: number;
  numberOfQueuedThings: number;
  numberOfInProgressThings: number;
  numberOfRemovedThings: number;
  numberOfTimedOutThings: number;
}

/** The DescribeJob response (times in epoch seconds; absent members are omitted). */
export interface DescribeJobResponse {
  /** The job: `jobArn`, `jobId`, `targetSelection`, `status`, `forceCanceled`, `targets`, the configs, `createdAt`, ... */
  job: {
    jobArn: string;
    jobId: string;
    targetSelection: 'SNAPSHOT' | 'CONTINUOUS';
    status: JobStatus;
    forceCanceled: boolean;
    targets: string[];
    /** Set by a cancel or an abort. */
    reasonCode?: string;
    /** Set by a cancel or an abort. */
    comment?: string;
    /** Epoch seconds. */
    createdAt: number;
    /** Epoch seconds. */
    lastUpdatedAt: number;
    /** Epoch seconds, once COMPLETED or CANCELED. */
    completedAt?: number;
    /** The counters. */
    jobProcessDetails: JobProcessDetails;
    /** The configs and other members of the request, echoed. */
    [member: string]: unknown;
  };
  /** Beside `job` when the job was created from a `documentSource`. */
  documentSource?: string;
}

/** One execution in a List response (times in epoch seconds). */
export interface JobExecutionSummary {
  status: ExecutionStatus;
  queuedAt?: number;
  startedAt?: number;
  lastUpdatedAt?: number;
  executionNumber?: number;
  retryAttempt: number;
}

/** The ListJobExecutionsForJob response. */
export interface ListJobExecutionsForJobResponse {
  executionSummaries: { thingArn: string; jobExecutionSummary: JobExecutionSummary }[];
  /** Present when there are more: pass it back as `nextToken`. */
  nextToken?: string;
}

/** The ListJobExecutionsForThing response. */
export interface ListJobExecutionsForThingResponse {
  executionSummaries: { jobId: string; jobExecutionSummary: JobExecutionSummary }[];
  /** Present when there are more: pass it back as `nextToken`. */
  nextToken?: string;
}

/** Arguments of the List views. */
export interface ListArgs {
  /** Only executions with this status. */
  status?: ExecutionStatus;
  /** Page size (default 250). */
  maxResults?: number;
  /** The `nextToken` of the previous page. */
  nextToken?: string;
}

/** What `Job.step` answers. */
export interface StepResult {
  /** The effects of the advance to the event's time, then of the event. */
  effects: Effect[];
  /** The refusal of the event (the advance's effects are kept), or null. */
  error: MachineErrorInfo | null;
}

/**
 * One job and its executions, as the Rust `machine::Job` models them. The
 * state is the snapshot text held by the object (nothing to free); every
 * method is deterministic. Misuse throws a TypeError with a
 * `JobUsageErrorCode` `.code`.
 */
export class Job {
  private constructor();
  /** Creates a job from a CreateJob request (object or JSON text); an invalid one throws a MachineError `InvalidRequestException` with `violations`. */
  static create(request: Record<string, unknown> | string, options?: JobOptions): Job;
  /** Like `create`, with the effects of the creation. */
  static createWithEffects(request: Record<string, unknown> | string, options?: JobOptions): { job: Job; effects: Effect[] };
  /** Restores a job from `toSnapshot()` text (from Rust, Node or a browser). */
  static fromSnapshot(snapshot: string): Job;
  /** The state as JSON text; `Job.fromSnapshot` restores it exactly. */
  toSnapshot(): string;
  /** Applies `event` at `at` strictly; throws a MachineError when refused (state unchanged), `deadlinePending` when something is due at or before `at`. */
  apply(at: Time, event: Event): Effect[];
  /** Advances to `at`, then applies `event`; a refusal is returned in `error`, never thrown. */
  step(at: Time, event: Event): StepResult;
  /** Fires everything due up to and including `to`; idempotent. Throws `timeWentBackwards` for a time before `now`. */
  advance(to: Time): Effect[];
  /** When time next matters (epoch ms), or null when only an event can change the job. */
  nextDeadline(): number | null;
  /** The job at a glance. */
  inspect(): JobState;
  /** The job's status. */
  readonly status: JobStatus;
  /** One thing's execution, or null for a thing the job does not know. */
  execution(thing: string): ExecutionState | null;
  /** The DescribeJob response. */
  describe(): DescribeJobResponse;
  /** The ListJobExecutionsForJob response. */
  listExecutionsForJob(args?: ListArgs): ListJobExecutionsForJobResponse;
  /** The ListJobExecutionsForThing response. */
  listExecutionsForThing(thingName: string, args?: ListArgs): ListJobExecutionsForThingResponse;
}

/** The eight event types, in the order of the `Event` union. */
export function eventTypes(): Event['type'][];

/** An event of a replay scenario: an `Event` with its time; an `advance` without `to` advances to its `at`. */
export type ScenarioEvent = (Event & { at: number }) | { at: number; type: 'advance' };

/** A replay scenario, as the CLI's `replay` reads it (README, "Replay"). */
export interface Scenario {
  /** Free text. */
  description?: string;
  /** The CreateJob request. */
  job: Record<string, unknown>;
  /** Thing names in target order; default: resolved from `targets` (groups through `groups`). */
  things?: string[];
  /** Thing-group membership, keyed by group ARN or group name. */
  groups?: Record<string, string[]>;
  /** Creation time, epoch ms (default 0); also the validator's "now". */
  createdAt?: number;
  /** `api` (`latest` default, `2022-01`) and `profile` (`documented` default, `model`). */
  options?: { api?: 'latest' | '2022-01'; profile?: 'documented' | 'model' };
  /** The events, in time order. */
  events?: ScenarioEvent[];
}

/** One entry of a replay timeline: the creation first, then one per event. */
export interface TimelineEntry {
  /** The event's time (epoch ms); the creation time for the first entry. */
  at: number;
  /** The event without its `at`; `{type: 'createJob'}` for the first entry. */
  event: { type: Event['type'] | 'createJob'; [member: string]: unknown };
  /** The effects of the event, each with the time it happened (an advance's at the time each deadline fired). */
  effects: Effect[];
  /** The refusal of the event (the replay goes on), absent when accepted. */
  error?: MachineErrorInfo;
}

/** What `replay` answers for a scenario whose job is valid: the CLI's `replay --format json` output. */
export interface ReplayResult {
  /** The DescribeJob response at the end (times in epoch seconds). */
  describe: DescribeJobResponse;
  /** Every execution: the ListJobExecutionsForJob response, unpaged. */
  executions: ListJobExecutionsForJobResponse;
  /** The creation, then one entry per event. */
  timeline: TimelineEntry[];
}

/**
 * Replays a scenario (an object, or JSON text of at most 1 MiB) exactly as
 * the CLI's `iot-jobs-policy replay --format json` does, and answers its
 * output parsed: `{describe, executions, timeline}`. When the scenario's
 * job is not a valid CreateJob request (a bare thing name in `targets`
 * included), answers the job's validation `Report` (`valid: false`, paths
 * within the job as `validate` gives them), which is what the CLI prints
 * then (exit 1): tell them apart with `'timeline' in result`. A refused event is a
 * timeline entry with its `error`, not an exception.
 *
 * Throws a TypeError with `.code` `invalidScenario` for a scenario that is
 * not well formed (not JSON, an unknown member, over 1 MiB, ...), or
 * `invalidEvent` for a malformed event, with `.index` (its place in
 * `events`, from 0) and `.field` (the member at fault, e.g. an unknown
 * `thingNmae`; absent when the event is not an object; the message names
 * it too, as the CLI's does, e.g. "event 3 (status): unknown device
 * status …"); a MachineError when the machine refuses to create a valid
 * job (an unknown thing group). Needs the
 * extras module (`await initExtras()` in browsers).
 */
export function replay(scenario: Scenario | string): ReplayResult | Report;

/** A delay distribution of a simulation (README, "Simulation"): e.g. `{fixed: 1000}`. */
export type SimulationDelay = Record<string, unknown>;

/**
 * A simulation document, as the CLI's `simulate` reads it (README,
 * "Simulation"; `examples/simulations/`): a CreateJob request, a fleet
 * (`fleetSize`, `things` or `groups`), the devices' behaviour and the run's
 * parameters. The core checks every member; a malformed one throws a
 * TypeError `invalidSimulation` with its `.pointer`.
 */
export interface Simulation {
  /** Free text. */
  description?: string;
  /** The CreateJob request. */
  job: Record<string, unknown>;
  /** Things `thing-1` … `thing-N`. */
  fleetSize?: number;
  /** Thing names. */
  things?: string[];
  /** Membership of the job's thing-group targets, keyed by ARN or group name. */
  groups?: Record<string, string[]>;
  /** `outcomes`, `retryOutcomes`, `pickUp`, `run`, `cohorts` (default: every attempt succeeds at once). */
  devices?: Record<string, unknown>;
  /** Creation time, epoch ms (default 0). */
  createdAt?: number;
  /** Milliseconds after creation that a trial may run (default 30 days). */
  horizon?: number;
  /** Trials (default 1000). */
  trials?: number;
  /** The seed (default 0): a whole number from 0 to 2^53 − 1 (`Number.MAX_SAFE_INTEGER`). */
  seed?: number;
}

/** `{p5, p50, p95, max}` in milliseconds. */
export interface SimulationQuantiles { p5: number; p50: number; p95: number; max: number }
/** `{mean, p5, p50, p95}` of a per-trial count. */
export interface SimulationStats { mean: number; p5: number; p50: number; p95: number }
/** p5 / p50 / p95 per minute. */
export interface SimulationBand { p5: number[]; p50: number[]; p95: number[] }

/** What `simulate` answers: the CLI's `simulate --format json` output, parsed (members in the same order). */
export interface SimulationSummary {
  trials: number;
  seed: number;
  /** The simulation's fingerprint (shards of one simulation share it). */
  fingerprint: string;
  fleetSize: number;
  horizonMs: number;
  /** Trials per final job status. */
  finalStatus: { COMPLETED: number; CANCELED: number; IN_PROGRESS: number; SCHEDULED: number };
  /** The share of trials aborted, with its Wilson 95 % interval. */
  abortProbability: { estimate: number; low: number; high: number };
  /** Time from creation to a terminal job status, over the trials that ended; null when none did. */
  completionMs: SimulationQuantiles | null;
  /** Per final execution status, the per-trial count of things. */
  executions: Record<'SUCCEEDED' | 'FAILED' | 'REJECTED' | 'TIMED_OUT' | 'CANCELED' | 'REMOVED' | 'QUEUED' | 'IN_PROGRESS', SimulationStats>;
  /** Retry attempts per trial. */
  retries: SimulationStats;
  /** Things notified when the abort fired, over aborted trials; null when none was. */
  exposedBeforeAbort: { mean: number; p50: number; p95: number; max: number } | null;
  /** The rollout over time, minute by minute from creation. */
  timeline: { minutes: number; notified: SimulationBand; succeeded: SimulationBand; failed: SimulationBand };
}

/** A histogram: value (as a decimal string key) → number of trials. */
export type SimulationHistogram = Record<string, number>;

/**
 * The exact result of a part of the trials (`simulate(sim, {shard: [i, k]})`,
 * the CLI's `simulate --shard I/K`), for `mergeShards`. `shard` is
 * `[index, count]` with the index from 0, as the CLI writes it.
 */
export interface SimulationShard {
  format: 'iot-jobs-policy/simulation-shard/1';
  fingerprint: string;
  seed: number;
  trials: number;
  fleetSize: number;
  horizonMs: number;
  shard: [number, number];
  trialsRun: number;
  finalStatus: Record<string, number>;
  aborted: number;
  completionMs: SimulationHistogram;
  executions: Record<string, SimulationHistogram>;
  retries: SimulationHistogram;
  exposed: SimulationHistogram;
  notified: { minutes: SimulationHistogram[]; final: SimulationHistogram };
  succeeded: { minutes: SimulationHistogram[]; final: SimulationHistogram };
  failed: { minutes: SimulationHistogram[]; final: SimulationHistogram };
}

/** The options of `simulate`: the CLI's `--trials`, `--seed` and `--shard I/K`. */
export interface SimulateOptions {
  /** Trials, overriding the document's (1 to 1,000,000). */
  trials?: number;
  /** The seed, overriding the document's (0 to 2^53 − 1). */
  seed?: number;
  /** `[i, k]`, `1 <= i <= k`: run only shard `i` of `k` and answer the shard. */
  shard?: [number, number];
}

/** The options of `simulateAsync`. */
export interface SimulateAsyncOptions {
  /** Trials, overriding the document's. */
  trials?: number;
  /** The seed, overriding the document's (0 to 2^53 − 1). */
  seed?: number;
  /**
   * The workers (1 to 256): Node's worker threads (default
   * `os.availableParallelism()`), browsers' Web Workers (default
   * `navigator.hardwareConcurrency`; a Content-Security-Policy must allow
   * `worker-src blob:`, else the shards run in turn on the calling thread).
   * The simulation is cut into `4 × threads` shards. The result does not
   * depend on it.
   */
  threads?: number;
  /** Called as each shard completes with the trials done and the trials in all. */
  onProgress?: (done: number, total: number) => void;
  /** Aborts the simulation: the workers are terminated and the promise rejects with an `AbortError`. */
  signal?: AbortSignal;
}

/**
 * Runs a simulation (an object, or JSON text of at most 64 MiB) exactly as
 * the CLI's `iot-jobs-policy simulate --format json` does, and answers its
 * output parsed; with `{shard: [i, k]}` the shard the CLI's
 * `simulate --shard I/K` prints. When the job is not a valid CreateJob
 * request, answers its validation `Report` (`valid: false`), as `replay`
 * does (tell them apart with `'valid' in result`). Runs on the calling
 * thread (see `simulateAsync`).
 *
 * Throws a TypeError with `.code` `invalidSimulation` and `.pointer` (the
 * JSON Pointer of the member at fault, `''` for the document) for a
 * malformed simulation, `invalidOptions` for malformed options. Needs the
 * extras module (`await initExtras()` in browsers).
 */
export function simulate(simulation: Simulation | string, options?: SimulateOptions & { shard?: undefined }): SimulationSummary | Report;
export function simulate(simulation: Simulation | string, options: SimulateOptions & { shard: [number, number] }): SimulationShard | Report;

/**
 * Merges the shards of one simulation (objects or the JSON text the CLI
 * prints) into its summary, byte for byte the whole run's (the CLI's
 * `simulate --merge`). Throws a TypeError `invalidShard` for a malformed
 * shard (with `.index`) or shards that do not merge (of different
 * simulations, one missing or twice, none).
 */
export function mergeShards(shards: (SimulationShard | string)[]): SimulationSummary;

/**
 * `simulate` off the calling thread: in Node, over `worker_threads` (each
 * worker loads the package and runs shards, merged with `mergeShards`); in
 * browsers, over Web Workers started from a `blob:` URL (each given the
 * extras module the page compiled), or, with one thread or where workers
 * cannot start, shards in turn with a yield to the event loop between them.
 * The summary is `simulate`'s for any number of threads. Rejects as
 * `simulate` throws, or with an `AbortError` when `signal` aborts.
 */
export function simulateAsync(simulation: Simulation | string, options?: SimulateAsyncOptions): Promise<SimulationSummary | Report>;

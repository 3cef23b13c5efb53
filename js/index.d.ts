// Hand-written types for `iot-jobs-policy` (every entry: Node ESM, Node
// CommonJS, browsers; published twice, as index.d.ts for `require` and
// index.d.mts for `import` and browsers, with the same content). A test
// checks that `ErrorCode` equals `codes()`.

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
  | 'skippedRule'
  | 'noEffect'
  | 'ambiguous'
  | 'suspicious'
  | 'documentSchema';

/** The `.code` of a `TypeError` thrown for misuse (never for an invalid request). */
export type UsageErrorCode = 'unknownOperation' | 'invalidRequest' | 'invalidOptions' | 'invalidDocumentSchema' | 'notInitialized';

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

/** One rule the validator applies. */
export interface Rule {
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
  /** The id of the rule in the project's semantics notes (`V-10`, ...), or `null`. */
  reference: string | null;
}

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
 * them to text first) throw `invalidRequest`.
 */
export function validate(operation: Operation, request: object | string, options?: Options): Report;

/** Whether `request` is valid; faster than `validate(...).valid` (no messages are built). */
export function isValid(operation: Operation, request: object | string, options?: Options): boolean;

/** Every rule the validator applies, in the documented order. */
export function rules(): Rule[];

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

/** What the exported schemas state (`expressedRules`) and what they cannot (`inexpressible`). */
export function schemaInfo(): SchemaInfo;

/** What `init` can load the module from. */
export type InitInput = URL | string | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the WebAssembly module (browsers and workers; a no-op in Node).
 * `input` defaults to the `.wasm` file next to the module, fetched relative to
 * `import.meta.url`. Serve it as `application/wasm`; a Content-Security-Policy
 * needs `'wasm-unsafe-eval'` in `script-src`.
 */
export function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/** Loads the WebAssembly module synchronously from its bytes (a no-op in Node). */
export function initSync(bytes: BufferSource | WebAssembly.Module): void;

// The validator's API over the wasm-bindgen glue: objects to JSON text,
// tagged answers to values, misuse to TypeErrors with a `.code`. No
// validation logic lives here; the Rust core (through the glue) does all of
// it, except that a request (an object, or a string as the JSON text it
// holds) first goes to the fast path (fast.js, generated from the core's
// schemas), which answers only when it is certain the core would find no
// violation. Every entry of the package (index.cjs,
// web.mjs, core.*) is built from this module by js/tools/build-pkg.mjs
// (esbuild).

import { EXTRAS, OPERATIONS } from './names.js';
import { FastPath } from './fast.js';

/** @typedef {import('../index.d.ts').Report} Report */
/** @typedef {import('#glue/types').Glue} Glue */

/**
 * A misuse error: a `TypeError` with a `.code` (a `UsageErrorCode` of
 * index.d.ts, or for the `Job` API a `JobUsageErrorCode`).
 * @param {string} code
 * @param {string} message
 * @param {unknown} [cause]
 * @returns {TypeError & { code: string }}
 */
export function usageError(code, message, cause) {
  const e = /** @type {TypeError & { code: string }} */ (new TypeError(message, cause === undefined ? undefined : { cause }));
  e.code = code;
  OURS.add(e);
  return e;
}

/** The errors `usageError` made (not the caller's, whatever their `.code`). */
const OURS = new WeakSet();

/**
 * `e && e.message` of a caught value, for the message of the error it becomes.
 * @param {unknown} e
 * @returns {unknown}
 */
export function messageOf(e) {
  return e && /** @type {{ message?: unknown }} */ (e).message;
}

/** The core's size limit in UTF-8 bytes (`MAX_REQUEST_BYTES`, 1 MiB). */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/**
 * The request as the JSON text the core validates, or `{ tooLarge }` with the
 * UTF-8 size of a string request the core would refuse as `tooLarge` (never
 * copied into wasm memory).
 * @param {unknown} request
 * @returns {string | { tooLarge: number }}
 */
function requestText(request) {
  if (typeof request === 'string') return stringText(request);
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
    // JSON.stringify writes NaN and ±Infinity as `null`, which the core reads
    // as an absent member: an invalid value would pass unseen. Only when the
    // text has a `null` (rare in requests, so the fast path stays one call)
    // is the request serialised again, with the non-finite numbers written as
    // the literals `NaN`/`Infinity`/`-Infinity`, which the core refuses with
    // `nonFiniteNumber`.
    if (typeof text === 'string' && text.includes('null')) text = withNonFinite(request);
  } catch (e) {
    // Nested thousands deep, JSON.stringify overflows the stack (the second
    // pass, with its replacer, sooner): the text it would have written is
    // too deep for the core anyway, so the core answers on a copy cut off
    // below its depth limit (see `shallowText`), as it does for the text.
    const shallow = e instanceof RangeError ? shallowText(request) : undefined;
    if (shallow !== undefined) return shallow;
    // BigInt values and cycles: JSON.stringify cannot carry them.
    throw usageError('invalidRequest', `the request cannot be serialised as JSON: ${messageOf(e)}`, e);
  }
  if (typeof text !== 'string') {
    // An object whose toJSON() answers undefined.
    throw usageError('invalidRequest', 'the request serialises to nothing (a toJSON method answered undefined)');
  }
  return text;
}

/** A lone surrogate (a surrogate code unit not in a pair). */
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;

/**
 * A string request as the text handed to the core.
 *
 * Size: the core refuses more than 1 MiB of UTF-8 as `tooLarge`. A string
 * of more than 1 MiB UTF-16 code units is more than 1 MiB of UTF-8 too
 * (each code unit is at least one byte, a pair four bytes for two units,
 * a lone surrogate three bytes as U+FFFD), so it is refused here, before
 * wasm-bindgen copies it into wasm memory; its exact UTF-8 size (for the
 * message) is counted without copying. A shorter string may still be over
 * 1 MiB of UTF-8: the core counts and refuses that one itself.
 *
 * Lone surrogates: wasm-bindgen's UTF-8 encoding would turn each into
 * U+FFFD and the request would be judged on a character the caller never
 * wrote. JSON.stringify writes a lone surrogate as the escape `\udXXX`, so
 * here each is written the same way (lowercase hex) and the core refuses the
 * string request as it refuses the object and the escaped text (`invalidJson`,
 * "lone surrogate `\ud800` in string"). The escape starts at the byte
 * offset the surrogate had, so the position of the first (the one reported)
 * points at it. A lone surrogate outside a JSON string becomes a backslash
 * the core refuses as a syntax error. (Each escape is six bytes where U+FFFD
 * was three: a request just under the limit with many lone surrogates can
 * be reported `tooLarge` by the core, at the escaped size.)
 * @param {string} text
 * @returns {string | { tooLarge: number }}
 */
function stringText(text) {
  if (text.length > MAX_REQUEST_BYTES) return { tooLarge: utf8Length(text) };
  return escapeLoneSurrogates(text);
}

/**
 * `text` with each lone surrogate written as the JSON escape `\udXXX`
 * (lowercase, as JSON.stringify writes it); `text` itself when it has none.
 * See `stringText`; the `Job` API does the same to a string request.
 * @param {string} text
 * @returns {string}
 */
export function escapeLoneSurrogates(text) {
  if (!LONE_SURROGATE.test(text)) return text;
  return text.replace(LONE_SURROGATES, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The UTF-8 size of `text` as wasm-bindgen encodes it (a lone surrogate as
 * U+FFFD, three bytes), without copying it.
 * @param {string} text
 * @returns {number}
 */
export function utf8Length(text) {
  const buffer = /** @type {{ Buffer?: { byteLength(s: string, e: string): number } }} */ (/** @type {unknown} */ (globalThis)).Buffer;
  if (buffer !== undefined && typeof buffer.byteLength === 'function') return buffer.byteLength(text, 'utf8');
  let n = 0;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < len && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * The core's `tooLarge` report for a request of `size` UTF-8 bytes, as the
 * core writes it (tests compare the two byte for byte).
 * @param {number} size
 * @returns {Report}
 */
function tooLargeReport(size) {
  const message = `the request is ${size} bytes, more than the limit of ${MAX_REQUEST_BYTES}`;
  return /** @type {Report} */ ({
    valid: false,
    violations: [{ code: 'tooLarge', path: '', message, severity: 'error', source: 'model', rule: 'input.tooLarge', help: null, position: { offset: 0, line: 1, column: 1 } }],
    awsMessage: `T${message.slice(1)}`,
  });
}

/** One level past the core's depth limit (64): where `shallowText` cuts. */
const CUT_DEPTH = 65;

/**
 * The request serialised with every array and object nested deeper than
 * the core's limit replaced by `0`, or undefined when nothing was that deep.
 * Everything up to the first container at depth 65, where the core stops
 * with `tooDeep`, is what JSON.stringify would have written, so the core's
 * report (message and its column included) is the one for the whole text.
 * Non-finite numbers are marked as in `withNonFinite`, so one before that
 * point is reported as for the whole text. The size is the cut copy's: an
 * object this deep whose whole text would be over 1 MiB is reported as
 * `tooDeep` (or `tooLarge` at the copy's size when even that is over).
 * @param {object} request
 * @returns {string | undefined}
 */
function shallowText(request) {
  /** @type {WeakMap<object, number>} */
  const depth = new WeakMap();
  let cut = false;
  let found = false;
  let text;
  try {
    text = JSON.stringify(request, /** @this {object} */ function (_key, /** @type {unknown} */ value) {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        found = true;
        return MARK + String(value);
      }
      if (value === null || typeof value !== 'object') return value;
      const d = (depth.get(this) ?? 0) + 1;
      if (d > CUT_DEPTH) {
        cut = true;
        return 0;
      }
      depth.set(value, d);
      return value;
    });
  } catch {
    return undefined;
  }
  if (!cut || typeof text !== 'string') return undefined;
  return found ? text.replace(MARKED, '$1') : text;
}

const MARK = '\u0000iot-jobs-policy-non-finite:';
const MARKED = /"\\u0000iot-jobs-policy-non-finite:(NaN|Infinity|-Infinity)"/g;

/**
 * `JSON.stringify` with NaN and ±Infinity written as JSON-like literals.
 * @param {object} request
 * @returns {string}
 */
function withNonFinite(request) {
  let found = false;
  const text = JSON.stringify(request, (_key, /** @type {unknown} */ value) => {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      found = true;
      return MARK + String(value);
    }
    return value;
  });
  return found ? text.replace(MARKED, '$1') : text;
}

/**
 * The options as the JSON text the core reads ('' for none); `now` as epoch
 * ms, `documentSchema` left out (see `schemaText`). Whatever reading them
 * throws (a getter, a Proxy trap) is the misuse `invalidOptions`.
 * @param {unknown} options
 * @returns {string}
 */
function optionsText(options) {
  return readingOptions(() => optionsJson(options));
}

/**
 * `read()`, with anything it throws that is not already a misuse error
 * (a throwing getter or Proxy trap of the caller's options) turned into the
 * misuse `invalidOptions`.
 * @template T
 * @param {() => T} read
 * @returns {T}
 */
export function readingOptions(read) {
  try {
    return read();
  } catch (e) {
    if (typeof e === 'object' && e !== null && OURS.has(e)) throw e;
    throw usageError('invalidOptions', `the options cannot be read: ${messageOf(e)}`, e);
  }
}

/**
 * @param {unknown} options
 * @returns {string}
 */
function optionsJson(options) {
  const given = optionsObject(options, 'options');
  if (given === undefined) return '';
  // No prototype: an own `__proto__` key of the caller's options (from
  // JSON.parse or defineProperty) is copied as a key the core refuses as an
  // unknown option, not run as the prototype setter and dropped.
  /** @type {Record<string, unknown>} */
  const out = Object.create(null);
  for (const key of Object.keys(given)) {
    const value = given[key];
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
    throw usageError('invalidOptions', `options cannot be serialised as JSON: ${messageOf(e)}`, e);
  }
}

/**
 * The options as an object, or undefined for none; anything else is misuse.
 * @param {unknown} options
 * @param {string} what
 * @returns {Record<string, unknown> | undefined}
 */
function optionsObject(options, what) {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw usageError('invalidOptions', `${what} must be an object, not ${Array.isArray(options) ? 'an array' : typeof options}`);
  }
  return /** @type {Record<string, unknown>} */ (options);
}

/**
 * The caller's job-document schema as JSON text, or undefined when none.
 * @param {unknown} options
 * @returns {string | undefined}
 */
function schemaText(options) {
  return readingOptions(() => schemaJson(options));
}

/**
 * @param {unknown} options
 * @returns {string | undefined}
 */
function schemaJson(options) {
  const schema = options === null || typeof options !== 'object' ? undefined : /** @type {{ documentSchema?: unknown }} */ (options).documentSchema;
  if (schema === undefined || schema === null) return undefined;
  if (typeof schema === 'string') return schema;
  if (typeof schema === 'object' || typeof schema === 'boolean') {
    try {
      return JSON.stringify(schema);
    } catch (e) {
      throw usageError('invalidOptions', `option \`documentSchema\` cannot be serialised as JSON: ${messageOf(e)}`, e);
    }
  }
  throw usageError('invalidOptions', `option \`documentSchema\` must be a JSON Schema (object, boolean or JSON text), not ${typeof schema}`);
}

/**
 * @param {unknown} operation
 * @returns {string}
 */
function operationName(operation) {
  if (typeof operation !== 'string') {
    throw usageError('unknownOperation', `the operation must be a string such as \`CreateJob\`, not ${operation === null ? 'null' : typeof operation}`);
  }
  return operation;
}

/**
 * A tagged answer of the Rust boundary: `success` as is; `misuse` is a
 * TypeError with Rust's lowerCamel code; nothing else is expected here.
 * @param {string} text
 * @returns {any}
 */
function unwrap(text) {
  const answer = JSON.parse(text);
  if (answer.type === 'success') return answer;
  if (answer.type === 'misuse') throw usageError(answer.error.code, answer.error.message);
  throw usageError('internal', `the validator answered ${JSON.stringify(answer.type)}`);
}

/**
 * The report a compact answer's list stands for (see `validateCompact` in
 * src/ffi/wasm.rs): `valid`, `awsMessage`, then seven values per violation,
 * ten with `positions`. The objects have the members of the core's report
 * JSON in its order (js/test/vectors.test.mjs compares them byte for byte).
 * @param {any[]} list
 * @param {boolean} positions
 * @returns {Report}
 */
function fromCompact(list, positions) {
  const stride = positions ? 10 : 7;
  // A list the core cannot write: refused loudly, never a dropped violation.
  if (list.length < 2 || (list.length - 2) % stride !== 0) {
    throw usageError('internal', `the validator's compact report has ${list.length} entries, not 2 + ${stride} a violation`);
  }
  const violations = [];
  for (let i = 2; i + stride <= list.length; i += stride) {
    const offset = positions ? list[i + 7] : null;
    violations.push({
      code: list[i],
      path: list[i + 1],
      message: list[i + 2],
      severity: list[i + 3],
      source: list[i + 4],
      rule: list[i + 5],
      help: list[i + 6],
      position: offset === null ? null : { offset, line: list[i + 8], column: list[i + 9] },
    });
  }
  return { valid: list[0], violations, awsMessage: list[1] };
}

/**
 * The validator's part of the package API (see index.d.ts).
 * @typedef {object} Api
 * @property {typeof import('../index.d.ts').validate} validate
 * @property {typeof import('../index.d.ts').isValid} isValid
 * @property {typeof import('../index.d.ts').rules} rules
 * @property {typeof import('../index.d.ts').codes} codes
 * @property {typeof import('../index.d.ts').features} features
 * @property {typeof import('../index.d.ts').schema} schema
 * @property {typeof import('../index.d.ts').schemaInfo} schemaInfo
 * @property {typeof import('../index.d.ts').operations} operations
 */

/**
 * Builds the public API over wasm-bindgen glue that exports
 * `validate`, `isValid`, `rules`, `codes`, `schema` and `schemaInfo` (all
 * JSON text in and out).
 * `ready()` throws when the glue has not been initialised yet.
 * @param {Glue} glue
 * @param {() => void} ready
 * @returns {Api}
 */
export function makeApi(glue, ready) {
  const VALID = '{"type":"success","valid":true}';
  const INVALID = '{"type":"success","valid":false}';
  // Requests (objects, and strings as the JSON text they hold) the fast
  // path is certain of (no violation at all) are answered without the
  // engine; see fast.js.
  const fast = new FastPath();
  /**
   * The engine's report for a request with no violation, as a new object
   * each time. Written here, not asked of the engine, so that a request the
   * fast path answers never loads the module (the first call of a process
   * included); js/test/fast-path.test.mjs checks it against the engine's.
   * @returns {Report}
   */
  function cleanReport() {
    return { valid: true, violations: [], awsMessage: null };
  }
  /**
   * Whether the fast path answers for these arguments (see fast.js): an
   * object request, or a string request as the JSON text it holds.
   * @param {unknown} operation
   * @param {unknown} request
   * @param {unknown} options
   * @param {boolean} errorsOnly whether warnings may remain (`isValid`)
   * @returns {boolean}
   */
  function certainlyClean(operation, request, options, errorsOnly) {
    if (typeof operation !== 'string') return false;
    if (typeof request === 'string') return fast.cleanText(operation, request, options, errorsOnly);
    return typeof request === 'object' && request !== null && fast.clean(operation, request, options, errorsOnly);
  }
  /**
   * The arguments of `validate`/`isValid` as the texts the core reads
   * (misuse throws before the module is asked for).
   * @param {unknown} operation
   * @param {unknown} request
   * @param {unknown} options
   * @returns {{ op: string, req: string, opts: string, schema: string | undefined, tooLarge: number | undefined }}
   */
  function prepare(operation, request, options) {
    const op = operationName(operation);
    const text = requestText(request);
    const opts = optionsText(options);
    const schema = schemaText(options);
    ready();
    if (typeof text === 'string') return { op, req: text, opts, schema, tooLarge: undefined };
    // Too large to copy: the core is asked about the operation and the
    // options only (misuse there comes first, as in the core), with an
    // empty request, and the report is the core's `tooLarge` one.
    if (schema === undefined) unwrap(glue.isValid(op, '', opts));
    else unwrap(withSchema(op, '', opts, schema));
    return { op, req: '', opts, schema, tooLarge: text.tooLarge };
  }
  /**
   * @param {unknown} operation
   * @param {unknown} request
   * @param {unknown} [options]
   * @returns {Report}
   */
  function validate(operation, request, options) {
    if (certainlyClean(operation, request, options, false)) {
      ready();
      return cleanReport();
    }
    return engineValidate(operation, request, options);
  }
  /**
   * `validate` by the engine. (Its own function, so that a first call the
   * fast path answers does not compile it: V8 compiles a function on its
   * first call, all of it.)
   * @param {unknown} operation
   * @param {unknown} request
   * @param {unknown} options
   * @returns {Report}
   */
  function engineValidate(operation, request, options) {
    const { op, req, opts, schema, tooLarge } = prepare(operation, request, options);
    if (tooLarge !== undefined) return tooLargeReport(tooLarge);
    // Positions point into the text validated; for an object that text is
    // JSON.stringify's, which the caller never saw: no position then (the
    // compact answer leaves them out).
    const positions = typeof request === 'string';
    /** @type {Report} */
    let report;
    if (schema === undefined) {
      report = fromCompact(unwrap(glue.validateCompact(op, req, opts, positions)).compact, positions);
      if (!positions && report.valid) fast.learn(/** @type {object} */ (request), req, opts);
    } else {
      report = unwrap(withSchema(op, req, opts, schema)).report;
      if (!positions) for (const v of report.violations) v.position = null;
    }
    return report;
  }
  /**
   * @param {string} op
   * @param {string} req
   * @param {string} opts
   * @param {string} schema
   * @returns {string}
   */
  function withSchema(op, req, opts, schema) {
    if (typeof glue.validateWithDocumentSchema !== 'function') {
      throw usageError('invalidOptions', 'option `documentSchema` needs the document-schema build of iot-jobs-policy (see the README); this build leaves it out');
    }
    return glue.validateWithDocumentSchema(op, req, opts, schema);
  }
  /**
   * @param {unknown} operation
   * @param {unknown} request
   * @param {unknown} [options]
   * @returns {boolean}
   */
  function isValid(operation, request, options) {
    if (certainlyClean(operation, request, options, true)) {
      ready();
      return true;
    }
    return engineIsValid(operation, request, options);
  }
  /**
   * `isValid` by the engine (see `engineValidate`).
   * @param {unknown} operation
   * @param {unknown} request
   * @param {unknown} options
   * @returns {boolean}
   */
  function engineIsValid(operation, request, options) {
    const { op, req, opts, schema, tooLarge } = prepare(operation, request, options);
    if (tooLarge !== undefined) return false;
    if (schema !== undefined) return unwrap(withSchema(op, req, opts, schema)).report.valid;
    const out = glue.isValid(op, req, opts);
    if (out === VALID) {
      if (typeof request !== 'string') fast.learn(/** @type {object} */ (request), req, opts);
      return true;
    }
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
  /**
   * @param {unknown} operation
   * @param {unknown} [options]
   */
  function schema(operation, options) {
    const op = operationName(operation);
    const given = readingOptions(() => optionsObject(options, 'options'));
    let opts = '';
    if (given !== undefined) {
      try {
        opts = JSON.stringify(given);
      } catch (e) {
        throw usageError('invalidOptions', `options cannot be serialised as JSON: ${messageOf(e)}`, e);
      }
    }
    ready();
    return unwrap(glue.schema(op, opts)).schema;
  }
  function schemaInfo() {
    ready();
    return JSON.parse(glue.schemaInfo());
  }
  return { validate, isValid, rules, codes, features, schema, schemaInfo, operations: () => OPERATIONS.slice() };
}

/**
 * The glue the API and the Job class are built over: the core module's
 * functions, and the extras module's forwarding to `extras()` (which loads
 * that module or says how to) on each call. In the one-module build both are
 * the same module.
 * @param {import('#glue/types').CoreGlue} core
 * @param {() => import('#glue/types').ExtrasGlue} extras
 * @returns {Glue}
 */
export function joinGlue(core, extras) {
  const glue = /** @type {Record<string, unknown>} */ ({ ...core });
  for (const name of EXTRAS) glue[name] = (/** @type {any[]} */ ...args) => /** @type {any} */ (extras())[name](...args);
  return /** @type {Glue} */ (/** @type {unknown} */ (glue));
}

// The fast path of `validate(object)` / `isValid(object)`: a SUFFICIENT test
// that the WebAssembly engine's report would have no violation at all (no
// error and no warning; for `isValid`, no error). When it is certain, the
// API answers the clean report without crossing into wasm; when it is not
// ("don't know"), the engine runs as before. It never answers "invalid":
// invalid requests always get the engine's full report.
//
// Two parts, each of which may only say "don't know":
// 1. The schema (`CHECKS` of fast.generated.js, compiled by
//    examples/gen_fast.rs from the exported JSON Schema of the profile, API
//    version and operation): every error rule the schema expresses, on
//    plain values only (what JSON.stringify writes unchanged and the engine
//    reads back the same: strings without lone surrogates, ASCII where a
//    pattern or a minimum length above 1 applies; integers within 2^53;
//    finite numbers; plain objects and arrays without `toJSON`; members own
//    and enumerable, as JSON.stringify writes them). The engine's 1 MiB
//    limit (`input.tooLarge`) is not a schema rule: the predicates judge
//    only bounded values (lists of at most 100 entries, strings within
//    their maxLength or the generator's caps, maps only empty), and
//    examples/gen_fast.rs fails unless every operation's worst-case text
//    (six bytes a UTF-16 unit where control characters may appear) is
//    below the limit. A member whose value is `undefined` is absent, as
//    JSON.stringify leaves it out. Properties are read like data (a getter
//    that answers differently on each read is not supported; one that
//    throws is "don't know").
// 2. What the schema cannot state (`beyondSchema`), each by rule id below,
//    implemented from the Rust source (src/validate/shapes, ops) or deferred.
//    Two string grammars are decided here only where the answer is certain
//    (see `jsonDocument` and `simpleCron`), and otherwise learnt from the
//    engine: an inline `document` (document-size-json: the engine's own
//    JSON parser, with its depth limit) and a maintenance window's cron
//    expression (maintenanceWindow-cron: the AWS cron dialect). Each verdict
//    depends on the string alone, so a string that the engine read in a
//    request it found free of errors (under the documented profile, without
//    a document schema) passes that rule. Such strings are learnt from the
//    text the engine validated (JSON.parse of it, not the caller's object,
//    whose getters or toJSON may have given the engine something else) and
//    kept (at most 256 of each, then the memory starts over); until then
//    the request goes to the engine.
// 3. For a string request (`cleanText`): JSON.parse of the text, then parts
//    1 and 2 on the tree, only when the engine's strict parser would have
//    read the same tree from the same text (see `cleanText`).
//
// Options: only none, `api` ('latest' | '2022-01'), `profile: 'documented'`
// and `now` as whole epoch milliseconds within the engine's bounds or such a
// Date; anything else (the model profile, `now` as text, `documentSchema`
// and with it the document-schema rule, unknown keys) defers.

import { CHECKS } from './fast.generated.js';

/** Documented for AssociateTargetsWithJob: at most 100 targets (targets-max, a warning). */
const TARGETS_MAX_DOCUMENTED = 100;
/** At most 10 retries across all criteria (retry-total). */
const TOTAL_RETRIES_MAX = 10;
/** The presigned-URL placeholder (presigned-placeholder-without-config). */
const PRESIGNED_PLACEHOLDER = '${aws:iot:s3-presigned-url:';
const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** scheduling-window (V-21): at least 30 minutes ahead; start within 365 days, end within 730. */
const LEAD_MS = 30 * MINUTE_MS;
const START_HORIZON_MS = 365 * DAY_MS;
const END_HORIZON_MS = 730 * DAY_MS;

/** How many learnt strings of each kind are kept before the memory starts over. */
const MAX_LEARNT = 256;
const PROTO = Object.prototype;
/** An empty object of plain prototype: for-in over it finds Object.prototype's enumerable keys. */
const EMPTY = {};

// `o.member != null` below: present and not null, as the engine's `has`
// (src/validate/shapes/mod.rs); undefined is absent, as JSON.stringify
// leaves it out.

/** @param {number} y @param {number} m */
function daysInMonth(y, m) {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * The subset of `parse_scheduling` (src/validate/time.rs) the fast path
 * reads: `YYYY-MM-DDTHH:MM`, optional `:SS`, optional `Z` (UTC either way),
 * a real date. Epoch ms, or undefined for anything else (fractions, offsets,
 * and every malformed form defer to the engine).
 * @param {string} s
 * @returns {number | undefined}
 */
function schedulingTime(s) {
  let t = TIMES.get(s);
  if (t === undefined) {
    t = parseSchedulingTime(s);
    if (TIMES.size >= MAX_LEARNT) TIMES.clear();
    TIMES.set(s, t === undefined ? null : t);
  }
  return t === null ? undefined : t;
}
/** @type {Map<string, number | null>} The times read so far (null: not read). */
const TIMES = new Map();

/**
 * @param {string} s
 * @returns {number | undefined}
 */
function parseSchedulingTime(s) {
  const n = s.length;
  if (n !== 16 && n !== 17 && n !== 19 && n !== 20) return undefined;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return undefined;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  const h = digits(s, 11, 13);
  const mi = digits(s, 14, 16);
  let sec = 0;
  if (n >= 19) {
    if (s.charCodeAt(16) !== 58) return undefined;
    sec = digits(s, 17, 19);
  }
  // What may follow: nothing, or `Z` (UTC either way).
  if ((n === 17 || n === 20) && s.charCodeAt(n - 1) !== 90) return undefined;
  // Years before 100 are left to the engine: Date.UTC reads 0 to 99 as
  // 1900 to 1999. From 100 it counts the proleptic Gregorian calendar, as
  // src/validate/time.rs `days_from_civil` does.
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, sec);
}

/**
 * The number written by the ASCII digits `s[from..to)`, or -1.
 * @param {string} s
 * @param {number} from
 * @param {number} to
 */
function digits(s, from, to) {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * The options the fast path understands, or undefined to defer.
 * @param {unknown} options
 * @returns {{ profile: string, api: string, now: number | undefined } | undefined}
 */
function plainOptions(options) {
  if (options === undefined || options === null) return DEFAULTS;
  if (typeof options !== 'object' || Array.isArray(options)) return undefined;
  const o = /** @type {Record<string, unknown>} */ (options);
  // Read as core.js `schemaJson` reads it (by property access: inherited
  // and non-enumerable members count), not only as for-in finds it; and
  // before the prototype, so that the look-up's maps make it a constant.
  if (o.documentSchema !== undefined) return undefined;
  const proto = Object.getPrototypeOf(options);
  if (proto !== PROTO && proto !== null) return undefined;
  let api = 'latest';
  let profile = 'documented';
  /** @type {number | undefined} */
  let now;
  // for-in: the own enumerable keys, Object.prototype having none (checked
  // by the caller first).
  for (const k in o) {
    const v = o[k];
    if (v === undefined) continue;
    if (k === 'api' && (v === 'latest' || v === '2022-01')) api = v;
    else if (k === 'profile' && v === 'documented') profile = v;
    else if (k === 'now' && typeof v === 'number' && inTime(v)) now = v;
    else if (k === 'now' && v instanceof Date && inTime(v.getTime())) now = v.getTime();
    else return undefined;
  }
  if (now === undefined && api === 'latest' && profile === 'documented') return DEFAULTS;
  // One object, reused (no allocation per call): written after every read of
  // the caller's options, and read by the caller before any caller's code
  // (a getter of the request) runs.
  READ.profile = profile;
  READ.api = api;
  READ.now = now;
  return READ;
}
const DEFAULTS = Object.freeze({ profile: 'documented', api: 'latest', now: undefined });
/** @type {{ profile: string, api: string, now: number | undefined }} */
const READ = { profile: 'documented', api: 'latest', now: undefined };

/** The engine's time bounds (src/validate/bounds.rs): whole epoch ms in 0..=8.64e15; others are its misuse. */
const MAX_TIME_MS = 8.64e15;

/** @param {number} t */
function inTime(t) {
  return Number.isInteger(t) && t >= 0 && t <= MAX_TIME_MS;
}

/** The engine's nesting limit, for a request and for an inline document (`MAX_DEPTH`, `DOCUMENT_DEPTH`). */
const MAX_DEPTH = 64;
/**
 * The longest text certainly within the engine's 1 MiB limit
 * (`input.tooLarge`, counted in UTF-8 bytes): a UTF-16 code unit of a well
 * formed string is at most 3 bytes of UTF-8 (a surrogate pair, two units, 4).
 */
const MAX_CERTAIN_UNITS = Math.floor((1024 * 1024) / 3);
const LONE_SURROGATE = /\p{Cs}/u;
const NATIVE_WELL_FORMED = typeof (/** @type {any} */ ('').isWellFormed) === 'function';

/**
 * A string without lone surrogates.
 * @param {string} s
 */
function wellFormed(s) {
  return NATIVE_WELL_FORMED ? /** @type {any} */ (s).isWellFormed() : !LONE_SURROGATE.test(s);
}

/**
 * How many `:` `s` holds.
 * @param {string} s
 */
function colons(s) {
  let n = 0;
  for (let i = s.indexOf(':'); i !== -1; i = s.indexOf(':', i + 1)) n++;
  return n;
}

/**
 * For a tree JSON.parse made: its object members plus the `:` in its
 * strings, or -1 when the engine's parser would not read it the same:
 * a number that is not finite (JSON.parse makes `1e400` Infinity, the
 * engine refuses the literal as non-finite; both round correctly, so they
 * overflow on the same literals), or arrays and objects nested more than
 * 64 deep (the top-level container is level 1, an empty one counts, as in
 * src/validate/json/parser.rs). Recursion stops at that depth. The `:`
 * in keys are not counted: in a tree that `clean` accepted, every key is a
 * name of a closed structure's `properties` (maps are judged only empty),
 * none with a `:` (examples/gen_fast.rs `keys_named` refuses a schema
 * otherwise), so each key has none; `jsonDocument` reads only the sign.
 * (One `indexOf` a member less: 0.2 µs of the 1.2 KB bench request.)
 * @param {unknown} v
 * @param {number} depth the containers around `v`
 * @returns {number}
 */
function tally(v, depth) {
  if (typeof v === 'string') return colons(v);
  if (typeof v === 'number') return Number.isFinite(v) ? 0 : -1;
  if (v === null || typeof v !== 'object') return 0;
  if (depth >= MAX_DEPTH) return -1;
  let n = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const t = tally(v[i], depth + 1);
      if (t < 0) return -1;
      n += t;
    }
    return n;
  }
  const o = /** @type {Record<string, unknown>} */ (v);
  // for-in: the own keys of a JSON.parse object (callers check first that
  // Object.prototype has no enumerable key); cheaper than Object.keys.
  for (const k in o) {
    const t = tally(o[k], depth + 1);
    if (t < 0) return -1;
    n += 1 + t;
  }
  return n;
}

/**
 * document-size-json decided here where certain: true only when the
 * engine's parser (src/validate/json `parse_str`, depth 64, the document
 * parsed and not walked) accepts `doc`; false is "don't know". Both
 * grammars are RFC 8259's, with the same four whitespace characters, the
 * same literals and number syntax (no leading zero, `+`, `.5` or `1.`) and
 * raw control characters refused in strings; each refuses what the other
 * refuses except for these, which JSON.parse accepts and the engine does
 * not, each excluded:
 * - a lone surrogate escape (`"\ud800"`): no `\u` anywhere in the text;
 * - a lone surrogate itself: the text must be well formed;
 * - a number beyond the doubles, or nesting past 64: see `tally`.
 * Duplicate keys in a document are no violation (the engine only parses
 * it). A leading byte order mark, which the engine skips, JSON.parse
 * refuses: "don't know", as for any text JSON.parse refuses.
 * @param {string} doc
 * @returns {boolean}
 */
function jsonDocument(doc) {
  if (doc.includes('\\u') || !wellFormed(doc)) return false;
  let tree;
  try {
    tree = JSON.parse(doc);
  } catch {
    return false;
  }
  return tally(tree, 0) >= 0;
}

/**
 * maintenanceWindow-cron decided here where certain: true only for the
 * narrow form `cron(M H D Mo W *)`, single spaces, where M is `*` or
 * 0-59, H `*` or 0-23, D `?`, `*` or 1-28 (a day every month has), Mo `*` or
 * 1-12, W `?`, `*`, 1-7 or SUN-SAT, exactly one of D and W `?`, every year:
 * each such expression names a minute of every year from 1970 to 2199,
 * which src/validate/cron accepts (js/test/fast-path.test.mjs checks every
 * value of every field and the pairs of D and W against the engine).
 * Numbers without leading zeros; anything else is "don't know". (Written
 * out, not as a regular expression: V8 compiles a regular expression on
 * its first use and again on its second, 0.25 ms of a cold start.)
 * @param {unknown} s
 * @returns {boolean}
 */
function simpleCron(s) {
  if (typeof s !== 'string' || !s.startsWith('cron(') || !s.endsWith(' *)')) return false;
  const f = s.slice(5, -3).split(' ');
  if (f.length !== 5) return false;
  const [minute, hour, dom, month, dow] = f;
  return (
    (minute === '*' || within(minute, 0, 59)) &&
    (hour === '*' || within(hour, 0, 23)) &&
    (dom === '?' || dom === '*' || within(dom, 1, 28)) &&
    (month === '*' || within(month, 1, 12)) &&
    (dow === '?' || dow === '*' || within(dow, 1, 7) || WEEKDAYS.includes(dow)) &&
    (dom === '?') !== (dow === '?')
  );
}
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/**
 * Whether `t` is one or two ASCII digits without a leading zero (or `0`)
 * whose value is in `min..=max`.
 * @param {string} t
 * @param {number} min
 * @param {number} max
 */
function within(t, min, max) {
  if (t.length === 0 || t.length > 2 || (t.length === 2 && t.charCodeAt(0) === 48)) return false;
  const v = digits(t, 0, t.length);
  return v >= min && v <= max;
}

/**
 * The fast path of one API instance, with its learnt strings.
 */
export class FastPath {
  constructor() {
    /** Inline documents the engine found to be JSON (document-size-json). */
    this.documents = new Set();
    /** Cron expressions the engine accepted (maintenanceWindow-cron). */
    this.crons = new Set();
  }

  /**
   * True only when the engine's report for this request would have no
   * violation; false means "don't know". Never throws (a throwing getter or
   * Proxy trap is "don't know"; the engine's path reports the misuse).
   * @param {string} operation
   * @param {object} request
   * @param {unknown} options
   * @param {boolean} [errorsOnly] for `isValid`: certain that the report would
   *   have no error (warnings allowed)
   * @returns {boolean}
   */
  clean(operation, request, options, errorsOnly = false) {
    try {
      // The predicates (and plainOptions) visit keys with for-in: nothing
      // may be inherited.
      for (const _ in EMPTY) return false;
      const opts = plainOptions(options);
      if (opts === undefined) return false;
      // Read at once: the request's getters (caller's code) run below.
      const { profile, api, now } = opts;
      const table = /** @type {Record<string, Record<string, Record<string, (v: unknown) => boolean>>>} */ (CHECKS)[profile][api];
      if (!Object.hasOwn(table, operation)) return false;
      if (!table[operation](request)) return false;
      return this.beyondSchema(operation, /** @type {any} */ (request), now, errorsOnly);
    } catch {
      return false;
    }
  }

  /**
   * Remembers the strings the engine read in a request it found free of
   * errors (see the top): its inline document and its maintenance windows'
   * cron expressions, taken from `text`, the JSON text the engine validated,
   * under `optionsText`, the options it was given. The caller's object is
   * only looked at to skip the parse when it has nothing new (a wrong look
   * only learns less). Never throws.
   * @param {object} request
   * @param {string} text
   * @param {string} optionsText
   */
  learn(request, text, optionsText) {
    try {
      if (!this.unlearnt(request)) return;
      // Only under the documented profile (the model profile skips
      // document-size-json and maintenanceWindow-cron).
      const opts = optionsText === '' ? {} : JSON.parse(optionsText);
      if (opts === null || typeof opts !== 'object' || (opts.profile !== undefined && opts.profile !== 'documented')) return;
      const r = JSON.parse(text);
      if (r === null || typeof r !== 'object') return;
      if (typeof r.document === 'string' && !this.documents.has(r.document)) {
        if (this.documents.size >= MAX_LEARNT) this.documents.clear();
        this.documents.add(r.document);
      }
      const s = r.schedulingConfig;
      const windows = [r.maintenanceWindows, s !== null && typeof s === 'object' ? s.maintenanceWindows : undefined];
      for (const list of windows) {
        if (!Array.isArray(list)) continue;
        for (const w of list) {
          const cron = w !== null && typeof w === 'object' ? w.startTime : undefined;
          if (typeof cron !== 'string' || this.crons.has(cron)) continue;
          if (this.crons.size >= MAX_LEARNT) this.crons.clear();
          this.crons.add(cron);
        }
      }
    } catch {
      // Text that is not JSON, options that are not: nothing learnt.
    }
  }

  /**
   * Whether the caller's request seems to hold a document or a cron
   * expression not learnt yet (a hint only: getters run here). Throws what
   * a getter throws.
   * @param {object} request
   */
  unlearnt(request) {
    const r = /** @type {any} */ (request);
    if (typeof r.document === 'string' && !this.documents.has(r.document)) return true;
    const windows = [r.maintenanceWindows, r.schedulingConfig && r.schedulingConfig.maintenanceWindows];
    for (const list of windows) {
      if (!Array.isArray(list)) continue;
      for (const w of list) {
        const cron = w && w.startTime;
        if (typeof cron === 'string' && !this.crons.has(cron)) return true;
      }
    }
    return false;
  }

  /**
   * The rules the schema does not state, on a request the schema accepts
   * (so every member present has its type, range and pattern).
   * @param {string} op
   * @param {any} r
   * @param {number | undefined} now
   * @param {boolean} errorsOnly whether warnings may be left unchecked
   * @returns {boolean}
   */
  beyondSchema(op, r, now, errorsOnly) {
    // V-9, V-28 (documentParameters-managed-only; managedTemplate-parameter-required,
    // managedTemplate-parameter-unknown, managedTemplate-parameter-pattern,
    // managedTemplate-not-covered): deferred.
    if (r.jobTemplateArn != null || r.documentParameters != null) return false;
    // documentSource-not-s3 (a warning): deferred (documentSource-url, the
    // error, is the schema's).
    if (r.documentSource != null && !errorsOnly) return false;
    if (r.document != null) {
      // document-size-json: decided here where certain, else learnt from the engine.
      if (!this.documents.has(r.document) && !this.knownDocument(r.document)) return false;
      // presigned-placeholder-without-config (warning); the member first,
      // so that a request with the config is spared the document's search.
      if (!errorsOnly && r.presignedUrlConfig == null && r.document.includes(PRESIGNED_PLACEHOLDER)) return false;
    }
    if (r.jobExecutionsRetryConfig != null && !retryClean(op, r, r.jobExecutionsRetryConfig.criteriaList, errorsOnly)) return false;
    if (r.schedulingConfig != null && !this.schedulingClean(r.schedulingConfig, now, errorsOnly)) return false;
    if (r.maintenanceWindows != null && !this.windowsClean(r.maintenanceWindows)) return false;
    // The rest are warnings.
    if (errorsOnly) return true;
    // targets-max (warning).
    if (Array.isArray(r.targets) && r.targets.length > TARGETS_MAX_DOCUMENTED) return false;
    // presignedUrlConfig-roleArn (warning).
    if (r.presignedUrlConfig != null && r.presignedUrlConfig.roleArn == null) return false;
    // rollout-ceiling-below-base (warning).
    const rollout = r.jobExecutionsRolloutConfig;
    if (r.jobExecutionsRolloutConfig != null && rollout.maximumPerMinute != null && rollout.exponentialRate != null) {
      if (rollout.exponentialRate.baseRatePerMinute > rollout.maximumPerMinute) return false;
    }
    if (r.abortConfig != null && !abortClean(r, r.abortConfig.criteriaList)) return false;
    return true;
  }

  /**
   * scheduling-format, scheduling-window, scheduling-window-skipped,
   * endBehavior-needs-endTime, and the windows' cron expressions.
   * @param {any} s
   * @param {number | undefined} now
   * @param {boolean} errorsOnly
   */
  schedulingClean(s, now, errorsOnly) {
    if (!errorsOnly && s.endBehavior != null && s.endTime == null) return false;
    const start = s.startTime != null ? schedulingTime(s.startTime) : null;
    const end = s.endTime != null ? schedulingTime(s.endTime) : null;
    if (start === undefined || end === undefined) return false;
    if (start !== null && end !== null) {
      const gap = end - start;
      if (gap < LEAD_MS || gap > END_HORIZON_MS) return false;
    }
    if (start !== null || end !== null) {
      // Without `now` the engine warns that it skipped the window (a warning).
      if (now === undefined) return errorsOnly && (s.maintenanceWindows == null || this.windowsClean(s.maintenanceWindows));
      if (start !== null && (start < now + LEAD_MS || start > now + START_HORIZON_MS)) return false;
      if (end !== null && (end < now + LEAD_MS || end > now + END_HORIZON_MS)) return false;
    }
    return s.maintenanceWindows == null || this.windowsClean(s.maintenanceWindows);
  }

  /**
   * maintenanceWindow-cron: every window's cron expression learnt.
   * @param {any[]} windows
   */
  windowsClean(windows) {
    for (let i = 0; i < windows.length; i++) {
      const cron = windows[i].startTime;
      if (!this.crons.has(cron) && !this.knownCron(cron)) return false;
    }
    return true;
  }

  /**
   * maintenanceWindow-cron by `simpleCron`, remembered (as a learnt one)
   * when certain: the verdict depends on the string alone, and a set look-up
   * of the same string costs less than splitting it again on every call
   * (a fifth of a steady-state validate(object) of the bench request).
   * @param {unknown} cron
   * @returns {boolean}
   */
  knownCron(cron) {
    if (!simpleCron(cron)) return false;
    if (this.crons.size >= MAX_LEARNT) this.crons.clear();
    this.crons.add(cron);
    return true;
  }

  /**
   * document-size-json by `jsonDocument`, remembered (as a learnt one) when
   * certain.
   * @param {string} doc
   * @returns {boolean}
   */
  knownDocument(doc) {
    if (!jsonDocument(doc)) return false;
    if (this.documents.size >= MAX_LEARNT) this.documents.clear();
    this.documents.add(doc);
    return true;
  }

  /**
   * `clean` for a string request: true only when the engine's report for
   * the JSON text `text` would have no violation (for `isValid`, no
   * error); false is "don't know". The text is read with JSON.parse and
   * the tree judged by `clean`, which is sound only when the engine's
   * strict parser (src/validate/json) reads the same tree from the same
   * text and the text passes the engine's checks on the text itself. What
   * could differ, and how each is excluded:
   * - size: the engine refuses more than 1 MiB of UTF-8 (`input.tooLarge`),
   *   whitespace included: only texts of at most a third of that many
   *   UTF-16 units (so at most 1 MiB of UTF-8) are judged;
   * - lone surrogates: the package writes a raw one as an escape and the
   *   engine refuses an escaped one, which JSON.parse accepts: the text is
   *   well formed and has no `\u` at all;
   * - a byte order mark, which the engine skips: JSON.parse refuses it
   *   ("don't know"); whitespace, literals, number syntax and control
   *   characters are the same in both grammars (see `jsonDocument`);
   * - numbers beyond the doubles and nesting past 64: see `tally`; number
   *   literals that the engine reads by their text (`integral` for
   *   integers, `decimal_places_of`) agree with the value the tree holds
   *   wherever the predicates accept it: `5.0` and `5e0` are the integer 5
   *   in both, an integer literal beyond 2^53 is no safe integer to the
   *   predicates, a plain decimal of at most 15 digits has the places of
   *   its shortest form (what `places` counts), and any other literal is
   *   counted by its value in both;
   * - duplicate keys: the engine keeps and reports them
   *   (`input.duplicateKey`), JSON.parse keeps the last. Without `\u` in
   *   the text, each `:` in a parsed key or string comes from exactly one
   *   `:` in that key's or string's literal, and every other `:` of the
   *   text is the separator of exactly one member. So the text's `:` are
   *   its members plus the `:` of all its string literals; the tree's
   *   members plus the `:` of its keys and strings (`tally`) fall short of
   *   that by at least one for each member JSON.parse dropped (the
   *   member, and the `:` of its key and value strings, are gone from the
   *   tree; nothing is in the tree that is not in the text). Equal counts
   *   prove that no member was dropped: no duplicate key. (`tally` counts
   *   no key's `:`: the tree's keys, judged by `clean` first, have none.)
   * Everything else (options, operation, the request's rules) is `clean`'s.
   * Never throws.
   * @param {string} operation
   * @param {string} text
   * @param {unknown} options
   * @param {boolean} [errorsOnly] see `clean`
   * @returns {boolean}
   */
  cleanText(operation, text, options, errorsOnly = false) {
    try {
      // Object.prototype with an enumerable key would count in `tally` (and
      // `clean` defers then anyway).
      for (const _ in EMPTY) return false;
      if (text.length > MAX_CERTAIN_UNITS || text.includes('\\u') || !wellFormed(text)) return false;
      const tree = JSON.parse(text);
      if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) return false;
      // The rules first (most invalid requests stop there), then the proof
      // that the engine reads the same tree. (What `clean` remembers, a
      // document or a time, is judged by the string alone: true of that
      // string whatever the rest of the text.)
      return this.clean(operation, tree, options, errorsOnly) && tally(tree, 0) === colons(text);
    } catch {
      return false;
    }
  }
}

/**
 * abort-duplicates and abort-min-unreachable (warnings), as
 * src/validate/shapes/abort.rs `check_config`.
 * @param {any} r
 * @param {any[]} list
 */
function abortClean(r, list) {
  for (let i = 1; i < list.length; i++) {
    for (let j = 0; j < i; j++) if (list[j].failureType === list[i].failureType) return false;
  }
  const targets = r.targets;
  if (!Array.isArray(targets) || r.targetSelection === 'CONTINUOUS') return true;
  for (let i = 0; i < targets.length; i++) if (!targets[i].includes(':thing/')) return true;
  for (let i = 0; i < list.length; i++) if (list[i].minNumberOfExecutedThings > targets.length) return false;
  return true;
}

/**
 * retry-total, retry-duplicates and retry-timeout-without-timeoutConfig, as
 * src/validate/shapes/retry.rs `check_config` (updateJob-retry-zero is the
 * schema's).
 * @param {string} op
 * @param {any} r
 * @param {any[]} list
 * @param {boolean} errorsOnly
 */
function retryClean(op, r, list, errorsOnly) {
  let total = 0;
  let timedOut = false;
  for (let i = 0; i < list.length; i++) {
    const ft = list[i].failureType;
    const n = list[i].numberOfRetries;
    total += n;
    // Each failure type once, and ALL never with another one.
    if (ft === 'ALL' && list.length > 1) return false;
    for (let j = 0; j < i; j++) if (list[j].failureType === ft) return false;
    if (ft === 'TIMED_OUT' && n > 0) timedOut = true;
  }
  if (total > TOTAL_RETRIES_MAX) return false;
  return errorsOnly || !(timedOut && op !== 'UpdateJob' && r.timeoutConfig == null);
}

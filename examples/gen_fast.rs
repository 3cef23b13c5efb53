//! Generates `js/src/fast.generated.js`: the npm package's fast path for
//! object requests, a JavaScript predicate per API version and operation,
//! compiled from the same exported JSON Schemas (2020-12, documented
//! profile, the default) that are generated from the crate's shape tree.
//!
//! What the predicates are, and what they are not:
//!
//! - Each is the exported schema as code: types, required members, unknown
//!   members, lengths, patterns, ranges, enums, list sizes, decimal places
//!   (`multipleOf` as a count of digits after the point in the shortest form
//!   of the number, which is how the validator counts them), and the
//!   documented rules the schema states (`allOf`, `anyOf`, `oneOf`, `not`,
//!   `if`/`then`). The schema and the validator agree on the error rules of
//!   [`EXPRESSED_RULES`](iot_jobs_policy::schema_export::EXPRESSED_RULES) on
//!   every shared vector (`tests/schema_agreement.rs`).
//! - A predicate answers true for JSON-plain values only: its type tests
//!   accept strings without lone surrogates (ASCII only where a pattern or a
//!   minimum length above 1 applies), integers within 2^53, finite numbers,
//!   and objects and arrays of the plain prototypes (no `toJSON`), which
//!   JSON.stringify writes unchanged. So the string lengths that matter in
//!   UTF-16 units hold in code points, and the patterns mean the same under
//!   JavaScript's `u` flag as under the validator's matcher (on ASCII no
//!   Unicode-version question arises; the translated patterns are checked
//!   against the native matcher on every code point by
//!   `tests/schema_agreement.rs`, the ASCII forms of the two with Unicode
//!   classes against them by `js/test/fast-path.test.mjs`). Every value the
//!   predicates reach has a `type` (the generator fails otherwise).
//! - Size: the engine refuses a text of more than 1 MiB (`input.tooLarge`),
//!   which the predicates cannot see, so they judge only values whose text
//!   is bounded well below it: lists up to 100 entries, strings up to their
//!   `maxLength` or the fast path's own cap (4096 units; 256 for a list
//!   entry whose characters are not limited by a pattern), maps only empty.
//!   [`worst_case`] bounds each operation's text (six bytes a UTF-16 unit
//!   where a string may hold control characters, key lengths, punctuation)
//!   and the generator fails when the bound reaches 1 MiB
//!   (`GEN_FAST_SIZES=1` prints the bounds). Nesting is bounded by the
//!   schema, far below the engine's depth limit.
//! - What the schema cannot state (warnings, retry sums and duplicates, the
//!   scheduling window, cron expressions, the document's JSON, managed
//!   templates) is `js/src/fast.js`'s: implemented there by rule id or
//!   deferred to the WebAssembly engine. `tests/fast_path.rs` fails when the
//!   catalogue has a rule neither place accounts for.
//!
//! The form (#12: a cold start's first validate compiles every function
//! it runs, so the less source it runs, the sooner it answers): a schema of
//! one string, integer, number or enum, or a list of one schema with bounds
//! only, is a closure of one of the header's factories (all closures of a
//! factory share one compilation); objects and other schemas are functions;
//! a combinator's branch of one member (or an `allOf`, `anyOf`, `oneOf` or
//! `not` of such branches) is tested in place after an object's type test.
//!
//! The output is deterministic (no clock, no hash order); `tests/fast_path.rs`
//! and `js/test/fast-path.test.mjs` fail when the committed file differs from
//! what this writes.
//!
//! ```sh
//! cargo run --example gen_fast            # writes js/src/fast.generated.js
//! cargo run --example gen_fast -- --check # exit 1 when the file is stale
//! cargo run --example gen_fast -- -       # prints the file on stdout
//! ```

use iot_jobs_policy::schema_export::{json_schema_for, Dialect};
use iot_jobs_policy::{ApiVersion, Operation, Profile};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Where the generated file lives, relative to the crate root.
pub const OUTPUT_PATH: &str = "js/src/fast.generated.js";

/// The two API versions, latest first.
const APIS: [ApiVersion; 2] = [ApiVersion::Latest, ApiVersion::V2022_01];

/// The names a plain object inherits from Object.prototype: no member may
/// have one (the predicates read members as `v[name]`).
const INHERITED: &[&str] = &[
    "constructor",
    "hasOwnProperty",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "toLocaleString",
    "toString",
    "valueOf",
    "__proto__",
    "__defineGetter__",
    "__defineSetter__",
    "__lookupGetter__",
    "__lookupSetter__",
];

/// The patterns with Unicode property classes, each with its meaning on
/// ASCII: where the type test admits ASCII only, the predicate tests the
/// ASCII form, which admits ASCII only by itself, so no separate look at
/// every character is needed. On ASCII, `\p{C}` is U+0000..U+001F and U+007F,
/// `\p{L}` the letters, `\p{N}` the digits and `\p{Z}` the space;
/// `js/test/fast-path.test.mjs` checks each pair on ASCII strings.
const ASCII_FORMS: &[(&str, &str)] = &[
    ("^[^\\p{C}]+$", "^[ -~]+$"),
    (
        "^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$",
        "^[A-Za-z0-9 _.:/=+\\-@]*$",
    ),
];

/// An object schema's `properties` and the names in its `required`.
fn properties_and_required(s: &Map<String, Value>) -> (Option<&Map<String, Value>>, Vec<&str>) {
    let props = s.get("properties").and_then(Value::as_object);
    let required = s
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    (props, required)
}

/// The keywords of a leaf schema (one string, number, integer or enum, or
/// that and null): what the shared factories take.
const LEAF: &[&str] = &[
    "type",
    "enum",
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "multipleOf",
];

/// Keywords that only annotate: they never change a verdict.
const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$id",
    "$comment",
    "title",
    "description",
    "markdownDescription",
    "contentMediaType",
];

const HEADER: &str = r#"// @ts-nocheck: generated (js/test/fast-path.test.mjs checks it against the engine)
// GENERATED by `cargo run --example gen_fast` from the exported JSON Schemas
// (documented profile) of the seven operations in both API versions. Do not
// edit: tests/fast_path.rs and js/test/fast-path.test.mjs fail when this
// file differs from what the generator writes.
//
// CHECKS[profile][api][operation](value) is the schema as a predicate:
// true only when the value is plain (below) and the schema accepts it.
// Size: lists longer than 100 (or their maxItems), strings without maxLength
// longer than 4096, list entries of any characters longer than 256, and
// non-empty maps are not judged (false); the generator checks that the
// JSON text of every value judged stays below the engine's 1 MiB limit.
// A member counts only when own and enumerable (what JSON.stringify writes).

// The type tests also check that a value is what JSON.stringify writes
// unchanged and what the engine reads back the same: strings without lone
// surrogates, and ASCII strings where a pattern or a minimum length above 1
// applies (so lengths are code points and patterns mean the same in any
// Unicode version), integers within 2^53, finite numbers, arrays and
// objects of the plain prototypes (an object with a toJSON method is not
// plain). A value
// that is not plain fails its test: the fast path then says "don't know".

const NON_ASCII = /[^\x00-\x7f]/;

/** @param {unknown} v */
function isAscii(v) {
  return typeof v === 'string' && !NON_ASCII.test(v);
}

const LONE_SURROGATE = /\p{Cs}/u;
const NATIVE_WELL_FORMED = typeof (/** @type {any} */ ('').isWellFormed) === 'function';

/**
 * A string without lone surrogates (JSON.stringify escapes them and the
 * engine refuses the request).
 * @param {unknown} v
 */
function isWellFormed(v) {
  if (typeof v !== 'string') return false;
  return NATIVE_WELL_FORMED ? /** @type {any} */ (v).isWellFormed() : !LONE_SURROGATE.test(v);
}

/**
 * Whether `proto` (an object's prototype) is a plain object's. The object
 * test is inline in each shape's function, `toJSON` read first: that
 * look-up then has its own cache and tells the compiler the object's maps,
 * so that its Object.getPrototypeOf is a constant, not a call.
 * @param {unknown} proto
 */
function plainProto(proto) {
  return proto === Object.prototype || proto === null;
}

/** @param {unknown} v */
function isObj(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** @param {unknown} v */
function isArr(v) {
  // `toJSON` first: see `plainProto`.
  return Array.isArray(v) && /** @type {any} */ (v).toJSON === undefined && Object.getPrototypeOf(v) === Array.prototype;
}

const IS_ENUMERABLE = Object.prototype.propertyIsEnumerable;

/**
 * Whether `v[k]` is an own enumerable member (what JSON.stringify writes):
 * a member read but not own and enumerable (inherited, or defined
 * non-enumerable) is not in the text the engine reads.
 * @param {object} v
 * @param {string} k
 */
function isMember(v, k) {
  return IS_ENUMERABLE.call(v, k);
}

/**
 * Digits after the decimal point of a number's shortest form, as the
 * validator counts them (`decimal_places`: Rust's shortest form never has
 * an exponent); Infinity when JavaScript's form has one (below 1e-6 or from
 * 1e21), which the fast path does not judge.
 * @param {number} n
 */
function places(n) {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return 0;
  // One place or two are the common case: n is then the double nearest to
  // the decimal r/10 (r/100), whose shortest form has no more places. A
  // division of two exact integers is correctly rounded, so the test is exact.
  if (Math.abs(n) < 1e15) {
    if (Math.round(n * 10) / 10 === n) return 1;
    if (Math.round(n * 100) / 100 === n) return 2;
  }
  const s = String(n);
  if (s.includes('e')) return Infinity;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * A list (isArr) of `min..=max` entries, each accepted by `f`; null when `n`.
 * @param {number} min
 * @param {number} max
 * @param {(v: unknown) => boolean} f
 * @param {boolean} n
 */
function list(min, max, f, n) {
  return (/** @type {any} */ v) => {
    if (v === null) return n;
    if (!isArr(v) || v.length < min || v.length > max) return false;
    for (let i = 0; i < v.length; i++) if (!f(v[i])) return false;
    return true;
  };
}

// The schemas of one string, integer or number alone (the most of them) are
// closures of six factories, not a function each: V8 compiles a function
// on its first call, and every closure of a factory shares that one
// compilation (a cold start's first validate compiles less source).

/**
 * A string (`typeof`; its enum or pattern admits ASCII only), ASCII, or
 * well formed, `min..=max` UTF-16 units long, matching `p` (or null); null
 * when `n`. One factory a type test, so that each closure's call of it has
 * one target.
 * @param {number} min
 * @param {number} max
 * @param {RegExp | null} p
 * @param {boolean} n
 */
function str(min, max, p, n) {
  return (/** @type {any} */ v) => (typeof v === 'string' ? v.length >= min && v.length <= max && (p === null || p.test(v)) : n && v === null);
}
/** @param {number} min @param {number} max @param {RegExp | null} p @param {boolean} n */
function ascii(min, max, p, n) {
  return (/** @type {any} */ v) => (isAscii(v) ? v.length >= min && v.length <= max && (p === null || p.test(v)) : n && v === null);
}
/** @param {number} min @param {number} max @param {RegExp | null} p @param {boolean} n */
function wellFormed(min, max, p, n) {
  return (/** @type {any} */ v) => (isWellFormed(v) ? v.length >= min && v.length <= max && (p === null || p.test(v)) : n && v === null);
}

/**
 * One of the strings `values`; null when `n`.
 * @param {string[]} values
 * @param {boolean} n
 */
function oneOf(values, n) {
  return (/** @type {unknown} */ v) => (typeof v === 'string' ? values.includes(v) : n && v === null);
}

/**
 * A safe integer in `min..=max`; null when `n`.
 * @param {number} min
 * @param {number} max
 * @param {boolean} n
 */
function int(min, max, n) {
  return (/** @type {any} */ v) => (Number.isSafeInteger(v) ? v >= min && v <= max : n && v === null);
}

/**
 * A finite number in `min..=max`, above `above`, with at most `k` decimal
 * places (k < 0: any); null when `n`.
 * @param {number} min
 * @param {number} max
 * @param {number} above
 * @param {number} k
 * @param {boolean} n
 */
function dec(min, max, above, k, n) {
  return (/** @type {any} */ v) => (Number.isFinite(v) ? v >= min && v <= max && v > above && (k < 0 || places(v) <= k) : n && v === null);
}
"#;

/// The compiled functions, shared between schemas that are equal.
struct Gen {
    /// Function source, in order of creation.
    funcs: Vec<String>,
    /// Canonical schema text -> function name.
    by_schema: BTreeMap<String, String>,
    /// Pattern source -> constant name.
    patterns: BTreeMap<String, String>,
    /// How many combinator branches (`allOf`, `not`, `if`, ...) enclose the
    /// schema being compiled: their values were type-tested by the enclosing
    /// schema already, so only outside them must every value be typed.
    branch: usize,
}

fn js_str(s: &str) -> Result<String, String> {
    serde_json::to_string(s).map_err(|e| e.to_string())
}

fn num(v: &Value, what: &str) -> Result<String, String> {
    match v {
        Value::Number(n) => Ok(n.to_string()),
        other => Err(format!("`{what}` is not a number: {other}")),
    }
}

/// The longest list the fast path judges when the schema sets no lower
/// `maxItems`: with every string bounded by its schema (and at most six
/// bytes a character once JSON.stringify escapes it), this keeps every
/// request it judges far below the engine's 1 MiB limit (`tooLarge`).
const LIST_CAP: u64 = 100;

/// The longest string the fast path judges when the schema sets no
/// `maxLength` (in UTF-16 units): longer ones go to the engine, so that the
/// worst case of every request judged stays far below the 1 MiB limit
/// (see [`worst_case`]).
const STRING_CAP: u64 = 4096;

/// The longest string the fast path judges as an entry of a list when its
/// characters may each take [`UNIT_BYTES`] (no pattern limits them): a
/// target ARN, say, is judged up to 256 units rather than its schema's 2048,
/// so that a list of [`LIST_CAP`] of them stays far below the 1 MiB limit.
/// Longer ones go to the engine.
const ITEM_STRING_CAP: u64 = 256;

/// The schema the fast path judges a list's entries by: `items`, with
/// `maxLength` lowered to [`ITEM_STRING_CAP`] for a string whose characters
/// may each take [`UNIT_BYTES`] (a lower maximum only narrows what the
/// predicate accepts).
fn fast_items(items: &Value) -> Value {
    let mut items = items.clone();
    if let Value::Object(s) = &mut items {
        let long = s
            .get("maxLength")
            .and_then(Value::as_u64)
            .is_none_or(|n| n > ITEM_STRING_CAP);
        if has_type(s, "string") && !s.contains_key("enum") && long && unit_bytes(s) == UNIT_BYTES {
            s.insert(String::from("maxLength"), Value::from(ITEM_STRING_CAP));
        }
    }
    items
}

/// The engine's size limit (`MAX_REQUEST_BYTES`, 1 MiB of UTF-8): the
/// generator fails when an operation's worst case reaches it.
const SIZE_LIMIT: u64 = 1024 * 1024;

/// The most bytes one UTF-16 unit of a string takes in JSON.stringify's
/// text as UTF-8: six for a control character (`\u0001`); a character
/// outside ASCII takes at most three for one unit (four for a pair).
const UNIT_BYTES: u64 = 6;

/// The most bytes one character of a string `s` admits takes in
/// JSON.stringify's text: [`UNIT_BYTES`] unless its pattern admits ASCII
/// only ([`self_checks_ascii`]) and the characters the pattern can match
/// are known ([`pattern_chars`]): then one byte each, two for `"` and `\`,
/// six for a control character.
fn unit_bytes(s: &Map<String, Value>) -> u64 {
    if s.contains_key("enum") || !self_checks_ascii(s) {
        return UNIT_BYTES;
    }
    let Some(p) = s.get("pattern").and_then(Value::as_str) else {
        return UNIT_BYTES;
    };
    match pattern_chars(ascii_form(p).unwrap_or(p)) {
        Some(chars) => chars
            .iter()
            .map(|&c| match c {
                b'"' | b'\\' => 2,
                0..=0x1f | 0x7f => UNIT_BYTES,
                _ => 1,
            })
            .max()
            .unwrap_or(1),
        None => UNIT_BYTES,
    }
}

/// A superset of the characters an ASCII pattern (one that
/// [`self_checks_ascii`] accepts) can match: every character written in it
/// outside the operators `()|?*+^$` (quantifier digits and braces too: a
/// superset is enough), the members of its classes and ranges, and `\d`,
/// `\w`; None for an escape of another letter (`\s`, `\t`, ...: their
/// characters are not worked out here).
fn pattern_chars(p: &str) -> Option<Vec<u8>> {
    let b = p.as_bytes();
    let mut set = std::collections::BTreeSet::new();
    let mut i = 0;
    let mut in_class = false;
    // The last single character of the class being read (for a range).
    let mut last: Option<u8> = None;
    while let Some(&c) = b.get(i) {
        i += 1;
        // One atom: a single character, or a set (`\d`, `\w`).
        let single = if c == b'\\' {
            let e = *b.get(i)?;
            i += 1;
            match e {
                b'd' => {
                    (b'0'..=b'9').for_each(|x| {
                        set.insert(x);
                    });
                    None
                }
                b'w' => {
                    (b'0'..=b'9')
                        .chain(b'a'..=b'z')
                        .chain(b'A'..=b'Z')
                        .chain([b'_'])
                        .for_each(|x| {
                            set.insert(x);
                        });
                    None
                }
                e if e.is_ascii_alphanumeric() => return None,
                e => Some(e),
            }
        } else if in_class {
            match c {
                b']' => {
                    in_class = false;
                    last = None;
                    continue;
                }
                b'-' if last.is_some() && b.get(i).is_some_and(|&n| n != b']') => {
                    // A range from `last` to the next character.
                    let from = last.take()?;
                    let mut to = *b.get(i)?;
                    i += 1;
                    if to == b'\\' {
                        to = *b.get(i)?;
                        i += 1;
                        if to.is_ascii_alphanumeric() {
                            return None;
                        }
                    }
                    (from.min(to)..=from.max(to)).for_each(|x| {
                        set.insert(x);
                    });
                    continue;
                }
                c => Some(c),
            }
        } else {
            match c {
                b'[' => {
                    in_class = true;
                    last = None;
                    continue;
                }
                b'(' | b')' | b'|' | b'?' | b'*' | b'+' | b'^' | b'$' => continue,
                c => Some(c),
            }
        };
        if let Some(x) = single {
            set.insert(x);
        }
        last = if in_class { single } else { None };
    }
    // Non-ASCII: not an ASCII pattern after all.
    set.iter()
        .all(u8::is_ascii)
        .then(|| set.into_iter().collect())
}

/// Whether the schema's `type` is, or lists, `t`.
fn has_type(s: &Map<String, Value>, t: &str) -> bool {
    match s.get("type") {
        Some(Value::String(x)) => x == t,
        Some(Value::Array(a)) => a.iter().any(|x| x == t),
        _ => false,
    }
}

/// Checks that every key of an object this schema accepts is a name of its
/// `properties` without a `:`: the schema is a closed structure
/// (`additionalProperties: false`, no `propertyNames`) or a map (judged
/// only when empty), and no name of its `properties` has a `:`. Every
/// object schema outside a combinator's branch must pass (a branch's
/// schema applies to a value its enclosing schema checks too):
/// `tally` in js/src/fast.js counts no key's `:` for that reason.
///
/// # Errors
/// An object schema that admits other keys, or a name with a `:`.
fn keys_named(s: &Map<String, Value>) -> Result<(), String> {
    let props = s.get("properties").and_then(Value::as_object);
    if let Some(k) = props
        .into_iter()
        .flatten()
        .map(|(k, _)| k)
        .find(|k| k.contains(':'))
    {
        return Err(format!(
            "member `{k}` has a `:`: js/src/fast.js `tally` counts no key's `:`"
        ));
    }
    // As `Gen::object` reads them: a map (no `properties`, no `required`)
    // is judged only when empty, whatever its `propertyNames`.
    let closed = matches!(s.get("additionalProperties"), Some(Value::Bool(false)))
        && !s.contains_key("propertyNames");
    let map = matches!(s.get("additionalProperties"), Some(Value::Object(_)))
        && props.is_none()
        && s.get("required")
            .and_then(Value::as_array)
            .is_none_or(Vec::is_empty);
    if !(closed || map) {
        return Err(String::from(
            "an object schema outside a combinator's branch admits keys not named in its `properties`: js/src/fast.js `tally` counts no key's `:`",
        ));
    }
    Ok(())
}

/// An upper bound of the UTF-8 size of JSON.stringify's text of any value
/// the predicate of `schema` accepts, from the keywords the predicate checks
/// outside combinators (a combinator's branch only narrows what is
/// accepted): strings at [`UNIT_BYTES`] a unit up to `maxLength` or
/// [`STRING_CAP`], safe integers (17 characters), finite numbers (at most
/// 25: `-0.00000` and 17 digits), lists up to `maxItems` or [`LIST_CAP`] entries, objects with each
/// member named in `properties` (no other key: `additionalProperties:
/// false`), maps empty. Errors for a value it cannot bound.
fn worst_case(schema: &Value, at: &str) -> Result<u64, String> {
    let s = schema
        .as_object()
        .ok_or(format!("the schema of `{at}` is not an object"))?;
    let types: Vec<&str> = match s.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => {
            return Err(format!(
                "the schema of `{at}` has no `type`: its size is not bounded"
            ))
        }
    };
    let mut worst = 0u64;
    for t in types {
        let w = match t {
            "string" => {
                let units = match s.get("enum").and_then(Value::as_array) {
                    Some(values) => values
                        .iter()
                        .filter_map(Value::as_str)
                        .map(|x| x.encode_utf16().count() as u64)
                        .max()
                        .unwrap_or(0),
                    None => s
                        .get("maxLength")
                        .and_then(Value::as_u64)
                        .unwrap_or(STRING_CAP),
                };
                2 + unit_bytes(s) * units
            }
            "integer" => 17,
            "number" => 25,
            "boolean" => 5,
            "null" => 4,
            "array" => {
                let n = s
                    .get("maxItems")
                    .and_then(Value::as_u64)
                    .map_or(LIST_CAP, |n| n.min(LIST_CAP));
                let items = s.get("items").ok_or(format!(
                    "the list `{at}` has no `items`: its size is not bounded"
                ))?;
                2 + n * (worst_case(&fast_items(items), at)? + 1)
            }
            "object" => match s.get("additionalProperties") {
                Some(Value::Bool(false)) => {
                    let mut w = 2u64;
                    for (k, v) in s
                        .get("properties")
                        .and_then(Value::as_object)
                        .into_iter()
                        .flatten()
                    {
                        // "key":value, (the key written with its escapes).
                        let key = js_str(k)?.len() as u64;
                        w += key + 1 + worst_case(v, k)? + 1;
                    }
                    w
                }
                Some(Value::Object(_)) if !s.contains_key("properties") => 2,
                _ => {
                    return Err(format!(
                        "the object `{at}` admits other keys: its size is not bounded"
                    ))
                }
            },
            other => return Err(format!("type `{other}` at `{at}`")),
        };
        worst = worst.max(w);
    }
    Ok(worst)
}

/// Every value the predicates reach (members, list entries, map values) must
/// have a `type`: the type tests are where plainness is checked (ASCII
/// strings, safe integers, finite numbers, plain objects and arrays).
fn typed(g: &Gen, schema: &Value, at: &str) -> Result<(), String> {
    match schema.get("type") {
        _ if g.branch > 0 => Ok(()),
        Some(_) => Ok(()),
        None => Err(format!("the schema of `{at}` has no `type`: the fast path could not check that the value is plain")),
    }
}

/// Whether the schema's own `enum` or `pattern` admits ASCII strings only,
/// so that the type test need not look at every character: an enum of
/// strings, or a pattern anchored at both ends whose every character is ASCII
/// and that has no `\p{...}`, negated class, `.` or escape of a code point.
fn self_checks_ascii(s: &Map<String, Value>) -> bool {
    if let Some(Value::Array(values)) = s.get("enum") {
        return values.iter().all(|v| v.as_str().is_some_and(str::is_ascii));
    }
    let Some(p) = s.get("pattern").and_then(Value::as_str) else {
        return false;
    };
    if ascii_form(p).is_some() {
        return true;
    }
    p.is_ascii()
        && p.starts_with('^')
        && p.ends_with('$')
        && !p.ends_with("\\$")
        && !p.contains("\\p")
        && !p.contains("\\P")
        && !p.contains("\\u")
        && !p.contains("\\x")
        && !p.contains("\\S")
        && !p.contains("\\W")
        && !p.contains("\\D")
        && !p.contains("[^")
        && !p.replace("\\.", "").contains('.')
}

/// The ASCII form of a pattern with Unicode property classes (see [`ASCII_FORMS`]).
fn ascii_form(p: &str) -> Option<&'static str> {
    ASCII_FORMS.iter().find(|(u, _)| *u == p).map(|(_, a)| *a)
}

/// Whether a string's type test must admit ASCII only: when its pattern
/// has a class whose meaning outside ASCII may differ between Unicode
/// versions (or any pattern not known to admit ASCII only), or when it has a
/// `minLength` above 1 (UTF-16 units overcount code points only for
/// characters outside the BMP, so a length of 1 or more, and every maximum,
/// hold in code points too). Other strings need only be well formed (no lone
/// surrogate, which the engine refuses).
fn needs_ascii(s: &Map<String, Value>) -> bool {
    s.contains_key("pattern")
        || s.get("minLength")
            .and_then(Value::as_u64)
            .is_some_and(|n| n > 1)
}

/// `schema` without its annotations (at every level), so that schemas that
/// differ only in their descriptions share one function.
fn canonical(schema: &Value) -> Value {
    match schema {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| !ANNOTATIONS.contains(&k.as_str()))
                .map(|(k, v)| {
                    // Member names under `properties` are data, not keywords.
                    let v = match (k.as_str(), v) {
                        ("properties", Value::Object(p)) => Value::Object(
                            p.iter().map(|(n, s)| (n.clone(), canonical(s))).collect(),
                        ),
                        ("enum" | "required", v) => v.clone(),
                        (_, v) => canonical(v),
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(canonical).collect()),
        other => other.clone(),
    }
}

/// The number of decimal places `multipleOf` asks for: it must be 10^-k.
fn multiple_places(v: &Value) -> Result<usize, String> {
    let text = num(v, "multipleOf")?;
    let k = match text.split_once('.') {
        Some(("0", frac))
            if frac.ends_with('1') && frac.trim_end_matches('1').bytes().all(|b| b == b'0') =>
        {
            frac.len()
        }
        _ if text == "1" => 0,
        _ => return Err(format!("`multipleOf` {text} is not a power of ten below 1")),
    };
    Ok(k)
}

impl Gen {
    fn pattern(&mut self, source: &str) -> Result<String, String> {
        if let Some(name) = self.patterns.get(source) {
            return Ok(name.clone());
        }
        let name = format!("P{}", self.patterns.len());
        self.patterns.insert(source.to_string(), name.clone());
        Ok(name)
    }

    /// [`Gen::node`] for a combinator's branch.
    fn branch_node(&mut self, schema: &Value) -> Result<String, String> {
        self.branch += 1;
        let f = self.node(schema);
        self.branch -= 1;
        f
    }

    /// The test of a combinator's branch on `v`: a call of its function,
    /// or, when `v` is certainly a plain object (`object`) and the branch
    /// names one member alone (`properties` of one, `required` of it or
    /// none), the same test in place: the member absent (undefined) or, when
    /// required, present, and its value accepted (`v[key] !== null` for
    /// `{"not": {"type": "null"}}`). As in the branch's function, the
    /// member is read without asking whether it is own and enumerable (the
    /// enclosing schema checked that). A branch that is only an `allOf`,
    /// `anyOf`, `oneOf` or `not` of branches is tested in place too, each of
    /// them by this function.
    fn branch_test(&mut self, schema: &Value, object: bool) -> Result<String, String> {
        if object {
            if let Some(s) = schema.as_object() {
                let keys: Vec<&str> = s
                    .keys()
                    .map(String::as_str)
                    .filter(|k| !ANNOTATIONS.contains(k))
                    .collect();
                let (props, required) = properties_and_required(s);
                // A combination of such branches, in place too.
                if let [word @ ("allOf" | "anyOf" | "oneOf" | "not")] = keys.as_slice() {
                    let list: Vec<Value> = match s.get(*word) {
                        Some(Value::Array(list)) => list.clone(),
                        Some(one) if *word == "not" => vec![one.clone()],
                        _ => return Err(format!("{word} is not a list")),
                    };
                    let tests = list
                        .iter()
                        .map(|x| self.branch_test(x, true))
                        .collect::<Result<Vec<_>, String>>()?;
                    return Ok(match *word {
                        "allOf" => format!("({})", tests.join(" && ")),
                        "anyOf" => format!("({})", tests.join(" || ")),
                        "oneOf" => {
                            let tests: Vec<String> =
                                tests.iter().map(|t| format!("({t} ? 1 : 0)")).collect();
                            format!("({} === 1)", tests.join(" + "))
                        }
                        _ => format!("!{}", tests.join("")),
                    });
                }
                let members: Vec<(&String, &Value)> = props.into_iter().flatten().collect();
                if let [(k, m)] = members.as_slice() {
                    if keys.iter().all(|x| *x == "properties" || *x == "required")
                        && required.iter().all(|r| r == k)
                        && !INHERITED.contains(&k.as_str())
                    {
                        // Compiled as inside the branch (as `branch_node` would).
                        self.branch += 1;
                        let typed_ok = typed(self, m, k);
                        let not_null = serde_json::json!({"not": {"type": "null"}});
                        let f = if canonical(m) == not_null {
                            Ok(None)
                        } else {
                            self.node(m).map(Some)
                        };
                        self.branch -= 1;
                        typed_ok?;
                        let key = js_str(k)?;
                        let test = match f? {
                            None => format!("v[{key}] !== null"),
                            Some(f) => format!("{f}(v[{key}])"),
                        };
                        return Ok(if required.is_empty() {
                            format!("(v[{key}] === undefined || {test})")
                        } else {
                            format!("(v[{key}] !== undefined && {test})")
                        });
                    }
                }
            }
        }
        Ok(format!("{}(v)", self.branch_node(schema)?))
    }

    /// The name of the function that checks `schema`.
    fn node(&mut self, schema: &Value) -> Result<String, String> {
        let key = serde_json::to_string(&canonical(schema)).map_err(|e| e.to_string())?;
        if let Some(name) = self.by_schema.get(&key) {
            return Ok(name.clone());
        }
        if let Value::Object(s) = schema {
            if let Some(expr) = self.leaf(s)? {
                let name = format!("s{}", self.funcs.len());
                self.funcs.push(format!("const {name} = {expr};\n"));
                self.by_schema.insert(key, name.clone());
                return Ok(name);
            }
        }
        let body = match schema {
            Value::Bool(true) => String::from("  return true;\n"),
            Value::Bool(false) => String::from("  return false;\n"),
            Value::Object(s) => self.body(s)?,
            other => return Err(format!("not a schema: {other}")),
        };
        let name = format!("s{}", self.funcs.len());
        // One statement a line, unindented: the module is parsed on every
        // cold start, so it is kept small.
        let body: String = body
            .lines()
            .map(|l| format!("{}\n", l.trim_start()))
            .collect();
        self.funcs
            .push(format!("function {name}(v) {{\n{body}}}\n"));
        self.by_schema.insert(key, name.clone());
        Ok(name)
    }

    /// A schema of one string, integer or number alone (or one and null),
    /// as a call of one of the header's factories (`str`, `ascii`,
    /// `wellFormed`, `oneOf`, `int`, `dec`), or None. The closure tests what
    /// [`Gen::body`] would: the same type test, bounds, enum, pattern and
    /// places (each a pure test, so their order is free).
    fn leaf(&mut self, s: &Map<String, Value>) -> Result<Option<String>, String> {
        // A list of one schema, with bounds only (or null).
        if let Some(items) = s.get("items") {
            let list_keys = ["type", "items", "minItems", "maxItems"];
            let nullable = match s.get("type") {
                Some(Value::String(t)) if t == "array" => false,
                Some(Value::Array(a))
                    if a.len() == 2
                        && a.contains(&Value::from("array"))
                        && a.contains(&Value::from("null")) =>
                {
                    true
                }
                _ => return Ok(None),
            };
            if s.keys()
                .any(|k| !list_keys.contains(&k.as_str()) && !ANNOTATIONS.contains(&k.as_str()))
            {
                return Ok(None);
            }
            typed(self, items, "items")?;
            let f = self.node(&fast_items(items))?;
            let max = s
                .get("maxItems")
                .and_then(Value::as_u64)
                .map_or(LIST_CAP, |n| n.min(LIST_CAP));
            let min = match s.get("minItems") {
                Some(n) => num(n, "minItems")?,
                None => String::from("0"),
            };
            return Ok(Some(format!("list({min}, {max}, {f}, {nullable})")));
        }
        if s.keys()
            .any(|k| !LEAF.contains(&k.as_str()) && !ANNOTATIONS.contains(&k.as_str()))
        {
            return Ok(None);
        }
        let bound = |k: &str, none: &str| -> Result<String, String> {
            s.get(k).map_or(Ok(none.to_string()), |n| num(n, k))
        };
        let string_only = ["minimum", "maximum", "exclusiveMinimum", "multipleOf"];
        let number_only = ["enum", "minLength", "maxLength", "pattern"];
        // One type, or one and null.
        let (kind, nullable) = match s.get("type") {
            Some(Value::String(t)) => (t.as_str(), false),
            Some(Value::Array(a)) => match a.as_slice() {
                [Value::String(t)] => (t.as_str(), false),
                [Value::String(t), Value::String(n)] | [Value::String(n), Value::String(t)]
                    if n == "null" && t != "null" =>
                {
                    (t.as_str(), true)
                }
                _ => return Ok(None),
            },
            _ => return Ok(None),
        };
        match kind {
            "string" if !string_only.iter().any(|k| s.contains_key(*k)) => {
                if let Some(e) = s.get("enum") {
                    if ["minLength", "maxLength", "pattern"]
                        .iter()
                        .any(|k| s.contains_key(*k))
                    {
                        return Ok(None);
                    }
                    let values = e.as_array().ok_or("enum is not a list")?;
                    let mut texts = Vec::new();
                    for v in values {
                        match v {
                            Value::String(x) => texts.push(js_str(x)?),
                            // The type test lets null through: the enum decides.
                            Value::Null if nullable => {}
                            _ => return Ok(None),
                        }
                    }
                    // Null passes when both the type and the enum admit it.
                    let n = nullable && values.contains(&Value::Null);
                    return Ok(Some(format!("oneOf([{}], {n})", texts.join(", "))));
                }
                let t = if self_checks_ascii(s) {
                    "str"
                } else if needs_ascii(s) {
                    "ascii"
                } else {
                    "wellFormed"
                };
                let max = bound("maxLength", &STRING_CAP.to_string())?;
                let p = match s.get("pattern") {
                    Some(p) => {
                        let p = p.as_str().ok_or("pattern is not a string")?;
                        self.pattern(ascii_form(p).unwrap_or(p))?
                    }
                    None => String::from("null"),
                };
                Ok(Some(format!(
                    "{t}({}, {max}, {p}, {nullable})",
                    bound("minLength", "0")?
                )))
            }
            "integer" | "number" if !number_only.iter().any(|k| s.contains_key(*k)) => {
                let (min, max) = (
                    bound("minimum", "-Infinity")?,
                    bound("maximum", "Infinity")?,
                );
                if kind == "integer"
                    && !s.contains_key("exclusiveMinimum")
                    && !s.contains_key("multipleOf")
                {
                    return Ok(Some(format!("int({min}, {max}, {nullable})")));
                }
                // An integer's test where `dec` would test a finite number.
                if kind == "integer" {
                    return Ok(None);
                }
                let k = match s.get("multipleOf") {
                    Some(m) => multiple_places(m)?.to_string(),
                    None => String::from("-1"),
                };
                Ok(Some(format!(
                    "dec({min}, {max}, {}, {k}, {nullable})",
                    bound("exclusiveMinimum", "-Infinity")?
                )))
            }
            _ => Ok(None),
        }
    }

    fn body(&mut self, s: &Map<String, Value>) -> Result<String, String> {
        // An object or a list, or null, with no enum and no combinator:
        // null first, then the body of the object or list alone (the same
        // verdicts: every keyword but the type test applies to objects or
        // lists only).
        if let Some(Value::Array(types)) = s.get("type") {
            let plain: Vec<&str> = types.iter().filter_map(Value::as_str).collect();
            let kind = match plain.as_slice() {
                [t, "null"] | ["null", t] if *t == "object" || *t == "array" => Some(*t),
                _ => None,
            };
            const MIXED: &[&str] = &["enum", "allOf", "anyOf", "oneOf", "not", "if", "then"];
            if let Some(kind) = kind {
                if types.len() == 2 && !MIXED.iter().any(|k| s.contains_key(*k)) {
                    let mut alone = s.clone();
                    alone.insert(String::from("type"), Value::from(kind));
                    return Ok(format!(
                        "  if (v === null) return true;\n{}",
                        self.body(&alone)?
                    ));
                }
            }
        }
        // The leaf keywords (`LEAF`) and these.
        const COMPOSITE: &[&str] = &[
            "minItems",
            "maxItems",
            "items",
            "properties",
            "required",
            "additionalProperties",
            "propertyNames",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "if",
            "then",
        ];
        if let Some(k) = s.keys().find(|k| {
            ![LEAF, COMPOSITE, ANNOTATIONS]
                .iter()
                .any(|l| l.contains(&k.as_str()))
        }) {
            return Err(format!(
                "keyword `{k}` is not compiled: teach examples/gen_fast.rs"
            ));
        }
        let mut out = String::new();
        // The kinds the type test lets through (None: any): a keyword's guard
        // is left out when its kind is the only one.
        let only: Option<Vec<String>> = match s.get("type") {
            Some(Value::String(t)) => Some(vec![t.clone()]),
            Some(Value::Array(a)) => Some(
                a.iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect(),
            ),
            _ => None,
        };
        let sole = |kinds: &[&str]| {
            only.as_ref()
                .is_some_and(|t| !t.is_empty() && t.iter().all(|k| kinds.contains(&k.as_str())))
        };
        let guard = |out: &mut String, test: &str, body: &str, sole: bool| {
            if sole {
                out.push_str(body);
            } else {
                let _ = write!(out, "  if ({test}) {{\n{body}  }}\n");
            }
        };
        if let Some(t) = s.get("type") {
            let types: Vec<&str> = match t {
                Value::String(t) => vec![t.as_str()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                other => return Err(format!("type {other}")),
            };
            let tests = types
                .iter()
                .map(|t| {
                    Ok(match *t {
                        // An enum or an ASCII-only pattern admits ASCII only.
                        "string" if self_checks_ascii(s) => "typeof v === 'string'",
                        "string" if needs_ascii(s) => "isAscii(v)",
                        "string" => "isWellFormed(v)",
                        "integer" => "Number.isSafeInteger(v)",
                        "number" => "Number.isFinite(v)",
                        "boolean" => "typeof v === 'boolean'",
                        "null" => "v === null",
                        "array" => "isArr(v)",
                        // Inline, so that each shape's `toJSON` lookup has its own
                        // cache, and first (see `plainProto` in the header).
                        "object" => "(typeof v === 'object' && v !== null && v.toJSON === undefined && plainProto(Object.getPrototypeOf(v)))",
                        other => return Err(format!("type `{other}`")),
                    })
                })
                .collect::<Result<Vec<_>, String>>()?;
            let _ = writeln!(out, "  if (!({})) return false;", tests.join(" || "));
        }
        if let Some(e) = s.get("enum") {
            let values = e.as_array().ok_or("enum is not a list")?;
            let tests = values
                .iter()
                .map(|v| match v {
                    Value::String(x) => Ok(format!("v === {}", js_str(x)?)),
                    Value::Null => Ok(String::from("v === null")),
                    other => Err(format!("enum value {other}")),
                })
                .collect::<Result<Vec<_>, String>>()?;
            let _ = writeln!(out, "  if (!({})) return false;", tests.join(" || "));
        }
        // Strings: lengths in UTF-16 units equal code points for the ASCII
        // strings the fast path admits.
        let mut string = String::new();
        if let Some(n) = s.get("minLength") {
            let _ = writeln!(
                string,
                "    if (v.length < {}) return false;",
                num(n, "minLength")?
            );
        }
        if let Some(n) = s.get("maxLength") {
            let _ = writeln!(
                string,
                "    if (v.length > {}) return false;",
                num(n, "maxLength")?
            );
        }
        if s.get("maxLength").is_none() && s.get("enum").is_none() && has_type(s, "string") {
            // No schema bound: the fast path's own (see `STRING_CAP`).
            let _ = writeln!(string, "    if (v.length > {STRING_CAP}) return false;");
        }
        if let Some(p) = s.get("pattern") {
            let p = p.as_str().ok_or("pattern is not a string")?;
            let name = self.pattern(ascii_form(p).unwrap_or(p))?;
            let _ = writeln!(string, "    if (!{name}.test(v)) return false;");
        }
        if !string.is_empty() {
            guard(
                &mut out,
                "typeof v === 'string'",
                &string,
                sole(&["string"]),
            );
        }
        let mut number = String::new();
        if let Some(n) = s.get("minimum") {
            let _ = writeln!(number, "    if (v < {}) return false;", num(n, "minimum")?);
        }
        if let Some(n) = s.get("maximum") {
            let _ = writeln!(number, "    if (v > {}) return false;", num(n, "maximum")?);
        }
        if let Some(n) = s.get("exclusiveMinimum") {
            let _ = writeln!(
                number,
                "    if (v <= {}) return false;",
                num(n, "exclusiveMinimum")?
            );
        }
        if let Some(m) = s.get("multipleOf") {
            let _ = writeln!(
                number,
                "    if (places(v) > {}) return false;",
                multiple_places(m)?
            );
        }
        if !number.is_empty() {
            guard(
                &mut out,
                "typeof v === 'number'",
                &number,
                sole(&["integer", "number"]),
            );
        }
        let mut array = String::new();
        if let Some(n) = s.get("minItems") {
            let _ = writeln!(
                array,
                "    if (v.length < {}) return false;",
                num(n, "minItems")?
            );
        }
        if let Some(n) = s.get("maxItems") {
            let _ = writeln!(
                array,
                "    if (v.length > {}) return false;",
                num(n, "maxItems")?
            );
        }
        let bounded = s
            .get("maxItems")
            .and_then(Value::as_u64)
            .is_some_and(|n| n <= LIST_CAP);
        let is_array = s.contains_key("items")
            || match s.get("type") {
                Some(Value::String(t)) => t == "array",
                Some(Value::Array(a)) => a.iter().any(|t| t == "array"),
                _ => false,
            };
        if is_array && !bounded {
            let _ = writeln!(array, "    if (v.length > {LIST_CAP}) return false;");
        }
        if let Some(items) = s.get("items") {
            typed(self, items, "items")?;
            let f = self.node(&fast_items(items))?;
            let _ = writeln!(
                array,
                "    for (let i = 0; i < v.length; i++) if (!{f}(v[i])) return false;"
            );
        }
        if !array.is_empty() {
            guard(&mut out, "Array.isArray(v)", &array, sole(&["array"]));
        }
        if self.branch == 0 && has_type(s, "object") {
            keys_named(s)?;
        }
        let object = self.object(s)?;
        if !object.is_empty() {
            guard(&mut out, "isObj(v)", &object, sole(&["object"]));
        }
        // After the type test of an object alone, `v` is a plain object: a
        // branch of one member is tested in place (see `Gen::branch_test`).
        let object = sole(&["object"]);
        for (word, join) in [("allOf", "all"), ("anyOf", "any"), ("oneOf", "one")] {
            let Some(list) = s.get(word) else { continue };
            let list = list.as_array().ok_or(format!("{word} is not a list"))?;
            let tests = list
                .iter()
                .map(|x| self.branch_test(x, object))
                .collect::<Result<Vec<_>, String>>()?;
            match join {
                "all" => {
                    for t in tests {
                        let _ = writeln!(out, "  if (!{t}) return false;");
                    }
                }
                "any" => {
                    let _ = writeln!(out, "  if (!({})) return false;", tests.join(" || "));
                }
                _ => {
                    let tests: Vec<String> =
                        tests.iter().map(|t| format!("({t} ? 1 : 0)")).collect();
                    let _ = writeln!(out, "  if ({} !== 1) return false;", tests.join(" + "));
                }
            }
        }
        if let Some(n) = s.get("not") {
            let t = self.branch_test(n, object)?;
            let _ = writeln!(out, "  if ({t}) return false;");
        }
        if let Some(i) = s.get("if") {
            let ti = self.branch_test(i, object)?;
            if let Some(t) = s.get("then") {
                let tt = self.branch_test(t, object)?;
                let _ = writeln!(out, "  if ({ti} && !{tt}) return false;");
            }
        } else if s.contains_key("then") {
            return Err(String::from("`then` without `if`"));
        }
        out.push_str("  return true;\n");
        Ok(out)
    }

    /// The object keywords: one pass over the own keys (a key whose value is
    /// `undefined` is absent, as `JSON.stringify` leaves it out).
    fn object(&mut self, s: &Map<String, Value>) -> Result<String, String> {
        let (props, required) = properties_and_required(s);
        if required.len() > 30 {
            return Err(String::from("more than 30 required members"));
        }
        let additional = s.get("additionalProperties");
        let names = s.get("propertyNames");
        if props.is_none() && required.is_empty() && additional.is_none() && names.is_none() {
            return Ok(String::new());
        }
        let mut cases: BTreeMap<String, (Option<String>, Option<usize>)> = BTreeMap::new();
        for (k, v) in props.into_iter().flatten() {
            typed(self, v, k)?;
            let f = self.node(v)?;
            cases.entry(k.clone()).or_default().0 = Some(f);
        }
        for (bit, k) in required.iter().enumerate() {
            cases.entry((*k).to_string()).or_default().1 = Some(bit);
        }
        for k in cases.keys() {
            if INHERITED.contains(&k.as_str()) {
                return Err(format!("member `{k}` is a name Object.prototype has"));
            }
        }
        let mut out = String::new();
        if additional.is_none() && names.is_none() {
            // No key outside `properties` is judged: read the named members
            // directly (a member that is absent, or undefined, reads as
            // undefined; no name here is one Object.prototype has).
            // Outside a combinator's branch, a member read must be own and
            // enumerable (in the text); inside one, the enclosing schema
            // has checked that of every member it names.
            let member = |key: &str| {
                if self.branch == 0 {
                    format!(" || !isMember(v, {key})")
                } else {
                    String::new()
                }
            };
            for (k, (f, bit)) in &cases {
                let key = js_str(k)?;
                if let Some(f) = f {
                    let m = member(&key);
                    let _ = writeln!(out, "    {{\n      const x = v[{key}];\n      if (x !== undefined && (!{f}(x){m})) return false;\n    }}");
                }
                if bit.is_some() {
                    let m = member(&key);
                    let _ = writeln!(out, "    if (v[{key}] === undefined{m}) return false;");
                }
            }
            return Ok(out);
        }
        if matches!(additional, Some(Value::Bool(false))) && names.is_none() {
            if cases.len() > 31 {
                return Err(String::from("a closed structure of more than 31 members"));
            }
            // A closed structure: one for-in pass over the own enumerable
            // keys (what JSON.stringify writes) marks each named member
            // seen; another key with a value is outside `properties`. Then
            // each named member is read directly: one with a value that
            // for-in did not see (inherited, or defined non-enumerable) is
            // not in the text the engine reads: "don't know". A member whose
            // value is undefined is absent (JSON.stringify leaves it out).
            out.push_str("    let seen = 0;\n    for (const k in v) {\n      switch (k) {\n");
            for (i, k) in cases.keys().enumerate() {
                let _ = writeln!(
                    out,
                    "        case {}: seen |= {}; break;",
                    js_str(k)?,
                    1u32 << i
                );
            }
            out.push_str("        default: if (v[k] !== undefined) return false;\n      }\n    }\n    let x;\n");
            for (i, (k, (f, bit))) in cases.iter().enumerate() {
                let key = js_str(k)?;
                let check = match f {
                    Some(f) => format!(" if (!{f}(x)) return false;"),
                    None => String::new(),
                };
                if bit.is_some() {
                    // Required: present, seen and accepted.
                    let _ = writeln!(
                        out,
                        "    x = v[{key}];\n    if (x === undefined || !(seen & {}){}) return false;",
                        1u32 << i,
                        f.as_ref().map_or(String::new(), |f| format!(" || !{f}(x)"))
                    );
                    continue;
                }
                let _ = writeln!(
                    out,
                    "    x = v[{key}];\n    if (x !== undefined) {{ if (!(seen & {})) return false;{check} }}",
                    1u32 << i
                );
            }
            return Ok(out);
        }
        if matches!(additional, Some(Value::Object(_))) && props.is_none() && required.is_empty() {
            // A map (any key, each value of one schema): its number of
            // entries is not bounded, so neither is its size in the text.
            // Only the empty map is judged (the fast path defers the one
            // map of the operations, `documentParameters`, anyway).
            out.push_str("    for (const _ in v) return false;\n");
            return Ok(out);
        }
        if !required.is_empty() {
            out.push_str("    let seen = 0;\n");
        }
        // for-in visits the own enumerable keys (what JSON.stringify writes)
        // of an object of plain prototype, as long as Object.prototype has
        // no enumerable key (js/src/fast.js checks that on every call).
        out.push_str("    for (const k in v) {\n");
        out.push_str("      const x = v[k];\n      if (x === undefined) continue;\n");
        if let Some(n) = names {
            let f = self.node(n)?;
            let _ = writeln!(out, "      if (!{f}(k)) return false;");
        }
        out.push_str("      switch (k) {\n");
        for (k, (f, bit)) in &cases {
            let _ = writeln!(out, "        case {}:", js_str(k)?);
            if let Some(f) = f {
                let _ = writeln!(out, "          if (!{f}(x)) return false;");
            }
            if let Some(bit) = bit {
                let _ = writeln!(out, "          seen |= {};", 1u32 << bit);
            }
            out.push_str("          break;\n");
        }
        match additional {
            None | Some(Value::Bool(true)) => {}
            Some(Value::Bool(false)) => out.push_str("        default:\n          return false;\n"),
            Some(schema) => {
                typed(self, schema, "additionalProperties")?;
                let f = self.node(schema)?;
                let _ = write!(
                    out,
                    "        default:\n          if (!{f}(x)) return false;\n"
                );
            }
        }
        out.push_str("      }\n    }\n");
        if !required.is_empty() {
            let all = (1u64 << required.len()) - 1;
            let _ = writeln!(out, "    if (seen !== {all}) return false;");
        }
        Ok(out)
    }
}

/// The generated module's text.
///
/// # Errors
/// A schema keyword or value the generator does not compile.
pub fn generate() -> Result<String, String> {
    let mut g = Gen {
        funcs: Vec::new(),
        by_schema: BTreeMap::new(),
        patterns: BTreeMap::new(),
        branch: 0,
    };
    let mut table = String::from("export const CHECKS = {\n");
    // The documented profile only (the default): the model profile is rare,
    // and its predicates would add a quarter to a module parsed at every cold
    // start; requests under it go to the engine.
    for profile in [Profile::Documented] {
        let _ = writeln!(table, "  {}: {{", js_str(profile.name())?);
        for api in APIS {
            let _ = writeln!(table, "    {}: {{", js_str(api.name())?);
            for op in Operation::ALL {
                let schema = json_schema_for(op, api, profile, Dialect::Draft202012);
                let worst = worst_case(&schema, op.name())?;
                if worst >= SIZE_LIMIT {
                    return Err(format!(
                        "{} ({}): a request judged could be {worst} bytes, not below the engine's limit of {SIZE_LIMIT}",
                        op.name(),
                        api.name()
                    ));
                }
                if std::env::var_os("GEN_FAST_SIZES").is_some() {
                    eprintln!("{} {}: worst case {worst} bytes", api.name(), op.name());
                }
                let f = g.node(&schema)?;
                let _ = writeln!(table, "      {}: {f},", op.name());
            }
            table.push_str("    },\n");
        }
        table.push_str("  },\n");
    }
    table.push_str("};\n\n");
    table.push_str("/** The patterns with Unicode property classes and the ASCII forms the predicates test instead (checked on ASCII by js/test/fast-path.test.mjs). */\nexport const ASCII_FORMS = [\n");
    for (u, a) in ASCII_FORMS {
        let _ = writeln!(table, "  [{}, {}],", js_str(u)?, js_str(a)?);
    }
    table.push_str("];\n");
    let mut out = String::from(HEADER);
    out.push('\n');
    let mut pats: Vec<(&String, &String)> = g.patterns.iter().map(|(s, n)| (n, s)).collect();
    pats.sort_by_key(|(n, _)| n[1..].parse::<usize>().unwrap_or(usize::MAX));
    for (name, source) in pats {
        let _ = writeln!(out, "const {name} = new RegExp({}, 'u');", js_str(source)?);
    }
    out.push('\n');
    for f in &g.funcs {
        out.push_str(f);
        out.push('\n');
    }
    out.push_str(&table);
    Ok(out)
}

#[path = "support/generated_file.rs"]
mod generated_file;

fn main() -> std::process::ExitCode {
    generated_file::main("gen_fast", OUTPUT_PATH, generate)
}

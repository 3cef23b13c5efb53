//! JSON Schemas of the operations' requests, generated from the shape tree.
//!
//! The schema of an operation is derived by walking the same static
//! `Shape` tree the validator walks, so types, required
//! members, lengths, ranges, enums, list sizes and patterns cannot drift from
//! the validator. In the `documented` profile the documented rules that JSON
//! Schema can state are added from the named constants in `crate::validate::shapes`
//! (decimal places as `multipleOf`, the documented ranges, `document` xor
//! `documentSource`, ...). What JSON Schema cannot state is listed in
//! [`INEXPRESSIBLE`] and in the schema's root `$comment`.
//!
//! Two choices follow the validator rather than JSON Schema habits:
//!
//! - an optional member whose value is `null` is treated as absent (the
//!   validator and the AWS request framework do the same), so optional
//!   members accept `null`; required members, list entries and map values do
//!   not;
//! - integer members carry the bounds of their model type (32-bit `integer`,
//!   64-bit `long`) as `minimum`/`maximum`, because an integer beyond its type
//!   is an error (`numberTooLarge`).
//!
//! `tests/schema_agreement.rs` runs every shared test vector through the
//! `jsonschema` crate on these schemas and checks the verdicts against the
//! validator for the rules in [`EXPRESSED_RULES`].
//!
//! ```
//! use iot_jobs_policy::schema_export::{json_schema, Dialect};
//! use iot_jobs_policy::{ApiVersion, Operation};
//! let s = json_schema(Operation::DescribeJob, ApiVersion::Latest, Dialect::Draft07);
//! assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
//! assert_eq!(s["properties"]["jobId"]["pattern"], "^[a-zA-Z0-9_-]+$");
//! assert_eq!(s["required"][0], "jobId");
//! ```

//!
//! The documented rules the schemas state and the members' descriptions are
//! data files beside this module (`documented.json`, `descriptions.tsv`),
//! read by `tables`; `translate` turns the shape tree into JSON Schema.

mod tables;
#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // Tests fail by panicking.
mod tests;
mod translate;

use crate::validate::api::{ApiVersion, Operation, Profile};
use crate::validate::ops;
use crate::validate::primitive::Pattern;
use serde_json::{json, Map, Value};
use std::fmt;
use std::str::FromStr;
use translate::{ecma, op_link, shape_schema, Ctx};

/// The JSON Schema dialect of an exported schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Dialect {
    /// JSON Schema 2020-12 (the current draft).
    #[default]
    Draft202012,
    /// JSON Schema draft-07: what VS Code's JSON service and the YAML language
    /// server read.
    Draft07,
}

impl Dialect {
    /// Both dialects, 2020-12 first.
    pub const ALL: [Dialect; 2] = [Dialect::Draft202012, Dialect::Draft07];

    /// The name used on the command line: `2020-12` or `draft-07`.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Draft202012 => "2020-12",
            Dialect::Draft07 => "draft-07",
        }
    }

    /// The meta-schema URI written as `$schema`.
    pub fn meta_schema(self) -> &'static str {
        match self {
            Dialect::Draft202012 => "https://json-schema.org/draft/2020-12/schema",
            Dialect::Draft07 => "http://json-schema.org/draft-07/schema#",
        }
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error returned when a string names no JSON Schema dialect.
///
/// ```
/// use iot_jobs_policy::schema_export::Dialect;
/// let e = "draft-04".parse::<Dialect>().unwrap_err();
/// assert_eq!(e.given(), "draft-04");
/// assert_eq!(e.to_string(), "unknown JSON Schema dialect `draft-04`; expected `2020-12` or `draft-07`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown JSON Schema dialect `{given}`; expected `2020-12` or `draft-07`")]
pub struct UnknownDialect {
    given: String,
}

impl UnknownDialect {
    /// The string that was given.
    pub fn given(&self) -> &str {
        &self.given
    }
}

impl FromStr for Dialect {
    type Err = UnknownDialect;

    /// Accepts `2020-12` and `draft-07` (also `draft2020-12`, `draft-2020-12`, `draft7`, `07`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "2020-12" | "draft2020-12" | "draft-2020-12" => Ok(Dialect::Draft202012),
            "draft-07" | "draft7" | "draft-7" | "07" => Ok(Dialect::Draft07),
            other => Err(UnknownDialect {
                given: other.to_owned(),
            }),
        }
    }
}

/// What the exported schemas cannot express; the validator checks these
/// (`iot-jobs-policy validate`). Also written, joined, into each schema's root
/// `$comment`.
pub const INEXPRESSIBLE: &[&str] = &[
    "retry-total: at most 10 retries in total across all retry criteria (a sum over list entries)",
    "retry-duplicates: each retry failure type at most once, and ALL not combined with another type",
    "document-size-json: an inline `document` must itself be JSON text (contentMediaType is only an annotation)",
    "scheduling-format: schedulingConfig.startTime/endTime of the form YYYY-MM-DDTHH:MM (then optionally :SS, .sss and a zone Z or ±HH:MM), with a real calendar date",
    "scheduling-window: startTime/endTime relative to the current time, and endTime - startTime between 30 minutes and 2 years",
    "maintenanceWindow-cron: a maintenance window's startTime is a cron expression of the AWS dialect (V-22; a regex could only approximate it)",
    "managedTemplate-parameter-*: documentParameters against the managed template's documented parameters (dated data, V-28)",
    "input.duplicateKey: a key given twice in one object (a parsed JSON value keeps only one of them)",
    "input.*: text-level hygiene (over 1 MiB, nesting deeper than 64, invalid UTF-8, NaN/Infinity, invalid JSON)",
    "warnings: every warning-severity rule (e.g. targets-max, abort-duplicates, presigned-placeholder-without-config, documentSource-not-s3) is advice, not an assertion",
];

/// The ids (see [`rules`](crate::rules)) of the error rules the exported
/// schemas express: a request has an error from one of these rules exactly
/// when the schema of its operation, API version and profile rejects it
/// (modulo the documented disagreements listed in `tests/schema_agreement.rs`).
pub const EXPRESSED_RULES: &[&str] = &[
    "input.numberTooLarge",
    "input.notAnObject",
    "model.required",
    "model.type",
    "model.unknownField",
    "model.minLength",
    "model.maxLength",
    "model.pattern",
    "model.minimum",
    "model.maximum",
    "model.enum",
    "model.minItems",
    "model.maxItems",
    "incrementFactor-precision",
    "thresholdPercentage-precision",
    "thresholdPercentage-lower-bound",
    "maximumPerMinute-max",
    "inProgressTimeout-min",
    "inProgressTimeout-max",
    "rateIncreaseCriteria-nonempty",
    "document-source-required",
    "document-exclusive",
    "documentParameters-managed-only",
    "targets-arn",
    "documentSource-url",
    "packageVersions-max",
    "updateJob-retry-zero",
];

/// The stable `$id` of an exported schema.
pub fn schema_id(op: Operation, api: ApiVersion, profile: Profile, dialect: Dialect) -> String {
    let model = match profile {
        Profile::Documented => "",
        Profile::Model => "model/",
    };
    format!(
        "https://iot-jobs-policy.invalid/schemas/{}/{}/{model}{}.json",
        dialect.name(),
        api.name(),
        op.name()
    )
}

/// The JSON Schema of `op`'s request in API version `api` (documented profile).
pub fn json_schema(op: Operation, api: ApiVersion, dialect: Dialect) -> Value {
    json_schema_for(op, api, Profile::Documented, dialect)
}

/// The JSON Schema of `op`'s request, for the given profile: `Model` leaves
/// out every documented rule, so that it agrees with `--profile model`.
pub fn json_schema_for(
    op: Operation,
    api: ApiVersion,
    profile: Profile,
    dialect: Dialect,
) -> Value {
    let (tables, trouble) = match tables::tables() {
        Ok(t) => (t, None),
        Err(e) => (&tables::EMPTY, Some(e)),
    };
    let ctx = Ctx {
        op,
        dialect,
        api,
        profile,
        tables,
    };
    let shape = ops::input(op);
    let mut root = Map::new();
    root.insert("$schema".into(), json!(dialect.meta_schema()));
    root.insert("$id".into(), json!(schema_id(op, api, profile, dialect)));
    root.insert(
        "title".into(),
        json!(format!(
            "AWS IoT {op} request ({} API, {} rules)",
            api.name(),
            profile.name()
        )),
    );
    let what = format!(
        "The request of the AWS IoT Jobs {op} operation as iot-jobs-policy checks it ({} API model, {} profile).",
        api.name(),
        profile.name()
    );
    root.insert(
        "markdownDescription".into(),
        json!(format!(
            "{what}\n\n[AWS API reference: {op}]({})",
            op_link(op)
        )),
    );
    root.insert("description".into(), json!(what));
    let comment = format!(
        "Generated by iot-jobs-policy from its rule tables. Not expressed by this schema (checked by `iot-jobs-policy validate`): {}.",
        INEXPRESSIBLE.join("; ")
    );
    // INVARIANT: never taken in a tested build (a unit test loads the tables).
    let comment = match trouble {
        Some(e) => format!("{comment} The rule tables of this build did not load ({e}): documented rules and descriptions are missing."),
        None => comment,
    };
    let mut body = shape_schema(&ctx, shape, None);
    let comment = match body.remove("$comment") {
        Some(Value::String(own)) => format!("{comment} Stated at the root: {own}."),
        _ => comment,
    };
    root.insert("$comment".into(), json!(comment));
    root.extend(body);
    Value::Object(root)
}

/// [`json_schema`] as pretty-printed JSON text with sorted keys and a final newline.
pub fn json_schema_string(op: Operation, api: ApiVersion, dialect: Dialect) -> String {
    to_pretty(&json_schema(op, api, dialect))
}

/// [`json_schema_for`] as pretty-printed JSON text with sorted keys and a final newline.
pub fn json_schema_string_for(
    op: Operation,
    api: ApiVersion,
    profile: Profile,
    dialect: Dialect,
) -> String {
    to_pretty(&json_schema_for(op, api, profile, dialect))
}

fn to_pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// The ECMAScript (`u` flag) form of a model pattern, anchored at both ends.
/// The jsonschema crate evaluates these forms the same way (its regex engine
/// knows the same general categories); `tests/schema_agreement.rs` checks that
/// on every code point.
pub fn ecma_pattern(source: &str) -> Option<&'static str> {
    [
        Pattern::Id,
        Pattern::ThingName,
        Pattern::NoControl,
        Pattern::TagKey,
        Pattern::Arn,
    ]
    .into_iter()
    .find(|p| p.source() == source)
    .map(ecma)
}

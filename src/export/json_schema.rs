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

use crate::validate::api::{ApiVersion, Operation, Profile};
use crate::validate::model::{Kind, Member, Shape, Width};
use crate::validate::ops;
use crate::validate::primitive::Pattern;
use crate::validate::shapes::{abort, packages, rollout, timeout};
use serde_json::{json, Map, Value};
use std::fmt;
use std::str::FromStr;

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

impl FromStr for Dialect {
    type Err = String;

    /// Accepts `2020-12` and `draft-07` (also `draft2020-12`, `draft-2020-12`, `draft7`, `07`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "2020-12" | "draft2020-12" | "draft-2020-12" => Ok(Dialect::Draft202012),
            "draft-07" | "draft7" | "draft-7" | "07" => Ok(Dialect::Draft07),
            other => Err(format!(
                "unknown JSON Schema dialect `{other}`; expected `2020-12` or `draft-07`"
            )),
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
    "scheduling-format: schedulingConfig.startTime/endTime of the form YYYY-MM-DDTHH:MM (optional seconds and zone), with a real calendar date",
    "scheduling-window: startTime/endTime relative to the current time, and endTime - startTime between 30 minutes and 2 years",
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
    let ctx = Ctx {
        op,
        dialect,
        api,
        profile,
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

/// What the walk needs to know besides the shape.
struct Ctx {
    op: Operation,
    dialect: Dialect,
    api: ApiVersion,
    profile: Profile,
}

impl Ctx {
    fn documented(&self) -> bool {
        self.profile == Profile::Documented
    }
}

/// A documented bound added to one member's schema.
#[derive(Debug, Clone, Copy)]
enum Extra {
    /// `minimum`.
    Minimum(i64),
    /// `maximum`.
    Maximum(i64),
    /// `exclusiveMinimum` (numeric form: same in draft-07 and 2020-12).
    ExclusiveMinimum(f64),
    /// `multipleOf` 10^-places.
    Places(u32),
    /// `maxItems`.
    MaxItems(usize),
}

/// Assumed lower bound of `thresholdPercentage` (V-15): greater than 0. The
/// validator states it inline (`t <= 0.0`) in `shapes::abort`.
const THRESHOLD_EXCLUSIVE_MIN: f64 = 0.0;

/// A documented rule stated on one member. Applied in the documented profile only.
struct Documented {
    /// The structure shape that has the member.
    parent: &'static str,
    /// The member's wire name.
    member: &'static str,
    /// Only in this operation's request, or in all.
    op: Option<Operation>,
    /// The keywords it adds.
    extras: &'static [Extra],
    /// The rule ids it expresses.
    rules: &'static [&'static str],
}

/// The documented rules stated on members.
const DOCUMENTED: &[Documented] = &[
    Documented {
        parent: "JobExecutionsRolloutConfig",
        member: "maximumPerMinute",
        op: None,
        extras: &[Extra::Maximum(rollout::MAXIMUM_PER_MINUTE_MAX)],
        rules: &["maximumPerMinute-max"],
    },
    Documented {
        parent: "ExponentialRolloutRate",
        member: "incrementFactor",
        op: None,
        extras: &[Extra::Places(rollout::INCREMENT_FACTOR_PLACES)],
        rules: &["incrementFactor-precision"],
    },
    Documented {
        parent: "AbortCriteria",
        member: "thresholdPercentage",
        op: None,
        extras: &[
            Extra::ExclusiveMinimum(THRESHOLD_EXCLUSIVE_MIN),
            Extra::Places(abort::THRESHOLD_PLACES),
        ],
        rules: &[
            "thresholdPercentage-lower-bound",
            "thresholdPercentage-precision",
        ],
    },
    Documented {
        parent: "TimeoutConfig",
        member: "inProgressTimeoutInMinutes",
        op: None,
        extras: &[
            Extra::Minimum(timeout::IN_PROGRESS_TIMEOUT_MIN),
            Extra::Maximum(timeout::IN_PROGRESS_TIMEOUT_MAX),
        ],
        rules: &["inProgressTimeout-min", "inProgressTimeout-max"],
    },
    Documented {
        parent: "CreateJobRequest",
        member: "destinationPackageVersions",
        op: None,
        extras: &[Extra::MaxItems(packages::VERSIONS_MAX)],
        rules: &["packageVersions-max"],
    },
    Documented {
        parent: "CreateJobTemplateRequest",
        member: "destinationPackageVersions",
        op: None,
        extras: &[Extra::MaxItems(packages::VERSIONS_MAX)],
        rules: &["packageVersions-max"],
    },
    Documented {
        parent: "RetryCriteria",
        member: "numberOfRetries",
        op: Some(Operation::UpdateJob),
        extras: &[Extra::Maximum(0)],
        rules: &["updateJob-retry-zero"],
    },
];

/// Descriptions in our own words: `Parent.member` first, then `member`.
const DESCRIPTIONS: &[(&str, &str)] = &[
    // Members shared by several operations.
    ("jobId", "Your identifier for the job: letters, digits, `-` and `_`, unique in the account and Region."),
    ("ListJobExecutionsForThingRequest.jobId", "Only list the executions of this job."),
    ("jobTemplateId", "Your identifier for the job template: letters, digits, `-` and `_`."),
    ("thingName", "The thing whose job executions are listed."),
    ("targets", "The things and thing groups (by ARN) that run the job."),
    ("targetSelection", "SNAPSHOT runs the job once on the targets as they are now; CONTINUOUS also runs it on things added to a target group later."),
    ("document", "The job document itself, as JSON text; give either this or `documentSource`."),
    ("documentSource", "An S3 URL of the job document; give either this or `document`."),
    ("CreateJobTemplateRequest.document", "The job document itself, as JSON text; give exactly one of this, `documentSource` or `jobArn`."),
    ("CreateJobTemplateRequest.documentSource", "An S3 URL of the job document; give exactly one of this, `document` or `jobArn`."),
    ("description", "Free text describing the job, without control or format characters."),
    ("CreateJobTemplateRequest.description", "Free text describing the job template, without control or format characters."),
    ("presignedUrlConfig", "How S3 URL placeholders in the job document are presigned."),
    ("jobExecutionsRolloutConfig", "How fast the job is sent to its targets: a fixed rate or an exponentially growing one."),
    ("abortConfig", "When to cancel the whole job because too many executions fail."),
    ("timeoutConfig", "How long an execution may stay IN_PROGRESS before it times out."),
    ("tags", "Key/value metadata attached to the resource."),
    ("namespaceId", "The namespace for jobs sent to devices through MQTT-based custom topics."),
    ("jobTemplateArn", "The ARN of the job template the job is created from."),
    ("jobExecutionsRetryConfig", "How often a failed or timed-out execution is retried on a device."),
    ("documentParameters", "Values substituted into an AWS managed template's job document, by parameter name."),
    ("schedulingConfig", "When the rollout starts and ends, and recurring maintenance windows."),
    ("destinationPackageVersions", "ARNs of the software package versions a device has once the job succeeds."),
    ("jobArn", "The ARN of an existing job whose settings become the template."),
    ("CreateJobTemplateRequest.maintenanceWindows", "Recurring windows during which jobs created from the template roll out."),
    ("beforeSubstitution", "Return the job document as written, before placeholders are substituted."),
    ("status", "Only list executions in this status."),
    ("maxResults", "The largest number of results one page returns."),
    ("nextToken", "The token from the previous page, to get the next one."),
    // PresignedUrlConfig.
    ("PresignedUrlConfig.roleArn", "The IAM role IoT assumes to presign S3 URLs; it must be allowed to read the objects."),
    ("PresignedUrlConfig.expiresInSec", "How long a presigned URL stays valid, in seconds."),
    // Rollout.
    ("JobExecutionsRolloutConfig.maximumPerMinute", "The most executions started per minute."),
    ("JobExecutionsRolloutConfig.exponentialRate", "A rollout rate that starts low and grows by a factor each time a threshold is reached."),
    ("ExponentialRolloutRate.baseRatePerMinute", "The rate, in executions per minute, the rollout starts with."),
    ("ExponentialRolloutRate.incrementFactor", "The factor the rate grows by, with at most one digit after the decimal point."),
    ("ExponentialRolloutRate.rateIncreaseCriteria", "The threshold that makes the rate grow; set one of its two counts."),
    ("RateIncreaseCriteria.numberOfNotifiedThings", "Grow the rate each time this many more things have been notified."),
    ("RateIncreaseCriteria.numberOfSucceededThings", "Grow the rate each time this many more things have succeeded."),
    // Abort.
    ("AbortConfig.criteriaList", "The conditions that cancel the job; the first one that matches acts."),
    ("AbortCriteria.failureType", "Which execution outcome counts as a failure for this condition."),
    ("AbortCriteria.action", "What happens when the condition is met (only CANCEL)."),
    ("AbortCriteria.thresholdPercentage", "The percentage of failed executions that triggers the action."),
    ("AbortCriteria.minNumberOfExecutedThings", "How many executions must have finished before the condition is evaluated."),
    // Timeout.
    ("TimeoutConfig.inProgressTimeoutInMinutes", "Minutes an execution may stay IN_PROGRESS before it becomes TIMED_OUT."),
    // Tags.
    ("Tag.Key", "The tag's key: letters, digits, spaces and `_ . : / = + - @`."),
    ("Tag.Value", "The tag's value."),
    // Retry.
    ("JobExecutionsRetryConfig.criteriaList", "Retry budgets per failure type, naming each type once; at most 10 retries in total (not checked by this schema)."),
    ("RetryCriteria.failureType", "Which execution outcome is retried."),
    ("RetryCriteria.numberOfRetries", "How many times an execution is retried after this outcome."),
    // Scheduling.
    ("SchedulingConfig.startTime", "When the rollout starts, as YYYY-MM-DDTHH:MM (UTC unless a zone follows), 30 minutes to 1 year ahead (not checked by this schema)."),
    ("SchedulingConfig.endTime", "When the rollout ends, as YYYY-MM-DDTHH:MM, 30 minutes to 2 years after the start (not checked by this schema)."),
    ("SchedulingConfig.endBehavior", "What happens to unfinished executions at endTime."),
    ("SchedulingConfig.maintenanceWindows", "Recurring windows during which the job rolls out."),
    ("MaintenanceWindow.startTime", "When the window opens, as a cron expression."),
    ("MaintenanceWindow.durationInMinutes", "How long the window stays open, in minutes."),
];

/// The description of `member` of the structure `parent`, if the table has one.
fn description(parent: &str, member: &str) -> Option<&'static str> {
    let find = |key: &str| {
        DESCRIPTIONS
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, d)| *d)
    };
    find(&format!("{parent}.{member}")).or_else(|| find(member))
}

/// The AWS API reference page of an operation.
fn op_link(op: Operation) -> String {
    format!(
        "https://docs.aws.amazon.com/iot/latest/apireference/API_{}.html",
        op.name()
    )
}

/// The AWS API reference page that documents a member of `parent`: the
/// operation's page for top-level members, the structure's page otherwise.
fn member_link(ctx: &Ctx, parent: &str) -> String {
    if parent == ops::input(ctx.op).name {
        op_link(ctx.op)
    } else {
        format!("https://docs.aws.amazon.com/iot/latest/apireference/API_{parent}.html")
    }
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

fn ecma(p: Pattern) -> &'static str {
    match p {
        Pattern::Id => "^[a-zA-Z0-9_-]+$",
        Pattern::ThingName => "^[a-zA-Z0-9:_-]+$",
        // Java `\p{C}` is Cc, Cf, Cs, Co and Cn, and so is ECMAScript's `\p{C}`
        // (General_Category=Other) and the Rust regex crate's. Not spelt out
        // as `\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}`: the regex crate has no `Cs`
        // (Rust strings hold no surrogates), and the jsonschema crate then
        // silently accepts everything.
        Pattern::NoControl => "^[^\\p{C}]+$",
        Pattern::TagKey => "^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$",
        Pattern::Arn => "^arn:[!-~]+$",
    }
}

/// Bounds of a model integer type.
fn width_bounds(width: Width) -> (i64, i64) {
    match width {
        Width::I32 => (i64::from(i32::MIN), i64::from(i32::MAX)),
        Width::I64 => (i64::MIN, i64::MAX),
    }
}

/// `{"required": [name], "properties": {name: {"not": {"type": "null"}}}}`:
/// the member is present and not `null` (the validator treats `null` as absent).
fn present(name: &str) -> Value {
    json!({ "required": [name], "properties": { name: { "not": { "type": "null" } } } })
}

/// `{"not": present(name)}`.
fn absent(name: &str) -> Value {
    json!({ "not": present(name) })
}

/// The schema of a value of `shape`; `member` is (parent shape name, member)
/// when the value is a structure member (for documented extras).
fn shape_schema(
    ctx: &Ctx,
    shape: &'static Shape,
    member: Option<(&str, &str)>,
) -> Map<String, Value> {
    let mut s = Map::new();
    match &shape.kind {
        Kind::Str {
            min,
            max,
            pattern,
            values,
        } => {
            s.insert("type".into(), json!("string"));
            if let Some(min) = min.filter(|m| *m > 0) {
                s.insert("minLength".into(), json!(min));
            }
            if let Some(max) = max {
                s.insert("maxLength".into(), json!(max));
            }
            if let Some(p) = pattern {
                s.insert("pattern".into(), json!(ecma(*p)));
            }
            if let Some(values) = values {
                s.insert("enum".into(), json!(values));
            }
            // An annotation in 2020-12; draft-07 lets validators assert it
            // (the jsonschema crate does), which would half-express V-6.
            if shape.name == "JobDocument" && ctx.dialect == Dialect::Draft202012 {
                s.insert("contentMediaType".into(), json!("application/json"));
            }
        }
        Kind::Int { width, min, max } => {
            let (lo, hi) = width_bounds(*width);
            s.insert("type".into(), json!("integer"));
            s.insert("minimum".into(), json!(min.unwrap_or(lo)));
            s.insert("maximum".into(), json!(max.unwrap_or(hi)));
        }
        Kind::Double { min, max } => {
            s.insert("type".into(), json!("number"));
            if let Some(min) = min {
                s.insert("minimum".into(), json!(min));
            }
            if let Some(max) = max {
                s.insert("maximum".into(), json!(max));
            }
        }
        Kind::Bool => {
            s.insert("type".into(), json!("boolean"));
        }
        Kind::List {
            member: item,
            min,
            max,
        } => {
            s.insert("type".into(), json!("array"));
            s.insert("items".into(), Value::Object(shape_schema(ctx, item, None)));
            if let Some(min) = min.filter(|m| *m > 0) {
                s.insert("minItems".into(), json!(min));
            }
            if let Some(max) = max {
                s.insert("maxItems".into(), json!(max));
            }
        }
        Kind::Map { key, value } => {
            s.insert("type".into(), json!("object"));
            s.insert(
                "propertyNames".into(),
                Value::Object(shape_schema(ctx, key, None)),
            );
            s.insert(
                "additionalProperties".into(),
                Value::Object(shape_schema(ctx, value, None)),
            );
        }
        Kind::Struct { members, .. } => struct_schema(ctx, shape.name, members, &mut s),
    }
    if ctx.documented() {
        if let Some((parent, name)) = member {
            let applies = |d: &&Documented| {
                d.parent == parent && d.member == name && d.op.map_or(true, |o| o == ctx.op)
            };
            let mut ids = Vec::new();
            for d in DOCUMENTED.iter().filter(applies) {
                for extra in d.extras {
                    apply(&mut s, *extra);
                }
                ids.extend_from_slice(d.rules);
            }
            if !ids.is_empty() {
                s.insert("$comment".into(), json!(documented_comment(&ids)));
            }
        }
    }
    s
}

fn apply(s: &mut Map<String, Value>, extra: Extra) {
    match extra {
        Extra::Minimum(v) => {
            s.insert("minimum".into(), json!(v));
        }
        Extra::Maximum(v) => {
            s.insert("maximum".into(), json!(v));
        }
        Extra::ExclusiveMinimum(v) => {
            s.insert("exclusiveMinimum".into(), json!(v));
        }
        Extra::Places(places) => {
            // 10^-places written as a decimal literal (0.1, 0.01), not computed.
            let text = format!("1e-{places}");
            if let Ok(step) = text.parse::<f64>() {
                s.insert("multipleOf".into(), json!(step));
            }
        }
        Extra::MaxItems(v) => {
            s.insert("maxItems".into(), json!(v));
        }
    }
}

fn struct_schema(ctx: &Ctx, name: &str, members: &'static [Member], s: &mut Map<String, Value>) {
    s.insert("type".into(), json!("object"));
    let mut props = Map::new();
    let mut required = Vec::new();
    let link = member_link(ctx, name);
    for m in members.iter().filter(|m| m.apis.has(ctx.api)) {
        let mut p = shape_schema(ctx, m.shape, Some((name, m.name)));
        if m.required {
            required.push(json!(m.name));
        } else {
            nullable(&mut p);
        }
        if let Some(d) = description(name, m.name) {
            p.insert("description".into(), json!(d));
            p.insert(
                "markdownDescription".into(),
                json!(format!("{d}\n\n[AWS API reference]({link})")),
            );
        }
        props.insert(m.name.into(), Value::Object(p));
    }
    s.insert("properties".into(), Value::Object(props));
    if !required.is_empty() {
        s.insert("required".into(), Value::Array(required));
    }
    s.insert("additionalProperties".into(), json!(false));
    if !ctx.documented() {
        return;
    }
    match name {
        // rateIncreaseCriteria-nonempty.
        "RateIncreaseCriteria" => {
            s.insert(
                "$comment".into(),
                json!(documented_comment(&["rateIncreaseCriteria-nonempty"])),
            );
            s.insert(
                "anyOf".into(),
                json!([
                    present("numberOfNotifiedThings"),
                    present("numberOfSucceededThings")
                ]),
            );
        }
        // document-exclusive and document-source-required (V-5);
        // documentParameters-managed-only (V-9).
        "CreateJobRequest" => {
            s.insert(
                "$comment".into(),
                json!(documented_comment(&[
                    "document-exclusive",
                    "document-source-required",
                    "documentParameters-managed-only"
                ])),
            );
            s.insert(
                "oneOf".into(),
                json!([
                    { "allOf": [present("document"), absent("documentSource")] },
                    { "allOf": [present("documentSource"), absent("document")] },
                    { "allOf": [absent("document"), absent("documentSource"), present("jobTemplateArn")] },
                ]),
            );
            s.insert("if".into(), present("documentParameters"));
            s.insert(
                "then".into(),
                json!({
                    "required": ["jobTemplateArn"],
                    "properties": { "jobTemplateArn": {
                        "type": "string",
                        "pattern": MANAGED_TEMPLATE_ARN,
                        "description": "documentParameters can only be used with an AWS managed job template (arn:<partition>:iot:<region>::jobtemplate/AWS-...)."
                    } }
                }),
            );
        }
        // Exactly one of document, documentSource, jobArn (V-25).
        "CreateJobTemplateRequest" => {
            s.insert(
                "$comment".into(),
                json!(documented_comment(&[
                    "document-exclusive",
                    "document-source-required"
                ])),
            );
            s.insert(
                "oneOf".into(),
                json!([
                    present("document"),
                    present("documentSource"),
                    present("jobArn")
                ]),
            );
        }
        _ => {}
    }
}

/// The `$comment` naming the documented rules a subschema states.
fn documented_comment(ids: &[&str]) -> String {
    format!(
        "documented rules (see `iot-jobs-policy rules`): {}",
        ids.join(", ")
    )
}

/// `arn:<partition>:iot:<region>::jobtemplate/AWS-…`, as `shapes::document::is_managed_template_arn`.
const MANAGED_TEMPLATE_ARN: &str = "^arn:[^:]+:iot:[^:]+::jobtemplate/AWS-";

/// An optional member: `null` counts as absent.
fn nullable(s: &mut Map<String, Value>) {
    if let Some(Value::String(t)) = s.get("type").cloned() {
        s.insert("type".into(), json!([t, "null"]));
    }
    if let Some(Value::Array(values)) = s.get_mut("enum") {
        values.push(Value::Null);
    }
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )]
    use super::*;
    use crate::rules::RULES;

    fn every_member(
        shape: &'static Shape,
        api: ApiVersion,
        out: &mut Vec<(&'static str, &'static str)>,
    ) {
        match &shape.kind {
            Kind::Struct { members, .. } => {
                for m in members.iter().filter(|m| m.apis.has(api)) {
                    out.push((shape.name, m.name));
                    every_member(m.shape, api, out);
                }
            }
            Kind::List { member, .. } => every_member(member, api, out),
            Kind::Map { value, .. } => every_member(value, api, out),
            _ => {}
        }
    }

    fn all_members() -> Vec<(&'static str, &'static str)> {
        let mut out = Vec::new();
        for op in Operation::ALL {
            for api in [ApiVersion::V2022_01, ApiVersion::Latest] {
                every_member(ops::input(op), api, &mut out);
            }
        }
        out
    }

    #[test]
    fn every_member_has_a_description_and_every_description_is_used() {
        let members = all_members();
        for (parent, m) in &members {
            assert!(
                description(parent, m).is_some(),
                "no description for {parent}.{m}"
            );
        }
        for (key, _) in DESCRIPTIONS {
            let used = members.iter().any(|(p, m)| {
                *key == format!("{p}.{m}") || (*key == *m && description(p, m).is_some())
            });
            assert!(used, "description `{key}` matches no member");
        }
    }

    #[test]
    fn every_documented_extra_applies_somewhere_and_names_real_rules() {
        let members = all_members();
        for d in DOCUMENTED {
            let (parent, member) = (d.parent, d.member);
            assert!(
                members.contains(&(parent, member)),
                "{parent}.{member} is not in the shape tree"
            );
            for id in d.rules {
                assert!(EXPRESSED_RULES.contains(id), "{id} not in EXPRESSED_RULES");
            }
        }
        for id in EXPRESSED_RULES {
            assert!(
                RULES
                    .iter()
                    .any(|r| r.id == *id && r.severity == crate::Severity::Error),
                "{id} is not an error rule"
            );
        }
    }

    #[test]
    fn numbers_in_descriptions_are_the_documented_ones() {
        // Limits the schema states are not repeated in descriptions; the ones
        // it cannot state are, and must match the validator's constants.
        let total = crate::validate::shapes::retry::TOTAL_RETRIES_MAX.to_string();
        let retry = description("JobExecutionsRetryConfig", "criteriaList").unwrap();
        assert!(retry.contains(&format!("at most {total} retries")));
        let start = description("SchedulingConfig", "startTime").unwrap();
        let lead_minutes = crate::validate::shapes::scheduling::LEAD_MS / 60_000;
        assert!(start.contains(&format!("{lead_minutes} minutes to 1 year")));
        assert_eq!(
            crate::validate::shapes::scheduling::START_HORIZON_MS,
            365 * 86_400_000
        );
        let end = description("SchedulingConfig", "endTime").unwrap();
        assert!(end.contains(&format!("{lead_minutes} minutes to 2 years")));
        assert_eq!(
            crate::validate::shapes::scheduling::END_HORIZON_MS,
            730 * 86_400_000
        );
        for (key, d) in DESCRIPTIONS {
            let stated = ["1000", "10080", "32", "100 ", "25"];
            assert!(
                !stated.iter().any(|n| d.contains(n)),
                "{key}: a limit the schema states is repeated: {d}"
            );
        }
    }

    #[test]
    fn patterns_cover_the_model() {
        for p in [
            Pattern::Id,
            Pattern::ThingName,
            Pattern::NoControl,
            Pattern::TagKey,
            Pattern::Arn,
        ] {
            assert_eq!(ecma_pattern(p.source()), Some(ecma(p)));
            assert!(ecma(p).starts_with('^') && ecma(p).ends_with('$'));
        }
    }

    #[test]
    fn documented_extras_come_only_in_the_documented_profile() {
        let d = json_schema_for(
            Operation::CreateJob,
            ApiVersion::Latest,
            Profile::Documented,
            Dialect::Draft202012,
        );
        let m = json_schema_for(
            Operation::CreateJob,
            ApiVersion::Latest,
            Profile::Model,
            Dialect::Draft202012,
        );
        let roll = |s: &Value| {
            s["properties"]["jobExecutionsRolloutConfig"]["properties"]["maximumPerMinute"]
                ["maximum"]
                .clone()
        };
        assert_eq!(roll(&d), json!(1000));
        assert_eq!(roll(&m), json!(i32::MAX));
        assert!(d.get("oneOf").is_some());
        assert!(m.get("oneOf").is_none());
        let f = &d["properties"]["jobExecutionsRolloutConfig"]["properties"]["exponentialRate"]
            ["properties"]["incrementFactor"];
        assert_eq!(f["multipleOf"], json!(0.1));
        let t = &d["properties"]["abortConfig"]["properties"]["criteriaList"]["items"]
            ["properties"]["thresholdPercentage"];
        assert_eq!(t["multipleOf"], json!(0.01));
        assert_eq!(t["exclusiveMinimum"], json!(0.0));
        let u = json_schema(Operation::UpdateJob, ApiVersion::Latest, Dialect::Draft07);
        let n = &u["properties"]["jobExecutionsRetryConfig"]["properties"]["criteriaList"]["items"]
            ["properties"]["numberOfRetries"];
        assert_eq!(n["maximum"], json!(0));
    }

    #[test]
    fn dialect_names_round_trip() {
        for d in Dialect::ALL {
            assert_eq!(d.name().parse::<Dialect>(), Ok(d));
        }
        assert!("draft-04".parse::<Dialect>().is_err());
    }
}

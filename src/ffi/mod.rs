//! The one boundary for every foreign caller: JSON text in, tagged JSON
//! text out.
//!
//! The WebAssembly bindings (`wasm.rs`, bindings only), the npm package's
//! command line and the tests call these functions; so do the machine's
//! [`crate::ffi::machine`] functions, which answer in the same vocabulary.
//! Every answer is one of three (see `answer.rs`):
//!
//! - `{"type":"success", ...}`: domain outcomes never fail, so an invalid
//!   request is a success whose report says `"valid":false`;
//! - `{"type":"misuse","error":{"code","message"}}`: a [`UsageError`], its
//!   code one of [`UsageError::CODES`] (lowerCamel);
//! - `{"type":"refused","error":{"code","message","rule","violations"?}}`:
//!   a [`crate::machine::MachineError`] (only from the machine).
//!
//! Callers switch on `type` alone; no code or rule is a sentinel. Options
//! are read by one reader ([`parse_options`]; `options.rs`).

mod answer;
#[cfg(feature = "document-schema")]
mod document_schema;
mod js_time;
pub mod machine;
mod options;
pub(crate) mod read;
pub mod replay;
pub mod simulate;

pub(crate) use answer::{misuse, refused, success, success_flat, success_members};
#[cfg(feature = "document-schema")]
pub use document_schema::validate_with_document_schema_json;
pub use js_time::{machine_advance, machine_apply, machine_step, time_ms};
pub use options::parse_options;
pub(crate) use options::scenario_options;

use crate::validate::api::Operation;
use serde::Serialize;

/// A misuse of the API, as opposed to an invalid request or a refused
/// event: the `error` of a `{"type":"misuse"}` answer.
///
/// ```
/// let e = iot_jobs_policy::ffi::parse_operation("Nope").unwrap_err();
/// assert_eq!(e.code(), "unknownOperation");
/// assert!(iot_jobs_policy::ffi::UsageError::CODES.contains(&e.code()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[error("{message}")]
#[non_exhaustive]
pub struct UsageError {
    code: &'static str,
    message: String,
}

impl UsageError {
    /// Every misuse code, in lowerCamel:
    ///
    /// - `unknownOperation`: an operation name none of the seven;
    /// - `invalidOptions`: options that are not JSON, not an object, or
    ///   with an unknown member or value (also a machine creation's
    ///   `things`, `groups`, `createdAt` or `options`);
    /// - `invalidRequest`: a machine creation's input that is not a JSON
    ///   object with a `job`;
    /// - `invalidEvent`: an event that is not an [`crate::machine::Event`];
    /// - `invalidTime`: a time that is not whole epoch milliseconds;
    /// - `invalidSnapshot`: text that is not a machine snapshot;
    /// - `invalidArguments`: a listing's arguments that are not an object
    ///   of the right members;
    /// - `invalidDocumentSchema`: a document schema that cannot be compiled;
    /// - `invalidScenario`: a replay scenario that is not well formed (not
    ///   JSON, an unknown member, malformed `createdAt`, `options`,
    ///   `things`, `groups` or `events`, over 1 MiB); a malformed event of
    ///   a scenario is `invalidEvent`;
    /// - `invalidSimulation`: a simulation document that is not well formed
    ///   (its answer carries the member's JSON Pointer as `pointer`);
    /// - `invalidShard`: simulation shards that are malformed or do not
    ///   merge;
    /// - `internal`: an answer that could not be written (a bug).
    pub const CODES: [&'static str; 12] = [
        "unknownOperation",
        "invalidOptions",
        "invalidRequest",
        "invalidEvent",
        "invalidTime",
        "invalidSnapshot",
        "invalidArguments",
        "invalidDocumentSchema",
        "invalidScenario",
        "invalidSimulation",
        "invalidShard",
        "internal",
    ];

    pub(crate) fn new(code: &'static str, message: impl Into<String>) -> UsageError {
        UsageError {
            code,
            message: message.into(),
        }
    }
    pub(crate) fn invalid_options(message: impl Into<String>) -> UsageError {
        UsageError::new("invalidOptions", message)
    }
    /// A stable code, one of [`UsageError::CODES`].
    pub fn code(&self) -> &'static str {
        self.code
    }
    /// A lowercase sentence saying what was wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// Parses an operation name (`CreateJob` or `create_job`).
///
/// # Errors
/// `unknownOperation` when the name is none of the seven.
pub fn parse_operation(name: &str) -> Result<Operation, UsageError> {
    name.parse()
        .map_err(|e: crate::validate::api::UnknownOperation| {
            UsageError::new("unknownOperation", e.to_string())
        })
}

/// Validates `request` (JSON text) for `operation` with `options` (JSON text,
/// see [`parse_options`]) and answers
/// `{"type":"success","report":{…}}` or the misuse `unknownOperation` or
/// `invalidOptions`.
///
/// ```
/// let out = iot_jobs_policy::ffi::validate_json("DescribeJob", r#"{"jobId":"a b"}"#, "");
/// assert!(out.starts_with(r#"{"type":"success","report":{"valid":false"#));
/// ```
pub fn validate_json(operation: &str, request: &str, options: &str) -> String {
    match with_request(operation, options, |op, o| {
        crate::validate_str(op, request, o)
    }) {
        Ok(report) => report_answer("report", &report, |r, out| r.write_json(out)),
        Err(error) => misuse(&error),
    }
}

/// Like [`validate_json`], the report written as one flat array,
/// `{"type":"success","compact":[…]}` (or the same misuse): `valid`,
/// `awsMessage`, then seven values per violation (`code`, `path`,
/// `message`, `severity`, `source`, `rule`, `help`) and, when `positions`,
/// three more (`offset`, `line`, `column`, or three `null`s). The npm shim
/// asks for this form (without positions for an object request, whose text
/// the caller never saw) and builds the report objects itself: the member
/// names are most of an invalid request's answer, and copying them out of
/// WebAssembly and parsing them again cost more than building the objects.
///
/// ```
/// let out = iot_jobs_policy::ffi::validate_compact_json("DescribeJob", r#"{"jobId":"a b"}"#, "", true);
/// assert!(out.starts_with(r#"{"type":"success","compact":[false,""#));
/// ```
pub fn validate_compact_json(
    operation: &str,
    request: &str,
    options: &str,
    positions: bool,
) -> String {
    match with_request(operation, options, |op, o| {
        crate::validate_str(op, request, o)
    }) {
        Ok(report) => report_answer("compact", &report, |r, out| r.write_compact(out, positions)),
        Err(error) => misuse(&error),
    }
}

/// Reads the operation name and the options text, then runs `f` on them;
/// the misuse of whichever is refused first (the operation's).
fn with_request<T>(
    operation: &str,
    options: &str,
    f: impl FnOnce(Operation, &crate::Options) -> T,
) -> Result<T, UsageError> {
    let op = parse_operation(operation)?;
    let o = parse_options(options)?;
    Ok(f(op, &o))
}

/// `{"type":"success","<member>":…}` around the report as `write` puts it:
/// without `format!` and its copy, since the report is most of the answer,
/// written straight after the head into a buffer sized for it.
fn report_answer(
    member: &str,
    report: &crate::Report,
    write: impl FnOnce(&crate::Report, &mut String),
) -> String {
    const HEAD: &str = r#"{"type":"success",""#;
    let mut out = String::with_capacity(HEAD.len() + member.len() + 3 + report.json_size_hint());
    out.push_str(HEAD);
    out.push_str(member);
    out.push_str("\":");
    write(report, &mut out);
    out.push('}');
    out
}

/// Like [`validate_json`] but answers only `{"type":"success","valid":true|false}`
/// (or the same misuse), building no messages.
pub fn is_valid_json(operation: &str, request: &str, options: &str) -> String {
    match with_request(operation, options, |op, o| {
        crate::is_valid_str(op, request, o)
    }) {
        Ok(valid) => success("valid", &valid),
        Err(error) => misuse(&error),
    }
}

/// Every entry of the catalogue as a JSON array (see [`crate::catalogue()`]):
/// the validator's rules (`"kind": "validator"`), then the machine's
/// (`"machine"`), then the documented rules, quotas and contradictions they
/// cite (`"reference"`).
pub fn rules_json() -> String {
    let all: Vec<crate::Entry> = crate::catalogue().collect();
    serde_json::to_string(&all).unwrap_or_else(|_| String::from("[]"))
}

/// Every violation code as a JSON array of strings, in the documented order.
pub fn codes_json() -> String {
    let codes: Vec<&str> = crate::Code::ALL.iter().map(|c| c.as_str()).collect();
    serde_json::to_string(&codes).unwrap_or_else(|_| String::from("[]"))
}

/// The names foreign callers switch on, as one JSON object: `operations`
/// (the seven, AWS spelling), `eventTypes` (the machine's `Event` types),
/// `misuseCodes` ([`UsageError::CODES`]) and `machineErrorCodes` (the codes
/// of a refusal, [`crate::machine::ErrorCode`]). The npm shim keeps its own
/// copies (it needs them before the module is loaded); its tests compare
/// them with this list.
pub fn names_json() -> String {
    let operations: Vec<&str> = Operation::ALL.iter().map(|o| o.name()).collect();
    let machine: Vec<&str> = crate::machine::ErrorCode::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    serde_json::json!({
        "operations": operations,
        "eventTypes": crate::machine::Event::TYPES,
        "misuseCodes": UsageError::CODES,
        "machineErrorCodes": machine,
    })
    .to_string()
}

/// The JSON Schema of `operation`'s request (see [`crate::export::json_schema`]),
/// for `options` given as JSON text: `{"api": "latest" | "2022-01",
/// "profile": "documented" | "model", "dialect": "2020-12" | "draft-07"}`,
/// every member optional (`""` or `null` for the defaults). Answers
/// `{"type":"success","schema":{…}}` or the misuse `unknownOperation` or
/// `invalidOptions`.
///
/// ```
/// let out = iot_jobs_policy::ffi::schema_json("DescribeJob", r#"{"dialect":"draft-07"}"#);
/// assert!(out.starts_with(r#"{"type":"success","schema":{"#));
/// ```
pub fn schema_json(operation: &str, options: &str) -> String {
    let result = parse_operation(operation).and_then(|op| {
        options::parse_schema_options(options).map(|r| {
            crate::export::json_schema::json_schema_for(
                op,
                r.options.api,
                r.options.profile,
                r.dialect,
            )
        })
    });
    match result {
        Ok(schema) => success("schema", &schema),
        Err(error) => misuse(&error),
    }
}

/// What the exported schemas express and what they cannot, as JSON:
/// `{"dialects":["2020-12","draft-07"],"expressedRules":[…],"inexpressible":[…]}`
/// (see [`crate::export::json_schema::EXPRESSED_RULES`] and
/// [`crate::export::json_schema::INEXPRESSIBLE`]).
pub fn schema_info_json() -> String {
    use crate::export::json_schema::{Dialect, EXPRESSED_RULES, INEXPRESSIBLE};
    let dialects: Vec<&str> = Dialect::ALL.iter().map(|d| d.name()).collect();
    serde_json::json!({
        "dialects": dialects,
        "expressedRules": EXPRESSED_RULES,
        "inexpressible": INEXPRESSIBLE,
    })
    .to_string()
}

#[cfg(target_arch = "wasm32")]
mod wasm;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_parse_and_refuse() {
        use crate::validate::api::{ApiVersion, Options, Profile};
        assert_eq!(parse_options("").unwrap(), Options::default());
        let o =
            parse_options(r#"{"api":"2022-01","profile":"model","now":1700000000000}"#).unwrap();
        assert_eq!(o.api, ApiVersion::V2022_01);
        assert_eq!(o.profile, Profile::Model);
        assert_eq!(o.now_ms, Some(1_700_000_000_000));
        assert_eq!(
            parse_options(r#"{"apy":"latest"}"#).unwrap_err().code(),
            "invalidOptions"
        );
        assert_eq!(
            parse_options(r#"{"api":1}"#).unwrap_err().code(),
            "invalidOptions"
        );
        assert_eq!(parse_options("[").unwrap_err().code(), "invalidOptions");
    }

    #[test]
    fn misuse_is_tagged_misuse() {
        for out in [
            validate_json("Nope", "{}", ""),
            validate_compact_json("Nope", "{}", "", false),
            is_valid_json("Nope", "{}", ""),
            schema_json("Nope", ""),
        ] {
            let v: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert_eq!(v["type"], "misuse", "{out}");
            assert_eq!(v["error"]["code"], "unknownOperation");
            assert_eq!(
                v["error"].as_object().unwrap().len(),
                2,
                "code and message only"
            );
        }
        // The compact answer's misuse is validate_json's, word for word.
        for (op, opts) in [
            ("Nope", ""),
            ("CreateJob", "{\"apy\":1}"),
            ("CreateJob", "["),
        ] {
            assert_eq!(
                validate_compact_json(op, "{}", opts, true),
                validate_json(op, "{}", opts)
            );
            assert!(validate_json(op, "{}", opts).starts_with(r#"{"type":"misuse""#));
        }
        let v: serde_json::Value =
            serde_json::from_str(&is_valid_json("DescribeJob", "{}", "{\"now\":true}")).unwrap();
        assert_eq!(v["type"], "misuse");
        assert_eq!(v["error"]["code"], "invalidOptions");
        assert_eq!(
            is_valid_json("DescribeJob", r#"{"jobId":"j"}"#, ""),
            r#"{"type":"success","valid":true}"#
        );
        let report = crate::validate_str(
            Operation::DescribeJob,
            "{}",
            &crate::validate::api::Options::default(),
        );
        assert_eq!(
            validate_json("DescribeJob", "{}", ""),
            format!(r#"{{"type":"success","report":{}}}"#, report.to_json())
        );
    }

    #[test]
    fn schema_json_answers_a_schema_or_misuse() {
        let v: serde_json::Value =
            serde_json::from_str(&schema_json("describe_job", r#"{"dialect":"draft-07"}"#))
                .unwrap();
        assert_eq!(v["type"], "success");
        assert_eq!(
            v["schema"]["$schema"],
            "http://json-schema.org/draft-07/schema#"
        );
        let v: serde_json::Value = serde_json::from_str(&schema_json(
            "CreateJob",
            r#"{"api":"2022-01","profile":"model"}"#,
        ))
        .unwrap();
        assert_eq!(
            v["schema"]["$id"],
            "https://iot-jobs-policy.invalid/schemas/2020-12/2022-01/model/CreateJob.json"
        );
        let code = |out: String| {
            let v: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert_eq!(v["type"], "misuse");
            v["error"]["code"].as_str().unwrap().to_owned()
        };
        assert_eq!(code(schema_json("Nope", "")), "unknownOperation");
        assert_eq!(
            code(schema_json("CreateJob", r#"{"dialect":"2019-09"}"#)),
            "invalidOptions"
        );
        assert_eq!(
            code(schema_json("CreateJob", r#"{"now":1}"#)),
            "invalidOptions"
        );
        assert_eq!(
            code(schema_json("CreateJob", r#"{"api":7}"#)),
            "invalidOptions"
        );
        let info: serde_json::Value = serde_json::from_str(&schema_info_json()).unwrap();
        assert_eq!(info["dialects"][1], "draft-07");
        assert!(info["expressedRules"].as_array().unwrap().len() > 10);
    }
}

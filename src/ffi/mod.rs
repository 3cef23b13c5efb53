//! The `&str -> String` form of the API: JSON text in, tagged JSON text out.
//!
//! This is the boundary the WebAssembly bindings and other foreign callers
//! use. Domain outcomes never fail: an invalid request is a successful call
//! whose report says `"valid": false`. Only misuse (an unknown operation or
//! malformed options) gives `{"type":"failure","error":{"code":…,"message":…}}`.

use crate::validate::api::{ApiVersion, Operation, Options, Profile};
use crate::validate::time::parse_now;
use serde::Serialize;

/// A misuse of the API, as opposed to an invalid request.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[error("{message}")]
pub struct UsageError {
    code: &'static str,
    message: String,
}

impl UsageError {
    pub(crate) fn new(code: &'static str, message: impl Into<String>) -> UsageError {
        UsageError {
            code,
            message: message.into(),
        }
    }
    /// A stable code: `unknownOperation` or `invalidOptions`.
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

/// Parses options given as JSON text: `{"api": "latest" | "2022-01",
/// "profile": "documented" | "model", "now": <epoch ms> | "<RFC 3339>"}`.
/// Every member is optional; an empty string or `null` means the defaults.
///
/// # Errors
/// `invalidOptions` for anything else (unknown members included).
pub fn parse_options(text: &str) -> Result<Options, UsageError> {
    let bad = |m: String| UsageError::new("invalidOptions", m);
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed == "null" {
        return Ok(Options::default());
    }
    let value: serde_json::Value =
        serde_json::from_str(trimmed).map_err(|e| bad(format!("options are not JSON: {e}")))?;
    let obj = value
        .as_object()
        .ok_or_else(|| bad(String::from("options must be a JSON object")))?;
    let mut options = Options::default();
    for (key, v) in obj {
        match (key.as_str(), v) {
            (_, serde_json::Value::Null) => {}
            ("api", serde_json::Value::String(s)) => {
                options.api = s.parse::<ApiVersion>().map_err(bad)?;
            }
            ("profile", serde_json::Value::String(s)) => {
                options.profile = s.parse::<Profile>().map_err(bad)?;
            }
            ("now", serde_json::Value::Number(n)) => {
                options.now_ms = Some(parse_now(&n.to_string()).map_err(bad)?);
            }
            ("now", serde_json::Value::String(s)) => {
                options.now_ms = Some(parse_now(s).map_err(bad)?);
            }
            (k @ ("api" | "profile" | "now"), other) => {
                return Err(bad(format!("option `{k}` has the wrong type: `{other}`")));
            }
            (k, _) => {
                return Err(bad(format!(
                    "unknown option `{k}`; expected `api`, `profile` or `now`"
                )))
            }
        }
    }
    Ok(options)
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Tagged<T: Serialize> {
    Success(T),
    Failure { error: UsageError },
}

#[derive(Serialize)]
struct ReportBody<'a> {
    report: &'a crate::Report,
}

#[derive(Serialize)]
struct ValidBody {
    valid: bool,
}

fn to_json<T: Serialize>(t: &Tagged<T>) -> String {
    serde_json::to_string(t).unwrap_or_else(|e| {
        format!(r#"{{"type":"failure","error":{{"code":"internal","message":"{e}"}}}}"#)
    })
}

/// Validates `request` (JSON text) for `operation` with `options` (JSON text,
/// see [`parse_options`]) and answers
/// `{"type":"success","report":{…}}` or `{"type":"failure","error":{…}}`.
///
/// ```
/// let out = iot_jobs_policy::ffi::validate_json("DescribeJob", r#"{"jobId":"a b"}"#, "");
/// assert!(out.starts_with(r#"{"type":"success","report":{"valid":false"#));
/// ```
pub fn validate_json(operation: &str, request: &str, options: &str) -> String {
    let result = parse_operation(operation)
        .and_then(|op| parse_options(options).map(|o| (op, o)))
        .map(|(op, o)| crate::validate_str(op, request, &o));
    match result {
        Ok(report) => to_json(&Tagged::Success(ReportBody { report: &report })),
        Err(error) => to_json(&Tagged::<()>::Failure { error }),
    }
}

/// Like [`validate_json`] but answers only `{"type":"success","valid":true|false}`,
/// building no messages.
pub fn is_valid_json(operation: &str, request: &str, options: &str) -> String {
    let result = parse_operation(operation)
        .and_then(|op| parse_options(options).map(|o| (op, o)))
        .map(|(op, o)| crate::is_valid_str(op, request, &o));
    match result {
        Ok(valid) => to_json(&Tagged::Success(ValidBody { valid })),
        Err(error) => to_json(&Tagged::<()>::Failure { error }),
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

/// The JSON Schema of `operation`'s request (see [`crate::export::json_schema`]),
/// for `options` given as JSON text: `{"api": "latest" | "2022-01",
/// "profile": "documented" | "model", "dialect": "2020-12" | "draft-07"}`,
/// every member optional (`""` or `null` for the defaults). Answers
/// `{"type":"success","schema":{…}}` or `{"type":"failure","error":{…}}`
/// (`unknownOperation`, `invalidOptions`).
///
/// ```
/// let out = iot_jobs_policy::ffi::schema_json("DescribeJob", r#"{"dialect":"draft-07"}"#);
/// assert!(out.starts_with(r#"{"type":"success","schema":{"#));
/// ```
pub fn schema_json(operation: &str, options: &str) -> String {
    use crate::export::json_schema::{json_schema_for, Dialect};
    let parse = || -> Result<serde_json::Value, UsageError> {
        let op = parse_operation(operation)?;
        let bad = |m: String| UsageError::new("invalidOptions", m);
        let (mut api, mut profile, mut dialect) = (
            ApiVersion::default(),
            Profile::default(),
            Dialect::default(),
        );
        let trimmed = options.trim();
        if !(trimmed.is_empty() || trimmed == "null") {
            let value: serde_json::Value = serde_json::from_str(trimmed)
                .map_err(|e| bad(format!("options are not JSON: {e}")))?;
            let obj = value
                .as_object()
                .ok_or_else(|| bad(String::from("options must be a JSON object")))?;
            for (key, v) in obj {
                match (key.as_str(), v) {
                    (_, serde_json::Value::Null) => {}
                    ("api", serde_json::Value::String(s)) => api = s.parse().map_err(bad)?,
                    ("profile", serde_json::Value::String(s)) => {
                        profile = s.parse().map_err(bad)?;
                    }
                    ("dialect", serde_json::Value::String(s)) => {
                        dialect = s.parse().map_err(bad)?;
                    }
                    (k @ ("api" | "profile" | "dialect"), other) => {
                        return Err(bad(format!("option `{k}` has the wrong type: `{other}`")));
                    }
                    (k, _) => {
                        return Err(bad(format!(
                            "unknown option `{k}`; expected `api`, `profile` or `dialect`"
                        )))
                    }
                }
            }
        }
        Ok(json_schema_for(op, api, profile, dialect))
    };
    #[derive(Serialize)]
    struct SchemaBody {
        schema: serde_json::Value,
    }
    match parse() {
        Ok(schema) => to_json(&Tagged::Success(SchemaBody { schema })),
        Err(error) => to_json(&Tagged::<()>::Failure { error }),
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
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn options_parse_and_refuse() {
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
    fn misuse_is_a_tagged_failure() {
        let out = validate_json("Nope", "{}", "");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["type"], "failure");
        assert_eq!(v["error"]["code"], "unknownOperation");
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
            assert_eq!(v["type"], "failure");
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

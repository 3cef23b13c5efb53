//! The `&str -> String` form of the API: JSON text in, tagged JSON text out.
//!
//! This is the boundary the WebAssembly bindings and other foreign callers
//! use. Domain outcomes never fail: an invalid request is a successful call
//! whose report says `"valid": false`. Only misuse (an unknown operation or
//! malformed options) gives `{"type":"failure","error":{"code":…,"message":…}}`.

use crate::api::{ApiVersion, Operation, Options, Profile};
use crate::time::parse_now;
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
    name.parse().map_err(|e: crate::api::UnknownOperation| {
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

/// Every rule as a JSON array (see [`crate::rules()`]).
pub fn rules_json() -> String {
    serde_json::to_string(crate::rules()).unwrap_or_else(|_| String::from("[]"))
}

/// Every violation code as a JSON array of strings, in the documented order.
pub fn codes_json() -> String {
    let codes: Vec<&str> = crate::Code::ALL.iter().map(|c| c.as_str()).collect();
    serde_json::to_string(&codes).unwrap_or_else(|_| String::from("[]"))
}

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
}

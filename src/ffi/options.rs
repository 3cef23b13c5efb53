//! The one reader of options given as JSON: the `options` of
//! [`super::validate_json`] and friends, of [`super::schema_json`] (with
//! `dialect`), of a machine creation and of a replay scenario (`api` and
//! `profile` only). The CLI reads `--now` through [`parse_options`].
//!
//! Each surface keeps its own wording for a wrong member (the vectors and
//! the tests pin them), so [`read`] answers a typed [`OptionError`] and the
//! caller phrases it.

use super::UsageError;
use crate::export::json_schema::Dialect;
use crate::validate::api::{ApiVersion, Options, Profile};
use crate::validate::bounds::{out_of_range, time_in_range};
use crate::validate::time::parse_now;
use serde_json::{Map, Value};

/// A member an options object may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Member {
    /// `api`: `latest` or `2022-01`.
    Api,
    /// `profile`: `documented` or `model`.
    Profile,
    /// `now`: epoch milliseconds (a number or a string) or RFC 3339.
    Now,
    /// `dialect`: a JSON Schema dialect.
    Dialect,
}

impl Member {
    fn name(self) -> &'static str {
        match self {
            Member::Api => "api",
            Member::Profile => "profile",
            Member::Now => "now",
            Member::Dialect => "dialect",
        }
    }
}

/// Which members are allowed and how strictly values are typed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spec {
    /// The members allowed.
    pub(crate) members: &'static [Member],
    /// A scenario's options: every value must be a string (`null` included
    /// is refused), checked before the member's name.
    pub(crate) strings_only: bool,
}

/// What [`read`] found: the options and, when asked for, the dialect.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Read {
    pub(crate) options: Options,
    pub(crate) dialect: Dialect,
}

/// Why an options object was refused.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum OptionError<'a> {
    /// A known member (or, with `strings_only`, any member) whose value has
    /// the wrong JSON type.
    WrongType(&'a str, &'a Value),
    /// A member that is not allowed.
    Unknown(&'a str),
    /// A value of the right type that names nothing (the parser's sentence).
    Invalid(String),
}

/// Reads the members of `obj` allowed by `spec`, in member order.
pub(crate) fn read<'a>(obj: &'a Map<String, Value>, spec: Spec) -> Result<Read, OptionError<'a>> {
    let mut out = Read::default();
    for (key, v) in obj {
        let key = key.as_str();
        if spec.strings_only && !v.is_string() {
            return Err(OptionError::WrongType(key, v));
        }
        if v.is_null() {
            continue;
        }
        let member = spec
            .members
            .iter()
            .copied()
            .find(|m| m.name() == key)
            .ok_or(OptionError::Unknown(key))?;
        let invalid = |e: &dyn std::fmt::Display| OptionError::Invalid(e.to_string());
        match (member, v) {
            (Member::Api, Value::String(s)) => {
                out.options.api = s.parse::<ApiVersion>().map_err(|e| invalid(&e))?;
            }
            (Member::Profile, Value::String(s)) => {
                out.options.profile = s.parse::<Profile>().map_err(|e| invalid(&e))?;
            }
            (Member::Now, Value::Number(n)) => {
                out.options.now_ms = Some(now_in_range(&n.to_string())?);
            }
            (Member::Now, Value::String(s)) => {
                out.options.now_ms = Some(now_in_range(s)?);
            }
            (Member::Dialect, Value::String(s)) => {
                out.dialect = s.parse::<Dialect>().map_err(|e| invalid(&e))?;
            }
            _ => return Err(OptionError::WrongType(key, v)),
        }
    }
    Ok(out)
}

/// `now` as epoch milliseconds, refused (`invalidOptions`) outside the time
/// bounds (`0..=MAX_TIME_MS`, the one rule the machine applies too).
fn now_in_range(s: &str) -> Result<i64, OptionError<'static>> {
    let ms = parse_now(s).map_err(OptionError::Invalid)?;
    if time_in_range(ms) {
        Ok(ms)
    } else {
        Err(OptionError::Invalid(format!("now: {}", out_of_range(ms))))
    }
}

/// Options text as an object: `None` for `""`, whitespace or `null`.
fn object(text: &str) -> Result<Option<Map<String, Value>>, UsageError> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed == "null" {
        return Ok(None);
    }
    let value: Value = serde_json::from_str(trimmed)
        .map_err(|e| UsageError::invalid_options(format!("options are not JSON: {e}")))?;
    match value {
        Value::Object(obj) => Ok(Some(obj)),
        _ => Err(UsageError::invalid_options("options must be a JSON object")),
    }
}

/// Reads options text for a call of the boundary, phrasing refusals as
/// `invalidOptions` with `expected` naming the members allowed.
fn read_text(text: &str, spec: Spec, expected: &str) -> Result<Read, UsageError> {
    let Some(obj) = object(text)? else {
        return Ok(Read::default());
    };
    read(&obj, spec).map_err(|e| {
        UsageError::invalid_options(match e {
            OptionError::WrongType(k, v) => format!("option `{k}` has the wrong type: `{v}`"),
            OptionError::Unknown(k) => format!("unknown option `{k}`; expected {expected}"),
            OptionError::Invalid(m) => m,
        })
    })
}

/// Parses options given as JSON text: `{"api": "latest" | "2022-01",
/// "profile": "documented" | "model", "now": <epoch ms> | "<RFC 3339>"}`.
/// Every member is optional; an empty string or `null` means the defaults.
///
/// # Errors
/// `invalidOptions` for anything else (unknown members included).
///
/// ```
/// use iot_jobs_policy::{ffi, Profile};
/// let o = ffi::parse_options(r#"{"profile": "model", "now": "1970-01-01T00:01:00Z"}"#).unwrap();
/// assert_eq!((o.profile(), o.now_ms()), (Profile::Model, Some(60_000)));
/// assert_eq!(ffi::parse_options(r#"{"apy": 1}"#).unwrap_err().code(), "invalidOptions");
/// ```
pub fn parse_options(text: &str) -> Result<Options, UsageError> {
    const SPEC: Spec = Spec {
        members: &[Member::Api, Member::Profile, Member::Now],
        strings_only: false,
    };
    read_text(text, SPEC, "`api`, `profile` or `now`").map(|r| r.options)
}

/// The options of [`super::schema_json`]: `api`, `profile`, `dialect`.
pub(crate) fn parse_schema_options(text: &str) -> Result<Read, UsageError> {
    const SPEC: Spec = Spec {
        members: &[Member::Api, Member::Profile, Member::Dialect],
        strings_only: false,
    };
    read_text(text, SPEC, "`api`, `profile` or `dialect`")
}

/// The `options` of a machine creation or a replay scenario: `api` and
/// `profile`, strings only; refusals in the scenario's wording (without
/// the "the scenario is not valid: " its caller adds).
pub(crate) fn scenario_options(obj: &Map<String, Value>) -> Result<Options, String> {
    const SPEC: Spec = Spec {
        members: &[Member::Api, Member::Profile],
        strings_only: true,
    };
    read(obj, SPEC).map(|r| r.options).map_err(|e| match e {
        OptionError::WrongType(k, _) => format!("`options.{k}` must be a string"),
        OptionError::Unknown(k) => format!("unknown option `{k}`"),
        OptionError::Invalid(m) => m,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_reader_three_wordings() {
        let o =
            parse_options(r#"{"api":"2022-01","profile":"model","now":1700000000000}"#).unwrap();
        assert_eq!(o.api(), ApiVersion::V2022_01);
        assert_eq!(o.profile(), Profile::Model);
        assert_eq!(o.now_ms(), Some(1_700_000_000_000));
        assert_eq!(parse_options(" null ").unwrap(), Options::default());
        assert_eq!(
            parse_options(r#"{"api":null}"#).unwrap(),
            Options::default()
        );
        let message = |r: Result<Options, UsageError>| r.unwrap_err().message().to_owned();
        assert_eq!(
            message(parse_options(r#"{"api":1}"#)),
            "option `api` has the wrong type: `1`"
        );
        assert_eq!(
            message(parse_options(r#"{"dialect":"07"}"#)),
            "unknown option `dialect`; expected `api`, `profile` or `now`"
        );
        assert_eq!(
            message(parse_options(r#"{"profile":"strict"}"#)),
            "unknown profile `strict`; expected `documented` or `model`"
        );
        assert_eq!(
            message(parse_options("[]")),
            "options must be a JSON object"
        );
        let s = parse_schema_options(r#"{"dialect":"draft-07","api":"latest"}"#).unwrap();
        assert_eq!(s.dialect, Dialect::Draft07);
        assert_eq!(
            parse_schema_options(r#"{"now":1}"#).unwrap_err().message(),
            "unknown option `now`; expected `api`, `profile` or `dialect`"
        );
        let obj = |t: &str| serde_json::from_str::<Map<String, Value>>(t).unwrap();
        assert_eq!(
            scenario_options(&obj(r#"{"profile":"model"}"#))
                .unwrap()
                .profile(),
            Profile::Model
        );
        assert_eq!(
            scenario_options(&obj(r#"{"api":null}"#)).unwrap_err(),
            "`options.api` must be a string"
        );
        assert_eq!(
            scenario_options(&obj(r#"{"now":1}"#)).unwrap_err(),
            "`options.now` must be a string"
        );
        assert_eq!(
            scenario_options(&obj(r#"{"now":"1"}"#)).unwrap_err(),
            "unknown option `now`"
        );
    }
}

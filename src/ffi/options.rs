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
    if let Some(read) = read_simple(text.trim(), spec) {
        return Ok(read);
    }
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

/// The common case read without `serde_json` (no `Value`, no map, no
/// allocation): an object of at most four distinct members, each `null`, a
/// string without escapes or control characters, or a non-negative integer
/// of at most 18 digits without sign, fraction or exponent, each member
/// allowed by `spec` and each value valid. Answers `None` for anything else
/// (a refusal included), which [`read_text`] then reads with `serde_json`
/// and phrases as before: the options this accepts are read exactly as
/// that path reads them (member order does not matter when the members are
/// distinct and none is refused), so every answer stays the same; the
/// first call of the npm package's `validate` no longer compiles
/// `serde_json`'s deserialiser either (the cold start).
fn read_simple(text: &str, spec: Spec) -> Option<Read> {
    if spec.strings_only {
        return None;
    }
    let mut p = Simple { text, at: 0 };
    let mut out = Read::default();
    let mut seen: [&str; 4] = [""; 4];
    let mut count = 0;
    p.byte(b'{')?;
    if p.byte(b'}').is_some() {
        return p.at_end().then_some(out);
    }
    loop {
        let key = p.string()?;
        if seen.get(..count)?.contains(&key) {
            return None;
        }
        *seen.get_mut(count)? = key;
        count += 1;
        p.byte(b':')?;
        let value = p.value()?;
        if let Some(value) = value {
            let member = spec.members.iter().copied().find(|m| m.name() == key)?;
            match (member, value) {
                (Member::Api, Token::Str(s)) => out.options.api = s.parse().ok()?,
                (Member::Profile, Token::Str(s)) => out.options.profile = s.parse().ok()?,
                (Member::Now, Token::Str(s) | Token::Int(s)) => {
                    out.options.now_ms = Some(now_in_range(s).ok()?);
                }
                (Member::Dialect, Token::Str(s)) => out.dialect = s.parse().ok()?,
                _ => return None,
            }
        }
        if p.byte(b',').is_some() {
            continue;
        }
        p.byte(b'}')?;
        return p.at_end().then_some(out);
    }
}

/// A value [`read_simple`] reads: a string's contents or an integer's text
/// (`null` is `None`).
#[derive(Debug, Clone, Copy)]
enum Token<'a> {
    Str(&'a str),
    Int(&'a str),
}

/// A cursor over options text for [`read_simple`]; every method skips the
/// JSON whitespace before what it reads and answers `None` for anything
/// it does not take.
struct Simple<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Simple<'a> {
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(self.at) {
            self.at += 1;
        }
        bytes.get(self.at).copied()
    }
    fn byte(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.at += 1)
    }
    fn at_end(&mut self) -> bool {
        self.peek().is_none()
    }
    /// A string without escapes or control characters: its contents.
    fn string(&mut self) -> Option<&'a str> {
        self.byte(b'"')?;
        let start = self.at;
        let bytes = self.text.as_bytes();
        loop {
            match *bytes.get(self.at)? {
                b'"' => break,
                b'\\' | 0..=0x1f => return None,
                _ => self.at += 1,
            }
        }
        let contents = self.text.get(start..self.at)?;
        self.at += 1;
        Some(contents)
    }
    /// `null` (`Some(None)`), a string, or a non-negative integer of at most
    /// 18 digits (no leading zero, fraction or exponent: `serde_json` reads
    /// it as a `u64` and writes it back as the same text).
    fn value(&mut self) -> Option<Option<Token<'a>>> {
        match self.peek()? {
            b'"' => self.string().map(|s| Some(Token::Str(s))),
            b'n' => {
                let rest = self.text.get(self.at..)?;
                rest.starts_with("null").then(|| {
                    self.at += 4;
                    None
                })
            }
            b'0'..=b'9' => {
                let bytes = self.text.as_bytes();
                let start = self.at;
                while bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
                    self.at += 1;
                }
                let digits = self.text.get(start..self.at)?;
                let next = bytes.get(self.at).copied();
                let plain = !matches!(next, Some(b'.' | b'e' | b'E'))
                    && digits.len() <= 18
                    && (digits == "0" || !digits.starts_with('0'));
                plain.then_some(Some(Token::Int(digits)))
            }
            _ => None,
        }
    }
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

    /// The options read with `serde_json` alone (the path before
    /// [`read_simple`]), in [`read_text`]'s wording.
    fn read_slow(text: &str, spec: Spec) -> Result<(Options, Dialect), UsageError> {
        let Some(obj) = object(text)? else {
            return Ok((Options::default(), Dialect::default()));
        };
        read(&obj, spec)
            .map(|r| (r.options, r.dialect))
            .map_err(|_| UsageError::invalid_options("refused"))
    }

    #[test]
    fn the_simple_reader_reads_as_serde_json_does() {
        const SPEC: Spec = Spec {
            members: &[Member::Api, Member::Profile, Member::Now, Member::Dialect],
            strings_only: false,
        };
        let keys = ["api", "profile", "now", "dialect", "x", "api ", "Now"];
        let values = [
            "\"latest\"",
            "\"2022-01\"",
            "\"model\"",
            "\"documented\"",
            "\"draft-07\"",
            "\"07\"",
            "1795000000000",
            "0",
            "01",
            "1.5",
            "1e3",
            "-1",
            "123456789012345678",
            "1234567890123456789",
            "\"2026-01-01T00:00:00Z\"",
            "\"1795000000000\"",
            "null",
            "true",
            "{}",
            "[]",
            "\"a\\\"b\"",
            "\"caf\u{e9}\"",
            "nul",
            "\"\"",
        ];
        let spaces = ["", " ", "\n\t ", "\r"];
        let (mut simple, mut accepted) = (0, 0);
        // Every object of up to three members over those keys and values
        // (a deterministic walk, with whitespace varied by position).
        let mut texts = vec![String::from("{}"), String::from(" { } "), String::new()];
        for (n, a) in keys.iter().enumerate() {
            for (m, v) in values.iter().enumerate() {
                let sp = spaces.get((n + m) % spaces.len()).copied().unwrap_or("");
                texts.push(format!("{{{sp}\"{a}\"{sp}:{sp}{v}{sp}}}"));
                for b in keys.iter().take(4) {
                    for w in values.iter().skip(m % 5).step_by(5) {
                        texts.push(format!("{{\"{a}\":{v},{sp}\"{b}\":{w}}}"));
                        texts.push(format!("{{\"{a}\":{v},\"{b}\":{w},\"now\":{sp}0}}"));
                    }
                }
            }
        }
        texts.extend(
            [
                "{\"api\":\"latest\"",
                "{\"api\":\"latest\"}x",
                "{\"api\":\"latest\",}",
                "[]",
                "null",
            ]
            .map(String::from),
        );
        for text in &texts {
            let slow = read_slow(text, SPEC);
            accepted += usize::from(slow.is_ok());
            if let Some(r) = read_simple(text.trim(), SPEC) {
                simple += 1;
                assert_eq!(slow, Ok((r.options, r.dialect)), "{text}");
            }
        }
        // Both paths are taken: 102 of the 413 texts serde_json accepts read
        // simply (the others have duplicate members, escapes or `null`s).
        assert!(simple >= 100 && simple < accepted, "{simple} of {accepted}");
        let r = read_simple(
            r#"{"api": "2022-01", "profile":"model", "now": 1795000000000}"#,
            SPEC,
        );
        assert_eq!(
            r.map(|r| (r.options.api(), r.options.profile(), r.options.now_ms())),
            Some((
                ApiVersion::V2022_01,
                Profile::Model,
                Some(1_795_000_000_000)
            ))
        );
        // Duplicates and refusals are left to serde_json (the first wording).
        assert!(read_simple(r#"{"api":"latest","api":null}"#, SPEC).is_none());
        assert!(read_simple(r#"{"api":"nope"}"#, SPEC).is_none());
        assert_eq!(
            parse_options(r#"{"api":"latest","api":"nope"}"#)
                .unwrap_err()
                .message(),
            "unknown API version `nope`; expected `2022-01` or `latest`"
        );
    }
}

//! The vocabulary of a violation: its [`Code`], [`Severity`] and [`Source`],
//! each written and read through one `as_str`.

use serde::{Deserialize, Serialize};

/// The stable machine code of a violation.
///
/// Codes are lowerCamel strings (see [`Code::as_str`]) and never change
/// meaning; callers match on the code and the path, never on message text.
///
/// A code deserialises from its string form. A string that is not a code of
/// this version of the crate (say, a report written by a newer version) is
/// an error naming the code, not a fallback: a report read back always
/// holds codes this version can match on.
///
/// ```
/// use iot_jobs_policy::Code;
/// assert_eq!("maxLength".parse::<Code>(), Ok(Code::MaxLength));
/// assert_eq!(serde_json::from_str::<Code>(r#""retryBudget""#).unwrap(), Code::RetryBudget);
/// assert!(serde_json::from_str::<Code>(r#""fromTheFuture""#).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Code {
    // --- input hygiene -------------------------------------------------
    /// The request text is larger than [`crate::MAX_REQUEST_BYTES`].
    TooLarge,
    /// Arrays or objects are nested deeper than [`crate::MAX_DEPTH`].
    TooDeep,
    /// The request text is not UTF-8.
    InvalidUtf8,
    /// The request text is not JSON.
    InvalidJson,
    /// `NaN`, `Infinity` or a number literal too large for a double.
    NonFiniteNumber,
    /// An integer beyond the range of the member's type (32 or 64 bits).
    NumberTooLarge,
    /// The request is JSON but not a JSON object.
    NotAnObject,
    /// The same key appears twice in one object.
    DuplicateKey,
    /// More violations than a report lists ([`crate::MAX_VIOLATIONS`]): the
    /// last entry of a report that stops there, with the total.
    TooManyViolations,
    // --- the service model ---------------------------------------------
    /// A required member is missing (or `null`).
    Required,
    /// A member has the wrong JSON type.
    Type,
    /// A member that the operation does not have in the chosen API version.
    UnknownField,
    /// A string shorter than the model allows.
    MinLength,
    /// A string longer than the model allows.
    MaxLength,
    /// A string that does not match the member's pattern as a whole.
    Pattern,
    /// A number below the allowed minimum.
    Minimum,
    /// A number above the allowed maximum.
    Maximum,
    /// A number at or below an exclusive minimum.
    ExclusiveMinimum,
    /// A string that is not one of the member's enum values.
    Enum,
    /// A list or map with fewer entries than allowed.
    MinItems,
    /// A list or map with more entries than allowed.
    MaxItems,
    // --- documented rules ------------------------------------------------
    /// A number with more decimal places than documented.
    DecimalPlaces,
    /// Two members that must not be given together.
    MutuallyExclusive,
    /// None of a set of members of which one is needed.
    MissingOneOf,
    /// A value repeated where each must be distinct.
    Duplicate,
    /// More retries in total than a device may get.
    RetryBudget,
    /// An inline job document that is not JSON.
    NotJson,
    /// `documentParameters` without an AWS managed job template.
    ManagedTemplateOnly,
    /// UpdateJob may only lower retry counts to 0.
    RetryNotZero,
    /// A scheduling time that is not `YYYY-MM-DDTHH:MM`.
    TimestampFormat,
    /// A scheduling time outside the documented window.
    ScheduleWindow,
    /// A maintenance window's `startTime` that is not a cron expression of
    /// the AWS dialect ([`crate::cron`]).
    Cron,
    // --- warnings ----------------------------------------------------------
    /// A rule that needs the current time was skipped because none was given.
    SkippedRule,
    /// A member that has no effect where it stands.
    NoEffect,
    /// A member or combination a careful reviewer would question.
    Suspicious,
    // --- the caller's own rules ----------------------------------------------
    /// The inline job document does not satisfy the caller's JSON Schema.
    DocumentSchema,
}

impl Code {
    /// Every code, in the documented order.
    pub const ALL: [Code; 36] = [
        Code::TooLarge,
        Code::TooDeep,
        Code::InvalidUtf8,
        Code::InvalidJson,
        Code::NonFiniteNumber,
        Code::NumberTooLarge,
        Code::NotAnObject,
        Code::DuplicateKey,
        Code::TooManyViolations,
        Code::Required,
        Code::Type,
        Code::UnknownField,
        Code::MinLength,
        Code::MaxLength,
        Code::Pattern,
        Code::Minimum,
        Code::Maximum,
        Code::ExclusiveMinimum,
        Code::Enum,
        Code::MinItems,
        Code::MaxItems,
        Code::DecimalPlaces,
        Code::MutuallyExclusive,
        Code::MissingOneOf,
        Code::Duplicate,
        Code::RetryBudget,
        Code::NotJson,
        Code::ManagedTemplateOnly,
        Code::RetryNotZero,
        Code::TimestampFormat,
        Code::ScheduleWindow,
        Code::Cron,
        Code::SkippedRule,
        Code::NoEffect,
        Code::Suspicious,
        Code::DocumentSchema,
    ];

    /// The lowerCamel string form, e.g. `maxLength`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::TooLarge => "tooLarge",
            Code::TooDeep => "tooDeep",
            Code::InvalidUtf8 => "invalidUtf8",
            Code::InvalidJson => "invalidJson",
            Code::NonFiniteNumber => "nonFiniteNumber",
            Code::NumberTooLarge => "numberTooLarge",
            Code::NotAnObject => "notAnObject",
            Code::DuplicateKey => "duplicateKey",
            Code::TooManyViolations => "tooManyViolations",
            Code::Required => "required",
            Code::Type => "type",
            Code::UnknownField => "unknownField",
            Code::MinLength => "minLength",
            Code::MaxLength => "maxLength",
            Code::Pattern => "pattern",
            Code::Minimum => "minimum",
            Code::Maximum => "maximum",
            Code::ExclusiveMinimum => "exclusiveMinimum",
            Code::Enum => "enum",
            Code::MinItems => "minItems",
            Code::MaxItems => "maxItems",
            Code::DecimalPlaces => "decimalPlaces",
            Code::MutuallyExclusive => "mutuallyExclusive",
            Code::MissingOneOf => "missingOneOf",
            Code::Duplicate => "duplicate",
            Code::RetryBudget => "retryBudget",
            Code::NotJson => "notJson",
            Code::ManagedTemplateOnly => "managedTemplateOnly",
            Code::RetryNotZero => "retryNotZero",
            Code::TimestampFormat => "timestampFormat",
            Code::ScheduleWindow => "scheduleWindow",
            Code::Cron => "cron",
            Code::SkippedRule => "skippedRule",
            Code::NoEffect => "noEffect",
            Code::Suspicious => "suspicious",
            Code::DocumentSchema => "documentSchema",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A string that is not one of the [`Code`]s of this version of the crate.
///
/// ```
/// use iot_jobs_policy::Code;
/// let e = "fromTheFuture".parse::<Code>().unwrap_err();
/// assert_eq!(e.to_string(), "`fromTheFuture` is not a violation code");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a violation code")]
pub struct UnknownCode(pub String);

impl std::str::FromStr for Code {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Code, UnknownCode> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownCode(s.to_owned()))
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Code, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Whether a violation makes the request invalid.
///
/// It is written and read as `error` or `warning` ([`Severity::as_str`]).
///
/// ```
/// use iot_jobs_policy::Severity;
/// assert_eq!("warning".parse::<Severity>(), Ok(Severity::Warning));
/// assert_eq!(Severity::Error.to_string(), "error");
/// assert_eq!("fatal".parse::<Severity>().unwrap_err().given(), "fatal");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// AWS would refuse the request (or the documentation says it must).
    Error,
    /// Advice: the request stays valid.
    Warning,
}

impl Severity {
    /// Both severities.
    pub const ALL: [Severity; 2] = [Severity::Error, Severity::Warning];

    /// `error` or `warning`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Where a rule comes from.
///
/// It is written and read as `model`, `documented` or `user`
/// ([`Source::as_str`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// The AWS service model (botocore), or JSON itself.
    Model,
    /// The AWS documentation (developer guide or API reference prose).
    Documented,
    /// The caller's own JSON Schema for the job document (`--document-schema`).
    User,
}

impl Source {
    /// Every source.
    pub const ALL: [Source; 3] = [Source::Model, Source::Documented, Source::User];

    /// `model`, `documented` or `user`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Source::Model => "model",
            Source::Documented => "documented",
            Source::User => "user",
        }
    }
}

/// A string that is not a [`Severity`] (`error` or `warning`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown severity `{given}`; expected `error` or `warning`")]
pub struct UnknownSeverity {
    given: String,
}

impl UnknownSeverity {
    /// The string that was given.
    pub fn given(&self) -> &str {
        &self.given
    }
}

/// A string that is not a [`Source`] (`model`, `documented` or `user`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown source `{given}`; expected `model`, `documented` or `user`")]
pub struct UnknownSource {
    given: String,
}

impl UnknownSource {
    /// The string that was given.
    pub fn given(&self) -> &str {
        &self.given
    }
}

impl std::str::FromStr for Severity {
    type Err = UnknownSeverity;

    fn from_str(s: &str) -> Result<Severity, UnknownSeverity> {
        Severity::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| UnknownSeverity {
                given: s.to_owned(),
            })
    }
}

impl std::str::FromStr for Source {
    type Err = UnknownSource;

    fn from_str(s: &str) -> Result<Source, UnknownSource> {
        Source::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| UnknownSource {
                given: s.to_owned(),
            })
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Severity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Serialize for Source {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Reads one of `all` by its `as_str` (`names`, in the same order),
/// refusing anything else with serde's "unknown variant" wording, as the
/// derive did.
fn variant<'de, D, T: Copy>(d: D, all: &[T], names: &'static [&'static str]) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let s = String::deserialize(d)?;
    names
        .iter()
        .position(|n| *n == s)
        .and_then(|i| all.get(i).copied())
        .ok_or_else(|| serde::de::Error::unknown_variant(&s, names))
}

const SEVERITY_NAMES: [&str; 2] = [Severity::Error.as_str(), Severity::Warning.as_str()];
const SOURCE_NAMES: [&str; 3] = [
    Source::Model.as_str(),
    Source::Documented.as_str(),
    Source::User.as_str(),
];

impl<'de> Deserialize<'de> for Severity {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Severity, D::Error> {
        variant(d, &Severity::ALL, &SEVERITY_NAMES)
    }
}

impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Source, D::Error> {
        variant(d, &Source::ALL, &SOURCE_NAMES)
    }
}

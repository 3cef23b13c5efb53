//! The report: every violation of a request, with a stable code, a JSON
//! Pointer, a message and the text AWS itself would answer.

use serde::Serialize;

/// The stable machine code of a violation.
///
/// Codes are lowerCamel strings (see [`Code::as_str`]) and never change
/// meaning; callers match on the code and the path, never on message text.
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
    // --- warnings ----------------------------------------------------------
    /// A rule that needs the current time was skipped because none was given.
    SkippedRule,
    /// A member that has no effect where it stands.
    NoEffect,
    /// A combination whose behaviour AWS documents inconsistently.
    Ambiguous,
    /// A member or combination a careful reviewer would question.
    Suspicious,
    // --- the caller's own rules ----------------------------------------------
    /// The inline job document does not satisfy the caller's JSON Schema.
    DocumentSchema,
}

impl Code {
    /// Every code, in the documented order.
    pub const ALL: [Code; 35] = [
        Code::TooLarge,
        Code::TooDeep,
        Code::InvalidUtf8,
        Code::InvalidJson,
        Code::NonFiniteNumber,
        Code::NumberTooLarge,
        Code::NotAnObject,
        Code::DuplicateKey,
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
        Code::SkippedRule,
        Code::NoEffect,
        Code::Ambiguous,
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
            Code::SkippedRule => "skippedRule",
            Code::NoEffect => "noEffect",
            Code::Ambiguous => "ambiguous",
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

/// Whether a violation makes the request invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// AWS would refuse the request (or the documentation says it must).
    Error,
    /// Advice: the request stays valid.
    Warning,
}

/// Where a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// The AWS service model (botocore), or JSON itself.
    Model,
    /// The AWS documentation (developer guide or API reference prose).
    Documented,
    /// The caller's own JSON Schema for the job document (`--document-schema`).
    User,
}

impl Source {
    /// `model` or `documented`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Model => "model",
            Source::Documented => "documented",
            Source::User => "user",
        }
    }
}

/// One thing wrong with (or worth saying about) a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    pub(crate) code: Code,
    pub(crate) path: String,
    pub(crate) message: String,
    pub(crate) severity: Severity,
    pub(crate) source: Source,
    pub(crate) rule: &'static str,
    pub(crate) help: Option<String>,
    pub(crate) position: Option<Position>,
    #[serde(skip)]
    pub(crate) aws: AwsText,
}

/// Where in the request text a violation is: the offending value, the key
/// of an unknown or duplicate member, or the object missing a required one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    /// Byte offset from the start of the text (after a byte-order mark, if any, counts it).
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in Unicode code points.
    pub column: usize,
}

/// How a violation reads in the service's own words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) enum AwsText {
    /// A framework validation item (`Value '…' at '…' failed to satisfy constraint: …`).
    Item(String),
    /// A message of its own (business rules, type errors).
    Plain(String),
    /// Nothing (warnings).
    #[default]
    None,
}

impl Violation {
    /// The stable machine code.
    pub fn code(&self) -> Code {
        self.code
    }
    /// RFC 6901 JSON Pointer into the request (`""` for the request itself).
    pub fn path(&self) -> &str {
        &self.path
    }
    /// One lowercase sentence for people; the offending value in backticks.
    pub fn message(&self) -> &str {
        &self.message
    }
    /// Error or warning.
    pub fn severity(&self) -> Severity {
        self.severity
    }
    /// Model or documented.
    pub fn source(&self) -> Source {
        self.source
    }
    /// The id of the rule in [`crate::rules()`].
    pub fn rule(&self) -> &'static str {
        self.rule
    }
    /// A hint such as "did you mean `jobExecutionsRetryConfig`?".
    pub fn help(&self) -> Option<&str> {
        self.help.as_deref()
    }
    /// Where in the request text the violation is; `None` when the request
    /// was not given as text (a `serde_json::Value` or a typed request).
    pub fn position(&self) -> Option<Position> {
        self.position
    }
}

/// The outcome of validating one request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub(crate) valid: bool,
    pub(crate) violations: Vec<Violation>,
    #[serde(rename = "awsMessage")]
    pub(crate) aws_message: Option<String>,
}

impl Report {
    /// Fills in line and column from byte offsets in one sweep over `text`.
    pub(crate) fn with_positions(mut violations: Vec<Violation>, text: &[u8]) -> Vec<Violation> {
        let mut order: Vec<usize> = (0..violations.len())
            .filter(|i| violations.get(*i).is_some_and(|v| v.position.is_some()))
            .collect();
        order.sort_by_key(|i| {
            violations
                .get(*i)
                .and_then(|v| v.position)
                .map_or(0, |p| p.offset)
        });
        // A leading byte-order mark is not a column: the `{` after it is column 1.
        let bom = if text.starts_with(&[0xEF, 0xBB, 0xBF]) {
            3
        } else {
            0
        };
        let (mut at, mut line, mut column) = (bom, 1usize, 1usize);
        for i in order {
            let Some(p) = violations.get_mut(i).and_then(|v| v.position.as_mut()) else {
                continue;
            };
            let target = p.offset.min(text.len()).max(bom);
            for &b in text.get(at..target).unwrap_or(&[]) {
                if b == b'\n' {
                    line += 1;
                    column = 1;
                } else if b & 0xC0 != 0x80 {
                    column += 1;
                }
            }
            at = at.max(target);
            p.line = line;
            p.column = column;
        }
        violations
    }

    pub(crate) fn from_violations(violations: Vec<Violation>) -> Report {
        let valid = !violations.iter().any(|v| v.severity == Severity::Error);
        let aws_message = if valid {
            None
        } else {
            Some(render_aws_message(&violations))
        };
        Report {
            valid,
            violations,
            aws_message,
        }
    }

    /// True when no violation is an error (warnings allowed).
    pub fn is_valid(&self) -> bool {
        self.valid
    }
    /// Every violation, errors and warnings, in a stable order.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }
    /// Only the errors.
    pub fn errors(&self) -> impl Iterator<Item = &Violation> {
        self.violations
            .iter()
            .filter(|v| v.severity == Severity::Error)
    }
    /// The errors as AWS would phrase them, or `None` when valid.
    pub fn aws_message(&self) -> Option<&str> {
        self.aws_message.as_deref()
    }
    /// The report as compact JSON (`{"valid":…,"violations":[…],"awsMessage":…}`).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("null"))
    }
}

/// Renders the errors the way the service does.
///
/// Framework items (model constraints and the documented numeric bounds that
/// read the same way) are joined as `N validation error(s) detected: …; …`.
/// When there is none, the first error's own message is returned, because
/// the service answers a business-rule failure with a single message. The
/// exact IoT wording of business-rule errors is not documented.
fn render_aws_message(violations: &[Violation]) -> String {
    let items: Vec<&str> = violations
        .iter()
        .filter(|v| v.severity == Severity::Error)
        .filter_map(|v| match &v.aws {
            AwsText::Item(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    if items.is_empty() {
        return violations
            .iter()
            .filter(|v| v.severity == Severity::Error)
            .find_map(|v| match &v.aws {
                AwsText::Plain(s) => Some(s.clone()),
                _ => None,
            })
            .unwrap_or_else(|| String::from("The request is not valid."));
    }
    let n = items.len();
    let noun = if n == 1 { "error" } else { "errors" };
    format!("{n} validation {noun} detected: {}", items.join("; "))
}

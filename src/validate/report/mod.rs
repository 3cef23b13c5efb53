//! The report: every violation of a request, with a stable code, a JSON
//! Pointer, a message and the text AWS itself would answer.

mod code;
mod de;

pub use code::{Code, Severity, Source, UnknownCode, UnknownSeverity, UnknownSource};
use serde::{Deserialize, Serialize};

/// One thing wrong with (or worth saying about) a request.
///
/// A violation deserialises from the JSON that [`Report::to_json`] writes
/// for it; its `rule` must be an id of [`crate::rules()`] (the text AWS
/// would answer is carried by the report's `awsMessage`, not by each
/// violation, so two violations compare equal when every member of their
/// JSON is equal).
///
/// ```
/// use iot_jobs_policy::{validate_str, Operation, Options, Violation};
/// let report = validate_str(Operation::DescribeJob, r#"{"jobId": "my job"}"#, &Options::default());
/// let json = serde_json::to_string(&report.violations()[0]).unwrap();
/// let back: Violation = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, report.violations()[0]);
/// assert_eq!(back.rule(), "model.pattern");
/// ```
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
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

/// Equal when every member of the JSON form is equal (the AWS wording of a
/// single violation is not part of it: the report's `awsMessage` is).
impl PartialEq for Violation {
    fn eq(&self, other: &Violation) -> bool {
        self.code == other.code
            && self.path == other.path
            && self.message == other.message
            && self.severity == other.severity
            && self.source == other.source
            && self.rule == other.rule
            && self.help == other.help
            && self.position == other.position
    }
}

impl Eq for Violation {}

/// Where in the request text a violation is: the offending value, the key
/// of an unknown or duplicate member, or the object missing a required one.
///
/// It may grow (it is `#[non_exhaustive]`): read it through its fields or
/// the accessors.
///
/// ```
/// use iot_jobs_policy::{validate_str, Operation, Options};
/// let report = validate_str(Operation::DescribeJob, "{\n  \"jobId\": \"a b\"}", &Options::default());
/// let p = report.violations()[0].position().unwrap();
/// assert_eq!((p.offset(), p.line(), p.column()), (13, 2, 12));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Position {
    /// Byte offset from the start of the text (after a byte-order mark, if any, counts it).
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in Unicode code points.
    pub column: usize,
}

impl Position {
    /// Byte offset from the start of the text (a byte-order mark counts).
    pub fn offset(&self) -> usize {
        self.offset
    }
    /// 1-based line.
    pub fn line(&self) -> usize {
        self.line
    }
    /// 1-based column, in Unicode code points.
    pub fn column(&self) -> usize {
        self.column
    }
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
    /// The `tooManyViolations` entry: how many framework items the
    /// violations it stands for would have added.
    Unlisted(usize),
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
///
/// It serialises to the report JSON ([`Report::to_json`]) and deserialises
/// from it: a report written by the CLI, the npm package or `to_json` reads
/// back equal. Reading fails for a code or rule id this version does not
/// know (see [`Code`]) and for a `valid` that contradicts the violations.
/// [`Report::into_result`] turns it into a `Result` for `?`.
///
/// ```
/// use iot_jobs_policy::{validate_str, Operation, Options, Report};
/// let report = validate_str(Operation::DescribeJob, r#"{"jobId": "my job"}"#, &Options::default());
/// let back: Report = serde_json::from_str(&report.to_json()).unwrap();
/// assert_eq!(back, report);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "de::ReportJson")]
#[non_exhaustive]
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

impl Report {
    /// The report as a `Result`: `Ok` with the report (which may still hold
    /// warnings) when it is valid, `Err(InvalidRequest)` when any violation
    /// is an error, so that `?` stops an invalid request.
    ///
    /// # Errors
    /// [`InvalidRequest`], holding the whole report, when the request is not
    /// valid.
    ///
    /// ```
    /// use iot_jobs_policy::{validate_str, Code, InvalidRequest, Operation, Options};
    ///
    /// fn check(body: &str) -> Result<usize, InvalidRequest> {
    ///     let report = validate_str(Operation::DescribeJob, body, &Options::default()).into_result()?;
    ///     Ok(report.violations().len()) // the warnings
    /// }
    ///
    /// assert_eq!(check(r#"{"jobId": "job-1"}"#), Ok(0));
    /// let e = check(r#"{"jobId": "my job"}"#).unwrap_err();
    /// assert_eq!(e.errors().next().map(|v| v.code()), Some(Code::Pattern));
    /// assert!(e.to_string().starts_with("1 validation error detected: Value 'my job' at 'jobId'"));
    /// ```
    pub fn into_result(self) -> Result<Report, InvalidRequest> {
        if self.valid {
            Ok(self)
        } else {
            Err(InvalidRequest { report: self })
        }
    }
}

/// The error of [`Report::into_result`]: the request is not valid.
///
/// It holds the whole report (errors and warnings). Its `Display` is the
/// text AWS would answer ([`Report::aws_message`]), or, for a report read
/// back without one, `N error(s): ` and the first error's message. Its
/// [`source`](std::error::Error::source) is the first error.
///
/// ```
/// use iot_jobs_policy::{validate_str, Operation, Options};
/// let e = validate_str(Operation::DescribeJob, "{}", &Options::default())
///     .into_result()
///     .unwrap_err();
/// assert_eq!(e.errors().count(), 1);
/// assert_eq!(e.report().violations()[0].path(), "/jobId");
/// assert_eq!(e.aws_message(), e.to_string());
/// let report = e.into_report(); // back to the report
/// assert!(!report.is_valid());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct InvalidRequest {
    report: Report,
}

impl InvalidRequest {
    /// The whole report.
    pub fn report(&self) -> &Report {
        &self.report
    }
    /// The report, by value.
    pub fn into_report(self) -> Report {
        self.report
    }
    /// The errors (violations of severity error), in report order.
    pub fn errors(&self) -> impl Iterator<Item = &Violation> {
        self.report.errors()
    }
    /// Every violation, errors and warnings.
    pub fn violations(&self) -> &[Violation] {
        self.report.violations()
    }
    /// The message AWS would answer (the same text as `Display`).
    pub fn aws_message(&self) -> String {
        self.to_string()
    }
}

impl std::fmt::Display for InvalidRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(m) = self.report.aws_message() {
            return f.write_str(m);
        }
        let n = self.report.errors().count();
        write!(f, "{n} error(s)")?;
        if let Some(v) = self.report.errors().next() {
            write!(f, ": {}", v.message())?;
        }
        Ok(())
    }
}

impl std::error::Error for InvalidRequest {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.report
            .errors()
            .next()
            .map(|v| v as &(dyn std::error::Error + 'static))
    }
}

/// A violation is an error in its own right (its `Display` is the CLI's
/// one-line text form), so it can be the `source` of an [`InvalidRequest`]
/// or be returned on its own.
///
/// ```
/// use std::error::Error;
/// use iot_jobs_policy::{validate_str, Operation, Options};
/// let e = validate_str(Operation::DescribeJob, "{}", &Options::default()).into_result().unwrap_err();
/// let first = e.source().unwrap();
/// assert_eq!(first.to_string(), "error[required] /jobId: `jobId` is required (model, model.required)");
/// ```
impl std::error::Error for Violation {}

impl From<InvalidRequest> for Report {
    fn from(e: InvalidRequest) -> Report {
        e.report
    }
}

/// How many framework items `awsMessage` quotes; it counts them all (our
/// bound: AWS documents none, see `report.tooManyViolations`).
pub(crate) const MAX_AWS_ITEMS: usize = 10;

/// Renders the errors the way the service does.
///
/// Framework items (model constraints and the documented numeric bounds that
/// read the same way) are joined as `N validation error(s) detected: …; …`,
/// where `N` counts every item, those past the report's cap too, and at most
/// the first [`MAX_AWS_ITEMS`] are quoted. When the listed violations hold
/// none, the first error's own message is returned, because the service
/// answers a business-rule failure with a single message. The exact IoT
/// wording of business-rule errors is not documented.
fn render_aws_message(violations: &[Violation]) -> String {
    let errors = || violations.iter().filter(|v| v.severity == Severity::Error);
    let items: Vec<&str> = errors()
        .filter_map(|v| match &v.aws {
            AwsText::Item(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    if items.is_empty() {
        return errors()
            .find_map(|v| match &v.aws {
                AwsText::Plain(s) => Some(s.clone()),
                _ => None,
            })
            .unwrap_or_else(|| String::from("The request is not valid."));
    }
    let unlisted: usize = errors()
        .map(|v| match v.aws {
            AwsText::Unlisted(n) => n,
            _ => 0,
        })
        .sum();
    let n = items.len() + unlisted;
    let noun = if n == 1 { "error" } else { "errors" };
    let quoted: Vec<&str> = items.into_iter().take(MAX_AWS_ITEMS).collect();
    format!("{n} validation {noun} detected: {}", quoted.join("; "))
}

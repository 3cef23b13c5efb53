//! The report: every violation of a request, with a stable code, a JSON
//! Pointer, a message and the text AWS itself would answer.

mod code;
mod de;

use crate::validate::primitive::push_usize;
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
        // The violations with a position by offset, stably (of equal
        // offsets, the earlier first): each goes after every one before it
        // whose offset is not greater, by a binary search. Violations come
        // mostly in text order, so most go at the end; a hand-written
        // insertion rather than `sort_by_key`, whose stable sort would be
        // one more copy of the standard sorts in the .wasm (#12).
        let offset = |i: usize| violations.get(i).and_then(|v| v.position).map(|p| p.offset);
        let mut order: Vec<usize> = Vec::with_capacity(violations.len());
        for i in 0..violations.len() {
            if let Some(here) = offset(i) {
                let at = order.partition_point(|&j| offset(j).is_some_and(|o| o <= here));
                order.insert(at, i);
            }
        }
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
            let seg = text.get(at..target).unwrap_or(&[]);
            // A newline restarts the column; every byte that does not
            // continue a UTF-8 sequence is one code point.
            let (newlines, chars) = count_lines_and_chars(seg);
            if newlines == 0 {
                column += chars;
            } else {
                line += newlines;
                let last = seg.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
                column = 1 + count_lines_and_chars(seg.get(last..).unwrap_or(&[])).1;
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
    /// About the length of [`Report::to_json`] (a little more for plain
    /// text), to size the buffer it is written into.
    pub(crate) fn json_size_hint(&self) -> usize {
        let texts =
            |v: &Violation| v.path.len() + v.message.len() + v.help.as_ref().map_or(0, String::len);
        let violations: usize = self.violations.iter().map(|v| texts(v) + 192).sum();
        violations + self.aws_message.as_ref().map_or(0, String::len) + 64
    }
    /// The report as compact JSON (`{"valid":…,"violations":[…],"awsMessage":…}`).
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(self.json_size_hint());
        self.write_json(&mut out);
        out
    }

    /// Appends [`Report::to_json`] to `out`: by hand, byte for byte what
    /// `serde_json::to_string` writes for the derived `Serialize` (tested
    /// on every vector), without the serializer's per-fragment writes,
    /// which cost the WebAssembly build a fifth of an invalid request.
    pub(crate) fn write_json(&self, out: &mut String) {
        out.push_str(if self.valid {
            r#"{"valid":true,"violations":["#
        } else {
            r#"{"valid":false,"violations":["#
        });
        for (i, v) in self.violations.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            // Each literal closes the string before it and opens the next.
            out.push_str(r#"{"code":""#);
            out.push_str(v.code.as_str());
            out.push_str(r#"","path":""#);
            push_json_escaped(out, &v.path);
            out.push_str(r#"","message":""#);
            push_json_escaped(out, &v.message);
            out.push_str(r#"","severity":""#);
            out.push_str(v.severity.as_str());
            out.push_str(r#"","source":""#);
            out.push_str(v.source.as_str());
            out.push_str(r#"","rule":""#);
            push_json_escaped(out, v.rule);
            match &v.help {
                Some(h) => {
                    out.push_str(r#"","help":""#);
                    push_json_escaped(out, h);
                    out.push_str(r#"","position":"#);
                }
                None => out.push_str(r#"","help":null,"position":"#),
            }
            match v.position {
                Some(p) => {
                    out.push_str(r#"{"offset":"#);
                    push_usize(out, p.offset);
                    out.push_str(r#","line":"#);
                    push_usize(out, p.line);
                    out.push_str(r#","column":"#);
                    push_usize(out, p.column);
                    out.push_str("}}");
                }
                None => out.push_str("null}"),
            }
        }
        match &self.aws_message {
            Some(m) => {
                out.push_str(r#"],"awsMessage":""#);
                push_json_escaped(out, m);
                out.push_str("\"}");
            }
            None => out.push_str(r#"],"awsMessage":null}"#),
        }
    }
}

impl Report {
    /// Appends the report as one flat JSON array, the boundary's compact
    /// answer (see [`crate::ffi::validate_compact_json`]): `valid`,
    /// `awsMessage`, then for each violation `code`, `path`, `message`,
    /// `severity`, `source`, `rule` and `help`, and when `positions` is true
    /// `offset`, `line` and `column` (three `null`s for a violation without
    /// a position). The strings are written as in [`Report::write_json`];
    /// the member names, which are most of an invalid request's answer, are
    /// not written at all (the npm shim builds the objects).
    pub(crate) fn write_compact(&self, out: &mut String, positions: bool) {
        out.push_str(if self.valid { "[true," } else { "[false," });
        match &self.aws_message {
            Some(m) => {
                out.push('"');
                push_json_escaped(out, m);
                out.push('"');
            }
            None => out.push_str("null"),
        }
        for v in &self.violations {
            // Each literal closes the string before it and opens the next.
            out.push_str(",\"");
            out.push_str(v.code.as_str());
            out.push_str("\",\"");
            push_json_escaped(out, &v.path);
            out.push_str("\",\"");
            push_json_escaped(out, &v.message);
            out.push_str("\",\"");
            out.push_str(v.severity.as_str());
            out.push_str("\",\"");
            out.push_str(v.source.as_str());
            out.push_str("\",\"");
            push_json_escaped(out, v.rule);
            match &v.help {
                Some(h) => {
                    out.push_str("\",\"");
                    push_json_escaped(out, h);
                    out.push('"');
                }
                None => out.push_str("\",null"),
            }
            if positions {
                match v.position {
                    Some(p) => {
                        out.push(',');
                        push_usize(out, p.offset);
                        out.push(',');
                        push_usize(out, p.line);
                        out.push(',');
                        push_usize(out, p.column);
                    }
                    None => out.push_str(",null,null,null"),
                }
            }
        }
        out.push(']');
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

/// Appends `s` as a JSON string the way `serde_json` writes it.
#[cfg(test)]
fn push_json_str(out: &mut String, s: &str) {
    out.push('"');
    push_json_escaped(out, s);
    out.push('"');
}

/// Appends the inside of the JSON string `s` the way `serde_json` writes
/// it: `"` and `\` escaped, the control characters below U+0020 as `\b`,
/// `\t`, `\n`, `\f`, `\r` or `\u00xx` (lowercase hex), everything else as
/// it is; the runs between escapes are copied whole.
fn push_json_escaped(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = LO << 7;
    // Whether a byte of `x` is below 0x20, `"` or `\` (the classic exact
    // "has a byte less than" and "has a zero byte" tests).
    let special = |x: u64| {
        let zero = |v: u64| v.wrapping_sub(LO) & !v & HI;
        (x.wrapping_sub(LO * 0x20) & !x & HI)
            | zero(x ^ (LO * u64::from(b'"')))
            | zero(x ^ (LO * u64::from(b'\\')))
            != 0
    };
    out.reserve(s.len());
    let bytes = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        // Eight plain bytes at a time.
        if let Some(w) = bytes.get(i..i + 8) {
            if !special(u64::from_le_bytes(<[u8; 8]>::try_from(w).unwrap_or([0; 8]))) {
                i += 8;
                continue;
            }
        }
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0x00..=0x1F => "",
            _ => {
                i += 1;
                continue;
            }
        };
        // Escapes are ASCII: `start..i` lies on character boundaries.
        out.push_str(s.get(start..i).unwrap_or(""));
        if escape.is_empty() {
            out.push_str("\\u00");
            for nibble in [b >> 4, b & 0x0F] {
                out.push(char::from(
                    HEX.get(usize::from(nibble)).copied().unwrap_or(b'0'),
                ));
            }
        } else {
            out.push_str(escape);
        }
        i += 1;
        start = i;
    }
    out.push_str(s.get(start..).unwrap_or(""));
}

/// The number of newlines in `s` and of code points (bytes that do not
/// continue a UTF-8 sequence), eight bytes at a time: each byte's verdict
/// is tallied in its own lane of a `u64` (at most 255 words a block, so no
/// lane overflows), and the lanes are summed once a block.
fn count_lines_and_chars(s: &[u8]) -> (usize, usize) {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = LO << 7;
    const NEWLINES: u64 = LO * 0x0A;
    let (mut newlines, mut chars) = (0usize, 0usize);
    for block in s.chunks(8 * 255) {
        let mut words = block.chunks_exact(8);
        let (mut nl, mut cont) = (0u64, 0u64);
        for w in &mut words {
            let x = u64::from_le_bytes(<[u8; 8]>::try_from(w).unwrap_or([0; 8]));
            // 0b10xxxxxx: bit 7 set, bit 6 (shifted up to bit 7) clear.
            cont += (x & !(x << 1) & HI) >> 7;
            // A newline is a zero byte of `t`; a byte's bit 7 below is set
            // exactly when the byte is not zero (no carry crosses a byte).
            let t = x ^ NEWLINES;
            nl += (!(((t & !HI) + !HI) | t) & HI) >> 7;
        }
        let rest = words.remainder();
        newlines += sum_lanes(nl);
        chars += (block.len() - rest.len()) - sum_lanes(cont);
        for &b in rest {
            newlines += usize::from(b == b'\n');
            chars += usize::from(b & 0xC0 != 0x80);
        }
    }
    (newlines, chars)
}

/// The sum of the eight byte lanes of `x`.
fn sum_lanes(x: u64) -> usize {
    const PAIRS: u64 = 0x00FF_00FF_00FF_00FF;
    let x = (x & PAIRS) + ((x >> 8) & PAIRS);
    usize::from(u16::try_from(x.wrapping_mul(0x0001_0001_0001_0001) >> 48).unwrap_or(0))
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
    let items = || {
        errors().filter_map(|v| match &v.aws {
            AwsText::Item(s) => Some(s.as_str()),
            _ => None,
        })
    };
    let listed = items().count();
    if listed == 0 {
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
    let n = listed + unlisted;
    let noun = if n == 1 { "error" } else { "errors" };
    let quoted = || items().take(MAX_AWS_ITEMS);
    // `{n} validation {noun} detected: ` then the items joined by `; `.
    let len = quoted().map(|s| s.len() + 2).sum::<usize>() + 48;
    let mut out = String::with_capacity(len);
    push_usize(&mut out, n);
    out.push_str(" validation ");
    out.push_str(noun);
    out.push_str(" detected: ");
    for (i, item) in quoted().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        out.push_str(item);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{count_lines_and_chars, push_json_str};
    use crate::{validate_str, validate_value, Operation, Options, Report};

    #[test]
    fn json_strings_are_escaped_as_serde_json_escapes_them() {
        let mut all = String::new();
        for c in (0u32..0x300).chain([0x2028, 0x2029, 0xFEFF, 0x1F600]) {
            all.extend(char::from_u32(c));
        }
        let mut shifted = Vec::new();
        for c in (0u8..0x80).map(char::from) {
            for at in 0..17 {
                let mut t = "abcdefghijklmnopq".to_string();
                t.insert(at, c);
                shifted.push(t);
            }
        }
        for s in ["", "plain", "a\"b\\c", "\u{7f}", "é\n€\t😀", &all]
            .into_iter()
            .chain(shifted.iter().map(String::as_str))
        {
            let mut out = String::new();
            push_json_str(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap_or_default(), "{s:?}");
        }
    }

    /// Every request of the shared vectors (and each as an object, without
    /// positions): the hand-written JSON is the derived one.
    #[test]
    fn to_json_writes_what_serde_json_writes_for_every_vector() {
        fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    files(&p, out);
                } else if p.extension().is_some_and(|x| x == "json") {
                    out.push(p);
                }
            }
        }
        let check = |r: &Report| {
            assert_eq!(r.to_json(), serde_json::to_string(r).unwrap());
            // The compact answer holds the same values, in the same order.
            let derived = serde_json::to_value(r).unwrap();
            for positions in [true, false] {
                let mut text = String::new();
                r.write_compact(&mut text, positions);
                assert_eq!(
                    from_compact(&text, positions),
                    derived_without(&derived, positions)
                );
            }
        };
        let mut paths = Vec::new();
        files(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors"),
            &mut paths,
        );
        let (mut reports, mut invalid) = (0, 0);
        for p in paths {
            let file: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            for case in file["cases"].as_array().into_iter().flatten() {
                let Some(op) = case["operation"]
                    .as_str()
                    .and_then(|o| o.parse::<Operation>().ok())
                else {
                    continue;
                };
                let options = Options::default();
                if let Some(text) = case["requestText"].as_str() {
                    check(&validate_str(op, text, &options));
                }
                if !case["request"].is_null() {
                    let text = serde_json::to_string(&case["request"]).unwrap();
                    let r = validate_str(op, &text, &options);
                    invalid += usize::from(!r.is_valid());
                    check(&r);
                    check(&validate_value(op, &case["request"], &options));
                    reports += 1;
                }
            }
        }
        assert!(
            reports > 1000 && invalid > 500,
            "{reports} reports, {invalid} invalid"
        );
    }

    /// The report that a compact answer stands for, built as the npm shim
    /// builds it (`fromCompact` in js/src/core.js).
    fn from_compact(text: &str, positions: bool) -> serde_json::Value {
        use serde_json::{json, Value};
        let list: Vec<Value> = serde_json::from_str(text).unwrap();
        let stride = if positions { 10 } else { 7 };
        assert_eq!((list.len() - 2) % stride, 0, "{text}");
        let violations: Vec<Value> = list[2..]
            .chunks(stride)
            .map(|v| {
                let position = if positions && !v[7].is_null() {
                    json!({ "offset": v[7], "line": v[8], "column": v[9] })
                } else {
                    Value::Null
                };
                json!({ "code": v[0], "path": v[1], "message": v[2], "severity": v[3],
                    "source": v[4], "rule": v[5], "help": v[6], "position": position })
            })
            .collect();
        json!({ "valid": list[0], "violations": violations, "awsMessage": list[1] })
    }

    /// `report` (a derived report value), its positions `null` unless
    /// `positions`.
    fn derived_without(report: &serde_json::Value, positions: bool) -> serde_json::Value {
        let mut r = report.clone();
        if !positions {
            for v in r["violations"].as_array_mut().unwrap() {
                v["position"] = serde_json::Value::Null;
            }
        }
        r
    }

    /// The byte-at-a-time count the word-wise one replaces.
    fn naive(s: &[u8]) -> (usize, usize) {
        let newlines = s.iter().filter(|&&b| b == b'\n').count();
        let chars = s.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        (newlines, chars)
    }

    #[test]
    fn lines_and_chars_are_counted_as_byte_by_byte() {
        let mut text = String::new();
        for i in 0..3000 {
            text.push(match i % 7 {
                0 => '\n',
                1 => 'é',
                2 => '€',
                3 => '😀',
                4 => '\u{0B}',
                5 => '\u{8A}',
                _ => 'x',
            });
        }
        let bytes = text.as_bytes();
        for len in (0..bytes.len()).step_by(37).chain([bytes.len()]) {
            for start in [0, 1, 3, 7] {
                let s = &bytes[start.min(len)..len];
                assert_eq!(count_lines_and_chars(s), naive(s), "{start}..{len}");
            }
        }
        // Every byte value, in every lane position.
        let all: Vec<u8> = (0..=255u8).cycle().take(255 * 9 + 5).collect();
        for start in 0..9 {
            assert_eq!(count_lines_and_chars(&all[start..]), naive(&all[start..]));
        }
        assert_eq!(count_lines_and_chars(&[b'\n'; 4000]), (4000, 4000));
        assert_eq!(count_lines_and_chars(&[0x80; 4000]), (0, 0));
    }
}

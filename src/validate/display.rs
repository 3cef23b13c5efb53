//! The text form of a [`Report`] and a [`Violation`]: what the CLI prints.
//! Their `Display` is the plain form; [`Report::text`] adds the file name
//! with positions and colour, as the CLI asks, through the same functions,
//! so there is one formatting of a violation.
//!
//! Everything that comes from the request or the caller (the JSON Pointer,
//! the message and its help, which quote request values, the AWS message
//! and the file name) is written through [`Escaped`], so that no control
//! character reaches a terminal or a CI log: `\n`, `\r` and `\t` are
//! written so, every other C0 control, DEL and C1 control as `\u{1b}`
//! (Rust's escape form, lower-case hex), and so are the Unicode line and
//! paragraph separators (U+2028, U+2029) and the bidirectional embedding,
//! override and isolate controls (U+202A to U+202E, U+2066 to U+2069), which
//! can make a log line read as something it is not. A backslash is left as
//! it is (patterns quote it), so the form is for people, not for parsing:
//! the JSON and SARIF outputs carry the exact text.

use crate::{Report, Severity, Violation};
use std::fmt::{self, Display, Write};

/// How the text form is dressed: colour (ANSI escapes) and the file name
/// that prefixes each violation with `file:line:column: `.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Style<'a> {
    /// Paint the verdict and the severity labels.
    pub(crate) colour: bool,
    /// Prefix each violation that has a position with `file:line:column: `.
    pub(crate) file: Option<&'a str>,
}

/// `s` between the ANSI escape `code` and a reset when `colour` is set.
pub(crate) fn paint(colour: bool, code: &str, s: &str) -> String {
    if colour {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_owned()
    }
}

/// Whether `c` is written escaped by [`Escaped`].
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with its control characters escaped (see the module documentation);
/// borrowed as it is when there is none.
#[cfg(any(feature = "cli", feature = "node-cli"))]
pub(crate) fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(needs_escape) {
        std::borrow::Cow::Owned(Escaped(s).to_string())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Writes its text with control characters escaped (see the module
/// documentation).
pub(crate) struct Escaped<'a>(pub(crate) &'a str);

impl Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some((i, c)) = rest.char_indices().find(|&(_, c)| needs_escape(c)) {
            let (plain, tail) = rest.split_at_checked(i).unwrap_or((rest, ""));
            f.write_str(plain)?;
            match c {
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                c => write!(f, "\\u{{{:x}}}", u32::from(c))?,
            }
            rest = tail.get(c.len_utf8()..).unwrap_or_default();
        }
        f.write_str(rest)
    }
}

/// One violation: `{indent}{at}{severity}[{code}] {path}: {message} ({source}, {rule})`
/// and, when there is one, `\n{indent}  help: {help}`; no final newline.
pub(crate) fn write_violation(
    out: &mut impl Write,
    v: &Violation,
    indent: &str,
    style: Style<'_>,
) -> fmt::Result {
    let label = v.severity().as_str();
    let c = match v.severity() {
        Severity::Error => "31",
        Severity::Warning => "33",
    };
    let path = if v.path().is_empty() { "/" } else { v.path() };
    write!(out, "{indent}")?;
    if let (Some(file), Some(p)) = (style.file, v.position()) {
        write!(out, "{}:{}:{}: ", Escaped(file), p.line, p.column)?;
    }
    write!(
        out,
        "{}[{}] {}: {} ({}, {})",
        paint(style.colour, c, label),
        v.code(),
        Escaped(path),
        Escaped(v.message()),
        v.source().as_str(),
        v.rule()
    )?;
    if let Some(help) = v.help() {
        write!(out, "\n{indent}  help: {}", Escaped(help))?;
    }
    Ok(())
}

/// A report: the verdict line `valid|invalid (N error(s), M warning(s))`,
/// then each violation indented by two spaces, then `  aws: …` when AWS
/// would answer with a message; no final newline.
pub(crate) fn write_report(out: &mut impl Write, report: &Report, style: Style<'_>) -> fmt::Result {
    let errors = report.errors().count();
    let warnings = report.violations().len() - errors;
    let verdict = if report.is_valid() {
        paint(style.colour, "32", "valid")
    } else {
        paint(style.colour, "31", "invalid")
    };
    write!(out, "{verdict} ({errors} error(s), {warnings} warning(s))")?;
    for v in report.violations() {
        out.write_char('\n')?;
        write_violation(out, v, "  ", style)?;
    }
    if let Some(aws) = report.aws_message() {
        write!(out, "\n  aws: {}", Escaped(aws))?;
    }
    Ok(())
}

/// The CLI's text form of one violation, without colour and position:
/// severity, code, JSON Pointer (`/` for the request itself), message,
/// provenance and rule id on one line, then `  help: …` on a second line
/// when there is a hint. Control characters of the request (in the
/// pointer, the message and the help) are escaped: a newline is `\n`, an
/// escape `\u{1b}`.
///
/// ```
/// use iot_jobs_policy::{validate_str, Operation, Options};
/// let report = validate_str(Operation::DescribeJob, r#"{"jobId": "my job"}"#, &Options::default());
/// assert_eq!(
///     report.violations()[0].to_string(),
///     "error[pattern] /jobId: `my job` does not match the pattern `[a-zA-Z0-9_-]+`: ` ` is not allowed (model, model.pattern)"
/// );
/// let report = validate_str(Operation::DescribeJob, r#"{"jobId": "j", "jobid": 1}"#, &Options::default());
/// let text = report.violations()[0].to_string();
/// assert!(text.starts_with("error[unknownField] /jobid: "), "{text}");
/// assert!(text.ends_with("\n  help: did you mean `jobId`?"), "{text}");
/// let report = validate_str(Operation::DescribeJob, r#"{"jobId": "a\n\u001b[2Jb"}"#, &Options::default());
/// let text = report.violations()[0].to_string();
/// assert!(!text.contains('\u{1b}') && text.contains(r"\u{1b}[2Jb` does not match"), "{text}");
/// assert!(!report.to_string().contains('\u{1b}'));
/// ```
impl Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_violation(f, self, "", Style::default())
    }
}

/// The CLI's text form of a report, without colour, file name and
/// positions: the verdict with the counts, one line per violation (and its
/// `help:` line) indented by two spaces, and the AWS message as `  aws: …`.
/// No final newline.
///
/// ```
/// use iot_jobs_policy::{validate_str, Operation, Options};
/// let report = validate_str(Operation::DescribeJob, r#"{"jobId": "my job"}"#, &Options::default());
/// assert_eq!(
///     report.to_string(),
///     "invalid (1 error(s), 0 warning(s))\n  \
///      error[pattern] /jobId: `my job` does not match the pattern `[a-zA-Z0-9_-]+`: ` ` is not allowed (model, model.pattern)\n  \
///      aws: 1 validation error detected: Value 'my job' at 'jobId' failed to satisfy constraint: \
///      Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+"
/// );
/// let ok = validate_str(Operation::DescribeJob, r#"{"jobId": "job-1"}"#, &Options::default());
/// assert_eq!(ok.to_string(), "valid (0 error(s), 0 warning(s))");
/// ```
impl Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_report(f, self, Style::default())
    }
}

impl Report {
    /// The text form of the report, as [`Display`] writes it, with the
    /// dressing the command line adds on request: a file name before each
    /// violation that has a position ([`ReportText::file`]) and colour
    /// ([`ReportText::colour`]). Without either it is the report's
    /// `Display`.
    ///
    /// ```
    /// use iot_jobs_policy::{validate_str, Operation, Options};
    /// let report = validate_str(Operation::DescribeJob, "{\"jobId\": \"my job\"}", &Options::default());
    /// let text = report.text().file("job.json").to_string();
    /// assert!(text.contains("\n  job.json:1:11: error[pattern] /jobId: "), "{text}");
    /// assert_eq!(report.text().to_string(), report.to_string());
    /// let painted = report.text().colour(true).to_string();
    /// assert!(painted.starts_with("\x1b[31minvalid\x1b[0m (1 error(s)"), "{painted}");
    /// ```
    pub fn text(&self) -> ReportText<'_> {
        ReportText {
            report: self,
            style: Style::default(),
        }
    }
}

/// The text form of a [`Report`] with a file name and colour, made by
/// [`Report::text`]; write it with `Display` (`to_string`, `write!`).
///
/// The form: the verdict line `valid|invalid (N error(s), M warning(s))`;
/// each violation on its own line, indented by two spaces, as `[file:line:column: ]severity[code] path: message (source, rule)`
/// (the file part when a file name is set and the violation has a
/// position), with its `  help: …` line below when it has a hint; then
/// `  aws: …` when AWS would answer with a message. No final newline.
#[derive(Debug, Clone, Copy)]
#[must_use]
pub struct ReportText<'a> {
    /// The report written.
    report: &'a Report,
    /// The file name and colour.
    style: Style<'a>,
}

impl<'a> ReportText<'a> {
    /// Prefixes each violation that has a position with `{name}:{line}:{column}: `.
    pub fn file(self, name: &'a str) -> Self {
        Self {
            style: Style {
                file: Some(name),
                ..self.style
            },
            ..self
        }
    }

    /// Paints the verdict and the severity labels with ANSI escapes when
    /// `on` (red for errors and `invalid`, yellow for warnings, green for
    /// `valid`).
    pub fn colour(self, on: bool) -> Self {
        Self {
            style: Style {
                colour: on,
                ..self.style
            },
            ..self
        }
    }
}

impl Display for ReportText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_report(f, self.report, self.style)
    }
}

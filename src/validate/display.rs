//! The text form of a [`Report`] and a [`Violation`]: what the CLI prints,
//! without the file name, positions and colour (which the CLI adds through
//! the same functions, so there is one formatting of a violation).

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
        write!(out, "{file}:{}:{}: ", p.line, p.column)?;
    }
    write!(
        out,
        "{}[{}] {}: {} ({}, {})",
        paint(style.colour, c, label),
        v.code(),
        path,
        v.message(),
        v.source().as_str(),
        v.rule()
    )?;
    if let Some(help) = v.help() {
        write!(out, "\n{indent}  help: {help}")?;
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
        write!(out, "\n  aws: {aws}")?;
    }
    Ok(())
}

/// The CLI's text form of one violation, without colour and position:
/// severity, code, JSON Pointer (`/` for the request itself), message,
/// provenance and rule id on one line, then `  help: …` on a second line
/// when there is a hint.
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

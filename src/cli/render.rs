//! The CLI's outputs as text: a report for people (built on
//! [`crate::validate::display`]), the JSON listing, the summary and the rule list.

use crate::validate::display::{write_report, Style};
use crate::{rules, Operation, Report, Severity};

/// One file's report for people: `{file}: {op} request is …`, one line per
/// violation with `file:line:column:` first, colour when asked.
pub(crate) fn text(report: &Report, file: &str, op: Operation, colour: bool) -> String {
    let name = if file == "-" { "<stdin>" } else { file };
    let mut out = format!("{name}: {op} request is ");
    let style = Style {
        colour,
        file: Some(name),
    };
    // Writing to a String cannot fail.
    let _ = write_report(&mut out, report, style);
    out.push('\n');
    out
}

/// The closing line of a text run over several files.
pub(crate) fn summary(reports: &[(String, Report)]) -> String {
    let valid = reports.iter().filter(|(_, r)| r.is_valid()).count();
    let errors: usize = reports.iter().map(|(_, r)| r.errors().count()).sum();
    let all: usize = reports.iter().map(|(_, r)| r.violations().len()).sum();
    format!(
        "{} files: {valid} valid, {} invalid; {errors} error(s), {} warning(s)\n",
        reports.len(),
        reports.len() - valid,
        all - errors
    )
}

/// `--format json`: the bare report for one plain file, otherwise one
/// `{"file","report"}` line per file.
pub(crate) fn json(reports: &[(String, Report)], listing: bool) -> String {
    match reports {
        [(_, report)] if !listing => report.to_json() + "\n",
        _ => reports
            .iter()
            .map(|(file, report)| {
                format!(
                    "{{\"file\":{},\"report\":{}}}\n",
                    serde_json::json!(file),
                    report.to_json()
                )
            })
            .collect(),
    }
}

/// `rules` as text: one aligned line per rule and its link below.
pub(crate) fn rules_text() -> String {
    rules()
        .iter()
        .map(|r| {
            let reference = r.reference.map(|x| format!(" [{x}]")).unwrap_or_default();
            format!(
                "{:<40} {:<18} {:<8} {:<10} {}{reference}\n    {}\n",
                r.id,
                r.code.as_str(),
                match r.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                r.source.as_str(),
                r.summary,
                r.link
            )
        })
        .collect()
}

//! The CLI's outputs as text: a report for people (the public
//! [`Report::text`]), the JSON listing, the summary and the rule list.

use crate::{machine_rules, reference_rules, rules, Operation, Reference, Report, Severity};

/// One file's report for people: `{file}: {op} request is …`, one line per
/// violation with `file:line:column:` first, colour when asked; control
/// characters in the file name are escaped, as in the report.
pub(crate) fn text(report: &Report, file: &str, op: Operation, colour: bool) -> String {
    let name = if file == "-" { "<stdin>" } else { file };
    format!(
        "{}: {op} request is {}\n",
        crate::validate::display::Escaped(name),
        report.text().file(name).colour(colour)
    )
}

/// The report of a replay scenario's invalid job for people:
/// `{file}: job: CreateJob request is …`, then the violations with their
/// paths inside the scenario (`/job/jobId`, `/job` for the request
/// itself), without positions (the job is validated as a value read from
/// the scenario); colour when asked, as [`text`].
pub(crate) fn scenario_job_text(report: &Report, file: &str, colour: bool) -> String {
    let name = if file == "-" { "<stdin>" } else { file };
    let mut within = report.clone();
    for v in &mut within.violations {
        v.path.insert_str(0, "/job");
        v.position = None;
    }
    format!(
        "{}: job: {} request is {}\n",
        crate::validate::display::Escaped(name),
        Operation::CreateJob,
        within.text().colour(colour)
    )
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

/// `rules` as text, in three sections: the validator's rules (one aligned
/// line each and its link below), then the machine's rules and the reference
/// entries (id, provenance and summary, then the choice made, if any, and
/// the links).
pub(crate) fn rules_text() -> String {
    let mut out = String::from("validator rules\n");
    for r in rules() {
        let reference = if r.reference.is_empty() {
            String::new()
        } else {
            format!(" [{}]", r.reference.join(", "))
        };
        out.push_str(&format!(
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
        ));
    }
    out.push_str("\nmachine rules (J: job transitions, E: execution transitions, R: runtime)\n");
    references(&mut out, machine_rules());
    out.push_str(
        "\nreference (V: documented request rules, Q: quotas, C: contradictions between sources)\n",
    );
    references(&mut out, reference_rules());
    out
}

/// One entry per reference: `id provenance summary`, then `choice: …` when
/// there is one, then the links.
fn references(out: &mut String, entries: &[Reference]) {
    for r in entries {
        out.push_str(&format!(
            "{:<6} {:<14} {}\n",
            r.id,
            r.provenance.as_str(),
            r.summary
        ));
        if let Some(choice) = r.choice {
            out.push_str(&format!("    choice: {choice}\n"));
        }
        for link in r.links {
            out.push_str(&format!("    {link}\n"));
        }
    }
}

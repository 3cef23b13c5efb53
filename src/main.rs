//! The `iot-jobs-policy` command: validate AWS IoT Jobs requests from files
//! or standard input, and list the rules.
//!
//! Exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage error or
//! unreadable input.

use iot_jobs_policy::{ffi, rules, Operation, Options, Report, Severity};
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

#[path = "glob.rs"]
mod glob;

const USAGE: &str = r#"usage:
  iot-jobs-policy validate <OPERATION> [FILE|GLOB|-]... [--api 2022-01|latest]
                  [--profile documented|model] [--now <RFC 3339 | epoch ms>]
                  [--format text|json|sarif] [--document-schema SCHEMA.json]
  iot-jobs-policy rules [--format text|json]
  iot-jobs-policy schema <OPERATION> [--api 2022-01|latest]
                  [--dialect 2020-12|draft-07] [--profile documented|model]
  iot-jobs-policy replay <SCENARIO.json|-> [--format text|json]
  iot-jobs-policy --help | --version

OPERATION is CreateJob, CreateJobTemplate, DescribeJob, DescribeJobTemplate,
ListJobExecutionsForJob, ListJobExecutionsForThing or UpdateJob (or the
snake_case form, e.g. create_job). FILE defaults to standard input; a GLOB
(`*`, `?`, `**`) is expanded by the tool, in sorted order. With several files,
text output ends with a summary and JSON output is one {"file","report"} line
per file; SARIF output is one log for all of them. --document-schema checks
each inline job document against your JSON Schema (violations under /document).

exit status: 0 valid (warnings allowed), 1 invalid, 2 usage error or unreadable input"#;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Sarif,
}

struct Usage(String);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(Usage(message)) => {
            eprintln!("iot-jobs-policy: {message}");
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<u8, Usage> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Usage(String::from("no command given")));
    };
    match command.as_str() {
        "validate" => validate(rest),
        "rules" => list_rules(rest),
        "schema" => print_schema(rest),
        "replay" => replay(rest),
        "--help" | "-h" | "help" => {
            println!("{USAGE}");
            Ok(0)
        }
        "--version" | "-V" => {
            println!("iot-jobs-policy {}", env!("CARGO_PKG_VERSION"));
            Ok(0)
        }
        other => Err(Usage(format!("unknown command `{other}`"))),
    }
}

/// Positional arguments and `(flag, value)` pairs.
type Parsed<'a> = (Vec<&'a str>, Vec<(&'a str, &'a str)>);

/// Splits `--flag value` / `--flag=value` options from positional arguments.
fn parse_flags<'a>(args: &'a [String], known: &[&str]) -> Result<Parsed<'a>, Usage> {
    let mut positional = Vec::new();
    let mut flags = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "-" || !arg.starts_with("--") {
            positional.push(arg.as_str());
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (arg.as_str(), None),
        };
        if !known.contains(&name) {
            return Err(Usage(format!("unknown option `{name}`")));
        }
        let value = match inline {
            Some(v) => v,
            None => it
                .next()
                .map(String::as_str)
                .ok_or_else(|| Usage(format!("option `{name}` needs a value")))?,
        };
        flags.push((name, value));
    }
    Ok((positional, flags))
}

fn parse_format(value: &str) -> Result<Format, Usage> {
    match value {
        "text" => Ok(Format::Text),
        "json" => Ok(Format::Json),
        "sarif" => Ok(Format::Sarif),
        other => Err(Usage(format!(
            "unknown format `{other}`; expected `text`, `json` or `sarif`"
        ))),
    }
}

fn validate(args: &[String]) -> Result<u8, Usage> {
    let (positional, flags) = parse_flags(
        args,
        &[
            "--api",
            "--profile",
            "--now",
            "--format",
            "--document-schema",
        ],
    )?;
    let mut options = Options::default();
    let mut format = Format::Text;
    let mut document_schema = None;
    for (name, value) in flags {
        match name {
            "--document-schema" => document_schema = Some(load_document_schema(value)?),
            "--api" => options.api = value.parse().map_err(Usage)?,
            "--profile" => options.profile = value.parse().map_err(Usage)?,
            "--now" => {
                let json = serde_json::json!({ "now": value }).to_string();
                options.now_ms = ffi::parse_options(&json)
                    .map_err(|e| Usage(e.message().to_owned()))?
                    .now_ms;
            }
            _ => format = parse_format(value)?,
        }
    }
    let Some((op, inputs)) = positional.split_first() else {
        return Err(Usage(String::from("validate needs an OPERATION")));
    };
    let op: Operation = op
        .parse()
        .map_err(|e: iot_jobs_policy::UnknownOperation| Usage(e.to_string()))?;
    // One plain FILE (or stdin) prints the bare report; several or a glob print a listing.
    let listing = inputs.len() > 1 || inputs.iter().any(|i| i.contains(['*', '?']));
    let mut files: Vec<String> = Vec::new();
    let mut failed = false;
    if inputs.is_empty() {
        files.push(String::from("-"));
    }
    for input in inputs {
        match glob::expand(input) {
            Ok(found) if found.is_empty() => {
                eprintln!("iot-jobs-policy: `{input}` matches no file");
                failed = true;
            }
            Ok(found) => files.extend(found),
            Err(e) => {
                eprintln!("iot-jobs-policy: {e}");
                failed = true;
            }
        }
    }
    if files.iter().filter(|f| *f == "-").count() > 1 {
        return Err(Usage(String::from(
            "standard input (`-`) can be read only once",
        )));
    }
    let mut reports: Vec<(String, Report)> = Vec::new();
    for file in &files {
        match read_input(file) {
            Ok(bytes) => reports.push((
                file.clone(),
                check(op, &bytes, &options, document_schema.as_ref()),
            )),
            Err(Usage(message)) => {
                eprintln!("iot-jobs-policy: {message}");
                failed = true;
            }
        }
    }
    if reports.is_empty() && failed {
        return Err(Usage(String::from("no input could be read")));
    }
    let out = match format {
        Format::Json => match reports.as_slice() {
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
        },
        Format::Sarif => iot_jobs_policy::sarif::to_sarif(&reports) + "\n",
        Format::Text => {
            let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let mut out: String = reports
                .iter()
                .map(|(file, r)| render_text(r, file, op, colour))
                .collect();
            if reports.len() > 1 {
                out.push_str(&summary(&reports));
            }
            out
        }
    };
    write_stdout(&out);
    Ok(if failed {
        2
    } else if reports.iter().all(|(_, r)| r.is_valid()) {
        0
    } else {
        1
    })
}

#[cfg(feature = "document-schema")]
type DocumentSchema = iot_jobs_policy::document_schema::DocumentSchema;
/// Without the `document-schema` feature the flag is refused.
#[cfg(not(feature = "document-schema"))]
type DocumentSchema = std::convert::Infallible;

#[cfg(feature = "document-schema")]
fn load_document_schema(file: &str) -> Result<DocumentSchema, Usage> {
    let text =
        std::fs::read_to_string(file).map_err(|e| Usage(format!("cannot read {file}: {e}")))?;
    DocumentSchema::from_json(&text).map_err(|e| Usage(format!("{file}: {}", e.message())))
}

#[cfg(not(feature = "document-schema"))]
fn load_document_schema(_: &str) -> Result<DocumentSchema, Usage> {
    Err(Usage(String::from(
        "--document-schema needs the `document-schema` feature",
    )))
}

fn check(
    op: Operation,
    bytes: &[u8],
    options: &Options,
    schema: Option<&DocumentSchema>,
) -> Report {
    match schema {
        #[cfg(feature = "document-schema")]
        Some(schema) => iot_jobs_policy::document_schema::validate_bytes_with_document_schema(
            op, bytes, options, schema,
        ),
        #[cfg(not(feature = "document-schema"))]
        Some(never) => match *never {},
        None => iot_jobs_policy::validate_bytes(op, bytes, options),
    }
}

fn summary(reports: &[(String, Report)]) -> String {
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

/// Reads at most one byte more than the limit, so a huge input is refused
/// (`tooLarge`) without being read whole.
fn read_input(file: &str) -> Result<Vec<u8>, Usage> {
    let limit = (iot_jobs_policy::MAX_REQUEST_BYTES + 1) as u64;
    let mut bytes = Vec::new();
    let result = if file == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    let name = if file == "-" { "standard input" } else { file };
    result.map_err(|e| Usage(format!("cannot read {name}: {e}")))?;
    Ok(bytes)
}

fn write_stdout(s: &str) {
    let mut out = std::io::stdout().lock();
    // A closed pipe (e.g. `| head`) is not an error worth a panic.
    let _ = out.write_all(s.as_bytes()).and_then(|()| out.flush());
}

fn paint(colour: bool, code: &str, s: &str) -> String {
    if colour {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_owned()
    }
}

fn render_text(report: &Report, file: &str, op: Operation, colour: bool) -> String {
    let name = if file == "-" { "<stdin>" } else { file };
    let errors = report.errors().count();
    let warnings = report.violations().len() - errors;
    let verdict = if report.is_valid() {
        paint(colour, "32", "valid")
    } else {
        paint(colour, "31", "invalid")
    };
    let mut out =
        format!("{name}: {op} request is {verdict} ({errors} error(s), {warnings} warning(s))\n");
    for v in report.violations() {
        let (label, c) = match v.severity() {
            Severity::Error => ("error", "31"),
            Severity::Warning => ("warning", "33"),
        };
        let path = if v.path().is_empty() { "/" } else { v.path() };
        let at = v
            .position()
            .map(|p| format!("{name}:{}:{}: ", p.line, p.column))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {at}{}[{}] {}: {} ({}, {})\n",
            paint(colour, c, label),
            v.code(),
            path,
            v.message(),
            v.source().as_str(),
            v.rule()
        ));
        if let Some(help) = v.help() {
            out.push_str(&format!("    help: {help}\n"));
        }
    }
    if let Some(aws) = report.aws_message() {
        out.push_str(&format!("  aws: {aws}\n"));
    }
    out
}

fn replay(args: &[String]) -> Result<u8, Usage> {
    let (positional, flags) = parse_flags(args, &["--format"])?;
    let mut format = Format::Text;
    for (_, value) in flags {
        format = parse_format(value)?;
    }
    let file = match positional.as_slice() {
        [file] => *file,
        _ => {
            return Err(Usage(String::from(
                "replay takes exactly one SCENARIO file",
            )))
        }
    };
    let bytes = read_input(file)?;
    let text = String::from_utf8(bytes).map_err(|_| Usage(format!("{file} is not UTF-8")))?;
    let out = match format {
        Format::Json | Format::Sarif => {
            iot_jobs_policy::replay::replay_json(&text).map(|s| s + "\n")
        }
        Format::Text => iot_jobs_policy::replay::replay_text(&text),
    };
    match out {
        Ok(out) => {
            write_stdout(&out);
            Ok(0)
        }
        Err(e) => {
            eprintln!("iot-jobs-policy: {file}: {e}");
            Ok(2)
        }
    }
}

fn print_schema(args: &[String]) -> Result<u8, Usage> {
    use iot_jobs_policy::schema_export::{json_schema_string_for, Dialect};
    let (positional, flags) = parse_flags(args, &["--api", "--dialect", "--profile"])?;
    let mut options = Options::default();
    let mut dialect = Dialect::Draft202012;
    for (name, value) in flags {
        match name {
            "--api" => options.api = value.parse().map_err(Usage)?,
            "--profile" => options.profile = value.parse().map_err(Usage)?,
            _ => dialect = value.parse().map_err(Usage)?,
        }
    }
    let op = match positional.as_slice() {
        [op] => op
            .parse()
            .map_err(|e: iot_jobs_policy::UnknownOperation| Usage(e.to_string()))?,
        _ => return Err(Usage(String::from("schema takes exactly one OPERATION"))),
    };
    write_stdout(&json_schema_string_for(
        op,
        options.api,
        options.profile,
        dialect,
    ));
    Ok(0)
}

fn list_rules(args: &[String]) -> Result<u8, Usage> {
    let (positional, flags) = parse_flags(args, &["--format"])?;
    if let Some(extra) = positional.first() {
        return Err(Usage(format!("rules takes no argument, got `{extra}`")));
    }
    let mut format = Format::Text;
    for (_, value) in flags {
        format = parse_format(value)?;
    }
    let out = match format {
        Format::Json | Format::Sarif => ffi::rules_json() + "\n",
        Format::Text => rules()
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
            .collect(),
    };
    write_stdout(&out);
    Ok(0)
}

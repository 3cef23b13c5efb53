//! The `iot-jobs-policy` command line as a library: argument parsing, the
//! commands and their outputs, with the outside world behind a [`Host`].
//!
//! Nothing here touches the file system, standard input, the environment or
//! the process: the native binary (`src/bin/iot-jobs-policy`) implements
//! [`Host`] with `std`, and the npm package's `iot-jobs-policy` bin
//! implements it with Node's `fs` through the WebAssembly export `cliRun`.
//! Both therefore print the same bytes and exit with the same code. Globs
//! are matched here too; a host only lists directories.
//!
//! Exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage error or
//! unreadable input.
//!
//! Only with the `cli` feature (which adds `--document-schema`) or the
//! `extras` feature (the WebAssembly build, where `--document-schema` is a
//! usage error).
//!
//! ```
//! use iot_jobs_policy::cli::{run, DirEntry, EntryKind, Host};
//!
//! /// A host with one request on standard input and the outputs collected.
//! struct Memory { stdin: Vec<u8>, out: String, err: String }
//! impl Host for Memory {
//!     fn read_file(&mut self, path: &str, _limit: usize) -> Result<Vec<u8>, String> {
//!         Err(format!("no file {path}"))
//!     }
//!     fn read_stdin(&mut self, limit: usize) -> Result<Vec<u8>, String> {
//!         Ok(self.stdin.iter().copied().take(limit).collect())
//!     }
//!     fn kind(&mut self, _path: &str) -> EntryKind { EntryKind::Missing }
//!     fn list_dir(&mut self, _dir: &str) -> Result<Vec<DirEntry>, String> { Ok(Vec::new()) }
//!     fn colour(&self) -> bool { false }
//!     fn stdout(&mut self, text: &str) { self.out.push_str(text) }
//!     fn stderr(&mut self, text: &str) { self.err.push_str(text) }
//! }
//!
//! let mut host = Memory { stdin: br#"{"jobId": "job 1"}"#.to_vec(), out: String::new(), err: String::new() };
//! let args = ["validate", "DescribeJob"].map(String::from);
//! assert_eq!(run(&args, &mut host), 1);
//! assert!(host.out.starts_with("<stdin>: DescribeJob request is invalid (1 error(s), 0 warning(s))\n"));
//! assert!(host.out.contains("<stdin>:1:11: error[pattern] /jobId: "));
//! assert_eq!(run(&["rules".into(), "--format".into(), "sarif".into()], &mut host), 2);
//! assert!(host.err.contains("usage:"));
//! ```

mod args;
mod glob;
mod render;

use crate::{Operation, Options, Report};
use args::{Command, Format, TextOrJson};

/// What a path is, following symbolic links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A regular file (or a link to one).
    File,
    /// A directory (or a link to one).
    Dir,
    /// Anything else, or nothing at all.
    Missing,
}

/// One entry of a directory listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    /// The entry's file name (no directory part).
    pub name: String,
    /// Whether the entry itself is a directory; a symbolic link to a
    /// directory is not (globs do not descend through links).
    pub dir: bool,
}

/// The outside world of the command line. Errors are the operating
/// system's message (`No such file or directory (os error 2)`), printed
/// after `cannot read FILE: `.
pub trait Host {
    /// Reads at most `limit` bytes of the file at `path`.
    ///
    /// # Errors
    /// The reason the file cannot be opened or read.
    fn read_file(&mut self, path: &str, limit: usize) -> Result<Vec<u8>, String>;
    /// Reads at most `limit` bytes of standard input (called at most once
    /// per run).
    ///
    /// # Errors
    /// The reason standard input cannot be read.
    fn read_stdin(&mut self, limit: usize) -> Result<Vec<u8>, String>;
    /// What `path` is, following symbolic links.
    fn kind(&mut self, path: &str) -> EntryKind;
    /// The entries of the directory `dir`, in any order (globs sort).
    ///
    /// # Errors
    /// The reason the directory cannot be listed.
    fn list_dir(&mut self, dir: &str) -> Result<Vec<DirEntry>, String>;
    /// Whether text output may be coloured (a terminal, no `NO_COLOR`).
    fn colour(&self) -> bool;
    /// Writes to standard output.
    fn stdout(&mut self, text: &str);
    /// Writes to standard error.
    fn stderr(&mut self, text: &str);
}

/// The usage text (`--help`; after every usage error on standard error).
pub const USAGE: &str = r#"usage:
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

/// A usage error: the message, then [`USAGE`], exit code 2.
#[derive(Debug)]
pub(crate) struct Usage(pub(crate) String);

/// Runs the command line `args` (without the program name) against `host`
/// and answers the exit code: 0 valid, 1 invalid, 2 usage error or
/// unreadable input. Never panics, whatever the arguments and the host's
/// answers.
pub fn run(args: &[String], host: &mut dyn Host) -> u8 {
    let result = args::parse(args).and_then(|command| match command {
        Command::Validate(v) => validate(v, host),
        Command::Rules(r) => {
            host.stdout(&match r.format {
                TextOrJson::Text => render::rules_text(),
                TextOrJson::Json => crate::ffi::rules_json() + "\n",
            });
            Ok(0)
        }
        Command::Schema(s) => {
            host.stdout(&crate::schema_export::json_schema_string_for(
                s.operation,
                s.api,
                s.profile,
                s.dialect,
            ));
            Ok(0)
        }
        Command::Replay(r) => replay(&r, host),
        Command::Help => {
            host.stdout(&format!("{USAGE}\n"));
            Ok(0)
        }
        Command::Version => {
            host.stdout(&format!("iot-jobs-policy {}\n", env!("CARGO_PKG_VERSION")));
            Ok(0)
        }
    });
    match result {
        Ok(code) => code,
        Err(Usage(message)) => {
            host.stderr(&format!("iot-jobs-policy: {message}\n{USAGE}\n"));
            2
        }
    }
}

fn validate(args: args::Validate, host: &mut dyn Host) -> Result<u8, Usage> {
    let document_schema = match &args.document_schema {
        Some(file) => Some(load_document_schema(file, host)?),
        None => None,
    };
    let op = args::operation(&args.operation)?;
    let inputs = &args.inputs;
    // One plain FILE (or stdin) prints the bare report; several or a glob print a listing.
    let listing = inputs.len() > 1 || inputs.iter().any(|i| glob::is_glob(i));
    let mut files: Vec<String> = Vec::new();
    let mut failed = false;
    if inputs.is_empty() {
        files.push(String::from("-"));
    }
    for input in inputs {
        match glob::expand(input, host) {
            Ok(found) if found.is_empty() => {
                host.stderr(&format!("iot-jobs-policy: `{input}` matches no file\n"));
                failed = true;
            }
            Ok(found) => files.extend(found),
            Err(e) => {
                host.stderr(&format!("iot-jobs-policy: {e}\n"));
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
        match read_input(file, host) {
            Ok(bytes) => reports.push((
                file.clone(),
                check(op, &bytes, &args.options, document_schema.as_ref()),
            )),
            Err(Usage(message)) => {
                host.stderr(&format!("iot-jobs-policy: {message}\n"));
                failed = true;
            }
        }
    }
    if reports.is_empty() && failed {
        return Err(Usage(String::from("no input could be read")));
    }
    let out = match args.format {
        Format::Json => render::json(&reports, listing),
        Format::Sarif => crate::sarif::to_sarif(&reports) + "\n",
        Format::Text => {
            let colour = host.colour();
            let mut out: String = reports
                .iter()
                .map(|(file, r)| render::text(r, file, op, colour))
                .collect();
            if reports.len() > 1 {
                out.push_str(&render::summary(&reports));
            }
            out
        }
    };
    host.stdout(&out);
    Ok(if failed {
        2
    } else if reports.iter().all(|(_, r)| r.is_valid()) {
        0
    } else {
        1
    })
}

#[cfg(feature = "document-schema")]
type DocumentSchema = crate::document_schema::DocumentSchema;
/// Without the `document-schema` feature the flag is refused.
#[cfg(not(feature = "document-schema"))]
type DocumentSchema = std::convert::Infallible;

#[cfg(feature = "document-schema")]
fn load_document_schema(file: &str, host: &mut dyn Host) -> Result<DocumentSchema, Usage> {
    let bytes = host
        .read_file(file, usize::MAX)
        .map_err(|e| Usage(format!("cannot read {file}: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Usage(format!(
            "cannot read {file}: stream did not contain valid UTF-8"
        ))
    })?;
    DocumentSchema::from_json(&text).map_err(|e| Usage(format!("{file}: {}", e.message())))
}

#[cfg(not(feature = "document-schema"))]
fn load_document_schema(_: &str, _: &mut dyn Host) -> Result<DocumentSchema, Usage> {
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
        Some(schema) => {
            crate::document_schema::validate_bytes_with_document_schema(op, bytes, options, schema)
        }
        #[cfg(not(feature = "document-schema"))]
        Some(never) => match *never {},
        None => crate::validate_bytes(op, bytes, options),
    }
}

/// Reads at most one byte more than the limit, so a huge input is refused
/// (`tooLarge`) without being read whole.
fn read_input(file: &str, host: &mut dyn Host) -> Result<Vec<u8>, Usage> {
    let limit = crate::MAX_REQUEST_BYTES + 1;
    let (name, result) = if file == "-" {
        ("standard input", host.read_stdin(limit))
    } else {
        (file, host.read_file(file, limit))
    };
    let mut bytes = result.map_err(|e| Usage(format!("cannot read {name}: {e}")))?;
    // A host that gives more than asked for is cut to the limit.
    bytes.truncate(limit);
    Ok(bytes)
}

fn replay(args: &args::Replay, host: &mut dyn Host) -> Result<u8, Usage> {
    let file = args.file.as_str();
    let bytes = read_input(file, host)?;
    let text = String::from_utf8(bytes).map_err(|_| Usage(format!("{file} is not UTF-8")))?;
    let out = match args.format {
        TextOrJson::Json => crate::ffi::replay::replay_json(&text).map(|s| s + "\n"),
        TextOrJson::Text => crate::ffi::replay::replay_text(&text),
    };
    match out {
        Ok(out) => {
            host.stdout(&out);
            Ok(0)
        }
        Err(e) => {
            host.stderr(&format!("iot-jobs-policy: {file}: {e}\n"));
            Ok(2)
        }
    }
}

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
//! Exit codes: 0 valid (warnings allowed), 1 invalid (for `replay`: the
//! scenario's job, whose report is printed as `validate` prints it), 2 usage
//! error (for `replay`: a malformed scenario or event),
//! unreadable input or output that could not be written.
//!
//! Arguments are `OsStr`: a file name that is not UTF-8 (possible on Unix)
//! is read by its real name and printed in its lossy form (each invalid
//! byte sequence as U+FFFD); so is a glob match whose name is not UTF-8
//! (see the `glob` module). Every other argument (the command, an
//! OPERATION, an option and its value but `--document-schema`'s) must be
//! UTF-8, or it is a usage error. Every read is bounded: a request or a
//! scenario over [`MAX_REQUEST_BYTES`] is refused
//! with its size (from [`Host::size`] when the host knows it), a document
//! schema over [`MAX_DOCUMENT_SCHEMA_BYTES`] likewise. Text output and the
//! messages on standard error escape control characters (a newline as
//! `\n`, an escape as `\u{1b}`), so that a request value or a file name
//! cannot send escape sequences to a terminal or a CI log; JSON and SARIF
//! carry the exact text.
//!
//! Only with the `cli` feature (which adds `--document-schema`) or the
//! `extras` feature (the WebAssembly build, where `--document-schema` is a
//! usage error).
//!
//! ```
//! use iot_jobs_policy::cli::{run, DirEntry, EntryKind, Host};
//! use std::path::Path;
//!
//! /// A host with one request on standard input and the outputs collected.
//! struct Memory { stdin: Vec<u8>, out: String, err: String }
//! impl Host for Memory {
//!     fn read_file(&mut self, path: &Path, _limit: usize) -> Result<Vec<u8>, String> {
//!         Err(format!("no file {}", path.display()))
//!     }
//!     fn size(&mut self, _path: &Path) -> Option<u64> { None }
//!     fn read_stdin(&mut self, limit: usize) -> Result<Vec<u8>, String> {
//!         Ok(self.stdin.iter().copied().take(limit).collect())
//!     }
//!     fn kind(&mut self, _path: &Path) -> EntryKind { EntryKind::Missing }
//!     fn list_dir(&mut self, _dir: &Path) -> Result<Vec<DirEntry>, String> { Ok(Vec::new()) }
//!     fn colour(&self) -> bool { false }
//!     fn stdout(&mut self, text: &str) -> Result<(), String> { self.out.push_str(text); Ok(()) }
//!     fn stderr(&mut self, text: &str) { self.err.push_str(text) }
//! }
//!
//! let mut host = Memory { stdin: br#"{"jobId": "job 1"}"#.to_vec(), out: String::new(), err: String::new() };
//! let args = ["validate", "DescribeJob"].map(String::from);
//! assert_eq!(run(&args, &mut host), 1);
//! assert!(host.out.starts_with("<stdin>: DescribeJob request is invalid (1 error(s), 0 warning(s))\n"));
//! assert!(host.out.contains("<stdin>:1:11: error[pattern] /jobId: "));
//! assert_eq!(run(&["rules", "--format", "sarif"], &mut host), 2);
//! assert!(host.err.contains("usage:"));
//! ```

mod args;
#[cfg(feature = "cli")]
mod chart;
mod glob;
mod render;

use crate::ffi::replay::ReplayError;
use crate::validate::display::escape;
use crate::{Operation, Options, Report, MAX_REQUEST_BYTES};
use args::{Command, Format, SimulateFormat, TextOrJson};
use std::ffi::{OsStr, OsString};
use std::path::Path;

/// The largest `--document-schema` file read (1 MiB); a larger one is a
/// usage error that states its size.
pub const MAX_DOCUMENT_SCHEMA_BYTES: usize = 1024 * 1024;

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
    /// The entry's file name (no directory part), as the system gives it
    /// (not necessarily UTF-8).
    pub name: OsString,
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
    fn read_file(&mut self, path: &Path, limit: usize) -> Result<Vec<u8>, String>;
    /// The size in bytes of the regular file at `path`, or `None` when it
    /// is not known (not a regular file, no such file). Asked only after a
    /// read stopped at its limit, to state the size of what is refused.
    fn size(&mut self, path: &Path) -> Option<u64>;
    /// Reads at most `limit` bytes of standard input (called at most once
    /// per run).
    ///
    /// # Errors
    /// The reason standard input cannot be read.
    fn read_stdin(&mut self, limit: usize) -> Result<Vec<u8>, String>;
    /// What `path` is, following symbolic links.
    fn kind(&mut self, path: &Path) -> EntryKind;
    /// The entries of the directory `dir`, in any order (globs sort).
    ///
    /// # Errors
    /// The reason the directory cannot be listed.
    fn list_dir(&mut self, dir: &Path) -> Result<Vec<DirEntry>, String>;
    /// Whether text output may be coloured (a terminal, no `NO_COLOR`).
    fn colour(&self) -> bool;
    /// How many threads `simulate` may use when `--threads` is not given
    /// (default 1; the native binary answers the available parallelism).
    fn parallelism(&self) -> usize {
        1
    }
    /// `simulate`'s progress: `done` of `total` trials, called when the
    /// whole percentage changes and once at the end (default: nothing; the
    /// native binary draws a bar on standard error when it is a terminal,
    /// and clears it at the end).
    fn progress(&mut self, _done: u64, _total: u64) {}
    /// Writes to standard output (and flushes it).
    ///
    /// # Errors
    /// The reason the text could not be written (a closed pipe, a full
    /// disk): the run then ends with exit code 2 and the reason on
    /// standard error.
    fn stdout(&mut self, text: &str) -> Result<(), String>;
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
  iot-jobs-policy simulate <SIMULATION.json|-> [--trials N] [--seed S]
                  [--threads N] [--shard I/K] [--format text|json|svg]
  iot-jobs-policy simulate --merge SHARD.json... [--format text|json|svg]
  iot-jobs-policy --help | --version

OPERATION is CreateJob, CreateJobTemplate, DescribeJob, DescribeJobTemplate,
ListJobExecutionsForJob, ListJobExecutionsForThing or UpdateJob (or the
snake_case form, e.g. create_job). FILE defaults to standard input; a GLOB
(`*`, `?`, `**`) is expanded by the tool, in sorted order. With several files,
text output ends with a summary and JSON output is one {"file","report"} line
per file; SARIF output is one log for all of them. --document-schema checks
each inline job document against your JSON Schema (violations under /document).
simulate runs a seeded rollout simulation (all cores by default, the same
output for any --threads); --shard I/K (I from 1) prints shard I of K as JSON,
and simulate --merge prints the summary of all K shards, equal to the whole run.
--format svg draws the summary as a chart (the native binary only, not npm's).

exit status: 0 valid (warnings allowed), 1 invalid (for replay and simulate: the
job, whose report is printed), 2 usage error (for replay and simulate: a
malformed scenario, event, simulation or shard), unreadable input or output
that could not be written"#;

/// A usage error: the message, then [`USAGE`], exit code 2.
#[derive(Debug)]
pub(crate) struct Usage(pub(crate) String);

/// What a command printed: its exit code and its standard output.
struct Outcome {
    code: u8,
    out: String,
}

impl Outcome {
    fn new(code: u8, out: String) -> Self {
        Self { code, out }
    }
}

/// An argument or a file name as shown in a message: its lossy form, with
/// control characters escaped.
pub(crate) fn shown(name: &OsStr) -> String {
    escape(&name.to_string_lossy()).into_owned()
}

/// Runs the command line `args` (without the program name; `String`s or
/// `OsString`s) against `host` and answers the exit code: 0 valid, 1
/// invalid, 2 usage error, unreadable input or output that could not be
/// written. Never panics, whatever the arguments and the host's answers.
pub fn run<A: AsRef<OsStr>>(args: &[A], host: &mut dyn Host) -> u8 {
    let args: Vec<OsString> = args.iter().map(|a| a.as_ref().to_owned()).collect();
    let result = args::parse(&args).and_then(|command| match command {
        Command::Validate(v) => validate(v, host),
        Command::Rules(r) => Ok(Outcome::new(
            0,
            match r.format {
                TextOrJson::Text => render::rules_text(),
                TextOrJson::Json => crate::ffi::rules_json() + "\n",
            },
        )),
        Command::Schema(s) => Ok(Outcome::new(
            0,
            crate::schema_export::json_schema_string_for(s.operation, s.api, s.profile, s.dialect),
        )),
        Command::Replay(r) => replay(&r, host),
        Command::Simulate(s) => simulate(&s, host),
        Command::Help => Ok(Outcome::new(0, format!("{USAGE}\n"))),
        Command::Version => Ok(Outcome::new(
            0,
            format!("iot-jobs-policy {}\n", env!("CARGO_PKG_VERSION")),
        )),
    });
    match result {
        Ok(Outcome { code, out }) if out.is_empty() => code,
        Ok(Outcome { code, out }) => match host.stdout(&out) {
            Ok(()) => code,
            Err(e) => {
                host.stderr(&format!(
                    "iot-jobs-policy: cannot write to standard output: {}\n",
                    escape(&e)
                ));
                2
            }
        },
        Err(Usage(message)) => {
            host.stderr(&format!("iot-jobs-policy: {}\n{USAGE}\n", escape(&message)));
            2
        }
    }
}

fn validate(args: args::Validate, host: &mut dyn Host) -> Result<Outcome, Usage> {
    let document_schema = match &args.document_schema {
        Some(file) => Some(load_document_schema(file, host)?),
        None => None,
    };
    let op = args::operation(&args.operation)?;
    let inputs = &args.inputs;
    // One plain FILE (or stdin) prints the bare report; several or a glob print a listing.
    let listing = inputs.len() > 1 || inputs.iter().any(|i| glob::is_glob(i));
    let mut files: Vec<OsString> = Vec::new();
    let mut failed = false;
    if inputs.is_empty() {
        files.push(OsString::from("-"));
    }
    for input in inputs {
        match glob::expand(input, host) {
            Ok(found) if found.is_empty() => {
                host.stderr(&format!(
                    "iot-jobs-policy: `{}` matches no file\n",
                    shown(input)
                ));
                failed = true;
            }
            Ok(found) => files.extend(found),
            Err(e) => {
                host.stderr(&format!("iot-jobs-policy: {}\n", escape(&e)));
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
        let name = file.to_string_lossy().into_owned();
        match read_input(file, MAX_REQUEST_BYTES, host) {
            Ok(Input::Bytes(bytes)) => reports.push((
                name,
                check(op, &bytes, &args.options, document_schema.as_ref()),
            )),
            Ok(Input::TooLarge(size)) => {
                reports.push((name, crate::validate::too_large_report(size)));
            }
            Err(Usage(message)) => {
                host.stderr(&format!("iot-jobs-policy: {}\n", escape(&message)));
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
    let code = if failed {
        2
    } else if reports.iter().all(|(_, r)| r.is_valid()) {
        0
    } else {
        1
    };
    Ok(Outcome::new(code, out))
}

#[cfg(feature = "document-schema")]
type DocumentSchema = crate::document_schema::DocumentSchema;
/// Without the `document-schema` feature the flag is refused.
#[cfg(not(feature = "document-schema"))]
type DocumentSchema = std::convert::Infallible;

#[cfg(feature = "document-schema")]
fn load_document_schema(file: &OsStr, host: &mut dyn Host) -> Result<DocumentSchema, Usage> {
    let name = file.to_string_lossy();
    let bytes = match read_input(file, MAX_DOCUMENT_SCHEMA_BYTES, host)? {
        Input::Bytes(bytes) => bytes,
        Input::TooLarge(size) => {
            return Err(Usage(format!(
                "cannot read {name}: {}",
                too_large("the document schema", size, MAX_DOCUMENT_SCHEMA_BYTES)
            )))
        }
    };
    let text = String::from_utf8(bytes).map_err(|_| {
        Usage(format!(
            "cannot read {name}: stream did not contain valid UTF-8"
        ))
    })?;
    DocumentSchema::from_json(&text).map_err(|e| Usage(format!("{name}: {}", e.message())))
}

#[cfg(not(feature = "document-schema"))]
fn load_document_schema(_: &OsStr, _: &mut dyn Host) -> Result<DocumentSchema, Usage> {
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

/// What [`read_input`] read.
enum Input {
    /// The whole input, at most the limit.
    Bytes(Vec<u8>),
    /// More than the limit: its size when the host knows it.
    TooLarge(Option<u64>),
}

/// `{what} is N bytes, more than the limit of L` (or `more than the limit
/// of L bytes` when the size is not known).
fn too_large(what: &str, size: Option<u64>, limit: usize) -> String {
    match size {
        Some(n) => format!("{what} is {n} bytes, more than the limit of {limit}"),
        None => format!("{what} is more than the limit of {limit} bytes"),
    }
}

/// Reads `file` (`-`: standard input), at most one byte more than `limit`,
/// so that a larger input is refused without being read whole; its size is
/// then asked of the host (a regular file's; standard input's is not known).
fn read_input(file: &OsStr, limit: usize, host: &mut dyn Host) -> Result<Input, Usage> {
    let stdin = file == "-";
    let read = limit.saturating_add(1);
    let result = if stdin {
        host.read_stdin(read)
    } else {
        host.read_file(Path::new(file), read)
    };
    let bytes = result.map_err(|e| {
        let name = if stdin {
            String::from("standard input")
        } else {
            file.to_string_lossy().into_owned()
        };
        Usage(format!("cannot read {name}: {e}"))
    })?;
    if bytes.len() <= limit {
        return Ok(Input::Bytes(bytes));
    }
    let least = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    let size = if stdin {
        None
    } else {
        // A size below what was read is a file that changed meanwhile.
        host.size(Path::new(file)).filter(|n| *n >= least)
    };
    Ok(Input::TooLarge(size))
}

/// `text` with the control characters of each line escaped, its line
/// breaks kept.
fn escape_lines(text: &str) -> String {
    text.split('\n').map(escape).collect::<Vec<_>>().join("\n")
}

fn replay(args: &args::Replay, host: &mut dyn Host) -> Result<Outcome, Usage> {
    let file = args.file.as_os_str();
    let name = shown(file);
    let text = match read_input(file, MAX_REQUEST_BYTES, host)? {
        Input::Bytes(bytes) => {
            String::from_utf8(bytes).map_err(|_| Usage(format!("{name} is not UTF-8")))?
        }
        Input::TooLarge(size) => {
            host.stderr(&format!(
                "iot-jobs-policy: {name}: {}\n",
                too_large("the scenario", size, MAX_REQUEST_BYTES)
            ));
            return Ok(Outcome::new(2, String::new()));
        }
    };
    let out = match args.format {
        TextOrJson::Json => crate::ffi::replay::replay_json(&text).map(|s| s + "\n"),
        // Line by line, as the error below: values of the scenario cannot
        // send control characters to the terminal.
        TextOrJson::Text => crate::ffi::replay::replay_text(&text).map(|t| escape_lines(&t)),
    };
    match out {
        Ok(out) => Ok(Outcome::new(0, out)),
        // An invalid job: its report. JSON: as `validate CreateJob
        // --format json` prints it (paths within the job); text: labelled
        // `job`, its paths within the scenario (`/job/...`).
        Err(ReplayError::InvalidJob(report)) => {
            let out = match args.format {
                TextOrJson::Json => report.to_json() + "\n",
                TextOrJson::Text => {
                    render::scenario_job_text(&report, &file.to_string_lossy(), host.colour())
                }
            };
            Ok(Outcome::new(1, out))
        }
        Err(e) => {
            // A message of several lines keeps its lines.
            host.stderr(&format!(
                "iot-jobs-policy: {name}: {}\n",
                escape_lines(&e.to_string())
            ));
            Ok(Outcome::new(2, String::new()))
        }
    }
}

/// Reads a UTF-8 file (`-`: standard input) of at most `limit` bytes for
/// `simulate`; `Err(outcome)` when it is too large (exit 2, the reason on
/// standard error).
fn read_text(
    file: &OsStr,
    what: &str,
    limit: usize,
    host: &mut dyn Host,
) -> Result<Result<String, Outcome>, Usage> {
    let name = shown(file);
    Ok(match read_input(file, limit, host)? {
        Input::Bytes(bytes) => {
            Ok(String::from_utf8(bytes).map_err(|_| Usage(format!("{name} is not UTF-8")))?)
        }
        Input::TooLarge(size) => {
            host.stderr(&format!(
                "iot-jobs-policy: {name}: {}\n",
                too_large(what, size, limit)
            ));
            Err(Outcome::new(2, String::new()))
        }
    })
}

fn simulate(args: &args::Simulate, host: &mut dyn Host) -> Result<Outcome, Usage> {
    use crate::simulate::MAX_SIMULATION_BYTES as LIMIT;
    use crate::simulate::{
        merge, run_shard_threads_with_progress, Shard, Simulation, SimulationError,
    };
    // The summary in the chosen format; `Err` (not expected: the chart's
    // backend writes to a string) exits 2 with the reason, not a partial
    // chart.
    let summary_out =
        |summary: crate::simulate::Summary, name: &str, host: &mut dyn Host| -> Outcome {
            let out: Result<String, String> = match args.format {
                Some(SimulateFormat::Json) => Ok(summary.to_json() + "\n"),
                #[cfg(feature = "cli")]
                Some(SimulateFormat::Svg) => chart::svg(&summary, name),
                _ => Ok(escape_lines(&summary.to_text())),
            };
            match out {
                Ok(out) => Outcome::new(0, out),
                Err(e) => {
                    host.stderr(&format!(
                        "iot-jobs-policy: {name}: cannot draw the chart: {}\n",
                        escape(&e)
                    ));
                    Outcome::new(2, String::new())
                }
            }
        };
    if args.merge {
        let mut shards = Vec::with_capacity(args.files.len());
        for file in &args.files {
            let text = match read_text(file, "the shard", LIMIT, host)? {
                Ok(t) => t,
                Err(outcome) => return Ok(outcome),
            };
            match Shard::from_json(&text) {
                Ok(s) => shards.push(s),
                Err(e) => {
                    host.stderr(&format!(
                        "iot-jobs-policy: {}: {}\n",
                        shown(file),
                        escape(&e.to_string())
                    ));
                    return Ok(Outcome::new(2, String::new()));
                }
            }
        }
        return match merge(&shards) {
            Ok(summary) => Ok(summary_out(
                summary,
                &format!("{} shards", shards.len()),
                host,
            )),
            Err(e) => {
                host.stderr(&format!("iot-jobs-policy: {}\n", escape(&e.to_string())));
                Ok(Outcome::new(2, String::new()))
            }
        };
    }
    let Some(file) = args.files.first() else {
        return Err(Usage(String::from("simulate needs a SIMULATION file")));
    };
    let file = file.as_os_str();
    let text = match read_text(file, "the simulation", LIMIT, host)? {
        Ok(t) => t,
        Err(outcome) => return Ok(outcome),
    };
    let mut sim = match Simulation::from_json(&text) {
        Ok(sim) => sim,
        Err(SimulationError::InvalidJob(report)) => {
            let out = match args.format {
                Some(SimulateFormat::Json) => report.to_json() + "\n",
                _ => render::scenario_job_text(&report, &file.to_string_lossy(), host.colour()),
            };
            return Ok(Outcome::new(1, out));
        }
        Err(e) => {
            host.stderr(&format!(
                "iot-jobs-policy: {}: {}\n",
                shown(file),
                escape_lines(&e.to_string())
            ));
            return Ok(Outcome::new(2, String::new()));
        }
    };
    if let Some(n) = args.trials {
        sim = sim.with_trials(n);
    }
    if let Some(s) = args.seed {
        sim = sim.with_seed(s);
    }
    let threads = args.threads.unwrap_or_else(|| host.parallelism());
    let (index, count) = args.shard.unwrap_or((0, 1));
    let mut shown = None;
    let shard = run_shard_threads_with_progress(&sim, index, count, threads, &mut |done, total| {
        let percent = done.saturating_mul(100) / total.max(1);
        if shown != Some(percent) || done == total {
            shown = Some(percent);
            host.progress(done, total);
        }
    });
    if args.shard.is_some() {
        return Ok(Outcome::new(0, shard.to_json() + "\n"));
    }
    let name = if file == "-" {
        String::from("standard input")
    } else {
        let path = Path::new(file);
        path.file_name()
            .unwrap_or(file)
            .to_string_lossy()
            .into_owned()
    };
    Ok(summary_out(shard.summary(), &name, host))
}

#[cfg(test)]
mod tests {
    use super::{run, DirEntry, EntryKind, Host};
    use crate::MAX_REQUEST_BYTES;
    use std::collections::BTreeMap;
    use std::ffi::OsString;
    use std::path::{Path, PathBuf};

    /// Files in memory (a file's stated size may differ from its bytes, as
    /// a host's metadata may), standard input, the outputs, and whether
    /// writing to standard output fails.
    #[derive(Default)]
    struct Memory {
        files: BTreeMap<PathBuf, (Vec<u8>, Option<u64>)>,
        stdin: Vec<u8>,
        out: String,
        err: String,
        broken: bool,
    }

    impl Host for Memory {
        fn read_file(&mut self, path: &Path, limit: usize) -> Result<Vec<u8>, String> {
            let (bytes, _) = self.files.get(path).ok_or("No such file")?;
            Ok(bytes.iter().copied().take(limit).collect())
        }
        fn size(&mut self, path: &Path) -> Option<u64> {
            self.files.get(path).and_then(|(_, size)| *size)
        }
        fn read_stdin(&mut self, limit: usize) -> Result<Vec<u8>, String> {
            Ok(self.stdin.iter().copied().take(limit).collect())
        }
        fn kind(&mut self, path: &Path) -> EntryKind {
            if self.files.contains_key(path) {
                EntryKind::File
            } else if path == Path::new(".") {
                EntryKind::Dir
            } else {
                EntryKind::Missing
            }
        }
        fn list_dir(&mut self, _: &Path) -> Result<Vec<DirEntry>, String> {
            Ok(self
                .files
                .keys()
                .map(|p| DirEntry {
                    name: p.clone().into_os_string(),
                    dir: false,
                })
                .collect())
        }
        fn colour(&self) -> bool {
            false
        }
        fn stdout(&mut self, text: &str) -> Result<(), String> {
            if self.broken {
                return Err(String::from("Broken pipe (os error 32)"));
            }
            self.out.push_str(text);
            Ok(())
        }
        fn stderr(&mut self, text: &str) {
            self.err.push_str(text);
        }
    }

    fn run_on(host: &mut Memory, args: &[&str]) -> u8 {
        run(args, host)
    }

    #[test]
    fn a_failed_write_is_exit_2_whatever_the_verdict() {
        for args in [
            &["validate", "DescribeJob"][..],
            &["validate", "DescribeJob", "--format", "sarif"][..],
            &["rules"][..],
            &["schema", "CreateJob"][..],
            &["--version"][..],
        ] {
            let mut host = Memory {
                stdin: br#"{"jobId": "job-1"}"#.to_vec(),
                broken: true,
                ..Memory::default()
            };
            assert_eq!(run_on(&mut host, args), 2, "{args:?}");
            assert_eq!(
                host.err,
                "iot-jobs-policy: cannot write to standard output: Broken pipe (os error 32)\n",
                "{args:?}"
            );
        }
        let mut host = Memory {
            stdin: br#"{"jobId": "job-1"}"#.to_vec(),
            ..Memory::default()
        };
        assert_eq!(run_on(&mut host, &["validate", "DescribeJob"]), 0);
        assert!(host.err.is_empty());
    }

    #[test]
    fn too_large_states_the_size_the_host_knows() {
        let mut host = Memory::default();
        let big = vec![b' '; MAX_REQUEST_BYTES + 1];
        host.files
            .insert("big.json".into(), (big.clone(), Some(5_000_000)));
        // A host whose size is below what was read: the file changed, no size.
        host.files.insert("odd.json".into(), (big, Some(10)));
        let args = [
            "validate",
            "DescribeJob",
            "big.json",
            "odd.json",
            "--format",
            "json",
        ];
        assert_eq!(run_on(&mut host, &args), 1);
        let lines: Vec<serde_json::Value> = host
            .out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(
            lines[0]["report"]["violations"][0]["message"],
            "the request is 5000000 bytes, more than the limit of 1048576"
        );
        assert_eq!(
            lines[0]["report"]["awsMessage"],
            "The request is 5000000 bytes, more than the limit of 1048576"
        );
        assert_eq!(
            lines[1]["report"]["violations"][0]["message"],
            "the request is more than the limit of 1048576 bytes"
        );
        assert_eq!(lines[1]["report"]["violations"][0]["position"]["line"], 1);
    }

    #[test]
    fn replay_and_document_schema_over_their_limits_are_refused() {
        let mut host = Memory::default();
        host.files.insert(
            "s.json".into(),
            (vec![b' '; MAX_REQUEST_BYTES + 1], Some(2_000_000)),
        );
        assert_eq!(run_on(&mut host, &["replay", "s.json"]), 2);
        assert_eq!(
            host.err,
            "iot-jobs-policy: s.json: the scenario is 2000000 bytes, more than the limit of 1048576\n"
        );
        assert!(host.out.is_empty());
        #[cfg(feature = "document-schema")]
        {
            host.err.clear();
            host.files.insert(
                "schema.json".into(),
                (vec![b' '; super::MAX_DOCUMENT_SCHEMA_BYTES + 1], None),
            );
            let args = ["validate", "CreateJob", "--document-schema=schema.json"];
            assert_eq!(run_on(&mut host, &args), 2);
            assert!(
                host.err.starts_with(
                    "iot-jobs-policy: cannot read schema.json: the document schema is more than the limit of 1048576 bytes\n"
                ),
                "{}",
                host.err
            );
        }
    }

    #[test]
    fn names_in_text_and_on_standard_error_are_escaped() {
        let mut host = Memory::default();
        host.files
            .insert("a\u{1b}]0;x\u{7}.json".into(), (b"{}".to_vec(), None));
        assert_eq!(
            run_on(
                &mut host,
                &["validate", "DescribeJob", "*.json", "gone\n.json"]
            ),
            2
        );
        assert!(
            host.out
                .starts_with("a\\u{1b}]0;x\\u{7}.json: DescribeJob request is invalid"),
            "{}",
            host.out
        );
        assert_eq!(
            host.err,
            "iot-jobs-policy: cannot read gone\\n.json: No such file\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn arguments_that_are_not_utf8() {
        use std::os::unix::ffi::OsStringExt;
        let name = OsString::from_vec(b"r\xff.json".to_vec());
        let mut host = Memory::default();
        host.files
            .insert(PathBuf::from(&name), (br#"{"jobId": "j"}"#.to_vec(), None));
        let args = [
            OsString::from("validate"),
            OsString::from("DescribeJob"),
            name,
        ];
        assert_eq!(run(&args, &mut host), 0, "{}", host.err);
        assert!(host
            .out
            .starts_with("r\u{fffd}.json: DescribeJob request is valid"));
        // Through a glob, matched in its lossy form.
        host.out.clear();
        assert_eq!(
            run_on(&mut host, &["validate", "DescribeJob", "r?.json"]),
            0
        );
        assert!(host
            .out
            .starts_with("r\u{fffd}.json: DescribeJob request is valid"));
        let args = [
            OsString::from("validate"),
            OsString::from_vec(b"Describe\x80Job".to_vec()),
        ];
        assert_eq!(run(&args, &mut host), 2);
        assert!(host.err.starts_with(
            "iot-jobs-policy: the OPERATION `Describe\u{fffd}Job` is not valid UTF-8\n"
        ));
    }
}

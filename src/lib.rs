#![doc = include_str!("../README.md")]
//!
//! ## Design
//!
//! The crate is sans-IO: no clock, no randomness, no environment, no I/O.
//! Rules that depend on the current time take it from [`Options::now_ms`].
//! One walk over the request checks every model constraint of the chosen API
//! version and, in the `documented` profile, every rule the AWS documentation
//! states that the model cannot express. The `&str` entry points, the
//! [`serde_json::Value`] entry point, the typed request structs, the CLI and
//! the WebAssembly bindings all reach the same walk.
//!
//! ## Untrusted input
//!
//! Requests larger than [`MAX_REQUEST_BYTES`] are refused before parsing,
//! nesting deeper than [`MAX_DEPTH`] is refused while parsing, and every other
//! malformation (duplicate keys, non-UTF-8 bytes, `NaN`, integers beyond 64
//! bits, a top level that is not an object) becomes a violation with its own
//! code. Nothing panics: the crate denies `unwrap`, `expect`, `panic!` and
//! unchecked indexing outside tests.

mod api;
#[cfg(any(feature = "cli", feature = "node-cli"))]
pub mod cli;
mod display;
#[cfg(feature = "document-schema")]
pub mod document_schema;
#[cfg(test)]
mod drift;
pub mod ffi;
mod json;
pub mod machine;
mod ops;
mod primitive;
pub mod replay;
mod report;
mod rules;
pub mod sarif;
mod schema;
pub mod schema_export;
mod shapes;
mod time;
pub mod types;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use api::{ApiVersion, Operation, Options, Profile, UnknownOperation};
pub use report::{
    Code, InvalidRequest, Position, Report, Severity, Source, UnknownCode, Violation,
};
pub use rules::{rules, Rule};

use json::{Node, ParseErrorKind, Value};
use report::AwsText;

/// Requests larger than this many bytes (1 MiB) are refused with `tooLarge`.
pub const MAX_REQUEST_BYTES: usize = 1024 * 1024;
/// Arrays and objects nested deeper than this are refused with `tooDeep`.
pub const MAX_DEPTH: usize = 64;

/// Validates a request given as JSON text.
///
/// ```
/// use iot_jobs_policy::{validate_str, Operation, Options};
/// let report = validate_str(Operation::DescribeJob, r#"{"jobId": "my job"}"#, &Options::default());
/// assert!(!report.is_valid());
/// assert_eq!(report.violations()[0].code().as_str(), "pattern");
/// assert_eq!(report.violations()[0].path(), "/jobId");
/// ```
pub fn validate_str(op: Operation, request: &str, options: &Options) -> Report {
    validate_bytes(op, request.as_bytes(), options)
}

/// Validates a request given as bytes that should be UTF-8 JSON text.
///
/// Each violation carries its [`Position`] in the text.
pub fn validate_bytes(op: Operation, request: &[u8], options: &Options) -> Report {
    let violations = run_bytes(op, request, options, true).into_violations();
    Report::from_violations(Report::with_positions(violations, request))
}

/// Whether a request given as JSON text is valid, without building messages.
pub fn is_valid_str(op: Operation, request: &str, options: &Options) -> bool {
    run_bytes(op, request.as_bytes(), options, false).errors() == 0
}

/// Validates a request given as a [`serde_json::Value`].
///
/// Duplicate keys cannot occur in a `Value`; everything else is checked as
/// for text.
pub fn validate_value(op: Operation, request: &serde_json::Value, options: &Options) -> Report {
    let mut sink = schema::Sink::new(true);
    if exceeds_depth(request, MAX_DEPTH) {
        push_input(
            &mut sink,
            &rules::TOO_DEEP,
            format!("the request nests arrays and objects more than {MAX_DEPTH} deep"),
            None,
        );
    } else {
        let node = json::from_serde(request);
        sink = walk(op, &node, options, true, false, None);
    }
    Report::from_violations(sink.into_violations())
}

/// Validates a typed request (see [`types`]).
///
/// ```
/// use iot_jobs_policy::types::DescribeJobRequest;
/// use iot_jobs_policy::{validate_request, Options};
/// let request = DescribeJobRequest { job_id: "job-1".into(), ..Default::default() };
/// assert!(validate_request(&request, &Options::default()).is_valid());
/// ```
pub fn validate_request<R: types::Request>(request: &R, options: &Options) -> Report {
    match serde_json::to_value(request) {
        Ok(value) => validate_value(R::OPERATION, &value, options),
        Err(e) => {
            let mut sink = schema::Sink::new(true);
            push_input(
                &mut sink,
                &rules::TYPE,
                format!("the request could not be serialised: {e}"),
                None,
            );
            Report::from_violations(sink.into_violations())
        }
    }
}

fn exceeds_depth(v: &serde_json::Value, limit: usize) -> bool {
    if limit == 0 {
        return matches!(
            v,
            serde_json::Value::Array(_) | serde_json::Value::Object(_)
        );
    }
    match v {
        serde_json::Value::Array(a) => a.iter().any(|x| exceeds_depth(x, limit - 1)),
        serde_json::Value::Object(o) => o.values().any(|x| exceeds_depth(x, limit - 1)),
        _ => false,
    }
}

/// A check run on the request root after the walk (the document schema).
pub(crate) type Extra<'e> = Option<&'e dyn Fn(&mut schema::Walker<'_>, &[json::Entry<'_>])>;

fn run_bytes(op: Operation, request: &[u8], options: &Options, collect: bool) -> schema::Sink {
    run_bytes_with(op, request, options, collect, None)
}

pub(crate) fn run_bytes_with(
    op: Operation,
    request: &[u8],
    options: &Options,
    collect: bool,
    extra: Extra<'_>,
) -> schema::Sink {
    let mut sink = schema::Sink::new(collect);
    if request.len() > MAX_REQUEST_BYTES {
        let n = request.len();
        push_input(
            &mut sink,
            &rules::TOO_LARGE,
            format!("the request is {n} bytes, more than the limit of {MAX_REQUEST_BYTES}"),
            Some(0),
        );
        return sink;
    }
    match json::parse(request, MAX_DEPTH) {
        Ok(node) => walk(op, &node, options, collect, true, extra),
        Err(e) => {
            let rule = match e.kind {
                ParseErrorKind::InvalidUtf8 => &rules::INVALID_UTF8,
                ParseErrorKind::Syntax(_) => &rules::INVALID_JSON,
                ParseErrorKind::NonFinite(_) => &rules::NON_FINITE,
                ParseErrorKind::TooDeep(_) => &rules::TOO_DEEP,
            };
            let at = match std::str::from_utf8(request) {
                Ok(text) => {
                    let (line, col) = json::line_col(text, e.offset);
                    format!("line {line}, column {col}")
                }
                Err(_) => format!("byte {}", e.offset),
            };
            push_input(
                &mut sink,
                rule,
                format!("{} at {at}", describe_parse_error(&e.kind)),
                Some(e.offset),
            );
            sink
        }
    }
}

fn walk(
    op: Operation,
    node: &Node<'_>,
    options: &Options,
    collect: bool,
    spans: bool,
    extra: Extra<'_>,
) -> schema::Sink {
    let mut w = schema::Walker::new(op, *options, node, collect);
    w.spans = spans;
    if let Value::Object(entries) = &node.value {
        w.walk(node, ops::input(op));
        if let Some(extra) = extra {
            extra(&mut w, entries);
        }
    } else {
        let found = node.value.type_name();
        w.emit(&rules::NOT_AN_OBJECT, None, |_| {
            schema::Details::new(format!("the request must be a JSON object, not {found}"))
                .plain(String::from("The request body must be a JSON object"))
        });
    }
    w.finish()
}

fn push_input(
    sink: &mut schema::Sink,
    rule: &'static Rule,
    message: String,
    offset: Option<usize>,
) {
    sink.push_root(
        rule,
        message.clone(),
        AwsText::Plain(capitalise(&message)),
        offset,
    );
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A lowercase description of a JSON parse error.
pub(crate) fn describe_parse_error(kind: &ParseErrorKind) -> String {
    match kind {
        ParseErrorKind::InvalidUtf8 => String::from("the text is not valid UTF-8"),
        ParseErrorKind::Syntax(s) => s.clone(),
        ParseErrorKind::NonFinite(lit) => format!("`{lit}` is not a finite JSON number"),
        ParseErrorKind::TooDeep(limit) => {
            format!("arrays and objects are nested more than {limit} deep")
        }
    }
}

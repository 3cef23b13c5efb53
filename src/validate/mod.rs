//! The validator: JSON text (or a `Value`, or a typed request) in, a
//! [`Report`] out. One walk over the request checks every model constraint
//! of the chosen API version and, in the `documented` profile, every rule the
//! AWS documentation states that the model cannot express.
//!
//! Rooms: `json/` (the strict parser with spans), `model/` (the shape tree's
//! walker, paths and sink), `shapes/` and `ops/` (one module per shared shape
//! and per operation, limits as named constants), `primitive` and `time`
//! (string and time checks), `report` and `display` (the output and its text
//! form), `api` (operations, API versions, profiles, options).

pub(crate) mod api;
pub(crate) mod bounds;
pub mod cron;
pub(crate) mod display;
#[cfg(test)]
mod drift;
pub(crate) mod json;
pub(crate) mod model;
pub(crate) mod ops;
pub(crate) mod primitive;
pub(crate) mod report;
pub(crate) mod shapes;
pub(crate) mod time;

use crate::rules::{self, Rule};
use crate::types;
use api::{Operation, Options};
use json::{Node, ParseErrorKind, Value};
use report::{AwsText, Report};

/// Requests larger than this many bytes (1 MiB) are refused with `tooLarge`.
pub const MAX_REQUEST_BYTES: usize = 1024 * 1024;
/// Arrays and objects nested deeper than this are refused with `tooDeep`.
pub const MAX_DEPTH: usize = 64;
/// A report lists at most this many violations, in its stable order, then
/// one `tooManyViolations` entry with the total (our bound: AWS documents
/// none). A request with more is not valid.
pub const MAX_VIOLATIONS: usize = 1000;

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
    // As `validate_bytes`, without checking again that a `&str` is UTF-8.
    let violations = run_str(op, request, options, true).into_violations();
    Report::from_violations(Report::with_positions(violations, request.as_bytes()))
}

/// Validates a request given as bytes that should be UTF-8 JSON text.
///
/// Each violation carries its [`Position`](crate::Position) in the text.
pub fn validate_bytes(op: Operation, request: &[u8], options: &Options) -> Report {
    let violations = run_bytes(op, request, options, true).into_violations();
    Report::from_violations(Report::with_positions(violations, request))
}

/// Whether a request given as JSON text is valid, without building messages.
pub fn is_valid_str(op: Operation, request: &str, options: &Options) -> bool {
    run_str(op, request, options, false).errors() == 0
}

/// Validates a request given as a [`serde_json::Value`].
///
/// Duplicate keys cannot occur in a `Value`; everything else is checked as
/// for text.
pub fn validate_value(op: Operation, request: &serde_json::Value, options: &Options) -> Report {
    let mut sink = model::Sink::new(true);
    if exceeds_depth(request, MAX_DEPTH) {
        push_input(
            &mut sink,
            &rules::TOO_DEEP,
            format!("the request nests arrays and objects more than {MAX_DEPTH} deep"),
            None,
        );
    } else {
        let arena = json::Arena::new();
        let node = json::from_serde(request, &arena);
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
            let mut sink = model::Sink::new(true);
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
pub(crate) type Extra<'e> = Option<&'e dyn Fn(&mut model::Walker<'_>, &[json::Entry<'_>])>;

fn run_bytes(op: Operation, request: &[u8], options: &Options, collect: bool) -> model::Sink {
    run_bytes_with(op, request, options, collect, None)
}

fn run_str(op: Operation, request: &str, options: &Options, collect: bool) -> model::Sink {
    run_input(
        op,
        request.as_bytes(),
        Some(request),
        options,
        collect,
        None,
    )
}

pub(crate) fn run_bytes_with(
    op: Operation,
    request: &[u8],
    options: &Options,
    collect: bool,
    extra: Extra<'_>,
) -> model::Sink {
    run_input(op, request, None, options, collect, extra)
}

/// The pipeline over `request`; `text` is the same input when the caller
/// already holds it as a `&str` (no UTF-8 check needed).
fn run_input(
    op: Operation,
    request: &[u8],
    text: Option<&str>,
    options: &Options,
    collect: bool,
    extra: Extra<'_>,
) -> model::Sink {
    let mut sink = model::Sink::new(collect);
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
    let arena = json::Arena::with_capacity(arena_estimate(request.len()));
    let parsed = match text {
        Some(text) => json::parse_str(text, MAX_DEPTH, &arena),
        None => json::parse(request, MAX_DEPTH, &arena),
    };
    match parsed {
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
                format!("{} at {at}", e.kind),
                Some(e.offset),
            );
            sink
        }
    }
}

/// The arena's first chunk for a request of `len` bytes: the tree of a
/// typical request takes about three times its text (a member is 64 bytes),
/// so most requests fit in one allocation; the arena grows past it on its own.
fn arena_estimate(len: usize) -> usize {
    len.saturating_mul(4).min(1 << 20)
}

fn walk(
    op: Operation,
    node: &Node<'_>,
    options: &Options,
    collect: bool,
    spans: bool,
    extra: Extra<'_>,
) -> model::Sink {
    let mut w = model::Walker::new(op, *options, node, collect);
    w.spans = spans;
    if let Value::Object(entries) = &node.value {
        w.walk(node, ops::input(op));
        if let Some(extra) = extra {
            extra(&mut w, entries);
        }
    } else {
        let found = node.value.type_name();
        w.emit(&rules::NOT_AN_OBJECT, None, |_| {
            model::Details::new(format!("the request must be a JSON object, not {found}"))
                .plain(String::from("The request body must be a JSON object"))
        });
    }
    w.finish()
}

/// The `tooLarge` report of a request its caller did not read whole (the
/// command line reads one byte over the limit): `size` is its length when
/// known, as `validate_bytes` would state it, otherwise the message says
/// `more than the limit`.
#[cfg(any(feature = "cli", feature = "node-cli"))]
pub(crate) fn too_large_report(size: Option<u64>) -> Report {
    let message = match size {
        Some(n) => format!("the request is {n} bytes, more than the limit of {MAX_REQUEST_BYTES}"),
        None => format!("the request is more than the limit of {MAX_REQUEST_BYTES} bytes"),
    };
    let mut sink = model::Sink::new(true);
    push_input(&mut sink, &rules::TOO_LARGE, message, Some(0));
    Report::from_violations(Report::with_positions(sink.into_violations(), b""))
}

fn push_input(sink: &mut model::Sink, rule: &'static Rule, message: String, offset: Option<usize>) {
    sink.push_root(
        rule,
        message.clone(),
        AwsText::Plain(capitalise(&message)),
        offset,
    );
}

/// `s` with its first letter upper case. Every message given here begins
/// with ASCII (the parser's sentences, a backtick or "the request"), so the
/// ASCII upper case is the whole of it: `char::to_uppercase` would bring
/// the standard library's 12 KB case table into the .wasm (#12).
fn capitalise(s: &str) -> String {
    let mut out = String::from(s);
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

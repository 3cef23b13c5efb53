//! Prints the native Rust answer for every test-vector case, for the
//! byte-for-byte comparison with the WebAssembly builds (Node and browser).
//!
//! Input: the case list `js/tools/prepare-vectors.mjs` writes (an array of
//! `{key, operation, options, request | requestBytes}`; `options` and
//! `request` are JSON text exactly as JavaScript's `JSON.stringify` gives it,
//! so the Rust and JS runs see the same bytes; this is why the cases are not
//! read from `tests/vectors` with `tests/common`'s loader). Output on stdout:
//! one JSON object `{"<file>#<name>": "<the ffi answer as JSON text>", ...}`,
//! keyed by `tests/common`'s [`case_id`] (a `key` written otherwise is
//! refused), the answer being `{"type":"success","report":{...}}`, as a
//! string so that its exact bytes survive.
//!
//! ```sh
//! cargo run --example vector_reports -- target/vectors/requests.json
//! ```

#[path = "../tests/common/case_id.rs"]
mod case_id;

use case_id::case_id;
use serde::Deserialize;
use std::collections::BTreeMap;

/// One case, as prepared by `prepare-vectors.mjs`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Case {
    key: String,
    /// Relative to the vector directory.
    file: String,
    name: String,
    operation: String,
    options: String,
    request: Option<String>,
    request_bytes: Option<Vec<u8>>,
    document_schema: Option<String>,
}

fn answer(case: &Case) -> Result<String, String> {
    if let Some(schema) = &case.document_schema {
        return with_document_schema(case, schema);
    }
    if let Some(text) = &case.request {
        return Ok(iot_jobs_policy::ffi::validate_json(
            &case.operation,
            text,
            &case.options,
        ));
    }
    // Non-UTF-8 bytes cannot cross the `&str` boundary: same walk, byte entry.
    let (op, options) = parse(case)?;
    let report = iot_jobs_policy::validate_bytes(op, bytes(case)?, &options);
    Ok(format!(
        r#"{{"type":"success","report":{}}}"#,
        report.to_json()
    ))
}

fn bytes(case: &Case) -> Result<&[u8], String> {
    match (&case.request, &case.request_bytes) {
        (Some(text), _) => Ok(text.as_bytes()),
        (None, Some(b)) => Ok(b),
        (None, None) => Err(format!("{}: neither request nor requestBytes", case.key)),
    }
}

fn parse(case: &Case) -> Result<(iot_jobs_policy::Operation, iot_jobs_policy::Options), String> {
    let op = iot_jobs_policy::ffi::parse_operation(&case.operation).map_err(|e| e.to_string())?;
    let options = iot_jobs_policy::ffi::parse_options(&case.options).map_err(|e| e.to_string())?;
    Ok((op, options))
}

/// A case with the caller's job-document schema (Cargo feature `document-schema`).
#[cfg(feature = "document-schema")]
fn with_document_schema(case: &Case, schema: &str) -> Result<String, String> {
    use iot_jobs_policy::document_schema::{validate_bytes_with_document_schema, DocumentSchema};
    let schema =
        DocumentSchema::from_json(schema).map_err(|e| format!("{}: {}", case.key, e.message()))?;
    let (op, options) = parse(case)?;
    let report = validate_bytes_with_document_schema(op, bytes(case)?, &options, &schema);
    Ok(format!(
        r#"{{"type":"success","report":{}}}"#,
        report.to_json()
    ))
}

/// Without the feature a case with a document schema cannot be answered.
#[cfg(not(feature = "document-schema"))]
fn with_document_schema(case: &Case, _: &str) -> Result<String, String> {
    Err(format!("{}: needs the document-schema feature", case.key))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: vector_reports <requests.json>")?;
    let cases: Vec<Case> = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    let mut out = BTreeMap::new();
    for case in &cases {
        let key = case_id(&case.file, &case.name);
        if case.key != key {
            return Err(format!("case key {:?} is not the case id {key:?}", case.key).into());
        }
        if out.insert(key, answer(case)?).is_some() {
            return Err(format!("duplicate case key {}", case.key).into());
        }
    }
    println!("{}", serde_json::to_string(&out)?);
    Ok(())
}

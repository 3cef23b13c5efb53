//! Prints the native Rust answer for every test-vector case, for the
//! byte-for-byte comparison with the WebAssembly builds (Node and browser).
//!
//! Input: the case list `js/tools/prepare-vectors.mjs` writes (an array of
//! `{key, operation, options, request | requestBytes}`; `options` and
//! `request` are JSON text exactly as JavaScript's `JSON.stringify` gives it,
//! so the Rust and JS runs see the same bytes). Output on stdout: one JSON
//! object `{"<file>#<name>": "<the ffi answer as JSON text>", ...}`, the
//! answer being `{"type":"success","report":{...}}`, as a string so that its
//! exact bytes survive.
//!
//! ```sh
//! cargo run --example vector_reports -- target/vectors/requests.json
//! ```

use serde::Deserialize;
use std::collections::BTreeMap;

/// One case, as prepared by `prepare-vectors.mjs`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Case {
    key: String,
    operation: String,
    options: String,
    request: Option<String>,
    request_bytes: Option<Vec<u8>>,
}

fn answer(case: &Case) -> Result<String, String> {
    if let Some(text) = &case.request {
        return Ok(iot_jobs_policy::ffi::validate_json(
            &case.operation,
            text,
            &case.options,
        ));
    }
    // Non-UTF-8 bytes cannot cross the `&str` boundary: same walk, byte entry.
    let bytes = case
        .request_bytes
        .as_ref()
        .ok_or_else(|| format!("{}: neither request nor requestBytes", case.key))?;
    let op = iot_jobs_policy::ffi::parse_operation(&case.operation).map_err(|e| e.to_string())?;
    let options = iot_jobs_policy::ffi::parse_options(&case.options).map_err(|e| e.to_string())?;
    let report = iot_jobs_policy::validate_bytes(op, bytes, &options);
    Ok(format!(
        r#"{{"type":"success","report":{}}}"#,
        report.to_json()
    ))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: vector_reports <requests.json>")?;
    let cases: Vec<Case> = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    let mut out = BTreeMap::new();
    for case in &cases {
        if out.insert(case.key.clone(), answer(case)?).is_some() {
            return Err(format!("duplicate case key {}", case.key).into());
        }
    }
    println!("{}", serde_json::to_string(&out)?);
    Ok(())
}

//! Every shared test-vector case through the WebAssembly build, run by
//! wasm-bindgen-test in Node and (the same binary) in headless Chromium.
//!
//! The cases and the native Rust answers are prepared by `.ci/wasm-tests`
//! into `target/vectors/` (`requests.json` by `js/tools/prepare-vectors.mjs`,
//! `reports.json` by `examples/vector_reports.rs`, `machine.json`, the
//! machine vectors with their native answers, by `examples/machine_reports.rs`);
//! run that script rather
//! than `cargo test --target wasm32-unknown-unknown` directly.
//!
//! Each case must (1) give, inside the wasm instance, the same answer text as
//! the native build byte for byte and (2) match the case's expectation:
//! `valid`, the exact list of `(code, path, severity)`, and `awsMessage`
//! when given.
#![cfg(test)] // always true here; lets clippy.toml's allow-*-in-tests cover the helpers too (rust-clippy#11119)
#![cfg(target_arch = "wasm32")]

use serde::Deserialize;
use std::collections::BTreeMap;
use wasm_bindgen_test::wasm_bindgen_test;

const REQUESTS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/target/vectors/requests.json"
));
const REPORTS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/target/vectors/reports.json"
));

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Case {
    key: String,
    operation: String,
    options: String,
    request: Option<String>,
    request_bytes: Option<Vec<u8>>,
    /// The caller's job-document schema: needs the `document-schema` feature,
    /// which the WebAssembly build leaves out (see `skip`).
    document_schema: Option<String>,
    expect: Expect,
    /// Set when tests/vectors/expected-failures.txt lists the case (the reason).
    expected_failure: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Expect {
    valid: bool,
    violations: Vec<Expected>,
    aws_message: Option<String>,
}

#[derive(Deserialize, Debug)]
struct Expected {
    code: String,
    path: String,
    severity: String,
    /// Checked only when the expectation gives it.
    rule: Option<String>,
}

fn same(got: &[Expected], want: &[Expected]) -> bool {
    got.len() == want.len()
        && got.iter().zip(want).all(|(g, w)| {
            g.code == w.code
                && g.path == w.path
                && g.severity == w.severity
                && (w.rule.is_none() || g.rule == w.rule)
        })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Answer {
    report: Report,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Report {
    valid: bool,
    violations: Vec<Expected>,
    aws_message: Option<String>,
}

fn answer(case: &Case) -> String {
    if let Some(text) = &case.request {
        return iot_jobs_policy::ffi::validate_json(&case.operation, text, &case.options);
    }
    // Non-UTF-8 bytes cannot cross the `&str` boundary: same walk, byte entry.
    let bytes = case
        .request_bytes
        .as_ref()
        .expect("request or requestBytes");
    let op = iot_jobs_policy::ffi::parse_operation(&case.operation).unwrap();
    let options = iot_jobs_policy::ffi::parse_options(&case.options).unwrap();
    let report = iot_jobs_policy::validate_bytes(op, bytes, &options);
    format!(r#"{{"type":"success","report":{}}}"#, report.to_json())
}

/// Cases this build cannot run, with the reason; counted and printed.
fn skip(case: &Case) -> Option<&'static str> {
    if case.document_schema.is_some() && cfg!(not(feature = "document-schema")) {
        return Some("documentSchema: the document-schema feature (jsonschema) is left out of the wasm build");
    }
    None
}

#[wasm_bindgen_test]
fn every_vector_case_matches_native_and_expectation() {
    let cases: Vec<Case> = serde_json::from_str(REQUESTS).unwrap();
    let native: BTreeMap<String, String> = serde_json::from_str(REPORTS).unwrap();
    assert!(
        !cases.is_empty(),
        "no vector cases: is tests/vectors empty?"
    );
    assert_eq!(
        cases.len(),
        native.len(),
        "requests.json and reports.json disagree"
    );
    let mut failures = Vec::new();
    let mut expected_failures = 0;
    let mut skipped = 0;
    for case in &cases {
        if let Some(why) = skip(case) {
            wasm_bindgen_test::console_log!("skipped {}: {why}", case.key);
            skipped += 1;
            continue;
        }
        let got = answer(case);
        let want = native
            .get(&case.key)
            .expect("a native answer for every case");
        if &got != want {
            failures.push(format!(
                "{}: wasm answer differs from native\n  wasm:   {got}\n  native: {want}",
                case.key
            ));
            continue;
        }
        let Answer { report } = match serde_json::from_str(&got) {
            Ok(a) => a,
            Err(e) => {
                failures.push(format!("{}: not a success answer ({e}): {got}", case.key));
                continue;
            }
        };
        let e = &case.expect;
        let aws_ok = e.aws_message.is_none() || e.aws_message == report.aws_message;
        let ok = report.valid == e.valid && same(&report.violations, &e.violations) && aws_ok;
        match (&case.expected_failure, ok) {
            (None, true) => {}
            (Some(_), false) => expected_failures += 1,
            (Some(reason), true) => failures.push(format!(
                "{}: listed in expected-failures.txt ({reason}) but passes: remove it from the list",
                case.key
            )),
            (None, false) => failures.push(format!(
                "{}: expected valid={} {:?} aws={:?}\n  got valid={} {:?} aws={:?}",
                case.key, e.valid, e.violations, e.aws_message, report.valid, report.violations, report.aws_message
            )),
        }
    }
    wasm_bindgen_test::console_log!(
        "{} vector cases: {} ok ({expected_failures} expected failures), {skipped} skipped, {} failed",
        cases.len(),
        cases.len() - skipped - failures.len(),
        failures.len()
    );
    assert!(skipped < cases.len(), "every case was skipped");
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The two 1 MiB cases the vectors README asks every runner to build in code.
#[wasm_bindgen_test]
fn the_one_mib_limit() {
    let head = r#"{"jobId":"job-1""#;
    let make = |size: usize| format!("{head}{}}}", " ".repeat(size - head.len() - 1));
    let exactly = make(1_048_576);
    assert_eq!(exactly.len(), 1_048_576);
    let Answer { report } = serde_json::from_str(&iot_jobs_policy::ffi::validate_json(
        "DescribeJob",
        &exactly,
        "",
    ))
    .unwrap();
    assert!(report.valid);
    assert!(report.violations.is_empty());
    let over = make(1_048_577);
    let Answer { report } = serde_json::from_str(&iot_jobs_policy::ffi::validate_json(
        "DescribeJob",
        &over,
        "",
    ))
    .unwrap();
    assert!(!report.valid);
    let codes: Vec<(&str, &str, &str)> = report
        .violations
        .iter()
        .map(|v| (v.code.as_str(), v.path.as_str(), v.severity.as_str()))
        .collect();
    assert_eq!(codes, [("tooLarge", "", "error")]);
}

#[wasm_bindgen_test]
fn codes_and_rules_cross_the_boundary() {
    let codes: Vec<String> = serde_json::from_str(&iot_jobs_policy::ffi::codes_json()).unwrap();
    assert_eq!(codes.len(), iot_jobs_policy::Code::ALL.len());
    let rules: Vec<serde_json::Value> =
        serde_json::from_str(&iot_jobs_policy::ffi::rules_json()).unwrap();
    assert!(!rules.is_empty());
}

/// The machine vectors with the native answers (`examples/machine_reports.rs`,
/// written by `.ci/prepare-vectors`).
const MACHINE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/target/vectors/machine.json"
));

/// Every machine vector through the machine compiled to WebAssembly, run the
/// way tests/machine.rs runs it (create, then per step advance to `at` and
/// apply strictly), restoring from the snapshot after every step (the wasm
/// build's own snapshot reader): the effects, errors and snapshots after
/// every step, and the final views, byte for byte as native Rust wrote them.
#[wasm_bindgen_test]
fn machine_vectors_match_native_byte_for_byte() {
    use iot_jobs_policy::machine::{Event, Job};
    use serde_json::Value;
    let items: Vec<Value> = serde_json::from_str(MACHINE).unwrap();
    assert!(!items.is_empty(), "no machine vectors");
    let mut mismatches = Vec::new();
    for item in &items {
        let key = item["key"].as_str().unwrap();
        let case = &item["case"];
        let rust = &item["rust"];
        let things: Vec<String> = serde_json::from_value(item["things"].clone()).unwrap();
        let mut options = iot_jobs_policy::Options::default();
        if let Some(api) = case.pointer("/options/api").and_then(Value::as_str) {
            options = options.with_api(api.parse().unwrap());
        }
        if let Some(p) = case.pointer("/options/profile").and_then(Value::as_str) {
            options = options.with_profile(p.parse().unwrap());
        }
        let created_at = case.get("createdAt").and_then(Value::as_i64).unwrap_or(0);
        let mut job = match Job::create(&case["job"], &things, created_at, &options) {
            Ok((job, fx)) => {
                if text(&fx) != rust["create"]["effects"] {
                    mismatches.push(format!("{key}: create effects"));
                }
                job
            }
            Err(e) => {
                if text(&e) != rust["createError"] {
                    mismatches.push(format!("{key}: create error"));
                }
                continue;
            }
        };
        for (n, step) in case["steps"].as_array().into_iter().flatten().enumerate() {
            let at = step["at"].as_i64().unwrap();
            let event: Event = serde_json::from_value(step["event"].clone()).unwrap();
            let (mut fx, mut error) = (Vec::new(), None);
            if !matches!(event, Event::Advance { .. }) {
                match job.advance(at) {
                    Ok(f) => fx = f,
                    Err(e) => error = Some(e),
                }
            }
            if error.is_none() {
                match job.apply(at, event) {
                    Ok(mut f) => fx.append(&mut f),
                    Err(e) => error = Some(e),
                }
            }
            let want = &rust["steps"][n];
            let error = error.as_ref().map_or(Value::Null, |e| Value::from(text(e)));
            let snapshot = job.to_snapshot();
            if text(&fx) != want["effects"]
                || error != want["error"]
                || snapshot != want["snapshot"]
            {
                mismatches.push(format!("{key}: step {n}"));
            }
            job = Job::from_snapshot(&snapshot).unwrap();
            if job.to_snapshot() != snapshot {
                mismatches.push(format!("{key}: step {n}: snapshot round trip"));
            }
        }
        let f = &rust["final"];
        if text(&job.describe()) != f["describe"]
            || text(&job.list_executions_for_job(None, None, None).unwrap()) != f["executions"]
            || job.to_snapshot() != f["snapshot"]
        {
            mismatches.push(format!("{key}: final views"));
        }
    }
    assert!(mismatches.is_empty(), "{mismatches:#?}");
}

/// The machine's JSON-text surface in WebAssembly (where snapshots are read
/// by the hand-written reader): every answer is tagged `success`, `misuse`
/// (a lowerCamel code, no rule) or `refused` (the machine's error, with its
/// rule), and nothing else.
#[wasm_bindgen_test]
fn machine_text_answers_are_tagged_in_wasm() {
    use iot_jobs_policy::{ffi, machine::text};
    use serde_json::Value;
    let parse = |s: &str| serde_json::from_str::<Value>(s).unwrap();
    let created = parse(&text::create(
        r#"{"job": {"jobId": "j", "document": "{}", "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t1"]}}"#,
    ));
    assert_eq!(created["type"], "success");
    let snap = created["snapshot"].as_str().unwrap();
    let ev = r#"{"type": "deviceUpdate", "thing": "t1", "status": "IN_PROGRESS"}"#;
    let applied = parse(&ffi::machine_apply(snap, 1000.0, ev));
    assert_eq!(applied["type"], "success");
    let after = applied["snapshot"].as_str().unwrap();
    assert_eq!(parse(&text::inspect(after))["status"], "IN_PROGRESS");
    let back = parse(&ffi::machine_advance(after, 0.0));
    assert_eq!(
        (&back["type"], &back["error"]["code"]),
        (&Value::from("refused"), &Value::from("timeWentBackwards"))
    );
    // The machine's own refusal (not AWS behaviour) cites no catalogue rule.
    assert!(back["error"].get("rule").is_none());
    for (out, code) in [
        (ffi::machine_apply(snap, 0.5, ev), "invalidTime"),
        (
            ffi::machine_apply(snap, 0.0, r#"{"type": "x"}"#),
            "invalidEvent",
        ),
        (text::inspect("{}"), "invalidSnapshot"),
        (text::create("[]"), "invalidRequest"),
        (
            text::list_executions_for_job(snap, "[]"),
            "invalidArguments",
        ),
    ] {
        let v = parse(&out);
        assert_eq!(v["type"], "misuse", "{out}");
        assert_eq!(v["error"]["code"], code, "{out}");
        assert_eq!(v["error"].as_object().unwrap().len(), 2, "{out}");
    }
}

fn text<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap()
}

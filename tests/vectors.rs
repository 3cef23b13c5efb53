//! Runs every shared test vector (`tests/vectors/**/*.json`) through the
//! public API and checks the exact, ordered list of violations.
//!
//! The same files are read by the Node, browser and WebAssembly runners; see
//! `tests/vectors/README.md` for the format. Cases that cannot be stored as
//! data (a request of more than 1 MiB) are built here, in [`builtin_cases`].

#![cfg(test)] // always true here; lets clippy.toml's allow-*-in-tests cover the helpers too (rust-clippy#11119)
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest

use iot_jobs_policy::document_schema::{validate_bytes_with_document_schema, DocumentSchema};
use iot_jobs_policy::{validate_bytes, Code, Operation, Options, Report};
use std::collections::BTreeSet;

mod common;
use common::{load_request_vectors, vectors_dir, Case, Expected, Loaded};

/// Cases that cannot be stored as data: the 1 MiB request limit, both sides.
fn builtin_cases() -> Vec<Case> {
    let limit = iot_jobs_policy::MAX_REQUEST_BYTES;
    let padded = |total: usize| {
        let head = br#"{"jobId":"job-1""#;
        let mut v = head.to_vec();
        v.resize(total - 1, b' ');
        v.push(b'}');
        v
    };
    let exp = |code: &str| Expected {
        code: code.into(),
        path: String::new(),
        severity: "error".into(),
        rule: None,
    };
    vec![
        Case {
            id: common::case_id("(built in)", "exactly 1 MiB is accepted"),
            op: Operation::DescribeJob,
            options: Options::default(),
            request: None,
            document_schema: None,
            input: padded(limit),
            valid: true,
            violations: vec![],
            aws_message: None,
        },
        Case {
            id: common::case_id("(built in)", "1 MiB + 1 byte is tooLarge"),
            op: Operation::DescribeJob,
            options: Options::default(),
            request: None,
            document_schema: None,
            input: padded(limit + 1),
            valid: false,
            violations: vec![exp("tooLarge")],
            aws_message: None,
        },
    ]
}

fn describe(report: &Report) -> String {
    let items: Vec<String> = report
        .violations()
        .iter()
        .map(|v| {
            format!(
                "{{{} {:?} {:?} rule={}}}",
                v.code(),
                v.path(),
                v.severity(),
                v.rule()
            )
        })
        .collect();
    format!(
        "valid={} [{}] awsMessage={:?}",
        report.is_valid(),
        items.join(", "),
        report.aws_message()
    )
}

fn severity_str(v: &iot_jobs_policy::Violation) -> &'static str {
    match v.severity() {
        iot_jobs_policy::Severity::Error => "error",
        _ => "warning",
    }
}

/// Runs one case; returns the mismatch, if any.
fn check(case: &Case, report: &Report) -> Option<String> {
    let got: Vec<(&str, &str, &str)> = report
        .violations()
        .iter()
        .map(|v| (v.code().as_str(), v.path(), severity_str(v)))
        .collect();
    let want: Vec<(&str, &str, &str)> = case
        .violations
        .iter()
        .map(|v| (v.code.as_str(), v.path.as_str(), v.severity.as_str()))
        .collect();
    let mut why = Vec::new();
    if report.is_valid() != case.valid {
        why.push(format!(
            "valid: expected {}, got {}",
            case.valid,
            report.is_valid()
        ));
    }
    if got != want {
        why.push(format!("violations: expected {want:?}"));
    } else {
        for (v, e) in report.violations().iter().zip(&case.violations) {
            if let Some(rule) = e.rule.as_deref().filter(|r| *r != v.rule()) {
                why.push(format!(
                    "rule at {:?}: expected {rule}, got {}",
                    e.path,
                    v.rule()
                ));
            }
        }
    }
    if let Some(m) = &case.aws_message {
        if report.aws_message() != Some(m.as_str()) {
            why.push(format!("awsMessage: expected {m:?}"));
        }
    }
    if why.is_empty() {
        None
    } else {
        Some(format!(
            "{}\n    {}\n    got {}",
            case.id,
            why.join("\n    "),
            describe(report)
        ))
    }
}

/// `expected-failures.txt`: case ids known to fail (see the README).
fn expected_failures() -> BTreeSet<String> {
    let path = vectors_dir().join("expected-failures.txt");
    let Ok(text) = std::fs::read_to_string(path) else {
        return BTreeSet::new();
    };
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_vector_passes() {
    let Loaded {
        mut cases,
        problems,
        counts,
    } = load_request_vectors();
    assert!(
        problems.is_empty(),
        "malformed vector files:\n  {}",
        problems.join("\n  ")
    );
    cases.extend(builtin_cases());
    let xfail = expected_failures();
    let mut failures = Vec::new();
    let mut expected_failed = Vec::new();
    let mut codes_expected: BTreeSet<String> = BTreeSet::new();
    let mut rules_seen: BTreeSet<&'static str> = BTreeSet::new();
    for case in &cases {
        if let Some(schema) = &case.document_schema {
            let schema = DocumentSchema::from_json(&schema.to_string()).unwrap();
            let report =
                validate_bytes_with_document_schema(case.op, &case.input, &case.options, &schema);
            for v in &case.violations {
                codes_expected.insert(v.code.clone());
            }
            for v in report.violations() {
                rules_seen.insert(v.rule());
            }
            if let Some(f) = check(case, &report) {
                failures.push(f);
            }
            continue;
        }
        let report = validate_bytes(case.op, &case.input, &case.options);
        // `validate_str` must agree with `validate_bytes` on UTF-8 input.
        if let Ok(text) = std::str::from_utf8(&case.input) {
            let again = iot_jobs_policy::validate_str(case.op, text, &case.options);
            if again.to_json() != report.to_json() {
                failures.push(format!(
                    "{}\n    validate_str and validate_bytes disagree",
                    case.id
                ));
            }
        }
        for v in &case.violations {
            codes_expected.insert(v.code.clone());
        }
        for v in report.violations() {
            rules_seen.insert(v.rule());
        }
        match (check(case, &report), xfail.contains(&case.id)) {
            (Some(f), false) => failures.push(f),
            (Some(_), true) => expected_failed.push(case.id.clone()),
            (None, true) => failures.push(format!(
                "{}\n    passes but is listed in expected-failures.txt: remove it from the list",
                case.id
            )),
            (None, false) => {}
        }
    }
    println!("vector files: {}", counts.len());
    for (file, n) in &counts {
        println!("  {file}: {n} cases");
    }
    println!(
        "cases: {} run, {} passed, {} failed, {} expected failures",
        cases.len(),
        cases.len() - failures.len() - expected_failed.len(),
        failures.len(),
        expected_failed.len()
    );
    for id in &expected_failed {
        println!("  expected failure: {id}");
    }
    for id in &xfail {
        if !cases.iter().any(|c| &c.id == id) {
            failures.push(format!(
                "{id}\n    is listed in expected-failures.txt but no such case exists"
            ));
        }
    }

    let mut coverage = Vec::new();
    for code in Code::ALL {
        if !codes_expected.contains(code.as_str()) {
            coverage.push(format!("code `{code}` appears in no vector expectation"));
        }
    }
    for rule in iot_jobs_policy::rules() {
        if !rules_seen.contains(rule.id) {
            coverage.push(format!("rule `{}` is reported by no vector", rule.id));
        }
    }
    let mut msg = String::new();
    if !failures.is_empty() {
        msg.push_str(&format!(
            "{} failing vector case(s):\n  {}\n",
            failures.len(),
            failures.join("\n  ")
        ));
    }
    if !coverage.is_empty() {
        msg.push_str(&format!("coverage gaps:\n  {}\n", coverage.join("\n  ")));
    }
    assert!(msg.is_empty(), "{msg}");
}

/// A misspelt member fails the load, naming the case, instead of being
/// ignored (a case whose `expect` is misspelt would otherwise assert nothing).
#[test]
fn a_misspelt_member_of_a_case_is_refused() {
    let good = serde_json::json!({
        "name": "n",
        "why": "w",
        "operation": "DescribeJob",
        "options": {"api": "latest", "profile": "documented", "now": 0},
        "request": {"jobId": "job-1"},
        "expect": {"valid": true, "violations": [], "awsMessage": "m"}
    });
    assert!(common::parse_case("f.json", &good).is_ok());
    for (pointer, misspelt) in [
        ("", "requets"),
        ("/options", "nwo"),
        ("/expect", "awsMesage"),
        ("/expect/violations/0", "rul"),
    ] {
        let mut case = good.clone();
        case["expect"] = serde_json::json!({
            "valid": false,
            "violations": [{"code": "required", "path": "", "severity": "error"}]
        });
        case.pointer_mut(pointer).unwrap()[misspelt] = serde_json::json!("x");
        let e = common::parse_case("f.json", &case).unwrap_err();
        assert!(
            e.starts_with("f.json#n: ") && e.contains(&format!("unknown field `{misspelt}`")),
            "{pointer}/{misspelt}: {e}"
        );
    }
}

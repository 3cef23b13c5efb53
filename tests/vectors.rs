//! Runs every shared test vector (`tests/vectors/**/*.json`) through the
//! public API and checks the exact, ordered list of violations.
//!
//! The same files are read by the Node, browser and WebAssembly runners; see
//! `tests/vectors/README.md` for the format. Cases that cannot be stored as
//! data (a request of more than 1 MiB) are built here, in [`builtin_cases`].

#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use iot_jobs_policy::document_schema::{validate_bytes_with_document_schema, DocumentSchema};
use iot_jobs_policy::{validate_bytes, ApiVersion, Code, Operation, Options, Profile, Report};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/vectors")
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        // `machine/` holds the transition function's event vectors (tests/machine.rs).
        if p.is_dir() && p.file_name().is_some_and(|n| n == "machine") {
            continue;
        }
        if p.is_dir() {
            json_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
}

/// One expected violation.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Expected {
    code: String,
    path: String,
    severity: String,
    rule: Option<String>,
}

/// One case, ready to run.
struct Case {
    /// `file.json: case name`.
    id: String,
    op: Operation,
    options: Options,
    input: Vec<u8>,
    /// The caller's job-document schema (`documentSchema` in the case), as JSON text.
    document_schema: Option<String>,
    valid: bool,
    violations: Vec<Expected>,
    aws_message: Option<String>,
}

fn parse_options(v: Option<&Value>) -> Result<Options, String> {
    let mut o = Options::default();
    let Some(v) = v else { return Ok(o) };
    let m = v.as_object().ok_or("options is not an object")?;
    for (k, x) in m {
        match k.as_str() {
            "api" => {
                o.api = x
                    .as_str()
                    .ok_or("options.api is not a string")?
                    .parse::<ApiVersion>()?
            }
            "profile" => {
                o.profile = x
                    .as_str()
                    .ok_or("options.profile is not a string")?
                    .parse::<Profile>()?
            }
            "now" => o.now_ms = Some(x.as_i64().ok_or("options.now is not an integer")?),
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    Ok(o)
}

fn decode_base64(s: &str) -> Result<Vec<u8>, String> {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits: u32 = 0;
    let mut n = 0;
    let mut out = Vec::new();
    for c in s.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=') {
        let v = alphabet
            .iter()
            .position(|a| *a == c)
            .ok_or_else(|| format!("bad base64 character {:?}", c as char))?;
        bits = (bits << 6) | v as u32;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    Ok(out)
}

fn parse_case(file: &str, c: &Value) -> Result<Case, String> {
    let name = c
        .get("name")
        .and_then(Value::as_str)
        .ok_or("case without a name")?;
    let id = format!("{file}: {name}");
    let err = |e: String| format!("{id}: {e}");
    c.get("why")
        .and_then(Value::as_str)
        .ok_or_else(|| err("no `why`".into()))?;
    let op: Operation = c
        .get("operation")
        .and_then(Value::as_str)
        .ok_or_else(|| err("no operation".into()))?
        .parse()
        .map_err(|e| err(format!("{e}")))?;
    let options = parse_options(c.get("options")).map_err(err)?;
    let given: Vec<&str> = ["request", "requestText", "requestBase64"]
        .into_iter()
        .filter(|k| c.get(*k).is_some())
        .collect();
    let input = match given.as_slice() {
        ["request"] => serde_json::to_vec(&c["request"]).unwrap(),
        ["requestText"] => c["requestText"]
            .as_str()
            .ok_or_else(|| err("requestText is not a string".into()))?
            .as_bytes()
            .to_vec(),
        ["requestBase64"] => decode_base64(
            c["requestBase64"]
                .as_str()
                .ok_or_else(|| err("requestBase64 is not a string".into()))?,
        )
        .map_err(err)?,
        other => {
            return Err(err(format!(
                "needs exactly one of request, requestText, requestBase64; has {other:?}"
            )))
        }
    };
    let document_schema = c.get("documentSchema").map(Value::to_string);
    let expect = c
        .get("expect")
        .and_then(Value::as_object)
        .ok_or_else(|| err("no expect".into()))?;
    let valid = expect
        .get("valid")
        .and_then(Value::as_bool)
        .ok_or_else(|| err("expect.valid missing".into()))?;
    let mut violations = Vec::new();
    for v in expect
        .get("violations")
        .and_then(Value::as_array)
        .ok_or_else(|| err("expect.violations missing".into()))?
    {
        let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let severity = s("severity").ok_or_else(|| err("violation without severity".into()))?;
        if severity != "error" && severity != "warning" {
            return Err(err(format!("bad severity {severity}")));
        }
        violations.push(Expected {
            code: s("code").ok_or_else(|| err("violation without code".into()))?,
            path: s("path").ok_or_else(|| err("violation without path".into()))?,
            severity,
            rule: s("rule"),
        });
    }
    let has_error = violations.iter().any(|v| v.severity == "error");
    if has_error == valid {
        return Err(err(format!(
            "expect.valid is {valid} but the expected violations {} an error",
            if has_error {
                "contain"
            } else {
                "do not contain"
            }
        )));
    }
    let aws_message = expect
        .get("awsMessage")
        .map(|m| {
            m.as_str()
                .map(str::to_string)
                .ok_or_else(|| err("awsMessage is not a string".into()))
        })
        .transpose()?;
    Ok(Case {
        id,
        op,
        options,
        document_schema,
        input,
        valid,
        violations,
        aws_message,
    })
}

fn load_cases() -> (Vec<Case>, Vec<String>, Vec<(String, usize)>) {
    let dir = vectors_dir();
    let mut files = Vec::new();
    json_files(&dir, &mut files);
    let mut cases = Vec::new();
    let mut problems = Vec::new();
    let mut counts = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(&dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = match std::fs::read_to_string(&f) {
            Ok(t) => t,
            Err(e) => {
                problems.push(format!("{rel}: {e}"));
                continue;
            }
        };
        let doc: Value = match serde_json::from_str(&text) {
            Ok(d) => d,
            Err(e) => {
                problems.push(format!("{rel}: not JSON: {e}"));
                continue;
            }
        };
        if doc.get("description").and_then(Value::as_str).is_none() {
            problems.push(format!("{rel}: no description"));
        }
        let Some(list) = doc.get("cases").and_then(Value::as_array) else {
            problems.push(format!("{rel}: no cases array"));
            continue;
        };
        let mut names = BTreeSet::new();
        for c in list {
            if let Some(n) = c.get("name").and_then(Value::as_str) {
                if !names.insert(n.to_string()) {
                    problems.push(format!("{rel}: duplicate case name {n:?}"));
                }
            }
            match parse_case(&rel, c) {
                Ok(case) => cases.push(case),
                Err(e) => problems.push(e),
            }
        }
        counts.push((rel, list.len()));
    }
    (cases, problems, counts)
}

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
            id: String::from("(built in): exactly 1 MiB is accepted"),
            op: Operation::DescribeJob,
            options: Options::default(),
            document_schema: None,
            input: padded(limit),
            valid: true,
            violations: vec![],
            aws_message: None,
        },
        Case {
            id: String::from("(built in): 1 MiB + 1 byte is tooLarge"),
            op: Operation::DescribeJob,
            options: Options::default(),
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
    let (mut cases, problems, counts) = load_cases();
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
            let schema = DocumentSchema::from_json(schema).unwrap();
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

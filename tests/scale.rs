//! Requests near the 1 MiB limit with as many violations as fit (issue #10,
//! findings 1 and 2): each validates in time linear in its size (these would
//! take minutes with a location that scans each object's entries per
//! violation; they finish in well under a second in release), and the
//! report stops at [`MAX_VIOLATIONS`] with one `tooManyViolations` entry.
//! No timing is asserted: a shape that regresses to quadratic time makes
//! this test take minutes, which the CI run shows.

#![cfg(test)] // always true here; lets clippy.toml's allow-*-in-tests cover the helpers too (rust-clippy#11119)
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest

use iot_jobs_policy::{
    is_valid_str, validate_bytes, validate_value, Code, Operation, Options, Profile, Report,
    Severity, MAX_REQUEST_BYTES, MAX_VIOLATIONS,
};

/// `{"jobId":"job-1",` then `keys` copies of `"a":0,` then `"targets":[1,1,…]`
/// with `numbers` entries: every key is scanned before `targets` is found,
/// and every number is a violation under it.
fn keys_then_targets(keys: usize, numbers: usize) -> Vec<u8> {
    let mut s = String::from(r#"{"jobId":"job-1","#);
    s.push_str(&r#""a":0,"#.repeat(keys));
    s.push_str(r#""targets":["#);
    s.push_str(&vec!["1"; numbers].join(","));
    s.push_str(r#"],"document":"{}"}"#);
    s.into_bytes()
}

/// A CreateJob whose `documentParameters` hold `n` empty values (each too
/// short and not matching the pattern), to validate with [`model`]: the
/// documented rules about parameters and templates stay out of the counts.
fn bad_parameters(n: usize) -> Vec<u8> {
    let entries: Vec<String> = (0..n).map(|i| format!(r#""{i:x}":"""#)).collect();
    format!(
        r#"{{"jobId":"job-1","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"documentParameters":{{{}}}}}"#,
        entries.join(",")
    )
    .into_bytes()
}

/// The model profile.
fn model() -> Options {
    Options::default().with_profile(Profile::Model)
}

/// The byte offset of the `n`-th (0-based) occurrence of `needle` in `text`
/// at or after `from`.
fn nth(text: &[u8], needle: &[u8], n: usize, from: usize) -> usize {
    text[from..]
        .windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .nth(n)
        .map(|(i, _)| from + i)
        .unwrap()
}

/// The `tooManyViolations` entry, which must be last and the only one.
fn cap_entry(report: &Report) -> &iot_jobs_policy::Violation {
    let v = report.violations();
    assert_eq!(v.len(), MAX_VIOLATIONS + 1);
    assert!(v[..MAX_VIOLATIONS]
        .iter()
        .all(|v| v.code() != Code::TooManyViolations));
    let last = &v[MAX_VIOLATIONS];
    assert_eq!(last.code(), Code::TooManyViolations);
    assert_eq!(last.rule(), "report.tooManyViolations");
    assert_eq!(last.severity(), Severity::Error);
    assert_eq!(last.path(), "");
    last
}

#[test]
fn many_keys_before_a_long_list_of_violations() {
    let text = keys_then_targets(80_000, 255_000);
    assert!(text.len() <= MAX_REQUEST_BYTES, "{}", text.len());
    assert!(text.len() > 980_000, "{}", text.len());
    let options = Options::default();
    let report = validate_bytes(Operation::CreateJob, &text, &options);
    // 79,999 repeated keys and 80,000 unknown ones (a repeat is reported
    // once as a duplicate and once as unknown), then 255,000 type errors
    // and the documented 100-target warning.
    let total = 79_999 + 80_000 + 255_000 + 1;
    assert_eq!(
        cap_entry(&report).message(),
        format!(
            "the first 1000 violations are listed, and {} more violations are not ({total} in all)",
            total - MAX_VIOLATIONS
        )
    );
    let v = report.violations();
    assert_eq!((v[0].code(), v[0].path()), (Code::DuplicateKey, "/a"));
    // The walk's order: every duplicate first, then the unknown keys.
    assert_eq!(v[999].code(), Code::DuplicateKey);
    // Located at the second `"a"` key (the first repeat).
    let p = v[0].position().unwrap();
    assert_eq!(p.offset(), nth(&text, br#""a""#, 1, 0));
    assert_eq!((p.line(), p.column()), (1, p.offset() + 1));
    // The entry points at the request object.
    assert_eq!(cap_entry(&report).position().unwrap().offset(), 0);
    assert!(!report.is_valid());
    assert!(!is_valid_str(
        Operation::CreateJob,
        std::str::from_utf8(&text).unwrap(),
        &options
    ));
}

#[test]
fn a_long_list_of_violations_under_many_keys_is_located_exactly() {
    // Unique keys (no duplicates) so that the listed violations are the
    // targets' own, each located at its number.
    let keys: String = (0..60_000).map(|i| format!(r#""{i:x}":0,"#)).collect();
    let mut text = String::from(r#"{"jobId":"job-1","#);
    text.push_str(&keys);
    text.push_str(r#""targets":["#);
    text.push_str(&vec!["7"; 150_000].join(","));
    text.push_str("]}");
    let text = text.into_bytes();
    assert!(text.len() <= MAX_REQUEST_BYTES, "{}", text.len());
    let report = validate_bytes(Operation::CreateJob, &text, &model());
    let v = report.violations();
    cap_entry(&report);
    // 60,000 unknown keys, then the first 940 type errors.
    assert_eq!(v[59_999.min(MAX_VIOLATIONS - 1)].code(), Code::UnknownField);
    let unknown = v.iter().filter(|v| v.code() == Code::UnknownField).count();
    assert_eq!(unknown, MAX_VIOLATIONS);
    // With the model profile and 60,000 unknown keys, every listed violation
    // is an unknown key; the total counts the 150,000 type errors too.
    assert!(cap_entry(&report)
        .message()
        .ends_with(&format!("({} in all)", 60_000 + 150_000)));
    // awsMessage quotes one message of its own (unknown members are not
    // framework items) and counts nothing it does not list.
    assert_eq!(report.aws_message(), Some("Unknown member '0' at '0'"));
}

#[test]
fn violations_after_many_entries_of_a_map_are_located_at_their_values() {
    // 60,000 good parameters, then 500 empty ones (each too short and not
    // matching the pattern): every listed violation is checked.
    let good: Vec<String> = (0..60_000).map(|i| format!(r#""g{i:x}":"v""#)).collect();
    let bad: Vec<String> = (0..500).map(|i| format!(r#""b{i}":"""#)).collect();
    let text = format!(
        r#"{{"jobId":"job-1","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"documentParameters":{{{},{}}}}}"#,
        good.join(","),
        bad.join(",")
    );
    let text = text.into_bytes();
    assert!(text.len() <= MAX_REQUEST_BYTES, "{}", text.len());
    let report = validate_bytes(Operation::CreateJob, &text, &model());
    let v = report.violations();
    assert_eq!(v.len(), 1000);
    let mut from = 0;
    for (i, pair) in v.chunks(2).enumerate() {
        let at =
            nth(&text, format!(r#""b{i}":"""#).as_bytes(), 0, from) + format!("b{i}").len() + 3;
        from = at;
        assert_eq!(
            (pair[0].code(), pair[1].code()),
            (Code::MinLength, Code::Pattern)
        );
        for v in pair {
            assert_eq!(v.path(), format!("/documentParameters/b{i}"));
            let p = v.position().unwrap();
            assert_eq!(p.offset(), at, "{}", v.path());
            assert_eq!((p.line(), p.column()), (1, at + 1));
        }
    }
}

#[test]
fn many_bad_document_parameters() {
    let text = bad_parameters(58_861);
    assert!(text.len() <= MAX_REQUEST_BYTES, "{}", text.len());
    let report = validate_bytes(Operation::CreateJob, &text, &model());
    let entry = cap_entry(&report);
    // Each empty value is too short and does not match the pattern.
    let total = 2 * 58_861;
    assert!(
        entry.message().ends_with(&format!("({total} in all)")),
        "{}",
        entry.message()
    );
    let v = report.violations();
    let mut from = 0;
    for (i, pair) in v[..MAX_VIOLATIONS].chunks(2).enumerate() {
        let at =
            nth(&text, format!(r#""{i:x}":"""#).as_bytes(), 0, from) + format!("{i:x}").len() + 3;
        from = at;
        assert_eq!(
            (pair[0].code(), pair[1].code()),
            (Code::MinLength, Code::Pattern)
        );
        for v in pair {
            assert_eq!(v.path(), format!("/documentParameters/{i:x}"));
            assert_eq!(v.position().unwrap().offset(), at, "{}", v.path());
        }
    }
    // Every one is a framework item: all counted, ten quoted.
    let aws = report.aws_message().unwrap();
    assert!(
        aws.starts_with(&format!("{total} validation errors detected: Value '' at 'documentParameters.0' failed to satisfy constraint: Member must have length greater than or equal to 1; ")),
        "{aws}"
    );
    assert_eq!(aws.matches("failed to satisfy constraint").count(), 10);
    assert!(
        aws.contains("'documentParameters.4'") && !aws.contains("'documentParameters.5'"),
        "{aws}"
    );
}

#[test]
fn many_distinct_abort_and_retry_criteria() {
    // Each criterion's failure type is new (and not an enum value), so the
    // duplicate checks compare every pair unless they index what they saw.
    let abort: Vec<String> = (0..10_000)
        .map(|i| format!(r#"{{"failureType":"F{i}","action":"CANCEL","thresholdPercentage":1,"minNumberOfExecutedThings":1}}"#))
        .collect();
    let text = format!(
        r#"{{"jobId":"job-1","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{{}}","abortConfig":{{"criteriaList":[{}]}}}}"#,
        abort.join(",")
    );
    assert!(text.len() <= MAX_REQUEST_BYTES, "{}", text.len());
    let report = validate_bytes(Operation::CreateJob, text.as_bytes(), &Options::default());
    let enums = report
        .violations()
        .iter()
        .filter(|v| v.code() == Code::Enum)
        .count();
    assert_eq!(enums, MAX_VIOLATIONS);
    assert!(cap_entry(&report).message().ends_with("(10000 in all)"));

    let retry: Vec<String> = (0..20_000)
        .map(|i| format!(r#"{{"failureType":"R{i}","numberOfRetries":0}}"#))
        .collect();
    let text = format!(
        r#"{{"jobId":"job-1","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{{}}","jobExecutionsRetryConfig":{{"criteriaList":[{}]}}}}"#,
        retry.join(",")
    );
    assert!(text.len() <= MAX_REQUEST_BYTES, "{}", text.len());
    let report = validate_bytes(Operation::CreateJob, text.as_bytes(), &Options::default());
    // The list's length (at most 2), then one enum error per criterion.
    assert_eq!(report.violations()[0].code(), Code::MaxItems);
    assert!(cap_entry(&report).message().ends_with("(20001 in all)"));
}

/// A DescribeJob with `n` unknown keys: `n` violations, none a framework item.
fn unknown_keys(n: usize) -> String {
    let keys: String = (0..n).map(|i| format!(r#","k{i}":0"#)).collect();
    format!(r#"{{"jobId":"job-1"{keys}}}"#)
}

#[test]
fn the_cap_counts_exactly() {
    let options = Options::default();
    // Exactly the cap: all listed, no entry.
    let report = validate_bytes(
        Operation::DescribeJob,
        unknown_keys(MAX_VIOLATIONS).as_bytes(),
        &options,
    );
    assert_eq!(report.violations().len(), MAX_VIOLATIONS);
    assert!(report
        .violations()
        .iter()
        .all(|v| v.code() == Code::UnknownField));
    // One more: the entry, in the singular.
    let text = unknown_keys(MAX_VIOLATIONS + 1);
    let report = validate_bytes(Operation::DescribeJob, text.as_bytes(), &options);
    assert_eq!(
        cap_entry(&report).message(),
        "the first 1000 violations are listed, and 1 more violation is not (1001 in all)"
    );
    assert_eq!(report.violations()[999].path(), "/k999");
    // The business-rule message of the first error, as without a cap.
    assert_eq!(report.aws_message(), Some("Unknown member 'k0' at 'k0'"));
    // The JSON form reads back equal and the text form names the code.
    let back: Report = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(back, report);
    assert!(report
        .to_string()
        .contains("error[tooManyViolations] /: the first 1000 violations are listed"));
    // A `serde_json::Value` gets the same list, without positions.
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let from_value = validate_value(Operation::DescribeJob, &value, &options);
    let entry = cap_entry(&from_value);
    assert_eq!(entry.position(), None);
    assert_eq!(entry.message(), cap_entry(&report).message());
}

#[test]
fn warnings_past_the_cap_make_the_request_invalid_on_both_paths() {
    // 1,001 violations of which only the unknown keys are errors: the
    // report and the counting path agree that a capped report is invalid.
    let text = unknown_keys(MAX_VIOLATIONS + 1);
    assert!(!is_valid_str(
        Operation::DescribeJob,
        &text,
        &Options::default()
    ));
}

#[test]
fn aws_message_quotes_at_most_ten_items_and_counts_all() {
    // Six empty parameter values: twelve framework items.
    let text = bad_parameters(6);
    let report = validate_bytes(Operation::CreateJob, &text, &model());
    assert_eq!(report.violations().len(), 12);
    let aws = report.aws_message().unwrap();
    assert!(
        aws.starts_with("12 validation errors detected: Value '' at 'documentParameters.0' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '' at 'documentParameters.0' failed to satisfy constraint: Member must satisfy regular expression pattern: "),
        "{aws}"
    );
    assert_eq!(aws.matches("; Value '").count(), 9);
    assert!(
        aws.contains("'documentParameters.4'") && !aws.contains("'documentParameters.5'"),
        "{aws}"
    );
}

#[cfg(feature = "cli")]
#[path = "common/run_cli.rs"]
mod run_cli;

#[cfg(feature = "cli")]
mod cli {
    use super::run_cli::cli;
    use super::*;

    fn run(args: &[&str], stdin: &[u8]) -> (Option<i32>, String) {
        let out = cli(args, Some(stdin));
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    }

    #[test]
    fn the_cli_lists_the_cap_and_runs_the_worst_shape() {
        let text = keys_then_targets(80_000, 255_000);
        let (code, out) = run(&["validate", "CreateJob", "-", "--format", "json"], &text);
        assert_eq!(code, Some(1));
        let expected = validate_bytes(Operation::CreateJob, &text, &Options::default());
        assert_eq!(out, expected.to_json() + "\n");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            v["violations"].as_array().unwrap().len(),
            MAX_VIOLATIONS + 1
        );
        assert_eq!(v["violations"][MAX_VIOLATIONS]["code"], "tooManyViolations");

        let (code, out) = run(
            &["validate", "CreateJob", "-", "--profile", "model"],
            &bad_parameters(58_861),
        );
        assert_eq!(code, Some(1));
        assert!(
            out.contains("<stdin>:1:1: error[tooManyViolations] /: the first 1000 violations are listed, and 116722 more violations are not (117722 in all)"),
            "{out}"
        );
        assert_eq!(out.matches("error[minLength]").count(), MAX_VIOLATIONS / 2);
        assert_eq!(out.matches("error[pattern]").count(), MAX_VIOLATIONS / 2);
    }
}

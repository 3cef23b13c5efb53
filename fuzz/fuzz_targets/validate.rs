//! `validate_bytes` / `validate_str` for all seven operations, with the
//! options drawn from the input (see `iot_jobs_policy_fuzz::head`), and
//! `validate_value` on whatever serde_json can parse. Checks the report's
//! own invariants: `valid` agrees with the severities, every error has an
//! AWS message, paths are JSON Pointers, positions lie inside the text, and
//! `to_json` is JSON that says the same verdict.
#![no_main]

use iot_jobs_policy::{validate_bytes, validate_str, validate_value, Report, Severity};
use iot_jobs_policy_fuzz::head;
use libfuzzer_sys::fuzz_target;

fn check(report: &Report, text_len: Option<usize>) {
    let errors = report
        .violations()
        .iter()
        .filter(|v| v.severity() == Severity::Error)
        .count();
    assert_eq!(report.is_valid(), errors == 0, "{report:?}");
    assert_eq!(report.aws_message().is_some(), errors > 0, "{report:?}");
    for v in report.violations() {
        assert!(
            v.path().is_empty() || v.path().starts_with('/'),
            "not a JSON Pointer: {v:?}"
        );
        assert!(!v.message().is_empty(), "{v:?}");
        assert!(!v.rule().is_empty(), "{v:?}");
        match (v.position(), text_len) {
            (Some(p), Some(len)) => {
                assert!(p.offset <= len, "position beyond the text: {v:?}");
                assert!(p.line >= 1 && p.column >= 1, "{v:?}");
            }
            (Some(_), None) => panic!("a position without text: {v:?}"),
            (None, _) => {}
        }
    }
    let json: serde_json::Value = match serde_json::from_str(&report.to_json()) {
        Ok(v) => v,
        Err(e) => panic!("Report::to_json is not JSON ({e}): {}", report.to_json()),
    };
    assert_eq!(json["valid"], serde_json::Value::Bool(report.is_valid()));
    assert_eq!(
        json["violations"].as_array().map(Vec::len),
        Some(report.violations().len())
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((op, options, request)) = head(data) else {
        return;
    };
    let report = validate_bytes(op, request, &options);
    check(&report, Some(request.len()));
    if let Ok(text) = std::str::from_utf8(request) {
        assert_eq!(validate_str(op, text, &options), report);
    }
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(request) {
        check(&validate_value(op, &value, &options), None);
    }
});

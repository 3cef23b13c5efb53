//! `validate_bytes` / `validate_str` for all seven operations, with the
//! options drawn from the input (see `iot_jobs_policy_fuzz::head`), and
//! `validate_value` on whatever serde_json can parse (the same report as
//! the text when the text is serde_json's own rendering). Checks the report's
//! own invariants: `valid` agrees with the severities, every error has an
//! AWS message, paths are JSON Pointers, positions lie inside the text, and
//! `to_json` is JSON that says the same verdict, and the report is capped at
//! `MAX_VIOLATIONS` with one `tooManyViolations` entry last.
#![no_main]

use iot_jobs_policy::{
    validate_bytes, validate_str, validate_value, Code, Report, Severity, MAX_VIOLATIONS,
};
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
    // The cap: at most MAX_VIOLATIONS entries, then one tooManyViolations
    // (an error) last, and only then.
    let n = report.violations().len();
    assert!(n <= MAX_VIOLATIONS + 1, "{n} violations");
    for (i, v) in report.violations().iter().enumerate() {
        let capped = v.code() == Code::TooManyViolations;
        assert_eq!(
            capped,
            n == MAX_VIOLATIONS + 1 && i == MAX_VIOLATIONS,
            "{v:?} at {i} of {n}"
        );
    }
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

/// A report without positions: what the text and value forms share. The
/// text form's `tooDeep` also says where (line and column), so only its code
/// and path count.
fn summary(report: &Report) -> Vec<String> {
    let mut out: Vec<String> = report
        .violations()
        .iter()
        .map(|v| {
            let message = if v.code() == Code::TooDeep {
                ""
            } else {
                v.message()
            };
            format!(
                "{} {} {:?} {} {:?} {message}",
                v.code(),
                v.path(),
                v.severity(),
                v.rule(),
                v.help(),
            )
        })
        .collect();
    if report
        .violations()
        .iter()
        .all(|v| v.code() != Code::TooDeep)
    {
        out.push(format!("aws: {:?}", report.aws_message()));
    }
    out
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
        let from_value = validate_value(op, &value, &options);
        check(&from_value, None);
        // Text that is exactly serde_json's own rendering of the value (no
        // duplicate keys, sorted keys, plain number forms, no BOM) must get
        // the same report from both forms, positions aside.
        if serde_json::to_string(&value).is_ok_and(|t| t.as_bytes() == request) {
            assert_eq!(summary(&from_value), summary(&report), "{value}");
        }
    }
});

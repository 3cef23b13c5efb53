//! The `&str -> String` boundary the WebAssembly bindings use:
//! `ffi::validate_json`, `ffi::validate_compact_json` (npm's `validate`),
//! `ffi::is_valid_json`, `ffi::parse_options`, `ffi::parse_operation` and
//! `ffi::schema_json`. Input: operation name,
//! options text and request text separated by NUL bytes. Every answer must be
//! JSON tagged `success` or `misuse`, misuse exactly when it is one, and the
//! two validators must agree with each other and with `validate_str` (the
//! report is `Report::to_json`'s); the compact answer must hold the same
//! report, member for member, with or without positions.
#![no_main]

use iot_jobs_policy::{ffi, validate_str};
use iot_jobs_policy_fuzz::{fields, tagged};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let f = fields(data, 3);
    let field = |i: usize| f.get(i).map_or("", String::as_str);
    let (op_name, options, request) = (field(0), field(1), field(2));

    let op = ffi::parse_operation(op_name);
    if let Err(e) = &op {
        assert_eq!(e.code(), "unknownOperation");
    }
    let parsed = ffi::parse_options(options);
    if let Err(e) = &parsed {
        assert_eq!(e.code(), "invalidOptions");
        assert!(!e.message().is_empty());
    }

    let (ok, full) = tagged(&ffi::validate_json(op_name, request, options));
    let (ok_bool, short) = tagged(&ffi::is_valid_json(op_name, request, options));
    assert_eq!(ok, op.is_ok() && parsed.is_ok(), "{full}");
    assert_eq!(ok, ok_bool, "{full} vs {short}");
    if let (Ok(op), Ok(o)) = (&op, &parsed) {
        let report = validate_str(*op, request, o);
        let valid = report.is_valid();
        let own: Value = serde_json::from_str(&report.to_json()).unwrap_or_default();
        assert_eq!(full["report"], own, "the ffi report is Report::to_json");
        assert_eq!(full.pointer("/report/valid"), Some(&Value::Bool(valid)));
        assert_eq!(short.get("valid"), Some(&Value::Bool(valid)));
    } else {
        assert_eq!(full["error"], short["error"]);
    }

    // The compact answer: [valid, awsMessage, then 7 members a violation,
    // or 10 with positions (offset, line, column; null without a place)].
    let positions = data.first().is_some_and(|b| b & 1 == 1);
    let (ok_compact, compact) = tagged(&ffi::validate_compact_json(
        op_name, request, options, positions,
    ));
    assert_eq!(ok, ok_compact, "{full} vs {compact}");
    if ok {
        let empty = Vec::new();
        let list = compact["compact"].as_array().unwrap_or(&empty);
        let report = &full["report"];
        let violations = report["violations"].as_array().unwrap_or(&empty);
        let stride = if positions { 10 } else { 7 };
        assert_eq!(list.len(), 2 + stride * violations.len(), "{compact}");
        assert_eq!(list[0], report["valid"]);
        assert_eq!(list[1], report["awsMessage"]);
        for (v, c) in violations.iter().zip(list[2..].chunks(stride)) {
            for (k, name) in [
                "code", "path", "message", "severity", "source", "rule", "help",
            ]
            .iter()
            .enumerate()
            {
                assert_eq!(c[k], v[*name], "{name}: {compact}");
            }
            if positions {
                let at = &v["position"];
                for (k, name) in ["offset", "line", "column"].iter().enumerate() {
                    let want = if at.is_null() {
                        &Value::Null
                    } else {
                        &at[*name]
                    };
                    assert_eq!(&c[7 + k], want, "{name}: {compact}");
                }
            }
        }
    } else {
        assert_eq!(full["error"], compact["error"]);
    }

    let (schema_ok, schema) = tagged(&ffi::schema_json(op_name, options));
    if op.is_err() {
        assert!(!schema_ok, "{schema}");
    }
    if schema_ok {
        assert!(schema["schema"].is_object(), "{schema}");
    }
});

//! `is_valid_str` (which builds no messages) must agree with
//! `validate_bytes(...).is_valid()` on every input, operation and options.
#![no_main]

use iot_jobs_policy::{is_valid_str, validate_bytes};
use iot_jobs_policy_fuzz::head;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((op, options, request)) = head(data) else {
        return;
    };
    let text = String::from_utf8_lossy(request);
    let report = validate_bytes(op, text.as_bytes(), &options);
    assert_eq!(
        is_valid_str(op, &text, &options),
        report.is_valid(),
        "is_valid_str disagrees with validate_bytes for {op:?} {options:?}: {report:?}"
    );
});

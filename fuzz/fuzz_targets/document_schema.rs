//! The `document-schema` entry: `DocumentSchema::from_json` on any schema
//! text, then `validate_bytes_with_document_schema`. Input: the head of the
//! `validate` target (operation and options), then the schema text, a NUL
//! byte and the request bytes. The report must be `validate_bytes`'s report
//! plus `documentSchema` violations only.
#![no_main]

use iot_jobs_policy::document_schema::{validate_bytes_with_document_schema, DocumentSchema};
use iot_jobs_policy::{validate_bytes, Code};
use iot_jobs_policy_fuzz::{head, SEP};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((op, options, rest)) = head(data) else {
        return;
    };
    let (schema, request) = match rest.iter().position(|&b| b == SEP) {
        Some(i) => (
            rest.get(..i).unwrap_or(&[]),
            rest.get(i + 1..).unwrap_or(&[]),
        ),
        None => (rest, &[][..]),
    };
    let Ok(schema) = DocumentSchema::from_json(&String::from_utf8_lossy(schema)) else {
        return;
    };
    let with = validate_bytes_with_document_schema(op, request, &options, &schema);
    let plain = validate_bytes(op, request, &options);
    let others: Vec<_> = with
        .violations()
        .iter()
        .filter(|v| v.code() != Code::DocumentSchema)
        .cloned()
        .collect();
    assert_eq!(others.as_slice(), plain.violations());
});

//! Validation with the caller's JSON Schema for the inline job document,
//! with the last compiled schema kept (feature `document-schema`).

use super::{answer, parse_operation, parse_options, UsageError};
use crate::export::document_schema::{validate_bytes_with_document_schema, DocumentSchema};
use std::cell::RefCell;

std::thread_local! {
    /// The last document schema compiled, by its text: compiling one costs
    /// milliseconds, and callers pass the same schema again and again.
    static LAST: RefCell<Option<(String, DocumentSchema)>> = const { RefCell::new(None) };
}

/// Like [`super::validate_json`], and checks the inline job `document`
/// against the caller's JSON Schema `schema` (JSON text). Answers
/// `{"type":"success","report":{…}}` or the misuse `unknownOperation`,
/// `invalidOptions` or `invalidDocumentSchema` (a schema that cannot be
/// compiled). The last schema compiled is kept per thread, so passing the
/// same text again costs no compilation.
///
/// ```
/// use iot_jobs_policy::ffi::validate_with_document_schema_json as check;
/// let request = r#"{"jobId": "j", "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t"], "document": "{\"v\": 1}"}"#;
/// let out = check("CreateJob", request, "", r#"{"required": ["w"]}"#);
/// assert!(out.starts_with(r#"{"type":"success","report":{"valid":false"#));
/// assert!(check("CreateJob", request, "", "{").starts_with(r#"{"type":"misuse","error":{"code":"invalidDocumentSchema""#));
/// ```
pub fn validate_with_document_schema_json(
    operation: &str,
    request: &str,
    options: &str,
    schema: &str,
) -> String {
    let (op, options) =
        match parse_operation(operation).and_then(|op| parse_options(options).map(|o| (op, o))) {
            Ok(parsed) => parsed,
            Err(e) => return answer::misuse(&e),
        };
    LAST.with(|cell| {
        let mut cached = cell.borrow_mut();
        if cached.as_ref().map(|(text, _)| text.as_str()) != Some(schema) {
            match DocumentSchema::from_json(schema) {
                Ok(compiled) => *cached = Some((schema.to_owned(), compiled)),
                Err(e) => {
                    return answer::misuse(&UsageError::new("invalidDocumentSchema", e.message()))
                }
            }
        }
        match cached.as_ref() {
            Some((_, compiled)) => {
                let report =
                    validate_bytes_with_document_schema(op, request.as_bytes(), &options, compiled);
                answer::success_members(&format!(r#""report":{}"#, report.to_json()))
            }
            None => answer::misuse(&UsageError::new(
                "internal",
                "the document schema was not kept",
            )),
        }
    })
}

//! Job-document schemas: the `document` of a job is free JSON that a device
//! agent interprets, and teams describe it with a JSON Schema of their own.
//! With the `document-schema` feature (on by default natively, off in the
//! default WebAssembly build because the `jsonschema` crate adds about 620 KB
//! gzipped), the inline document is checked against such a schema and each
//! failure is reported under `/document` with the inner JSON Pointer.

use crate::rules;
use crate::validate::api::{Operation, Options};
use crate::validate::json::{Entry, Value};
use crate::validate::model::{Details, Seg, Walker};
use crate::validate::report::Report;

/// A compiled job-document schema.
pub struct DocumentSchema {
    validator: jsonschema::Validator,
}

/// A job-document schema that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DocumentSchemaError {
    message: String,
}

impl DocumentSchemaError {
    /// A lowercase sentence saying what is wrong with the schema.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl DocumentSchema {
    /// Compiles a schema (any draft the `jsonschema` crate knows; `$schema`
    /// picks it, 2020-12 otherwise). Remote `$ref`s are not fetched.
    ///
    /// # Errors
    /// When the value is not a valid JSON Schema.
    pub fn new(schema: &serde_json::Value) -> Result<DocumentSchema, DocumentSchemaError> {
        jsonschema::validator_for(schema)
            .map(|validator| DocumentSchema { validator })
            .map_err(|e| DocumentSchemaError {
                message: format!("the document schema is not usable: {e}"),
            })
    }

    /// Compiles a schema given as JSON text.
    ///
    /// # Errors
    /// When the text is not JSON or not a valid JSON Schema.
    pub fn from_json(text: &str) -> Result<DocumentSchema, DocumentSchemaError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| DocumentSchemaError {
                message: format!("the document schema is not JSON: {e}"),
            })?;
        DocumentSchema::new(&value)
    }

    fn check(&self, w: &mut Walker<'_>, root: &[Entry<'_>]) {
        let Some(text) =
            root.iter()
                .find(|e| e.key == "document")
                .and_then(|e| match &e.value.value {
                    Value::String(s) => Some(s.to_string()),
                    _ => None,
                })
        else {
            return;
        };
        // A document that is not JSON is already a `notJson` violation.
        let Ok(document) = serde_json::from_str::<serde_json::Value>(&text) else {
            return;
        };
        for error in self.validator.iter_errors(&document) {
            let inner = error.instance_path().as_str().to_owned();
            let keyword = error.kind().keyword().to_owned();
            let said = error.masked().to_string();
            w.at(Seg::Key("document"), |w| {
                w.emit_with_suffix(&rules::DOCUMENT_SCHEMA, &inner, |_| {
                    let at = if inner.is_empty() {
                        String::from("the job document")
                    } else {
                        format!("`{inner}` in the job document")
                    };
                    Details::new(format!(
                        "{at} fails the document schema's `{keyword}`: {said}"
                    ))
                    .plain(format!(
                        "The job document does not satisfy its schema at '{inner}': {said}"
                    ))
                });
            });
        }
    }
}

/// Validates a request as [`crate::validate_bytes`] does, then checks its
/// inline `document` against `schema`.
///
/// ```
/// use iot_jobs_policy::document_schema::{validate_bytes_with_document_schema, DocumentSchema};
/// use iot_jobs_policy::{Operation, Options};
/// let schema = DocumentSchema::from_json(r#"{"type":"object","required":["version"]}"#).unwrap();
/// let request = br#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{\"op\":\"x\"}"}"#;
/// let report = validate_bytes_with_document_schema(Operation::CreateJob, request, &Options::default(), &schema);
/// assert_eq!(report.violations()[0].code().as_str(), "documentSchema");
/// assert_eq!(report.violations()[0].path(), "/document");
/// ```
pub fn validate_bytes_with_document_schema(
    op: Operation,
    request: &[u8],
    options: &Options,
    schema: &DocumentSchema,
) -> Report {
    let check = |w: &mut Walker<'_>, root: &[Entry<'_>]| schema.check(w, root);
    let violations =
        crate::validate::run_bytes_with(op, request, options, true, Some(&check)).into_violations();
    Report::from_violations(Report::with_positions(violations, request))
}

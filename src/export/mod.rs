//! What the engine exports for other tools: JSON Schema for editors and
//! other validators, SARIF for code-scanning, and (feature
//! `document-schema`) a caller's schema for inline job documents.

#[cfg(feature = "document-schema")]
pub mod document_schema;
pub mod json_schema;
pub mod sarif;

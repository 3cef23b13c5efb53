#![doc = include_str!("../README.md")]
//!
//! ## Design
//!
//! The crate is sans-IO: no clock, no randomness, no environment, no I/O.
//! Rules that depend on the current time take it from [`Options::now_ms`].
//! One walk over the request checks every model constraint of the chosen API
//! version and, in the `documented` profile, every rule the AWS documentation
//! states that the model cannot express. The `&str` entry points, the
//! [`serde_json::Value`] entry point, the typed request structs, the CLI and
//! the WebAssembly bindings all reach the same walk.
//!
//! ## Untrusted input
//!
//! Requests larger than [`MAX_REQUEST_BYTES`] are refused before parsing,
//! nesting deeper than [`MAX_DEPTH`] is refused while parsing, and every other
//! malformation (duplicate keys, non-UTF-8 bytes, `NaN`, integers beyond 64
//! bits, a top level that is not an object) becomes a violation with its own
//! code. Nothing panics: the crate denies `unwrap`, `expect`, `panic!` and
//! unchecked indexing outside tests.

#[cfg(any(feature = "cli", feature = "node-cli"))]
pub mod cli;
mod export;
pub mod ffi;
pub mod machine;
mod rules;
pub mod simulate;
#[cfg(test)]
mod test_rng;
pub mod types;
mod validate;

#[cfg(feature = "document-schema")]
pub use export::document_schema;
pub use export::json_schema as schema_export;
pub use export::json_schema::UnknownDialect;
pub use export::sarif;
pub use ffi::replay;
pub use rules::{
    catalogue, catalogue_entry, machine_rules, reference_rules, rules, Entry, Kind, Provenance,
    Reference, Rule,
};
pub use validate::api::{
    ApiVersion, Operation, Options, Profile, UnknownApiVersion, UnknownOperation, UnknownProfile,
};
pub use validate::cron;
pub use validate::display::ReportText;
pub use validate::report::{
    Code, InvalidRequest, Position, Report, Severity, Source, UnknownCode, UnknownSeverity,
    UnknownSource, Violation,
};
pub use validate::{
    is_valid_str, validate_bytes, validate_request, validate_str, validate_value, MAX_DEPTH,
    MAX_REQUEST_BYTES, MAX_VIOLATIONS,
};

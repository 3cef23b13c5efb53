//! The one name of a vector case, in every runner: the Rust runners
//! (`tests/vectors.rs`, `tests/machine.rs` through `tests/common`), the
//! native answers for the JavaScript runners (`examples/vector_reports.rs`)
//! and the JavaScript runners themselves (`js/tools/prepare-vectors.mjs`
//! writes the same `key`).

/// `<file relative to tests/vectors>#<case name>`, e.g.
/// `documented/abort.json#<name>` or `machine/<file>#<name>`.
pub fn case_id(file: &str, name: &str) -> String {
    format!("{file}#{name}")
}

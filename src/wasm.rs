//! The WebAssembly bindings: a thin re-export of [`crate::ffi`] for
//! JavaScript, with no logic of its own.
//!
//! Every export takes and returns JSON text; the hand-written shim in `js/`
//! turns objects into text, parses the tagged answers and throws for misuse.

use wasm_bindgen::prelude::wasm_bindgen;

/// Validates `request` (JSON text) for `operation` with `options` (JSON text
/// or `""`); answers the tagged JSON of [`crate::ffi::validate_json`].
#[wasm_bindgen(js_name = validate)]
pub fn validate(operation: &str, request: &str, options: &str) -> String {
    crate::ffi::validate_json(operation, request, options)
}

/// Whether `request` is valid; answers the tagged JSON of
/// [`crate::ffi::is_valid_json`].
#[wasm_bindgen(js_name = isValid)]
pub fn is_valid(operation: &str, request: &str, options: &str) -> String {
    crate::ffi::is_valid_json(operation, request, options)
}

/// Every rule as a JSON array (see [`crate::ffi::rules_json`]).
#[wasm_bindgen(js_name = rules)]
pub fn rules() -> String {
    crate::ffi::rules_json()
}

/// Every violation code as a JSON array of strings (see
/// [`crate::ffi::codes_json`]).
#[wasm_bindgen(js_name = codes)]
pub fn codes() -> String {
    crate::ffi::codes_json()
}

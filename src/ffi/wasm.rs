//! The WebAssembly bindings: a thin re-export of [`crate::ffi`] for
//! JavaScript, with no logic, cache or hand-built JSON of its own (the
//! command line's `cli::Host` over JavaScript callbacks aside).
//!
//! Every export takes and returns JSON text; the hand-written shim in `js/`
//! turns objects into text, parses the tagged answers (switching on `type`:
//! `success`, `misuse`, `refused`) and throws for misuse.

use wasm_bindgen::prelude::wasm_bindgen;

/// Validates `request` (JSON text) for `operation` with `options` (JSON text
/// or `""`); answers the tagged JSON of [`crate::ffi::validate_json`].
#[wasm_bindgen(js_name = validate)]
pub fn validate(operation: &str, request: &str, options: &str) -> String {
    crate::ffi::validate_json(operation, request, options)
}

/// Like [`validate`], the report as one flat array (positions only when
/// `positions`); answers the tagged JSON of
/// [`crate::ffi::validate_compact_json`]. The npm shim's `validate` calls
/// this one.
#[wasm_bindgen(js_name = validateCompact)]
pub fn validate_compact(operation: &str, request: &str, options: &str, positions: bool) -> String {
    crate::ffi::validate_compact_json(operation, request, options, positions)
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

/// The names foreign callers switch on (see [`crate::ffi::names_json`]).
#[wasm_bindgen(js_name = names)]
pub fn names() -> String {
    crate::ffi::names_json()
}

/// The JSON Schema of `operation`'s request for `options` (JSON text or
/// `""`: `api`, `profile`, `dialect`); answers the tagged JSON of
/// [`crate::ffi::schema_json`]. Only with the `extras` feature (the npm
/// package's lazily loaded second module, and the opt-in build): building
/// schemas as `serde_json` values costs about 13 KB gzipped, kept out of the
/// default module for the cold start.
#[cfg(feature = "extras")]
#[wasm_bindgen(js_name = schema)]
pub fn schema(operation: &str, options: &str) -> String {
    crate::ffi::schema_json(operation, options)
}

/// What the exported schemas express (see [`crate::ffi::schema_info_json`]);
/// only with the `extras` feature, with [`schema`].
#[cfg(feature = "extras")]
#[wasm_bindgen(js_name = schemaInfo)]
pub fn schema_info() -> String {
    crate::ffi::schema_info_json()
}

/// Like [`validate`], and checks the inline job `document` against the
/// caller's JSON Schema `schema` (JSON text); only in builds with the
/// `document-schema` feature. Answers the tagged JSON of
/// [`crate::ffi::validate_with_document_schema_json`].
#[cfg(feature = "document-schema")]
#[wasm_bindgen(js_name = validateWithDocumentSchema)]
pub fn validate_with_document_schema(
    operation: &str,
    request: &str,
    options: &str,
    schema: &str,
) -> String {
    crate::ffi::validate_with_document_schema_json(operation, request, options, schema)
}

/// Creates a job (see [`crate::ffi::machine::create`]); JSON text in and out.
#[cfg(feature = "extras")]
#[wasm_bindgen(js_name = machineCreate)]
pub fn machine_create(input: &str) -> String {
    crate::ffi::machine::create(input)
}

/// Replays a scenario (see [`crate::ffi::replay::replay_answer`]); JSON
/// text in and out.
#[cfg(feature = "extras")]
#[wasm_bindgen(js_name = replay)]
pub fn replay(scenario: &str) -> String {
    crate::ffi::replay::replay_answer(scenario)
}

/// Runs a simulation (see [`crate::ffi::simulate::simulate_answer`]);
/// JSON text in and out.
#[cfg(feature = "extras")]
#[wasm_bindgen(js_name = simulate)]
pub fn simulate(simulation: &str, options: &str) -> String {
    crate::ffi::simulate::simulate_answer(simulation, options)
}

/// Merges simulation shards (see [`crate::ffi::simulate::merge_answer`]);
/// JSON text in and out.
#[cfg(feature = "extras")]
#[wasm_bindgen(js_name = simulateMerge)]
pub fn simulate_merge(shards: &str) -> String {
    crate::ffi::simulate::merge_answer(shards)
}

/// Applies `event` strictly at `at` (see [`crate::ffi::machine_apply`]).
#[cfg(feature = "extras")]
#[wasm_bindgen(js_name = machineApply)]
pub fn machine_apply(snapshot: &str, at: f64, event: &str) -> String {
    crate::ffi::machine_apply(snapshot, at, event)
}

/// Advances to `at`, then applies `event` (see [`crate::ffi::machine_step`]).
#[cfg(feature = "extras")]
#[wasm_bindgen(js_name = machineStep)]
pub fn machine_step(snapshot: &str, at: f64, event: &str) -> String {
    crate::ffi::machine_step(snapshot, at, event)
}

/// Fires everything due up to `to` (see [`crate::ffi::machine_advance`]).
#[cfg(feature = "extras")]
#[wasm_bindgen(js_name = machineAdvance)]
pub fn machine_advance(snapshot: &str, to: f64) -> String {
    crate::ffi::machine_advance(snapshot, to)
}

/// The DescribeJob response (see [`crate::ffi::machine::describe`]).
#[cfg(feature = "extras")]
#[wasm_bindgen(js_name = machineDescribe)]
pub fn machine_describe(snapshot: &str) -> String {
    crate::ffi::machine::describe(snapshot)
}

/// Status, time, next deadline and counters (see [`crate::ffi::machine::inspect`]).
#[cfg(feature = "extras")]
#[wasm_bindgen(js_name = machineInspect)]
pub fn machine_inspect(snapshot: &str) -> String {
    crate::ffi::machine::inspect(snapshot)
}

/// One thing's execution (see [`crate::ffi::machine::execution`]).
#[cfg(feature = "extras")]
#[wasm_bindgen(js_name = machineExecution)]
pub fn machine_execution(snapshot: &str, thing: &str) -> String {
    crate::ffi::machine::execution(snapshot, thing)
}

/// ListJobExecutionsForJob (see [`crate::ffi::machine::list_executions_for_job`]).
#[cfg(feature = "extras")]
#[wasm_bindgen(js_name = machineListExecutionsForJob)]
pub fn machine_list_executions_for_job(snapshot: &str, args: &str) -> String {
    crate::ffi::machine::list_executions_for_job(snapshot, args)
}

/// ListJobExecutionsForThing (see [`crate::ffi::machine::list_executions_for_thing`]).
#[cfg(feature = "extras")]
#[wasm_bindgen(js_name = machineListExecutionsForThing)]
pub fn machine_list_executions_for_thing(snapshot: &str, args: &str) -> String {
    crate::ffi::machine::list_executions_for_thing(snapshot, args)
}

/// Runs the `iot-jobs-policy` command line (see [`crate::cli::run`]) with
/// `args` (an array of strings, without the program name) against `host`, a
/// JavaScript object that reaches the outside world:
///
/// - `readFile(path, limit)` and `readStdin(limit)`: a `Uint8Array` of at
///   most `limit` bytes, or a string (or a thrown error) saying why not;
/// - `kind(path)`: `"file"`, `"dir"` or anything else for neither
///   (following symbolic links);
/// - `listDir(path)`: an array of entry names, directories with a trailing
///   `/` (not following links), or a string (or a thrown error) saying why not;
/// - `size(path)` (optional): the size in bytes of a regular file, to
///   state it when the file is refused as too large;
/// - `colour`: whether text output may be coloured;
/// - `stdout(text)`, `stderr(text)`; an error thrown by `stdout` is a
///   failed write (exit code 2).
///
/// Answers the exit code. A missing or misbehaving callback is an error of
/// that call (an unreadable file, a write that goes nowhere), never a trap.
/// Only with the `node-cli` feature: the Node copy of the npm package's
/// extras module (browsers' copy leaves the command line out).
#[cfg(feature = "node-cli")]
#[wasm_bindgen(js_name = cliRun)]
pub fn cli_run(
    #[wasm_bindgen(unchecked_param_type = "string[]")] args: wasm_bindgen::JsValue,
    #[wasm_bindgen(unchecked_param_type = "CliHost")] host: wasm_bindgen::JsValue,
) -> u8 {
    let args: Vec<String> = if js_sys::Array::is_array(&args) {
        js_sys::Array::from(&args)
            .iter()
            .map(|a| a.as_string().unwrap_or_default())
            .collect()
    } else {
        Vec::new()
    };
    crate::cli::run(&args, &mut JsHost(host))
}

#[cfg(feature = "node-cli")]
#[wasm_bindgen(typescript_custom_section)]
const CLI_HOST: &str = r#"
/** The outside world of `cliRun` (see the bin `iot-jobs-policy`). */
export interface CliHost {
  readFile(path: string, limit: number): Uint8Array | string;
  readStdin(limit: number): Uint8Array | string;
  kind(path: string): string;
  listDir(path: string): string[] | string;
  size?(path: string): number | undefined;
  colour: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}
"#;

/// [`crate::cli::Host`] over a JavaScript object of callbacks.
#[cfg(feature = "node-cli")]
struct JsHost(wasm_bindgen::JsValue);

#[cfg(feature = "node-cli")]
impl JsHost {
    /// Calls `host[name](args...)`; a missing method or a thrown error is
    /// the error's message.
    fn call(
        &self,
        name: &str,
        args: &[wasm_bindgen::JsValue],
    ) -> Result<wasm_bindgen::JsValue, String> {
        use wasm_bindgen::JsCast;
        let method = js_sys::Reflect::get(&self.0, &name.into())
            .map_err(|e| message(&e))?
            .dyn_into::<js_sys::Function>()
            .map_err(|_| format!("the host has no {name} function"))?;
        let list: js_sys::Array = args.iter().collect();
        js_sys::Reflect::apply(&method, &self.0, &list).map_err(|e| message(&e))
    }

    /// A `Uint8Array` answer as bytes; a string answer is the error.
    fn bytes(&self, name: &str, args: &[wasm_bindgen::JsValue]) -> Result<Vec<u8>, String> {
        use wasm_bindgen::JsCast;
        let value = self.call(name, args)?;
        match value.dyn_into::<js_sys::Uint8Array>() {
            Ok(array) => Ok(array.to_vec()),
            Err(other) => Err(message(&other)),
        }
    }
}

/// The text of a thrown value or of an error answer.
#[cfg(feature = "node-cli")]
fn message(value: &wasm_bindgen::JsValue) -> String {
    if let Some(s) = value.as_string() {
        return s;
    }
    js_sys::Reflect::get(value, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| String::from("the host gave no answer"))
}

#[cfg(feature = "node-cli")]
impl crate::cli::Host for JsHost {
    fn read_file(&mut self, path: &std::path::Path, limit: usize) -> Result<Vec<u8>, String> {
        #[allow(clippy::cast_precision_loss)] // limits are far below 2^53
        let limit = limit as f64;
        self.bytes(
            "readFile",
            &[path.to_string_lossy().as_ref().into(), limit.into()],
        )
    }

    fn size(&mut self, path: &std::path::Path) -> Option<u64> {
        // Optional: a host without `size` leaves sizes unknown.
        let size = self
            .call("size", &[path.to_string_lossy().as_ref().into()])
            .ok()?
            .as_f64()?;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // checked just before
        (size.is_finite() && size >= 0.0 && size.fract() == 0.0).then_some(size as u64)
    }

    fn read_stdin(&mut self, limit: usize) -> Result<Vec<u8>, String> {
        #[allow(clippy::cast_precision_loss)] // limits are far below 2^53
        let limit = limit as f64;
        self.bytes("readStdin", &[limit.into()])
    }

    fn kind(&mut self, path: &std::path::Path) -> crate::cli::EntryKind {
        use crate::cli::EntryKind;
        let path = path.to_string_lossy();
        match self
            .call("kind", &[path.as_ref().into()])
            .map(|k| k.as_string())
        {
            Ok(Some(k)) if k == "file" => EntryKind::File,
            Ok(Some(k)) if k == "dir" => EntryKind::Dir,
            _ => EntryKind::Missing,
        }
    }

    fn list_dir(&mut self, dir: &std::path::Path) -> Result<Vec<crate::cli::DirEntry>, String> {
        let value = self.call("listDir", &[dir.to_string_lossy().as_ref().into()])?;
        if !js_sys::Array::is_array(&value) {
            return Err(message(&value));
        }
        Ok(js_sys::Array::from(&value)
            .iter()
            .filter_map(|name| name.as_string())
            .map(|name| match name.strip_suffix('/') {
                Some(d) => crate::cli::DirEntry {
                    name: d.into(),
                    dir: true,
                },
                None => crate::cli::DirEntry {
                    name: name.into(),
                    dir: false,
                },
            })
            .collect())
    }

    fn colour(&self) -> bool {
        js_sys::Reflect::get(&self.0, &"colour".into())
            .map(|c| c.as_bool() == Some(true))
            .unwrap_or(false)
    }

    fn stdout(&mut self, text: &str) -> Result<(), String> {
        self.call("stdout", &[text.into()]).map(|_| ())
    }

    fn stderr(&mut self, text: &str) {
        let _ = self.call("stderr", &[text.into()]);
    }
}

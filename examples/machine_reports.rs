//! Prints the native Rust answers for every machine vector case
//! (`tests/vectors/machine/*.json`), for the byte-for-byte comparison with
//! the npm package's `Job` class in Node and in headless Chromium, and
//! resumes snapshots written by JavaScript (snapshot interop, JS → Rust).
//!
//! ```sh
//! # [{key, file, case, things, rust: {create | createError, steps, final}}, ...]
//! cargo run --example machine_reports -- tests/vectors/machine > target/vectors/machine.json
//! # [{key, snapshot, steps: [{at, event}]}] -> {key: {steps, final}}
//! cargo run --example machine_reports -- --resume target/vectors/machine-js-snapshots.json
//! ```
//!
//! Each case runs as `tests/machine.rs` runs it: create, then per step
//! [`Job::step`] (advance to `at`, then apply the event). Every JSON answer (effects,
//! errors, views) is kept as the exact text serde_json writes, and every
//! snapshot as [`Job::to_snapshot`] text, so that their bytes survive.

#![allow(
    clippy::indexing_slicing,
    reason = "`Value[..]` answers Null for a missing member; it does not panic"
)]

#[path = "../tests/common/case_id.rs"]
mod case_id;

use case_id::case_id;
use iot_jobs_policy::machine::{resolve_things, Event, Job};
use iot_jobs_policy::{ApiVersion, Options, Profile};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

fn text<T: serde::Serialize>(v: &T) -> Value {
    Value::from(serde_json::to_string(v).unwrap_or_default())
}

fn options_of(case: &Value) -> Result<Options, String> {
    let mut o = Options::default();
    if let Some(api) = case.pointer("/options/api").and_then(Value::as_str) {
        o.api = api.parse::<ApiVersion>().map_err(|e| e.to_string())?;
    }
    if let Some(p) = case.pointer("/options/profile").and_then(Value::as_str) {
        o.profile = p.parse::<Profile>().map_err(|e| e.to_string())?;
    }
    Ok(o)
}

fn things_of(case: &Value) -> Result<Vec<String>, String> {
    if let Some(t) = case.get("things") {
        return serde_json::from_value(t.clone()).map_err(|e| e.to_string());
    }
    let groups: BTreeMap<String, Vec<String>> = match case.get("groups") {
        Some(g) => serde_json::from_value(g.clone()).map_err(|e| e.to_string())?,
        None => BTreeMap::new(),
    };
    let targets: Vec<String> = case
        .pointer("/job/targets")
        .map(|t| serde_json::from_value(t.clone()).unwrap_or_default())
        .unwrap_or_default();
    resolve_things(&targets, &groups).map_err(|e| e.to_string())
}

/// Advance to `at`, then apply the event ([`Job::step`], the Rust runner's way).
fn run_step(job: &mut Job, at: i64, event: &Value) -> Result<Value, String> {
    let event: Event = serde_json::from_value(event.clone()).map_err(|e| e.to_string())?;
    let (fx, error) = job.step(at, event);
    Ok(json!({
        "effects": text(&fx),
        "error": error.as_ref().map_or(Value::Null, text),
        "snapshot": job.to_snapshot(),
    }))
}

/// The views at the end: describe, every execution, each thing's list, the snapshot.
fn final_views(job: &Job) -> Value {
    let for_thing: Map<String, Value> = job
        .executions()
        .map(|e| {
            let r = job
                .list_executions_for_thing(&e.thing, None, None, None)
                .map_or_else(|e| text(&json!({ "error": e })), |r| text(&r));
            (e.thing, r)
        })
        .collect();
    json!({
        "describe": text(&job.describe()),
        "executions": job
            .list_executions_for_job(None, None, None)
            .map_or_else(|e| text(&json!({ "error": e })), |r| text(&r)),
        "executionsForThing": for_thing,
        "snapshot": job.to_snapshot(),
    })
}

fn run_case(case: &Value) -> Result<Value, String> {
    let things = things_of(case)?;
    let created_at = case.get("createdAt").and_then(Value::as_i64).unwrap_or(0);
    let (mut job, fx) = match Job::create(&case["job"], &things, created_at, &options_of(case)?) {
        Ok(c) => c,
        Err(e) => return Ok(json!({ "createError": text(&e) })),
    };
    let create = json!({"effects": text(&fx), "snapshot": job.to_snapshot()});
    let mut steps = Vec::new();
    for step in case["steps"].as_array().into_iter().flatten() {
        let at = step["at"].as_i64().ok_or("a step without `at`")?;
        steps.push(run_step(&mut job, at, &step["event"])?);
    }
    Ok(json!({"create": create, "steps": steps, "final": final_views(&job)}))
}

fn reports(dir: &Path) -> Result<Value, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let rel = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let doc: Value = serde_json::from_str(
            &std::fs::read_to_string(&file).map_err(|e| format!("{rel}: {e}"))?,
        )
        .map_err(|e| format!("{rel}: {e}"))?;
        for case in doc["cases"].as_array().into_iter().flatten() {
            let key = case_id(
                &format!("machine/{rel}"),
                case["name"].as_str().unwrap_or("?"),
            );
            let rust = run_case(case).map_err(|e| format!("{key}: {e}"))?;
            let things = things_of(case).unwrap_or_default();
            out.push(
                json!({"key": key, "file": rel, "case": case, "things": things, "rust": rust}),
            );
        }
    }
    Ok(Value::Array(out))
}

/// Restores each snapshot (written by JS) and runs the remaining steps.
fn resume(file: &Path) -> Result<Value, String> {
    let doc: Value = serde_json::from_str(
        &std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?,
    )
    .map_err(|e| e.to_string())?;
    let mut out = Map::new();
    for item in doc.as_array().into_iter().flatten() {
        let key = item["key"].as_str().unwrap_or("?").to_owned();
        let snapshot = item["snapshot"].as_str().ok_or("a snapshot must be text")?;
        let mut job = Job::from_snapshot(snapshot).map_err(|e| format!("{key}: {e}"))?;
        let round_trip = job.to_snapshot() == snapshot;
        let mut steps = Vec::new();
        for step in item["steps"].as_array().into_iter().flatten() {
            let at = step["at"].as_i64().ok_or("a step without `at`")?;
            steps.push(run_step(&mut job, at, &step["event"])?);
        }
        out.insert(
            key,
            json!({"roundTrip": round_trip, "steps": steps, "final": final_views(&job)}),
        );
    }
    Ok(Value::Object(out))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [flag, file] if flag == "--resume" => resume(Path::new(file)),
        [dir] => reports(Path::new(dir)),
        _ => Err("usage: machine_reports <machine vectors dir> | --resume <snapshots.json>".into()),
    };
    match result {
        Ok(v) => {
            println!("{v}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

//! JSON text in, JSON text out: the machine as functions over a snapshot,
//! for the WebAssembly and FFI surfaces (a Lambda keeps the snapshot
//! between invocations).
//!
//! Every answer is `{"type": "success", ...}` or
//! `{"type": "failure", "error": {"code", "message", "rule", "violations"?}}`;
//! nothing panics or throws for bad input. The snapshot travels as a string
//! (the text of [`Job::to_snapshot`]), so it is handed back unchanged.
//! Each call restores and re-serialises the whole state, O(things): for
//! large fleets in one process, keep a [`Job`] instead.
//!
//! ```
//! use iot_jobs_policy::machine::text;
//! let created = text::create(r#"{"job": {"jobId": "j", "document": "{}",
//!     "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t1"]}}"#);
//! let created: serde_json::Value = serde_json::from_str(&created).unwrap();
//! assert_eq!(created["type"], "success");
//! let snapshot = created["snapshot"].as_str().unwrap();
//! let stepped = text::step(snapshot, 1000, r#"{"type": "deviceUpdate", "thing": "t1", "status": "SUCCEEDED"}"#);
//! let stepped: serde_json::Value = serde_json::from_str(&stepped).unwrap();
//! assert_eq!(stepped["effects"][1]["to"], "COMPLETED");
//! ```

use super::{Effect, ErrorCode, Event, ExecutionStatus, Job, MachineError};
use crate::replay::{setup, ReplayError};
use serde_json::{json, Map, Value};

fn failure(e: &MachineError) -> String {
    json!({"type": "failure", "error": e}).to_string()
}

fn bad_input(message: impl Into<String>) -> String {
    failure(&MachineError::new(
        ErrorCode::InvalidRequest,
        "input",
        message,
    ))
}

fn success(job: &Job, effects: &[Effect], error: Option<&MachineError>) -> String {
    let mut out = Map::new();
    out.insert("type".into(), Value::from("success"));
    out.insert("snapshot".into(), Value::from(job.to_snapshot()));
    out.insert(
        "effects".into(),
        serde_json::to_value(effects).unwrap_or(Value::Null),
    );
    if let Some(e) = error {
        out.insert(
            "error".into(),
            serde_json::to_value(e).unwrap_or(Value::Null),
        );
    }
    out.insert("nextDeadline".into(), json!(job.next_deadline()));
    Value::Object(out).to_string()
}

fn restore(snapshot: &str) -> Result<Job, String> {
    Job::from_snapshot(snapshot).map_err(|e| failure(&e))
}

/// Creates a job. `input` is
/// `{"job": <CreateJob request>, "things"?: [names], "groups"?: {group: [names]}, "createdAt"?: ms, "options"?: {"api", "profile"}}`
/// (as in a replay scenario). Answers `{"type": "success", "snapshot", "effects", "nextDeadline"}`.
pub fn create(input: &str) -> String {
    let doc: Value = match serde_json::from_str(input) {
        Ok(v) => v,
        Err(e) => return bad_input(format!("the input is not JSON: {e}")),
    };
    let Some(obj) = doc.as_object() else {
        return bad_input("the input must be a JSON object");
    };
    let s = match setup(obj) {
        Ok(s) => s,
        Err(ReplayError::Create(e)) => return failure(&e),
        Err(e) => return bad_input(e.to_string()),
    };
    match Job::create(s.request, &s.things, s.created_at, &s.options) {
        Ok((job, fx)) => success(&job, &fx, None),
        Err(e) => failure(&e),
    }
}

fn parse_event(event: &str) -> Result<Event, String> {
    serde_json::from_str(event).map_err(|e| bad_input(format!("the event is not valid: {e}")))
}

/// [`Job::step`] on a snapshot: advances to `at`, applies `event`
/// (`{"type": ..., ...}`), and answers
/// `{"type": "success", "snapshot", "effects", "error"?, "nextDeadline"}`
/// (a refused event is a success carrying its `error`, like a replay
/// timeline entry). A bad snapshot or event text is a failure.
pub fn step(snapshot: &str, at: i64, event: &str) -> String {
    let mut job = match restore(snapshot) {
        Ok(j) => j,
        Err(f) => return f,
    };
    let event = match parse_event(event) {
        Ok(e) => e,
        Err(f) => return f,
    };
    let (fx, error) = job.step(at, event);
    success(&job, &fx, error.as_ref())
}

/// [`Job::apply`] on a snapshot: a refused event is a failure and the
/// snapshot is not repeated.
pub fn apply(snapshot: &str, at: i64, event: &str) -> String {
    let mut job = match restore(snapshot) {
        Ok(j) => j,
        Err(f) => return f,
    };
    let event = match parse_event(event) {
        Ok(e) => e,
        Err(f) => return f,
    };
    match job.apply(at, event) {
        Ok(fx) => success(&job, &fx, None),
        Err(e) => failure(&e),
    }
}

/// The DescribeJob response of a snapshot: `{"type": "success", "response": {...}}`.
pub fn describe(snapshot: &str) -> String {
    match restore(snapshot) {
        Ok(job) => json!({"type": "success", "response": job.describe()}).to_string(),
        Err(f) => f,
    }
}

/// Parsed list arguments: the object, the status filter and `maxResults`.
type ListArgs = (Map<String, Value>, Option<ExecutionStatus>, Option<i64>);

fn list_args(args: &str) -> Result<ListArgs, String> {
    let doc: Value = if args.trim().is_empty() {
        json!({})
    } else {
        serde_json::from_str(args)
            .map_err(|e| bad_input(format!("the arguments are not JSON: {e}")))?
    };
    let Some(obj) = doc.as_object().cloned() else {
        return Err(bad_input("the arguments must be a JSON object"));
    };
    let status = match obj.get("status") {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            v.as_str()
                .and_then(ExecutionStatus::parse)
                .ok_or_else(|| bad_input(format!("`status` {v} is not an execution status")))?,
        ),
    };
    let max = match obj.get("maxResults") {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            v.as_i64()
                .ok_or_else(|| bad_input("`maxResults` must be an integer"))?,
        ),
    };
    Ok((obj, status, max))
}

/// The ListJobExecutionsForJob response of a snapshot; `args` is
/// `{"status"?, "maxResults"?, "nextToken"?}`.
pub fn list_executions_for_job(snapshot: &str, args: &str) -> String {
    let job = match restore(snapshot) {
        Ok(j) => j,
        Err(f) => return f,
    };
    let (obj, status, max) = match list_args(args) {
        Ok(a) => a,
        Err(f) => return f,
    };
    let token = obj.get("nextToken").and_then(Value::as_str);
    match job.list_executions_for_job(status, max, token) {
        Ok(r) => json!({"type": "success", "response": r}).to_string(),
        Err(e) => failure(&e),
    }
}

/// The ListJobExecutionsForThing response of a snapshot; `args` is
/// `{"thingName", "status"?, "maxResults"?, "nextToken"?}`.
pub fn list_executions_for_thing(snapshot: &str, args: &str) -> String {
    let job = match restore(snapshot) {
        Ok(j) => j,
        Err(f) => return f,
    };
    let (obj, status, max) = match list_args(args) {
        Ok(a) => a,
        Err(f) => return f,
    };
    let Some(thing) = obj.get("thingName").and_then(Value::as_str) else {
        return bad_input("`thingName` is required");
    };
    let token = obj.get("nextToken").and_then(Value::as_str);
    match job.list_executions_for_thing(thing, status, max, token) {
        Ok(r) => json!({"type": "success", "response": r}).to_string(),
        Err(e) => failure(&e),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Value {
        serde_json::from_str(s).unwrap()
    }

    #[test]
    fn round_trip_through_text() {
        let c = parse(&create(
            r#"{"job": {"jobId": "j", "document": "{}", "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t1", "arn:aws:iot:us-east-1:123456789012:thing/t2"]}}"#,
        ));
        assert_eq!(c["type"], "success");
        let snap = c["snapshot"].as_str().unwrap();
        let s = parse(&step(
            snap,
            10,
            r#"{"type": "deviceUpdate", "thing": "zz", "status": "FAILED"}"#,
        ));
        assert_eq!(s["type"], "success");
        assert_eq!(s["error"]["code"], "ResourceNotFoundException");
        let a = parse(&apply(
            snap,
            10,
            r#"{"type": "deviceUpdate", "thing": "zz", "status": "FAILED"}"#,
        ));
        assert_eq!(a["type"], "failure");
        let l = parse(&list_executions_for_job(snap, r#"{"maxResults": 1}"#));
        assert_eq!(
            l["response"]["executionSummaries"]
                .as_array()
                .unwrap()
                .len(),
            1
        );
        let t = parse(&list_executions_for_thing(snap, r#"{"thingName": "t2"}"#));
        assert_eq!(t["response"]["executionSummaries"][0]["jobId"], "j");
        assert_eq!(parse(&describe(snap))["response"]["job"]["jobId"], "j");
    }

    #[test]
    fn bad_input_is_a_failure() {
        for out in [
            create("nope"),
            create("[]"),
            create(r#"{"job": {"jobId": "bad id"}}"#),
            step("{}", 0, r#"{"type": "advance", "to": 0}"#),
            describe(""),
            list_executions_for_job("x", ""),
            list_executions_for_thing("x", "{}"),
        ] {
            assert_eq!(parse(&out)["type"], "failure", "{out}");
        }
    }
}

//! JSON text in, JSON text out: the machine as functions over a snapshot,
//! for the WebAssembly and FFI surfaces (a Lambda keeps the snapshot
//! between invocations). Also reachable as `iot_jobs_policy::machine::text`,
//! its path since 0.1.0.
//!
//! Every answer is one of the boundary's three (see [`crate::ffi`]):
//!
//! - `{"type": "success", ...}`;
//! - `{"type": "misuse", "error": {"code", "message"}}` for input the call
//!   cannot take: `invalidRequest` (the creation input is not a JSON object
//!   with a `job`), `invalidOptions` (its `things`, `groups`, `createdAt` or
//!   `options`), `invalidEvent`, `invalidSnapshot`, `invalidArguments` (a
//!   listing's arguments);
//! - `{"type": "refused", "error": {"code", "message", "rule", "violations"?}}`
//!   when the machine refuses a creation or an event as AWS would (code
//!   `InvalidStateTransitionException`, `InvalidRequestException`, ... or
//!   the machine's own `timeWentBackwards`, `deadlinePending`; see
//!   [`MachineError`]).
//!
//! Every effect in an answer carries `at`, the time it happened (epoch ms;
//! see [`crate::machine::TimedEffect`]): an `advance` over several deadlines
//! times each effect when its own deadline fired.
//!
//! Nothing panics or throws for bad input. The snapshot travels as a string
//! (the text of [`Job::to_snapshot`]), so it is handed back unchanged.
//! Each call restores and re-serialises the whole state, O(things): for
//! large fleets in one process, keep a [`Job`] instead. The JSON read here
//! (events, creation input, snapshots in WebAssembly) is read by the
//! boundary's hand-written readers (`ffi/read.rs`).
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
//! let refused = text::apply(snapshot, 0, r#"{"type": "deviceUpdate", "thing": "zz", "status": "FAILED"}"#);
//! assert!(refused.starts_with(r#"{"type":"refused","error":{"code":"ResourceNotFoundException""#));
//! let misuse = text::apply(snapshot, 0, r#"{"type": "explode"}"#);
//! assert!(misuse.starts_with(r#"{"type":"misuse","error":{"code":"invalidEvent""#));
//! ```

use super::read::{self, SetupError};
use crate::ffi::{misuse, refused, success, success_flat, success_members, UsageError};
use crate::machine::{ExecutionStatus, Job, MachineError, TimedEffect};
use serde_json::{json, Map, Value};

/// The misuse answer `code` with `message`.
fn bad_input(code: &'static str, message: impl Into<String>) -> String {
    misuse(&UsageError::new(code, message))
}

fn success_job(job: &Job, effects: &[TimedEffect], error: Option<&MachineError>) -> String {
    let snapshot = job.to_snapshot();
    let mut out = String::with_capacity(snapshot.len() * 11 / 10 + 64);
    out.push_str(r#""snapshot":"#);
    out.push_str(&serde_json::to_string(&snapshot).unwrap_or_default());
    out.push_str(r#","effects":"#);
    out.push_str(&serde_json::to_string(effects).unwrap_or_default());
    if let Some(e) = error {
        out.push_str(r#","error":"#);
        out.push_str(&serde_json::to_string(e).unwrap_or_default());
    }
    out.push_str(r#","nextDeadline":"#);
    match job.next_deadline() {
        Some(t) => out.push_str(&t.to_string()),
        None => out.push_str("null"),
    }
    success_members(&out)
}

/// The job of a snapshot, or the misuse `invalidSnapshot`.
fn restore(snapshot: &str) -> Result<Job, String> {
    Job::from_snapshot(snapshot).map_err(|e| bad_input("invalidSnapshot", e.message()))
}

/// Creates a job. `input` is
/// `{"job": <CreateJob request>, "things"?: [names], "groups"?: {group: [names]}, "createdAt"?: ms, "options"?: {"api", "profile"}}`
/// (as in a replay scenario). Answers `{"type": "success", "snapshot", "effects", "nextDeadline"}`,
/// the misuse `invalidRequest` or `invalidOptions`, or the refusal of the
/// creation (an invalid CreateJob request, an unknown group, ...).
pub fn create(input: &str) -> String {
    let doc: Value = match serde_json::from_str(input) {
        Ok(v) => v,
        Err(e) => return bad_input("invalidRequest", format!("the input is not JSON: {e}")),
    };
    let Some(obj) = doc.as_object() else {
        return bad_input("invalidRequest", "the input must be a JSON object");
    };
    let s = match read::setup(obj) {
        Ok(s) => s,
        Err(SetupError::Create(e)) => return refused(&e),
        Err(e) => {
            let code = match e {
                SetupError::Request(_) => "invalidRequest",
                _ => "invalidOptions",
            };
            let m = e.scenario_message().unwrap_or_default();
            return bad_input(code, format!("the scenario is not valid: {m}"));
        }
    };
    match Job::create(s.request, &s.things, s.created_at, &s.options) {
        Ok((job, fx)) => success_job(&job, &fx, None),
        Err(e) => refused(&e),
    }
}

/// The event of `event`, or the misuse `invalidEvent`.
fn parse_event(event: &str) -> Result<crate::machine::Event, String> {
    let bad = |e: &dyn std::fmt::Display| {
        bad_input("invalidEvent", format!("the event is not valid: {e}"))
    };
    let value: Value = serde_json::from_str(event).map_err(|e| bad(&e))?;
    read::event(value).map_err(|e| bad(&e))
}

/// The job of `snapshot` and the event of `event`, or the misuse answer
/// (the snapshot is read first, as before).
fn restore_with_event(snapshot: &str, event: &str) -> Result<(Job, crate::machine::Event), String> {
    let job = restore(snapshot)?;
    Ok((job, parse_event(event)?))
}

/// [`Job::step`] on a snapshot: advances to `at`, applies `event`
/// (`{"type": ..., ...}`), and answers
/// `{"type": "success", "snapshot", "effects", "error"?, "nextDeadline"}`
/// (a refused event is a success carrying its `error`, like a replay
/// timeline entry). A bad snapshot or event text is a misuse.
pub fn step(snapshot: &str, at: i64, event: &str) -> String {
    let (mut job, event) = match restore_with_event(snapshot, event) {
        Ok(both) => both,
        Err(f) => return f,
    };
    let (fx, error) = job.step(at, event);
    success_job(&job, &fx, error.as_ref())
}

/// [`Job::apply`] on a snapshot: a refused event is a refusal
/// (`{"type": "refused", "error"}`) and the snapshot is not repeated.
pub fn apply(snapshot: &str, at: i64, event: &str) -> String {
    let (mut job, event) = match restore_with_event(snapshot, event) {
        Ok(both) => both,
        Err(f) => return f,
    };
    match job.apply(at, event) {
        Ok(fx) => success_job(&job, &fx, None),
        Err(e) => refused(&e),
    }
}

/// The DescribeJob response of a snapshot: `{"type": "success", "response": {...}}`.
pub fn describe(snapshot: &str) -> String {
    match restore(snapshot) {
        Ok(job) => success("response", &job.describe()),
        Err(f) => f,
    }
}

/// A listing response with its members sorted, as the answers have always
/// had them (through `serde_json::Value`).
fn sorted<T: serde::Serialize>(response: &T) -> Value {
    serde_json::to_value(response).unwrap_or(Value::Null)
}

/// Parsed list arguments: the object, the status filter and `maxResults`.
type ListArgs = (Map<String, Value>, Option<ExecutionStatus>, Option<i64>);

fn list_args(args: &str) -> Result<ListArgs, String> {
    let doc: Value = if args.trim().is_empty() {
        json!({})
    } else {
        serde_json::from_str(args).map_err(|e| {
            bad_input(
                "invalidArguments",
                format!("the arguments are not JSON: {e}"),
            )
        })?
    };
    let Some(obj) = doc.as_object().cloned() else {
        return Err(bad_input(
            "invalidArguments",
            "the arguments must be a JSON object",
        ));
    };
    let status = match obj.get("status") {
        None | Some(Value::Null) => None,
        Some(v) => Some(v.as_str().and_then(ExecutionStatus::parse).ok_or_else(|| {
            bad_input(
                "invalidArguments",
                format!("`status` {v} is not an execution status"),
            )
        })?),
    };
    let max = match obj.get("maxResults") {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            v.as_i64()
                .ok_or_else(|| bad_input("invalidArguments", "`maxResults` must be an integer"))?,
        ),
    };
    Ok((obj, status, max))
}

/// The ListJobExecutionsForJob response of a snapshot; `args` is
/// `{"status"?, "maxResults"?, "nextToken"?}`.
pub fn list_executions_for_job(snapshot: &str, args: &str) -> String {
    let (job, (obj, status, max)) = match restore(snapshot).and_then(|j| Ok((j, list_args(args)?)))
    {
        Ok(both) => both,
        Err(f) => return f,
    };
    let token = obj.get("nextToken").and_then(Value::as_str);
    match job.list_executions_for_job(status, max, token) {
        Ok(r) => success("response", &sorted(&r)),
        Err(e) => refused(&e),
    }
}

/// The ListJobExecutionsForThing response of a snapshot; `args` is
/// `{"thingName", "status"?, "maxResults"?, "nextToken"?}`.
pub fn list_executions_for_thing(snapshot: &str, args: &str) -> String {
    let (job, (obj, status, max)) = match restore(snapshot).and_then(|j| Ok((j, list_args(args)?)))
    {
        Ok(both) => both,
        Err(f) => return f,
    };
    let Some(thing) = obj.get("thingName").and_then(Value::as_str) else {
        return bad_input("invalidArguments", "`thingName` is required");
    };
    let token = obj.get("nextToken").and_then(Value::as_str);
    match job.list_executions_for_thing(thing, status, max, token) {
        Ok(r) => success("response", &sorted(&r)),
        Err(e) => refused(&e),
    }
}

/// [`Job::advance`] on a snapshot: fires everything due up to and including
/// `to`. Answers `{"type": "success", "snapshot", "effects", "nextDeadline"}`,
/// or the refusal `timeWentBackwards` with the snapshot unchanged.
pub fn advance(snapshot: &str, to: i64) -> String {
    let mut job = match restore(snapshot) {
        Ok(j) => j,
        Err(f) => return f,
    };
    match job.advance(to) {
        Ok(fx) => success_job(&job, &fx, None),
        Err(e) => refused(&e),
    }
}

/// The typed state of a snapshot at a glance:
/// `{"type": "success", "jobId", "status", "now", "nextDeadline", "thingCount", "counts"}`
/// ([`Job::inspect`]'s [`crate::machine::Inspection`] after the tag; times in epoch ms).
pub fn inspect(snapshot: &str) -> String {
    match restore(snapshot) {
        Ok(job) => success_flat(&job.inspect()),
        Err(f) => f,
    }
}

/// One thing's execution in a snapshot, typed ([`crate::machine::ExecutionSummary`],
/// times in epoch ms): `{"type": "success", "execution": {...} | null}`
/// (`null` for a thing the job does not know).
pub fn execution(snapshot: &str, thing: &str) -> String {
    match restore(snapshot) {
        Ok(job) => success("execution", &job.execution(thing)),
        Err(f) => f,
    }
}

#[cfg(test)]
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
        assert_eq!(a["type"], "refused");
        assert_eq!(a["error"]["rule"], s["error"]["rule"]);
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
    fn bad_input_is_misuse_with_its_code() {
        let snap = parse(&create(
            r#"{"job": {"jobId": "j", "document": "{}", "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t1"]}}"#,
        ))["snapshot"]
            .as_str()
            .unwrap()
            .to_owned();
        let ev = r#"{"type": "advance", "to": 0}"#;
        for (out, code) in [
            (create("nope"), "invalidRequest"),
            (create("[]"), "invalidRequest"),
            (create("{}"), "invalidRequest"),
            (create(r#"{"job": {}, "createdAt": 1.5}"#), "invalidOptions"),
            (
                create(r#"{"job": {}, "options": {"api": "x"}}"#),
                "invalidOptions",
            ),
            (create(r#"{"job": {}, "things": "t1"}"#), "invalidOptions"),
            (step("{}", 0, ev), "invalidSnapshot"),
            (apply(&snap, 0, r#"{"type": "explode"}"#), "invalidEvent"),
            (step(&snap, 0, "{"), "invalidEvent"),
            (describe(""), "invalidSnapshot"),
            (list_executions_for_job("x", ""), "invalidSnapshot"),
            (list_executions_for_job(&snap, "[]"), "invalidArguments"),
            (
                list_executions_for_job(&snap, r#"{"status": "NOPE"}"#),
                "invalidArguments",
            ),
            (list_executions_for_thing(&snap, "{}"), "invalidArguments"),
        ] {
            let v = parse(&out);
            assert_eq!(v["type"], "misuse", "{out}");
            assert_eq!(v["error"]["code"], code, "{out}");
            assert!(v["error"].get("rule").is_none(), "no sentinel rule: {out}");
        }
        for out in [
            create(r#"{"job": {"jobId": "bad id"}}"#),
            create(
                r#"{"job": {"jobId": "j", "targets": ["arn:aws:iot:us-east-1:123456789012:thinggroup/g"]}}"#,
            ),
            list_executions_for_job(&snap, r#"{"nextToken": "nope"}"#),
        ] {
            let v = parse(&out);
            assert_eq!(v["type"], "refused", "{out}");
            assert!(v["error"]["rule"].is_string(), "{out}");
        }
    }

    #[test]
    fn advance_inspect_and_execution() {
        let c = parse(&create(
            r#"{"job": {"jobId": "j", "document": "{}", "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t1"], "timeoutConfig": {"inProgressTimeoutInMinutes": 1}}, "createdAt": 1000}"#,
        ));
        let snap = c["snapshot"].as_str().unwrap();
        let s = parse(&step(
            snap,
            2000,
            r#"{"type": "deviceUpdate", "thing": "t1", "status": "IN_PROGRESS"}"#,
        ));
        let snap = s["snapshot"].as_str().unwrap();
        assert_eq!(s["nextDeadline"], 62000);
        let i = parse(&inspect(snap));
        assert_eq!(i["status"], "IN_PROGRESS");
        assert_eq!(i["now"], 2000);
        assert_eq!(i["nextDeadline"], 62000);
        assert_eq!(i["thingCount"], 1);
        assert_eq!(i["counts"]["inProgress"], 1);
        let a = parse(&advance(snap, 62000));
        assert_eq!(a["type"], "success");
        let after = a["snapshot"].as_str().unwrap();
        let e = parse(&execution(after, "t1"));
        assert_eq!(e["execution"]["status"], "TIMED_OUT");
        assert_eq!(parse(&execution(after, "nope"))["execution"], Value::Null);
        // Idempotent: advancing again to the same time fires nothing.
        let again = parse(&advance(after, 62000));
        assert_eq!(again["effects"], json!([]));
        assert_eq!(again["snapshot"].as_str().unwrap(), after);
        let back = parse(&advance(after, 0));
        assert_eq!(back["type"], "refused");
        assert_eq!(back["error"]["code"], "timeWentBackwards");
        for out in [advance("x", 0), inspect("x"), execution("x", "t1")] {
            assert_eq!(parse(&out)["type"], "misuse", "{out}");
            assert_eq!(parse(&out)["error"]["code"], "invalidSnapshot", "{out}");
        }
    }
}

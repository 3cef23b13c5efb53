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

use super::{request_targets, resolve_things};
use super::{DeviceStatus, Effect, ErrorCode, Event, ExecutionStatus, Job, MachineError};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

// The answers are written by hand around `serde_json::to_string` of the
// effects and errors (members in declaration order, as the Rust types
// serialise them), rather than through `serde_json::Value`: a second,
// Value-building copy of every derive would cost WebAssembly size, and
// Value would sort the members.
fn failure(e: &MachineError) -> String {
    format!(
        r#"{{"type":"failure","error":{}}}"#,
        serde_json::to_string(e).unwrap_or_default()
    )
}

fn bad_input(message: impl Into<String>) -> String {
    failure(&MachineError::new(
        ErrorCode::InvalidRequest,
        "input",
        message,
    ))
}

fn success(job: &Job, effects: &[Effect], error: Option<&MachineError>) -> String {
    let snapshot = job.to_snapshot();
    let mut out = String::with_capacity(snapshot.len() * 11 / 10 + 64);
    out.push_str(r#"{"type":"success","snapshot":"#);
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
    out.push('}');
    out
}

fn restore(snapshot: &str) -> Result<Job, String> {
    Job::from_snapshot(snapshot).map_err(|e| failure(&e))
}

/// What creating a job needs, read from the input by hand, as
/// [`crate::machine::replay`] reads a scenario (same members, same errors): serde's
/// `from_value` for the lists and the map would cost WebAssembly size.
struct Setup<'a> {
    request: &'a Value,
    things: Vec<String>,
    created_at: i64,
    options: crate::Options,
}

fn strings(v: &Value) -> Option<Vec<String>> {
    v.as_array()?
        .iter()
        .map(|s| s.as_str().map(str::to_owned))
        .collect()
}

fn setup(obj: &Map<String, Value>) -> Result<Setup<'_>, String> {
    let scenario = |m: &str| bad_input(format!("the scenario is not valid: {m}"));
    let request = obj
        .get("job")
        .ok_or_else(|| scenario("`job` (a CreateJob request) is required"))?;
    let created_at = match obj.get("createdAt") {
        None => 0,
        Some(v) => v
            .as_i64()
            .ok_or_else(|| scenario("`createdAt` must be an integer (epoch ms)"))?,
    };
    let mut options = crate::Options::default();
    if let Some(o) = obj.get("options") {
        let o = o
            .as_object()
            .ok_or_else(|| scenario("`options` must be an object"))?;
        for (k, v) in o {
            let s = v
                .as_str()
                .ok_or_else(|| scenario(&format!("`options.{k}` must be a string")))?;
            match k.as_str() {
                "api" => {
                    options.api = s
                        .parse::<crate::ApiVersion>()
                        .map_err(|e| scenario(&e.to_string()))?
                }
                "profile" => {
                    options.profile = s
                        .parse::<crate::Profile>()
                        .map_err(|e| scenario(&e.to_string()))?
                }
                _ => return Err(scenario(&format!("unknown option `{k}`"))),
            }
        }
    }
    let things = match obj.get("things") {
        Some(v) => strings(v).ok_or_else(|| scenario("`things` must be a list of thing names"))?,
        None => {
            let mut groups = BTreeMap::new();
            if let Some(g) = obj.get("groups") {
                let bad =
                    || scenario("`groups` must map group ARNs or names to lists of thing names");
                for (k, v) in g.as_object().ok_or_else(bad)? {
                    groups.insert(k.clone(), strings(v).ok_or_else(bad)?);
                }
            }
            resolve_things(&request_targets(request), &groups).map_err(|e| failure(&e))?
        }
    };
    Ok(Setup {
        request,
        things,
        created_at,
        options,
    })
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
        Err(f) => return f,
    };
    match Job::create(s.request, &s.things, s.created_at, &s.options) {
        Ok((job, fx)) => success(&job, &fx, None),
        Err(e) => failure(&e),
    }
}

fn parse_event(event: &str) -> Result<Event, String> {
    let value: Value = serde_json::from_str(event)
        .map_err(|e| bad_input(format!("the event is not valid: {e}")))?;
    event_from_value(value).map_err(|e| bad_input(format!("the event is not valid: {e}")))
}

/// Reads an [`Event`] from JSON exactly as its `Deserialize` derive does
/// (`type` tag, camelCase members, unknown members refused, `null` for an
/// absent optional member), by hand: the derive for an internally tagged
/// enum costs about 20 KB of WebAssembly, this a fraction of it. A unit test
/// checks that both agree.
fn event_from_value(value: Value) -> Result<Event, String> {
    let Value::Object(mut m) = value else {
        return Err("an event must be an object with a `type`".into());
    };
    let kind = match m.remove("type") {
        Some(Value::String(k)) => k,
        Some(_) => return Err("`type` must be a string".into()),
        None => return Err("missing field `type`".into()),
    };
    let allowed: &[&str] = match kind.as_str() {
        "deviceUpdate" => &["thing", "status", "stepTimeoutInMinutes", "expectedVersion"],
        "advance" => &["to"],
        "cancelJob" => &["force", "reasonCode", "comment"],
        "cancelJobExecution" => &["thing", "force", "expectedVersion"],
        "deleteJob" => &["force"],
        "updateJob" => &["request"],
        "thingAdded" | "thingRemoved" => &["thing"],
        other => return Err(format!("unknown variant `{other}`")),
    };
    if let Some(k) = m.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(format!("unknown field `{k}`"));
    }
    let string = |m: &Map<String, Value>, k: &str| match m.get(k) {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(format!("`{k}` must be a string")),
        None => Err(format!("missing field `{k}`")),
    };
    let opt_string = |m: &Map<String, Value>, k: &str| match m.get(k) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("`{k}` must be a string")),
    };
    let opt_int = |m: &Map<String, Value>, k: &str| match m.get(k) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v
            .as_i64()
            .map(Some)
            .ok_or_else(|| format!("`{k}` must be an integer")),
    };
    let force = |m: &Map<String, Value>| match m.get("force") {
        None => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => Err("`force` must be a boolean".to_owned()),
    };
    Ok(match kind.as_str() {
        "deviceUpdate" => Event::DeviceUpdate {
            thing: string(&m, "thing")?,
            status: match string(&m, "status")?.as_str() {
                "IN_PROGRESS" => DeviceStatus::InProgress,
                "SUCCEEDED" => DeviceStatus::Succeeded,
                "FAILED" => DeviceStatus::Failed,
                "REJECTED" => DeviceStatus::Rejected,
                other => return Err(format!("unknown device status `{other}`")),
            },
            step_timeout_in_minutes: opt_int(&m, "stepTimeoutInMinutes")?,
            expected_version: opt_int(&m, "expectedVersion")?,
        },
        "advance" => Event::Advance {
            to: opt_int(&m, "to")?.ok_or("missing field `to`")?,
        },
        "cancelJob" => Event::CancelJob {
            force: force(&m)?,
            reason_code: opt_string(&m, "reasonCode")?,
            comment: opt_string(&m, "comment")?,
        },
        "cancelJobExecution" => Event::CancelJobExecution {
            thing: string(&m, "thing")?,
            force: force(&m)?,
            expected_version: opt_int(&m, "expectedVersion")?,
        },
        "deleteJob" => Event::DeleteJob { force: force(&m)? },
        "updateJob" => Event::UpdateJob {
            request: m.remove("request").ok_or("missing field `request`")?,
        },
        "thingAdded" => Event::ThingAdded {
            thing: string(&m, "thing")?,
        },
        _ => Event::ThingRemoved {
            thing: string(&m, "thing")?,
        },
    })
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

/// [`Job::advance`] on a snapshot: fires everything due up to and including
/// `to`. Answers `{"type": "success", "snapshot", "effects", "nextDeadline"}`,
/// or a failure (`timeWentBackwards`) with the snapshot unchanged.
pub fn advance(snapshot: &str, to: i64) -> String {
    let mut job = match restore(snapshot) {
        Ok(j) => j,
        Err(f) => return f,
    };
    match job.advance(to) {
        Ok(fx) => success(&job, &fx, None),
        Err(e) => failure(&e),
    }
}

/// The typed state of a snapshot at a glance:
/// `{"type": "success", "jobId", "status", "now", "nextDeadline", "thingCount", "counts"}`
/// ([`Job::inspect`]'s [`super::Inspection`] after the tag; times in epoch ms).
pub fn inspect(snapshot: &str) -> String {
    #[derive(serde::Serialize)]
    struct Answer {
        r#type: &'static str,
        #[serde(flatten)]
        inspection: super::Inspection,
    }
    match restore(snapshot) {
        Ok(job) => serde_json::to_string(&Answer {
            r#type: "success",
            inspection: job.inspect(),
        })
        .unwrap_or_default(),
        Err(f) => f,
    }
}

/// One thing's execution in a snapshot, typed ([`super::ExecutionSummary`],
/// times in epoch ms): `{"type": "success", "execution": {...} | null}`
/// (`null` for a thing the job does not know).
pub fn execution(snapshot: &str, thing: &str) -> String {
    match restore(snapshot) {
        Ok(job) => format!(
            r#"{{"type":"success","execution":{}}}"#,
            serde_json::to_string(&job.execution(thing)).unwrap_or_default()
        ),
        Err(f) => f,
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
        assert_eq!(back["type"], "failure");
        assert_eq!(back["error"]["code"], "timeWentBackwards");
        for out in [advance("x", 0), inspect("x"), execution("x", "t1")] {
            assert_eq!(parse(&out)["error"]["code"], "invalidSnapshot", "{out}");
        }
    }

    #[test]
    fn the_event_reader_agrees_with_the_derive() {
        let cases = [
            r#"{"type": "deviceUpdate", "thing": "t1", "status": "IN_PROGRESS"}"#,
            r#"{"type": "deviceUpdate", "thing": "t1", "status": "FAILED", "stepTimeoutInMinutes": -1, "expectedVersion": 3}"#,
            r#"{"type": "deviceUpdate", "thing": "t1", "status": "REJECTED", "expectedVersion": null}"#,
            r#"{"status": "SUCCEEDED", "thing": "t1", "type": "deviceUpdate"}"#,
            r#"{"type": "deviceUpdate", "thing": "t1", "status": "DONE"}"#,
            r#"{"type": "deviceUpdate", "thing": "t1"}"#,
            r#"{"type": "deviceUpdate", "thing": 1, "status": "SUCCEEDED"}"#,
            r#"{"type": "deviceUpdate", "thing": null, "status": "SUCCEEDED"}"#,
            r#"{"type": "deviceUpdate", "thing": "t1", "status": "SUCCEEDED", "x": 1}"#,
            r#"{"type": "deviceUpdate", "thing": "t1", "status": "SUCCEEDED", "expectedVersion": 1.5}"#,
            r#"{"type": "advance", "to": 5}"#,
            r#"{"type": "advance", "to": -5}"#,
            r#"{"type": "advance"}"#,
            r#"{"type": "advance", "to": "5"}"#,
            r#"{"type": "advance", "to": 1e3}"#,
            r#"{"type": "advance", "to": 99999999999999999999}"#,
            r#"{"type": "cancelJob"}"#,
            r#"{"type": "cancelJob", "force": true, "reasonCode": "R", "comment": "c"}"#,
            r#"{"type": "cancelJob", "force": null}"#,
            r#"{"type": "cancelJob", "force": "yes"}"#,
            r#"{"type": "cancelJob", "reasonCode": 5}"#,
            r#"{"type": "cancelJob", "comment": null}"#,
            r#"{"type": "cancelJobExecution", "thing": "t1", "force": false, "expectedVersion": 2}"#,
            r#"{"type": "cancelJobExecution"}"#,
            r#"{"type": "deleteJob"}"#,
            r#"{"type": "deleteJob", "force": true, "other": 1}"#,
            r#"{"type": "updateJob", "request": {"jobId": "j"}}"#,
            r#"{"type": "updateJob", "request": null}"#,
            r#"{"type": "updateJob"}"#,
            r#"{"type": "thingAdded", "thing": "t9"}"#,
            r#"{"type": "thingRemoved", "thing": "t9"}"#,
            r#"{"type": "thingRemoved"}"#,
            r#"{"type": "explode"}"#,
            r#"{"type": 5}"#,
            r#"{"thing": "t1"}"#,
            r#"[]"#,
            r#"null"#,
            r#""advance""#,
        ];
        for text in cases {
            let derived = serde_json::from_str::<Event>(text).ok();
            let value: Value = serde_json::from_str(text).unwrap();
            let by_hand = event_from_value(value).ok();
            assert_eq!(by_hand, derived, "{text}");
        }
    }
}

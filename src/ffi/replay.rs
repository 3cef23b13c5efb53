//! The scenario runner behind `iot-jobs-policy replay`.
//!
//! A scenario is JSON:
//!
//! ```json
//! {
//!   "description": "optional",
//!   "job": {"jobId": "job-1", "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t1"], "document": "{}"},
//!   "things": ["t1"],
//!   "groups": {"arn:aws:iot:us-east-1:123456789012:thinggroup/g": ["t2", "t3"]},
//!   "createdAt": 0,
//!   "options": {"api": "latest", "profile": "documented"},
//!   "events": [{"at": 60000, "type": "deviceUpdate", "thing": "t1", "status": "IN_PROGRESS"}]
//! }
//! ```
//!
//! `things` (thing names, in target order) overrides the resolution of
//! `targets` (thing ARNs resolve to their name, the last path segment;
//! thing-group ARNs through `groups`, keyed by ARN or group name). Times are
//! epoch milliseconds; `createdAt` defaults to 0. An `advance` event without
//! `to` advances to its `at`. Every other event first advances time to its
//! `at` (see [`crate::machine::Job::step`]).
//!
//! A refused event is recorded in the timeline with its error and the replay
//! goes on; only a scenario that is not well formed, or a job that cannot be
//! created, is an error.

use crate::ffi::read::{self, Setup, SetupError};
use crate::machine::{Job, MachineError, TimedEffect};
use crate::validate::time::iso;
use serde_json::{Map, Value};
use std::fmt::Write as _;

/// Why a scenario could not be replayed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    /// The scenario is not well formed.
    #[error("the scenario is not valid: {0}")]
    Scenario(String),
    /// The job could not be created (invalid CreateJob request, unknown group, ...).
    #[error("the job could not be created: {0}")]
    Create(MachineError),
}

/// The result of a replay.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Replay {
    /// The job at the end of the scenario.
    pub job: Job,
    /// One entry per event (the first one is the creation):
    /// `{"at", "event", "effects", "error"?}`.
    pub timeline: Vec<Value>,
}

fn scenario_err(msg: impl Into<String>) -> ReplayError {
    ReplayError::Scenario(msg.into())
}

fn effects_json(fx: &[TimedEffect]) -> Value {
    serde_json::to_value(fx).unwrap_or(Value::Null)
}

fn error_json(e: &MachineError) -> Value {
    serde_json::to_value(e).unwrap_or(Value::Null)
}

/// What creating a job needs, read from a scenario by the machine's one
/// creation reader (shared with `text::create`): `job`, `things` /
/// `groups`, `createdAt`, `options`.
fn setup(obj: &Map<String, Value>) -> Result<Setup<'_>, ReplayError> {
    read::setup(obj).map_err(|e| match e {
        SetupError::Create(e) => ReplayError::Create(e),
        other => scenario_err(other.scenario_message().unwrap_or_default()),
    })
}

/// Replays a scenario given as JSON text.
///
/// # Errors
/// [`ReplayError::Scenario`] for malformed scenario text,
/// [`ReplayError::Create`] when the job cannot be created.
pub fn replay(scenario_text: &str) -> Result<Replay, ReplayError> {
    let doc: Value =
        serde_json::from_str(scenario_text).map_err(|e| scenario_err(format!("not JSON: {e}")))?;
    let Some(obj) = doc.as_object() else {
        return Err(scenario_err("the scenario must be a JSON object"));
    };
    for k in obj.keys() {
        if !matches!(
            k.as_str(),
            "description" | "job" | "things" | "groups" | "createdAt" | "options" | "events"
        ) {
            return Err(scenario_err(format!("unknown member `{k}`")));
        }
    }
    let Setup {
        request,
        things,
        created_at,
        options,
    } = setup(obj)?;
    let events: &[Value] = match obj.get("events") {
        None => &[],
        Some(v) => v
            .as_array()
            .ok_or_else(|| scenario_err("`events` must be a list"))?,
    };

    let (mut job, fx) =
        Job::create(request, &things, created_at, &options).map_err(ReplayError::Create)?;
    let mut timeline = Vec::with_capacity(events.len() + 1);
    let mut first = Map::new();
    first.insert("at".into(), Value::from(created_at));
    first.insert("event".into(), serde_json::json!({"type": "createJob"}));
    first.insert("effects".into(), effects_json(&fx));
    timeline.push(Value::Object(first));

    for (n, raw) in events.iter().enumerate() {
        let mut entry = Map::new();
        let mut body = raw.as_object().cloned().unwrap_or_default();
        let at = body.remove("at");
        entry.insert("at".into(), at.clone().unwrap_or(Value::Null));
        entry.insert("event".into(), Value::Object(body.clone()));
        let parsed = match at.as_ref().and_then(Value::as_i64) {
            None => Err(format!("event {n}: `at` (epoch ms) is required")),
            Some(at) => read::scenario_event(body, at)
                .map(|e| (at, e))
                .map_err(|e| format!("event {n}: {e}")),
        };
        match parsed {
            Err(message) => {
                entry.insert("effects".into(), Value::Array(Vec::new()));
                entry.insert(
                    "error".into(),
                    // A malformed scenario event is the scenario's fault, not an AWS
                    // behaviour: no catalogue rule, like the machine's own refusals.
                    serde_json::json!({"code": "InvalidRequestException", "message": message}),
                );
            }
            Ok((at, event)) => {
                let (fx, error) = job.step(at, event);
                entry.insert("effects".into(), effects_json(&fx));
                if let Some(e) = error {
                    entry.insert("error".into(), error_json(&e));
                }
            }
        }
        timeline.push(Value::Object(entry));
    }
    Ok(Replay { job, timeline })
}

/// Replays a scenario and renders
/// `{"describe": <DescribeJob response>, "executions": <ListJobExecutionsForJob response, all>, "timeline": [...]}`
/// as pretty-printed JSON.
///
/// # Errors
/// As [`replay`].
pub fn replay_json(scenario_text: &str) -> Result<String, ReplayError> {
    let r = replay(scenario_text)?;
    let mut out = Map::new();
    out.insert("describe".into(), r.job.describe());
    out.insert("executions".into(), r.job.list_all_executions_for_job());
    out.insert("timeline".into(), Value::Array(r.timeline));
    serde_json::to_string_pretty(&Value::Object(out)).map_err(|e| scenario_err(e.to_string()))
}

/// Replays a scenario and renders a readable timeline followed by the
/// final job status and counters.
///
/// # Errors
/// As [`replay`].
pub fn replay_text(scenario_text: &str) -> Result<String, ReplayError> {
    let r = replay(scenario_text)?;
    let mut out = String::new();
    let job = &r.job;
    let d = job.describe();
    let sel = d
        .pointer("/job/targetSelection")
        .and_then(Value::as_str)
        .unwrap_or("");
    let _ = writeln!(
        out,
        "job {} ({sel}, {} things)",
        job.job_id(),
        job.thing_count()
    );
    for entry in &r.timeline {
        let at = entry.get("at").and_then(Value::as_i64);
        let when = at.map_or_else(|| String::from("????-??-??T??:??:??.???Z"), iso);
        let ev = entry.get("event").cloned().unwrap_or(Value::Null);
        let _ = writeln!(out, "{when}  {}", describe_event(&ev));
        for fx in entry
            .get("effects")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let _ = writeln!(out, "    {}", describe_effect(fx));
        }
        if let Some(e) = entry.get("error") {
            let code = e.get("code").and_then(Value::as_str).unwrap_or("");
            let msg = e.get("message").and_then(Value::as_str).unwrap_or("");
            let _ = match e.get("rule").and_then(Value::as_str) {
                Some(rule) => writeln!(out, "    refused: {code} [{rule}]: {msg}"),
                None => writeln!(out, "    refused: {code}: {msg}"),
            };
        }
    }
    let c = job.counts();
    let _ = writeln!(out, "final status: {}", job.status());
    let _ = writeln!(
        out,
        "things: {} queued, {} in progress, {} succeeded, {} failed, {} timed out, {} rejected, {} removed, {} canceled, {} not notified",
        c.queued, c.in_progress, c.succeeded, c.failed, c.timed_out, c.rejected, c.removed, c.canceled, c.pending
    );
    match job.next_deadline() {
        Some(t) => {
            let _ = writeln!(out, "next deadline: {}", iso(t));
        }
        None => {
            let _ = writeln!(out, "next deadline: none");
        }
    }
    Ok(out)
}

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

fn describe_event(ev: &Value) -> String {
    let kind = s(ev, "type");
    let mut line = String::from(kind);
    match kind {
        "deviceUpdate" => {
            let _ = write!(line, " {} {}", s(ev, "thing"), s(ev, "status"));
            if let Some(m) = ev.get("stepTimeoutInMinutes") {
                let _ = write!(line, " step={m}");
            }
            if let Some(v) = ev.get("expectedVersion") {
                let _ = write!(line, " expectedVersion={v}");
            }
        }
        "advance" => {
            if let Some(t) = ev.get("to").and_then(Value::as_i64) {
                let _ = write!(line, " to {}", iso(t));
            }
        }
        "cancelJobExecution" | "thingAdded" | "thingRemoved" => {
            let _ = write!(line, " {}", s(ev, "thing"));
        }
        _ => {}
    }
    if ev.get("force").and_then(Value::as_bool) == Some(true) {
        line.push_str(" force");
    }
    line
}

fn describe_effect(fx: &Value) -> String {
    let rule = s(fx, "rule");
    match s(fx, "type") {
        "jobStatusChanged" => match fx.get("from").and_then(Value::as_str) {
            Some(from) => format!("job {from} -> {} [{rule}]", s(fx, "to")),
            None => format!("job {} [{rule}]", s(fx, "to")),
        },
        "executionStatusChanged" => {
            let from = fx.get("from").and_then(Value::as_str);
            let mut line = match from {
                Some(f) => format!("{}: {f} -> {}", s(fx, "thing"), s(fx, "to")),
                None => format!("{}: {}", s(fx, "thing"), s(fx, "to")),
            };
            if let Some(n) = fx.get("executionNumber") {
                let _ = write!(line, " execution #{n}");
            }
            if let Some(r) = fx
                .get("retryAttempt")
                .and_then(Value::as_u64)
                .filter(|&r| r > 0)
            {
                let _ = write!(line, " retry {r}");
            }
            if fx.get("forceCanceled").and_then(Value::as_bool) == Some(true) {
                line.push_str(" (forced)");
            }
            format!("{line} [{rule}]")
        }
        "jobAborted" => format!("abort: {} [{rule}]", s(fx, "comment")),
        "retriesCanceled" => format!("{}: remaining retries canceled [{rule}]", s(fx, "thing")),
        "jobUpdated" => {
            let fields: Vec<&str> = fx
                .get("fields")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            format!("job updated: {} [{rule}]", fields.join(", "))
        }
        "jobDeleted" => format!("job deleted [{rule}]"),
        other => format!("{other} [{rule}]"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_events_are_recorded() {
        let scenario = r#"{"job": {"jobId": "j", "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t1"], "document": "{}"},
            "events": [{"at": 10, "type": "deviceUpdate", "thing": "nope", "status": "IN_PROGRESS"},
                       {"at": 20, "type": "bogus"}]}"#;
        let r = replay(scenario).unwrap();
        assert_eq!(r.timeline.len(), 3);
        assert_eq!(r.timeline[1]["error"]["code"], "ResourceNotFoundException");
        assert_eq!(r.timeline[2]["error"]["code"], "InvalidRequestException");
        // An AWS refusal cites its catalogue rule; a malformed scenario event
        // is not AWS behaviour and cites none.
        assert!(r.timeline[1]["error"]["rule"].is_string());
        assert!(r.timeline[2]["error"].get("rule").is_none());
        let text = replay_text(scenario).unwrap();
        let rule = r.timeline[1]["error"]["rule"].as_str().unwrap();
        assert!(
            text.contains(&format!("refused: ResourceNotFoundException [{rule}]: ")),
            "{text}"
        );
        assert!(
            text.contains("refused: InvalidRequestException: event 1: "),
            "{text}"
        );
    }
}

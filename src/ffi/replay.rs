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
//! Every effect in the timeline carries its own `at`: when one event
//! fires several deadlines (an `advance` over several rollout minutes, a
//! device update after a timer expired), each effect is timed when its
//! deadline fired, and the text output groups them under their time.
//!
//! A refused event is recorded in the timeline with its error and the replay
//! goes on (a refusal is AWS behaviour, or the machine's own, such as a time
//! going backwards). A scenario that is not well formed is an error: a
//! malformed event ([`ReplayError::Event`], with the event's index and the
//! member at fault), a job that is not a valid CreateJob request
//! ([`ReplayError::InvalidJob`], with the validator's report) or a valid
//! job that cannot be created ([`ReplayError::Create`]), in that order:
//! the job is judged before its targets are resolved, so that a bare thing
//! name in `targets` gives the job's report, not a refused creation.

use crate::ffi::read::{self, Setup, SetupError};
use crate::machine::{Job, MachineError, TimedEffect};
use crate::validate::time::iso;
use crate::{validate_value, Operation, Options, Report};
use serde_json::{Map, Value};
use std::fmt::Write as _;

/// Why a scenario could not be replayed.
///
/// ```
/// use iot_jobs_policy::replay::{replay, ReplayError};
/// let scenario = r#"{"job": {"jobId": "j", "document": "{}",
///     "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t1"]},
///     "events": [{"at": 10, "type": "thingAdded", "thingNmae": "t2"}]}"#;
/// match replay(scenario) {
///     Err(ReplayError::Event { index, field, message }) => {
///         assert_eq!((index, field.as_deref()), (0, Some("thingNmae")));
///         assert_eq!(message, "unknown field `thingNmae`");
///     }
///     other => panic!("{other:?}"),
/// }
/// let invalid = r#"{"job": {"jobId": "j", "targets": []}}"#;
/// let Err(ReplayError::InvalidJob(report)) = replay(invalid) else { panic!() };
/// assert!(!report.is_valid());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReplayError {
    /// The scenario is not well formed (not JSON, an unknown member, a
    /// malformed `createdAt`, `options`, `things`, `groups` or `events`).
    #[error("the scenario is not valid: {0}")]
    Scenario(String),
    /// An event of `events` is malformed: not an object, no integer `at`,
    /// an unknown `type`, an unknown member, a member of the wrong type or
    /// a missing one.
    /// Its message names the member when there is one:
    /// "the scenario is not valid: event 2 (status): unknown device status `DONE`".
    #[error(
        "the scenario is not valid: event {index}{}: {message}",
        field.as_deref().map(|f| format!(" ({f})")).unwrap_or_default()
    )]
    Event {
        /// The event's index in `events` (from 0).
        index: usize,
        /// The member at fault (`at`, `type`, `thing`, an unknown member's
        /// name, ...); `None` when the event is not an object.
        field: Option<String>,
        /// One sentence, e.g. "unknown field `thingNmae`".
        message: String,
    },
    /// The job is not a valid CreateJob request (under the scenario's
    /// options, with `createdAt` as "now"): the validator's report, as
    /// `validate` gives it.
    #[error("the job is not a valid CreateJob request ({} error(s))", .0.errors().count())]
    InvalidJob(Report),
    /// The job is a valid CreateJob request but could not be created (an
    /// unknown group, an invalid thing name in `things`, a time out of
    /// range, ...).
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
    /// `{"at", "event", "effects", "error"?}`, each effect with its own `at`.
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
/// The targets are not resolved yet: the things, or the machine's refusal
/// of the targets, come second.
fn setup(
    obj: &Map<String, Value>,
) -> Result<(Setup<'_>, Result<Vec<String>, MachineError>), ReplayError> {
    read::setup_unresolved(obj).map_err(|e| match e {
        SetupError::Create(e) => ReplayError::Create(e),
        other => scenario_err(other.scenario_message().unwrap_or_default()),
    })
}

/// Why the job of `setup` was not created, `refusal` being the machine's
/// refusal (of its targets or of the creation): the validator's report when
/// the job is not a valid CreateJob request (whatever else the machine
/// refuses), otherwise the refusal. The job is validated here only when
/// the creation failed: a creation that succeeds has validated it once,
/// inside [`Job::create`].
fn not_created(setup: &Setup<'_>, refusal: MachineError) -> ReplayError {
    let report = validate_value(
        Operation::CreateJob,
        setup.request,
        &Options {
            now_ms: setup.options.now_ms.or(Some(setup.created_at)),
            ..setup.options
        },
    );
    if report.is_valid() {
        ReplayError::Create(refusal)
    } else {
        ReplayError::InvalidJob(report)
    }
}

/// Replays a scenario given as JSON text.
///
/// # Errors
/// [`ReplayError::Scenario`] for malformed scenario text,
/// [`ReplayError::Event`] for a malformed event,
/// [`ReplayError::InvalidJob`] when the job is not a valid CreateJob
/// request, [`ReplayError::Create`] when a valid job cannot be created.
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
    let (setup, things) = setup(obj)?;
    let events: &[Value] = match obj.get("events") {
        None => &[],
        Some(v) => v
            .as_array()
            .ok_or_else(|| scenario_err("`events` must be a list"))?,
    };

    // Malformed events are refused before anything runs.
    let mut parsed = Vec::with_capacity(events.len());
    for (index, raw) in events.iter().enumerate() {
        parsed.push(scenario_event(index, raw)?);
    }
    // An invalid job is its report, before any refusal of its targets
    // (a bare thing name is no ARN) or of its creation.
    let created_at = setup.created_at;
    let (mut job, fx) = things
        .and_then(|things| Job::create(setup.request, &things, created_at, &setup.options))
        .map_err(|e| not_created(&setup, e))?;
    let mut timeline = Vec::with_capacity(events.len() + 1);
    let mut first = Map::new();
    first.insert("at".into(), Value::from(created_at));
    first.insert("event".into(), serde_json::json!({"type": "createJob"}));
    first.insert("effects".into(), effects_json(&fx));
    timeline.push(Value::Object(first));

    for (at, body, event) in parsed {
        let mut entry = Map::new();
        entry.insert("at".into(), Value::from(at));
        entry.insert("event".into(), Value::Object(body));
        let (fx, error) = job.step(at, event);
        entry.insert("effects".into(), effects_json(&fx));
        if let Some(e) = error {
            entry.insert("error".into(), error_json(&e));
        }
        timeline.push(Value::Object(entry));
    }
    Ok(Replay { job, timeline })
}

/// Event `index` of a scenario: its `at`, its members without `at` (as the
/// timeline shows it) and the event, or [`ReplayError::Event`].
fn scenario_event(
    index: usize,
    raw: &Value,
) -> Result<(i64, Map<String, Value>, crate::machine::Event), ReplayError> {
    let fail = |field: Option<&str>, message: String| ReplayError::Event {
        index,
        field: field.map(str::to_owned),
        message,
    };
    let Some(obj) = raw.as_object() else {
        return Err(fail(
            None,
            "an event must be an object with `at` and `type`".into(),
        ));
    };
    let mut body = obj.clone();
    let at = match body.remove("at") {
        None => return Err(fail(Some("at"), "missing field `at`".into())),
        Some(v) => v
            .as_i64()
            .ok_or_else(|| fail(Some("at"), "`at` must be an integer (epoch ms)".into()))?,
    };
    let event = read::scenario_event(body.clone(), at).map_err(|e| ReplayError::Event {
        index,
        field: e.field,
        message: e.message,
    })?;
    Ok((at, body, event))
}

/// Replays a scenario and renders
/// `{"describe": <DescribeJob response>, "executions": <ListJobExecutionsForJob response, all>, "timeline": [...]}`
/// as pretty-printed JSON.
///
/// # Errors
/// As [`replay`].
pub fn replay_json(scenario_text: &str) -> Result<String, ReplayError> {
    let out = replay_value(replay(scenario_text)?);
    serde_json::to_string_pretty(&out).map_err(|e| scenario_err(e.to_string()))
}

/// `{"describe", "executions", "timeline"}` of a replay.
fn replay_value(r: Replay) -> Value {
    let mut out = Map::new();
    out.insert("describe".into(), r.job.describe());
    out.insert("executions".into(), r.job.list_all_executions_for_job());
    out.insert("timeline".into(), Value::Array(r.timeline));
    Value::Object(out)
}

/// Replays a scenario for a foreign caller (the npm `replay()`): one of the
/// boundary's answers (see [`crate::ffi`]).
///
/// - `{"type": "success", "replay": {"describe", "executions", "timeline"}}`:
///   `replay` is the object [`replay_json`] prints (the CLI's
///   `replay --format json`), members in the same order;
/// - `{"type": "success", "report": <Report>}` when the job is not a valid
///   CreateJob request: the report the CLI prints (exit 1);
/// - the misuse `invalidEvent` for a malformed event, with its `index` in
///   `events` and the member at fault as `field` (absent when the event is
///   not an object): `{"type": "misuse", "error": {"code", "message",
///   "index", "field"?}}`, with the message the CLI prints (which names
///   the member);
/// - the misuse `invalidScenario` for a scenario that is not well formed
///   or is over [`crate::MAX_REQUEST_BYTES`] bytes;
/// - the refusal of the creation of a valid job (an unknown group, an
///   invalid thing name in `things`).
///
/// ```
/// use iot_jobs_policy::replay::replay_answer;
/// let job = r#""job": {"jobId": "j", "document": "{}", "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t1"]}"#;
/// let ok: serde_json::Value = serde_json::from_str(&replay_answer(&format!("{{{job}}}"))).unwrap();
/// assert_eq!(ok["replay"]["timeline"][0]["effects"][0]["at"], 0);
/// let bad = replay_answer(&format!(r#"{{{job}, "events": [{{"at": 1, "type": "thingAdded", "thingNmae": "t2"}}]}}"#));
/// let bad: serde_json::Value = serde_json::from_str(&bad).unwrap();
/// assert_eq!((&bad["type"], &bad["error"]["code"]), (&"misuse".into(), &"invalidEvent".into()));
/// assert_eq!((&bad["error"]["index"], &bad["error"]["field"]), (&0.into(), &"thingNmae".into()));
/// ```
pub fn replay_answer(scenario_text: &str) -> String {
    use crate::ffi::{misuse, refused, success_members, UsageError};
    let limit = crate::MAX_REQUEST_BYTES;
    if scenario_text.len() > limit {
        return misuse(&UsageError::new(
            "invalidScenario",
            format!(
                "the scenario is {} bytes, more than the limit of {limit}",
                scenario_text.len()
            ),
        ));
    }
    match replay(scenario_text) {
        Ok(r) => {
            let out = replay_value(r);
            success_members(&format!(
                r#""replay":{}"#,
                serde_json::to_string(&out).unwrap_or_default()
            ))
        }
        Err(ReplayError::InvalidJob(report)) => {
            success_members(&format!(r#""report":{}"#, report.to_json()))
        }
        Err(ReplayError::Create(e)) => refused(&e),
        Err(ReplayError::Event {
            index,
            field,
            message,
        }) => {
            let message = ReplayError::Event {
                index,
                field: field.clone(),
                message,
            }
            .to_string();
            let mut error = Map::new();
            error.insert("code".into(), Value::from("invalidEvent"));
            error.insert("message".into(), Value::from(message));
            error.insert("index".into(), Value::from(index));
            if let Some(f) = field {
                error.insert("field".into(), Value::from(f));
            }
            format!(r#"{{"type":"misuse","error":{}}}"#, Value::Object(error))
        }
        Err(e) => misuse(&UsageError::new("invalidScenario", e.to_string())),
    }
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
        let when = at.map(iso).unwrap_or_default();
        let ev = entry.get("event").cloned().unwrap_or(Value::Null);
        let _ = writeln!(out, "{when}  {}", describe_event(&ev));
        // Effects at another time than the event's (deadlines an advance
        // fired) are grouped under their own time.
        let mut shown = at;
        for fx in entry
            .get("effects")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let fx_at = fx.get("at").and_then(Value::as_i64);
            if fx_at.is_some() && fx_at != shown {
                let _ = writeln!(out, "  at {}", fx_at.map(iso).unwrap_or_default());
                shown = fx_at;
            }
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
    use serde_json::json;
    use std::collections::BTreeMap;

    const JOB: &str = r#""job": {"jobId": "j", "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t1"], "document": "{}"}"#;

    #[test]
    fn refused_events_are_recorded() {
        let scenario = format!(
            r#"{{{JOB}, "events": [{{"at": 10, "type": "deviceUpdate", "thing": "nope", "status": "IN_PROGRESS"}},
                       {{"at": 5, "type": "thingAdded", "thing": "t2"}}]}}"#
        );
        let r = replay(&scenario).unwrap();
        assert_eq!(r.timeline.len(), 3);
        assert_eq!(r.timeline[1]["error"]["code"], "ResourceNotFoundException");
        assert_eq!(r.timeline[2]["error"]["code"], "timeWentBackwards");
        // An AWS refusal cites its catalogue rule; the machine's own cites none.
        assert!(r.timeline[1]["error"]["rule"].is_string());
        assert!(r.timeline[2]["error"].get("rule").is_none());
        let text = replay_text(&scenario).unwrap();
        let rule = r.timeline[1]["error"]["rule"].as_str().unwrap();
        assert!(
            text.contains(&format!("refused: ResourceNotFoundException [{rule}]: ")),
            "{text}"
        );
        assert!(text.contains("refused: timeWentBackwards: "), "{text}");
    }

    /// 35 things at 10 a minute, advanced five minutes in one event.
    pub(crate) fn wave() -> String {
        let things: Vec<String> = (1..=35).map(|i| format!("t{i:02}")).collect();
        json!({
            "job": {"jobId": "wave", "document": "{}",
                    "targets": ["arn:aws:iot:us-east-1:123456789012:thinggroup/fleet"],
                    "jobExecutionsRolloutConfig": {"maximumPerMinute": 10}},
            "groups": {"fleet": things},
            "createdAt": 0,
            "events": [{"at": 300_000, "type": "advance"}]
        })
        .to_string()
    }

    #[test]
    fn each_effect_is_timed_when_its_deadline_fired() {
        let r = replay(&wave()).unwrap();
        assert_eq!(r.timeline.len(), 2);
        let mut per_minute = BTreeMap::new();
        for entry in &r.timeline {
            for fx in entry["effects"].as_array().unwrap() {
                if fx["type"] == "executionStatusChanged" && fx["to"] == "QUEUED" {
                    *per_minute
                        .entry(fx["at"].as_i64().unwrap() / 60_000)
                        .or_insert(0) += 1;
                }
            }
        }
        assert_eq!(
            per_minute.into_iter().collect::<Vec<_>>(),
            [(0, 10), (1, 10), (2, 10), (3, 5)]
        );
        // The creation's effects carry the creation time, the advance's
        // their own minute, never the advance's time.
        assert!(r.timeline[0]["effects"]
            .as_array()
            .unwrap()
            .iter()
            .all(|fx| fx["at"] == 0));
        assert!(r.timeline[1]["effects"]
            .as_array()
            .unwrap()
            .iter()
            .all(|fx| fx["at"] != 300_000));
        // The text shows each group of effects under its own time.
        let text = replay_text(&wave()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let at = |m: i64| format!("  at {}", iso(m * 60_000));
        for (minute, first, count) in [(1, "t11", 10), (2, "t21", 10), (3, "t31", 5)] {
            let header = at(minute);
            let n = lines.iter().position(|l| *l == header).unwrap();
            assert_eq!(
                lines[n + 1],
                format!("    {first}: QUEUED execution #1 [E1]")
            );
            let queued = lines[n + 1..]
                .iter()
                .take_while(|l| l.starts_with("    "))
                .filter(|l| l.ends_with(": QUEUED execution #1 [E1]"))
                .count();
            assert_eq!(queued, count, "minute {minute}:\n{text}");
        }
        assert!(
            lines.contains(&"1970-01-01T00:05:00.000Z  advance"),
            "{text}"
        );
        assert!(!text.contains("  at 1970-01-01T00:00:00.000Z"), "{text}");
        // And the JSON.
        let j: Value = serde_json::from_str(&replay_json(&wave()).unwrap()).unwrap();
        assert_eq!(j["timeline"][1]["effects"][0]["at"], 60_000);
        assert_eq!(j["timeline"][1]["effects"][24]["at"], 180_000);
        assert_eq!(
            j["timeline"][1]["effects"].as_array().map(Vec::len),
            Some(25)
        );
    }

    #[test]
    fn malformed_events_are_errors_with_their_index_and_member() {
        for (event, field, message) in [
            (
                r#"{"at": 3, "type": "thingAdded", "thingNmae": "t2"}"#,
                Some("thingNmae"),
                "unknown field `thingNmae`",
            ),
            (
                r#"{"at": 3, "type": "thingAdded", "thing": 2}"#,
                Some("thing"),
                "`thing` must be a string",
            ),
            (
                r#"{"at": 3, "type": "deviceUpdate", "thing": "t1"}"#,
                Some("status"),
                "missing field `status`",
            ),
            (
                r#"{"at": 3, "type": "deviceUpdate", "thing": "t1", "status": "DONE"}"#,
                Some("status"),
                "unknown device status `DONE`",
            ),
            (
                r#"{"type": "deleteJob"}"#,
                Some("at"),
                "missing field `at`",
            ),
            (
                r#"{"at": "soon", "type": "deleteJob"}"#,
                Some("at"),
                "`at` must be an integer (epoch ms)",
            ),
            (
                r#"{"at": 3, "type": "bogus"}"#,
                Some("type"),
                "unknown variant `bogus`, expected one of `deviceUpdate`, `advance`, `cancelJob`, `cancelJobExecution`, `deleteJob`, `updateJob`, `thingAdded`, `thingRemoved`",
            ),
            (
                "[]",
                None,
                "an event must be an object with `at` and `type`",
            ),
        ] {
            let scenario = format!(
                r#"{{{JOB}, "events": [{{"at": 1, "type": "advance"}}, {{"at": 2, "type": "thingAdded", "thing": "t2"}}, {event}]}}"#
            );
            let e = replay(&scenario).unwrap_err();
            assert_eq!(
                e,
                ReplayError::Event {
                    index: 2,
                    field: field.map(str::to_owned),
                    message: message.to_owned()
                },
                "{event}"
            );
            // The message names the member at fault.
            let named = match field {
                Some(f) => format!("event 2 ({f}): {message}"),
                None => format!("event 2: {message}"),
            };
            assert_eq!(
                e.to_string(),
                format!("the scenario is not valid: {named}")
            );
            assert_eq!(replay_text(&scenario).unwrap_err(), e);
            assert_eq!(replay_json(&scenario).unwrap_err(), e);
        }
    }

    #[test]
    fn an_invalid_job_is_its_report() {
        let scenario = r#"{"job": {"jobId": "bad id", "targets": [], "document": "{}"},
            "events": [{"at": 1, "type": "advance"}]}"#;
        let Err(ReplayError::InvalidJob(report)) = replay(scenario) else {
            panic!("not InvalidJob")
        };
        let expected = crate::validate_value(
            Operation::CreateJob,
            &json!({"jobId": "bad id", "targets": [], "document": "{}"}),
            &Options::default().with_now_ms(Some(0)),
        );
        assert_eq!(report, expected);
        assert_eq!(report.errors().count(), 2);
        assert_eq!(
            replay_text(scenario).unwrap_err().to_string(),
            "the job is not a valid CreateJob request (2 error(s))"
        );
        // A malformed event is reported before the job.
        let both = r#"{"job": {"jobId": "bad id"}, "events": [{"at": 1}]}"#;
        assert!(matches!(
            replay(both),
            Err(ReplayError::Event { index: 0, .. })
        ));
        // A valid request whose targets do not resolve is a refused creation.
        let unknown_group = r#"{"job": {"jobId": "j", "document": "{}",
            "targets": ["arn:aws:iot:us-east-1:123456789012:thinggroup/g"]}}"#;
        assert!(matches!(replay(unknown_group), Err(ReplayError::Create(_))));
    }

    #[test]
    fn a_job_is_validated_before_its_targets_are_resolved() {
        let report_of = |job: &Value, now: i64| {
            crate::validate_value(
                Operation::CreateJob,
                job,
                &Options::default().with_now_ms(Some(now)),
            )
        };
        // A bare thing name, the commonest mistake: the report, not the
        // refusal of a target that is no ARN.
        let bare = json!({"jobId": "j", "document": "{}", "targets": ["t1"]});
        let scenario = json!({"job": bare, "events": [{"at": 1, "type": "advance"}]}).to_string();
        let Err(ReplayError::InvalidJob(report)) = replay(&scenario) else {
            panic!("{:?}", replay(&scenario))
        };
        assert_eq!(report, report_of(&bare, 0));
        assert_eq!(report.violations()[0].path(), "/targets/0");
        // The same with an unknown group besides, and with `things` given.
        let both = json!({"jobId": "j", "document": "{}", "targets": ["t1",
            "arn:aws:iot:us-east-1:123456789012:thinggroup/g"]});
        let scenario = json!({"job": both}).to_string();
        assert!(matches!(replay(&scenario), Err(ReplayError::InvalidJob(_))));
        let scenario = json!({"job": bare, "things": ["t1"]}).to_string();
        assert!(matches!(replay(&scenario), Err(ReplayError::InvalidJob(_))));
        // An invalid job with a creation time out of range: still its report
        // (the job is judged before the creation).
        let bad_id = json!({"jobId": "bad id", "document": "{}",
            "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t1"]});
        let scenario = json!({"job": bad_id, "createdAt": i64::MAX}).to_string();
        let Err(ReplayError::InvalidJob(report)) = replay(&scenario) else {
            panic!("{:?}", replay(&scenario))
        };
        assert_eq!(report, report_of(&bad_id, i64::MAX));
        // A valid job the machine refuses: the refusal.
        let good = json!({"jobId": "j", "document": "{}",
            "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t1"]});
        for scenario in [
            json!({"job": good, "createdAt": i64::MAX}),
            json!({"job": good, "things": ["bad name!"]}),
        ] {
            let r = replay(&scenario.to_string());
            assert!(matches!(r, Err(ReplayError::Create(_))), "{r:?}");
        }
        // npm: the report, as a success.
        let a: Value =
            serde_json::from_str(&replay_answer(&json!({"job": bare}).to_string())).unwrap();
        assert_eq!(a["type"], "success");
        assert_eq!(a["report"]["violations"][0]["path"], "/targets/0");
    }

    #[test]
    fn the_answers_of_replay_answer() {
        let parse = |s: String| -> Value { serde_json::from_str(&s).unwrap() };
        // Success: the object the CLI prints, members in the same order.
        let ok = parse(replay_answer(&wave()));
        assert_eq!(ok["type"], "success");
        let printed: Value = serde_json::from_str(&replay_json(&wave()).unwrap()).unwrap();
        assert_eq!(
            serde_json::to_string_pretty(&ok["replay"]).unwrap(),
            serde_json::to_string_pretty(&printed).unwrap()
        );
        // An invalid job: its report.
        let invalid = r#"{"job": {"jobId": "bad id", "targets": [], "document": "{}"}}"#;
        let a = parse(replay_answer(invalid));
        let Err(ReplayError::InvalidJob(report)) = replay(invalid) else {
            panic!()
        };
        assert_eq!(a["type"], "success");
        assert_eq!(a["report"], parse(report.to_json()));
        // A malformed event: invalidEvent with index and field.
        let bad = format!(
            r#"{{{JOB}, "events": [{{"at": 1, "type": "advance"}}, {{"at": 2, "type": "deviceUpdate", "thing": "t1", "status": "DONE"}}]}}"#
        );
        let a = parse(replay_answer(&bad));
        assert_eq!(
            a,
            json!({"type": "misuse", "error": {"code": "invalidEvent", "index": 1, "field": "status",
                "message": "the scenario is not valid: event 1 (status): unknown device status `DONE`"}})
        );
        let not_object = format!(r#"{{{JOB}, "events": [7]}}"#);
        let a = parse(replay_answer(&not_object));
        assert_eq!(a["error"]["index"], 0);
        assert!(a["error"].get("field").is_none(), "{a}");
        // A malformed scenario, an oversized one: invalidScenario.
        for text in [
            String::from("{"),
            String::from("[]"),
            format!(r#"{{{JOB}, "extra": 1}}"#),
            format!(r#"{{{JOB}, "createdAt": "0"}}"#),
            format!("{{{JOB}}}{}", " ".repeat(crate::MAX_REQUEST_BYTES)),
        ] {
            let a = parse(replay_answer(&text));
            assert_eq!(a["type"], "misuse", "{a}");
            assert_eq!(a["error"]["code"], "invalidScenario", "{a}");
        }
        let big = format!("{{{JOB}}}{}", " ".repeat(crate::MAX_REQUEST_BYTES));
        assert_eq!(
            parse(replay_answer(&big))["error"]["message"],
            format!(
                "the scenario is {} bytes, more than the limit of 1048576",
                big.len()
            )
        );
        // A creation the machine refuses: the refusal.
        let group = r#"{"job": {"jobId": "j", "document": "{}",
            "targets": ["arn:aws:iot:us-east-1:123456789012:thinggroup/g"]}}"#;
        let a = parse(replay_answer(group));
        assert_eq!(a["type"], "refused");
        assert!(a["error"]["rule"].is_string(), "{a}");
    }
}

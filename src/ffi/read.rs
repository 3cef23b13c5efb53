//! The hand-written readers of the machine's JSON: an [`Event`], the input
//! of a creation ([`setup`]: a `text::create` input or a replay scenario)
//! and, in WebAssembly, a snapshot ([`snapshot`]).
//!
//! They stand in for serde's `Deserialize` derives, which cost WebAssembly
//! size (about 20 KB for the internally tagged `Event`, 10 KB for the
//! snapshot, more for `from_value` of lists and maps), and they read exactly
//! what the derives read, with the same error sentences (the vectors pin
//! them). One test, `the_readers_agree_with_the_writers`, checks
//! that what the writers write (`Event`'s `Serialize`, [`Job::to_snapshot`])
//! reads back equal, and that the readers accept and refuse what the
//! derives accept and refuse.
//!
//! Why in `ffi/`: they read what foreign callers send (events and creation
//! input through [`crate::ffi::machine`], scenarios through
//! [`crate::ffi::replay`], snapshots handed back by JavaScript), so they
//! belong to the boundary, next to its one options reader (`options.rs`,
//! the reader of [`crate::ffi::parse_options`]) which a creation's
//! `options` go through. One exception to "the machine never imports the
//! boundary": in WebAssembly, `Job::from_snapshot` reads through
//! [`snapshot`] here, so that the wasm carries no serde derive for the
//! snapshot; the snapshot's types are `pub(crate)` in `machine::snapshot`
//! for that reason.
//!
//! [`Job::to_snapshot`]: crate::machine::Job::to_snapshot

use crate::machine::{request_targets, resolve_things, DeviceStatus, Event, MachineError};
use serde_json::{Map, Value};
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) use snapshot::snapshot;
use std::collections::BTreeMap;

/// A malformed event: the member at fault (`type` for an unknown or
/// missing type; `None` when the event is not an object) and the sentence
/// the `Deserialize` derive would give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EventError {
    /// The member at fault.
    pub(crate) field: Option<String>,
    /// serde's sentence, e.g. "unknown field `thingNmae`".
    pub(crate) message: String,
}

impl std::fmt::Display for EventError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// The error of member `k` with `message`.
fn member(k: &str) -> impl Fn(String) -> EventError + '_ {
    move |message| EventError {
        field: Some(k.to_owned()),
        message,
    }
}

/// Reads an [`Event`] from JSON exactly as its `Deserialize` derive does
/// (`type` tag, camelCase members, unknown members refused, `null` for an
/// absent optional member), by hand: the derive for an internally tagged
/// enum costs about 20 KB of WebAssembly, this a fraction of it. The
/// module's agreement test checks that both agree.
pub(crate) fn event(value: Value) -> Result<Event, EventError> {
    let Value::Object(mut m) = value else {
        return Err(EventError {
            field: None,
            message: "an event must be an object with a `type`".into(),
        });
    };
    let kind = match m.remove("type") {
        Some(Value::String(k)) => k,
        Some(_) => return Err(member("type")("`type` must be a string".into())),
        None => return Err(member("type")("missing field `type`".into())),
    };
    let allowed: &[&str] = match kind.as_str() {
        "deviceUpdate" => &["thing", "status", "stepTimeoutInMinutes", "expectedVersion"],
        "advance" => &["to"],
        "cancelJob" => &["force", "reasonCode", "comment"],
        "cancelJobExecution" => &["thing", "force", "expectedVersion"],
        "deleteJob" => &["force"],
        "updateJob" => &["request"],
        "thingAdded" | "thingRemoved" => &["thing"],
        other => return Err(member("type")(unknown_variant(other))),
    };
    if let Some(k) = m.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(member(k)(format!("unknown field `{k}`")));
    }
    let string = |m: &Map<String, Value>, k: &str| {
        get(m, k)
            .and_then(|v| string(v, k))
            .map_err(|e| member(k)(e))
    };
    let force = |m: &Map<String, Value>| {
        m.get("force")
            .map_or(Ok(false), |v| boolean(v, "force"))
            .map_err(member("force"))
    };
    let opt_int = |m: &Map<String, Value>, k: &str| opt_int(m, k).map_err(|e| member(k)(e));
    let opt_string = |m: &Map<String, Value>, k: &str| opt_string(m, k).map_err(|e| member(k)(e));
    Ok(match kind.as_str() {
        "deviceUpdate" => Event::DeviceUpdate {
            thing: string(&m, "thing")?,
            status: {
                let status = string(&m, "status")?;
                DeviceStatus::parse(&status)
                    .ok_or_else(|| member("status")(format!("unknown device status `{status}`")))?
            },
            step_timeout_in_minutes: opt_int(&m, "stepTimeoutInMinutes")?,
            expected_version: opt_int(&m, "expectedVersion")?,
        },
        "advance" => Event::Advance {
            to: opt_int(&m, "to")?.ok_or_else(|| member("to")("missing field `to`".into()))?,
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
            request: m
                .remove("request")
                .ok_or_else(|| member("request")("missing field `request`".into()))?,
        },
        "thingAdded" => Event::ThingAdded {
            thing: string(&m, "thing")?,
        },
        _ => Event::ThingRemoved {
            thing: string(&m, "thing")?,
        },
    })
}

/// `m[k]`, or "missing field `k`".
fn get<'a>(m: &'a Map<String, Value>, k: &str) -> Result<&'a Value, String> {
    m.get(k).ok_or_else(|| format!("missing field `{k}`"))
}

/// A string member's value.
fn string(v: &Value, k: &str) -> Result<String, String> {
    v.as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("`{k}` must be a string"))
}

/// `m[k]` unless absent or `null` (what the derives read as `None`).
fn opt<'a>(m: &'a Map<String, Value>, k: &str) -> Option<&'a Value> {
    m.get(k).filter(|v| !v.is_null())
}

/// An integer member's value, in the range of `T`.
fn int<T: TryFrom<i64> + TryFrom<u64>>(v: &Value, k: &str) -> Result<T, String> {
    let bad = || format!("`{k}` must be an integer in range");
    match (v.as_i64(), v.as_u64()) {
        (Some(i), _) => T::try_from(i).map_err(|_| bad()),
        (None, Some(u)) => T::try_from(u).map_err(|_| bad()),
        _ => Err(format!("`{k}` must be an integer")),
    }
}

/// An optional integer member.
fn opt_int(m: &Map<String, Value>, k: &str) -> Result<Option<i64>, String> {
    opt(m, k).map(|v| int(v, k)).transpose()
}

/// An optional string member.
fn opt_string(m: &Map<String, Value>, k: &str) -> Result<Option<String>, String> {
    opt(m, k).map(|v| string(v, k)).transpose()
}

/// A boolean member's value.
fn boolean(v: &Value, k: &str) -> Result<bool, String> {
    v.as_bool()
        .ok_or_else(|| format!("`{k}` must be a boolean"))
}

/// serde's sentence for an unknown `type`, listing [`Event::TYPES`] (the
/// npm tests read the list from it).
fn unknown_variant(kind: &str) -> String {
    let expected: Vec<String> = Event::TYPES.iter().map(|t| format!("`{t}`")).collect();
    format!(
        "unknown variant `{kind}`, expected one of {}",
        expected.join(", ")
    )
}

/// Reads a scenario's event: `body` is the event without its `at`, read by
/// [`event`], except that an `advance` without `to` advances to `at` (the
/// scenario form's one shorthand, documented in [`crate::ffi::replay`]).
pub(crate) fn scenario_event(mut body: Map<String, Value>, at: i64) -> Result<Event, EventError> {
    if body.get("type").and_then(Value::as_str) == Some("advance") && !body.contains_key("to") {
        body.insert("to".into(), Value::from(at));
    }
    event(Value::Object(body))
}

/// What creating a job needs: the CreateJob request, the things, the
/// creation time and the options.
pub(crate) struct Setup<'a> {
    pub(crate) request: &'a Value,
    pub(crate) things: Vec<String>,
    pub(crate) created_at: i64,
    pub(crate) options: crate::Options,
}

/// Why a creation input was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SetupError {
    /// No `job` (the misuse `invalidRequest` of `text::create`).
    Request(String),
    /// `createdAt`, `options`, `things` or `groups` is malformed (the misuse
    /// `invalidOptions`).
    Options(String),
    /// The targets do not resolve (an unknown group, an invalid thing
    /// name): the machine refuses the creation.
    Create(MachineError),
}

impl SetupError {
    /// The sentence after "the scenario is not valid: ", or `None` for a
    /// refused creation.
    pub(crate) fn scenario_message(&self) -> Option<&str> {
        match self {
            SetupError::Request(m) | SetupError::Options(m) => Some(m),
            SetupError::Create(_) => None,
        }
    }
}

fn strings(v: &Value) -> Option<Vec<String>> {
    v.as_array()?
        .iter()
        .map(|s| s.as_str().map(str::to_owned))
        .collect()
}

/// Reads `{"job", "things"?, "groups"?, "createdAt"?, "options"?}` (the
/// members of a replay scenario that create the job; other members are the
/// caller's to check). Without `things`, the request's `targets` resolve
/// through `groups` ([`resolve_things`]).
pub(crate) fn setup(obj: &Map<String, Value>) -> Result<Setup<'_>, SetupError> {
    let (mut s, things) = setup_unresolved(obj)?;
    s.things = things.map_err(SetupError::Create)?;
    Ok(s)
}

/// Reads as [`setup`] does but leaves the targets' resolution to the
/// caller: the setup (its `things` empty) and the things, or the machine's
/// refusal of the targets (an unknown group, a target that is no ARN). A
/// replay validates the job before it reports a refused resolution.
pub(crate) fn setup_unresolved(
    obj: &Map<String, Value>,
) -> Result<(Setup<'_>, Result<Vec<String>, MachineError>), SetupError> {
    let bad = |m: &str| SetupError::Options(m.to_owned());
    let request = obj.get("job").ok_or_else(|| {
        SetupError::Request(String::from("`job` (a CreateJob request) is required"))
    })?;
    let created_at = match obj.get("createdAt") {
        None => 0,
        Some(v) => v
            .as_i64()
            .ok_or_else(|| bad("`createdAt` must be an integer (epoch ms)"))?,
    };
    let options = match obj.get("options") {
        None => crate::Options::default(),
        Some(o) => {
            let o = o
                .as_object()
                .ok_or_else(|| bad("`options` must be an object"))?;
            crate::ffi::scenario_options(o).map_err(SetupError::Options)?
        }
    };
    let things = match obj.get("things") {
        Some(v) => Ok(strings(v).ok_or_else(|| bad("`things` must be a list of thing names"))?),
        None => {
            let mut groups = BTreeMap::new();
            if let Some(g) = obj.get("groups") {
                let not_groups =
                    || bad("`groups` must map group ARNs or names to lists of thing names");
                for (k, v) in g.as_object().ok_or_else(not_groups)? {
                    groups.insert(k.clone(), strings(v).ok_or_else(not_groups)?);
                }
            }
            resolve_things(&request_targets(request), &groups)
        }
    };
    let setup = Setup {
        request,
        things: Vec::new(),
        created_at,
        options,
    };
    Ok((setup, things))
}

/// The snapshot reader (only WebAssembly and the tests use it; natively the
/// derive streams, without a `Value` per execution).
#[cfg(any(target_arch = "wasm32", test))]
mod snapshot {
    use super::{boolean, get, int, opt_int, opt_string, string};
    use crate::machine::snapshot::{ExecSnap, Snap};
    use crate::machine::JobStatus;
    use serde_json::Value;

    const MEMBERS: [&str; 29] = [
        "format",
        "api",
        "profile",
        "jobId",
        "jobArn",
        "arnPrefix",
        "targetSelection",
        "targets",
        "config",
        "startAt",
        "endAt",
        "endBehavior",
        "ended",
        "status",
        "forceCanceled",
        "reasonCode",
        "comment",
        "createdAt",
        "lastUpdatedAt",
        "completedAt",
        "now",
        "rolloutLen",
        "cursor",
        "notified",
        "succeededTotal",
        "nextSlot",
        "windowEnd",
        "things",
        "executions",
    ];

    fn strings(v: &Value, k: &str) -> Result<Vec<String>, String> {
        v.as_array()
            .ok_or_else(|| format!("`{k}` must be an array"))?
            .iter()
            .map(|s| string(s, k))
            .collect()
    }
    fn opt_item(a: &[Value], i: usize) -> Result<Option<i64>, String> {
        match a.get(i) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => int(v, "executions").map(Some),
        }
    }
    fn exec(v: &Value) -> Result<ExecSnap, String> {
        let a = v
            .as_array()
            .filter(|a| a.len() == 11)
            .ok_or("an execution must be an array of 11")?;
        let item = |i: usize| a.get(i).ok_or("an execution must be an array of 11");
        Ok(ExecSnap(
            string(item(0)?, "executions")?,
            int(item(1)?, "executions")?,
            int(item(2)?, "executions")?,
            int(item(3)?, "executions")?,
            int(item(4)?, "executions")?,
            int(item(5)?, "executions")?,
            int(item(6)?, "executions")?,
            opt_item(a, 7)?,
            opt_item(a, 8)?,
            opt_item(a, 9)?,
            opt_item(a, 10)?,
        ))
    }

    pub(crate) fn snapshot(text: &str) -> Result<Snap, String> {
        let v: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let m = v.as_object().ok_or("a snapshot is a JSON object")?;
        if let Some(k) = m.keys().find(|k| !MEMBERS.contains(&k.as_str())) {
            return Err(format!("unknown field `{k}`"));
        }
        let s = |k: &str| get(m, k).and_then(|v| string(v, k));
        let status = s("status")?;
        let status =
            JobStatus::parse(&status).ok_or_else(|| format!("unknown job status `{status}`"))?;
        Ok(Snap {
            format: s("format")?,
            api: s("api")?,
            profile: s("profile")?,
            job_id: s("jobId")?,
            job_arn: s("jobArn")?,
            arn_prefix: s("arnPrefix")?,
            target_selection: s("targetSelection")?,
            targets: strings(get(m, "targets")?, "targets")?,
            config: get(m, "config")?
                .as_object()
                .ok_or("`config` must be an object")?
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            start_at: opt_int(m, "startAt")?,
            end_at: opt_int(m, "endAt")?,
            end_behavior: s("endBehavior")?,
            ended: boolean(get(m, "ended")?, "ended")?,
            status,
            force_canceled: boolean(get(m, "forceCanceled")?, "forceCanceled")?,
            reason_code: opt_string(m, "reasonCode")?,
            comment: opt_string(m, "comment")?,
            created_at: int(get(m, "createdAt")?, "createdAt")?,
            last_updated_at: int(get(m, "lastUpdatedAt")?, "lastUpdatedAt")?,
            completed_at: opt_int(m, "completedAt")?,
            now: int(get(m, "now")?, "now")?,
            rollout_len: int(get(m, "rolloutLen")?, "rolloutLen")?,
            cursor: int(get(m, "cursor")?, "cursor")?,
            notified: int(get(m, "notified")?, "notified")?,
            succeeded_total: int(get(m, "succeededTotal")?, "succeededTotal")?,
            next_slot: opt_int(m, "nextSlot")?,
            window_end: opt_int(m, "windowEnd")?,
            things: strings(get(m, "things")?, "things")?,
            executions: get(m, "executions")?
                .as_array()
                .ok_or("`executions` must be an array")?
                .iter()
                .map(exec)
                .collect::<Result<_, _>>()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::machine::snapshot::Snap;
    use crate::machine::Job;
    use serde_json::json;

    /// One event of each variant, with every optional member set and unset.
    fn every_event() -> Vec<Event> {
        let events = vec![
            Event::DeviceUpdate {
                thing: "t1".into(),
                status: DeviceStatus::InProgress,
                step_timeout_in_minutes: None,
                expected_version: None,
            },
            Event::DeviceUpdate {
                thing: "t1".into(),
                status: DeviceStatus::Rejected,
                step_timeout_in_minutes: Some(-1),
                expected_version: Some(3),
            },
            Event::Advance { to: 5 },
            Event::CancelJob {
                force: false,
                reason_code: None,
                comment: None,
            },
            Event::CancelJob {
                force: true,
                reason_code: Some("R".into()),
                comment: Some("c".into()),
            },
            Event::CancelJobExecution {
                thing: "t2".into(),
                force: true,
                expected_version: Some(2),
            },
            Event::DeleteJob { force: true },
            Event::UpdateJob {
                request: json!({"jobId": "j", "description": "d"}),
            },
            Event::ThingAdded { thing: "t9".into() },
            Event::ThingRemoved { thing: "t9".into() },
        ];
        // Every variant is here: this match has no wildcard, so a new
        // variant does not compile until it is added above.
        let mut seen = [false; 8];
        for e in &events {
            let i = match e {
                Event::DeviceUpdate { .. } => 0,
                Event::Advance { .. } => 1,
                Event::CancelJob { .. } => 2,
                Event::CancelJobExecution { .. } => 3,
                Event::DeleteJob { .. } => 4,
                Event::UpdateJob { .. } => 5,
                Event::ThingAdded { .. } => 6,
                Event::ThingRemoved { .. } => 7,
            };
            seen[i] = true;
        }
        assert!(seen.iter().all(|s| *s), "every Event variant is covered");
        events
    }

    /// Texts the event derive accepts or refuses, to be read the same way.
    const EVENT_TEXTS: [&str; 38] = [
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

    fn a_snapshot() -> String {
        let request = json!({"jobId": "j", "document": "{}", "targets": [
            "arn:aws:iot:us-east-1:123456789012:thing/t1",
            "arn:aws:iot:us-east-1:123456789012:thing/t2"],
            "timeoutConfig": {"inProgressTimeoutInMinutes": 5}});
        let (mut job, _) =
            Job::create(&request, ["t1", "t2"], 1000, &crate::Options::default()).unwrap();
        let (_, error) = job.step(
            2000,
            Event::DeviceUpdate {
                thing: "t1".into(),
                status: DeviceStatus::InProgress,
                step_timeout_in_minutes: None,
                expected_version: None,
            },
        );
        assert_eq!(error, None);
        job.to_snapshot()
    }

    /// One damage done to a good snapshot.
    type Edit = Box<dyn Fn(&mut Value)>;

    #[test]
    fn the_readers_agree_with_the_writers() {
        // Writer -> reader: every event variant and a snapshot read back equal.
        // Every variant, in declaration order, is one of `Event::TYPES`.
        let mut written_types: Vec<Value> = every_event()
            .iter()
            .map(|e| serde_json::to_value(e).unwrap()["type"].clone())
            .collect();
        written_types.dedup();
        assert_eq!(written_types, Event::TYPES.map(Value::from));
        for e in every_event() {
            let written = serde_json::to_value(&e).unwrap();
            assert_eq!(event(written.clone()), Ok(e), "{written}");
        }
        let text = a_snapshot();
        let read = snapshot(&text).unwrap();
        assert_eq!(serde_json::to_string(&read).unwrap(), text);
        assert!(Job::from_snapshot(&text).is_ok());

        // The readers accept and refuse what the derives accept and refuse.
        for text in EVENT_TEXTS {
            let derived = serde_json::from_str::<Event>(text).ok();
            let by_hand = event(serde_json::from_str(text).unwrap()).ok();
            assert_eq!(by_hand, derived, "{text}");
        }
        // An unknown `type` in serde's words, the list of types included.
        let unknown = json!({"type": "no-such-event"});
        assert_eq!(
            event(unknown.clone()).err().map(|e| e.message),
            serde_json::from_value::<Event>(unknown)
                .err()
                .map(|e| e.to_string())
        );
        // Each refusal names the member at fault.
        for (v, field, message) in [
            (json!([]), None, "an event must be an object with a `type`"),
            (json!({}), Some("type"), "missing field `type`"),
            (json!({"type": 1}), Some("type"), "`type` must be a string"),
            (
                json!({"type": "thingAdded", "thingNmae": "t1"}),
                Some("thingNmae"),
                "unknown field `thingNmae`",
            ),
            (
                json!({"type": "thingAdded"}),
                Some("thing"),
                "missing field `thing`",
            ),
            (
                json!({"type": "thingAdded", "thing": 1}),
                Some("thing"),
                "`thing` must be a string",
            ),
            (
                json!({"type": "deviceUpdate", "thing": "t", "status": "DONE"}),
                Some("status"),
                "unknown device status `DONE`",
            ),
            (
                json!({"type": "deviceUpdate", "thing": "t", "status": "FAILED", "expectedVersion": "1"}),
                Some("expectedVersion"),
                "`expectedVersion` must be an integer",
            ),
            (
                json!({"type": "cancelJob", "force": "yes"}),
                Some("force"),
                "`force` must be a boolean",
            ),
            (json!({"type": "advance"}), Some("to"), "missing field `to`"),
            (
                json!({"type": "updateJob"}),
                Some("request"),
                "missing field `request`",
            ),
        ] {
            let e = event(v.clone()).unwrap_err();
            assert_eq!(
                (e.field.as_deref(), e.message.as_str()),
                (field, message),
                "{v}"
            );
        }
        // A scenario's `advance` without `to` advances to its `at`; with `to`, to `to`.
        let body = |v: Value| v.as_object().cloned().unwrap();
        assert_eq!(
            scenario_event(body(json!({"type": "advance"})), 9),
            Ok(Event::Advance { to: 9 })
        );
        assert_eq!(
            scenario_event(body(json!({"type": "advance", "to": 4})), 9),
            Ok(Event::Advance { to: 4 })
        );
        assert!(scenario_event(body(json!({"type": "thingAdded"})), 9).is_err());
        let good: Value = serde_json::from_str(&text).unwrap();
        let edits: Vec<Edit> = vec![
            Box::new(|v| v["extra"] = json!(1)),
            Box::new(|v| v["createdAt"] = json!(1.5)),
            Box::new(|v| v["createdAt"] = json!(null)),
            Box::new(|v| v["completedAt"] = json!(null)),
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("completedAt");
            }),
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("now");
            }),
            Box::new(|v| v["status"] = json!("DONE")),
            Box::new(|v| v["ended"] = json!(0)),
            Box::new(|v| v["cursor"] = json!(-1)),
            Box::new(|v| v["executions"][0][3] = json!(300)),
            Box::new(|v| v["executions"][0][1] = json!(-1)),
            Box::new(|v| v["executions"][0][7] = json!(null)),
            Box::new(|v| {
                v["executions"][0].as_array_mut().unwrap().pop();
            }),
            Box::new(|v| v["executions"][0][0] = json!(5)),
            Box::new(|v| v["things"] = json!("t1")),
            Box::new(|v| v["config"] = json!([])),
            Box::new(|v| v["reasonCode"] = json!(7)),
            Box::new(|v| v["windowEnd"] = json!(5)),
            Box::new(|v| v["windowEnd"] = json!("5")),
            Box::new(|v| v["notified"] = json!(u64::MAX)),
        ];
        let mut variants = vec![good.to_string()];
        for edit in edits {
            let mut v = good.clone();
            edit(&mut v);
            variants.push(v.to_string());
        }
        variants.extend(["[]".to_owned(), "null".to_owned(), "{".to_owned()]);
        for text in variants {
            let derived = serde_json::from_str::<Snap>(&text)
                .ok()
                .map(|s| serde_json::to_string(&s).unwrap());
            let by_hand = snapshot(&text)
                .ok()
                .map(|s| serde_json::to_string(&s).unwrap());
            assert_eq!(by_hand, derived, "{text}");
        }

        // The creation input: the same members and sentences as a scenario.
        let obj = |t: &str| serde_json::from_str::<Map<String, Value>>(t).unwrap();
        let job = r#""job": {"jobId": "j", "targets": ["arn:aws:iot:us-east-1:123456789012:thinggroup/g"]}"#;
        let s = obj(&format!(
            r#"{{{job}, "groups": {{"g": ["a", "b", "a"]}}, "createdAt": 7, "options": {{"profile": "model"}}}}"#
        ));
        let s = setup(&s).unwrap();
        assert_eq!((s.things, s.created_at), (vec!["a".into(), "b".into()], 7));
        assert_eq!(s.options.profile(), crate::Profile::Model);
        let refusal = |t: String| setup(&obj(&t)).err().unwrap();
        assert_eq!(
            refusal(String::from("{}")),
            SetupError::Request("`job` (a CreateJob request) is required".into())
        );
        assert_eq!(
            refusal(format!(r#"{{{job}, "things": ["a", 1]}}"#)).scenario_message(),
            Some("`things` must be a list of thing names")
        );
        assert_eq!(
            refusal(format!(r#"{{{job}, "options": {{"api": "2023"}}}}"#)).scenario_message(),
            Some("unknown API version `2023`; expected `2022-01` or `latest`")
        );
        assert!(matches!(
            refusal(format!(r#"{{{job}, "groups": {{}}}}"#)),
            SetupError::Create(_)
        ));
    }
}

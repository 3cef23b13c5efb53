//! Exact snapshot and restore of a [`Job`] as JSON.
//!
//! The snapshot holds the state that cannot be derived: configuration as
//! last set, job fields, the thing list in target order and one compact
//! array per execution. Counters, the name index and the timer table are
//! rebuilt on restore. Every integer fits a JavaScript number exactly.

use super::config::{self, EndBehavior, Retry, Rollout};
use super::names::{valid_thing_name, Names};
use super::{
    err, ErrorCode, Exec, Job, JobStatus, MachineError, Selection, St, MAX_TIME_MS, NO_DEADLINE,
    NO_TIME,
};
use crate::{ApiVersion, Profile};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The `format` member of every snapshot this version writes and reads.
pub const SNAPSHOT_FORMAT: &str = "iot-jobs-policy/machine@1";

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Snap {
    format: String,
    api: String,
    profile: String,
    job_id: String,
    job_arn: String,
    arn_prefix: String,
    target_selection: String,
    targets: Vec<String>,
    config: BTreeMap<String, Value>,
    start_at: Option<i64>,
    end_at: Option<i64>,
    end_behavior: String,
    ended: bool,
    status: JobStatus,
    force_canceled: bool,
    reason_code: Option<String>,
    comment: Option<String>,
    created_at: i64,
    last_updated_at: i64,
    completed_at: Option<i64>,
    now: i64,
    rollout_len: usize,
    cursor: usize,
    notified: u64,
    succeeded_total: u64,
    next_slot: Option<i64>,
    things: Vec<String>,
    /// `[status, executionNumber, versionNumber, failedRetries, timedOutRetries,
    /// flags, timeoutMinutes, queuedAt, startedAt, lastUpdatedAt, deadline]`
    executions: Vec<ExecSnap>,
}

#[derive(Serialize, Deserialize)]
struct ExecSnap(
    String,
    u32,
    u32,
    u8,
    u8,
    u8,
    u32,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

fn st_name(s: St) -> &'static str {
    s.public().map_or("PENDING", |p| p.as_str())
}

fn st_parse(s: &str) -> Option<St> {
    if s == "PENDING" {
        return Some(St::Pending);
    }
    super::ExecutionStatus::parse(s).map(St::from_public)
}

fn time_opt(t: i64, none: i64) -> Option<i64> {
    (t != none).then_some(t)
}

fn bad(msg: impl Into<String>) -> MachineError {
    err(ErrorCode::InvalidSnapshot, "snapshot", msg)
}

fn in_range(t: i64) -> bool {
    (0..=MAX_TIME_MS).contains(&t)
}

impl Job {
    /// The whole state as compact JSON (format [`SNAPSHOT_FORMAT`]).
    pub fn to_snapshot(&self) -> String {
        let snap = Snap {
            format: SNAPSHOT_FORMAT.to_owned(),
            api: self.api.name().to_owned(),
            profile: self.profile.name().to_owned(),
            job_id: self.job_id.clone(),
            job_arn: self.job_arn.clone(),
            arn_prefix: self.arn_prefix.clone(),
            target_selection: match self.selection {
                Selection::Snapshot => "SNAPSHOT",
                Selection::Continuous => "CONTINUOUS",
            }
            .to_owned(),
            targets: self.targets.clone(),
            config: self.echo.clone(),
            start_at: self.start_at,
            end_at: self.end_at,
            end_behavior: self.end_behavior.as_str().to_owned(),
            ended: self.ended,
            status: self.status,
            force_canceled: self.force_canceled,
            reason_code: self.reason_code.clone(),
            comment: self.comment.clone(),
            created_at: self.created_at,
            last_updated_at: self.last_updated_at,
            completed_at: self.completed_at,
            now: self.now,
            rollout_len: self.rollout_len,
            cursor: self.cursor,
            notified: self.notified,
            succeeded_total: self.succeeded_total,
            next_slot: self.next_slot,
            things: self.names.iter().map(str::to_owned).collect(),
            executions: self
                .execs
                .iter()
                .map(|e| {
                    ExecSnap(
                        st_name(e.status).to_owned(),
                        e.execution_number,
                        e.version,
                        e.failed_retries,
                        e.timed_out_retries,
                        e.flags,
                        e.timeout_minutes,
                        time_opt(e.queued_at, NO_TIME),
                        time_opt(e.started_at, NO_TIME),
                        time_opt(e.last_updated_at, NO_TIME),
                        time_opt(e.deadline, NO_DEADLINE),
                    )
                })
                .collect(),
        };
        serde_json::to_string(&snap).unwrap_or_default()
    }

    /// Restores a job from [`Job::to_snapshot`] output.
    ///
    /// # Errors
    /// `invalidSnapshot` when the text is not a snapshot of this format or
    /// is inconsistent (unknown status, duplicate thing, time out of range,
    /// cursor beyond the things, a timer on an execution that is not
    /// IN_PROGRESS, ...).
    pub fn from_snapshot(text: &str) -> Result<Job, MachineError> {
        #[cfg(not(target_arch = "wasm32"))]
        let s: Snap =
            serde_json::from_str(text).map_err(|e| bad(format!("not a machine snapshot: {e}")))?;
        #[cfg(target_arch = "wasm32")]
        let s = wasm::snap(text).map_err(|e| bad(format!("not a machine snapshot: {e}")))?;
        if s.format != SNAPSHOT_FORMAT {
            return Err(bad(format!(
                "snapshot format `{}` is not `{SNAPSHOT_FORMAT}`",
                s.format
            )));
        }
        let api: ApiVersion = s.api.parse().map_err(bad)?;
        let profile: Profile = s.profile.parse().map_err(bad)?;
        let selection = match s.target_selection.as_str() {
            "SNAPSHOT" => Selection::Snapshot,
            "CONTINUOUS" => Selection::Continuous,
            other => return Err(bad(format!("unknown targetSelection `{other}`"))),
        };
        let end_behavior = match s.end_behavior.as_str() {
            "STOP_ROLLOUT" => EndBehavior::StopRollout,
            "CANCEL" => EndBehavior::Cancel,
            "FORCE_CANCEL" => EndBehavior::ForceCancel,
            other => return Err(bad(format!("unknown endBehavior `{other}`"))),
        };
        let times = [
            Some(s.created_at),
            Some(s.last_updated_at),
            Some(s.now),
            s.completed_at,
            s.start_at,
            s.end_at,
            s.next_slot,
        ];
        if times.iter().flatten().any(|&t| !in_range(t)) {
            return Err(bad("a job time is out of range"));
        }
        if s.executions.len() != s.things.len() {
            return Err(bad("one execution per thing is needed"));
        }
        if s.cursor > s.rollout_len || s.rollout_len > s.things.len() {
            return Err(bad("the rollout cursor is beyond the things"));
        }
        let bytes = s.things.iter().map(String::len).sum();
        let mut names = Names::with_capacity(s.things.len(), bytes);
        for t in &s.things {
            if !valid_thing_name(t) || names.find(t).is_some() {
                return Err(bad(format!("thing `{t}` is invalid or repeated")));
            }
            if names.push(t).is_none() {
                return Err(bad("too many things"));
            }
        }
        let mut execs = Vec::with_capacity(s.executions.len());
        let mut counts = [0u64; 9];
        let mut timers = BTreeSet::new();
        for (i, x) in s.executions.iter().enumerate() {
            let status =
                st_parse(&x.0).ok_or_else(|| bad(format!("unknown execution status `{}`", x.0)))?;
            let ts = [x.7, x.8, x.9, x.10];
            if ts.iter().flatten().any(|&t| !in_range(t)) {
                return Err(bad("an execution time is out of range"));
            }
            let e = Exec {
                queued_at: x.7.unwrap_or(NO_TIME),
                started_at: x.8.unwrap_or(NO_TIME),
                last_updated_at: x.9.unwrap_or(NO_TIME),
                deadline: x.10.unwrap_or(NO_DEADLINE),
                version: x.2,
                execution_number: x.1,
                timeout_minutes: x.6,
                status,
                failed_retries: x.3,
                timed_out_retries: x.4,
                flags: x.5,
            };
            if e.deadline != NO_DEADLINE && e.deadline > e.ip_deadline() {
                return Err(bad("a deadline is beyond its in-progress deadline"));
            }
            let d = e.deadline;
            if d != NO_DEADLINE {
                if status != St::InProgress {
                    return Err(bad("a timer on an execution that is not IN_PROGRESS"));
                }
                timers.insert((d, i));
            }
            if let Some(c) = counts.get_mut(status as usize) {
                *c += 1;
            }
            execs.push(e);
        }
        Ok(Job {
            api,
            profile,
            job_id: s.job_id,
            job_arn: s.job_arn,
            arn_prefix: s.arn_prefix,
            selection,
            targets: s.targets,
            rollout: Rollout::from_value(s.config.get("jobExecutionsRolloutConfig")),
            abort: config::abort_from_value(s.config.get("abortConfig")),
            timeout_minutes: config::timeout_from_value(s.config.get("timeoutConfig")),
            retry: Retry::from_value(s.config.get("jobExecutionsRetryConfig")),
            echo: s.config,
            start_at: s.start_at,
            end_at: s.end_at,
            end_behavior,
            ended: s.ended,
            status: s.status,
            force_canceled: s.force_canceled,
            reason_code: s.reason_code,
            comment: s.comment,
            created_at: s.created_at,
            last_updated_at: s.last_updated_at,
            completed_at: s.completed_at,
            now: s.now,
            names,
            execs,
            rollout_len: s.rollout_len,
            cursor: s.cursor,
            notified: s.notified,
            succeeded_total: s.succeeded_total,
            next_slot: s.next_slot,
            counts,
            timers,
        })
    }
}

/// The snapshot read by hand through `serde_json::Value` in WebAssembly,
/// where the `Deserialize` derive of [`Snap`] costs about 10 KB of the
/// size budget (natively the derive streams, without a `Value` per
/// execution). It accepts what the derive accepts: the same members, none
/// unknown, the same types and ranges, `null` or absent for the optional
/// ones. The machine vectors run through both (Rust natively, JS in wasm)
/// and restore each other's snapshots.
#[cfg(any(target_arch = "wasm32", test))]
mod wasm {
    use super::{ExecSnap, JobStatus, Snap};
    use serde_json::{Map, Value};

    const MEMBERS: [&str; 28] = [
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
        "things",
        "executions",
    ];

    fn get<'a>(m: &'a Map<String, Value>, k: &str) -> Result<&'a Value, String> {
        m.get(k).ok_or_else(|| format!("missing field `{k}`"))
    }
    fn string(v: &Value, k: &str) -> Result<String, String> {
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("`{k}` must be a string"))
    }
    fn opt<'a>(m: &'a Map<String, Value>, k: &str) -> Option<&'a Value> {
        m.get(k).filter(|v| !v.is_null())
    }
    fn int<T: TryFrom<i64> + TryFrom<u64>>(v: &Value, k: &str) -> Result<T, String> {
        let bad = || format!("`{k}` is not an integer in range");
        match (v.as_i64(), v.as_u64()) {
            (Some(i), _) => T::try_from(i).map_err(|_| bad()),
            (None, Some(u)) => T::try_from(u).map_err(|_| bad()),
            _ => Err(bad()),
        }
    }
    fn opt_int(m: &Map<String, Value>, k: &str) -> Result<Option<i64>, String> {
        opt(m, k).map(|v| int(v, k)).transpose()
    }
    fn opt_string(m: &Map<String, Value>, k: &str) -> Result<Option<String>, String> {
        opt(m, k).map(|v| string(v, k)).transpose()
    }
    fn boolean(v: &Value, k: &str) -> Result<bool, String> {
        v.as_bool()
            .ok_or_else(|| format!("`{k}` must be a boolean"))
    }
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

    pub(super) fn snap(text: &str) -> Result<Snap, String> {
        let v: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let m = v.as_object().ok_or("a snapshot is a JSON object")?;
        if let Some(k) = m.keys().find(|k| !MEMBERS.contains(&k.as_str())) {
            return Err(format!("unknown field `{k}`"));
        }
        let s = |k: &str| get(m, k).and_then(|v| string(v, k));
        let status = s("status")?;
        let status = [
            JobStatus::Scheduled,
            JobStatus::InProgress,
            JobStatus::Completed,
            JobStatus::Canceled,
            JobStatus::DeletionInProgress,
        ]
        .into_iter()
        .find(|j| j.as_str() == status)
        .ok_or_else(|| format!("unknown job status `{status}`"))?;
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
            things: strings(get(m, "things")?, "things")?,
            executions: get(m, "executions")?
                .as_array()
                .ok_or("`executions` must be an array")?
                .iter()
                .map(exec)
                .collect::<Result<_, _>>()?,
        })
    }

    #[cfg(test)]
    #[allow(clippy::unwrap_used, clippy::indexing_slicing)]
    mod tests {
        use super::super::{Job, Snap};
        use serde_json::{json, Value};

        #[test]
        #[allow(clippy::type_complexity)]
        fn the_hand_reader_agrees_with_the_derive() {
            let request = json!({"jobId": "j", "document": "{}", "targets": [
                "arn:aws:iot:us-east-1:123456789012:thing/t1",
                "arn:aws:iot:us-east-1:123456789012:thing/t2"],
                "timeoutConfig": {"inProgressTimeoutInMinutes": 5}});
            let (mut job, _) =
                Job::create(&request, ["t1", "t2"], 1000, &crate::Options::default()).unwrap();
            job.step(
                2000,
                serde_json::from_value(
                    json!({"type": "deviceUpdate", "thing": "t1", "status": "IN_PROGRESS"}),
                )
                .unwrap(),
            );
            let good: Value = serde_json::from_str(&job.to_snapshot()).unwrap();
            let mut variants = vec![good.to_string()];
            let edits: Vec<Box<dyn Fn(&mut Value)>> = vec![
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
                Box::new(|v| v["notified"] = json!(u64::MAX)),
            ];
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
                let by_hand = super::snap(&text)
                    .ok()
                    .map(|s| serde_json::to_string(&s).unwrap());
                assert_eq!(by_hand, derived, "{text}");
            }
        }
    }
}

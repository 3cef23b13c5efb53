//! Exact snapshot and restore of a [`Job`] as JSON.
//!
//! The snapshot holds the state that cannot be derived: configuration as
//! last set, job fields, the thing list in target order and one compact
//! array per execution. Counters, the name index and the timer table are
//! rebuilt on restore. Every integer fits a JavaScript number exactly.

use super::config::{Configs, EndBehavior};
use super::names::{valid_thing_name, Names};
use super::timers::Timers;
use super::{
    ErrorCode, Exec, Job, JobStatus, MachineError, Selection, St, ALL_FLAGS, NO_DEADLINE, NO_TIME,
    REJOINED,
};
use crate::types::TargetSelection;
use crate::validate::bounds::time_in_range;
use crate::validate::shapes::retry::NUMBER_OF_RETRIES_MAX;
use crate::{ApiVersion, Profile};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The `format` member of every snapshot this version writes and reads.
pub const SNAPSHOT_FORMAT: &str = "iot-jobs-policy/machine@1";

/// The JSON form of a snapshot (read by hand in WebAssembly: see
/// the readers of `ffi/read.rs`).
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Snap {
    pub(crate) format: String,
    pub(crate) api: String,
    pub(crate) profile: String,
    pub(crate) job_id: String,
    pub(crate) job_arn: String,
    pub(crate) arn_prefix: String,
    pub(crate) target_selection: String,
    pub(crate) targets: Vec<String>,
    pub(crate) config: BTreeMap<String, Value>,
    pub(crate) start_at: Option<i64>,
    pub(crate) end_at: Option<i64>,
    pub(crate) end_behavior: String,
    pub(crate) ended: bool,
    pub(crate) status: JobStatus,
    pub(crate) force_canceled: bool,
    pub(crate) reason_code: Option<String>,
    pub(crate) comment: Option<String>,
    pub(crate) created_at: i64,
    pub(crate) last_updated_at: i64,
    pub(crate) completed_at: Option<i64>,
    pub(crate) now: i64,
    pub(crate) rollout_len: usize,
    pub(crate) cursor: usize,
    pub(crate) notified: u64,
    pub(crate) succeeded_total: u64,
    pub(crate) next_slot: Option<i64>,
    /// The end of the current maintenance window (J4); absent in snapshots
    /// of jobs without one (and in those written before windows ran).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) window_end: Option<i64>,
    pub(crate) things: Vec<String>,
    /// `[status, executionNumber, versionNumber, failedRetries, timedOutRetries,
    /// flags, timeoutMinutes, queuedAt, startedAt, lastUpdatedAt, deadline]`
    pub(crate) executions: Vec<ExecSnap>,
}

/// One execution of a snapshot, as a compact array.
#[derive(Serialize, Deserialize)]
pub(crate) struct ExecSnap(
    pub(crate) String,
    pub(crate) u32,
    pub(crate) u32,
    pub(crate) u8,
    pub(crate) u8,
    pub(crate) u8,
    pub(crate) u32,
    pub(crate) Option<i64>,
    pub(crate) Option<i64>,
    pub(crate) Option<i64>,
    pub(crate) Option<i64>,
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
    MachineError::without_rule(ErrorCode::InvalidSnapshot, msg)
}

/// The time bounds (the one rule, `validate::bounds`).
fn in_range(t: i64) -> bool {
    time_in_range(t)
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
            target_selection: self.selection.typed().as_str().to_owned(),
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
            window_end: self.window_end,
            things: self.names.iter().map(str::to_owned).collect(),
            executions: self
                .execs
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    ExecSnap(
                        st_name(e.status).to_owned(),
                        e.execution_number,
                        e.version,
                        e.failed_retries,
                        e.timed_out_retries,
                        e.flags & ALL_FLAGS,
                        e.timeout_minutes,
                        time_opt(e.queued_at, NO_TIME),
                        time_opt(e.started_at, NO_TIME),
                        time_opt(e.last_updated_at, NO_TIME),
                        time_opt(self.deadline(i), NO_DEADLINE),
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
    /// is inconsistent (unknown status, duplicate thing, a time outside the
    /// time bounds `0..=MAX_TIME_MS`, job or execution times out of order
    /// with `createdAt` and `now`, cursor beyond the things, `notified`
    /// beyond the cursor, `succeededTotal` beyond the executions ever queued,
    /// retry counts beyond the largest budget, a timer on an execution that
    /// is not IN_PROGRESS, a maintenance window whose cron expression does
    /// not parse, a `windowEnd` without windows, on a job that is not
    /// IN_PROGRESS or past its endTime, or not after `now`, ...). A snapshot
    /// without `windowEnd` (every job without windows, and those written
    /// before windows ran) restores as it is.
    pub fn from_snapshot(text: &str) -> Result<Job, MachineError> {
        #[cfg(not(target_arch = "wasm32"))]
        let s: Snap =
            serde_json::from_str(text).map_err(|e| bad(format!("not a machine snapshot: {e}")))?;
        #[cfg(target_arch = "wasm32")]
        let s = crate::ffi::read::snapshot(text)
            .map_err(|e| bad(format!("not a machine snapshot: {e}")))?;
        if s.format != SNAPSHOT_FORMAT {
            return Err(bad(format!(
                "snapshot format `{}` is not `{SNAPSHOT_FORMAT}`",
                s.format
            )));
        }
        let api: ApiVersion = s.api.parse().map_err(|e| bad(format!("{e}")))?;
        let profile: Profile = s.profile.parse().map_err(|e| bad(format!("{e}")))?;
        let selection = Selection::from_typed(&TargetSelection::from(s.target_selection.as_str()))
            .ok_or_else(|| bad(format!("unknown targetSelection `{}`", s.target_selection)))?;
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
            s.window_end,
        ];
        if times.iter().flatten().any(|&t| !in_range(t)) {
            return Err(bad("a job time is out of range"));
        }
        // Times are ordered: created ≤ last updated ≤ now, created ≤ completed ≤ now.
        let within = |t: i64| (s.created_at..=s.now).contains(&t);
        if !within(s.last_updated_at) || s.completed_at.is_some_and(|t| !within(t)) {
            return Err(bad(
                "job times are out of order (createdAt ≤ lastUpdatedAt, completedAt ≤ now)",
            ));
        }
        if s.notified > s.cursor as u64 {
            return Err(bad(format!(
                "notified `{}` exceeds the things the rollout has passed (`{}`)",
                s.notified, s.cursor
            )));
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
        let mut deadlines = Vec::with_capacity(s.executions.len());
        let mut counts = [0u64; 9];
        // Successes the stored executions allow: every earlier execution of a
        // thing may have succeeded, its current one only when SUCCEEDED; and
        // at least the SUCCEEDED ones did.
        let mut successes_max = 0u64;
        let mut successes_min = 0u64;
        for (i, x) in s.executions.iter().enumerate() {
            let status =
                st_parse(&x.0).ok_or_else(|| bad(format!("unknown execution status `{}`", x.0)))?;
            // Flags: only the known ones; a re-join waiting for the next
            // window only on a REMOVED execution that had been notified.
            if x.5 & !ALL_FLAGS != 0 || (x.5 & REJOINED != 0 && (status != St::Removed || x.1 == 0))
            {
                return Err(bad(format!("execution {i}: flags `{}` are invalid", x.5)));
            }
            let ts = [x.7, x.8, x.9, x.10];
            if ts.iter().flatten().any(|&t| !in_range(t)) {
                return Err(bad("an execution time is out of range"));
            }
            if [x.7, x.8, x.9].iter().flatten().any(|&t| !within(t)) {
                return Err(bad(format!(
                    "execution {i}: a time is outside the job's createdAt..=now"
                )));
            }
            let retries_max = u8::try_from(NUMBER_OF_RETRIES_MAX).unwrap_or(u8::MAX);
            if x.3 > retries_max || x.4 > retries_max {
                return Err(bad(format!(
                    "execution {i}: retry counts exceed the largest budget ({retries_max} per type)"
                )));
            }
            let current = u64::from(status == St::Succeeded);
            if current > u64::from(x.1) {
                return Err(bad(format!(
                    "execution {i}: SUCCEEDED without an execution number"
                )));
            }
            let earlier = u64::from(x.1.saturating_sub(1));
            successes_max = successes_max
                .saturating_add(earlier)
                .saturating_add(current);
            successes_min = successes_min.saturating_add(current);
            let e = Exec {
                queued_at: x.7.unwrap_or(NO_TIME),
                started_at: x.8.unwrap_or(NO_TIME),
                last_updated_at: x.9.unwrap_or(NO_TIME),
                version: x.2,
                execution_number: x.1,
                timeout_minutes: x.6,
                status,
                failed_retries: x.3,
                timed_out_retries: x.4,
                flags: x.5,
            };
            let deadline = x.10.unwrap_or(NO_DEADLINE);
            if deadline != NO_DEADLINE && deadline > e.ip_deadline() {
                return Err(bad("a deadline is beyond its in-progress deadline"));
            }
            if deadline != NO_DEADLINE && status != St::InProgress {
                return Err(bad("a timer on an execution that is not IN_PROGRESS"));
            }
            // DeleteJob clears every timer (`clear_deadlines`): a job being
            // deleted has none, and a timer there would fire after JobDeleted.
            if deadline != NO_DEADLINE && s.status == JobStatus::DeletionInProgress {
                return Err(bad("a timer on a job being deleted"));
            }
            if let Some(c) = counts.get_mut(status as usize) {
                *c = c.saturating_add(1);
            }
            execs.push(e);
            deadlines.push(deadline);
        }
        // Each success ends a distinct execution (retries reuse theirs).
        if s.succeeded_total > successes_max || s.succeeded_total < successes_min {
            return Err(bad(format!(
                "succeededTotal `{}` is outside what the executions allow ({successes_min}..={successes_max})",
                s.succeeded_total
            )));
        }
        let timers = Timers::of(&mut execs, &deadlines);
        let configs = Configs::from_echo(&s.config);
        let windows = super::windows::from_echo(&s.config).map_err(bad)?;
        // J4: a window end belongs to a job with windows that rolls out
        // inside one, and lies ahead of its current time.
        if let Some(w) = s.window_end {
            if windows.is_empty() || s.status != JobStatus::InProgress || s.ended || w <= s.now {
                return Err(bad(
                    "windowEnd needs maintenance windows, an IN_PROGRESS job before its endTime, and a time after now",
                ));
            }
        }
        Ok(Job {
            api,
            profile,
            job_id: s.job_id,
            job_arn: s.job_arn,
            arn_prefix: s.arn_prefix,
            selection,
            targets: s.targets,
            rollout: configs.rollout,
            abort: configs.abort,
            timeout_minutes: configs.timeout_minutes,
            retry: configs.retry,
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
            windows,
            window_end: s.window_end,
        })
    }
}

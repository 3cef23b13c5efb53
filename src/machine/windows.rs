//! Maintenance windows (J2, J3, J4, R-5): `schedulingConfig.maintenanceWindows`
//! of the latest API, each a cron start (`crate::validate::cron`, UTC) and a
//! duration. An occurrence is the half-open interval `[start, start +
//! durationInMinutes)`.
//!
//! Decisions (the choices recorded under J2, J3, J4 and R-5 of the
//! catalogue):
//! - The windows of a job are one schedule: a time is inside when any
//!   occurrence of any window covers it, and overlapping or adjacent
//!   occurrences are one window (their union), so the rollout does not
//!   pause at an end that another occurrence covers.
//! - A job with windows and no (future) `startTime` is created IN_PROGRESS
//!   (J1) when its creation falls inside a window, SCHEDULED (J2) otherwise
//!   (AWS documents only the form with `startTime`; this reading follows "the
//!   startTime of the next maintenance window").
//! - A `startTime` reached outside every window leaves the job SCHEDULED
//!   until the next window starts (J3).
//! - Everything is in UTC epoch milliseconds; a start or an end past
//!   [`MAX_TIME_MS`](super::MAX_TIME_MS) is "never" (the time bounds).

use super::{Effect, ErrorCode, Job, JobStatus, MachineError, Selection, St, REJOINED};
use crate::types::{MaintenanceWindow, SchedulingConfig};
use crate::validate::bounds::{time_after, time_in_range};
use crate::validate::cron::Cron;
use crate::validate::shapes::scheduling::{DURATION_MAX, DURATION_MIN};
use crate::validate::time::{iso, parse_scheduling, MINUTE_MS};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// How many start times DescribeJob's `scheduledJobRollouts` lists.
pub(crate) const SCHEDULED_ROLLOUTS: usize = 7;

/// How many overlapping or adjacent occurrences one union spans at most
/// when it is computed; a longer run (a cron that starts every minute, for
/// instance) is extended when its computed end is reached.
const UNION_STEPS: usize = 1440;

/// One maintenance window: a cron start and a duration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Window {
    cron: Cron,
    duration_ms: i64,
}

/// The windows of a request, in request order.
///
/// # Errors
/// The message of the first window whose cron expression does not parse (the
/// validator refuses those, so this is a disagreement between the two).
pub(crate) fn from_config(windows: Option<&[MaintenanceWindow]>) -> Result<Vec<Window>, String> {
    windows
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let cron = Cron::parse(&w.start_time).map_err(|e| {
                format!(
                    "maintenanceWindows/{i}/startTime `{}` is not a cron expression: {e}",
                    w.start_time
                )
            })?;
            // Validated (`DurationInMinutes`); clamped to the same bounds so
            // a hand-made snapshot cannot make a window of no or negative
            // length.
            let minutes = w.duration_in_minutes.clamp(DURATION_MIN, DURATION_MAX);
            Ok(Window {
                cron,
                duration_ms: minutes.saturating_mul(MINUTE_MS),
            })
        })
        .collect()
}

/// The windows of the echoed request members (a restored snapshot): a
/// `schedulingConfig` that does not read as its type has none.
///
/// # Errors
/// As [`from_config`].
pub(crate) fn from_echo(echo: &BTreeMap<String, Value>) -> Result<Vec<Window>, String> {
    let sched = echo
        .get("schedulingConfig")
        .and_then(|v| SchedulingConfig::deserialize(v).ok());
    from_config(
        sched
            .as_ref()
            .and_then(|s| s.maintenance_windows.as_deref()),
    )
}

/// The error of [`from_config`] as the machine's refusal: V-22 (the cron
/// dialect). The documented profile's validator refuses such a request
/// first; under `--profile model` (which checks only the model's length) the
/// machine still cannot run a window it cannot read, and AWS would refuse it.
pub(crate) fn unreadable(message: String) -> MachineError {
    super::err(ErrorCode::InvalidRequest, "V-22", message)
}

/// An end time, or "never" when it passes the time bounds.
fn bounded(t: i64) -> Option<i64> {
    time_in_range(t).then_some(t)
}

/// `YYYY-MM-DDTHH:MM` (UTC), the form of the scheduling strings
/// (`StringDateTime`), for `scheduledJobRollouts`.
pub(crate) fn format_start(ms: i64) -> String {
    let text = iso(ms); // YYYY-MM-DDTHH:MM:SS.mmmZ
    let keep = text.len().saturating_sub(":SS.mmmZ".len());
    text.get(..keep).unwrap_or_default().to_owned()
}

impl Job {
    /// The latest end of the occurrences that cover `t` (started at or
    /// before `t`, not yet ended), or `None` when `t` is outside every
    /// window. The end may pass the time bounds.
    fn covering_end(&self, t: i64) -> Option<i64> {
        self.windows
            .iter()
            .filter_map(|w| {
                // The earliest start in (t - duration, t].
                let lo = t.saturating_sub(w.duration_ms).saturating_add(1).max(0);
                let s = w.cron.next_at_or_after(lo)?;
                (s <= t).then(|| s.saturating_add(w.duration_ms))
            })
            .max()
    }

    /// The end of the window (the union of overlapping or adjacent
    /// occurrences) that covers `t`, or `None` when `t` is outside every
    /// window; an end past the time bounds is `Some(None)` ("never").
    pub(super) fn window_end_from(&self, t: i64) -> Option<Option<i64>> {
        let mut end = self.covering_end(t)?;
        for _ in 0..UNION_STEPS {
            if !time_in_range(end) {
                return Some(None);
            }
            match self.covering_end(end) {
                Some(next) if next > end => end = next,
                _ => break,
            }
        }
        Some(bounded(end))
    }

    /// The first window start at or after `t`, over all windows.
    pub(super) fn next_window_start(&self, t: i64) -> Option<i64> {
        self.windows
            .iter()
            .filter_map(|w| w.cron.next_at_or_after(t))
            .min()
    }

    /// J1 / J2 at creation (time `t`): SCHEDULED when a `startTime` lies
    /// ahead, or when the job has windows and `t` is outside them (then it
    /// waits for the next window start); IN_PROGRESS otherwise, with the
    /// first rollout slot due at once.
    pub(super) fn begin(&mut self, t: i64, fx: &mut Vec<Effect>) {
        let mut scheduled = self.start_at.is_some();
        if !scheduled && !self.windows.is_empty() {
            match self.window_end_from(t) {
                Some(end) => self.window_end = end,
                None => {
                    scheduled = true;
                    self.start_at = self.next_window_start(t);
                }
            }
        }
        let (to, rule) = if scheduled {
            (JobStatus::Scheduled, "J2")
        } else {
            (JobStatus::InProgress, "J1")
        };
        self.status = to;
        fx.push(Effect::JobStatusChanged {
            from: None,
            to,
            rule,
        });
        if !scheduled {
            self.rollout_len = self.names.len();
            self.next_slot = Some(t);
        }
    }

    /// J3: the scheduled start (`startTime`, or the start of the next
    /// window) is reached at `t`. With windows, a `startTime` outside them
    /// waits for the next window start (no effect). The rollout starts, or
    /// resumes after a J4 pause, with fresh one-minute slots from `t`.
    pub(super) fn fire_start(&mut self, t: i64, fx: &mut Vec<Effect>) {
        self.start_at = None;
        if !self.windows.is_empty() {
            match self.window_end_from(t) {
                Some(end) => self.window_end = end,
                None => {
                    self.start_at = self.next_window_start(t);
                    return;
                }
            }
        }
        self.set_job_status(JobStatus::InProgress, t, "J3", fx);
        // Things that joined while SCHEDULED are part of the rollout.
        self.rollout_len = self.names.len();
        self.next_slot = Some(t);
        // After a pause, a CONTINUOUS job's things re-added behind the
        // rollout cursor while it was paused are queued now, outside the
        // rollout rate (E15; R-3 for one never notified).
        // A re-joiner may sit anywhere: one added while the job rolled out
        // is behind the end of the rollout, at or past the cursor.
        if self.selection == Selection::Continuous {
            for i in 0..self.execs.len() {
                let rejoined = self.execs.get(i).is_some_and(|e| e.flags & REJOINED != 0);
                match self.st(i) {
                    St::Removed if rejoined => self.queue_new(i, t, "E15", fx),
                    St::Pending if i < self.cursor => self.queue_new(i, t, "R-3", fx),
                    _ => {}
                }
            }
        }
    }

    /// J4: the current window ends at `t`. When another occurrence covers
    /// `t` the window goes on (nothing happens); otherwise the rollout
    /// pauses and the job is SCHEDULED until the next window start.
    /// Executions already QUEUED or IN_PROGRESS run on. A SNAPSHOT job whose
    /// rollout has reached every target has nothing left to pause and stays
    /// IN_PROGRESS (J6 completes it).
    pub(super) fn fire_window_end(&mut self, t: i64, fx: &mut Vec<Effect>) {
        if let Some(end) = self.window_end_from(t) {
            self.window_end = end;
            return;
        }
        self.window_end = None;
        if self.selection == Selection::Snapshot && self.cursor >= self.rollout_len {
            return;
        }
        self.next_slot = None;
        self.set_job_status(JobStatus::Scheduled, t, "J4", fx);
        self.start_at = self.next_window_start(t);
    }

    /// The request's `schedulingConfig.startTime` as the machine reads it
    /// at creation (`input.rs`), from the echoed request (it cannot be
    /// updated); `None` when absent or unreadable.
    fn request_start(&self) -> Option<i64> {
        self.echo
            .get("schedulingConfig")
            .and_then(|v| v.get("startTime"))
            .and_then(Value::as_str)
            .and_then(|s| parse_scheduling(s).ok())
            .filter(|&s| s <= super::MAX_TIME_MS)
    }

    /// DescribeJob's `scheduledJobRollouts`: up to seven window starts
    /// after the current time and before `endTime`, of occurrences that end
    /// after a `startTime` still ahead (earlier ones cannot roll out), while
    /// the job may
    /// still roll out; `None` for a job without windows.
    pub(crate) fn scheduled_rollouts(&self) -> Option<Vec<String>> {
        if self.windows.is_empty() {
            return None;
        }
        let open = matches!(self.status, JobStatus::Scheduled | JobStatus::InProgress);
        if !open || self.ended {
            return Some(Vec::new());
        }
        // Before a `startTime` still ahead the job waits for it (J2, J3):
        // only occurrences that end after it (cover it, or start later)
        // can roll out.
        let now_after = time_after(self.now, 1);
        let start = self.request_start().filter(|&s| s > self.now);
        let mut starts: Vec<i64> = Vec::new();
        for w in &self.windows {
            let covering = start.map(|s| s.saturating_sub(w.duration_ms).saturating_add(1));
            let mut from = match (now_after, covering) {
                (Some(f), Some(c)) => Some(f.max(c)),
                (f, _) => f,
            };
            for _ in 0..SCHEDULED_ROLLOUTS {
                let Some(s) = from.and_then(|f| w.cron.next_at_or_after(f)) else {
                    break;
                };
                if self.end_at.is_some_and(|e| s >= e) {
                    break;
                }
                starts.push(s);
                from = time_after(s, 1);
            }
        }
        starts.sort_unstable();
        starts.dedup();
        starts.truncate(SCHEDULED_ROLLOUTS);
        Some(starts.into_iter().map(format_start).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_are_written_as_scheduling_strings() {
        assert_eq!(format_start(0), "1970-01-01T00:00");
        assert_eq!(format_start(1_767_229_200_000), "2026-01-01T01:00");
        assert_eq!(
            format_start(super::super::MAX_TIME_MS),
            "275760-09-13T00:00"
        );
    }

    #[test]
    fn windows_read_from_the_request_and_refuse_what_is_no_cron() {
        let w = |s: &str, d: i64| MaintenanceWindow {
            start_time: s.into(),
            duration_in_minutes: d,
        };
        let ok = from_config(Some(&[w("cron(0 2 * * ? *)", 60)])).unwrap();
        assert_eq!(ok.len(), 1);
        assert_eq!(ok.first().map(|w| w.duration_ms), Some(3_600_000));
        let e = from_config(Some(&[w("cron(0 2 * * ? *)", 60), w("daily", 5)])).unwrap_err();
        assert!(
            e.starts_with("maintenanceWindows/1/startTime `daily`"),
            "{e}"
        );
        assert!(from_config(None).unwrap().is_empty());
    }
}

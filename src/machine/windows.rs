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

use super::{Effect, ErrorCode, Fx, Job, JobStatus, MachineError, Selection, St, REJOINED};
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

/// How many cron look-ups one computation of a window's end may spend on
/// extending it (besides two per window to begin with) once it has taken
/// [`MIN_UNION_STEPS`] steps over overlapping or adjacent occurrences. A
/// longer run (a cron that starts every minute, for instance) is extended
/// when its computed end is reached, without an effect (J4).
const UNION_BUDGET: usize = 1440;

/// The steps one computation of a window's end takes at least (each
/// reaches the latest end of the occurrences covering the current end, at
/// least one whole duration), whatever the look-ups cost.
const MIN_UNION_STEPS: usize = 16;

/// One maintenance window: a cron start and a duration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Window {
    cron: Cron,
    duration_ms: i64,
}

/// The windows of a request, in request order, without repeats: of the
/// windows with one cron expression only the longest is kept (its
/// occurrences cover those of the others, so the schedule is the same and
/// a long list of copies costs no more than one).
///
/// # Errors
/// The message of the first window whose cron expression does not parse (the
/// validator refuses those, so this is a disagreement between the two).
pub(crate) fn from_config(windows: Option<&[MaintenanceWindow]>) -> Result<Vec<Window>, String> {
    let mut kept: Vec<Window> = Vec::new();
    // Cron text -> index in `kept`.
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, w) in windows.unwrap_or_default().iter().enumerate() {
        let duration_ms = duration_ms(w);
        if let Some(k) = seen
            .get(w.start_time.as_str())
            .and_then(|&k| kept.get_mut(k))
        {
            k.duration_ms = k.duration_ms.max(duration_ms);
            continue;
        }
        let cron = Cron::parse(&w.start_time).map_err(|e| {
            format!(
                "maintenanceWindows/{i}/startTime `{}` is not a cron expression: {e}",
                w.start_time
            )
        })?;
        seen.insert(w.start_time.as_str(), kept.len());
        kept.push(Window { cron, duration_ms });
    }
    Ok(kept)
}

/// The duration of a window in milliseconds: validated (`DurationInMinutes`),
/// and clamped to the same bounds so a hand-made snapshot cannot make a
/// window of no or negative length.
fn duration_ms(w: &MaintenanceWindow) -> i64 {
    w.duration_in_minutes
        .clamp(DURATION_MIN, DURATION_MAX)
        .saturating_mul(MINUTE_MS)
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

/// The end of the window (the union of overlapping or adjacent
/// occurrences) that covers `t`, or `None` when `t` is outside every
/// window; an end past the time bounds is `Some(None)` ("never").
///
/// A time is covered when, for some window, its latest start at or
/// before it is less than a duration before it; the latest end of the
/// occurrences covering the current end is the next end. Each window's
/// next start is kept, so a step looks up only the windows that start
/// again before the new end: a window that starts rarely costs two
/// look-ups, however long the run. Extending stops after
/// [`MIN_UNION_STEPS`] steps once [`UNION_BUDGET`] look-ups are spent.
fn union_end(windows: &[Window], t: i64) -> Option<Option<i64>> {
    // The latest end of the occurrences started at or before the current
    // end (the current end is covered while it is later).
    let mut latest: Option<i64> = None;
    // Per window, its next start after the current end.
    let mut next: Vec<Option<i64>> = Vec::with_capacity(windows.len());
    for w in windows {
        if let Some(p) = w.cron.prev_at_or_before(t) {
            latest = latest.max(Some(p.saturating_add(w.duration_ms)));
        }
        next.push(time_after(t, 1).and_then(|a| w.cron.next_at_or_after(a)));
    }
    let mut end = t;
    let (mut steps, mut spent) = (0, 0);
    while let Some(to) = latest.filter(|&l| l > end) {
        end = to;
        steps += 1;
        if !time_in_range(end) {
            return Some(None);
        }
        if steps >= MIN_UNION_STEPS && spent >= UNION_BUDGET {
            break;
        }
        // The windows that start again at or before the new end.
        for (w, n) in windows.iter().zip(next.iter_mut()) {
            let Some(s) = n.filter(|&s| s <= end) else {
                continue;
            };
            // The latest start at or before `end`: `s` itself when the
            // one after it is later (one look-up), else looked up.
            let after = time_after(s, 1).and_then(|a| w.cron.next_at_or_after(a));
            spent += 1;
            let last = match after {
                Some(a) if a <= end => {
                    spent += 2;
                    *n = time_after(end, 1).and_then(|a| w.cron.next_at_or_after(a));
                    w.cron.prev_at_or_before(end).unwrap_or(s)
                }
                other => {
                    *n = other;
                    s
                }
            };
            latest = latest.max(Some(last.saturating_add(w.duration_ms)));
        }
    }
    if steps == 0 {
        return None; // `t` is outside every window
    }
    Some(bounded(end))
}

impl Job {
    /// The end of the window (the union of overlapping or adjacent
    /// occurrences) that covers `t`, or `None` when `t` is outside every
    /// window; an end past the time bounds is `Some(None)` ("never"). See
    /// [`union_end`].
    pub(super) fn window_end_from(&self, t: i64) -> Option<Option<i64>> {
        union_end(&self.windows, t)
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
    pub(super) fn begin(&mut self, t: i64, fx: &mut Fx) {
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
    pub(super) fn fire_start(&mut self, t: i64, fx: &mut Fx) {
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
    pub(super) fn fire_window_end(&mut self, t: i64, fx: &mut Fx) {
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

    fn ws(list: &[(&str, i64)]) -> Vec<Window> {
        let v: Vec<MaintenanceWindow> = list
            .iter()
            .map(|&(c, d)| MaintenanceWindow {
                start_time: c.into(),
                duration_in_minutes: d,
            })
            .collect();
        from_config(Some(&v)).unwrap()
    }

    /// The first time at or after `t` that no occurrence covers, minute by
    /// minute (by `next_at_or_after` only), within `horizon` minutes.
    fn naive_end(windows: &[Window], t: i64, horizon: i64) -> Option<i64> {
        let covered = |x: i64| {
            windows.iter().any(|w| {
                w.cron
                    .next_at_or_after((x - w.duration_ms + 1).max(0))
                    .is_some_and(|s| s <= x)
            })
        };
        if !covered(t) {
            return None;
        }
        let mut x = (t / MINUTE_MS + 1) * MINUTE_MS;
        for _ in 0..horizon {
            if !covered(x) {
                return Some(x);
            }
            x += MINUTE_MS;
        }
        Some(i64::MAX)
    }

    #[test]
    fn union_end_agrees_with_a_minute_walk() {
        let t0 = 1_767_225_600_000; // 2026-01-01T00:00Z, a Thursday
        let sets: [&[(&str, i64)]; 7] = [
            &[("cron(0 2 * * ? *)", 60)],
            &[("cron(0 0 * * ? *)", 3), ("cron(3 0 * * ? *)", 1)],
            &[("cron(0 0 * * ? *)", 3), ("cron(4 0 * * ? *)", 1)],
            &[("cron(0/10 * * * ? *)", 8), ("cron(0 1 * * ? *)", 90)],
            &[("cron(0/7 0-2 * * ? *)", 5), ("cron(30 0 ? * THU *)", 45)],
            &[("cron(0 0/2 * * ? *)", 100), ("cron(40 1/4 * * ? *)", 15)],
            &[("cron(0 2 * * ? *)", 30), ("cron(0 2 * * ? *)", 60)],
        ];
        let mut compared = 0;
        for set in sets {
            let w = ws(set);
            for k in 0..300 {
                let t = t0 + k * 7 * MINUTE_MS + k % 3 * 1000;
                let naive = naive_end(&w, t, 3000);
                assert_eq!(union_end(&w, t), naive.map(Some), "{set:?} at {t}");
                compared += usize::from(naive.is_some());
            }
        }
        assert!(compared > 500, "{compared}");
        // Copies of one cron are one window, of the longest duration.
        let same = ws(&[("cron(0 2 * * ? *)", 30), ("cron(0 2 * * ? *)", 60)]);
        assert_eq!(same.len(), 1);
        assert_eq!(same.first().map(|w| w.duration_ms), Some(3_600_000));
    }

    #[test]
    fn a_run_that_never_ends_is_computed_in_bounded_pieces() {
        let t0 = 1_767_225_600_000;
        // Every minute for one minute: each step spans one minute, so the
        // budget ends the computation; every point before that end is
        // covered and the end itself too (the run goes on).
        let dense = ws(&[("cron(* * * * ? *)", 1)]);
        let end = union_end(&dense, t0).flatten().unwrap();
        assert_eq!(end, t0 + (UNION_BUDGET as i64 + 1) * MINUTE_MS);
        // Thousands of dense windows: a few steps, not a day of them.
        let many: Vec<(String, i64)> = (2027..2200)
            .flat_map(|y| {
                ["*", "0-59", "0/1", "*/1"]
                    .into_iter()
                    .map(move |m| (format!("cron({m} * * * ? 2026-{y})"), 1))
            })
            .collect();
        let many: Vec<(&str, i64)> = many.iter().map(|(c, d)| (c.as_str(), *d)).collect();
        let many = ws(&many);
        assert_eq!(many.len(), 692);
        let end = union_end(&many, t0).flatten().unwrap();
        assert_eq!(end, t0 + MIN_UNION_STEPS as i64 * MINUTE_MS);
        // A long duration reaches far in the same budget.
        let long = ws(&[("cron(* * * * ? *)", 1430)]);
        let end = union_end(&long, t0).flatten().unwrap();
        assert!(end > t0 + 365 * 1440 * MINUTE_MS, "{end}");
        // Past the time bounds: never.
        let y2199 = ws(&[("cron(* * * * ? 2199)", 1430)]);
        let late = 7_258_118_400_000; // 2200-01-01T00:00Z
        assert_eq!(
            union_end(&y2199, late - MINUTE_MS),
            Some(Some(late + 1429 * MINUTE_MS))
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

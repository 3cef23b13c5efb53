//! The deadline table: what is due next and the `fire_*` functions that
//! act when a deadline passes (as quinn-proto's `timer.rs`). Equal times fire
//! in the fixed order of [`Due`].

use super::config::EndBehavior;
use super::{Fx, Job, JobStatus, Selection, St, NO_DEADLINE};
use crate::validate::bounds::time_after;
use crate::validate::time::MINUTE_MS;

/// What is due next, in the fixed firing order for equal times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Due {
    /// J3: `schedulingConfig.startTime`, or the start of the next
    /// maintenance window.
    Start,
    /// E6: an execution's in-progress or step timer (by thing index).
    Timer(usize),
    /// J8 / R-6: `schedulingConfig.endTime`.
    End,
    /// J4: the end of the current maintenance window.
    WindowEnd,
    /// the next one-minute rollout slot.
    Slot,
}

impl Job {
    pub(super) fn next_due(&self) -> Option<(i64, Due)> {
        let mut best: Option<(i64, Due)> = None;
        let mut consider = |t: i64, d: Due| {
            if best.is_none_or(|b| (t, d) < b) {
                best = Some((t, d));
            }
        };
        match self.status {
            JobStatus::Scheduled => {
                if let Some(s) = self.start_at {
                    consider(s, Due::Start);
                }
                // A job with windows may be SCHEDULED at its endTime (paused
                // between windows, or waiting for the first): the end
                // applies then too.
                if let (Some(e), false, false) = (self.end_at, self.ended, self.windows.is_empty())
                {
                    consider(e, Due::End);
                }
            }
            JobStatus::InProgress => {
                if let (Some(e), false) = (self.end_at, self.ended) {
                    consider(e, Due::End);
                }
                if let (Some(w), false) = (self.window_end, self.ended) {
                    consider(w, Due::WindowEnd);
                }
                if let Some(s) = self.next_slot {
                    consider(s, Due::Slot);
                }
            }
            _ => {}
        }
        if let Some(&(t, i)) = self.timers.first() {
            consider(t, Due::Timer(i));
        }
        best
    }

    pub(super) fn fire_due(&mut self, to: i64, fx: &mut Fx) {
        while let Some((t, due)) = self.next_due().filter(|&(t, _)| t <= to) {
            // A deadline already past fires at the current time; its
            // effects carry the time it fired.
            let t = t.max(self.now);
            self.now = t;
            fx.set_at(t);
            match due {
                Due::Start => self.fire_start(t, fx),
                Due::Timer(i) => self.fire_timer(i, t, fx),
                Due::End => self.fire_end(t, fx),
                Due::WindowEnd => self.fire_window_end(t, fx),
                Due::Slot => self.fire_slot(t, fx),
            }
        }
        self.now = self.now.max(to);
    }

    /// E6: an in-progress or step timer expired.
    fn fire_timer(&mut self, i: usize, t: i64, fx: &mut Fx) {
        self.outcome(i, St::TimedOut, t, "E6", fx);
    }

    /// J8 / R-6 (unconfirmed): `endTime` reached. The rollout stops; `CANCEL`
    /// cancels QUEUED executions, `FORCE_CANCEL` IN_PROGRESS ones too; the
    /// job completes once nothing is QUEUED or IN_PROGRESS.
    /// With windows it ends them too: a job SCHEDULED between windows waits
    /// no longer, and completes like an IN_PROGRESS one.
    fn fire_end(&mut self, t: i64, fx: &mut Fx) {
        self.ended = true;
        self.next_slot = None;
        self.window_end = None;
        self.start_at = None;
        match self.end_behavior {
            EndBehavior::StopRollout => {}
            EndBehavior::Cancel => self.cancel_all(t, false, ("R-6", "R-6"), fx),
            EndBehavior::ForceCancel => self.cancel_all(t, true, ("R-6", "R-6"), fx),
        }
        self.check_complete(t, fx);
    }

    /// one rollout slot notifies up to the current rate of things,
    /// in target order (E1); slots are one minute apart.
    fn fire_slot(&mut self, t: i64, fx: &mut Fx) {
        let rate = self.rollout.rate(self.notified, self.succeeded_total);
        let mut n = 0;
        while n < rate && self.cursor < self.rollout_len {
            let i = self.cursor;
            self.cursor += 1;
            if self.st(i) == St::Pending {
                self.queue_new(i, t, "E1", fx);
                self.notified = self.notified.saturating_add(1);
                n += 1;
            }
        }
        if self.cursor >= self.rollout_len {
            self.next_slot = None;
            if self.selection == Selection::Snapshot {
                // J4: nothing is left to pause; the windows no longer matter.
                self.window_end = None;
            }
            self.check_complete(t, fx);
        } else {
            // A slot after the maximum time is "never": the rollout stops
            // there (the time bounds), so the state still snapshots.
            self.next_slot = time_after(t, MINUTE_MS);
        }
    }
    /// Sets the deadline of execution `i`, keeping the timer table in step.
    pub(super) fn set_deadline(&mut self, i: usize, new: i64) {
        let Some(e) = self.execs.get_mut(i) else {
            return;
        };
        let old = e.deadline;
        e.deadline = new;
        if old != NO_DEADLINE {
            self.timers.remove(&(old, i));
        }
        if new != NO_DEADLINE {
            self.timers.insert((new, i));
        }
    }
}

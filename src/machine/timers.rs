//! The deadline table: what is due next and the `fire_*` functions that
//! act when a deadline passes (as quinn-proto's `timer.rs`). Equal times fire
//! in the fixed order of [`Due`].

use super::config::EndBehavior;
use super::{Exec, Fx, Job, JobStatus, Selection, St, NO_DEADLINE};
use crate::validate::bounds::time_after;
use crate::validate::time::MINUTE_MS;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The execution timers: `(deadline, thing index)` of every execution with
/// a deadline, earliest first, ties by thing index (the firing order).
///
/// A min-heap with lazy deletion: an entry is live while its execution's
/// deadline is still its time (the executions are the truth, see
/// [`Job::set_deadline`]); a changed deadline pushes a new entry and leaves
/// the old one in place. The top is always live (stale tops are popped at
/// once), so [`Timers::first`] needs no mutation; when stale entries
/// outnumber the live ones (plus a margin), the heap is rebuilt from its
/// live entries, so it holds at most `2 × live + 32` entries and a change
/// costs amortized O(log n).
#[derive(Debug, Clone, Default)]
pub(crate) struct Timers {
    heap: BinaryHeap<Reverse<(i64, usize)>>,
    /// Executions with a deadline.
    live: usize,
}

/// Stale entries tolerated beyond the live ones before a rebuild.
const SLACK: usize = 32;

impl Timers {
    /// The timers of `execs` (every execution with a deadline).
    pub(crate) fn of(execs: &[Exec]) -> Timers {
        let entries: Vec<Reverse<(i64, usize)>> = execs
            .iter()
            .enumerate()
            .filter(|(_, e)| e.deadline != NO_DEADLINE)
            .map(|(i, e)| Reverse((e.deadline, i)))
            .collect();
        Timers {
            live: entries.len(),
            heap: BinaryHeap::from(entries),
        }
    }

    /// The earliest `(deadline, thing index)`, ties by thing index.
    pub(crate) fn first(&self) -> Option<(i64, usize)> {
        self.heap.peek().map(|r| r.0)
    }

    /// Bytes of the heap's buffer.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.heap.capacity() * std::mem::size_of::<Reverse<(i64, usize)>>()
    }

    /// Sets the deadline of execution `i` of `execs` to `new`, keeping the
    /// table in step.
    fn set(&mut self, execs: &mut [Exec], i: usize, new: i64) {
        let Some(e) = execs.get_mut(i) else {
            return;
        };
        let old = e.deadline;
        if old == new {
            return;
        }
        e.deadline = new;
        if new != NO_DEADLINE {
            self.heap.push(Reverse((new, i)));
            if old == NO_DEADLINE {
                self.live += 1;
            }
        } else if old != NO_DEADLINE {
            self.live = self.live.saturating_sub(1);
        }
        let is_live = |&Reverse((d, j)): &Reverse<(i64, usize)>| {
            execs.get(j).is_some_and(|e| e.deadline == d)
        };
        if self.heap.len() > self.live.saturating_mul(2).saturating_add(SLACK) {
            // Live entries only, one per execution (a deadline set back to
            // an earlier value leaves a twin: rare, found by the count).
            let mut entries = std::mem::take(&mut self.heap).into_vec();
            entries.retain(is_live);
            if entries.len() > self.live {
                entries.sort_unstable();
                entries.dedup();
            }
            self.heap = BinaryHeap::from(entries);
        }
        while self.heap.peek().is_some_and(|top| !is_live(top)) {
            self.heap.pop();
        }
    }
}

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
        if let Some((t, i)) = self.timers.first() {
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
        self.timers.set(&mut self.execs, i, new);
    }

    /// Stops every execution timer.
    pub(super) fn clear_deadlines(&mut self) {
        for e in &mut self.execs {
            e.deadline = NO_DEADLINE;
        }
        self.timers = Timers::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Random deadline changes (few distinct times, so that ties, twins
    /// and stale entries abound) against a `BTreeSet` of the live pairs:
    /// the same first entry after every change, a bounded heap, and the
    /// same table rebuilt from the executions.
    #[test]
    fn the_heap_agrees_with_an_ordered_set() {
        let n = 50;
        let mut execs = vec![Exec::PENDING; n];
        let mut timers = Timers::default();
        let mut set = BTreeSet::new();
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut most_stale = 0;
        for step in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let i = (x % n as u64) as usize;
            // A third of the changes stop the timer.
            let new = match (x >> 8) % 3 {
                0 => NO_DEADLINE,
                _ => ((x >> 16) % 40) as i64 + step / 100,
            };
            let old = execs[i].deadline;
            if old != NO_DEADLINE {
                set.remove(&(old, i));
            }
            if new != NO_DEADLINE {
                set.insert((new, i));
            }
            timers.set(&mut execs, i, new);
            most_stale = most_stale.max(timers.heap.len() - set.len());
            assert_eq!(timers.first(), set.first().copied(), "step {step}");
            assert_eq!(timers.live, set.len());
            assert!(timers.heap.len() <= 2 * set.len() + SLACK + 1);
        }
        // Stale entries were kept (lazy deletion) up to the rebuild bound.
        assert!(most_stale > SLACK, "{most_stale}");
        let fresh = Timers::of(&execs);
        assert_eq!(fresh.live, set.len());
        assert_eq!(fresh.first(), set.first().copied());
    }
}

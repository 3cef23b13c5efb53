//! The deadline table: what is due next and the `fire_*` functions that
//! act when a deadline passes (as quinn-proto's `timer.rs`). Equal times fire
//! in the fixed order of [`Due`].

use super::config::EndBehavior;
use super::exec::{STEP, TIMER};
use super::{Exec, Fx, Job, JobStatus, Selection, St, NO_DEADLINE};
use crate::validate::bounds::time_after;
use crate::validate::time::MINUTE_MS;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

/// The execution timers: `(deadline, thing index)` of every execution with
/// a deadline, earliest first, ties by thing index (the firing order).
///
/// A min-heap with lazy deletion: an entry is live while its execution's
/// deadline is still its time (the executions are the truth, see
/// [`Job::set_deadline`] and [`Job::deadline`]); a changed deadline pushes a
/// new entry and leaves the old one in place. The top is always live (stale
/// tops are popped at once), so [`Timers::first`] needs no mutation; when
/// stale entries outnumber the live ones (plus a margin), the heap is
/// rebuilt from its live entries, so it holds at most `2 × live + 32`
/// entries and a change costs amortized O(log n).
///
/// An execution's deadline is its in-progress deadline (flag [`TIMER`]) or,
/// with flag [`STEP`] too, the time kept here in `steps`: only executions
/// with a step timer have an entry, so the record of every other
/// stays small.
#[derive(Debug, Clone, Default)]
pub(crate) struct Timers {
    heap: BinaryHeap<Reverse<(i64, usize)>>,
    /// Executions with a deadline.
    live: usize,
    /// The deadline of every execution with flag [`STEP`], by thing index.
    steps: BTreeMap<usize, i64>,
}

/// Stale entries tolerated beyond the live ones before a rebuild.
const SLACK: usize = 32;

/// About the bytes a `BTreeMap<usize, i64>` holds per entry (its nodes
/// hold up to 11 pairs of 16 bytes, with their links; inserted in
/// ascending order, as thing indices mostly are, leaves stay about 6/11
/// full, and internal nodes add a little), for [`Timers::heap_bytes`].
const STEP_ENTRY_BYTES: usize = 40;

/// The deadline of execution `e`, thing `i`, given the step deadlines.
fn deadline_of(steps: &BTreeMap<usize, i64>, e: &Exec, i: usize) -> i64 {
    if e.flags & TIMER == 0 {
        NO_DEADLINE
    } else if e.flags & STEP != 0 {
        steps.get(&i).copied().unwrap_or(NO_DEADLINE)
    } else {
        e.ip_deadline()
    }
}

impl Timers {
    /// The timers of `execs`, whose deadlines are `deadlines` (by thing
    /// index; [`NO_DEADLINE`] for none): sets their timer flags.
    pub(crate) fn of(execs: &mut [Exec], deadlines: &[i64]) -> Timers {
        let mut steps = BTreeMap::new();
        let mut entries = Vec::new();
        for (i, (e, &d)) in execs.iter_mut().zip(deadlines).enumerate() {
            e.flags &= !(TIMER | STEP);
            if d == NO_DEADLINE {
                continue;
            }
            e.flags |= TIMER;
            if d != e.ip_deadline() {
                e.flags |= STEP;
                steps.insert(i, d);
            }
            entries.push(Reverse((d, i)));
        }
        Timers {
            live: entries.len(),
            heap: BinaryHeap::from(entries),
            steps,
        }
    }

    /// The earliest `(deadline, thing index)`, ties by thing index.
    pub(crate) fn first(&self) -> Option<(i64, usize)> {
        self.heap.peek().map(|r| r.0)
    }

    /// The deadline of execution `i` of `execs` ([`NO_DEADLINE`] for none).
    pub(crate) fn deadline(&self, execs: &[Exec], i: usize) -> i64 {
        execs
            .get(i)
            .map_or(NO_DEADLINE, |e| deadline_of(&self.steps, e, i))
    }

    /// Bytes of the heap's buffer and of the step deadlines.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.heap.capacity() * std::mem::size_of::<Reverse<(i64, usize)>>()
            + self.steps.len() * STEP_ENTRY_BYTES
    }

    /// Sets the deadline of execution `i` of `execs` to `new`, keeping the
    /// table in step.
    fn set(&mut self, execs: &mut [Exec], i: usize, new: i64) {
        let Some(e) = execs.get_mut(i) else {
            return;
        };
        let old = deadline_of(&self.steps, e, i);
        if old == new {
            return;
        }
        if e.flags & STEP != 0 {
            self.steps.remove(&i);
        }
        e.flags &= !(TIMER | STEP);
        if new != NO_DEADLINE {
            e.flags |= TIMER;
            if new != e.ip_deadline() {
                e.flags |= STEP;
                self.steps.insert(i, new);
            }
            self.heap.push(Reverse((new, i)));
            if old == NO_DEADLINE {
                self.live += 1;
            }
        } else if old != NO_DEADLINE {
            self.live = self.live.saturating_sub(1);
        }
        let steps = &self.steps;
        let is_live = |&Reverse((d, j)): &Reverse<(i64, usize)>| {
            execs.get(j).is_some_and(|e| deadline_of(steps, e, j) == d)
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
        // The top was live and only execution `i` changed: only an entry
        // of `i` on top may be stale now.
        if self.heap.peek().is_some_and(|top| top.0 .1 == i) {
            while self.heap.peek().is_some_and(|top| !is_live(top)) {
                self.heap.pop();
            }
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

    /// When execution `i` times out ([`NO_DEADLINE`] for never): the
    /// earlier of its in-progress deadline and its step deadline
    /// (R-12, never beyond the former).
    pub(crate) fn deadline(&self, i: usize) -> i64 {
        self.timers.deadline(&self.execs, i)
    }

    /// Stops every execution timer.
    pub(super) fn clear_deadlines(&mut self) {
        for e in &mut self.execs {
            e.flags &= !(TIMER | STEP);
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
    /// the same first entry after every change, a bounded heap, the same
    /// deadlines read back (in-progress ones from the record, others from
    /// the step table) and the same table rebuilt from the executions.
    #[test]
    fn the_heap_agrees_with_an_ordered_set() {
        let n = 50;
        let mut execs = vec![Exec::PENDING; n];
        // In-progress deadlines 60_000 + i % 40 (one-minute timeouts).
        for (i, e) in execs.iter_mut().enumerate() {
            e.started_at = (i % 40) as i64;
            e.timeout_minutes = 1;
        }
        let mut steps_seen = 0;
        let mut timers = Timers::default();
        let mut set = BTreeSet::new();
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut most_stale = 0;
        for step in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let i = (x % n as u64) as usize;
            // A quarter of the changes stop the timer, a quarter set the
            // in-progress deadline.
            let new = match (x >> 8) % 4 {
                0 => NO_DEADLINE,
                1 => execs[i].ip_deadline(),
                _ => 60_000 + ((x >> 16) % 40) as i64 + step / 100,
            };
            let old = timers.deadline(&execs, i);
            if old != NO_DEADLINE {
                set.remove(&(old, i));
            }
            if new != NO_DEADLINE {
                set.insert((new, i));
            }
            timers.set(&mut execs, i, new);
            assert_eq!(timers.deadline(&execs, i), new);
            let stepped = execs[i].flags & STEP != 0;
            assert_eq!(stepped, timers.steps.contains_key(&i));
            assert_eq!(stepped, new != NO_DEADLINE && new != execs[i].ip_deadline());
            steps_seen = steps_seen.max(timers.steps.len());
            most_stale = most_stale.max(timers.heap.len() - set.len());
            assert_eq!(timers.first(), set.first().copied(), "step {step}");
            assert_eq!(timers.live, set.len());
            assert!(timers.heap.len() <= 2 * set.len() + SLACK + 1);
        }
        // Stale entries were kept (lazy deletion) up to the rebuild bound.
        assert!(most_stale > SLACK, "{most_stale}");
        assert!(steps_seen > 0);
        let deadlines: Vec<i64> = (0..n).map(|i| timers.deadline(&execs, i)).collect();
        let fresh = Timers::of(&mut execs, &deadlines);
        assert_eq!(fresh.live, set.len());
        assert_eq!(fresh.first(), set.first().copied());
        assert_eq!(fresh.steps, timers.steps);
        for (i, &d) in deadlines.iter().enumerate() {
            assert_eq!(fresh.deadline(&execs, i), d);
        }
    }
}

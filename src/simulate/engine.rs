//! One trial: the job created on the transition function, driven by device
//! behaviour drawn from the trial's generator.
//!
//! Every notification (an `executionStatusChanged` effect to QUEUED, first
//! attempt or retry) draws the device's outcome (from `outcomes`, or
//! `retryOutcomes` for a retry) and its delays, and schedules its events in
//! a queue ordered by (time, sequence): IN_PROGRESS after `pickUp`, then
//! the final report after `run` (none for TIMED_OUT, nothing at all for
//! OFFLINE). The queue is merged with the machine's
//! [`next_deadline`](crate::machine::Job::next_deadline) (a deadline due at
//! the time of an event fires first) until the job is terminal or the
//! horizon passes. Rollout slots, timers, retries and abort are the
//! machine's; an event the machine refuses (for an execution canceled by
//! an abort, say) is dropped, and an event of an attempt that has since
//! been retried is never sent.

use super::model::{Behaviour, Members, Outcome, Simulation};
use super::rng::Rng;
use crate::machine::{DeviceStatus, Effect, ExecutionStatus, Fx, Job, JobStatus, Record};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The longest timeline (minutes from creation) a trial records: one week.
/// Later changes still count in the final values.
pub const MAX_TIMELINE_MINUTES: usize = 7 * 24 * 60;

/// What one trial ended with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Trial {
    /// The job's status at the end.
    pub(crate) status: JobStatus,
    /// Milliseconds from creation to a terminal job status, if reached.
    pub(crate) completion: Option<u64>,
    /// Things notified when the abort fired, if it did.
    pub(crate) exposed: Option<u64>,
    /// Milliseconds from creation to the abort, if it fired.
    pub(crate) aborted_at: Option<u64>,
    /// Things per final execution status, in [`ExecutionStatus::ALL`] order.
    pub(crate) executions: [u64; 8],
    /// Retry attempts.
    pub(crate) retries: u64,
    /// Cumulative notified, succeeded and failed things per minute from
    /// creation (minute `m`: events at most `m` minutes after creation),
    /// up to the last change (and at most [`MAX_TIMELINE_MINUTES`]).
    pub(crate) curves: [Vec<u64>; 3],
    /// The final values of the three curves.
    pub(crate) finals: [u64; 3],
}

/// What a notified thing will do after it picks the execution up: report
/// `report` (if any) `run` ms after its IN_PROGRESS. Kept per thing (only
/// the thing's latest notification has live events), so that a queued
/// event stays small.
#[derive(Debug, Clone, Copy)]
struct Plan {
    report: Option<DeviceStatus>,
    run: i64,
}

/// A device event waiting in the queue (24 bytes), ordered by `(at, key)`
/// alone, that is by `(at, seq)`: `key` is `seq << 1 | report`, `seq`
/// counting the events scheduled (unique), so that the heap pops them in
/// exactly the order a map keyed by `(at, seq)` would.
#[derive(Debug, Clone, Copy)]
struct Queued {
    at: i64,
    /// `seq << 1`, plus 1 for the final report (else IN_PROGRESS).
    key: u64,
    thing: u32,
    /// The notification it belongs to (stale when the thing was notified again).
    generation: u32,
}

// The size the queue's speed rests on (a sift moves whole entries).
const _: () = assert!(std::mem::size_of::<Queued>() == 24);

impl PartialEq for Queued {
    fn eq(&self, other: &Self) -> bool {
        (self.at, self.key) == (other.at, other.key)
    }
}

impl Eq for Queued {}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Queued {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.at, self.key).cmp(&(other.at, other.key))
    }
}

/// No time (a thing not notified, not succeeded, not failed).
const NEVER: i64 = i64::MIN;

struct State<'a> {
    sim: &'a Simulation,
    rng: Rng,
    who: Vec<&'a Behaviour>,
    generation: Vec<u32>,
    /// Per thing: what its latest notification will do.
    plan: Vec<Plan>,
    /// Per thing: first notification, SUCCEEDED, FAILED (an attempt
    /// retried at once is not FAILED: the machine reports it as FAILED,
    /// then QUEUED, in the same step).
    times: [Vec<i64>; 3],
    notified: u64,
    status: Vec<Option<ExecutionStatus>>,
    /// Earliest first (a binary heap: a third faster than a `BTreeMap`
    /// here, the same order).
    queue: BinaryHeap<Reverse<Queued>>,
    seq: u64,
    retries: u64,
    exposed: Option<u64>,
    aborted_at: Option<u64>,
    completion: Option<u64>,
}

/// Runs trial `trial` of `sim`.
pub(crate) fn run_trial(sim: &Simulation, trial: u64) -> Trial {
    let mut rng = Rng::for_trial(sim.seed, trial);
    let n = sim.things.len();
    let mut who: Vec<&Behaviour> = vec![&sim.devices; n];
    let mut named = vec![false; n];
    for c in &sim.cohorts {
        if let Members::Things(list) = &c.members {
            for &k in list {
                if let (Some(w), Some(f)) = (who.get_mut(k), named.get_mut(k)) {
                    *w = &c.behaviour;
                    *f = true;
                }
            }
        }
    }
    let shares: Vec<(f64, &Behaviour)> = sim
        .cohorts
        .iter()
        .filter_map(|c| match c.members {
            Members::Share(s) => Some((s, &c.behaviour)),
            Members::Things(_) => None,
        })
        .collect();
    if !shares.is_empty() {
        // One draw per thing, named or not, so that naming a thing does
        // not move the others' draws.
        for (w, &f) in who.iter_mut().zip(&named) {
            let u = rng.next_f64();
            if f {
                continue;
            }
            let mut acc = 0.0;
            for &(s, b) in &shares {
                acc += s;
                if u < acc {
                    *w = b;
                    break;
                }
            }
        }
    }
    let mut st = State {
        sim,
        rng,
        who,
        generation: vec![0; n],
        plan: vec![
            Plan {
                report: None,
                run: 0
            };
            n
        ],
        times: [vec![NEVER; n], vec![NEVER; n], vec![NEVER; n]],
        notified: 0,
        status: vec![None; n],
        queue: BinaryHeap::new(),
        seq: 0,
        retries: 0,
        exposed: None,
        aborted_at: None,
        completion: None,
    };
    let mut job = sim.job.clone();
    // The machine's lean sink: status changes by thing index, one buffer
    // for the whole trial.
    let mut fx = Fx::lean();
    st.effects(sim.created.iter().cloned());
    let end = sim.created_at.saturating_add(sim.horizon);
    let terminal = |s: JobStatus| {
        matches!(
            s,
            JobStatus::Completed | JobStatus::Canceled | JobStatus::DeletionInProgress
        )
    };
    while !terminal(job.status()) {
        let event = st.queue.peek().map(|q| q.0.at);
        let deadline = job.next_deadline();
        match (deadline, event) {
            (Some(d), e) if d <= end && e.is_none_or(|e| d <= e) => {
                let advanced = job.advance_into(d.max(job.now()), &mut fx);
                st.effects(fx.drain());
                if advanced.is_err() {
                    break;
                }
                // A deadline that an advance leaves in place would loop
                // forever: the machine fires everything due, so this
                // cannot happen, but the guard costs nothing.
                if job.next_deadline() == Some(d) {
                    break;
                }
            }
            (_, Some(t)) if t <= end => {
                let Some(Reverse(q)) = st.queue.pop() else {
                    break;
                };
                st.act(&mut job, &mut fx, q);
            }
            _ => break,
        }
    }
    let mut executions = [0u64; 8];
    for s in st.status.iter().flatten() {
        if let Some(slot) = ExecutionStatus::ALL
            .iter()
            .position(|x| x == s)
            .and_then(|i| executions.get_mut(i))
        {
            *slot += 1;
        }
    }
    let created_at = sim.created_at;
    let [a, b, c] = &st.times;
    let count = |t: &[i64]| t.iter().filter(|&&x| x != NEVER).count() as u64;
    let finals = [count(a), count(b), count(c)];
    Trial {
        status: job.status(),
        completion: st.completion,
        exposed: st.exposed,
        aborted_at: st.aborted_at,
        executions,
        retries: st.retries,
        curves: [
            curve(a, created_at),
            curve(b, created_at),
            curve(c, created_at),
        ],
        finals,
    }
}

/// The cumulative count per minute of `times` (in any order; [`NEVER`]
/// skipped), up to the minute of the last one (capped at
/// [`MAX_TIMELINE_MINUTES`]). Counted by minute: no sort.
fn curve(times: &[i64], created_at: i64) -> Vec<u64> {
    let minute = |t: i64| {
        let dt = u64::try_from(t.saturating_sub(created_at)).unwrap_or(0);
        usize::try_from(dt.div_ceil(60_000)).unwrap_or(usize::MAX)
    };
    let Some(last) = times.iter().copied().filter(|&t| t != NEVER).max() else {
        return Vec::new();
    };
    let len = minute(last).saturating_add(1).min(MAX_TIMELINE_MINUTES);
    let mut out = vec![0u64; len];
    for &t in times {
        if t == NEVER {
            continue;
        }
        if let Some(slot) = out.get_mut(minute(t)) {
            *slot += 1;
        }
    }
    let mut acc = 0;
    for x in &mut out {
        acc += *x;
        *x = acc;
    }
    out
}

impl State<'_> {
    /// Queues thing `k`'s IN_PROGRESS (or, with `report`, its final
    /// report) of notification `generation` at `at`.
    fn schedule(&mut self, at: i64, k: usize, generation: u32, report: bool) {
        let Ok(thing) = u32::try_from(k) else {
            return; // not in a fleet of at most MAX_FLEET things
        };
        self.queue.push(Reverse(Queued {
            at,
            key: self.seq << 1 | u64::from(report),
            thing,
            generation,
        }));
        self.seq += 1;
    }

    /// Sends a queued device event (unless stale).
    fn act(&mut self, job: &mut Job, fx: &mut Fx, q: Queued) {
        let Ok(k) = usize::try_from(q.thing) else {
            return;
        };
        if self.generation.get(k) != Some(&q.generation) {
            return;
        }
        let Some(&plan) = self.plan.get(k) else {
            return;
        };
        let report = q.key & 1 == 1;
        let status = match (report, plan.report) {
            (false, _) => DeviceStatus::InProgress,
            (true, Some(s)) => s,
            (true, None) => return, // never queued
        };
        // The thing by its index: the fleet's order is the job's (its
        // names are unique).
        let sent = job.step_device(q.at, k, status, fx);
        self.effects(fx.drain());
        if sent.is_ok() && !report && plan.report.is_some() {
            self.schedule(q.at.saturating_add(plan.run), k, q.generation, true);
        }
    }

    /// Reads the machine's effects (as its lean sink records them, things
    /// by index): notifications schedule the device, outcomes and the
    /// abort are recorded.
    fn effects(&mut self, records: impl Iterator<Item = Record>) {
        for record in records {
            match record {
                Record::Execution {
                    at,
                    thing: k,
                    to,
                    retry_attempt,
                } => {
                    if let Some(s) = self.status.get_mut(k) {
                        *s = Some(to);
                    }
                    match to {
                        ExecutionStatus::Queued => self.notified(k, at, retry_attempt),
                        ExecutionStatus::Succeeded => self.set_time(1, k, at),
                        ExecutionStatus::Failed => self.set_time(2, k, at),
                        _ => {}
                    }
                }
                Record::Other(timed) => {
                    let at = timed.at;
                    match timed.effect {
                        Effect::JobAborted { .. } => {
                            self.exposed = Some(self.notified);
                            let dt = at.saturating_sub(self.sim.created_at);
                            self.aborted_at = Some(u64::try_from(dt).unwrap_or(0));
                        }
                        Effect::JobStatusChanged {
                            to: JobStatus::Completed | JobStatus::Canceled,
                            ..
                        } => {
                            let dt = at.saturating_sub(self.sim.created_at);
                            self.completion = Some(u64::try_from(dt).unwrap_or(0));
                        }
                        _ => {}
                    }
                }
            }
        }
    }

    /// Sets thing `k`'s time in curve `curve` to `at`.
    fn set_time(&mut self, curve: usize, k: usize, at: i64) {
        if let Some(t) = self.times.get_mut(curve).and_then(|t| t.get_mut(k)) {
            *t = at;
        }
    }

    /// Thing `k` was notified at `at`: draws its attempt and schedules it.
    fn notified(&mut self, k: usize, at: i64, retry_attempt: u32) {
        if let Some(t) = self.times.first_mut().and_then(|t| t.get_mut(k)) {
            if *t == NEVER {
                *t = at;
                self.notified += 1;
            }
        }
        // A retried FAILED attempt is no FAILED thing.
        self.set_time(2, k, NEVER);
        if retry_attempt > 0 {
            self.retries += 1;
        }
        let Some(g) = self.generation.get_mut(k) else {
            return;
        };
        *g = g.wrapping_add(1);
        let generation = *g;
        let Some(&b) = self.who.get(k) else {
            return;
        };
        let outcomes = if retry_attempt == 0 {
            &b.outcomes
        } else {
            &b.retry_outcomes
        };
        let outcome = outcomes.pick(self.rng.next_f64());
        let report = match outcome {
            Outcome::Offline => return,
            Outcome::TimedOut => None,
            Outcome::Succeeded => Some(DeviceStatus::Succeeded),
            Outcome::Failed => Some(DeviceStatus::Failed),
            Outcome::Rejected => Some(DeviceStatus::Rejected),
        };
        let pick_up = b.pick_up.sample(&mut self.rng);
        let run = if report.is_some() {
            b.run.sample(&mut self.rng)
        } else {
            0
        };
        if let Some(p) = self.plan.get_mut(k) {
            *p = Plan { report, run };
        }
        self.schedule(at.saturating_add(pick_up), k, generation, false);
    }
}

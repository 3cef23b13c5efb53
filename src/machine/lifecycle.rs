//! The lifecycle of executions and of the job: counters, queueing, terminal
//! outcomes with retry and abort, cancellation and completion.

use super::config::FailureType;
use super::{
    Effect, Exec, Fx, Job, JobStatus, Selection, St, FORCE_CANCELED, LEFT, NO_DEADLINE, NO_TIME,
};

impl Job {
    pub(super) fn count(&self, s: St) -> u64 {
        self.counts.get(s as usize).copied().unwrap_or(0)
    }

    pub(super) fn bump(&mut self, s: St, by: u64) {
        if let Some(c) = self.counts.get_mut(s as usize) {
            *c = c.saturating_add(by);
        }
    }

    pub(super) fn st(&self, i: usize) -> St {
        self.execs.get(i).map_or(St::Pending, |e| e.status)
    }

    pub(super) fn set_st(&mut self, i: usize, to: St) {
        let Some(e) = self.execs.get_mut(i) else {
            return;
        };
        let from = e.status;
        e.status = to;
        if let Some(c) = self.counts.get_mut(from as usize) {
            *c = c.saturating_sub(1);
        }
        if let Some(c) = self.counts.get_mut(to as usize) {
            *c += 1;
        }
    }

    pub(super) fn effect(&self, i: usize, from: Option<St>, rule: &'static str) -> Effect {
        let e = self.execs.get(i).copied().unwrap_or(Exec::PENDING);
        Effect::ExecutionStatusChanged {
            thing: self.names.get(i).unwrap_or_default().to_owned(),
            from: from.and_then(St::public),
            to: e.public_status(),
            execution_number: (e.execution_number > 0).then_some(e.execution_number),
            retry_attempt: e.retry_attempt(),
            force_canceled: e.flags & FORCE_CANCELED != 0,
            rule,
        }
    }

    /// E1 / E15 / R-3: a new execution, QUEUED; the device is notified.
    pub(super) fn queue_new(&mut self, i: usize, t: i64, rule: &'static str, fx: &mut Fx) {
        self.set_deadline(i, NO_DEADLINE);
        let Some(e) = self.execs.get_mut(i) else {
            return;
        };
        e.execution_number = e.execution_number.saturating_add(1);
        e.version = 1;
        e.queued_at = t;
        e.started_at = NO_TIME;
        e.timeout_minutes = 0;
        e.last_updated_at = t;
        // a new execution starts with a fresh retry counter.
        e.failed_retries = 0;
        e.timed_out_retries = 0;
        e.flags = 0;
        self.set_st(i, St::Queued);
        fx.execution(self, i, None, rule);
    }

    /// A terminal outcome (E4, E5, E6), then retry (E12 / R-13), abort
    /// and completion (J6).
    pub(super) fn outcome(&mut self, i: usize, to: St, t: i64, rule: &'static str, fx: &mut Fx) {
        self.end(i, to, t, rule, fx);
        // A job paused between maintenance windows (SCHEDULED, J4) still
        // retries and counts outcomes: its executions run on.
        let running = matches!(self.status, JobStatus::InProgress | JobStatus::Scheduled);
        if matches!(to, St::Failed | St::TimedOut) && running {
            let timed_out = to == St::TimedOut;
            let retry = self.retry;
            let may = self.execs.get(i).is_some_and(|e| {
                e.flags & LEFT == 0
                    && retry.allows(timed_out, e.failed_retries, e.timed_out_retries)
            });
            if may {
                // E12 / R-13 / R-14 (mechanism unconfirmed): the same execution
                // goes back to QUEUED at once with retryAttempt + 1; the
                // intermediate outcome is not counted and does not feed abort.
                if let Some(e) = self.execs.get_mut(i) {
                    if timed_out {
                        e.timed_out_retries = e.timed_out_retries.saturating_add(1);
                    } else {
                        e.failed_retries = e.failed_retries.saturating_add(1);
                    }
                    e.version = e.version.saturating_add(1);
                    e.queued_at = t;
                    e.started_at = NO_TIME;
                    e.timeout_minutes = 0;
                }
                self.set_st(i, St::Queued);
                fx.execution(self, i, Some(to), "E12");
                return;
            }
        }
        if to == St::Succeeded {
            self.succeeded_total = self.succeeded_total.saturating_add(1);
        }
        self.check_abort(t, fx);
        self.check_complete(t, fx);
    }

    /// Moves execution `i` to the terminal status `to` at `t` under `rule`:
    /// its timer stops, its version goes up and the effect is pushed. An
    /// IN_PROGRESS execution that is canceled is marked force-canceled.
    pub(super) fn end(&mut self, i: usize, to: St, t: i64, rule: &'static str, fx: &mut Fx) {
        let from = self.st(i);
        self.set_deadline(i, NO_DEADLINE);
        if let Some(e) = self.execs.get_mut(i) {
            e.version = e.version.saturating_add(1);
            e.last_updated_at = t;
            if to == St::Canceled && from == St::InProgress {
                e.flags |= FORCE_CANCELED;
            }
        }
        self.set_st(i, to);
        fx.execution(self, i, Some(from), rule);
    }

    /// Cancels one QUEUED (E7) or, with `force`, IN_PROGRESS (E8) execution.
    pub(super) fn cancel_one(&mut self, i: usize, t: i64, rule: &'static str, fx: &mut Fx) {
        self.end(i, St::Canceled, t, rule, fx);
    }

    /// Cancels every QUEUED execution (pending retries included) under
    /// `rule_queued` and, with `force`, every IN_PROGRESS one under
    /// `rule_forced`. Visits every execution once.
    pub(super) fn cancel_all(
        &mut self,
        t: i64,
        force: bool,
        (rule_queued, rule_forced): (&'static str, &'static str),
        fx: &mut Fx,
    ) {
        if self.count(St::Queued) == 0 && (!force || self.count(St::InProgress) == 0) {
            return;
        }
        for i in 0..self.execs.len() {
            match self.st(i) {
                St::Queued => self.cancel_one(i, t, rule_queued, fx),
                St::InProgress if force => self.cancel_one(i, t, rule_forced, fx),
                _ => {}
            }
        }
    }

    pub(super) fn set_job_status(
        &mut self,
        to: JobStatus,
        t: i64,
        rule: &'static str,
        fx: &mut Fx,
    ) {
        let from = self.status;
        self.status = to;
        self.last_updated_at = t;
        if matches!(to, JobStatus::Completed | JobStatus::Canceled) {
            self.completed_at = Some(t);
        }
        if to != JobStatus::InProgress {
            self.window_end = None; // J4: only a rolling-out job is in a window
        }
        fx.push(Effect::JobStatusChanged {
            from: Some(from),
            to,
            rule,
        });
    }

    /// J6 (SNAPSHOT: every execution terminal after its retries), J7
    /// (CONTINUOUS never completes), J8 (decision: after `endTime`, any job
    /// completes once nothing is QUEUED or IN_PROGRESS; so does a job whose
    /// endTime came while it was SCHEDULED between maintenance windows).
    pub(super) fn check_complete(&mut self, t: i64, fx: &mut Fx) {
        let ended_scheduled = self.status == JobStatus::Scheduled && self.ended;
        if self.status != JobStatus::InProgress && !ended_scheduled {
            return;
        }
        if self.selection == Selection::Continuous && !self.ended {
            return; // J7
        }
        let rollout_done = self.ended || self.cursor >= self.rollout_len;
        let active = self.count(St::Queued) + self.count(St::InProgress);
        if rollout_done && active == 0 {
            let rule = if self.selection == Selection::Continuous {
                "J8"
            } else {
                "J6"
            };
            self.set_job_status(JobStatus::Completed, t, rule, fx);
        }
    }

    /// after a terminal outcome, the first criterion whose
    /// minimum is reached and whose failure share is at least its threshold
    /// aborts the job (J10, R-9).
    ///
    /// Decision (the choice recorded under rule `R-7` of the catalogue):
    /// "executed" counts executions whose final outcome is SUCCEEDED,
    /// FAILED, REJECTED or TIMED_OUT (not CANCELED or REMOVED, not retried
    /// attempts). The share is compared exactly in integers:
    /// `matched × 10000 ≥ threshold_hundredths × executed`.
    /// A job paused between maintenance windows (SCHEDULED after J4) is
    /// checked too: its executions' outcomes still count.
    pub(super) fn check_abort(&mut self, t: i64, fx: &mut Fx) {
        let running = matches!(self.status, JobStatus::InProgress | JobStatus::Scheduled);
        if !running || self.abort.is_empty() {
            return;
        }
        let (succ, failed, rej, to) = (
            self.count(St::Succeeded),
            self.count(St::Failed),
            self.count(St::Rejected),
            self.count(St::TimedOut),
        );
        let executed = succ + failed + rej + to;
        let hit = self.abort.iter().find_map(|cr| {
            if executed == 0 || executed < cr.min_executed {
                return None;
            }
            let matched = match cr.failure_type {
                FailureType::Failed => failed,
                FailureType::Rejected => rej,
                FailureType::TimedOut => to,
                FailureType::All => failed + rej + to,
            };
            let lhs = i128::from(matched) * 10_000;
            let rhs = i128::from(cr.threshold_hundredths) * i128::from(executed);
            (lhs >= rhs).then(|| (cr.clone(), matched))
        });
        let Some((cr, matched)) = hit else { return };
        let th = cr.threshold_hundredths;
        // Decision (the service's own text is not documented): a fixed
        // reasonCode and a comment naming the criterion.
        let reason_code = String::from("ABORT_CRITERIA_MET");
        let comment = format!(
            "job aborted: {matched} of {executed} executed things ended {} (threshold {}.{:02}%, minimum {} executed)",
            cr.failure_type_name,
            th / 100,
            (th % 100).abs(),
            cr.min_executed
        );
        fx.push(Effect::JobAborted {
            failure_type: cr.failure_type_name.clone(),
            executed,
            matched,
            reason_code: reason_code.clone(),
            comment: comment.clone(),
            rule: "R-7",
        });
        self.reason_code = Some(reason_code);
        self.comment = Some(comment);
        self.set_job_status(JobStatus::Canceled, t, "J10", fx);
        self.next_slot = None;
        self.start_at = None; // a job paused between windows waits no more
                              // R-9 / E7 / E9: only QUEUED executions (and pending retries) are canceled.
        self.cancel_all(t, false, ("R-9", "R-9"), fx);
    }
}

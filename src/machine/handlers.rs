//! The event handlers: a device's status update, CancelJob,
//! CancelJobExecution, DeleteJob, UpdateJob, and a thing joining or leaving
//! a target group. Each checks first and changes the state only when the
//! event is accepted.

use super::config::Configs;
use super::input::UPDATABLE;
use super::names::check_thing_name;
use super::{
    deadline_after, err, DeviceStatus, Effect, ErrorCode, Exec, ExecutionStatus, Fx, Job,
    JobStatus, MachineError, Selection, St, FORCE_CANCELED, LEFT, NO_DEADLINE, REJOINED,
};
use crate::validate::primitive::Pattern;
use crate::validate::shapes::cancel::{COMMENT_MAX, REASON_CODE_MAX};
use crate::validate::shapes::timeout::{IN_PROGRESS_TIMEOUT_MAX, IN_PROGRESS_TIMEOUT_MIN};
use crate::validate::time::MINUTE_MS;
use crate::{validate_value, Operation, Options};
use serde_json::Value;

impl Job {
    /// The index and status of the execution on `thing`, for an
    /// execution-level call (J11/J14: none while the job is being deleted).
    fn execution_of(&self, thing: &str) -> Result<(usize, St), MachineError> {
        let i = self.thing_index(thing)?;
        Ok((i, self.execution_at(i)?))
    }

    /// The index of `thing`, for an execution-level call (J11/J14: none
    /// while the job is being deleted).
    fn thing_index(&self, thing: &str) -> Result<usize, MachineError> {
        self.ensure_not_deleting()?;
        self.names
            .find(thing)
            .ok_or_else(|| self.no_execution(thing))
    }

    /// The status of the execution of thing `i`, for an execution-level
    /// call (J11/J14: none while the job is being deleted).
    fn execution_at(&self, i: usize) -> Result<St, MachineError> {
        self.ensure_not_deleting()?;
        match self.execs.get(i) {
            Some(e) if e.execution_number > 0 => Ok(e.status),
            _ => Err(self.no_execution(self.name(i))),
        }
    }

    /// The name of thing `i` (empty for no such thing).
    fn name(&self, i: usize) -> &str {
        self.names.get(i).unwrap_or_default()
    }

    fn no_execution(&self, thing: &str) -> MachineError {
        err(
            ErrorCode::ResourceNotFound,
            "E1",
            format!("job `{}` has no execution on thing `{thing}`", self.job_id),
        )
    }

    fn check_version(
        &self,
        i: usize,
        expected: Option<i64>,
        rule: &'static str,
    ) -> Result<(), MachineError> {
        let v = self.execs.get(i).map_or(0, |e| e.version);
        match expected {
            Some(x) if x != i64::from(v) => Err(err(
                ErrorCode::VersionConflict,
                rule,
                format!("expected version {x} but the execution is at version {v}"),
            )),
            _ => Ok(()),
        }
    }

    /// J11/J14: a job being deleted answers ResourceNotFound to execution-level calls.
    fn ensure_not_deleting(&self) -> Result<(), MachineError> {
        if self.status == JobStatus::DeletionInProgress {
            return Err(err(
                ErrorCode::ResourceNotFound,
                "J11",
                format!("job `{}` is being deleted", self.job_id),
            ));
        }
        Ok(())
    }

    pub(super) fn device_update(
        &mut self,
        at: i64,
        thing: &str,
        status: DeviceStatus,
        step: Option<i64>,
        expected: Option<i64>,
        fx: &mut Fx,
    ) -> Result<(), MachineError> {
        let i = self.thing_index(thing)?;
        self.device_update_at(at, i, status, step, expected, fx)
    }

    /// [`Job::device_update`] on thing `i` (by index, as the simulator
    /// sends it).
    pub(super) fn device_update_at(
        &mut self,
        at: i64,
        i: usize,
        status: DeviceStatus,
        step: Option<i64>,
        expected: Option<i64>,
        fx: &mut Fx,
    ) -> Result<(), MachineError> {
        let cur = self.execution_at(i)?;
        if cur.is_terminal() {
            let forced = self
                .execs
                .get(i)
                .is_some_and(|e| e.flags & FORCE_CANCELED != 0);
            return Err(err(
                ErrorCode::InvalidStateTransition,
                "E13",
                format!(
                    "the execution on `{}` is {}{}; a terminal execution cannot be updated",
                    self.name(i),
                    cur.public().map_or("", ExecutionStatus::as_str),
                    if forced { " (force-canceled)" } else { "" }
                ),
            ));
        }
        self.check_version(i, expected, "R-23")?;
        if let Some(s) = step {
            // UpdateJobExecution documents the range of the in-progress timeout.
            if s != -1 && !(IN_PROGRESS_TIMEOUT_MIN..=IN_PROGRESS_TIMEOUT_MAX).contains(&s) {
                return Err(err(
                    ErrorCode::InvalidRequest,
                    "R-12",
                    format!(
                        "stepTimeoutInMinutes `{s}` is outside \
                         {IN_PROGRESS_TIMEOUT_MIN}..={IN_PROGRESS_TIMEOUT_MAX} and is not -1"
                    ),
                ));
            }
        }
        // The new deadline, from the in-progress deadline and the current one.
        let new_deadline = |ip: i64, old: i64| match step {
            None => old,
            Some(-1) => ip, // R-12: -1 removes the step timer
            Some(m) => deadline_after(at, m * MINUTE_MS).min(ip), // replaces, capped
        };
        match (cur, status) {
            (St::Queued, DeviceStatus::InProgress) => {
                // E2; R-11: the in-progress timer of the job's current
                // timeoutConfig starts now (V-32: later changes do not move it).
                let timeout = self.timeout_minutes;
                let mut ip = NO_DEADLINE;
                if let Some(e) = self.execs.get_mut(i) {
                    e.started_at = at;
                    e.timeout_minutes = timeout;
                    e.last_updated_at = at;
                    e.version = e.version.saturating_add(1);
                    ip = e.ip_deadline();
                }
                self.set_st(i, St::InProgress);
                self.set_deadline(i, new_deadline(ip, ip));
                fx.execution(self, i, Some(cur), "E2");
            }
            (St::InProgress, DeviceStatus::InProgress) => {
                // E3: status details / a new step timer.
                let ip = self.execs.get(i).map_or(NO_DEADLINE, Exec::ip_deadline);
                let old = self.deadline(i);
                if let Some(e) = self.execs.get_mut(i) {
                    e.last_updated_at = at;
                    e.version = e.version.saturating_add(1);
                }
                self.set_deadline(i, new_deadline(ip, old));
                fx.execution(self, i, Some(cur), "E3");
            }
            (St::Queued, s) => {
                // E5: REJECTED straight from QUEUED, as documented, and, the
                // choice E5 records, SUCCEEDED/FAILED too.
                self.outcome(i, St::from_public(s.execution_status()), at, "E5", fx);
            }
            (_, s) => self.outcome(i, St::from_public(s.execution_status()), at, "E4", fx),
        }
        Ok(())
    }

    pub(super) fn cancel_job(
        &mut self,
        at: i64,
        force: bool,
        reason_code: Option<String>,
        comment: Option<String>,
        fx: &mut Fx,
    ) -> Result<(), MachineError> {
        if let Some(r) = &reason_code {
            if !Pattern::ReasonCode.matches(r) || r.chars().count() > REASON_CODE_MAX {
                return Err(err(
                    ErrorCode::InvalidRequest,
                    "R-16",
                    format!("reasonCode `{r}` must be 1..={REASON_CODE_MAX} characters of upper-case letters, digits and `_`"),
                ));
            }
        }
        if let Some(c) = &comment {
            if !Pattern::NoControl.matches(c) || c.chars().count() > COMMENT_MAX {
                return Err(err(
                    ErrorCode::InvalidRequest,
                    "R-16",
                    format!(
                        "comment must be 1..={COMMENT_MAX} characters without control characters"
                    ),
                ));
            }
        }
        match self.status {
            JobStatus::DeletionInProgress => Err(err(
                ErrorCode::InvalidStateTransition,
                "J14",
                format!("job `{}` is being deleted", self.job_id),
            )),
            JobStatus::Completed => Err(err(
                ErrorCode::InvalidStateTransition,
                "J9",
                format!("job `{}` is COMPLETED", self.job_id),
            )),
            JobStatus::Canceled if !force => Err(err(
                ErrorCode::InvalidStateTransition,
                "J9",
                format!(
                    "job `{}` is already CANCELED; only a forced cancel can follow",
                    self.job_id
                ),
            )),
            JobStatus::Canceled => {
                // Decision: a forced cancel of a CANCELED job force-cancels the
                // executions still IN_PROGRESS (E8).
                self.force_canceled = true;
                if reason_code.is_some() {
                    self.reason_code = reason_code;
                }
                if comment.is_some() {
                    self.comment = comment;
                }
                self.last_updated_at = at;
                self.cancel_all(at, true, ("E7", "E8"), fx);
                Ok(())
            }
            JobStatus::Scheduled | JobStatus::InProgress => {
                // J9 (from SCHEDULED: decision, unconfirmed); R-16.
                self.force_canceled = force;
                self.reason_code = reason_code;
                self.comment = comment;
                self.next_slot = None;
                self.start_at = None;
                self.set_job_status(JobStatus::Canceled, at, "J9", fx);
                // E7 for QUEUED; E8 for IN_PROGRESS with force; E9 otherwise.
                self.cancel_all(at, force, ("E7", "E8"), fx);
                Ok(())
            }
        }
    }

    pub(super) fn cancel_execution(
        &mut self,
        at: i64,
        thing: &str,
        force: bool,
        expected: Option<i64>,
        fx: &mut Fx,
    ) -> Result<(), MachineError> {
        let (i, cur) = self.execution_of(thing)?;
        if cur.is_terminal() {
            return Err(err(
                ErrorCode::InvalidStateTransition,
                "E14",
                format!(
                    "the execution on `{thing}` is {} and cannot be canceled",
                    cur.public().map_or("", ExecutionStatus::as_str)
                ),
            ));
        }
        self.check_version(i, expected, "R-17")?;
        if cur == St::InProgress && !force {
            return Err(err(
                ErrorCode::InvalidStateTransition,
                "E10",
                format!("the execution on `{thing}` is IN_PROGRESS; cancel it with force"),
            ));
        }
        self.cancel_one(i, at, if cur == St::InProgress { "E8" } else { "E7" }, fx);
        self.check_complete(at, fx);
        Ok(())
    }

    pub(super) fn delete_job(
        &mut self,
        at: i64,
        force: bool,
        fx: &mut Fx,
    ) -> Result<(), MachineError> {
        let rule = match self.status {
            JobStatus::DeletionInProgress => {
                return Err(err(
                    ErrorCode::InvalidStateTransition,
                    "J14",
                    format!("job `{}` is already being deleted", self.job_id),
                ))
            }
            JobStatus::Completed | JobStatus::Canceled => "J11",
            JobStatus::InProgress | JobStatus::Scheduled if force => "J12",
            JobStatus::InProgress | JobStatus::Scheduled => {
                return Err(err(
                    ErrorCode::InvalidStateTransition,
                    "J13",
                    format!(
                        "job `{}` is {}; delete it with force",
                        self.job_id, self.status
                    ),
                ))
            }
        };
        // the job and its executions are deleted; the model freezes the
        // executions as they were and stops every timer.
        self.next_slot = None;
        self.start_at = None;
        self.clear_deadlines();
        self.set_job_status(JobStatus::DeletionInProgress, at, rule, fx);
        fx.push(Effect::JobDeleted { rule: "R-18" });
        Ok(())
    }

    pub(super) fn update_job(
        &mut self,
        at: i64,
        request: &Value,
        fx: &mut Fx,
    ) -> Result<(), MachineError> {
        if self.status == JobStatus::DeletionInProgress {
            return Err(err(
                ErrorCode::ResourceNotFound,
                "V-33",
                format!("job `{}` is being deleted", self.job_id),
            ));
        }
        let opts = Options {
            api: self.api,
            profile: self.profile,
            now_ms: Some(at),
        };
        let report = validate_value(Operation::UpdateJob, request, &opts);
        if !report.is_valid() {
            return Err(MachineError::invalid_request(&report, "UpdateJob"));
        }
        // Validated: `jobId` is a string.
        let id = request
            .get("jobId")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if id != self.job_id {
            return Err(err(
                ErrorCode::ResourceNotFound,
                "V-30",
                format!("no job `{id}`; this job is `{}`", self.job_id),
            ));
        }
        // V-30: only these members change. V-33 (decision): allowed in any
        // status but DELETION_IN_PROGRESS.
        let mut fields = Vec::new();
        for key in UPDATABLE {
            if let Some(v) = request.get(key) {
                self.echo.insert(key.to_owned(), v.clone());
                fields.push(key.to_owned());
            }
        }
        // Rollout: from the next slot. Abort: from the next terminal outcome.
        // Timeout (V-32): only executions that start after. Retry (V-31):
        // from the next failure.
        let c = Configs::from_echo(&self.echo);
        self.rollout = c.rollout;
        self.abort = c.abort;
        self.timeout_minutes = c.timeout_minutes;
        self.retry = c.retry;
        self.last_updated_at = at;
        fx.push(Effect::JobUpdated {
            fields,
            rule: "V-30",
        });
        Ok(())
    }

    pub(super) fn thing_added(
        &mut self,
        at: i64,
        thing: &str,
        fx: &mut Fx,
    ) -> Result<(), MachineError> {
        check_thing_name(thing, "V-34")?;
        // Decision: a SNAPSHOT job's targets were fixed at creation, so a
        // membership change adds nothing; a deleting job ignores it.
        if self.selection == Selection::Snapshot || self.status == JobStatus::DeletionInProgress {
            return Ok(());
        }
        let live = self.status == JobStatus::InProgress && !self.ended;
        // SCHEDULED: before its start, or paused between maintenance
        // windows (J4), a joiner waits for the rollout; after endTime none.
        let scheduled = self.status == JobStatus::Scheduled && !self.ended;
        match self.names.find(thing) {
            None if live || scheduled => {
                let Some(i) = self.names.push(thing) else {
                    return Err(err(ErrorCode::InvalidRequest, "V-7", "too many things"));
                };
                self.execs.push(Exec::PENDING);
                self.bump(St::Pending, 1);
                if live {
                    self.queue_new(i, at, "R-3", fx); // at once, outside the rollout rate
                }
            }
            None => {}
            Some(i) => match self.st(i) {
                St::Removed if live => self.queue_new(i, at, "E15", fx), // E15, R-15
                St::Removed if scheduled => {
                    let notified = self.execs.get(i).is_some_and(|e| e.execution_number > 0);
                    if notified {
                        // Paused between windows (J4): the REMOVED execution
                        // stays terminal; a new one comes at the next window
                        // start (E15, `fire_start`).
                        if let Some(e) = self.execs.get_mut(i) {
                            e.flags |= REJOINED;
                        }
                    } else {
                        // Never notified (before the start): back in the rollout.
                        self.set_st(i, St::Pending);
                    }
                }
                St::InProgress => {
                    // re-joining resets the retry counter (and lifts
                    // the cancellation of its remaining retries).
                    if let Some(e) = self.execs.get_mut(i) {
                        e.flags &= !LEFT;
                        e.failed_retries = 0;
                        e.timed_out_retries = 0;
                    }
                }
                _ => {}
            },
        }
        Ok(())
    }

    pub(super) fn thing_removed(&mut self, at: i64, thing: &str, fx: &mut Fx) {
        if self.status == JobStatus::DeletionInProgress {
            return;
        }
        let Some(i) = self.names.find(thing) else {
            return;
        };
        match self.st(i) {
            St::Removed => {
                // Left again before the next window start: no new execution.
                if let Some(e) = self.execs.get_mut(i) {
                    e.flags &= !REJOINED;
                }
            }
            St::Pending => {
                // Not notified yet: no longer scheduled to execute.
                self.set_st(i, St::Removed);
                if let Some(e) = self.execs.get_mut(i) {
                    e.last_updated_at = at;
                }
                fx.execution(self, i, None, "E11");
            }
            St::Queued => {
                // E11 (and R-15: a queued retry is dropped with it).
                self.end(i, St::Removed, at, "E11", fx);
                self.check_complete(at, fx);
            }
            St::InProgress if self.selection == Selection::Continuous => {
                // E11 for IN_PROGRESS is unconfirmed. Decision: it runs on;
                // its remaining retries are canceled.
                if let Some(e) = self.execs.get_mut(i) {
                    if e.flags & LEFT == 0 {
                        e.flags |= LEFT;
                        fx.push(Effect::RetriesCanceled {
                            thing: thing.to_owned(),
                            rule: "R-15",
                        });
                    }
                }
            }
            _ => {}
        }
    }
}

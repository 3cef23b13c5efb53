//! The transition function: a deterministic, sans-IO model of a job and its
//! executions under rollout, timeout, retry and abort.
//!
//! There is no clock, no randomness and no I/O: time is an argument (epoch
//! milliseconds), events come in one at a time, effects come out, and
//! [`Job::next_deadline`] says when time next matters. The state is a plain
//! value; [`Job::to_snapshot`] and [`Job::from_snapshot`] round-trip it
//! exactly, and the same events give the same JSON bit for bit.
//!
//! Each rule is tagged with its id in the crate's rule catalogue (`J1`..`J14`
//! job transitions, `E1`..`E15` execution transitions, `R-1`..`R-23` runtime
//! rules; `iot-jobs-policy rules` lists them with their statement and
//! source), both in the code and in the `rule` member of every effect and
//! of every error that is AWS behaviour: rule `J3` of the catalogue is the
//! scheduled start, for instance. The machine's own refusals (a bad or
//! backward time, a pending deadline, an invalid snapshot) carry no `rule`.
//!
//! ```
//! use iot_jobs_policy::machine::{Event, DeviceStatus, Job, JobStatus};
//! use iot_jobs_policy::types::CreateJobRequest;
//! use iot_jobs_policy::Options;
//! let request = CreateJobRequest {
//!     job_id: "job-1".into(),
//!     targets: vec!["arn:aws:iot:us-east-1:123456789012:thing/t1".into()],
//!     document: Some("{}".into()),
//!     ..Default::default()
//! };
//! let (mut job, _effects) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
//! let start = Event::DeviceUpdate { thing: "t1".into(), status: DeviceStatus::InProgress,
//!     step_timeout_in_minutes: None, expected_version: None };
//! let (_effects, error) = job.step(1_000, start); // advance to 1_000, then apply
//! assert!(error.is_none());
//! let done = Event::DeviceUpdate { thing: "t1".into(), status: DeviceStatus::Succeeded,
//!     step_timeout_in_minutes: None, expected_version: None };
//! let (_effects, error) = job.step(2_000, done);
//! assert!(error.is_none());
//! assert_eq!(job.status(), JobStatus::Completed);
//! ```
//!
//! Scale: executions live in a `Vec` indexed by thing index, names in one
//! buffer with an open-addressing index, counters are kept incrementally,
//! execution timers sit in a binary heap of `(deadline, thing index)` with
//! lazy deletion and the rollout is a cursor into the target order; one
//! device event costs O(log n) (amortized). Whole-job operations (cancel, abort, delete) visit every
//! execution once.

// The rooms: `exec` (one execution's record), `timers` (the deadline table
// and the `fire_*` functions), `handlers` (one function per event),
// `lifecycle` (queueing, outcomes with retry and abort, cancellation,
// completion), `targets` and `input` (what `create` reads, through the
// typed requests of `crate::types`), `config` (the configurations acted on),
// `names` (the thing-name table), `views` (AWS-shaped responses),
// `windows` (maintenance windows: J2..J4, R-5) and `snapshot`. The
// JSON-text surface and the scenario runner are the boundary's
// (`crate::ffi::machine`, `crate::ffi::replay`); `text` is kept here as a
// name for `ffi::machine`, its public path since 0.1.0.
mod config;
mod exec;
mod handlers;
mod input;
mod lifecycle;
mod names;
#[cfg(test)]
mod sink_tests;
pub(crate) mod snapshot;
mod targets;
mod timers;
mod types;
mod views;
mod windows;

pub use crate::ffi::machine as text;
pub use input::CreateJobInput;
pub use snapshot::SNAPSHOT_FORMAT;
pub use targets::{request_targets, resolve_things};
pub use types::{
    DeviceStatus, Effect, ErrorCode, Event, ExecutionStatus, JobStatus, MachineError,
    RequestViolation, TimedEffect,
};
pub use views::{
    Counts, DescribeJobResponse, ExecutionSummary, Inspection, JobDescription, JobExecutionSummary,
    JobExecutionSummaryForJob, JobExecutionSummaryForThing, JobProcessDetails,
    ListJobExecutionsForJobResponse, ListJobExecutionsForThingResponse, ScheduledJobRollout,
    Timestamp, DEFAULT_MAX_RESULTS,
};

use crate::types::TargetSelection;
use crate::validate::bounds::{out_of_range, time_after, time_in_range};
use crate::{validate_value, ApiVersion, Operation, Options, Profile};
use config::{AbortCriterion, EndBehavior, Retry, Rollout};
pub(crate) use exec::{Exec, St, ALL_FLAGS, FORCE_CANCELED, LEFT, REJOINED};
/// The one thing-name rule, for the simulator's fleet.
pub(crate) use names::valid_thing_name;
use names::{check_thing_name, Names};
use serde_json::Value;
use std::collections::BTreeMap;
use timers::Timers;

/// The largest time the machine accepts (the JavaScript `Date` range, so
/// every time is exact in JS too): 8.64e15 ms. The one time-bounds rule,
/// shared with the validator's `now` option; a deadline that would pass it
/// is "never" (no deadline).
pub const MAX_TIME_MS: i64 = crate::validate::bounds::MAX_TIME_MS;

/// No timestamp (`queuedAt`, `startedAt`, ... not set).
pub(crate) const NO_TIME: i64 = i64::MIN;
/// No deadline.
pub(crate) const NO_DEADLINE: i64 = i64::MAX;

/// `targetSelection`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Selection {
    Snapshot,
    Continuous,
}

impl Selection {
    /// As the typed `targetSelection`, whose `as_str` is the one spelling
    /// of its names.
    pub(crate) fn typed(self) -> TargetSelection {
        match self {
            Selection::Snapshot => TargetSelection::Snapshot,
            Selection::Continuous => TargetSelection::Continuous,
        }
    }

    /// From a typed `targetSelection`: `CONTINUOUS`, `SNAPSHOT`, or `None`
    /// for any other value.
    pub(crate) fn from_typed(t: &TargetSelection) -> Option<Selection> {
        match t {
            TargetSelection::Continuous => Some(Selection::Continuous),
            TargetSelection::Snapshot => Some(Selection::Snapshot),
            _ => None,
        }
    }
}

/// A job and all its executions.
#[derive(Debug, Clone)]
pub struct Job {
    pub(crate) api: ApiVersion,
    pub(crate) profile: Profile,
    pub(crate) job_id: String,
    pub(crate) job_arn: String,
    /// `arn:aws:iot:<region>:<account>:` of the targets, for `thingArn`.
    pub(crate) arn_prefix: String,
    pub(crate) selection: Selection,
    pub(crate) targets: Vec<String>,
    /// Request members echoed by DescribeJob (configs as last set).
    pub(crate) echo: BTreeMap<String, Value>,
    pub(crate) rollout: Rollout,
    pub(crate) abort: Vec<AbortCriterion>,
    /// `inProgressTimeoutInMinutes` (0 = none), for attempts that start now.
    pub(crate) timeout_minutes: u32,
    pub(crate) retry: Retry,
    pub(crate) start_at: Option<i64>,
    pub(crate) end_at: Option<i64>,
    pub(crate) end_behavior: EndBehavior,
    pub(crate) ended: bool,
    pub(crate) status: JobStatus,
    pub(crate) force_canceled: bool,
    pub(crate) reason_code: Option<String>,
    pub(crate) comment: Option<String>,
    pub(crate) created_at: i64,
    pub(crate) last_updated_at: i64,
    pub(crate) completed_at: Option<i64>,
    pub(crate) now: i64,
    pub(crate) names: Names,
    pub(crate) execs: Vec<Exec>,
    /// Things covered by the rollout (the target list when the job started).
    pub(crate) rollout_len: usize,
    /// Next thing the rollout looks at.
    pub(crate) cursor: usize,
    /// Things notified by the rollout so far (R-2).
    pub(crate) notified: u64,
    /// Executions that ever ended SUCCEEDED (R-2).
    pub(crate) succeeded_total: u64,
    pub(crate) next_slot: Option<i64>,
    /// Things per internal status, indexed by `St as usize`.
    pub(crate) counts: [u64; 9],
    /// `(deadline, thing index)` of every IN_PROGRESS execution with a timer.
    pub(crate) timers: Timers,
    /// `schedulingConfig.maintenanceWindows` (J2..J4), read from the request.
    pub(crate) windows: Vec<windows::Window>,
    /// The end of the current maintenance window while the job rolls out
    /// inside one (J4); `None` otherwise or when it never ends.
    pub(crate) window_end: Option<i64>,
}

pub(crate) fn err(code: ErrorCode, rule: &'static str, message: impl Into<String>) -> MachineError {
    MachineError::new(code, rule, message)
}

fn check_time(at: i64) -> Result<(), MachineError> {
    if time_in_range(at) {
        Ok(())
    } else {
        Err(MachineError::without_rule(
            ErrorCode::InvalidRequest,
            out_of_range(at),
        ))
    }
}

/// Where the machine's steps put their effects: each is stamped with the
/// time of the step that produced it (the event's time, or the time a
/// deadline fired), as it is pushed, so no effect is copied afterwards.
///
/// The public API collects [`TimedEffect`]s. The simulator's lean sink
/// ([`Fx::lean`]) records the same effects as [`Record`]s instead: an
/// execution's status change by thing index (no name is built), every
/// other effect as the public API returns it. The rules push to either the
/// same way; only the recording differs.
pub(crate) struct Fx {
    /// The public effects (always empty in a lean sink).
    out: Vec<TimedEffect>,
    /// The lean sink's records (always empty otherwise).
    records: Vec<Record>,
    lean: bool,
    at: i64,
}

/// Room reserved for the effects of an event other than an advance (a
/// device update has one or two; a retry or completion a few more).
const EVENT_EFFECTS: usize = 4;

/// An effect as the lean sink ([`Fx::lean`]) records it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Record {
    /// [`Effect::ExecutionStatusChanged`], the thing by its index.
    Execution {
        /// When it happened.
        at: i64,
        /// The thing's index (the job's thing order).
        thing: usize,
        /// The new status.
        to: ExecutionStatus,
        /// `retryAttempt` after the change.
        retry_attempt: u32,
    },
    /// Any other effect, as the public API returns it (rare: boxed so that
    /// a record stays small).
    Other(Box<TimedEffect>),
}

impl Fx {
    /// No effects yet; the next ones happen at `at`.
    fn new(at: i64) -> Fx {
        Fx {
            out: Vec::new(),
            records: Vec::new(),
            lean: false,
            at,
        }
    }

    /// [`Fx::new`] with room for the few effects an event other than an
    /// advance usually has (one allocation, no growth).
    fn for_event(at: i64, event: &Event) -> Fx {
        let mut fx = Fx::new(at);
        if !matches!(event, Event::Advance { .. }) {
            fx.out.reserve_exact(EVENT_EFFECTS);
        }
        fx
    }

    /// A lean sink (see [`Record`]), for the simulator; reused across
    /// steps through [`Fx::drain`].
    pub(crate) fn lean() -> Fx {
        Fx {
            lean: true,
            ..Fx::new(0)
        }
    }

    /// The effects pushed from now on happen at `at`.
    pub(crate) fn set_at(&mut self, at: i64) {
        self.at = at;
    }

    /// One more effect, at the current time.
    pub(crate) fn push(&mut self, effect: Effect) {
        let effect = TimedEffect {
            at: self.at,
            effect,
        };
        if self.lean {
            self.records.push(Record::Other(Box::new(effect)));
        } else {
            self.out.push(effect);
        }
    }

    /// Execution `i` of `job` changed from `from` to its current status
    /// under `rule`: [`Effect::ExecutionStatusChanged`], or in a lean sink
    /// its [`Record::Execution`].
    pub(crate) fn execution(&mut self, job: &Job, i: usize, from: Option<St>, rule: &'static str) {
        if self.lean {
            let e = job.execs.get(i).copied().unwrap_or(Exec::PENDING);
            self.records.push(Record::Execution {
                at: self.at,
                thing: i,
                to: e.public_status(),
                retry_attempt: e.retry_attempt(),
            });
        } else {
            self.out.push(TimedEffect {
                at: self.at,
                effect: job.effect(i, from, rule),
            });
        }
    }

    /// How many effects (or records) have been pushed.
    fn len(&self) -> usize {
        self.out.len() + self.records.len()
    }

    /// Forgets the effects (or records) pushed after the first `len`.
    fn truncate(&mut self, len: usize) {
        if self.lean {
            self.records.truncate(len);
        } else {
            self.out.truncate(len);
        }
    }

    /// Takes the records of a lean sink, in order, keeping its buffer for
    /// the next step.
    pub(crate) fn drain(&mut self) -> std::vec::Drain<'_, Record> {
        self.records.drain(..)
    }
}

/// `at + ms` (both epoch milliseconds), or no deadline ("never") when it
/// would pass [`MAX_TIME_MS`] (the one time-bounds rule).
pub(crate) fn deadline_after(at: i64, ms: i64) -> i64 {
    time_after(at, ms).unwrap_or(NO_DEADLINE)
}
impl Job {
    /// Creates a job from a CreateJob request, the resolved things (in
    /// target order; see [`resolve_things`]) and the creation time, and
    /// returns it with the effects of creation (J1 or J2, and the first
    /// rollout slot, which is due at once), each timed at `created_at_ms`.
    /// A job with maintenance windows is SCHEDULED (J2) unless its creation
    /// falls inside one.
    ///
    /// The request is validated under `options` (API version and profile);
    /// when `options.now_ms` is `None` the creation time is used as "now".
    /// Executions are keyed by thing name; duplicates keep their first place.
    ///
    /// The request is the typed
    /// [`CreateJobRequest`](crate::types::CreateJobRequest) or the same
    /// request as a [`serde_json::Value`] (see [`CreateJobInput`]); both
    /// give the same job.
    ///
    /// # Errors
    /// `InvalidRequestException` listing every violation when the validator
    /// refuses the request, or when a thing name is invalid or the time is
    /// out of range.
    ///
    /// ```
    /// use iot_jobs_policy::machine::{ErrorCode, Job, JobStatus};
    /// use iot_jobs_policy::types::{CreateJobRequest, TargetSelection};
    /// use iot_jobs_policy::Options;
    /// let mut request = CreateJobRequest {
    ///     job_id: "fw-1".into(),
    ///     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()],
    ///     document: Some("{}".into()),
    ///     target_selection: Some(TargetSelection::Continuous),
    ///     ..Default::default()
    /// };
    /// let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
    /// assert_eq!(job.status(), JobStatus::InProgress);
    ///
    /// request.target_selection = Some("continuous".into()); // not in the enum
    /// let e = Job::create(&request, ["t1"], 0, &Options::default()).unwrap_err();
    /// assert_eq!(e.code(), ErrorCode::InvalidRequest);
    /// assert_eq!(e.violations()[0].path, "/targetSelection");
    /// ```
    pub fn create<R, I, S>(
        request: &R,
        things: I,
        created_at_ms: i64,
        options: &Options,
    ) -> Result<(Job, Vec<TimedEffect>), MachineError>
    where
        R: CreateJobInput + ?Sized,
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut fx = Fx::new(created_at_ms);
        let job = Job::create_into(request, things, created_at_ms, options, &mut fx)?;
        Ok((job, fx.out))
    }

    /// [`Job::create`], its effects pushed to `fx` (the simulator's lean
    /// sink, say).
    pub(crate) fn create_into<R, I, S>(
        request: &R,
        things: I,
        created_at_ms: i64,
        options: &Options,
        fx: &mut Fx,
    ) -> Result<Job, MachineError>
    where
        R: CreateJobInput + ?Sized,
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        check_time(created_at_ms)?;
        let typed = input::sealed::Sealed::typed_request(request);
        let request = request.to_request_value()?;
        let request: &Value = &request;
        let opts = Options {
            now_ms: options.now_ms.or(Some(created_at_ms)),
            ..*options
        };
        let report = validate_value(Operation::CreateJob, request, &opts);
        if !report.is_valid() {
            return Err(MachineError::invalid_request(&report, "CreateJob"));
        }
        let setup = input::read_create(request, typed, created_at_ms)?;

        let things = things.into_iter();
        // The iterator's lower bound only sizes the first allocation (an
        // untrusted `size_hint` must not reserve gigabytes or overflow):
        // at most 2^20 names ahead, the index grows past that.
        let hint = things.size_hint().0.min(1 << 20);
        let mut names = Names::with_capacity(hint, hint.saturating_mul(16));
        for t in things {
            let t = t.as_ref();
            check_thing_name(t, "V-7")?;
            // Duplicates keep their first place.
            if names.insert(t).is_none() {
                return Err(err(ErrorCode::InvalidRequest, "V-7", "too many things"));
            }
        }
        names.shrink_to_fit();
        let n = names.len();

        let mut job = Job {
            api: options.api,
            profile: options.profile,
            job_arn: format!("{}job/{}", setup.arn_prefix, setup.job_id),
            job_id: setup.job_id,
            arn_prefix: setup.arn_prefix,
            selection: setup.selection,
            targets: setup.targets,
            rollout: setup.rollout,
            abort: setup.abort,
            timeout_minutes: setup.timeout_minutes,
            retry: setup.retry,
            echo: setup.echo,
            start_at: setup.start_at,
            end_at: setup.end_at,
            end_behavior: setup.end_behavior,
            ended: false,
            status: JobStatus::InProgress,
            force_canceled: false,
            reason_code: None,
            comment: None,
            created_at: created_at_ms,
            last_updated_at: created_at_ms,
            completed_at: None,
            now: created_at_ms,
            names,
            execs: vec![Exec::PENDING; n],
            rollout_len: 0,
            cursor: 0,
            notified: 0,
            succeeded_total: 0,
            next_slot: None,
            counts: [0; 9],
            timers: Timers::default(),
            windows: setup.windows,
            window_end: None,
        };
        job.bump(St::Pending, n as u64);
        fx.set_at(created_at_ms);
        job.begin(created_at_ms, fx); // J1 or J2 (windows.rs)
        job.fire_due(created_at_ms, fx);
        Ok(job)
    }

    /// Applies one event at time `at` (epoch milliseconds) and returns its
    /// effects. `Advance { to }` fires everything due up to `to`, each
    /// effect timed when its deadline fired; every other event needs the
    /// deadlines up to `at` fired first (see [`Job::step`]) and its effects
    /// are timed `at`.
    ///
    /// # Errors
    /// The AWS exception the service would answer (`InvalidStateTransitionException`,
    /// `VersionConflictException`, `ResourceNotFoundException`,
    /// `InvalidRequestException`), or `timeWentBackwards` / `deadlinePending`.
    /// On error the state is unchanged.
    pub fn apply(&mut self, at: i64, event: Event) -> Result<Vec<TimedEffect>, MachineError> {
        let mut fx = Fx::for_event(at, &event);
        self.apply_into(at, event, &mut fx)?;
        Ok(fx.out)
    }

    /// [`Job::apply`], its effects pushed to `fx`. On error nothing is
    /// pushed and the state is unchanged.
    fn apply_into(&mut self, at: i64, event: Event, fx: &mut Fx) -> Result<(), MachineError> {
        check_time(at)?;
        if at < self.now {
            return Err(MachineError::without_rule(
                ErrorCode::TimeWentBackwards,
                format!(
                    "the event time {at} is before the current time {}",
                    self.now
                ),
            ));
        }
        if let Event::Advance { to } = event {
            check_time(to)?;
            if to < at {
                return Err(MachineError::without_rule(
                    ErrorCode::TimeWentBackwards,
                    format!("cannot advance to {to}, before the event time {at}"),
                ));
            }
            // Each deadline's effects carry the time it fired (`fire_due`).
            self.fire_due(to, fx);
            return Ok(());
        }
        self.check_due(at)?;
        self.dispatch(at, event, fx)
    }

    /// Runs the handler of `event` (not an advance) at `at`, a time checked
    /// and advanced to, with no deadline due up to it (as [`Job::apply_into`]
    /// checks and [`Job::step`] ensures); see [`Job::run`].
    fn dispatch(&mut self, at: i64, event: Event, fx: &mut Fx) -> Result<(), MachineError> {
        self.run(at, fx, |job, fx| match event {
            Event::DeviceUpdate {
                thing,
                status,
                step_timeout_in_minutes,
                expected_version,
            } => job.device_update(
                at,
                &thing,
                status,
                step_timeout_in_minutes,
                expected_version,
                fx,
            ),
            Event::Advance { .. } => Ok(()),
            Event::CancelJob {
                force,
                reason_code,
                comment,
            } => job.cancel_job(at, force, reason_code, comment, fx),
            Event::CancelJobExecution {
                thing,
                force,
                expected_version,
            } => job.cancel_execution(at, &thing, force, expected_version, fx),
            Event::DeleteJob { force } => job.delete_job(at, force, fx),
            Event::UpdateJob { request } => job.update_job(at, &request, fx),
            Event::ThingAdded { thing } => job.thing_added(at, &thing, fx),
            Event::ThingRemoved { thing } => {
                job.thing_removed(at, &thing, fx);
                Ok(())
            }
        })
    }

    /// An event (not an advance) at `at` is refused while a deadline is due
    /// first.
    fn check_due(&self, at: i64) -> Result<(), MachineError> {
        match self.next_deadline().filter(|&d| d <= at) {
            Some(d) => Err(MachineError::without_rule(
                ErrorCode::DeadlinePending,
                format!("the deadline {d} is due before the event time {at}; advance first"),
            )),
            None => Ok(()),
        }
    }

    /// Runs the handler of an event (not an advance) at `at`, a time
    /// checked, with no deadline due up to it ([`Job::check_due`]): on error
    /// its effects are dropped (the handlers refuse before they change
    /// anything); on success the time is `at`.
    fn run(
        &mut self,
        at: i64,
        fx: &mut Fx,
        handler: impl FnOnce(&mut Job, &mut Fx) -> Result<(), MachineError>,
    ) -> Result<(), MachineError> {
        fx.set_at(at);
        let before = fx.len();
        if let Err(e) = handler(self, fx) {
            fx.truncate(before);
            return Err(e);
        }
        self.now = at;
        Ok(())
    }

    /// The simulator's device update: exactly [`Job::step`] with
    /// `Event::DeviceUpdate` (no step timeout, no expected version) on the
    /// thing of index `thing`, without its name; effects pushed to `fx`.
    /// The same checks and rules as the public event
    /// ([`Job::device_update`] resolves the name, then calls the same
    /// function).
    ///
    /// # Errors
    /// As [`Job::step`]'s; the advance's effects stay pushed.
    pub(crate) fn step_device(
        &mut self,
        at: i64,
        thing: usize,
        status: DeviceStatus,
        fx: &mut Fx,
    ) -> Result<(), MachineError> {
        // The advance fires every deadline up to `at`: none is due.
        self.apply_into(at, Event::Advance { to: at }, fx)?;
        self.run(at, fx, |job, fx| {
            job.device_update_at(at, thing, status, None, None, fx)
        })
    }

    /// [`Job::advance`], its effects pushed to `fx`.
    ///
    /// # Errors
    /// As [`Job::advance`]'s.
    pub(crate) fn advance_into(&mut self, to: i64, fx: &mut Fx) -> Result<(), MachineError> {
        self.apply_into(to, Event::Advance { to }, fx)
    }

    /// Advances time to `at`, then applies `event`: what a driver that does
    /// not track deadlines wants. Returns the effects of both parts and the
    /// event's error, if any; on error only the advance has happened.
    pub fn step(&mut self, at: i64, event: Event) -> (Vec<TimedEffect>, Option<MachineError>) {
        let mut fx = Fx::for_event(at, &event);
        if !matches!(event, Event::Advance { .. }) {
            if let Err(e) = self.apply_into(at, Event::Advance { to: at }, &mut fx) {
                return (fx.out, Some(e));
            }
            // The time is `at` now and no deadline is due up to it: what
            // `apply_into` would check again.
            let error = self.dispatch(at, event, &mut fx).err();
            return (fx.out, error);
        }
        let error = self.apply_into(at, event, &mut fx).err();
        (fx.out, error)
    }

    /// Fires everything due up to and including `to`; the same as
    /// `apply(to, Event::Advance { to })`. Idempotent.
    ///
    /// # Errors
    /// `timeWentBackwards` when `to` is before the current time.
    pub fn advance(&mut self, to: i64) -> Result<Vec<TimedEffect>, MachineError> {
        self.apply(to, Event::Advance { to })
    }

    /// When time next matters: a scheduled start or end, the start or end
    /// of a maintenance window, an execution timer or the next rollout slot.
    /// `None` when nothing will happen without an event. (The end computed
    /// for a run of windows that keep overlapping, such as a cron that starts
    /// every minute, is extended when it is reached, without an effect.)
    pub fn next_deadline(&self) -> Option<i64> {
        self.next_due().map(|(t, _)| t)
    }

    /// The job's status.
    pub fn status(&self) -> JobStatus {
        self.status
    }

    /// The time of the last event or advance (epoch milliseconds).
    pub fn now(&self) -> i64 {
        self.now
    }

    /// The job id.
    pub fn job_id(&self) -> &str {
        &self.job_id
    }

    /// Number of things known to the job (targets plus late joiners).
    pub fn thing_count(&self) -> usize {
        self.names.len()
    }

    /// The largest `retryAttempt` the current retry configuration allows.
    pub fn retry_budget(&self) -> u32 {
        self.retry.max_attempts()
    }

    /// Approximate bytes of memory held by the state.
    pub fn memory_bytes(&self) -> usize {
        std::mem::size_of::<Job>()
            + self.names.heap_bytes()
            + self.execs.capacity() * std::mem::size_of::<Exec>()
            + self.timers.heap_bytes()
            + self.targets.iter().map(String::len).sum::<usize>()
    }
}

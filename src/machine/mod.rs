//! The transition function: a deterministic, sans-IO model of a job and its
//! executions under rollout, timeout, retry and abort.
//!
//! There is no clock, no randomness and no I/O: time is an argument (epoch
//! milliseconds), events come in one at a time, effects come out, and
//! [`Job::next_deadline`] says when time next matters. The state is a plain
//! value; [`Job::to_snapshot`] and [`Job::from_snapshot`] round-trip it
//! exactly, and the same events give the same JSON bit for bit.
//!
//! Each rule is tagged with its id in the semantics notes (`J1`..`J14` job
//! transitions, `E1`..`E15` execution transitions, `R-1`..`R-22` runtime
//! rules), both in the code and in the `rule` member of every effect and
//! error.
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
//! job.apply(1_000, start).unwrap();
//! let done = Event::DeviceUpdate { thing: "t1".into(), status: DeviceStatus::Succeeded,
//!     step_timeout_in_minutes: None, expected_version: None };
//! job.apply(2_000, done).unwrap();
//! assert_eq!(job.status(), JobStatus::Completed);
//! ```
//!
//! Scale: executions live in a `Vec` indexed by thing index, names in one
//! buffer with an open-addressing index, counters are kept incrementally,
//! execution timers sit in a `BTreeSet` keyed by `(deadline, thing index)`
//! and the rollout is a cursor into the target order; one device event costs
//! O(log n). Whole-job operations (cancel, abort, delete) visit every
//! execution once.

mod config;
mod names;
pub mod replay;
mod snapshot;
pub mod text;
mod types;
mod views;

pub use snapshot::SNAPSHOT_FORMAT;
pub use types::{
    DeviceStatus, Effect, ErrorCode, Event, ExecutionStatus, JobStatus, MachineError,
    RequestViolation,
};
pub use views::{
    Counts, DescribeJobResponse, ExecutionSummary, Inspection, JobDescription, JobExecutionSummary,
    JobExecutionSummaryForJob, JobExecutionSummaryForThing, JobProcessDetails,
    ListJobExecutionsForJobResponse, ListJobExecutionsForThingResponse, Timestamp,
    DEFAULT_MAX_RESULTS,
};

use crate::{validate_value, ApiVersion, Operation, Options, Profile};
use config::{AbortCriterion, EndBehavior, FailureType, Retry, Rollout, MINUTE_MS};
use names::{valid_thing_name, Names};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The largest time the machine accepts (the JavaScript `Date` range, so
/// every time is exact in JS too): 8.64e15 ms.
pub const MAX_TIME_MS: i64 = 8_640_000_000_000_000;

/// No timestamp (`queuedAt`, `startedAt`, ... not set).
const NO_TIME: i64 = i64::MIN;
/// No deadline.
const NO_DEADLINE: i64 = i64::MAX;

/// Flag: a forced cancel ended this execution (`forceCanceled`).
const FORCE_CANCELED: u8 = 1;
/// Flag: the thing left the group of a CONTINUOUS job while IN_PROGRESS
/// (R-15: its remaining retries are canceled).
const LEFT: u8 = 2;

/// Internal execution status: the eight AWS ones plus "not notified yet".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub(crate) enum St {
    /// In the target list, not yet reached by the rollout (no execution).
    Pending = 0,
    Queued,
    InProgress,
    Succeeded,
    Failed,
    TimedOut,
    Rejected,
    Removed,
    Canceled,
}

impl St {
    pub(crate) fn public(self) -> Option<ExecutionStatus> {
        Some(match self {
            St::Pending => return None,
            St::Queued => ExecutionStatus::Queued,
            St::InProgress => ExecutionStatus::InProgress,
            St::Succeeded => ExecutionStatus::Succeeded,
            St::Failed => ExecutionStatus::Failed,
            St::TimedOut => ExecutionStatus::TimedOut,
            St::Rejected => ExecutionStatus::Rejected,
            St::Removed => ExecutionStatus::Removed,
            St::Canceled => ExecutionStatus::Canceled,
        })
    }

    pub(crate) fn from_public(s: ExecutionStatus) -> St {
        match s {
            ExecutionStatus::Queued => St::Queued,
            ExecutionStatus::InProgress => St::InProgress,
            ExecutionStatus::Succeeded => St::Succeeded,
            ExecutionStatus::Failed => St::Failed,
            ExecutionStatus::TimedOut => St::TimedOut,
            ExecutionStatus::Rejected => St::Rejected,
            ExecutionStatus::Removed => St::Removed,
            ExecutionStatus::Canceled => St::Canceled,
        }
    }

    fn is_terminal(self) -> bool {
        !matches!(self, St::Pending | St::Queued | St::InProgress)
    }
}

/// One thing's execution. 48 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Exec {
    pub(crate) queued_at: i64,
    pub(crate) started_at: i64,
    pub(crate) last_updated_at: i64,
    /// When the execution times out: the earlier of its in-progress deadline
    /// (R-11) and its step deadline (R-12, never beyond the former).
    pub(crate) deadline: i64,
    pub(crate) version: u32,
    /// 0 = no execution yet.
    pub(crate) execution_number: u32,
    /// The in-progress timeout of the current attempt in minutes, fixed when
    /// it started (V-32); 0 = none.
    pub(crate) timeout_minutes: u32,
    pub(crate) status: St,
    pub(crate) failed_retries: u8,
    pub(crate) timed_out_retries: u8,
    pub(crate) flags: u8,
}

impl Exec {
    pub(crate) const PENDING: Exec = Exec {
        queued_at: NO_TIME,
        started_at: NO_TIME,
        last_updated_at: NO_TIME,
        deadline: NO_DEADLINE,
        version: 0,
        execution_number: 0,
        timeout_minutes: 0,
        status: St::Pending,
        failed_retries: 0,
        timed_out_retries: 0,
        flags: 0,
    };

    /// The absolute in-progress deadline of the current attempt (R-11).
    pub(crate) fn ip_deadline(&self) -> i64 {
        if self.timeout_minutes == 0 || self.started_at == NO_TIME {
            NO_DEADLINE
        } else {
            deadline_after(self.started_at, i64::from(self.timeout_minutes) * MINUTE_MS)
        }
    }

    pub(crate) fn retry_attempt(&self) -> u32 {
        u32::from(self.failed_retries) + u32::from(self.timed_out_retries)
    }
}

/// `targetSelection`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Selection {
    Snapshot,
    Continuous,
}

/// What is due next, in the fixed firing order for equal times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Due {
    /// J3: `schedulingConfig.startTime`.
    Start,
    /// E6: an execution's in-progress or step timer (by thing index).
    Timer(usize),
    /// J8 / R-6: `schedulingConfig.endTime`.
    End,
    /// R-1 / R-2: the next one-minute rollout slot.
    Slot,
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
    pub(crate) timers: BTreeSet<(i64, usize)>,
}

fn err(code: ErrorCode, rule: &'static str, message: impl Into<String>) -> MachineError {
    MachineError::new(code, rule, message)
}

fn check_time(at: i64) -> Result<(), MachineError> {
    if (0..=MAX_TIME_MS).contains(&at) {
        Ok(())
    } else {
        Err(err(
            ErrorCode::InvalidRequest,
            "time",
            format!("the time `{at}` is outside 0..={MAX_TIME_MS} epoch milliseconds"),
        ))
    }
}

/// `at + minutes`, or no deadline when it would pass [`MAX_TIME_MS`].
fn deadline_after(at: i64, ms: i64) -> i64 {
    match at.checked_add(ms) {
        Some(d) if d <= MAX_TIME_MS => d,
        _ => NO_DEADLINE,
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::types::CreateJobRequest {}
    impl Sealed for serde_json::Value {}
}

/// What [`Job::create`] takes: the typed
/// [`CreateJobRequest`](crate::types::CreateJobRequest), or the same request
/// as a [`serde_json::Value`] (the form the JSON-text surface and the
/// replay runner read). Sealed: no other type implements it.
///
/// ```
/// use iot_jobs_policy::machine::{CreateJobInput, Job};
/// use iot_jobs_policy::types::CreateJobRequest;
/// fn accepts<R: CreateJobInput>(_: &R) {}
/// accepts(&CreateJobRequest::default());
/// accepts(&serde_json::json!({"jobId": "j"}));
/// ```
pub trait CreateJobInput: sealed::Sealed {
    /// The request as JSON, for the validator and the machine.
    ///
    /// # Errors
    /// `InvalidRequestException` when a typed request cannot be serialised
    /// (as for [`crate::validate_request`]; serde_json never fails on this
    /// crate's types: a non-finite number becomes `null`, which the
    /// validator then judges).
    fn to_request_value(&self) -> Result<std::borrow::Cow<'_, Value>, MachineError>;
}

impl CreateJobInput for Value {
    fn to_request_value(&self) -> Result<std::borrow::Cow<'_, Value>, MachineError> {
        Ok(std::borrow::Cow::Borrowed(self))
    }
}

impl CreateJobInput for crate::types::CreateJobRequest {
    fn to_request_value(&self) -> Result<std::borrow::Cow<'_, Value>, MachineError> {
        serde_json::to_value(self)
            .map(std::borrow::Cow::Owned)
            .map_err(|e| {
                err(
                    ErrorCode::InvalidRequest,
                    "input",
                    format!("the request could not be serialised: {e}"),
                )
            })
    }
}

/// The string entries of a CreateJob request's `targets` (others are left to
/// the validator, which refuses them before a job is created).
pub fn request_targets(request: &serde_json::Value) -> Vec<String> {
    request
        .get("targets")
        .and_then(serde_json::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|t| t.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Resolves `targets` to thing names, in target order without duplicates.
///
/// A thing ARN (`arn:aws:iot:<region>:<account>:thing/<name>`) resolves to
/// its name (the last path segment); a thing-group ARN (`...:thinggroup/<name>`)
/// to the members listed in `groups`, looked up by ARN first, then by group
/// name.
///
/// # Errors
/// `ResourceNotFoundException` for a group absent from `groups`;
/// `InvalidRequestException` for a target that is neither kind or a member
/// that is not a valid thing name.
pub fn resolve_things(
    targets: &[String],
    groups: &BTreeMap<String, Vec<String>>,
) -> Result<Vec<String>, MachineError> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for t in targets {
        let members: Vec<&str> = if let Some((_, name)) = t.rsplit_once(":thing/") {
            vec![name]
        } else if let Some((_, group)) = t.rsplit_once(":thinggroup/") {
            let list = groups.get(t).or_else(|| groups.get(group)).ok_or_else(|| {
                err(
                    ErrorCode::ResourceNotFound,
                    "V-7",
                    format!("the thing group `{group}` has no membership list"),
                )
            })?;
            list.iter().map(String::as_str).collect()
        } else {
            return Err(err(
                ErrorCode::InvalidRequest,
                "V-7",
                format!("the target `{t}` is neither a thing ARN nor a thing-group ARN"),
            ));
        };
        for m in members {
            if !valid_thing_name(m) {
                return Err(err(
                    ErrorCode::InvalidRequest,
                    "V-7",
                    format!("`{m}` is not a valid thing name"),
                ));
            }
            if seen.insert(m) {
                out.push(m.to_owned());
            }
        }
    }
    Ok(out)
}

impl Job {
    /// Creates a job from a CreateJob request, the resolved things (in
    /// target order; see [`resolve_things`]) and the creation time, and
    /// returns it with the effects of creation (J1 or J2, and the first
    /// rollout slot, which is due at once).
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
    ) -> Result<(Job, Vec<Effect>), MachineError>
    where
        R: CreateJobInput + ?Sized,
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        check_time(created_at_ms)?;
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
        let job_id = request
            .get("jobId")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let targets: Vec<String> = request
            .get("targets")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|t| t.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let arn_prefix = targets
            .first()
            .and_then(|t| {
                let parts: Vec<&str> = t.splitn(6, ':').collect();
                (parts.len() == 6).then(|| parts.get(..5).map(|p| p.join(":") + ":"))?
            })
            .unwrap_or_else(|| String::from("arn:aws:iot:us-east-1:123456789012:"));
        let selection = match request.get("targetSelection").and_then(Value::as_str) {
            Some("CONTINUOUS") => Selection::Continuous,
            _ => Selection::Snapshot,
        };
        let mut echo = BTreeMap::new();
        for key in [
            "description",
            "presignedUrlConfig",
            "jobExecutionsRolloutConfig",
            "abortConfig",
            "timeoutConfig",
            "jobExecutionsRetryConfig",
            "namespaceId",
            "jobTemplateArn",
            "documentParameters",
            "schedulingConfig",
            "destinationPackageVersions",
            "documentSource",
        ] {
            if let Some(v) = request.get(key) {
                echo.insert(key.to_owned(), v.clone());
            }
        }

        let things = things.into_iter();
        let hint = things.size_hint().0;
        let mut names = Names::with_capacity(hint, hint.saturating_mul(16));
        for t in things {
            let t = t.as_ref();
            if !valid_thing_name(t) {
                return Err(err(
                    ErrorCode::InvalidRequest,
                    "V-7",
                    format!("`{t}` is not a valid thing name"),
                ));
            }
            // Duplicates keep their first place.
            if names.insert(t).is_none() {
                return Err(err(ErrorCode::InvalidRequest, "V-7", "too many things"));
            }
        }
        let n = names.len();

        // J2/J3, R-6: scheduling (latest API). Maintenance windows are not
        // modelled: a job with windows starts at `startTime` (or at once).
        let sched = request.get("schedulingConfig");
        let sched_time = |k: &str| {
            sched
                .and_then(|s| s.get(k))
                .and_then(Value::as_str)
                .and_then(|s| crate::validate::time::parse_timestamp(s, false))
        };
        let start_at = sched_time("startTime").filter(|&s| s > created_at_ms && s <= MAX_TIME_MS);
        let end_at = sched_time("endTime").filter(|&e| e <= MAX_TIME_MS);
        let end_behavior = EndBehavior::parse(
            sched
                .and_then(|s| s.get("endBehavior"))
                .and_then(Value::as_str),
        );

        let mut job = Job {
            api: options.api,
            profile: options.profile,
            job_arn: format!("{arn_prefix}job/{job_id}"),
            job_id,
            arn_prefix,
            selection,
            targets,
            rollout: Rollout::from_value(echo.get("jobExecutionsRolloutConfig")),
            abort: config::abort_from_value(echo.get("abortConfig")),
            timeout_minutes: config::timeout_from_value(echo.get("timeoutConfig")),
            retry: Retry::from_value(echo.get("jobExecutionsRetryConfig")),
            echo,
            start_at,
            end_at,
            end_behavior,
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
            timers: BTreeSet::new(),
        };
        job.counts = [0; 9];
        job.bump(St::Pending, n as u64);
        let mut fx = Vec::new();
        if start_at.is_some() {
            job.status = JobStatus::Scheduled;
            fx.push(Effect::JobStatusChanged {
                from: None,
                to: JobStatus::Scheduled,
                rule: "J2",
            });
        } else {
            fx.push(Effect::JobStatusChanged {
                from: None,
                to: JobStatus::InProgress,
                rule: "J1",
            });
            job.rollout_len = n;
            job.next_slot = Some(created_at_ms);
        }
        job.fire_due(created_at_ms, &mut fx);
        Ok((job, fx))
    }

    /// Applies one event at time `at` (epoch milliseconds) and returns its
    /// effects. `Advance { to }` fires everything due up to `to`; every other
    /// event needs the deadlines up to `at` fired first (see [`Job::step`]).
    ///
    /// # Errors
    /// The AWS exception the service would answer (`InvalidStateTransitionException`,
    /// `VersionConflictException`, `ResourceNotFoundException`,
    /// `InvalidRequestException`), or `timeWentBackwards` / `deadlinePending`.
    /// On error the state is unchanged.
    pub fn apply(&mut self, at: i64, event: Event) -> Result<Vec<Effect>, MachineError> {
        check_time(at)?;
        if at < self.now {
            return Err(err(
                ErrorCode::TimeWentBackwards,
                "time",
                format!(
                    "the event time {at} is before the current time {}",
                    self.now
                ),
            ));
        }
        let mut fx = Vec::new();
        if let Event::Advance { to } = event {
            check_time(to)?;
            if to < at {
                return Err(err(
                    ErrorCode::TimeWentBackwards,
                    "time",
                    format!("cannot advance to {to}, before the event time {at}"),
                ));
            }
            self.fire_due(to, &mut fx);
            return Ok(fx);
        }
        if let Some(d) = self.next_deadline().filter(|&d| d <= at) {
            return Err(err(
                ErrorCode::DeadlinePending,
                "time",
                format!("the deadline {d} is due before the event time {at}; advance first"),
            ));
        }
        match event {
            Event::DeviceUpdate {
                thing,
                status,
                step_timeout_in_minutes,
                expected_version,
            } => self.device_update(
                at,
                &thing,
                status,
                step_timeout_in_minutes,
                expected_version,
                &mut fx,
            )?,
            Event::Advance { .. } => {}
            Event::CancelJob {
                force,
                reason_code,
                comment,
            } => self.cancel_job(at, force, reason_code, comment, &mut fx)?,
            Event::CancelJobExecution {
                thing,
                force,
                expected_version,
            } => self.cancel_execution(at, &thing, force, expected_version, &mut fx)?,
            Event::DeleteJob { force } => self.delete_job(at, force, &mut fx)?,
            Event::UpdateJob { request } => self.update_job(at, &request, &mut fx)?,
            Event::ThingAdded { thing } => self.thing_added(at, &thing, &mut fx)?,
            Event::ThingRemoved { thing } => self.thing_removed(at, &thing, &mut fx),
        }
        self.now = at;
        Ok(fx)
    }

    /// Advances time to `at`, then applies `event`: what a driver that does
    /// not track deadlines wants. Returns the effects of both parts and the
    /// event's error, if any; on error only the advance has happened.
    pub fn step(&mut self, at: i64, event: Event) -> (Vec<Effect>, Option<MachineError>) {
        if matches!(event, Event::Advance { .. }) {
            return match self.apply(at, event) {
                Ok(fx) => (fx, None),
                Err(e) => (Vec::new(), Some(e)),
            };
        }
        let mut fx = match self.apply(at, Event::Advance { to: at }) {
            Ok(fx) => fx,
            Err(e) => return (Vec::new(), Some(e)),
        };
        match self.apply(at, event) {
            Ok(mut more) => {
                fx.append(&mut more);
                (fx, None)
            }
            Err(e) => (fx, Some(e)),
        }
    }

    /// Fires everything due up to and including `to`; the same as
    /// `apply(to, Event::Advance { to })`. Idempotent.
    ///
    /// # Errors
    /// `timeWentBackwards` when `to` is before the current time.
    pub fn advance(&mut self, to: i64) -> Result<Vec<Effect>, MachineError> {
        self.apply(to, Event::Advance { to })
    }

    /// When time next matters: a scheduled start or end, an execution timer
    /// or the next rollout slot. `None` when nothing will happen without an
    /// event.
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
            + self.timers.len() * (std::mem::size_of::<(i64, usize)>() + 8)
            + self.targets.iter().map(String::len).sum::<usize>()
    }

    // ----- time -----

    fn next_due(&self) -> Option<(i64, Due)> {
        let mut best: Option<(i64, Due)> = None;
        let mut consider = |t: i64, d: Due| {
            if best.map_or(true, |b| (t, d) < b) {
                best = Some((t, d));
            }
        };
        match self.status {
            JobStatus::Scheduled => {
                if let Some(s) = self.start_at {
                    consider(s, Due::Start);
                }
            }
            JobStatus::InProgress => {
                if let (Some(e), false) = (self.end_at, self.ended) {
                    consider(e, Due::End);
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

    fn fire_due(&mut self, to: i64, fx: &mut Vec<Effect>) {
        while let Some((t, due)) = self.next_due().filter(|&(t, _)| t <= to) {
            let t = t.max(self.now);
            self.now = t;
            match due {
                Due::Start => self.fire_start(t, fx),
                Due::Timer(i) => self.fire_timer(i, t, fx),
                Due::End => self.fire_end(t, fx),
                Due::Slot => self.fire_slot(t, fx),
            }
        }
        self.now = self.now.max(to);
    }

    /// J3: the scheduled start is reached.
    fn fire_start(&mut self, t: i64, fx: &mut Vec<Effect>) {
        self.start_at = None;
        self.set_job_status(JobStatus::InProgress, t, "J3", fx);
        // Things that joined while SCHEDULED are part of the rollout.
        self.rollout_len = self.names.len();
        self.next_slot = Some(t);
    }

    /// E6: an in-progress (R-11) or step (R-12) timer expired.
    fn fire_timer(&mut self, i: usize, t: i64, fx: &mut Vec<Effect>) {
        self.outcome(i, St::TimedOut, t, "E6", fx);
    }

    /// J8 / R-6 (unconfirmed): `endTime` reached. The rollout stops; `CANCEL`
    /// cancels QUEUED executions, `FORCE_CANCEL` IN_PROGRESS ones too; the
    /// job completes once nothing is QUEUED or IN_PROGRESS.
    fn fire_end(&mut self, t: i64, fx: &mut Vec<Effect>) {
        self.ended = true;
        self.next_slot = None;
        match self.end_behavior {
            EndBehavior::StopRollout => {}
            EndBehavior::Cancel => self.cancel_all(t, false, ("R-6", "R-6"), fx),
            EndBehavior::ForceCancel => self.cancel_all(t, true, ("R-6", "R-6"), fx),
        }
        self.check_complete(t, fx);
    }

    /// R-1 / R-2: one rollout slot notifies up to the current rate of things,
    /// in target order (E1); slots are one minute apart.
    fn fire_slot(&mut self, t: i64, fx: &mut Vec<Effect>) {
        let rate = self.rollout.rate(self.notified, self.succeeded_total);
        let mut n = 0;
        while n < rate && self.cursor < self.rollout_len {
            let i = self.cursor;
            self.cursor += 1;
            if self.st(i) == St::Pending {
                self.queue_new(i, t, "E1", fx);
                self.notified += 1;
                n += 1;
            }
        }
        if self.cursor >= self.rollout_len {
            self.next_slot = None;
            self.check_complete(t, fx);
        } else {
            self.next_slot = Some(t + MINUTE_MS);
        }
    }

    // ----- executions -----

    fn count(&self, s: St) -> u64 {
        self.counts.get(s as usize).copied().unwrap_or(0)
    }

    fn bump(&mut self, s: St, by: u64) {
        if let Some(c) = self.counts.get_mut(s as usize) {
            *c += by;
        }
    }

    fn st(&self, i: usize) -> St {
        self.execs.get(i).map_or(St::Pending, |e| e.status)
    }

    fn set_st(&mut self, i: usize, to: St) {
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

    /// Sets the deadline of execution `i`, keeping the timer table in step.
    fn set_deadline(&mut self, i: usize, new: i64) {
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

    fn effect(&self, i: usize, from: Option<St>, rule: &'static str) -> Effect {
        let e = self.execs.get(i).copied().unwrap_or(Exec::PENDING);
        Effect::ExecutionStatusChanged {
            thing: self.names.get(i).unwrap_or_default().to_owned(),
            from: from.and_then(St::public),
            to: e.status.public().unwrap_or(ExecutionStatus::Queued),
            execution_number: (e.execution_number > 0).then_some(e.execution_number),
            retry_attempt: e.retry_attempt(),
            force_canceled: e.flags & FORCE_CANCELED != 0,
            rule,
        }
    }

    /// E1 / E15 / R-3: a new execution, QUEUED; the device is notified.
    fn queue_new(&mut self, i: usize, t: i64, rule: &'static str, fx: &mut Vec<Effect>) {
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
        // R-15: a new execution starts with a fresh retry counter.
        e.failed_retries = 0;
        e.timed_out_retries = 0;
        e.flags = 0;
        self.set_st(i, St::Queued);
        fx.push(self.effect(i, None, rule));
    }

    /// A terminal outcome (E4, E5, E6), then retry (E12 / R-13), abort (R-7)
    /// and completion (J6).
    fn outcome(&mut self, i: usize, to: St, t: i64, rule: &'static str, fx: &mut Vec<Effect>) {
        let from = self.st(i);
        self.set_deadline(i, NO_DEADLINE);
        if let Some(e) = self.execs.get_mut(i) {
            e.version = e.version.saturating_add(1);
            e.last_updated_at = t;
        }
        self.set_st(i, to);
        fx.push(self.effect(i, Some(from), rule));
        if matches!(to, St::Failed | St::TimedOut) && self.status == JobStatus::InProgress {
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
                fx.push(self.effect(i, Some(to), "E12"));
                return;
            }
        }
        if to == St::Succeeded {
            self.succeeded_total += 1;
        }
        self.check_abort(t, fx);
        self.check_complete(t, fx);
    }

    /// Cancels one QUEUED (E7) or, with `force`, IN_PROGRESS (E8) execution.
    fn cancel_one(&mut self, i: usize, t: i64, rule: &'static str, fx: &mut Vec<Effect>) {
        let from = self.st(i);
        self.set_deadline(i, NO_DEADLINE);
        if let Some(e) = self.execs.get_mut(i) {
            e.version = e.version.saturating_add(1);
            e.last_updated_at = t;
            if from == St::InProgress {
                e.flags |= FORCE_CANCELED;
            }
        }
        self.set_st(i, St::Canceled);
        fx.push(self.effect(i, Some(from), rule));
    }

    /// Cancels every QUEUED execution (pending retries included) under
    /// `rule_queued` and, with `force`, every IN_PROGRESS one under
    /// `rule_forced`. Visits every execution once.
    fn cancel_all(
        &mut self,
        t: i64,
        force: bool,
        (rule_queued, rule_forced): (&'static str, &'static str),
        fx: &mut Vec<Effect>,
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

    // ----- job -----

    fn set_job_status(&mut self, to: JobStatus, t: i64, rule: &'static str, fx: &mut Vec<Effect>) {
        let from = self.status;
        self.status = to;
        self.last_updated_at = t;
        if matches!(to, JobStatus::Completed | JobStatus::Canceled) {
            self.completed_at = Some(t);
        }
        fx.push(Effect::JobStatusChanged {
            from: Some(from),
            to,
            rule,
        });
    }

    /// J6 (SNAPSHOT: every execution terminal after its retries), J7
    /// (CONTINUOUS never completes), J8 (decision: after `endTime`, any job
    /// completes once nothing is QUEUED or IN_PROGRESS).
    fn check_complete(&mut self, t: i64, fx: &mut Vec<Effect>) {
        if self.status != JobStatus::InProgress {
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

    /// R-7 / R-8: after a terminal outcome, the first criterion whose
    /// minimum is reached and whose failure share is at least its threshold
    /// aborts the job (J10, R-9).
    ///
    /// Decision (C-5): "executed" counts executions whose final outcome is
    /// SUCCEEDED, FAILED, REJECTED or TIMED_OUT (not CANCELED or REMOVED,
    /// not retried attempts). The share is compared exactly in integers:
    /// `matched × 10000 ≥ threshold_hundredths × executed`.
    fn check_abort(&mut self, t: i64, fx: &mut Vec<Effect>) {
        if self.status != JobStatus::InProgress || self.abort.is_empty() {
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
                FailureType::All => failed + rej + to, // R-8
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
        // R-9 / E7 / E9: only QUEUED executions (and pending retries) are canceled.
        self.cancel_all(t, false, ("R-9", "R-9"), fx);
    }

    // ----- events -----

    /// The index of a thing that has an execution.
    fn execution_index(&self, thing: &str) -> Result<usize, MachineError> {
        let not_found = || {
            err(
                ErrorCode::ResourceNotFound,
                "E1",
                format!("job `{}` has no execution on thing `{thing}`", self.job_id),
            )
        };
        let i = self.names.find(thing).ok_or_else(not_found)?;
        match self.execs.get(i) {
            Some(e) if e.execution_number > 0 => Ok(i),
            _ => Err(not_found()),
        }
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

    fn device_update(
        &mut self,
        at: i64,
        thing: &str,
        status: DeviceStatus,
        step: Option<i64>,
        expected: Option<i64>,
        fx: &mut Vec<Effect>,
    ) -> Result<(), MachineError> {
        self.ensure_not_deleting()?;
        let i = self.execution_index(thing)?;
        let cur = self.st(i);
        if cur.is_terminal() {
            let forced = self
                .execs
                .get(i)
                .is_some_and(|e| e.flags & FORCE_CANCELED != 0);
            return Err(err(
                ErrorCode::InvalidStateTransition,
                "E13",
                format!(
                    "the execution on `{thing}` is {}{}; a terminal execution cannot be updated",
                    cur.public().map_or("", ExecutionStatus::as_str),
                    if forced { " (force-canceled)" } else { "" }
                ),
            ));
        }
        self.check_version(i, expected, "A-UpdateJobExecution")?;
        if let Some(s) = step {
            if s != -1 && !(1..=10_080).contains(&s) {
                return Err(err(
                    ErrorCode::InvalidRequest,
                    "R-12",
                    format!("stepTimeoutInMinutes `{s}` is outside 1..=10080 and is not -1"),
                ));
            }
        }
        // The new deadline, from the in-progress deadline and the current one.
        let new_deadline = |ip: i64, old: i64| match step {
            None => old,
            Some(-1) => ip, // R-12: -1 removes the step timer
            Some(m) => deadline_after(at, m * MINUTE_MS).min(ip), // R-12: replaces, capped
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
                fx.push(self.effect(i, Some(cur), "E2"));
            }
            (St::InProgress, DeviceStatus::InProgress) => {
                // E3: status details / a new step timer.
                let (ip, old) = self.execs.get(i).map_or((NO_DEADLINE, NO_DEADLINE), |e| {
                    (e.ip_deadline(), e.deadline)
                });
                if let Some(e) = self.execs.get_mut(i) {
                    e.last_updated_at = at;
                    e.version = e.version.saturating_add(1);
                }
                self.set_deadline(i, new_deadline(ip, old));
                fx.push(self.effect(i, Some(cur), "E3"));
            }
            (St::Queued, s) => {
                // E5: REJECTED (doc-2022) and, decision, SUCCEEDED/FAILED too
                // straight from QUEUED.
                self.outcome(i, St::from_public(s.execution_status()), at, "E5", fx);
            }
            (_, s) => self.outcome(i, St::from_public(s.execution_status()), at, "E4", fx),
        }
        Ok(())
    }

    fn cancel_job(
        &mut self,
        at: i64,
        force: bool,
        reason_code: Option<String>,
        comment: Option<String>,
        fx: &mut Vec<Effect>,
    ) -> Result<(), MachineError> {
        if let Some(r) = &reason_code {
            let ok = !r.is_empty()
                && r.chars().count() <= 128
                && r.chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '_');
            if !ok {
                return Err(err(
                    ErrorCode::InvalidRequest,
                    "R-16",
                    format!("reasonCode `{r}` must be 1..=128 characters of upper-case letters, digits and `_`"),
                ));
            }
        }
        if let Some(c) = &comment {
            let ok = !c.is_empty() && c.chars().count() <= 2028 && !c.chars().any(is_other);
            if !ok {
                return Err(err(
                    ErrorCode::InvalidRequest,
                    "R-16",
                    "comment must be 1..=2028 characters without control characters",
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

    fn cancel_execution(
        &mut self,
        at: i64,
        thing: &str,
        force: bool,
        expected: Option<i64>,
        fx: &mut Vec<Effect>,
    ) -> Result<(), MachineError> {
        self.ensure_not_deleting()?;
        let i = self.execution_index(thing)?;
        let cur = self.st(i);
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

    fn delete_job(
        &mut self,
        at: i64,
        force: bool,
        fx: &mut Vec<Effect>,
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
        // R-18: the job and its executions are deleted; the model freezes the
        // executions as they were and stops every timer.
        self.next_slot = None;
        self.start_at = None;
        let due: Vec<usize> = self.timers.iter().map(|&(_, i)| i).collect();
        for i in due {
            self.set_deadline(i, NO_DEADLINE);
        }
        self.set_job_status(JobStatus::DeletionInProgress, at, rule, fx);
        fx.push(Effect::JobDeleted { rule: "R-18" });
        Ok(())
    }

    fn update_job(
        &mut self,
        at: i64,
        request: &Value,
        fx: &mut Vec<Effect>,
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
        for key in [
            "description",
            "presignedUrlConfig",
            "jobExecutionsRolloutConfig",
            "abortConfig",
            "timeoutConfig",
            "jobExecutionsRetryConfig",
        ] {
            if let Some(v) = request.get(key) {
                self.echo.insert(key.to_owned(), v.clone());
                fields.push(key.to_owned());
            }
        }
        // Rollout: from the next slot. Abort: from the next terminal outcome.
        // Timeout (V-32): only executions that start after. Retry (V-31):
        // from the next failure.
        self.rollout = Rollout::from_value(self.echo.get("jobExecutionsRolloutConfig"));
        self.abort = config::abort_from_value(self.echo.get("abortConfig"));
        self.timeout_minutes = config::timeout_from_value(self.echo.get("timeoutConfig"));
        self.retry = Retry::from_value(self.echo.get("jobExecutionsRetryConfig"));
        self.last_updated_at = at;
        fx.push(Effect::JobUpdated {
            fields,
            rule: "V-30",
        });
        Ok(())
    }

    fn thing_added(
        &mut self,
        at: i64,
        thing: &str,
        fx: &mut Vec<Effect>,
    ) -> Result<(), MachineError> {
        if !valid_thing_name(thing) {
            return Err(err(
                ErrorCode::InvalidRequest,
                "V-34",
                format!("`{thing}` is not a valid thing name"),
            ));
        }
        // Decision: a SNAPSHOT job's targets were fixed at creation, so a
        // membership change adds nothing; a deleting job ignores it.
        if self.selection == Selection::Snapshot || self.status == JobStatus::DeletionInProgress {
            return Ok(());
        }
        let live = self.status == JobStatus::InProgress && !self.ended;
        let scheduled = self.status == JobStatus::Scheduled;
        match self.names.find(thing) {
            None if live || scheduled => {
                let Some(i) = self.names.push(thing) else {
                    return Err(err(ErrorCode::InvalidRequest, "V-7", "too many things"));
                };
                self.execs.push(Exec::PENDING);
                self.bump(St::Pending, 1);
                if live {
                    self.queue_new(i, at, "R-3", fx); // R-3: at once, outside the rollout rate
                }
            }
            None => {}
            Some(i) => match self.st(i) {
                St::Removed if live => self.queue_new(i, at, "E15", fx), // E15, R-15
                St::Removed if scheduled => self.set_st(i, St::Pending),
                St::InProgress => {
                    // R-15: re-joining resets the retry counter (and lifts
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

    fn thing_removed(&mut self, at: i64, thing: &str, fx: &mut Vec<Effect>) {
        if self.status == JobStatus::DeletionInProgress {
            return;
        }
        let Some(i) = self.names.find(thing) else {
            return;
        };
        match self.st(i) {
            St::Pending => {
                // Not notified yet: no longer scheduled to execute (R-20).
                self.set_st(i, St::Removed);
                if let Some(e) = self.execs.get_mut(i) {
                    e.last_updated_at = at;
                }
                fx.push(self.effect(i, None, "E11"));
            }
            St::Queued => {
                // E11 (and R-15: a queued retry is dropped with it).
                if let Some(e) = self.execs.get_mut(i) {
                    e.version = e.version.saturating_add(1);
                    e.last_updated_at = at;
                }
                self.set_st(i, St::Removed);
                fx.push(self.effect(i, Some(St::Queued), "E11"));
                self.check_complete(at, fx);
            }
            St::InProgress if self.selection == Selection::Continuous => {
                // E11 for IN_PROGRESS is unconfirmed. Decision: it runs on;
                // R-15: its remaining retries are canceled.
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

/// `\p{C}`: control, format, surrogate, private use, unassigned.
fn is_other(c: char) -> bool {
    use unicode_general_category::{get_general_category, GeneralCategory as G};
    matches!(
        get_general_category(c),
        G::Control | G::Format | G::Surrogate | G::PrivateUse | G::Unassigned
    )
}

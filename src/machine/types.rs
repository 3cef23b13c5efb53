//! The vocabulary of the machine: statuses, events in, effects out, errors.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A job's status (`JobStatus` of the AWS model).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum JobStatus {
    /// Waiting for `schedulingConfig.startTime` (latest API).
    Scheduled,
    /// Rolling out and/or waiting for devices.
    InProgress,
    /// Every execution of a SNAPSHOT job is terminal (terminal).
    Completed,
    /// Canceled by CancelJob or by abort criteria (terminal).
    Canceled,
    /// DeleteJob accepted; the model stops here.
    DeletionInProgress,
}

impl JobStatus {
    /// The AWS name, e.g. `IN_PROGRESS`.
    pub fn as_str(self) -> &'static str {
        match self {
            JobStatus::Scheduled => "SCHEDULED",
            JobStatus::InProgress => "IN_PROGRESS",
            JobStatus::Completed => "COMPLETED",
            JobStatus::Canceled => "CANCELED",
            JobStatus::DeletionInProgress => "DELETION_IN_PROGRESS",
        }
    }

    /// Every status, in declaration order.
    pub const ALL: [JobStatus; 5] = [
        JobStatus::Scheduled,
        JobStatus::InProgress,
        JobStatus::Completed,
        JobStatus::Canceled,
        JobStatus::DeletionInProgress,
    ];

    /// Parses an AWS name such as `IN_PROGRESS`.
    pub fn parse(s: &str) -> Option<JobStatus> {
        JobStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

impl fmt::Display for JobStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A job execution's status (`JobExecutionStatus` of the AWS model).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ExecutionStatus {
    /// Waiting for the device.
    Queued,
    /// The device is working on it.
    InProgress,
    /// Done (terminal).
    Succeeded,
    /// The device reported a failure (terminal unless retried).
    Failed,
    /// A timer expired (terminal unless retried).
    TimedOut,
    /// The device refused it (terminal, never retried).
    Rejected,
    /// The thing left the target (terminal).
    Removed,
    /// Canceled (terminal).
    Canceled,
}

impl ExecutionStatus {
    /// Every status, in the order of the `jobProcessDetails` counters.
    pub const ALL: [ExecutionStatus; 8] = [
        ExecutionStatus::Queued,
        ExecutionStatus::InProgress,
        ExecutionStatus::Succeeded,
        ExecutionStatus::Failed,
        ExecutionStatus::TimedOut,
        ExecutionStatus::Rejected,
        ExecutionStatus::Removed,
        ExecutionStatus::Canceled,
    ];

    /// The AWS name, e.g. `TIMED_OUT`.
    pub fn as_str(self) -> &'static str {
        match self {
            ExecutionStatus::Queued => "QUEUED",
            ExecutionStatus::InProgress => "IN_PROGRESS",
            ExecutionStatus::Succeeded => "SUCCEEDED",
            ExecutionStatus::Failed => "FAILED",
            ExecutionStatus::TimedOut => "TIMED_OUT",
            ExecutionStatus::Rejected => "REJECTED",
            ExecutionStatus::Removed => "REMOVED",
            ExecutionStatus::Canceled => "CANCELED",
        }
    }

    /// Parses an AWS name such as `QUEUED`.
    pub fn parse(s: &str) -> Option<ExecutionStatus> {
        ExecutionStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether the status is terminal (everything but QUEUED and IN_PROGRESS).
    pub fn is_terminal(self) -> bool {
        !matches!(self, ExecutionStatus::Queued | ExecutionStatus::InProgress)
    }
}

impl fmt::Display for ExecutionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The statuses a device may report (UpdateJobExecution, StartNextPendingJobExecution).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DeviceStatus {
    /// Started (or still working, with new status details / step timer).
    InProgress,
    /// Done.
    Succeeded,
    /// Failed (retryable).
    Failed,
    /// Refused (never retried).
    Rejected,
}

impl DeviceStatus {
    /// Every status a device may report, in declaration order.
    pub const ALL: [DeviceStatus; 4] = [
        DeviceStatus::InProgress,
        DeviceStatus::Succeeded,
        DeviceStatus::Failed,
        DeviceStatus::Rejected,
    ];

    /// The AWS name, e.g. `IN_PROGRESS` (the name of its execution status).
    pub fn as_str(self) -> &'static str {
        self.execution_status().as_str()
    }

    /// Parses an AWS name such as `SUCCEEDED`.
    pub fn parse(s: &str) -> Option<DeviceStatus> {
        DeviceStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub(crate) fn execution_status(self) -> ExecutionStatus {
        match self {
            DeviceStatus::InProgress => ExecutionStatus::InProgress,
            DeviceStatus::Succeeded => ExecutionStatus::Succeeded,
            DeviceStatus::Failed => ExecutionStatus::Failed,
            DeviceStatus::Rejected => ExecutionStatus::Rejected,
        }
    }
}

/// One input to the machine. Serialised as `{"type": "deviceUpdate", ...}`
/// with camelCase members.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Event {
    /// What UpdateJobExecution / StartNextPendingJobExecution do for one thing.
    DeviceUpdate {
        /// Thing name.
        thing: String,
        /// The reported status.
        status: DeviceStatus,
        /// New step timer in minutes (1..=10080), or -1 to clear it (R-12).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step_timeout_in_minutes: Option<i64>,
        /// The version the device expects; a mismatch is a `VersionConflictException`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        expected_version: Option<i64>,
    },
    /// Time passes: fire everything due up to and including `to`.
    Advance {
        /// Epoch milliseconds.
        to: i64,
    },
    /// CancelJob.
    CancelJob {
        /// Also cancel IN_PROGRESS executions.
        #[serde(default)]
        force: bool,
        /// `[\p{Upper}\p{Digit}_]+`, at most 128 characters.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason_code: Option<String>,
        /// At most 2028 characters, no control characters.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        comment: Option<String>,
    },
    /// CancelJobExecution.
    CancelJobExecution {
        /// Thing name.
        thing: String,
        /// Also cancel an IN_PROGRESS execution.
        #[serde(default)]
        force: bool,
        /// The version the caller expects; a mismatch is a `VersionConflictException`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        expected_version: Option<i64>,
    },
    /// DeleteJob.
    DeleteJob {
        /// Needed to delete a job that is not COMPLETED or CANCELED.
        #[serde(default)]
        force: bool,
    },
    /// UpdateJob, validated as an UpdateJob request first.
    UpdateJob {
        /// The UpdateJob request (`jobId` must name this job).
        request: serde_json::Value,
    },
    /// A thing joined a targeted group.
    ThingAdded {
        /// Thing name.
        thing: String,
    },
    /// A thing left a targeted group (or was deleted).
    ThingRemoved {
        /// Thing name.
        thing: String,
    },
}

impl Event {
    /// The `type` of every event, in declaration order (what the JSON form
    /// and the npm `Event` union name them).
    pub const TYPES: [&'static str; 8] = [
        "deviceUpdate",
        "advance",
        "cancelJob",
        "cancelJobExecution",
        "deleteJob",
        "updateJob",
        "thingAdded",
        "thingRemoved",
    ];

    /// An `UpdateJob` event from the typed request (its JSON is what
    /// [`Event::UpdateJob`] holds and the machine validates).
    ///
    /// ```
    /// use iot_jobs_policy::machine::{Effect, Event, Job};
    /// use iot_jobs_policy::types::{CreateJobRequest, TimeoutConfig, UpdateJobRequest};
    /// use iot_jobs_policy::Options;
    /// let create = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
    ///     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
    /// let (mut job, _) = Job::create(&create, ["t1"], 0, &Options::default()).unwrap();
    /// let update = UpdateJobRequest {
    ///     job_id: "fw-1".into(),
    ///     timeout_config: Some(TimeoutConfig { in_progress_timeout_in_minutes: Some(30) }),
    ///     ..Default::default()
    /// };
    /// let (effects, error) = job.step(1_000, Event::update_job(&update));
    /// assert!(error.is_none());
    /// assert!(matches!(&effects[0].effect, Effect::JobUpdated { fields, .. } if fields == &["timeoutConfig"]));
    /// assert_eq!(effects[0].at, 1_000);
    /// let timeout = job.describe_response().job.timeout_config;
    /// assert_eq!(timeout.and_then(|t| t.in_progress_timeout_in_minutes), Some(30));
    /// ```
    pub fn update_job(request: &crate::types::UpdateJobRequest) -> Event {
        Event::UpdateJob {
            // Serialising a typed request cannot fail (non-finite doubles
            // become `null`, which the validator then refuses).
            request: serde_json::to_value(request).unwrap_or(serde_json::Value::Null),
        }
    }

    /// The event's `type` tag, e.g. `deviceUpdate`.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::DeviceUpdate { .. } => "deviceUpdate",
            Event::Advance { .. } => "advance",
            Event::CancelJob { .. } => "cancelJob",
            Event::CancelJobExecution { .. } => "cancelJobExecution",
            Event::DeleteJob { .. } => "deleteJob",
            Event::UpdateJob { .. } => "updateJob",
            Event::ThingAdded { .. } => "thingAdded",
            Event::ThingRemoved { .. } => "thingRemoved",
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One output of the machine: something that changed and that the outside
/// world may act on. Every effect names the rule (`J3`, `E12`, `R-9`, ...)
/// of the crate's rule catalogue (`iot-jobs-policy rules`) that caused it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Effect {
    /// The job's status changed (`from` is absent at creation).
    JobStatusChanged {
        /// The previous status.
        #[serde(skip_serializing_if = "Option::is_none")]
        from: Option<JobStatus>,
        /// The new status.
        to: JobStatus,
        /// The rule that caused it.
        rule: &'static str,
    },
    /// An execution's status changed. `to: QUEUED` means the device is
    /// notified of a pending execution (new, retry or re-join); for a status
    /// report while IN_PROGRESS (E3) `from` equals `to`.
    ExecutionStatusChanged {
        /// Thing name.
        thing: String,
        /// The previous status (absent for a new execution).
        #[serde(skip_serializing_if = "Option::is_none")]
        from: Option<ExecutionStatus>,
        /// The new status.
        to: ExecutionStatus,
        /// `executionNumber` (absent for a thing removed before it had an execution).
        #[serde(skip_serializing_if = "Option::is_none")]
        execution_number: Option<u32>,
        /// `retryAttempt` after the change.
        retry_attempt: u32,
        /// Set when a forced cancel ended an IN_PROGRESS execution.
        #[serde(skip_serializing_if = "is_false")]
        force_canceled: bool,
        /// The rule that caused it.
        rule: &'static str,
    },
    /// The abort criteria fired (followed by the job's change to CANCELED).
    JobAborted {
        /// The criterion's `failureType`.
        failure_type: String,
        /// Terminal executions counted (SUCCEEDED, FAILED, REJECTED, TIMED_OUT).
        executed: u64,
        /// Of which matched the failure type.
        matched: u64,
        /// The `reasonCode` recorded on the job.
        reason_code: String,
        /// The `comment` recorded on the job.
        comment: String,
        /// The rule that caused it.
        rule: &'static str,
    },
    /// A thing left the group of a CONTINUOUS job while IN_PROGRESS: its
    /// remaining retries are canceled.
    RetriesCanceled {
        /// Thing name.
        thing: String,
        /// The rule that caused it.
        rule: &'static str,
    },
    /// UpdateJob changed the job's configuration.
    JobUpdated {
        /// The members that were set, in request order of the model.
        fields: Vec<String>,
        /// The rule that caused it.
        rule: &'static str,
    },
    /// DeleteJob was accepted: the job and its executions are being deleted.
    JobDeleted {
        /// The rule that caused it.
        rule: &'static str,
    },
}

/// An [`Effect`] and the time it happened (epoch milliseconds).
///
/// Every effect the machine returns is timed: an effect of a deadline
/// (a rollout slot, an execution timer, a scheduled start or end) carries
/// the time the deadline fired, even when one `advance` fires several
/// deadlines at once; the effects of an event carry the event's time, and
/// the effects of a creation its creation time. Serialised as the effect's
/// own members after `at`: `{"at": 60000, "type": "executionStatusChanged", ...}`.
///
/// ```
/// use iot_jobs_policy::machine::{Effect, Job};
/// use iot_jobs_policy::types::{CreateJobRequest, JobExecutionsRolloutConfig};
/// use iot_jobs_policy::Options;
/// let request = CreateJobRequest {
///     job_id: "fw-1".into(),
///     document: Some("{}".into()),
///     targets: (1..=3).map(|i| format!("arn:aws:iot:eu-west-1:123456789012:thing/t{i}")).collect(),
///     job_executions_rollout_config: Some(JobExecutionsRolloutConfig { maximum_per_minute: Some(1), ..Default::default() }),
///     ..Default::default()
/// };
/// let (mut job, created) = Job::create(&request, ["t1", "t2", "t3"], 0, &Options::default()).unwrap();
/// assert!(created.iter().all(|fx| fx.at == 0));
/// // One advance over three minutes: t2 was notified at minute 1, t3 at minute 2.
/// let fired = job.advance(180_000).unwrap();
/// let times: Vec<i64> = fired.iter().map(|fx| fx.at).collect();
/// assert_eq!(times, [60_000, 120_000]);
/// assert!(matches!(&fired[0].effect, Effect::ExecutionStatusChanged { thing, .. } if thing == "t2"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimedEffect {
    /// When the effect happened (epoch milliseconds).
    pub at: i64,
    /// What happened.
    #[serde(flatten)]
    pub effect: Effect,
}

/// The kind of a [`MachineError`]. AWS exceptions keep their AWS names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// `InvalidStateTransitionException` (409).
    InvalidStateTransition,
    /// `VersionConflictException` (409).
    VersionConflict,
    /// `ResourceNotFoundException` (404).
    ResourceNotFound,
    /// `InvalidRequestException` (400): the request or event is malformed.
    InvalidRequest,
    /// Not AWS: an event's time is before the machine's current time.
    TimeWentBackwards,
    /// Not AWS: a deadline at or before the event's time has not been fired
    /// (advance first, or use [`crate::machine::Job::step`]).
    DeadlinePending,
    /// Not AWS: a snapshot could not be restored.
    InvalidSnapshot,
}

impl ErrorCode {
    /// Every code, in declaration order.
    pub const ALL: [ErrorCode; 7] = [
        ErrorCode::InvalidStateTransition,
        ErrorCode::VersionConflict,
        ErrorCode::ResourceNotFound,
        ErrorCode::InvalidRequest,
        ErrorCode::TimeWentBackwards,
        ErrorCode::DeadlinePending,
        ErrorCode::InvalidSnapshot,
    ];

    /// The serialised code, e.g. `InvalidStateTransitionException`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidStateTransition => "InvalidStateTransitionException",
            ErrorCode::VersionConflict => "VersionConflictException",
            ErrorCode::ResourceNotFound => "ResourceNotFoundException",
            ErrorCode::InvalidRequest => "InvalidRequestException",
            ErrorCode::TimeWentBackwards => "timeWentBackwards",
            ErrorCode::DeadlinePending => "deadlinePending",
            ErrorCode::InvalidSnapshot => "invalidSnapshot",
        }
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One validator violation carried by an `InvalidRequestException`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RequestViolation {
    /// The validator's stable code, e.g. `maximum`.
    pub code: String,
    /// JSON Pointer into the request.
    pub path: String,
    /// One lowercase sentence.
    pub message: String,
}

/// A refused creation or event. The machine's state is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{code}: {message}")]
#[non_exhaustive]
pub struct MachineError {
    code: ErrorCode,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    violations: Vec<RequestViolation>,
}

impl MachineError {
    /// A refusal that is AWS behaviour, citing the catalogue entry `rule`.
    pub(crate) fn new(code: ErrorCode, rule: &'static str, message: impl Into<String>) -> Self {
        MachineError {
            code,
            message: message.into(),
            rule: Some(rule),
            violations: Vec::new(),
        }
    }

    /// A refusal of the machine's own (a time out of range or going
    /// backwards, a pending deadline, an invalid snapshot, a request the
    /// machine cannot read): no catalogue entry describes it.
    pub(crate) fn without_rule(code: ErrorCode, message: impl Into<String>) -> Self {
        MachineError {
            code,
            message: message.into(),
            rule: None,
            violations: Vec::new(),
        }
    }

    pub(crate) fn invalid_request(report: &crate::Report, what: &str) -> Self {
        let violations: Vec<RequestViolation> = report
            .errors()
            .map(|v| RequestViolation {
                code: v.code().as_str().to_owned(),
                path: v.path().to_owned(),
                message: v.message().to_owned(),
            })
            .collect();
        let n = violations.len();
        MachineError {
            code: ErrorCode::InvalidRequest,
            message: format!(
                "the {what} request is not valid ({n} violation{})",
                if n == 1 { "" } else { "s" }
            ),
            rule: Some("V-1"),
            violations,
        }
    }

    /// The kind of error.
    pub fn code(&self) -> ErrorCode {
        self.code
    }
    /// One lowercase sentence for people.
    pub fn message(&self) -> &str {
        &self.message
    }
    /// The rule of the crate's rule catalogue (`iot-jobs-policy rules`) that
    /// refuses the event (`E13`, `J13`, `V-1`, ...), when the refusal is AWS
    /// behaviour. `None` for the machine's own refusals, which no catalogue
    /// entry describes: a time out of range or going backwards
    /// (`timeWentBackwards`), a pending deadline (`deadlinePending`), an
    /// invalid snapshot (`invalidSnapshot`), a request the machine cannot
    /// read or serialise.
    ///
    /// ```
    /// use iot_jobs_policy::machine::{ErrorCode, Event, Job};
    /// use iot_jobs_policy::types::CreateJobRequest;
    /// use iot_jobs_policy::Options;
    /// let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
    ///     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
    /// let (mut job, _) = Job::create(&request, ["t1"], 1_000, &Options::default()).unwrap();
    /// let e = job.apply(0, Event::Advance { to: 0 }).unwrap_err();
    /// assert_eq!((e.code(), e.rule()), (ErrorCode::TimeWentBackwards, None));
    /// let e = job.apply(1_000, Event::ThingAdded { thing: "bad name".into() }).unwrap_err();
    /// assert_eq!(e.rule(), Some("V-34"));
    /// ```
    pub fn rule(&self) -> Option<&str> {
        self.rule
    }
    /// For `InvalidRequestException` on a CreateJob/UpdateJob request: every error the validator found.
    pub fn violations(&self) -> &[RequestViolation] {
        &self.violations
    }
}

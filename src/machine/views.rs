//! Read-only views shaped like the AWS responses (DescribeJob,
//! ListJobExecutionsForJob, ListJobExecutionsForThing) and typed accessors.
//!
//! Times are epoch **seconds** as JSON numbers, as on the AWS JSON wire:
//! an integer when the millisecond part is zero, otherwise a number with up
//! to three decimals (`1700000000.25`). Absent members are omitted, never
//! `null`.

use super::{
    err, ErrorCode, Exec, ExecutionStatus, Job, MachineError, St, FORCE_CANCELED, NO_TIME,
};
use crate::types::{
    AbortConfig, JobExecutionsRetryConfig, JobExecutionsRolloutConfig, PresignedUrlConfig,
    SchedulingConfig, TargetSelection, TimeoutConfig,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Page size when `maxResults` is not given (decision; AWS does not document it).
pub const DEFAULT_MAX_RESULTS: i64 = 250;

/// Things per execution status (`jobProcessDetails`), plus those the rollout
/// has not reached yet. The nine numbers always add up to the number of things.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    /// QUEUED.
    pub queued: u64,
    /// IN_PROGRESS.
    pub in_progress: u64,
    /// SUCCEEDED.
    pub succeeded: u64,
    /// FAILED.
    pub failed: u64,
    /// TIMED_OUT.
    pub timed_out: u64,
    /// REJECTED.
    pub rejected: u64,
    /// REMOVED.
    pub removed: u64,
    /// CANCELED.
    pub canceled: u64,
    /// Not notified yet (no execution).
    pub pending: u64,
}

impl Counts {
    /// The sum of all nine numbers.
    pub fn total(&self) -> u64 {
        self.queued
            + self.in_progress
            + self.succeeded
            + self.failed
            + self.timed_out
            + self.rejected
            + self.removed
            + self.canceled
            + self.pending
    }
}

/// One thing's execution, typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExecutionSummary {
    /// Thing name.
    pub thing: String,
    /// `None` while the rollout has not reached the thing.
    pub status: Option<ExecutionStatus>,
    /// `executionNumber` (1 for the first execution, +1 per re-join).
    pub execution_number: Option<u32>,
    /// `retryAttempt`.
    pub retry_attempt: u32,
    /// `versionNumber` (1 when queued, +1 per change).
    pub version_number: u32,
    /// `queuedAt` in epoch ms.
    pub queued_at: Option<i64>,
    /// `startedAt` in epoch ms.
    pub started_at: Option<i64>,
    /// `lastUpdatedAt` in epoch ms.
    pub last_updated_at: Option<i64>,
    /// `forceCanceled`.
    pub force_canceled: bool,
}

fn opt_time(t: i64) -> Option<i64> {
    (t != NO_TIME).then_some(t)
}

/// Epoch ms as AWS epoch seconds.
pub(crate) fn seconds(ms: i64) -> Value {
    if ms % 1000 == 0 {
        Value::from(ms / 1000)
    } else {
        Value::from(ms as f64 / 1000.0)
    }
}

/// FNV-1a, 32 bits.
fn fnv32(parts: &[&[u8]]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for p in parts {
        for &b in *p {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// A time in the views: epoch milliseconds inside, AWS epoch **seconds**
/// on the wire (an integer when whole, otherwise up to three decimals).
///
/// ```
/// use iot_jobs_policy::machine::Timestamp;
/// let t = Timestamp::from_millis(1_700_000_000_250);
/// assert_eq!(t.as_millis(), 1_700_000_000_250);
/// assert_eq!(serde_json::to_string(&t).unwrap(), "1700000000.25");
/// assert_eq!(serde_json::to_string(&Timestamp::from_millis(2_000)).unwrap(), "2");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    /// The time `ms` epoch milliseconds.
    pub fn from_millis(ms: i64) -> Timestamp {
        Timestamp(ms)
    }
    /// Epoch milliseconds.
    pub fn as_millis(self) -> i64 {
        self.0
    }
}

impl Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // The same numbers as `seconds` (the `Value` views).
        if self.0 % 1000 == 0 {
            s.serialize_i64(self.0 / 1000)
        } else {
            s.serialize_f64(self.0 as f64 / 1000.0)
        }
    }
}

/// Reads the seconds that `Serialize` (and the JSON views) write, back to
/// the same milliseconds: `2` is 2000 ms, `1700000000.25` is
/// 1700000000250 ms.
///
/// ```
/// use iot_jobs_policy::machine::Timestamp;
/// let t: Timestamp = serde_json::from_str("1700000000.25").unwrap();
/// assert_eq!(t, Timestamp::from_millis(1_700_000_000_250));
/// assert_eq!(serde_json::from_str::<Timestamp>("2").unwrap().as_millis(), 2_000);
/// ```
impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let n = serde_json::Number::deserialize(d)?;
        Timestamp::from_seconds(&n).ok_or_else(|| {
            serde::de::Error::custom(format!("`{n}` seconds is not a time in milliseconds"))
        })
    }
}

impl Timestamp {
    /// The milliseconds whose seconds `n` is.
    fn from_seconds(n: &serde_json::Number) -> Option<Timestamp> {
        if let Some(s) = n.as_i64() {
            return s.checked_mul(1000).map(Timestamp);
        }
        let f = n.as_f64()?;
        let near = (f * 1000.0).round();
        // A `Number` is finite. INVARIANT: below, |near| < 2^63, so the cast is exact.
        if near.abs() >= 9.223_372_036_854_776e18 {
            return None;
        }
        let near = near as i64;
        // `f * 1000` may miss by a millisecond near `MAX_TIME_MS`; below 2^53 ms
        // each millisecond has its own double, so the one that writes `f` is
        // the answer.
        let ms = [0, -1, 1, -2, 2]
            .into_iter()
            .filter_map(|d| near.checked_add(d))
            .find(|&ms| ms as f64 / 1000.0 == f)
            .unwrap_or(near);
        Some(Timestamp(ms))
    }
}

/// The DescribeJob response, typed ([`Job::describe_response`]). Serialises
/// to exactly the JSON of [`Job::describe`].
///
/// ```
/// # use iot_jobs_policy::machine::Job;
/// # use iot_jobs_policy::types::CreateJobRequest;
/// # use iot_jobs_policy::Options;
/// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
/// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
/// # let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
/// let response = job.describe_response();
/// assert_eq!(response.job.job_id, "fw-1");
/// assert_eq!(response.job.job_process_details.number_of_queued_things, 1);
/// assert_eq!(serde_json::to_value(&response).unwrap(), job.describe());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
// Members in the byte order of their JSON names, as `serde_json::Value`
// (a sorted map here) writes them: the JSON must equal `describe()`'s.
pub struct DescribeJobResponse {
    /// `documentSource` of the request, when the job was created from one (V-35).
    #[serde(default, deserialize_with = "lenient")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_source: Option<String>,
    /// The job.
    pub job: JobDescription,
}

/// The `job` of a DescribeJob response. Request members are echoed as last
/// set (by CreateJob, then UpdateJob).
///
/// Serialised, it equals the JSON form for every request the validator
/// accepts written with integers where the model has integers; a request
/// member the typed form cannot hold exactly is normalised (`5.0` for an
/// integer member reads `5`, `50.0` for a double reads `50`, `null` is
/// absent), and one that does not fit its type at all (only in a hand-made
/// snapshot) is left out.
///
/// ```
/// # use iot_jobs_policy::machine::Job;
/// # use iot_jobs_policy::types::CreateJobRequest;
/// # use iot_jobs_policy::Options;
/// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
/// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
/// # let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
/// let job = job.describe_response().job;
/// assert_eq!(job.job_arn, "arn:aws:iot:eu-west-1:123456789012:job/fw-1");
/// assert_eq!(job.is_concurrent, Some(false)); // the one thing is notified (latest API)
/// assert_eq!(job.abort_config, None);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobDescription {
    /// `abortConfig`.
    #[serde(default, deserialize_with = "lenient")]
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "sorted")]
    pub abort_config: Option<AbortConfig>,
    /// `comment` of the CancelJob that canceled the job.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// `completedAt`: when the job reached a terminal status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<Timestamp>,
    /// `createdAt`.
    pub created_at: Timestamp,
    /// `description`.
    #[serde(default, deserialize_with = "lenient")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `destinationPackageVersions` (latest API).
    #[serde(default, deserialize_with = "lenient")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_package_versions: Option<Vec<String>>,
    /// `documentParameters`.
    #[serde(default, deserialize_with = "lenient")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_parameters: Option<BTreeMap<String, String>>,
    /// `forceCanceled`.
    pub force_canceled: bool,
    /// `isConcurrent` (latest API only): true while new executions roll out (R-22).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_concurrent: Option<bool>,
    /// `jobArn`.
    pub job_arn: String,
    /// `jobExecutionsRetryConfig`.
    #[serde(default, deserialize_with = "lenient")]
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "sorted")]
    pub job_executions_retry_config: Option<JobExecutionsRetryConfig>,
    /// `jobExecutionsRolloutConfig`.
    #[serde(default, deserialize_with = "lenient")]
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "sorted")]
    pub job_executions_rollout_config: Option<JobExecutionsRolloutConfig>,
    /// `jobId`.
    pub job_id: String,
    /// `jobProcessDetails`.
    pub job_process_details: JobProcessDetails,
    /// `jobTemplateArn`.
    #[serde(default, deserialize_with = "lenient")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_template_arn: Option<String>,
    /// `lastUpdatedAt`.
    pub last_updated_at: Timestamp,
    /// `namespaceId`.
    #[serde(default, deserialize_with = "lenient")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace_id: Option<String>,
    /// `presignedUrlConfig`.
    #[serde(default, deserialize_with = "lenient")]
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "sorted")]
    pub presigned_url_config: Option<PresignedUrlConfig>,
    /// `reasonCode` (`ABORT_CRITERIA_MET` for an abort, or CancelJob's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_code: Option<String>,
    /// `schedulingConfig` (latest API).
    #[serde(default, deserialize_with = "lenient")]
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "sorted")]
    pub scheduling_config: Option<SchedulingConfig>,
    /// `status`.
    pub status: super::JobStatus,
    /// `targetSelection`.
    pub target_selection: TargetSelection,
    /// `targets`, as in the request.
    pub targets: Vec<String>,
    /// `timeoutConfig`.
    #[serde(default, deserialize_with = "lenient")]
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "sorted")]
    pub timeout_config: Option<TimeoutConfig>,
}

/// `jobProcessDetails`: things per execution status.
///
/// ```
/// # use iot_jobs_policy::machine::Job;
/// # use iot_jobs_policy::types::CreateJobRequest;
/// # use iot_jobs_policy::Options;
/// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
/// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
/// # let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
/// let details = job.describe_response().job.job_process_details;
/// assert_eq!(details.number_of_queued_things, 1);
/// assert_eq!(details.processing_targets, None); // the rollout is done
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobProcessDetails {
    /// CANCELED.
    pub number_of_canceled_things: u64,
    /// FAILED.
    pub number_of_failed_things: u64,
    /// IN_PROGRESS.
    pub number_of_in_progress_things: u64,
    /// QUEUED.
    pub number_of_queued_things: u64,
    /// REJECTED.
    pub number_of_rejected_things: u64,
    /// REMOVED.
    pub number_of_removed_things: u64,
    /// SUCCEEDED.
    pub number_of_succeeded_things: u64,
    /// TIMED_OUT.
    pub number_of_timed_out_things: u64,
    /// The targets still being rolled out (R-20); absent once the rollout is done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub processing_targets: Option<Vec<String>>,
}

/// `jobExecutionSummary` of the ListJobExecutions responses.
///
/// ```
/// # use iot_jobs_policy::machine::Job;
/// # use iot_jobs_policy::types::CreateJobRequest;
/// # use iot_jobs_policy::Options;
/// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
/// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
/// # let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
/// let page = job.list_all_executions_for_job_response();
/// let summary = &page.execution_summaries[0].job_execution_summary;
/// assert_eq!((summary.execution_number, summary.retry_attempt), (Some(1), 0));
/// assert_eq!(summary.queued_at.map(|t| t.as_millis()), Some(0));
/// assert_eq!(summary.started_at, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobExecutionSummary {
    /// `executionNumber`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execution_number: Option<u32>,
    /// `lastUpdatedAt`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_updated_at: Option<Timestamp>,
    /// `queuedAt`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queued_at: Option<Timestamp>,
    /// `retryAttempt`.
    pub retry_attempt: u32,
    /// `startedAt`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Timestamp>,
    /// `status`.
    pub status: ExecutionStatus,
}

/// One item of a ListJobExecutionsForJob response.
///
/// ```
/// # use iot_jobs_policy::machine::Job;
/// # use iot_jobs_policy::types::CreateJobRequest;
/// # use iot_jobs_policy::Options;
/// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
/// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
/// # let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
/// let item = &job.list_all_executions_for_job_response().execution_summaries[0];
/// assert_eq!(item.thing_arn, "arn:aws:iot:eu-west-1:123456789012:thing/t1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobExecutionSummaryForJob {
    /// The execution.
    pub job_execution_summary: JobExecutionSummary,
    /// `thingArn`.
    pub thing_arn: String,
}

/// The ListJobExecutionsForJob response, typed
/// ([`Job::list_executions_for_job_response`]). Serialises to exactly the
/// JSON of [`Job::list_executions_for_job`].
///
/// ```
/// # use iot_jobs_policy::machine::Job;
/// # use iot_jobs_policy::types::CreateJobRequest;
/// # use iot_jobs_policy::Options;
/// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
/// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into(),
/// #                   "arn:aws:iot:eu-west-1:123456789012:thing/t2".into()], ..Default::default() };
/// # let (job, _) = Job::create(&request, ["t1", "t2"], 0, &Options::default()).unwrap();
/// let page = job.list_executions_for_job_response(None, Some(1), None).unwrap();
/// assert_eq!(page.execution_summaries[0].thing_arn, "arn:aws:iot:eu-west-1:123456789012:thing/t1");
/// let next = job.list_executions_for_job_response(None, Some(1), page.next_token.as_deref()).unwrap();
/// assert_eq!(next.execution_summaries[0].thing_arn, "arn:aws:iot:eu-west-1:123456789012:thing/t2");
/// assert_eq!(next.next_token, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListJobExecutionsForJobResponse {
    /// The page, in target order.
    pub execution_summaries: Vec<JobExecutionSummaryForJob>,
    /// Where the next page starts; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// One item of a ListJobExecutionsForThing response.
///
/// ```
/// # use iot_jobs_policy::machine::Job;
/// # use iot_jobs_policy::types::CreateJobRequest;
/// # use iot_jobs_policy::Options;
/// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
/// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
/// # let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
/// let r = job.list_executions_for_thing_response("t1", None, None, None).unwrap();
/// assert_eq!(r.execution_summaries[0].job_id, "fw-1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobExecutionSummaryForThing {
    /// The execution.
    pub job_execution_summary: JobExecutionSummary,
    /// `jobId`.
    pub job_id: String,
}

/// The ListJobExecutionsForThing response for one job, typed
/// ([`Job::list_executions_for_thing_response`]). Serialises to exactly
/// the JSON of [`Job::list_executions_for_thing`].
///
/// ```
/// # use iot_jobs_policy::machine::{ExecutionStatus, Job};
/// # use iot_jobs_policy::types::CreateJobRequest;
/// # use iot_jobs_policy::Options;
/// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
/// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
/// # let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
/// let r = job.list_executions_for_thing_response("t1", None, None, None).unwrap();
/// assert_eq!(r.execution_summaries[0].job_id, "fw-1");
/// assert_eq!(r.execution_summaries[0].job_execution_summary.status, ExecutionStatus::Queued);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListJobExecutionsForThingResponse {
    /// At most one summary: the thing's execution of this job.
    pub execution_summaries: Vec<JobExecutionSummaryForThing>,
}

/// The state of a job at a glance ([`Job::inspect`]); times in epoch ms.
/// Serialises to the members of [`super::text::inspect`] after `type`.
///
/// ```
/// # use iot_jobs_policy::machine::{Job, JobStatus};
/// # use iot_jobs_policy::types::CreateJobRequest;
/// # use iot_jobs_policy::Options;
/// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
/// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
/// # let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
/// let i = job.inspect();
/// assert_eq!((i.status, i.thing_count, i.counts.queued), (JobStatus::InProgress, 1, 1));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Inspection {
    /// The job id.
    pub job_id: String,
    /// The job's status.
    pub status: super::JobStatus,
    /// The machine's current time.
    pub now: i64,
    /// When time next matters ([`Job::next_deadline`]).
    pub next_deadline: Option<i64>,
    /// Things in the job.
    pub thing_count: usize,
    /// Things per status.
    pub counts: Counts,
}

/// A request member echoed in DescribeJob, with its members in the byte
/// order of their names (as `serde_json::Value` writes the JSON form).
fn sorted<T: Serialize, S: serde::Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    serde_json::to_value(v)
        .map_err(serde::ser::Error::custom)?
        .serialize(s)
}

/// An echoed request member in its typed form; left out (`None`) when it
/// does not fit (only in a hand-made snapshot).
fn lenient<'de, T, D>(d: D) -> Result<Option<T>, D::Error>
where
    T: serde::de::DeserializeOwned,
    D: serde::Deserializer<'de>,
{
    Ok(serde_json::from_value(Value::deserialize(d)?).ok())
}

/// The items of a ListJobExecutions response and its `nextToken`, typed. An
/// item that does not read back is left out (none: the JSON views write
/// what the typed ones read, which tests/machine.rs checks on every vector).
fn read_page<T: serde::de::DeserializeOwned>(mut page: Value) -> (Vec<T>, Option<String>) {
    let items = match page.get_mut("executionSummaries").map(Value::take) {
        Some(Value::Array(items)) => items,
        _ => Vec::new(),
    };
    let items = items
        .into_iter()
        .filter_map(|i| serde_json::from_value(i).ok())
        .collect();
    let token = page
        .get("nextToken")
        .and_then(Value::as_str)
        .map(str::to_owned);
    (items, token)
}

impl Job {
    /// Things per status.
    pub fn counts(&self) -> Counts {
        let c = |s: St| self.counts.get(s as usize).copied().unwrap_or(0);
        Counts {
            queued: c(St::Queued),
            in_progress: c(St::InProgress),
            succeeded: c(St::Succeeded),
            failed: c(St::Failed),
            timed_out: c(St::TimedOut),
            rejected: c(St::Rejected),
            removed: c(St::Removed),
            canceled: c(St::Canceled),
            pending: c(St::Pending),
        }
    }

    fn summary_at(&self, i: usize) -> Option<ExecutionSummary> {
        let e: &Exec = self.execs.get(i)?;
        Some(ExecutionSummary {
            thing: self.names.get(i)?.to_owned(),
            status: e.status.public(),
            execution_number: (e.execution_number > 0).then_some(e.execution_number),
            retry_attempt: e.retry_attempt(),
            version_number: e.version,
            queued_at: opt_time(e.queued_at),
            started_at: opt_time(e.started_at),
            last_updated_at: opt_time(e.last_updated_at),
            force_canceled: e.flags & FORCE_CANCELED != 0,
        })
    }

    /// The execution on `thing`, or `None` for a thing the job does not know.
    pub fn execution(&self, thing: &str) -> Option<ExecutionSummary> {
        self.summary_at(self.names.find(thing)?)
    }

    /// Every thing's execution, in target order.
    pub fn executions(&self) -> impl Iterator<Item = ExecutionSummary> + '_ {
        (0..self.execs.len()).filter_map(move |i| self.summary_at(i))
    }

    /// The DescribeJob response as JSON: `{"job": {...}}` (plus
    /// `documentSource` beside `job` when the job was created from one,
    /// V-35). [`Job::describe_response`] is the typed form.
    pub fn describe(&self) -> Value {
        let mut job = Map::new();
        let mut put = |k: &str, v: Value| {
            job.insert(k.to_owned(), v);
        };
        put("jobArn", Value::from(self.job_arn.clone()));
        put("jobId", Value::from(self.job_id.clone()));
        put(
            "targetSelection",
            Value::from(match self.selection {
                super::Selection::Snapshot => "SNAPSHOT",
                super::Selection::Continuous => "CONTINUOUS",
            }),
        );
        put("status", Value::from(self.status.as_str()));
        put("forceCanceled", Value::from(self.force_canceled));
        if let Some(r) = &self.reason_code {
            put("reasonCode", Value::from(r.clone()));
        }
        if let Some(c) = &self.comment {
            put("comment", Value::from(c.clone()));
        }
        put("targets", Value::from(self.targets.clone()));
        for (k, v) in &self.echo {
            if k != "documentSource" {
                put(k, v.clone());
            }
        }
        put("createdAt", seconds(self.created_at));
        put("lastUpdatedAt", seconds(self.last_updated_at));
        if let Some(t) = self.completed_at {
            put("completedAt", seconds(t));
        }
        if let Some(concurrent) = self.is_concurrent() {
            put("isConcurrent", Value::from(concurrent));
        }
        let c = self.counts();
        let mut d = Map::new();
        if let Some(targets) = self.processing_targets() {
            d.insert("processingTargets".into(), Value::from(targets.to_vec()));
        }
        for (k, n) in [
            ("numberOfCanceledThings", c.canceled),
            ("numberOfSucceededThings", c.succeeded),
            ("numberOfFailedThings", c.failed),
            ("numberOfRejectedThings", c.rejected),
            ("numberOfQueuedThings", c.queued),
            ("numberOfInProgressThings", c.in_progress),
            ("numberOfRemovedThings", c.removed),
            ("numberOfTimedOutThings", c.timed_out),
        ] {
            d.insert(k.into(), Value::from(n));
        }
        put("jobProcessDetails", Value::Object(d));
        let mut out = Map::new();
        out.insert("job".into(), Value::Object(job));
        if let Some(s) = self.echo.get("documentSource") {
            out.insert("documentSource".into(), s.clone());
        }
        Value::Object(out)
    }

    /// R-22: concurrent while rolling out new executions (latest API only).
    fn is_concurrent(&self) -> Option<bool> {
        (self.api == crate::ApiVersion::Latest).then(|| self.rolling_out())
    }

    /// R-20: the targets still being rolled out; absent once rollout is done.
    /// Things are not tracked per target, so every target is listed while
    /// any thing is still waiting for the rollout.
    fn processing_targets(&self) -> Option<&[String]> {
        (self.rolling_out() || self.status == super::JobStatus::Scheduled)
            .then_some(self.targets.as_slice())
    }

    fn rolling_out(&self) -> bool {
        self.status == super::JobStatus::InProgress && !self.ended && self.cursor < self.rollout_len
    }

    fn summary_json(&self, i: usize) -> Option<Value> {
        let e = self.execs.get(i)?;
        let status = e.status.public()?;
        let mut s = Map::new();
        s.insert("status".into(), Value::from(status.as_str()));
        for (k, t) in [
            ("queuedAt", e.queued_at),
            ("startedAt", e.started_at),
            ("lastUpdatedAt", e.last_updated_at),
        ] {
            if t != NO_TIME {
                s.insert(k.into(), seconds(t));
            }
        }
        if e.execution_number > 0 {
            s.insert("executionNumber".into(), Value::from(e.execution_number));
        }
        s.insert("retryAttempt".into(), Value::from(e.retry_attempt()));
        Some(Value::Object(s))
    }

    /// One item of a ListJobExecutionsForJob response.
    fn item_for_job(&self, i: usize) -> Option<Value> {
        let name = self.names.get(i)?;
        let summary = self.summary_json(i)?;
        let mut item = Map::new();
        item.insert(
            "thingArn".into(),
            Value::from(format!("{}thing/{name}", self.arn_prefix)),
        );
        item.insert("jobExecutionSummary".into(), summary);
        Some(Value::Object(item))
    }

    fn token(&self, scope: &str, filter: Option<ExecutionStatus>, offset: usize) -> String {
        let f = filter.map_or("", ExecutionStatus::as_str);
        let o = offset.to_string();
        let sum = fnv32(&[
            self.job_id.as_bytes(),
            scope.as_bytes(),
            f.as_bytes(),
            o.as_bytes(),
        ]);
        format!("{offset:08x}{sum:08x}")
    }

    fn parse_token(
        &self,
        scope: &str,
        filter: Option<ExecutionStatus>,
        token: Option<&str>,
    ) -> Result<usize, MachineError> {
        let Some(t) = token else { return Ok(0) };
        let bad = || {
            err(
                ErrorCode::InvalidRequest,
                "V-34",
                format!("nextToken `{t}` is not valid for this request"),
            )
        };
        if t.len() != 16 || !t.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let off = t
            .get(..8)
            .and_then(|h| usize::from_str_radix(h, 16).ok())
            .ok_or_else(bad)?;
        if self.token(scope, filter, off) != t {
            return Err(bad());
        }
        Ok(off)
    }

    fn page_size(max_results: Option<i64>) -> Result<usize, MachineError> {
        match max_results {
            None => Ok(DEFAULT_MAX_RESULTS as usize),
            Some(n) if (1..=250).contains(&n) => Ok(n as usize),
            Some(n) => Err(err(
                ErrorCode::InvalidRequest,
                "V-34",
                format!("maxResults `{n}` is outside 1..=250"),
            )),
        }
    }

    /// The ListJobExecutionsForJob response: executions in target order,
    /// optionally of one status, `max_results` (1..=250, default 250) per
    /// page, with an opaque deterministic `nextToken` (16 hex digits: the
    /// resume offset and a checksum over job, filter and offset).
    ///
    /// # Errors
    /// `InvalidRequestException` for a `max_results` out of range or a token
    /// this job did not issue for the same filter.
    ///
    /// [`Job::list_executions_for_job_response`] is the typed form.
    pub fn list_executions_for_job(
        &self,
        status: Option<ExecutionStatus>,
        max_results: Option<i64>,
        next_token: Option<&str>,
    ) -> Result<Value, MachineError> {
        let size = Self::page_size(max_results)?;
        let start = self.parse_token("job", status, next_token)?;
        let mut items = Vec::new();
        let mut i = start;
        while i < self.execs.len() && items.len() < size {
            let matches = self
                .execs
                .get(i)
                .and_then(|e| e.status.public())
                .is_some_and(|s| status.map_or(true, |f| f == s));
            if matches {
                items.extend(self.item_for_job(i));
            }
            i += 1;
        }
        // Only hand out a token when another match exists.
        let more = (i..self.execs.len()).any(|j| {
            self.execs
                .get(j)
                .and_then(|e| e.status.public())
                .is_some_and(|s| status.map_or(true, |f| f == s))
        });
        let mut out = Map::new();
        out.insert("executionSummaries".into(), Value::Array(items));
        if more {
            out.insert(
                "nextToken".into(),
                Value::from(self.token("job", status, i)),
            );
        }
        Ok(Value::Object(out))
    }

    /// Every execution of the job, as one ListJobExecutionsForJob response
    /// without `nextToken` ([`Job::list_all_executions_for_job_response`]
    /// is the typed form).
    pub fn list_all_executions_for_job(&self) -> Value {
        let items: Vec<Value> = (0..self.execs.len())
            .filter_map(|i| self.item_for_job(i))
            .collect();
        let mut out = Map::new();
        out.insert("executionSummaries".into(), Value::Array(items));
        Value::Object(out)
    }

    /// The ListJobExecutionsForThing response for this job: at most one
    /// summary (the thing's current execution), filtered by `status`.
    ///
    /// # Errors
    /// `InvalidRequestException` for an invalid thing name, a `max_results`
    /// out of range or a bad token.
    ///
    /// [`Job::list_executions_for_thing_response`] is the typed form.
    pub fn list_executions_for_thing(
        &self,
        thing: &str,
        status: Option<ExecutionStatus>,
        max_results: Option<i64>,
        next_token: Option<&str>,
    ) -> Result<Value, MachineError> {
        if !super::names::valid_thing_name(thing) {
            return Err(err(
                ErrorCode::InvalidRequest,
                "V-34",
                format!("`{thing}` is not a valid thing name"),
            ));
        }
        Self::page_size(max_results)?;
        let scope = format!("thing:{thing}");
        let start = self.parse_token(&scope, status, next_token)?;
        let mut items = Vec::new();
        if start == 0 {
            if let Some(i) = self.names.find(thing) {
                let matches = self
                    .execs
                    .get(i)
                    .and_then(|e| e.status.public())
                    .is_some_and(|s| status.map_or(true, |f| f == s));
                if let (true, Some(summary)) = (matches, self.summary_json(i)) {
                    let mut item = Map::new();
                    item.insert("jobId".into(), Value::from(self.job_id.clone()));
                    item.insert("jobExecutionSummary".into(), summary);
                    items.push(Value::Object(item));
                }
            }
        }
        let mut out = Map::new();
        out.insert("executionSummaries".into(), Value::Array(items));
        Ok(Value::Object(out))
    }
}

impl Job {
    /// The DescribeJob response, typed; [`Job::describe`] is its JSON. The
    /// job's own members come from its state, the echoed request members
    /// from the configuration as last set (one that does not fit its type,
    /// only possible in a hand-made snapshot, is left out).
    ///
    /// ```
    /// # use iot_jobs_policy::machine::{Job, JobStatus};
    /// # use iot_jobs_policy::types::CreateJobRequest;
    /// # use iot_jobs_policy::Options;
    /// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
    /// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
    /// let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
    /// let d = job.describe_response().job;
    /// assert_eq!((d.status, d.created_at.as_millis()), (JobStatus::InProgress, 0));
    /// ```
    pub fn describe_response(&self) -> DescribeJobResponse {
        let c = self.counts();
        DescribeJobResponse {
            document_source: self.echoed("documentSource"),
            job: JobDescription {
                abort_config: self.echoed("abortConfig"),
                comment: self.comment.clone(),
                completed_at: self.completed_at.map(Timestamp),
                created_at: Timestamp(self.created_at),
                description: self.echoed("description"),
                destination_package_versions: self.echoed("destinationPackageVersions"),
                document_parameters: self.echoed("documentParameters"),
                force_canceled: self.force_canceled,
                is_concurrent: self.is_concurrent(),
                job_arn: self.job_arn.clone(),
                job_executions_retry_config: self.echoed("jobExecutionsRetryConfig"),
                job_executions_rollout_config: self.echoed("jobExecutionsRolloutConfig"),
                job_id: self.job_id.clone(),
                job_process_details: JobProcessDetails {
                    number_of_canceled_things: c.canceled,
                    number_of_failed_things: c.failed,
                    number_of_in_progress_things: c.in_progress,
                    number_of_queued_things: c.queued,
                    number_of_rejected_things: c.rejected,
                    number_of_removed_things: c.removed,
                    number_of_succeeded_things: c.succeeded,
                    number_of_timed_out_things: c.timed_out,
                    processing_targets: self.processing_targets().map(<[String]>::to_vec),
                },
                job_template_arn: self.echoed("jobTemplateArn"),
                last_updated_at: Timestamp(self.last_updated_at),
                namespace_id: self.echoed("namespaceId"),
                presigned_url_config: self.echoed("presignedUrlConfig"),
                reason_code: self.reason_code.clone(),
                scheduling_config: self.echoed("schedulingConfig"),
                status: self.status,
                target_selection: match self.selection {
                    super::Selection::Snapshot => TargetSelection::Snapshot,
                    super::Selection::Continuous => TargetSelection::Continuous,
                },
                targets: self.targets.clone(),
                timeout_config: self.echoed("timeoutConfig"),
            },
        }
    }

    /// The echoed request member `name` in its typed form, as [`lenient`]
    /// reads it.
    fn echoed<T: serde::de::DeserializeOwned>(&self, name: &str) -> Option<T> {
        T::deserialize(self.echo.get(name)?).ok()
    }

    /// The ListJobExecutionsForJob response, typed;
    /// [`Job::list_executions_for_job`] is its JSON (same arguments, same
    /// pages and tokens).
    ///
    /// # Errors
    /// As [`Job::list_executions_for_job`].
    ///
    /// ```
    /// # use iot_jobs_policy::machine::{ExecutionStatus, Job};
    /// # use iot_jobs_policy::types::CreateJobRequest;
    /// # use iot_jobs_policy::Options;
    /// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
    /// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
    /// let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
    /// let page = job.list_executions_for_job_response(Some(ExecutionStatus::Queued), None, None).unwrap();
    /// assert_eq!(page.execution_summaries.len(), 1);
    /// assert!(job.list_executions_for_job_response(None, Some(0), None).is_err());
    /// ```
    pub fn list_executions_for_job_response(
        &self,
        status: Option<ExecutionStatus>,
        max_results: Option<i64>,
        next_token: Option<&str>,
    ) -> Result<ListJobExecutionsForJobResponse, MachineError> {
        let (execution_summaries, next_token) =
            read_page(self.list_executions_for_job(status, max_results, next_token)?);
        Ok(ListJobExecutionsForJobResponse {
            execution_summaries,
            next_token,
        })
    }

    /// Every execution of the job as one ListJobExecutionsForJob response
    /// without `nextToken`, typed; [`Job::list_all_executions_for_job`] is
    /// its JSON.
    ///
    /// ```
    /// # use iot_jobs_policy::machine::Job;
    /// # use iot_jobs_policy::types::CreateJobRequest;
    /// # use iot_jobs_policy::Options;
    /// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
    /// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
    /// # let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
    /// let all = job.list_all_executions_for_job_response();
    /// assert_eq!((all.execution_summaries.len(), all.next_token), (1, None));
    /// assert_eq!(serde_json::to_value(&job.list_all_executions_for_job_response()).unwrap(),
    ///            job.list_all_executions_for_job());
    /// ```
    pub fn list_all_executions_for_job_response(&self) -> ListJobExecutionsForJobResponse {
        let (execution_summaries, next_token) = read_page(self.list_all_executions_for_job());
        ListJobExecutionsForJobResponse {
            execution_summaries,
            next_token,
        }
    }

    /// The ListJobExecutionsForThing response for this job, typed;
    /// [`Job::list_executions_for_thing`] is its JSON.
    ///
    /// # Errors
    /// As [`Job::list_executions_for_thing`].
    ///
    /// ```
    /// # use iot_jobs_policy::machine::Job;
    /// # use iot_jobs_policy::types::CreateJobRequest;
    /// # use iot_jobs_policy::Options;
    /// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
    /// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
    /// # let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
    /// let r = job.list_executions_for_thing_response("t1", None, None, None).unwrap();
    /// assert_eq!(r.execution_summaries.len(), 1);
    /// let other = job.list_executions_for_thing_response("t9", None, None, None).unwrap();
    /// assert!(other.execution_summaries.is_empty());
    /// assert!(job.list_executions_for_thing_response("not a name", None, None, None).is_err());
    /// ```
    pub fn list_executions_for_thing_response(
        &self,
        thing: &str,
        status: Option<ExecutionStatus>,
        max_results: Option<i64>,
        next_token: Option<&str>,
    ) -> Result<ListJobExecutionsForThingResponse, MachineError> {
        let page = self.list_executions_for_thing(thing, status, max_results, next_token)?;
        Ok(ListJobExecutionsForThingResponse {
            execution_summaries: read_page(page).0,
        })
    }

    /// The state at a glance: id, status, time, next deadline, things and
    /// counts (what [`super::text::inspect`] answers).
    ///
    /// ```
    /// # use iot_jobs_policy::machine::Job;
    /// # use iot_jobs_policy::types::CreateJobRequest;
    /// # use iot_jobs_policy::Options;
    /// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
    /// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
    /// # let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
    /// let i = job.inspect();
    /// assert_eq!((i.job_id.as_str(), i.now, i.next_deadline), ("fw-1", 0, None));
    /// ```
    pub fn inspect(&self) -> Inspection {
        Inspection {
            job_id: self.job_id.clone(),
            status: self.status,
            now: self.now,
            next_deadline: self.next_deadline(),
            thing_count: self.thing_count(),
            counts: self.counts(),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn seconds_are_integers_when_whole() {
        assert_eq!(seconds(1_700_000_000_000).to_string(), "1700000000");
        assert_eq!(seconds(1_700_000_000_250).to_string(), "1700000000.25");
        assert_eq!(seconds(1).to_string(), "0.001");
    }

    /// A hand-made snapshot's configuration may hold a member that does not
    /// fit, or one named like a job member: `describe()` writes them as they
    /// are, the typed view leaves them out.
    #[test]
    fn the_typed_description_reads_only_echoed_members() {
        let request = serde_json::json!({"jobId": "j", "document": "{}",
            "targets": ["arn:aws:iot:eu-west-1:123456789012:thing/t1"]});
        let (job, _) = Job::create(&request, ["t1"], 0, &crate::Options::default()).unwrap();
        let mut snap: Value = serde_json::from_str(&job.to_snapshot()).unwrap();
        snap["config"] =
            serde_json::json!({"status": "NOPE", "abortConfig": 5, "description": "d"});
        let job = Job::from_snapshot(&snap.to_string()).unwrap();
        let json = job.describe();
        assert_eq!(
            (&json["job"]["status"], &json["job"]["abortConfig"]),
            (&serde_json::json!("NOPE"), &serde_json::json!(5))
        );
        let typed = job.describe_response().job;
        assert_eq!(
            (typed.status, typed.abort_config),
            (super::super::JobStatus::InProgress, None)
        );
        assert_eq!(
            (typed.description.as_deref(), typed.is_concurrent),
            (Some("d"), Some(false))
        );
    }

    /// The typed views read their times back from `seconds`: every
    /// millisecond in the machine's range gives itself back, as a `Value`
    /// and as text, and writes the same JSON again.
    #[test]
    fn seconds_read_back_to_the_same_milliseconds() {
        let max = super::super::MAX_TIME_MS;
        let mut samples: Vec<i64> = (0..200_000).chain(max - 200_000..=max).collect();
        for k in 0..63 {
            let p = 1i64 << k;
            samples.extend(
                [p - 1, p, p + 1]
                    .into_iter()
                    .filter(|t| (0..=max).contains(t)),
            );
        }
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..500_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            samples.push((x % (max as u64 + 1)) as i64);
        }
        for ms in samples {
            let v = seconds(ms);
            let t: Timestamp = serde_json::from_value(v.clone()).unwrap();
            assert_eq!(t.as_millis(), ms, "{v}");
            let text: Timestamp = serde_json::from_str(&v.to_string()).unwrap();
            assert_eq!(text.as_millis(), ms, "{v} as text");
            assert_eq!(serde_json::to_value(t).unwrap(), v);
        }
    }
}

//! The typed responses: DescribeJob and the two ListJobExecutions pages.

use super::super::{ExecutionStatus, JobStatus};
use super::Timestamp;
use crate::types::{
    AbortConfig, JobExecutionsRetryConfig, JobExecutionsRolloutConfig, PresignedUrlConfig,
    SchedulingConfig, TargetSelection, TimeoutConfig,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The DescribeJob response, typed ([`Job::describe_response`](crate::machine::Job::describe_response)). Serialises
/// to exactly the JSON of [`Job::describe`](crate::machine::Job::describe).
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
#[non_exhaustive]
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
#[non_exhaustive]
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
    /// `scheduledJobRollouts` (latest API, R-5): the next seven maintenance
    /// window starts after the job's current time, present when the job has
    /// maintenance windows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_job_rollouts: Option<Vec<ScheduledJobRollout>>,
    /// `schedulingConfig` (latest API).
    #[serde(default, deserialize_with = "lenient")]
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "sorted")]
    pub scheduling_config: Option<SchedulingConfig>,
    /// `status`.
    pub status: JobStatus,
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
#[non_exhaustive]
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
#[non_exhaustive]
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
#[non_exhaustive]
pub struct JobExecutionSummaryForJob {
    /// The execution.
    pub job_execution_summary: JobExecutionSummary,
    /// `thingArn`.
    pub thing_arn: String,
}

/// The ListJobExecutionsForJob response, typed
/// ([`Job::list_executions_for_job_response`](crate::machine::Job::list_executions_for_job_response)). Serialises to exactly the
/// JSON of [`Job::list_executions_for_job`](crate::machine::Job::list_executions_for_job).
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
#[non_exhaustive]
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
#[non_exhaustive]
pub struct JobExecutionSummaryForThing {
    /// The execution.
    pub job_execution_summary: JobExecutionSummary,
    /// `jobId`.
    pub job_id: String,
}

/// The ListJobExecutionsForThing response for one job, typed
/// ([`Job::list_executions_for_thing_response`](crate::machine::Job::list_executions_for_thing_response)). Serialises to exactly
/// the JSON of [`Job::list_executions_for_thing`](crate::machine::Job::list_executions_for_thing).
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
#[non_exhaustive]
pub struct ListJobExecutionsForThingResponse {
    /// At most one summary: the thing's execution of this job.
    pub execution_summaries: Vec<JobExecutionSummaryForThing>,
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
pub(super) fn read_page<T: serde::de::DeserializeOwned>(
    mut page: Value,
) -> (Vec<T>, Option<String>) {
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

/// One entry of `scheduledJobRollouts` (R-5): a maintenance window start.
///
/// ```
/// use iot_jobs_policy::machine::ScheduledJobRollout;
/// let r: ScheduledJobRollout = serde_json::from_str(r#"{"startTime": "2026-01-01T02:00"}"#).unwrap();
/// assert_eq!(r.start_time, "2026-01-01T02:00");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ScheduledJobRollout {
    /// `startTime`: the window start, `YYYY-MM-DDTHH:MM` in UTC (the form of
    /// the scheduling strings, `StringDateTime`).
    pub start_time: String,
}

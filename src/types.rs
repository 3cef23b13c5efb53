//! Typed request structs, one per operation, with AWS's camelCase member names.
//!
//! They serialise to exactly the JSON an SDK sends, and
//! [`crate::validate_request`] checks them through the same walk as text.
//! Numbers are `f64`/`i64` rather than narrower types so that every value
//! AWS could be sent can be represented and judged.

use crate::api::Operation;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A request type for one operation.
pub trait Request: Serialize {
    /// The operation the request is for.
    const OPERATION: Operation;
}

/// `PresignedUrlConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PresignedUrlConfig {
    /// IAM role that may read the S3 objects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    /// Validity of each URL in seconds (60..=3600).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in_sec: Option<i64>,
}

/// `RateIncreaseCriteria`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RateIncreaseCriteria {
    /// Grow the rate each time this many more things were notified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_of_notified_things: Option<i64>,
    /// Grow the rate each time this many more things succeeded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_of_succeeded_things: Option<i64>,
}

/// `ExponentialRolloutRate`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExponentialRolloutRate {
    /// Things notified per minute at the start (1..=1000).
    pub base_rate_per_minute: i64,
    /// Factor applied at each threshold (1.1..=5, one decimal place).
    pub increment_factor: f64,
    /// When the rate grows.
    pub rate_increase_criteria: RateIncreaseCriteria,
}

/// `JobExecutionsRolloutConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JobExecutionsRolloutConfig {
    /// Ceiling of things notified per minute (1..=1000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum_per_minute: Option<i64>,
    /// Exponential growth of the rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exponential_rate: Option<ExponentialRolloutRate>,
}

/// `AbortCriteria`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AbortCriteria {
    /// `FAILED`, `REJECTED`, `TIMED_OUT` or `ALL`.
    pub failure_type: String,
    /// `CANCEL`.
    pub action: String,
    /// Share of failures that aborts the job (two decimal places at most).
    pub threshold_percentage: f64,
    /// Executions that must finish before the criterion is checked.
    pub min_number_of_executed_things: i64,
}

/// `AbortConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AbortConfig {
    /// At least one criterion.
    pub criteria_list: Vec<AbortCriteria>,
}

/// `TimeoutConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TimeoutConfig {
    /// Minutes an execution may stay IN_PROGRESS (1..=10080).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_progress_timeout_in_minutes: Option<i64>,
}

/// `RetryCriteria`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RetryCriteria {
    /// `FAILED`, `TIMED_OUT` or `ALL`.
    pub failure_type: String,
    /// Retries for that failure type (0..=10).
    pub number_of_retries: i64,
}

/// `JobExecutionsRetryConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JobExecutionsRetryConfig {
    /// One or two criteria.
    pub criteria_list: Vec<RetryCriteria>,
}

/// `Tag` (members are capitalised on the wire).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    /// The key.
    #[serde(rename = "Key")]
    pub key: String,
    /// The value.
    #[serde(rename = "Value", skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// `MaintenanceWindow` (latest API).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MaintenanceWindow {
    /// Cron expression of the window's start.
    pub start_time: String,
    /// Length of the window (1..=1430 minutes).
    pub duration_in_minutes: i64,
}

/// `SchedulingConfig` (latest API).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SchedulingConfig {
    /// `YYYY-MM-DDTHH:MM` start of the rollout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    /// `YYYY-MM-DDTHH:MM` end of the rollout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    /// `STOP_ROLLOUT`, `CANCEL` or `FORCE_CANCEL`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_behavior: Option<String>,
    /// Recurring windows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maintenance_windows: Option<Vec<MaintenanceWindow>>,
}

/// `CreateJob` input.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateJobRequest {
    /// Job id (path).
    pub job_id: String,
    /// Thing and thing-group ARNs.
    pub targets: Vec<String>,
    /// S3 URL of the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_source: Option<String>,
    /// Inline document (JSON text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Presigned S3 URLs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presigned_url_config: Option<PresignedUrlConfig>,
    /// `SNAPSHOT` (default) or `CONTINUOUS`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_selection: Option<String>,
    /// Rollout rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_executions_rollout_config: Option<JobExecutionsRolloutConfig>,
    /// Abort criteria.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abort_config: Option<AbortConfig>,
    /// In-progress timeout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_config: Option<TimeoutConfig>,
    /// Tags.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// Customer-managed job namespace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace_id: Option<String>,
    /// Template the job is made from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_template_arn: Option<String>,
    /// Retries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_executions_retry_config: Option<JobExecutionsRetryConfig>,
    /// Parameters of an AWS managed template.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_parameters: Option<BTreeMap<String, String>>,
    /// Schedule (latest API).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduling_config: Option<SchedulingConfig>,
    /// Package versions (latest API).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_package_versions: Option<Vec<String>>,
}

impl Request for CreateJobRequest {
    const OPERATION: Operation = Operation::CreateJob;
}

/// `CreateJobTemplate` input.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateJobTemplateRequest {
    /// Template id (path).
    pub job_template_id: String,
    /// Job to copy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_arn: Option<String>,
    /// S3 URL of the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_source: Option<String>,
    /// Inline document (JSON text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// Description (required).
    pub description: String,
    /// Presigned S3 URLs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presigned_url_config: Option<PresignedUrlConfig>,
    /// Rollout rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_executions_rollout_config: Option<JobExecutionsRolloutConfig>,
    /// Abort criteria.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abort_config: Option<AbortConfig>,
    /// In-progress timeout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_config: Option<TimeoutConfig>,
    /// Tags.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// Retries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_executions_retry_config: Option<JobExecutionsRetryConfig>,
    /// Maintenance windows (latest API).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maintenance_windows: Option<Vec<MaintenanceWindow>>,
    /// Package versions (latest API).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_package_versions: Option<Vec<String>>,
}

impl Request for CreateJobTemplateRequest {
    const OPERATION: Operation = Operation::CreateJobTemplate;
}

/// `DescribeJob` input.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DescribeJobRequest {
    /// Job id (path).
    pub job_id: String,
    /// View before parameter substitution (latest API, query).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before_substitution: Option<bool>,
}

impl Request for DescribeJobRequest {
    const OPERATION: Operation = Operation::DescribeJob;
}

/// `DescribeJobTemplate` input.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DescribeJobTemplateRequest {
    /// Template id (path).
    pub job_template_id: String,
}

impl Request for DescribeJobTemplateRequest {
    const OPERATION: Operation = Operation::DescribeJobTemplate;
}

/// `ListJobExecutionsForJob` input.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListJobExecutionsForJobRequest {
    /// Job id (path).
    pub job_id: String,
    /// Execution status filter (query).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Page size 1..=250 (query).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i64>,
    /// Page token (query).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Request for ListJobExecutionsForJobRequest {
    const OPERATION: Operation = Operation::ListJobExecutionsForJob;
}

/// `ListJobExecutionsForThing` input.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListJobExecutionsForThingRequest {
    /// Thing name (path).
    pub thing_name: String,
    /// Execution status filter (query).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Namespace filter (query).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace_id: Option<String>,
    /// Page size 1..=250 (query).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i64>,
    /// Page token (query).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// Job id filter (query).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_id: Option<String>,
}

impl Request for ListJobExecutionsForThingRequest {
    const OPERATION: Operation = Operation::ListJobExecutionsForThing;
}

/// `UpdateJob` input.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateJobRequest {
    /// Job id (path).
    pub job_id: String,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Presigned S3 URLs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presigned_url_config: Option<PresignedUrlConfig>,
    /// Rollout rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_executions_rollout_config: Option<JobExecutionsRolloutConfig>,
    /// Abort criteria.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abort_config: Option<AbortConfig>,
    /// In-progress timeout (new executions only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_config: Option<TimeoutConfig>,
    /// Namespace (query).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace_id: Option<String>,
    /// Retries (may only be lowered to 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_executions_retry_config: Option<JobExecutionsRetryConfig>,
}

impl Request for UpdateJobRequest {
    const OPERATION: Operation = Operation::UpdateJob;
}

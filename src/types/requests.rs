//! One request struct per operation, each with its [`Request`] impl.

use super::enums::{JobExecutionStatus, TargetSelection};
use super::num;
use super::shapes::{
    AbortConfig, JobExecutionsRetryConfig, JobExecutionsRolloutConfig, MaintenanceWindow,
    PresignedUrlConfig, SchedulingConfig, Tag, TimeoutConfig,
};
use super::Request;
use crate::validate::api::Operation;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    pub target_selection: Option<TargetSelection>,
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
    pub status: Option<JobExecutionStatus>,
    /// Page size 1..=250 (query).
    #[serde(
        default,
        deserialize_with = "num::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
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
    pub status: Option<JobExecutionStatus>,
    /// Namespace filter (query).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace_id: Option<String>,
    /// Page size 1..=250 (query).
    #[serde(
        default,
        deserialize_with = "num::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
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

//! The structures that requests share (rollout, abort, timeout, retry,
//! presigned URLs, tags, scheduling), as nested request members.

use super::enums::{AbortAction, AbortFailureType, JobEndBehavior, RetryFailureType};
use super::num;
use serde::{Deserialize, Serialize};

/// `PresignedUrlConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PresignedUrlConfig {
    /// IAM role that may read the S3 objects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    /// Validity of each URL in seconds (60..=3600).
    #[serde(
        default,
        deserialize_with = "num::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub expires_in_sec: Option<i64>,
}

/// `RateIncreaseCriteria`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RateIncreaseCriteria {
    /// Grow the rate each time this many more things were notified.
    #[serde(
        default,
        deserialize_with = "num::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub number_of_notified_things: Option<i64>,
    /// Grow the rate each time this many more things succeeded.
    #[serde(
        default,
        deserialize_with = "num::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub number_of_succeeded_things: Option<i64>,
}

/// `ExponentialRolloutRate`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExponentialRolloutRate {
    /// Things notified per minute at the start (1..=1000).
    #[serde(deserialize_with = "num::int")]
    pub base_rate_per_minute: i64,
    /// Factor applied at each threshold (1.1..=5, one decimal place).
    #[serde(serialize_with = "num::float")]
    pub increment_factor: f64,
    /// When the rate grows.
    pub rate_increase_criteria: RateIncreaseCriteria,
}

/// `JobExecutionsRolloutConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JobExecutionsRolloutConfig {
    /// Ceiling of things notified per minute (1..=1000).
    #[serde(
        default,
        deserialize_with = "num::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub maximum_per_minute: Option<i64>,
    /// Exponential growth of the rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exponential_rate: Option<ExponentialRolloutRate>,
}

/// `AbortCriteria`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AbortCriteria {
    /// `FAILED`, `REJECTED`, `TIMED_OUT` or `ALL`.
    pub failure_type: AbortFailureType,
    /// `CANCEL`.
    pub action: AbortAction,
    /// Share of failures that aborts the job (two decimal places at most).
    #[serde(serialize_with = "num::float")]
    pub threshold_percentage: f64,
    /// Executions that must finish before the criterion is checked.
    #[serde(deserialize_with = "num::int")]
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
    #[serde(
        default,
        deserialize_with = "num::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub in_progress_timeout_in_minutes: Option<i64>,
}

/// `RetryCriteria`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RetryCriteria {
    /// `FAILED`, `TIMED_OUT` or `ALL`.
    pub failure_type: RetryFailureType,
    /// Retries for that failure type (0..=10).
    #[serde(deserialize_with = "num::int")]
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
    #[serde(deserialize_with = "num::int")]
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
    pub end_behavior: Option<JobEndBehavior>,
    /// Recurring windows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maintenance_windows: Option<Vec<MaintenanceWindow>>,
}

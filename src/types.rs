//! Typed request structs, one per operation, with AWS's camelCase member names.
//!
//! They serialise to exactly the JSON an SDK sends, and
//! [`crate::validate_request`] checks them through the same walk as text.
//! Numbers are `f64`/`i64` rather than narrower types so that every value
//! AWS could be sent can be represented and judged. Integer members also
//! deserialise from integral doubles (`5.0`, `5e0`), as the validator
//! accepts them, so a body the validator accepts always deserialises; double
//! members serialise `50.0` as `50`, as JavaScript writes it.
//!
//! Members the AWS model types as an enum are Rust enums
//! ([`TargetSelection`], [`AbortFailureType`], [`AbortAction`],
//! [`RetryFailureType`], [`JobEndBehavior`], [`JobExecutionStatus`]). Each
//! has an `Unknown(String)` variant, so a value outside the enum still
//! deserialises and serialises unchanged, and [`crate::validate_request`]
//! reports it as an `enum` violation at its path, exactly as it does for
//! the same JSON text:
//!
//! ```
//! use iot_jobs_policy::types::{RetryCriteria, RetryFailureType, JobExecutionsRetryConfig, CreateJobRequest};
//! use iot_jobs_policy::{validate_request, Code, Options};
//! let request = CreateJobRequest {
//!     job_id: "fw-1".into(),
//!     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()],
//!     document: Some("{}".into()),
//!     job_executions_retry_config: Some(JobExecutionsRetryConfig {
//!         criteria_list: vec![
//!             RetryCriteria { failure_type: RetryFailureType::Failed, number_of_retries: 2 },
//!             RetryCriteria { failure_type: "Timed_Out".into(), number_of_retries: 2 },
//!         ],
//!     }),
//!     ..Default::default()
//! };
//! assert_eq!(RetryFailureType::from("Timed_Out"), RetryFailureType::Unknown("Timed_Out".into()));
//! let report = validate_request(&request, &Options::default());
//! let v = &report.violations()[0];
//! assert_eq!((v.code(), v.path()), (Code::Enum, "/jobExecutionsRetryConfig/criteriaList/1/failureType"));
//! assert_eq!(v.help(), Some("did you mean `TIMED_OUT`?"));
//! ```

use crate::validate::api::Operation;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Numbers as the validator reads them.
mod num {
    use serde::{Deserialize, Deserializer, Serializer};

    /// An integer member: `5`, or an integral double such as `5.0` or `5e0`
    /// (the validator accepts those, since JavaScript cannot tell them apart).
    pub(super) fn int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        let n = serde_json::Number::deserialize(d)?;
        if let Some(i) = n.as_i64() {
            return Ok(i);
        }
        match n.as_f64() {
            // INVARIANT: |f| < 2^63, so the cast is exact.
            Some(f) if f.fract() == 0.0 && f.abs() < 9.223_372_036_854_776e18 => Ok(f as i64),
            _ => Err(serde::de::Error::custom(format!(
                "`{n}` is not an integer of 64 bits"
            ))),
        }
    }

    /// An optional integer member (`null` is absent, as in the AWS SDKs).
    pub(super) fn opt_int<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        match Option::<serde_json::Number>::deserialize(d)? {
            None => Ok(None),
            Some(n) => int(n).map(Some).map_err(serde::de::Error::custom),
        }
    }

    /// A double member, written as JavaScript writes it: `50` for 50.0.
    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's signature
    pub(super) fn float<S: Serializer>(f: &f64, s: S) -> Result<S::Ok, S::Error> {
        // INVARIANT: |f| < 2^53, so the integral value is exact as an i64.
        if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
            s.serialize_i64(*f as i64)
        } else {
            s.serialize_f64(*f)
        }
    }
}

/// Defines a string enum of the AWS model with an `Unknown(String)` variant.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $name:ident ($shape:literal) { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)* }
        example: $known:ident = $known_text:literal;
    ) => {
        $(#[$meta])*
        ///
        /// Serialises to the AWS string; deserialises from any string
        /// (a value outside the enum becomes `Unknown`, which
        /// [`crate::validate_request`] reports as `enum`). `From<&str>`
        /// and `FromStr` (which never fails) map the AWS strings to their
        /// variants.
        ///
        /// ```
        #[doc = concat!("use iot_jobs_policy::types::", stringify!($name), ";")]
        #[doc = concat!("let v: ", stringify!($name), " = serde_json::from_str(r#\"", stringify!($known_text), "\"#).unwrap();")]
        #[doc = concat!("assert_eq!(v, ", stringify!($name), "::", stringify!($known), ");")]
        #[doc = concat!("assert_eq!(v.as_str(), ", stringify!($known_text), ");")]
        #[doc = concat!("assert_eq!(serde_json::to_string(&v).unwrap(), r#\"", stringify!($known_text), "\"#);")]
        #[doc = concat!("let odd = ", stringify!($name), "::from(\"nope\");")]
        #[doc = concat!("assert_eq!(odd, ", stringify!($name), "::Unknown(\"nope\".into()));")]
        #[doc = "assert_eq!(serde_json::to_string(&odd).unwrap(), r#\"\"nope\"\"#);"]
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive] // AWS may add values (they read as `Unknown` until then)
        pub enum $name {
            $($(#[$vmeta])* #[doc = concat!("`", $text, "`.")] $variant,)*
            /// A value outside the enum of the AWS model, kept as given.
            Unknown(String),
        }

        impl $name {
            #[doc = concat!("Every value of the `", $shape, "` enum of the AWS model, in the model's order.")]
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The AWS string (the raw string for `Unknown`).
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)*
                    $name::Unknown(s) => s,
                }
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> $name {
                match s {
                    $($text => $name::$variant,)*
                    other => $name::Unknown(other.to_owned()),
                }
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> $name {
                match $name::from(s.as_str()) {
                    $name::Unknown(_) => $name::Unknown(s),
                    known => known,
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;

            fn from_str(s: &str) -> Result<$name, Self::Err> {
                Ok($name::from(s))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                String::deserialize(d).map($name::from)
            }
        }
    };
}

string_enum! {
    /// `targetSelection` (`TargetSelection`): whether things added to a
    /// target group later also run the job.
    TargetSelection ("TargetSelection") {
        /// Things that join a target group later run the job too.
        Continuous = "CONTINUOUS",
        /// Only the things targeted when the job is created (the default).
        Snapshot = "SNAPSHOT",
    }
    example: Continuous = "CONTINUOUS";
}

string_enum! {
    /// `failureType` of an abort criterion (`JobExecutionFailureType`).
    AbortFailureType ("JobExecutionFailureType") {
        /// Executions that ended FAILED.
        Failed = "FAILED",
        /// Executions that ended REJECTED.
        Rejected = "REJECTED",
        /// Executions that ended TIMED_OUT.
        TimedOut = "TIMED_OUT",
        /// Any of the three.
        All = "ALL",
    }
    example: TimedOut = "TIMED_OUT";
}

string_enum! {
    /// `action` of an abort criterion (`AbortAction`).
    AbortAction ("AbortAction") {
        /// Cancel the job.
        Cancel = "CANCEL",
    }
    example: Cancel = "CANCEL";
}

string_enum! {
    /// `failureType` of a retry criterion (`RetryableFailureType`).
    RetryFailureType ("RetryableFailureType") {
        /// Retry executions that ended FAILED.
        Failed = "FAILED",
        /// Retry executions that ended TIMED_OUT.
        TimedOut = "TIMED_OUT",
        /// Retry both, from one shared budget.
        All = "ALL",
    }
    example: All = "ALL";
}

string_enum! {
    /// `schedulingConfig.endBehavior` (`JobEndBehavior`, latest API): what
    /// happens at `endTime`.
    JobEndBehavior ("JobEndBehavior") {
        /// Stop the rollout; executions already queued or running go on.
        StopRollout = "STOP_ROLLOUT",
        /// Also cancel the QUEUED executions.
        Cancel = "CANCEL",
        /// Also cancel the QUEUED and IN_PROGRESS executions.
        ForceCancel = "FORCE_CANCEL",
    }
    example: ForceCancel = "FORCE_CANCEL";
}

string_enum! {
    /// `status` filter of the ListJobExecutions operations (`JobExecutionStatus`).
    JobExecutionStatus ("JobExecutionStatus") {
        /// Notified, not started.
        Queued = "QUEUED",
        /// Started by the device.
        InProgress = "IN_PROGRESS",
        /// Ended successfully.
        Succeeded = "SUCCEEDED",
        /// Ended in failure.
        Failed = "FAILED",
        /// Timed out.
        TimedOut = "TIMED_OUT",
        /// Rejected by the device.
        Rejected = "REJECTED",
        /// The thing left the target.
        Removed = "REMOVED",
        /// Canceled.
        Canceled = "CANCELED",
    }
    example: InProgress = "IN_PROGRESS";
}

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

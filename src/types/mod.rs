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
//!
//! The enums are in `enums`, the shared structures in `shapes`, the request
//! structs in `requests`; all are re-exported here.

mod enums;
mod num;
mod requests;
mod shapes;

pub use enums::{
    AbortAction, AbortFailureType, JobEndBehavior, JobExecutionStatus, RetryFailureType,
    TargetSelection,
};
pub use requests::{
    CreateJobRequest, CreateJobTemplateRequest, DescribeJobRequest, DescribeJobTemplateRequest,
    ListJobExecutionsForJobRequest, ListJobExecutionsForThingRequest, UpdateJobRequest,
};
pub use shapes::{
    AbortConfig, AbortCriteria, ExponentialRolloutRate, JobExecutionsRetryConfig,
    JobExecutionsRolloutConfig, MaintenanceWindow, PresignedUrlConfig, RateIncreaseCriteria,
    RetryCriteria, SchedulingConfig, Tag, TimeoutConfig,
};

use crate::validate::api::Operation;
use serde::Serialize;

/// A request type for one operation.
pub trait Request: Serialize {
    /// The operation the request is for.
    const OPERATION: Operation;
}

//! Identifier and ARN shapes used across operations.

use crate::validate::model::Shape;
use crate::validate::primitive::Pattern;

/// `JobId`: length 1..=64.
pub(crate) const JOB_ID_MIN: u64 = 1;
/// `JobId`: length 1..=64.
pub(crate) const JOB_ID_MAX: u64 = 64;
/// `ThingName`: length 1..=128.
pub(crate) const THING_NAME_MAX: u64 = 128;
/// `NamespaceId` in the 2022 model: length 1..=64 (no bounds in the latest model).
pub(crate) const NAMESPACE_ID_MAX_2022: u64 = 64;
/// `JobTemplateArn` and `PackageVersionArn`: length 1..=1600.
pub(crate) const TEMPLATE_ARN_MAX: u64 = 1600;
/// `JobDescription`: at most 2028 characters.
pub(crate) const DESCRIPTION_MAX: u64 = 2028;
/// `LaserMaxResults`: 1..=250.
pub(crate) const MAX_RESULTS_MAX: i64 = 250;

/// `JobId`.
pub(crate) static JOB_ID: Shape =
    Shape::string("JobId", Some(JOB_ID_MIN), Some(JOB_ID_MAX)).pattern(Pattern::Id);
/// `JobTemplateId`.
pub(crate) static JOB_TEMPLATE_ID: Shape =
    Shape::string("JobTemplateId", Some(JOB_ID_MIN), Some(JOB_ID_MAX)).pattern(Pattern::Id);
/// `ThingName`.
pub(crate) static THING_NAME: Shape =
    Shape::string("ThingName", Some(1), Some(THING_NAME_MAX)).pattern(Pattern::ThingName);
/// `NamespaceId` (2022 model).
pub(crate) static NAMESPACE_ID_2022: Shape =
    Shape::string("NamespaceId", Some(1), Some(NAMESPACE_ID_MAX_2022)).pattern(Pattern::Id);
/// `NamespaceId` (latest model).
pub(crate) static NAMESPACE_ID_LATEST: Shape =
    Shape::string("NamespaceId", None, None).pattern(Pattern::Id);
/// `JobTemplateArn`.
pub(crate) static JOB_TEMPLATE_ARN: Shape =
    Shape::string("JobTemplateArn", Some(1), Some(TEMPLATE_ARN_MAX)).pattern(Pattern::Arn);
/// `JobArn` (no constraints).
pub(crate) static JOB_ARN: Shape = Shape::string("JobArn", None, None);
/// `JobDescription`.
pub(crate) static DESCRIPTION: Shape =
    Shape::string("JobDescription", None, Some(DESCRIPTION_MAX)).pattern(Pattern::NoControl);
/// `NextToken` (no constraints).
pub(crate) static NEXT_TOKEN: Shape = Shape::string("NextToken", None, None);
/// `LaserMaxResults`.
pub(crate) static MAX_RESULTS: Shape =
    Shape::int("LaserMaxResults", Some(1), Some(MAX_RESULTS_MAX));
/// `JobExecutionStatus`.
pub(crate) static JOB_EXECUTION_STATUS: Shape = Shape::enumeration(
    "JobExecutionStatus",
    &[
        "QUEUED",
        "IN_PROGRESS",
        "SUCCEEDED",
        "FAILED",
        "TIMED_OUT",
        "REJECTED",
        "REMOVED",
        "CANCELED",
    ],
);
/// `BeforeSubstitutionFlag` (latest model only).
pub(crate) static BEFORE_SUBSTITUTION: Shape = Shape::boolean("BeforeSubstitutionFlag");

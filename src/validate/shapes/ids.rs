//! Identifier and ARN shapes used across operations.

use crate::validate::model::{Kind, Shape};
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

const fn s(
    name: &'static str,
    min: Option<u64>,
    max: Option<u64>,
    pattern: Option<Pattern>,
) -> Shape {
    Shape {
        name,
        kind: Kind::Str {
            min,
            max,
            pattern,
            values: None,
        },
    }
}

/// `JobId`.
pub(crate) static JOB_ID: Shape = s(
    "JobId",
    Some(JOB_ID_MIN),
    Some(JOB_ID_MAX),
    Some(Pattern::Id),
);
/// `JobTemplateId`.
pub(crate) static JOB_TEMPLATE_ID: Shape = s(
    "JobTemplateId",
    Some(JOB_ID_MIN),
    Some(JOB_ID_MAX),
    Some(Pattern::Id),
);
/// `ThingName`.
pub(crate) static THING_NAME: Shape = s(
    "ThingName",
    Some(1),
    Some(THING_NAME_MAX),
    Some(Pattern::ThingName),
);
/// `NamespaceId` (2022 model).
pub(crate) static NAMESPACE_ID_2022: Shape = s(
    "NamespaceId",
    Some(1),
    Some(NAMESPACE_ID_MAX_2022),
    Some(Pattern::Id),
);
/// `NamespaceId` (latest model).
pub(crate) static NAMESPACE_ID_LATEST: Shape = s("NamespaceId", None, None, Some(Pattern::Id));
/// `JobTemplateArn`.
pub(crate) static JOB_TEMPLATE_ARN: Shape = s(
    "JobTemplateArn",
    Some(1),
    Some(TEMPLATE_ARN_MAX),
    Some(Pattern::Arn),
);
/// `JobArn` (no constraints).
pub(crate) static JOB_ARN: Shape = s("JobArn", None, None, None);
/// `JobDescription`.
pub(crate) static DESCRIPTION: Shape = s(
    "JobDescription",
    None,
    Some(DESCRIPTION_MAX),
    Some(Pattern::NoControl),
);
/// `NextToken` (no constraints).
pub(crate) static NEXT_TOKEN: Shape = s("NextToken", None, None, None);
/// `LaserMaxResults`.
pub(crate) static MAX_RESULTS: Shape = Shape {
    name: "LaserMaxResults",
    kind: Kind::Int {
        width: crate::validate::model::Width::I32,
        min: Some(1),
        max: Some(MAX_RESULTS_MAX),
    },
};
/// `JobExecutionStatus`.
pub(crate) static JOB_EXECUTION_STATUS: Shape = Shape {
    name: "JobExecutionStatus",
    kind: Kind::Str {
        min: None,
        max: None,
        pattern: None,
        values: Some(&[
            "QUEUED",
            "IN_PROGRESS",
            "SUCCEEDED",
            "FAILED",
            "TIMED_OUT",
            "REJECTED",
            "REMOVED",
            "CANCELED",
        ]),
    },
};
/// `BeforeSubstitutionFlag` (latest model only).
pub(crate) static BEFORE_SUBSTITUTION: Shape = Shape {
    name: "BeforeSubstitutionFlag",
    kind: Kind::Bool,
};

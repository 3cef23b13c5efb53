//! `UpdateJob` (`PATCH /jobs/{jobId}`).

use super::members;
use crate::validate::model::Shape;

/// `UpdateJobRequest`: only `description`, `presignedUrlConfig`,
/// `jobExecutionsRolloutConfig`, `abortConfig`, `timeoutConfig` and
/// `jobExecutionsRetryConfig` can change (V-30); `namespaceId` is a query
/// parameter. Retry counts may only be lowered to 0 (V-31, in `retry`).
pub(crate) static INPUT: Shape = Shape::structure(
    "UpdateJobRequest",
    &[
        members::JOB_ID,
        members::DESCRIPTION,
        members::PRESIGNED_URL_CONFIG,
        members::ROLLOUT_CONFIG,
        members::ABORT_CONFIG,
        members::TIMEOUT_CONFIG,
        members::NAMESPACE_ID_2022,
        members::NAMESPACE_ID_LATEST,
        members::RETRY_CONFIG,
    ],
    None,
);

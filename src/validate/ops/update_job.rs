//! `UpdateJob` (`PATCH /jobs/{jobId}`).

use crate::validate::model::{Apis, Kind, Member, Shape};
use crate::validate::shapes::{abort, ids, presigned_url, retry, rollout, timeout};

/// `UpdateJobRequest`: only `description`, `presignedUrlConfig`,
/// `jobExecutionsRolloutConfig`, `abortConfig`, `timeoutConfig` and
/// `jobExecutionsRetryConfig` can change (V-30); `namespaceId` is a query
/// parameter. Retry counts may only be lowered to 0 (V-31, in `retry`).
pub(crate) static INPUT: Shape = Shape {
    name: "UpdateJobRequest",
    kind: Kind::Struct {
        members: &[
            Member::req("jobId", &ids::JOB_ID),
            Member::opt("description", &ids::DESCRIPTION),
            Member::opt("presignedUrlConfig", &presigned_url::PRESIGNED_URL_CONFIG),
            Member::opt("jobExecutionsRolloutConfig", &rollout::ROLLOUT_CONFIG),
            Member::opt("abortConfig", &abort::ABORT_CONFIG),
            Member::opt("timeoutConfig", &timeout::TIMEOUT_CONFIG),
            Member::opt("namespaceId", &ids::NAMESPACE_ID_2022).only(Apis::Only2022),
            Member::opt("namespaceId", &ids::NAMESPACE_ID_LATEST).only(Apis::OnlyLatest),
            Member::opt("jobExecutionsRetryConfig", &retry::RETRY_CONFIG),
        ],
        check: None,
    },
};

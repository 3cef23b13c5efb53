//! The member rows that several operations' inputs have with the same model
//! shape, written once; each operation lists the ones it has, in its model
//! order.

use crate::validate::model::{Apis, Member};
use crate::validate::shapes::{
    abort, document, ids, packages, presigned_url, retry, rollout, tags, timeout,
};

/// `jobId`, required (CreateJob, DescribeJob, ListJobExecutionsForJob, UpdateJob).
pub(super) const JOB_ID: Member = Member::req("jobId", &ids::JOB_ID);
/// `documentSource` (CreateJob, CreateJobTemplate).
pub(super) const DOCUMENT_SOURCE: Member =
    Member::opt("documentSource", &document::DOCUMENT_SOURCE);
/// `document` (CreateJob, CreateJobTemplate).
pub(super) const DOCUMENT: Member = Member::opt("document", &document::DOCUMENT);
/// `description`, optional (CreateJob, UpdateJob; CreateJobTemplate requires it).
pub(super) const DESCRIPTION: Member = Member::opt("description", &ids::DESCRIPTION);
/// `presignedUrlConfig` (CreateJob, CreateJobTemplate, UpdateJob).
pub(super) const PRESIGNED_URL_CONFIG: Member =
    Member::opt("presignedUrlConfig", &presigned_url::PRESIGNED_URL_CONFIG);
/// `jobExecutionsRolloutConfig` (CreateJob, CreateJobTemplate, UpdateJob).
pub(super) const ROLLOUT_CONFIG: Member =
    Member::opt("jobExecutionsRolloutConfig", &rollout::ROLLOUT_CONFIG);
/// `abortConfig` (CreateJob, CreateJobTemplate, UpdateJob).
pub(super) const ABORT_CONFIG: Member = Member::opt("abortConfig", &abort::ABORT_CONFIG);
/// `timeoutConfig` (CreateJob, CreateJobTemplate, UpdateJob).
pub(super) const TIMEOUT_CONFIG: Member = Member::opt("timeoutConfig", &timeout::TIMEOUT_CONFIG);
/// `jobExecutionsRetryConfig` (CreateJob, CreateJobTemplate, UpdateJob).
pub(super) const RETRY_CONFIG: Member =
    Member::opt("jobExecutionsRetryConfig", &retry::RETRY_CONFIG);
/// `tags` (CreateJob, CreateJobTemplate).
pub(super) const TAGS: Member = Member::opt("tags", &tags::TAG_LIST);
/// `namespaceId` in the 2022 model (CreateJob, UpdateJob, ListJobExecutionsForThing).
pub(super) const NAMESPACE_ID_2022: Member =
    Member::opt("namespaceId", &ids::NAMESPACE_ID_2022).only(Apis::Only2022);
/// `namespaceId` in the latest model.
pub(super) const NAMESPACE_ID_LATEST: Member =
    Member::opt("namespaceId", &ids::NAMESPACE_ID_LATEST).only(Apis::OnlyLatest);
/// `destinationPackageVersions`, latest model (CreateJob, CreateJobTemplate).
pub(super) const DESTINATION_PACKAGE_VERSIONS: Member = Member::opt(
    "destinationPackageVersions",
    &packages::DESTINATION_PACKAGE_VERSIONS,
)
.only(Apis::OnlyLatest);
/// `status` (the two ListJobExecutions operations).
pub(super) const STATUS: Member = Member::opt("status", &ids::JOB_EXECUTION_STATUS);
/// `maxResults` (the two ListJobExecutions operations).
pub(super) const MAX_RESULTS: Member = Member::opt("maxResults", &ids::MAX_RESULTS);
/// `nextToken` (the two ListJobExecutions operations).
pub(super) const NEXT_TOKEN: Member = Member::opt("nextToken", &ids::NEXT_TOKEN);

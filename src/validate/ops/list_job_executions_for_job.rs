//! `ListJobExecutionsForJob` (`GET /jobs/{jobId}/things`).

use super::members;
use crate::validate::model::Shape;

/// `ListJobExecutionsForJobRequest`: `jobId` (path), `status`, `maxResults`,
/// `nextToken` (query).
pub(crate) static INPUT: Shape = Shape::structure(
    "ListJobExecutionsForJobRequest",
    &[
        members::JOB_ID,
        members::STATUS,
        members::MAX_RESULTS,
        members::NEXT_TOKEN,
    ],
    None,
);

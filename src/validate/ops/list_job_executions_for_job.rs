//! `ListJobExecutionsForJob` (`GET /jobs/{jobId}/things`).

use crate::validate::model::{Kind, Member, Shape};
use crate::validate::shapes::ids;

/// `ListJobExecutionsForJobRequest`: `jobId` (path), `status`, `maxResults`,
/// `nextToken` (query).
pub(crate) static INPUT: Shape = Shape {
    name: "ListJobExecutionsForJobRequest",
    kind: Kind::Struct {
        members: &[
            Member::req("jobId", &ids::JOB_ID),
            Member::opt("status", &ids::JOB_EXECUTION_STATUS),
            Member::opt("maxResults", &ids::MAX_RESULTS),
            Member::opt("nextToken", &ids::NEXT_TOKEN),
        ],
        check: None,
    },
};

//! `ListJobExecutionsForJob` (`GET /jobs/{jobId}/things`).

use super::members;
use crate::validate::model::{Kind, Shape};

/// `ListJobExecutionsForJobRequest`: `jobId` (path), `status`, `maxResults`,
/// `nextToken` (query).
pub(crate) static INPUT: Shape = Shape {
    name: "ListJobExecutionsForJobRequest",
    kind: Kind::Struct {
        members: &[
            members::JOB_ID,
            members::STATUS,
            members::MAX_RESULTS,
            members::NEXT_TOKEN,
        ],
        check: None,
    },
};

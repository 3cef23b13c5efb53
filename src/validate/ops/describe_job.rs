//! `DescribeJob` (`GET /jobs/{jobId}`).

use super::members;
use crate::validate::model::{Apis, Kind, Member, Shape};
use crate::validate::shapes::ids;

/// `DescribeJobRequest`: `jobId` (path) and, in the latest model, the
/// `beforeSubstitution` query flag.
pub(crate) static INPUT: Shape = Shape {
    name: "DescribeJobRequest",
    kind: Kind::Struct {
        members: &[
            members::JOB_ID,
            Member::opt("beforeSubstitution", &ids::BEFORE_SUBSTITUTION).only(Apis::OnlyLatest),
        ],
        check: None,
    },
};

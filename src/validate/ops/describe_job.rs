//! `DescribeJob` (`GET /jobs/{jobId}`).

use super::members;
use crate::validate::model::{Apis, Member, Shape};
use crate::validate::shapes::ids;

/// `DescribeJobRequest`: `jobId` (path) and, in the latest model, the
/// `beforeSubstitution` query flag.
pub(crate) static INPUT: Shape = Shape::structure(
    "DescribeJobRequest",
    &[
        members::JOB_ID,
        Member::opt("beforeSubstitution", &ids::BEFORE_SUBSTITUTION).only(Apis::OnlyLatest),
    ],
    None,
);

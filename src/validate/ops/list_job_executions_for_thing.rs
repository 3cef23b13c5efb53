//! `ListJobExecutionsForThing` (`GET /things/{thingName}/jobs`).

use super::members;
use crate::validate::model::{Member, Shape};
use crate::validate::shapes::ids;

/// `ListJobExecutionsForThingRequest`: `thingName` (path), `status`,
/// `namespaceId`, `maxResults`, `nextToken`, `jobId` (query).
pub(crate) static INPUT: Shape = Shape::structure(
    "ListJobExecutionsForThingRequest",
    &[
        Member::req("thingName", &ids::THING_NAME),
        members::STATUS,
        members::NAMESPACE_ID_2022,
        members::NAMESPACE_ID_LATEST,
        members::MAX_RESULTS,
        members::NEXT_TOKEN,
        Member::opt("jobId", &ids::JOB_ID),
    ],
    None,
);

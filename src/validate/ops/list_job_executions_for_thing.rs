//! `ListJobExecutionsForThing` (`GET /things/{thingName}/jobs`).

use crate::validate::model::{Apis, Kind, Member, Shape};
use crate::validate::shapes::ids;

/// `ListJobExecutionsForThingRequest`: `thingName` (path), `status`,
/// `namespaceId`, `maxResults`, `nextToken`, `jobId` (query).
pub(crate) static INPUT: Shape = Shape {
    name: "ListJobExecutionsForThingRequest",
    kind: Kind::Struct {
        members: &[
            Member::req("thingName", &ids::THING_NAME),
            Member::opt("status", &ids::JOB_EXECUTION_STATUS),
            Member::opt("namespaceId", &ids::NAMESPACE_ID_2022).only(Apis::Only2022),
            Member::opt("namespaceId", &ids::NAMESPACE_ID_LATEST).only(Apis::OnlyLatest),
            Member::opt("maxResults", &ids::MAX_RESULTS),
            Member::opt("nextToken", &ids::NEXT_TOKEN),
            Member::opt("jobId", &ids::JOB_ID),
        ],
        check: None,
    },
};

//! `DescribeJobTemplate` (`GET /job-templates/{jobTemplateId}`).

use crate::schema::{Kind, Member, Shape};
use crate::shapes::ids;

/// `DescribeJobTemplateRequest`: `jobTemplateId` (path).
pub(crate) static INPUT: Shape = Shape {
    name: "DescribeJobTemplateRequest",
    kind: Kind::Struct {
        members: &[Member::req("jobTemplateId", &ids::JOB_TEMPLATE_ID)],
        check: None,
    },
};

//! `DescribeJobTemplate` (`GET /job-templates/{jobTemplateId}`).

use crate::validate::model::{Kind, Member, Shape};
use crate::validate::shapes::ids;

/// `DescribeJobTemplateRequest`: `jobTemplateId` (path).
pub(crate) static INPUT: Shape = Shape {
    name: "DescribeJobTemplateRequest",
    kind: Kind::Struct {
        members: &[Member::req("jobTemplateId", &ids::JOB_TEMPLATE_ID)],
        check: None,
    },
};

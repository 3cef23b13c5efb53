//! `DescribeJobTemplate` (`GET /job-templates/{jobTemplateId}`).

use crate::validate::model::{Member, Shape};
use crate::validate::shapes::ids;

/// `DescribeJobTemplateRequest`: `jobTemplateId` (path).
pub(crate) static INPUT: Shape = Shape::structure(
    "DescribeJobTemplateRequest",
    &[Member::req("jobTemplateId", &ids::JOB_TEMPLATE_ID)],
    None,
);

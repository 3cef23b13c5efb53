//! `CreateJobTemplate` (`PUT /job-templates/{jobTemplateId}`).

use super::members;
use crate::validate::json::Entry;
use crate::validate::model::{Apis, Member, Shape, Walker};
use crate::validate::shapes::{document, ids, packages, scheduling};

/// `CreateJobTemplateRequest`. Unlike CreateJob it has `description` required,
/// `jobArn`, and (latest) top-level `maintenanceWindows`; it has no targets,
/// target selection, parameters, namespace or scheduling times (V-26).
pub(crate) static INPUT: Shape = Shape::structure(
    "CreateJobTemplateRequest",
    &[
        Member::req("jobTemplateId", &ids::JOB_TEMPLATE_ID),
        Member::opt("jobArn", &ids::JOB_ARN),
        members::DOCUMENT_SOURCE,
        members::DOCUMENT,
        Member::req("description", &ids::DESCRIPTION),
        members::PRESIGNED_URL_CONFIG,
        members::ROLLOUT_CONFIG,
        members::ABORT_CONFIG,
        members::TIMEOUT_CONFIG,
        members::TAGS,
        members::RETRY_CONFIG,
        Member::opt("maintenanceWindows", &scheduling::MAINTENANCE_WINDOWS).only(Apis::OnlyLatest),
        members::DESTINATION_PACKAGE_VERSIONS,
    ],
    Some(check),
);

fn check<'j>(w: &mut Walker<'j>, root: &'j [Entry<'j>]) {
    document::check_template_sources(w, root);
    packages::check(w, root);
}

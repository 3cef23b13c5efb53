//! `CreateJobTemplate` (`PUT /job-templates/{jobTemplateId}`).

use crate::validate::json::Entry;
use crate::validate::model::{Apis, Kind, Member, Shape, Walker};
use crate::validate::shapes::{
    abort, document, ids, packages, presigned_url, retry, rollout, scheduling, tags, timeout,
};

/// `CreateJobTemplateRequest`. Unlike CreateJob it has `description` required,
/// `jobArn`, and (latest) top-level `maintenanceWindows`; it has no targets,
/// target selection, parameters, namespace or scheduling times (V-26).
pub(crate) static INPUT: Shape = Shape {
    name: "CreateJobTemplateRequest",
    kind: Kind::Struct {
        members: &[
            Member::req("jobTemplateId", &ids::JOB_TEMPLATE_ID),
            Member::opt("jobArn", &ids::JOB_ARN),
            Member::opt("documentSource", &document::DOCUMENT_SOURCE),
            Member::opt("document", &document::DOCUMENT),
            Member::req("description", &ids::DESCRIPTION),
            Member::opt("presignedUrlConfig", &presigned_url::PRESIGNED_URL_CONFIG),
            Member::opt("jobExecutionsRolloutConfig", &rollout::ROLLOUT_CONFIG),
            Member::opt("abortConfig", &abort::ABORT_CONFIG),
            Member::opt("timeoutConfig", &timeout::TIMEOUT_CONFIG),
            Member::opt("tags", &tags::TAG_LIST),
            Member::opt("jobExecutionsRetryConfig", &retry::RETRY_CONFIG),
            Member::opt("maintenanceWindows", &scheduling::MAINTENANCE_WINDOWS)
                .only(Apis::OnlyLatest),
            Member::opt(
                "destinationPackageVersions",
                &packages::DESTINATION_PACKAGE_VERSIONS,
            )
            .only(Apis::OnlyLatest),
        ],
        check: Some(check),
    },
};

fn check<'j>(w: &mut Walker<'j>, root: &'j [Entry<'j>]) {
    document::check_template_sources(w, root);
    packages::check(w, root);
}

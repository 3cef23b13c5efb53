//! `CreateJob` (`PUT /jobs/{jobId}`).

use super::members;
use crate::rules;
use crate::validate::json::Entry;
use crate::validate::model::{Apis, Details, Member, Seg, Shape, Walker};
use crate::validate::shapes::{document, get_arr, ids, packages, scheduling};

/// `TargetArn`: at most 2048 characters.
pub(crate) const TARGET_ARN_MAX: u64 = 2048;
/// `JobTargets`: at least 1 target.
pub(crate) const TARGETS_MIN: u64 = 1;
/// Documented for AssociateTargetsWithJob: at most 100 targets per job (V-7, Q-2).
pub(crate) const TARGETS_MAX_DOCUMENTED: usize = 100;

static TARGET_ARN: Shape = Shape::string("TargetArn", None, Some(TARGET_ARN_MAX));
static TARGETS: Shape = Shape::list("JobTargets", &TARGET_ARN, Some(TARGETS_MIN), None);
static TARGET_SELECTION: Shape = Shape::enumeration("TargetSelection", &["CONTINUOUS", "SNAPSHOT"]);

/// `CreateJobRequest`.
pub(crate) static INPUT: Shape = Shape::structure(
    "CreateJobRequest",
    &[
        members::JOB_ID,
        Member::req("targets", &TARGETS),
        members::DOCUMENT_SOURCE,
        members::DOCUMENT,
        members::DESCRIPTION,
        members::PRESIGNED_URL_CONFIG,
        Member::opt("targetSelection", &TARGET_SELECTION),
        members::ROLLOUT_CONFIG,
        members::ABORT_CONFIG,
        members::TIMEOUT_CONFIG,
        members::TAGS,
        members::NAMESPACE_ID_2022,
        members::NAMESPACE_ID_LATEST,
        Member::opt("jobTemplateArn", &ids::JOB_TEMPLATE_ARN),
        members::RETRY_CONFIG,
        document::PARAMETERS_2022,
        document::PARAMETERS_LATEST,
        Member::opt("schedulingConfig", &scheduling::SCHEDULING_CONFIG).only(Apis::OnlyLatest),
        members::DESTINATION_PACKAGE_VERSIONS,
    ],
    Some(check),
);

fn check<'j>(w: &mut Walker<'j>, root: &'j [Entry<'j>]) {
    document::check_job_sources(w, root);
    packages::check(w, root);
    if let Some(targets) = get_arr(root, "targets") {
        let n = targets.len();
        if n > TARGETS_MAX_DOCUMENTED {
            w.emit(&rules::TARGETS_MAX, Some(Seg::Key("targets")), |_| {
                Details::new(format!(
                    "has {n} targets; AWS documents at most {TARGETS_MAX_DOCUMENTED} per job"
                ))
                .help(String::from(
                    "target a thing group instead of many single things",
                ))
            });
        }
    }
}

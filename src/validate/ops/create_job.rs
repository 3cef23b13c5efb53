//! `CreateJob` (`PUT /jobs/{jobId}`).

use crate::rules;
use crate::validate::json::Entry;
use crate::validate::model::{Apis, Details, Kind, Member, Seg, Shape, Walker};
use crate::validate::shapes::{
    abort, document, get_arr, ids, packages, presigned_url, retry, rollout, scheduling, tags,
    timeout,
};

/// `TargetArn`: at most 2048 characters.
pub(crate) const TARGET_ARN_MAX: u64 = 2048;
/// `JobTargets`: at least 1 target.
pub(crate) const TARGETS_MIN: u64 = 1;
/// Documented for AssociateTargetsWithJob: at most 100 targets per job (V-7, Q-2).
pub(crate) const TARGETS_MAX_DOCUMENTED: usize = 100;

static TARGET_ARN: Shape = Shape {
    name: "TargetArn",
    kind: Kind::Str {
        min: None,
        max: Some(TARGET_ARN_MAX),
        pattern: None,
        values: None,
    },
};
static TARGETS: Shape = Shape {
    name: "JobTargets",
    kind: Kind::List {
        member: &TARGET_ARN,
        min: Some(TARGETS_MIN),
        max: None,
    },
};
static TARGET_SELECTION: Shape = Shape {
    name: "TargetSelection",
    kind: Kind::Str {
        min: None,
        max: None,
        pattern: None,
        values: Some(&["CONTINUOUS", "SNAPSHOT"]),
    },
};

/// `CreateJobRequest`.
pub(crate) static INPUT: Shape = Shape {
    name: "CreateJobRequest",
    kind: Kind::Struct {
        members: &[
            Member::req("jobId", &ids::JOB_ID),
            Member::req("targets", &TARGETS),
            Member::opt("documentSource", &document::DOCUMENT_SOURCE),
            Member::opt("document", &document::DOCUMENT),
            Member::opt("description", &ids::DESCRIPTION),
            Member::opt("presignedUrlConfig", &presigned_url::PRESIGNED_URL_CONFIG),
            Member::opt("targetSelection", &TARGET_SELECTION),
            Member::opt("jobExecutionsRolloutConfig", &rollout::ROLLOUT_CONFIG),
            Member::opt("abortConfig", &abort::ABORT_CONFIG),
            Member::opt("timeoutConfig", &timeout::TIMEOUT_CONFIG),
            Member::opt("tags", &tags::TAG_LIST),
            Member::opt("namespaceId", &ids::NAMESPACE_ID_2022).only(Apis::Only2022),
            Member::opt("namespaceId", &ids::NAMESPACE_ID_LATEST).only(Apis::OnlyLatest),
            Member::opt("jobTemplateArn", &ids::JOB_TEMPLATE_ARN),
            Member::opt("jobExecutionsRetryConfig", &retry::RETRY_CONFIG),
            document::PARAMETERS_2022,
            document::PARAMETERS_LATEST,
            Member::opt("schedulingConfig", &scheduling::SCHEDULING_CONFIG).only(Apis::OnlyLatest),
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

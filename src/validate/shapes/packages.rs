//! `DestinationPackageVersions` (latest model): software package versions a job installs.

use super::get_arr;
use crate::rules;
use crate::validate::api::ApiVersion;
use crate::validate::json::Entry;
use crate::validate::model::{Details, Seg, Shape, Walker};
use crate::validate::primitive::Pattern;

/// `PackageVersionArn`: 1..=1600 characters.
pub(crate) const ARN_MAX: u64 = 1600;
/// `destinationPackageVersions`: documented maximum of 25 ARNs (V-23).
pub(crate) const VERSIONS_MAX: usize = 25;

static PACKAGE_VERSION_ARN: Shape =
    Shape::string("PackageVersionArn", Some(1), Some(ARN_MAX)).pattern(Pattern::Arn);
/// `DestinationPackageVersions`.
pub(crate) static DESTINATION_PACKAGE_VERSIONS: Shape = Shape::list(
    "DestinationPackageVersions",
    &PACKAGE_VERSION_ARN,
    None,
    None,
);

/// Documented count limit, checked from the request root.
pub(crate) fn check<'j>(w: &mut Walker<'j>, root: &'j [Entry<'j>]) {
    if w.api() != ApiVersion::Latest {
        return; // the member does not exist: the walk already reported it as unknown
    }
    let Some(list) = get_arr(root, "destinationPackageVersions") else {
        return;
    };
    let n = list.len();
    if n > VERSIONS_MAX {
        w.emit(
            &rules::PACKAGE_VERSIONS_MAX,
            Some(Seg::Key("destinationPackageVersions")),
            |w| {
                Details::new(format!(
                    "has {n} package versions, more than the documented maximum of {VERSIONS_MAX}"
                ))
                .item(
                    Some(&format!("[{n} ARNs]")),
                    &w.aws_path(),
                    &format!("Member must have length less than or equal to {VERSIONS_MAX}"),
                )
            },
        );
    }
}

//! `CreateJob` (`PUT /jobs/{jobId}`).

use super::members;
use crate::rules;
use crate::validate::json::{Entry, Value};
use crate::validate::model::{Apis, Details, Member, Seg, Shape, Walker};
use crate::validate::primitive::{arn_parts, excerpt, Pattern};
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
        w.at(Seg::Key("targets"), |w| {
            for (i, item) in targets.iter().enumerate() {
                let Value::String(t) = &item.value else {
                    continue;
                };
                if let Err(why) = check_target_arn(t) {
                    w.at_node(Seg::Index(i), Some(item), |w| {
                        w.emit(&rules::TARGETS_ARN, None, |_| target_details(t, &why))
                    });
                }
            }
        });
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

/// The partitions whose ARNs a target may name (V-7): AWS IoT Core runs in
/// the commercial, China and GovCloud (US) partitions. Our choice: the
/// isolated partitions (`aws-iso*`) are refused, IoT Core is not offered there.
pub(crate) const TARGET_PARTITIONS: [&str; 3] = ["aws", "aws-cn", "aws-us-gov"];
/// `ThingName` and `ThingGroupName` in the AWS model: 1..=128 characters of
/// `[a-zA-Z0-9:_-]`.
pub(crate) const TARGET_NAME_MAX: usize = 128;
/// [`check_target_arn`] as an ECMA-262 / Rust regex: what `documented.json`
/// states for the JSON Schema export (a unit test checks the two are the same text).
#[cfg(test)]
pub(crate) const TARGET_ARN_PATTERN: &str = "^arn:(aws|aws-cn|aws-us-gov):iot:[a-z]{2}(-[a-z]+)+-[0-9]+:[0-9]{12}:(thing|thinggroup)/[a-zA-Z0-9:_-]{1,128}$";
/// An account id: exactly 12 digits.
const ACCOUNT_DIGITS: usize = 12;

/// Whether `t` is a thing or thing-group ARN (V-7), and if not, why.
///
/// The pattern, chosen here (AWS documents "the ARNs of things or thing
/// groups" and the two resource forms; the exact grammar is ours):
///
/// ```text
/// arn:(aws|aws-cn|aws-us-gov):iot:<region>:<account>:(thing|thinggroup)/<name>
/// region  = [a-z]{2}(-[a-z]+)+-[0-9]+     (us-east-1, cn-north-1, us-gov-west-1)
/// account = [0-9]{12}
/// name    = [a-zA-Z0-9:_-]{1,128}          (the model's ThingName / ThingGroupName)
/// ```
///
/// The same pattern is the JSON Schema export's (`documented.json`); a test
/// checks the two agree. Whether the region exists, and whether it belongs
/// to the partition, is not checked.
pub(crate) fn check_target_arn(t: &str) -> Result<(), String> {
    if !t.starts_with("arn:") {
        return Err(String::from("it does not start with `arn:`"));
    }
    let Some([_, partition, service, region, account, resource]) = arn_parts(t) else {
        return Err(String::from(
            "it does not have the six `:`-separated parts of an ARN",
        ));
    };
    if !TARGET_PARTITIONS.contains(&partition) {
        return Err(format!(
            "the partition `{}` is not aws, aws-cn or aws-us-gov",
            excerpt(partition)
        ));
    }
    if service != "iot" {
        return Err(format!("the service `{}` is not iot", excerpt(service)));
    }
    if !is_region(region) {
        return Err(format!(
            "`{}` is not a region such as us-east-1",
            excerpt(region)
        ));
    }
    if account.len() != ACCOUNT_DIGITS || !account.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "the account `{}` is not 12 digits",
            excerpt(account)
        ));
    }
    // `split_once('/')` with the head `thing` or `thinggroup`, as prefixes.
    let name = match resource
        .strip_prefix("thing/")
        .or_else(|| resource.strip_prefix("thinggroup/"))
    {
        Some(name) => name,
        None => {
            return Err(format!(
                "the resource `{}` is neither thing/<name> nor thinggroup/<name>",
                excerpt(resource)
            ))
        }
    };
    // Counted in chars only when the bytes could exceed the limit.
    if name.is_empty()
        || (name.len() > TARGET_NAME_MAX && name.chars().count() > TARGET_NAME_MAX)
        || !Pattern::ThingName.matches(name)
    {
        return Err(format!(
            "the name `{}` is not 1 to {TARGET_NAME_MAX} characters of [a-zA-Z0-9:_-]",
            excerpt(name)
        ));
    }
    Ok(())
}

/// `[a-z]{2}(-[a-z]+)+-[0-9]+`, by bytes in one pass (it runs for every
/// target).
fn is_region(r: &str) -> bool {
    let Some((first, rest)) = r.as_bytes().split_first_chunk::<2>() else {
        return false;
    };
    // `rest` is `(-[a-z]+)+-[0-9]+`: parts after each `-`, the last one
    // digits, the others (at least one) lowercase letters, none empty.
    let Some((last, middle)) = rest
        .iter()
        .rposition(|&b| b == b'-')
        .and_then(|i| Some((rest.get(i + 1..)?, rest.get(..i)?)))
    else {
        return false;
    };
    first.iter().all(u8::is_ascii_lowercase)
        && !last.is_empty()
        && last.iter().all(u8::is_ascii_digit)
        && is_lowercase_parts(middle)
}

/// `(-[a-z]+)+`: at least one part, each a `-` then lowercase letters.
fn is_lowercase_parts(s: &[u8]) -> bool {
    // Whether the previous byte is a `-` (a letter must follow it).
    let mut after_dash = false;
    for (i, &b) in s.iter().enumerate() {
        if b == b'-' {
            if after_dash {
                return false;
            }
            after_dash = true;
        } else if i == 0 || !b.is_ascii_lowercase() {
            return false;
        } else {
            after_dash = false;
        }
    }
    !s.is_empty() && !after_dash
}

fn target_details(t: &str, why: &str) -> Details {
    let shown = excerpt(t);
    let help = if Pattern::ThingName.matches(t) && t.chars().count() <= TARGET_NAME_MAX {
        format!("`{shown}` looks like a thing name: write arn:aws:iot:<region>:<account>:thing/{shown} (or arn:aws:iot:<region>:<account>:thinggroup/{shown} for a thing group)")
    } else {
        String::from("a target is arn:aws:iot:<region>:<account>:thing/<name> or arn:aws:iot:<region>:<account>:thinggroup/<name>")
    };
    Details::new(format!(
        "`{shown}` is not a thing or thing-group ARN: {why}"
    ))
    .plain(String::from("Invalid target ARN"))
    .help(help)
}

#[cfg(test)]
mod tests {
    use super::{check_target_arn, is_region};

    /// The definition `is_region` had before it went by bytes (splits on
    /// `-`), kept to hold the byte version to the same answers.
    fn is_region_by_splits(r: &str) -> bool {
        let Some((head, last)) = r.rsplit_once('-') else {
            return false;
        };
        let mut parts = head.split('-');
        let first = parts.next().unwrap_or("");
        let mut middle = parts.peekable();
        first.len() == 2
            && first.bytes().all(|b| b.is_ascii_lowercase())
            && middle.peek().is_some()
            && middle.all(|m| !m.is_empty() && m.bytes().all(|b| b.is_ascii_lowercase()))
            && !last.is_empty()
            && last.bytes().all(|b| b.is_ascii_digit())
    }

    #[test]
    fn regions_by_bytes_agree_with_the_split_definition() {
        let mut seen = [0usize; 2];
        // Every string of up to six bytes over an alphabet that exercises
        // each part of `[a-z]{2}(-[a-z]+)+-[0-9]+`, plus longer real ones.
        let alphabet = ["a", "z", "-", "1", "A", "é", "_"];
        let mut cases: Vec<String> = vec![String::new()];
        let mut frontier = cases.clone();
        for _ in 0..6 {
            let next: Vec<String> = frontier
                .iter()
                .flat_map(|p| alphabet.iter().map(move |c| format!("{p}{c}")))
                .collect();
            cases.extend(next.iter().cloned());
            frontier = next;
        }
        for real in [
            "us-east-1",
            "us-gov-west-1",
            "cn-north-1",
            "ap-southeast-2",
            "eu-west-10",
            "us--east-1",
            "us-east-",
            "us-east1",
            "use-east-1",
            "u-east-1",
            "us-1",
            "-us-east-1",
            "us-east-1-",
            "us-east-1a",
        ] {
            cases.push(String::from(real));
        }
        for c in &cases {
            let expected = is_region_by_splits(c);
            assert_eq!(is_region(c), expected, "{c:?}");
            if let Some(n) = seen.get_mut(usize::from(expected)) {
                *n += 1;
            }
        }
        // Both answers occur, so the comparison means something.
        assert!(seen[0] > 1000 && seen[1] > 10, "{seen:?}");
    }

    #[test]
    fn target_arns() {
        for ok in [
            "arn:aws:iot:us-east-1:123456789012:thing/t1",
            "arn:aws:iot:us-east-1:123456789012:thing/a:b_c-D9",
            "arn:aws-cn:iot:cn-north-1:123456789012:thinggroup/fleet",
            "arn:aws-us-gov:iot:us-gov-west-1:123456789012:thing/t",
            "arn:aws:iot:ap-southeast-2:123456789012:thinggroup/g",
        ] {
            assert_eq!(check_target_arn(ok), Ok(()), "{ok}");
        }
        for (bad, why) in [
            ("my-thing", "does not start with `arn:`"),
            ("arn:aws:iot:us-east-1:thing/t", "six"),
            (
                "arn:aws-iso:iot:us-iso-east-1:123456789012:thing/t",
                "partition",
            ),
            ("arn:aws:s3:us-east-1:123456789012:thing/t", "service"),
            ("arn:aws:iot:useast1:123456789012:thing/t", "region"),
            ("arn:aws:iot:US-EAST-1:123456789012:thing/t", "region"),
            ("arn:aws:iot:us-east-1:1:thing/t", "12 digits"),
            ("arn:aws:iot:us-east-1:12345678901a:thing/t", "12 digits"),
            ("arn:aws:iot:us-east-1:123456789012:job/j", "neither"),
            ("arn:aws:iot:us-east-1:123456789012:thing/", "name"),
            ("arn:aws:iot:us-east-1:123456789012:thing/a b", "name"),
        ] {
            let e = check_target_arn(bad).unwrap_err();
            assert!(e.contains(why), "{bad}: {e}");
        }
        let long = format!(
            "arn:aws:iot:us-east-1:123456789012:thing/{}",
            "a".repeat(129)
        );
        assert!(check_target_arn(&long).is_err());
        let max = format!(
            "arn:aws:iot:us-east-1:123456789012:thing/{}",
            "a".repeat(128)
        );
        assert_eq!(check_target_arn(&max), Ok(()));
    }
}

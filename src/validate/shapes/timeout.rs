//! `TimeoutConfig`: the in-progress timer of every execution.

use super::get_int;
use crate::rules;
use crate::validate::json::Entry;
use crate::validate::model::{Details, Member, Seg, Shape, Walker};

/// `TimeoutConfig.inProgressTimeoutInMinutes`: documented minimum, 1 minute (V-17).
pub(crate) const IN_PROGRESS_TIMEOUT_MIN: i64 = 1;
/// `TimeoutConfig.inProgressTimeoutInMinutes`: documented maximum, 7 days (V-17).
pub(crate) const IN_PROGRESS_TIMEOUT_MAX: i64 = 10_080;

static IN_PROGRESS_TIMEOUT: Shape = Shape::long("InProgressTimeoutInMinutes", None, None);
/// `TimeoutConfig`.
pub(crate) static TIMEOUT_CONFIG: Shape = Shape::structure(
    "TimeoutConfig",
    &[Member::opt(
        "inProgressTimeoutInMinutes",
        &IN_PROGRESS_TIMEOUT,
    )],
    Some(check),
);

fn check<'j>(w: &mut Walker<'j>, e: &'j [Entry<'j>]) {
    if let Some(v) = get_int(e, "inProgressTimeoutInMinutes") {
        if !(IN_PROGRESS_TIMEOUT_MIN..=IN_PROGRESS_TIMEOUT_MAX).contains(&v) {
            let (rule, word, bound, constraint) = if v < IN_PROGRESS_TIMEOUT_MIN {
                (
                    &rules::IN_PROGRESS_TIMEOUT_MIN,
                    "less than the documented minimum of",
                    IN_PROGRESS_TIMEOUT_MIN,
                    "greater than or equal to",
                )
            } else {
                (
                    &rules::IN_PROGRESS_TIMEOUT_MAX,
                    "greater than the documented maximum of",
                    IN_PROGRESS_TIMEOUT_MAX,
                    "less than or equal to",
                )
            };
            w.emit(rule, Some(Seg::Key("inProgressTimeoutInMinutes")), |w| {
                Details::new(format!("`{v}` is {word} {bound} minutes"))
                    .item(
                        Some(&v.to_string()),
                        &w.aws_path(),
                        &format!("Member must have value {constraint} {bound}"),
                    )
                    .help(String::from(
                        "the in-progress timeout is 1 minute to 7 days (10080 minutes)",
                    ))
            });
        }
    }
}

//! `TagList`: key/value metadata of jobs and job templates.

use crate::validate::model::{Apis, Member, Shape};
use crate::validate::primitive::Pattern;

/// `Tag.Key` (TagKey): 1..=128 characters.
pub(crate) const KEY_MIN: u64 = 1;
/// `Tag.Key` (TagKey): 1..=128 characters.
pub(crate) const KEY_MAX: u64 = 128;
/// `Tag.Value` (TagValue): at most 256 characters.
pub(crate) const VALUE_MAX: u64 = 256;
/// `Tag.Value` (TagValue): at least 1 character in the 2022 model (0 in the latest).
pub(crate) const VALUE_MIN_2022: u64 = 1;

static KEY: Shape = Shape::string("TagKey", Some(KEY_MIN), Some(KEY_MAX)).pattern(Pattern::TagKey);
static VALUE_2022: Shape = Shape::string("TagValue", Some(VALUE_MIN_2022), Some(VALUE_MAX));
static VALUE_LATEST: Shape = Shape::string("TagValue", Some(0), Some(VALUE_MAX));
static TAG: Shape = Shape::structure(
    "Tag",
    &[
        Member::req("Key", &KEY),
        Member::opt("Value", &VALUE_2022).only(Apis::Only2022),
        Member::opt("Value", &VALUE_LATEST).only(Apis::OnlyLatest),
    ],
    None,
);
/// `TagList`.
pub(crate) static TAG_LIST: Shape = Shape::list("TagList", &TAG, None, None);

//! `TagList`: key/value metadata of jobs and job templates.

use crate::validate::model::{Apis, Kind, Member, Shape};
use crate::validate::primitive::Pattern;

/// `Tag.Key` (TagKey): 1..=128 characters.
pub(crate) const KEY_MIN: u64 = 1;
/// `Tag.Key` (TagKey): 1..=128 characters.
pub(crate) const KEY_MAX: u64 = 128;
/// `Tag.Value` (TagValue): at most 256 characters.
pub(crate) const VALUE_MAX: u64 = 256;
/// `Tag.Value` (TagValue): at least 1 character in the 2022 model (0 in the latest).
pub(crate) const VALUE_MIN_2022: u64 = 1;

static KEY: Shape = Shape {
    name: "TagKey",
    kind: Kind::Str {
        min: Some(KEY_MIN),
        max: Some(KEY_MAX),
        pattern: Some(Pattern::TagKey),
        values: None,
    },
};
static VALUE_2022: Shape = Shape {
    name: "TagValue",
    kind: Kind::Str {
        min: Some(VALUE_MIN_2022),
        max: Some(VALUE_MAX),
        pattern: None,
        values: None,
    },
};
static VALUE_LATEST: Shape = Shape {
    name: "TagValue",
    kind: Kind::Str {
        min: Some(0),
        max: Some(VALUE_MAX),
        pattern: None,
        values: None,
    },
};
static TAG: Shape = Shape {
    name: "Tag",
    kind: Kind::Struct {
        members: &[
            Member::req("Key", &KEY),
            Member::opt("Value", &VALUE_2022).only(Apis::Only2022),
            Member::opt("Value", &VALUE_LATEST).only(Apis::OnlyLatest),
        ],
        check: None,
    },
};
/// `TagList`.
pub(crate) static TAG_LIST: Shape = Shape {
    name: "TagList",
    kind: Kind::List {
        member: &TAG,
        min: None,
        max: None,
    },
};

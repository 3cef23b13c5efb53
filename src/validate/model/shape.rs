//! The shape tree: the constraints of every model shape, as static data the
//! operation and shared-shape modules write and the walker and the JSON Schema
//! export read.

use crate::validate::api::ApiVersion;
use crate::validate::json::Entry;
use crate::validate::primitive::Pattern;

use super::Walker;

/// Which API versions have a member (or a variant of its constraints).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Apis {
    /// Both the 2022 and the latest model.
    Both,
    /// Only the January 2022 model.
    Only2022,
    /// Only the latest model.
    OnlyLatest,
}

impl Apis {
    pub(crate) fn has(self, api: ApiVersion) -> bool {
        !matches!(
            (self, api),
            (Apis::Only2022, ApiVersion::Latest) | (Apis::OnlyLatest, ApiVersion::V2022_01)
        )
    }
}

/// The width of an integer shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Width {
    /// Model type `integer` (Java `int`).
    I32,
    /// Model type `long` (Java `long`).
    I64,
}

/// A documented check run on a structure after its members were walked.
pub(crate) type Check = for<'j> fn(&mut Walker<'j>, &'j [Entry<'j>]);

/// The constraints of one model shape.
#[derive(Debug)]
pub(crate) enum Kind {
    /// A string with optional length bounds (code points), pattern and enum.
    Str {
        min: Option<u64>,
        max: Option<u64>,
        pattern: Option<Pattern>,
        values: Option<&'static [&'static str]>,
    },
    /// An integer with optional bounds.
    Int {
        width: Width,
        min: Option<i64>,
        max: Option<i64>,
    },
    /// A double with optional bounds.
    Double { min: Option<f64>, max: Option<f64> },
    /// A boolean.
    Bool,
    /// A list.
    List {
        member: &'static Shape,
        min: Option<u64>,
        max: Option<u64>,
    },
    /// A map with string keys.
    Map {
        key: &'static Shape,
        value: &'static Shape,
    },
    /// A structure.
    Struct {
        members: &'static [Member],
        check: Option<Check>,
    },
}

/// A named model shape.
#[derive(Debug)]
pub(crate) struct Shape {
    /// The shape's name in the AWS model, e.g. `JobId` (checked by the drift test).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) name: &'static str,
    /// Its constraints.
    pub(crate) kind: Kind,
}

/// Constructors, one per kind (and per integer width), so the statics of
/// `shapes/` and `ops/` read like the model: a simple shape is one call on one
/// or two lines. Bounds are `None` where the model has none.
impl Shape {
    /// A string (model type `string`) with optional length bounds in code points.
    pub(crate) const fn string(name: &'static str, min: Option<u64>, max: Option<u64>) -> Shape {
        Shape {
            name,
            kind: Kind::Str {
                min,
                max,
                pattern: None,
                values: None,
            },
        }
    }
    /// A string restricted to `values` (model `enum`).
    pub(crate) const fn enumeration(name: &'static str, values: &'static [&'static str]) -> Shape {
        Shape {
            name,
            kind: Kind::Str {
                min: None,
                max: None,
                pattern: None,
                values: Some(values),
            },
        }
    }
    /// This string shape with the model's `pattern`. On any other kind the
    /// shape is returned as it is (the drift test, which compares patterns
    /// with the model, fails on such a slip).
    pub(crate) const fn pattern(self, pattern: Pattern) -> Shape {
        let Shape { name, kind } = self;
        match kind {
            Kind::Str {
                min, max, values, ..
            } => Shape {
                name,
                kind: Kind::Str {
                    min,
                    max,
                    pattern: Some(pattern),
                    values,
                },
            },
            kind => Shape { name, kind },
        }
    }
    /// An integer of model type `integer` (32 bits) with optional bounds.
    pub(crate) const fn int(name: &'static str, min: Option<i64>, max: Option<i64>) -> Shape {
        Shape {
            name,
            kind: Kind::Int {
                width: Width::I32,
                min,
                max,
            },
        }
    }
    /// An integer of model type `long` (64 bits) with optional bounds.
    pub(crate) const fn long(name: &'static str, min: Option<i64>, max: Option<i64>) -> Shape {
        Shape {
            name,
            kind: Kind::Int {
                width: Width::I64,
                min,
                max,
            },
        }
    }
    /// A double with optional bounds.
    pub(crate) const fn double(name: &'static str, min: Option<f64>, max: Option<f64>) -> Shape {
        Shape {
            name,
            kind: Kind::Double { min, max },
        }
    }
    /// A boolean.
    pub(crate) const fn boolean(name: &'static str) -> Shape {
        Shape {
            name,
            kind: Kind::Bool,
        }
    }
    /// A list of `member` with optional bounds on its length.
    pub(crate) const fn list(
        name: &'static str,
        member: &'static Shape,
        min: Option<u64>,
        max: Option<u64>,
    ) -> Shape {
        Shape {
            name,
            kind: Kind::List { member, min, max },
        }
    }
    /// A map from `key` strings to `value`.
    pub(crate) const fn map(
        name: &'static str,
        key: &'static Shape,
        value: &'static Shape,
    ) -> Shape {
        Shape {
            name,
            kind: Kind::Map { key, value },
        }
    }
    /// A structure of `members` (in model order), with the documented
    /// `check` run after they were walked.
    pub(crate) const fn structure(
        name: &'static str,
        members: &'static [Member],
        check: Option<Check>,
    ) -> Shape {
        Shape {
            name,
            kind: Kind::Struct { members, check },
        }
    }
}

/// A member of a structure.
#[derive(Debug)]
pub(crate) struct Member {
    /// The wire name, e.g. `jobExecutionsRetryConfig`.
    pub(crate) name: &'static str,
    /// Its shape.
    pub(crate) shape: &'static Shape,
    /// Whether the model lists it as required.
    pub(crate) required: bool,
    /// Which API versions have it with this shape.
    pub(crate) apis: Apis,
}

/// Shorthand constructors so shape modules read like the model.
impl Member {
    pub(crate) const fn opt(name: &'static str, shape: &'static Shape) -> Member {
        Member {
            name,
            shape,
            required: false,
            apis: Apis::Both,
        }
    }
    pub(crate) const fn req(name: &'static str, shape: &'static Shape) -> Member {
        Member {
            name,
            shape,
            required: true,
            apis: Apis::Both,
        }
    }
    pub(crate) const fn only(self, apis: Apis) -> Member {
        Member { apis, ..self }
    }
}

/// The most members any structure has (CreateJobRequest has 19 rows, two
/// of them per-version variants).
pub(crate) const SLOTS: usize = 24;

/// The index of the member called `key` in this API version.
pub(super) fn member_index(members: &[Member], api: ApiVersion, key: &str) -> Option<usize> {
    let k = key.as_bytes();
    members.iter().position(|m| {
        m.name.len() == k.len()
            && m.name.as_bytes().first() == k.first()
            && m.name.as_bytes() == k
            && m.apis.has(api)
    })
}

/// [`member_index`], searching from `start` (wrapping around): the same
/// answer, since no two members of one API version share a name (tested),
/// found after one comparison when the request lists its keys in model
/// order and `start` is the slot after the previous key's.
pub(super) fn member_index_from(
    members: &[Member],
    api: ApiVersion,
    key: &str,
    start: usize,
) -> Option<usize> {
    let (before, after) = members.split_at(start.min(members.len()));
    match member_index(after, api, key) {
        Some(i) => Some(i + before.len()),
        None => member_index(before, api, key),
    }
}

#[cfg(test)]
mod tests {
    use super::{member_index, member_index_from, Kind, Member, Shape, Width, SLOTS};
    use crate::validate::api::{ApiVersion, Operation};
    use crate::validate::ops;
    use crate::validate::primitive::Pattern;

    /// The most members of any structure reachable from `shape`.
    fn widest(shape: &'static Shape) -> usize {
        match &shape.kind {
            Kind::Struct { members, .. } => members
                .iter()
                .map(|m| widest(m.shape))
                .fold(members.len(), usize::max),
            Kind::List { member, .. } => widest(member),
            Kind::Map { key, value } => widest(key).max(widest(value)),
            _ => 0,
        }
    }

    #[test]
    fn no_structure_has_more_members_than_the_walker_has_slots() {
        // INVARIANT of `Walker::walk_struct`: a member's index is its slot.
        let most = Operation::ALL
            .into_iter()
            .map(|op| widest(ops::input(op)))
            .max();
        assert!(most.is_some_and(|n| n > 10 && n <= SLOTS), "{most:?}");
    }

    /// Every structure reachable from `shape`.
    fn structures(shape: &'static Shape, out: &mut Vec<&'static [Member]>) {
        match &shape.kind {
            Kind::Struct { members, .. } => {
                out.push(members);
                for m in members.iter() {
                    structures(m.shape, out);
                }
            }
            Kind::List { member, .. } => structures(member, out),
            Kind::Map { key, value } => {
                structures(key, out);
                structures(value, out);
            }
            _ => {}
        }
    }

    #[test]
    fn member_names_are_unique_per_api_and_any_start_finds_the_same_member() {
        // INVARIANT of `member_index_from`.
        let mut all = Vec::new();
        for op in Operation::ALL {
            structures(ops::input(op), &mut all);
        }
        assert!(all.len() > 10, "{}", all.len());
        for members in all {
            for api in [ApiVersion::V2022_01, ApiVersion::Latest] {
                let names: Vec<&str> = members
                    .iter()
                    .filter(|m| m.apis.has(api))
                    .map(|m| m.name)
                    .collect();
                let mut sorted = names.clone();
                sorted.sort_unstable();
                sorted.dedup();
                assert_eq!(sorted.len(), names.len(), "{names:?}");
                let keys = members.iter().map(|m| m.name).chain(["", "jobI", "zz"]);
                for key in keys {
                    let want = member_index(members, api, key);
                    for start in 0..=members.len() + 1 {
                        assert_eq!(member_index_from(members, api, key, start), want);
                    }
                }
            }
        }
    }

    #[test]
    fn constructors_fill_the_kind_they_name() {
        static S: Shape = Shape::string("S", Some(1), None).pattern(Pattern::Id);
        assert!(matches!(
            S.kind,
            Kind::Str {
                min: Some(1),
                max: None,
                pattern: Some(Pattern::Id),
                values: None
            }
        ));
        static E: Shape = Shape::enumeration("E", &["A", "B"]);
        assert!(matches!(
            E.kind,
            Kind::Str {
                min: None,
                max: None,
                pattern: None,
                values: Some(["A", "B"])
            }
        ));
        static I: Shape = Shape::int("I", Some(0), Some(10));
        static L: Shape = Shape::long("L", None, Some(7));
        assert!(matches!(
            I.kind,
            Kind::Int {
                width: Width::I32,
                min: Some(0),
                max: Some(10)
            }
        ));
        assert!(matches!(
            L.kind,
            Kind::Int {
                width: Width::I64,
                min: None,
                max: Some(7)
            }
        ));
        static LIST: Shape = Shape::list("List", &I, None, Some(2));
        assert!(matches!(
            LIST.kind,
            Kind::List { member, min: None, max: Some(2) } if std::ptr::eq(member, &I)
        ));
        // `pattern` changes string shapes only.
        static B: Shape = Shape::boolean("B").pattern(Pattern::Id);
        assert!(matches!(B.kind, Kind::Bool) && B.name == "B");
    }
}

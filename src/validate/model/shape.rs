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

#[cfg(test)]
mod tests {
    use super::{Kind, Shape, SLOTS};
    use crate::validate::api::Operation;
    use crate::validate::ops;

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
}

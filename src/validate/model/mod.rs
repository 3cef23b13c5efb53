//! The shape tree of the AWS model and the one walk that checks a request
//! against it.
//!
//! Every operation module describes its input as static [`Shape`]s; shared
//! shapes (rollout, abort, ...) live in `crate::validate::shapes`. The walk checks the
//! model constraints of every member, then, in the `documented` profile,
//! calls the shape's own documented checks. Violations come out in a stable
//! order: for each object, duplicate and unknown keys in request order, then
//! the members in model order, then the shape's documented rules.
//!
//! - `shape`: the tree types ([`Shape`], [`Kind`], [`Member`], [`Apis`], [`Width`]);
//! - `walker`: the [`Walker`] and its structural steps;
//! - `checks`: the per-value checks (types, strings, numbers, counts);
//! - `path`: path segments ([`Seg`]) and their two spellings;
//! - `sink`: where violations go ([`Sink`], [`Details`]);
//! - `numbers`: integers read from number literals ([`integral`]).

mod checks;
mod numbers;
mod path;
mod shape;
mod sink;
mod walker;

pub(crate) use numbers::{integral, Integral};
pub(crate) use path::Seg;
pub(crate) use shape::{Apis, Kind, Member, Shape, Width};
pub(crate) use sink::{Details, Sink};
pub(crate) use walker::Walker;

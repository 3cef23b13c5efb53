//! Strict JSON parser for untrusted input.
//!
//! This is an RFC 8259 parser written for request validation rather than for
//! general deserialisation:
//!
//! * it is strict: no comments, trailing commas, single quotes, leading `+`,
//!   leading zeros, bare `NaN`/`Infinity`, raw control characters in strings
//!   or lone surrogate escapes; only space, tab, LF and CR are whitespace and
//!   only whitespace may follow the top-level value (a single leading UTF-8
//!   byte order mark is skipped, as RFC 8259 §8.1 allows);
//! * it keeps what a validator needs to report precise problems: the byte
//!   [`Span`] of every value and object key, the exact text of every number
//!   literal, and object members in document order **with duplicate keys
//!   kept**;
//! * it is safe on hostile input: it never panics, it parses iteratively (the
//!   Rust stack depth does not grow with the nesting of the document) and it
//!   stops with an error as soon as nesting exceeds a caller-supplied limit
//!   (so the memory held for open containers is bounded by that limit);
//! * it is fast and zero-copy where possible: strings and keys without escape
//!   sequences and all number literals borrow from the input, and the tree
//!   is built in one bump [`Arena`] (no allocation per container, nothing to
//!   drop node by node).
//!
//! The module is split along its seams: `value` (the tree and its spans),
//! `parser` (the iterative document parser), `scan` (strings, numbers and
//! literals) and `error` (the parse error and its one wording).

mod error;
mod parser;
mod scan;
mod value;

pub(crate) use error::ParseErrorKind;
pub(crate) use parser::{check_syntax, parse, parse_str};
pub(crate) use value::{from_serde, Arena, Entry, Node, Value};

/// 1-based line and 1-based column (column counted in Unicode scalar values)
/// of a byte offset; offsets past the end clamp to the end; an offset inside a
/// multi-byte char counts as that char.
///
/// Lines are separated by LF (so CRLF works too; a lone CR is not a break).
pub(crate) fn line_col(input: &str, offset: usize) -> (usize, usize) {
    let mut off = offset.min(input.len());
    while off > 0 && !input.is_char_boundary(off) {
        off -= 1;
    }
    let before = input.as_bytes().get(..off).unwrap_or_default();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + before
        .get(line_start..)
        .unwrap_or_default()
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count();
    (line, column)
}

#[cfg(test)]
mod tests;

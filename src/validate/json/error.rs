//! The parse error and its one wording.

use std::fmt;

/// What went wrong while parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ParseErrorKind {
    /// The input bytes are not UTF-8; the offset is that of the first bad byte.
    InvalidUtf8,
    /// The input is not JSON; the string is a short lowercase description.
    Syntax(String),
    /// `NaN`, `Infinity`, `-Infinity`, or a number literal whose value
    /// overflows `f64` (such as `1e400`); the string is the literal as written.
    NonFinite(String),
    /// Arrays and objects nest deeper than the limit, which is given.
    TooDeep(usize),
}

/// A parse failure and the byte offset in the input where it was detected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParseError {
    /// What went wrong.
    pub(crate) kind: ParseErrorKind,
    /// Byte offset into the input (use [`line_col`](super::line_col) to show it to people).
    pub(crate) offset: usize,
}

/// The one lowercase wording of a parse error, as reports and the job
/// document check show it (the vectors pin it).
impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidUtf8 => f.write_str("the text is not valid UTF-8"),
            Self::Syntax(msg) => f.write_str(msg),
            Self::NonFinite(lit) => write!(f, "`{lit}` is not a finite JSON number"),
            Self::TooDeep(limit) => {
                write!(f, "arrays and objects are nested more than {limit} deep")
            }
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.kind, self.offset)
    }
}

impl std::error::Error for ParseError {}

// ---------------------------------------------------------------------------
// Errors (kept out of line so the hot paths stay small).

#[cold]
#[inline(never)]
pub(super) fn syntax(msg: impl Into<String>, offset: usize) -> ParseError {
    ParseError {
        kind: ParseErrorKind::Syntax(msg.into()),
        offset,
    }
}

#[cold]
#[inline(never)]
pub(super) fn eof(offset: usize) -> ParseError {
    syntax("unexpected end of input", offset)
}

#[cold]
#[inline(never)]
pub(super) fn non_finite(literal: &str, offset: usize) -> ParseError {
    ParseError {
        kind: ParseErrorKind::NonFinite(literal.to_owned()),
        offset,
    }
}

//! Paths into a request: the segments the walker pushes, written as an
//! RFC 6901 JSON Pointer (for violations) or the way the service writes them
//! (for AWS texts).

use std::fmt::Write as _;

/// One step of a path.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Seg<'j> {
    Key(&'j str),
    Index(usize),
}

/// `path` as an RFC 6901 JSON Pointer.
pub(super) fn pointer(path: &[Seg<'_>]) -> String {
    let mut out = String::new();
    for seg in path {
        out.push('/');
        match seg {
            Seg::Key(k) => {
                for c in k.chars() {
                    match c {
                        '~' => out.push_str("~0"),
                        '/' => out.push_str("~1"),
                        c => out.push(c),
                    }
                }
            }
            Seg::Index(i) => {
                let _ = write!(out, "{i}");
            }
        }
    }
    out
}

/// `path` as the service writes it: `a.b.1.member.c`.
pub(super) fn aws_path(path: &[Seg<'_>]) -> String {
    let mut out = String::new();
    for seg in path {
        if !out.is_empty() {
            out.push('.');
        }
        match seg {
            Seg::Key(k) => out.push_str(k),
            Seg::Index(i) => {
                let _ = write!(out, "{}.member", i + 1);
            }
        }
    }
    out
}

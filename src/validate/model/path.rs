//! Paths into a request: the segments the walker pushes, written as an
//! RFC 6901 JSON Pointer (for violations) or the way the service writes them
//! (for AWS texts).

use crate::validate::primitive::push_usize;

/// One step of a path.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Seg<'j> {
    Key(&'j str),
    Index(usize),
}

/// `path` as an RFC 6901 JSON Pointer, allocated once.
pub(super) fn pointer<'j>(path: impl Iterator<Item = Seg<'j>> + Clone) -> String {
    let mut out = String::with_capacity(capacity(path.clone()));
    for seg in path {
        out.push('/');
        match seg {
            Seg::Key(k) if !k.bytes().any(|b| b == b'~' || b == b'/') => out.push_str(k),
            Seg::Key(k) => {
                for c in k.chars() {
                    match c {
                        '~' => out.push_str("~0"),
                        '/' => out.push_str("~1"),
                        c => out.push(c),
                    }
                }
            }
            Seg::Index(i) => push_usize(&mut out, i),
        }
    }
    out
}

/// `path` as the service writes it: `a.b.1.member.c`, allocated once.
pub(super) fn aws_path<'j>(path: impl Iterator<Item = Seg<'j>> + Clone) -> String {
    let mut out = String::with_capacity(capacity(path.clone()));
    for seg in path {
        if !out.is_empty() {
            out.push('.');
        }
        match seg {
            Seg::Key(k) => out.push_str(k),
            Seg::Index(i) => {
                push_usize(&mut out, i.saturating_add(1));
                out.push_str(".member");
            }
        }
    }
    out
}

/// Room for either form of `path` in the common case (keys without `~`
/// or `/`, short indices): one separator and the key, or 16 bytes an index.
fn capacity<'j>(path: impl Iterator<Item = Seg<'j>>) -> usize {
    path.map(|seg| match seg {
        Seg::Key(k) => k.len() + 1,
        Seg::Index(_) => 16,
    })
    .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::primitive::push_usize;

    #[test]
    fn pointers_escape_and_number_like_format() {
        let path = [
            Seg::Key("a/b~c"),
            Seg::Index(0),
            Seg::Key("plain"),
            Seg::Index(1234567),
        ];
        assert_eq!(pointer(path.into_iter()), "/a~1b~0c/0/plain/1234567");
        assert_eq!(
            aws_path(path.into_iter()),
            "a/b~c.1.member.plain.1234568.member"
        );
        assert_eq!(pointer(std::iter::empty()), "");
        for n in [0, 1, 9, 10, 99, 100, 4096, usize::MAX] {
            let mut s = String::new();
            push_usize(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }
}

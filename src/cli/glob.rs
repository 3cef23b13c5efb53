//! File globs for the CLI (`*`, `?` within a path component, `**` for any
//! number of directories), expanded in sorted order without following
//! symbolic links to directories. The file system is reached only through
//! the [`Host`]: the matching is here, so that every host (the native binary,
//! the npm bin) finds the same files in the same order.

use super::{EntryKind, Host};

/// Expands `pattern`; a plain path (no `*` or `?`) is returned as it is.
pub(crate) fn expand(pattern: &str, host: &mut dyn Host) -> Result<Vec<String>, String> {
    if !pattern.contains(['*', '?']) {
        return Ok(vec![pattern.to_owned()]);
    }
    let absolute = pattern.starts_with('/');
    let parts: Vec<&str> = pattern.split('/').filter(|p| !p.is_empty()).collect();
    let fixed = parts.iter().take_while(|p| !p.contains(['*', '?'])).count();
    let (base_parts, rest) = parts.split_at(fixed);
    let mut base = String::from(if absolute { "/" } else { "." });
    for part in base_parts {
        base = join(&base, part);
    }
    let mut out = Vec::new();
    walk(host, &base, rest, &mut out, 0).map_err(|e| format!("cannot expand `{pattern}`: {e}"))?;
    let prefix = if absolute { "" } else { "./" };
    let mut names: Vec<String> = out
        .into_iter()
        .map(|s| s.strip_prefix(prefix).map(str::to_owned).unwrap_or(s))
        .collect();
    names.sort();
    names.dedup();
    Ok(names)
}

/// `dir/name`, as `Path::join` writes it for a relative, non-empty `name`.
fn join(dir: &str, name: &str) -> String {
    if dir.ends_with('/') {
        format!("{dir}{name}")
    } else {
        format!("{dir}/{name}")
    }
}

/// Deepest directory nesting followed by `**`.
const MAX_DEPTH: usize = 32;

fn walk(
    host: &mut dyn Host,
    dir: &str,
    rest: &[&str],
    out: &mut Vec<String>,
    depth: usize,
) -> Result<(), String> {
    let Some((first, tail)) = rest.split_first() else {
        if host.kind(dir) == EntryKind::File {
            out.push(dir.to_owned());
        }
        return Ok(());
    };
    if depth > MAX_DEPTH || host.kind(dir) != EntryKind::Dir {
        return Ok(());
    }
    if *first == "**" {
        walk(host, dir, tail, out, depth + 1)?;
        for entry in host.list_dir(dir)? {
            if entry.dir && !entry.name.starts_with('.') {
                walk(host, &join(dir, &entry.name), rest, out, depth + 1)?;
            }
        }
        return Ok(());
    }
    if !first.contains(['*', '?']) {
        return walk(host, &join(dir, first), tail, out, depth + 1);
    }
    for entry in host.list_dir(dir)? {
        if (entry.name.starts_with('.') && !first.starts_with('.'))
            || !matches(first.as_bytes(), entry.name.as_bytes())
        {
            continue;
        }
        walk(host, &join(dir, &entry.name), tail, out, depth + 1)?;
    }
    Ok(())
}

/// `*` and `?` matching of one path component, iteratively (no backtracking blow-up).
fn matches(pattern: &[u8], name: &[u8]) -> bool {
    let (mut p, mut n) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, n));
                p += 1;
            }
            Some(c) if *c == b'?' || Some(c) == name.get(n) => {
                p += 1;
                n += 1;
            }
            _ => match star {
                Some((sp, sn)) => {
                    p = sp + 1;
                    n = sn + 1;
                    star = Some((sp, sn + 1));
                }
                None => return false,
            },
        }
    }
    pattern
        .get(p..)
        .is_some_and(|r| r.iter().all(|c| *c == b'*'))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::{expand, join, matches};
    use crate::cli::{DirEntry, EntryKind, Host};

    #[test]
    fn component_matching() {
        assert!(matches(b"*.json", b"a.json"));
        assert!(matches(b"*.job.json", b"x.job.json"));
        assert!(!matches(b"*.json", b"a.jsonx"));
        assert!(matches(b"a?c", b"abc"));
        assert!(matches(b"*", b""));
        assert!(matches(b"**a*b*", b"xxaxxbxx"));
        assert!(!matches(b"a*b", b"acd"));
    }

    #[test]
    fn joins_like_path_join() {
        assert_eq!(join(".", "a"), "./a");
        assert_eq!(join("/", "a"), "/a");
        assert_eq!(join("./a", "b"), "./a/b");
    }

    /// An in-memory tree: `(path, is_dir)`, listed in reverse order to show
    /// that the result does not depend on the host's listing order.
    struct Tree(Vec<(&'static str, bool)>);

    impl Host for Tree {
        fn read_file(&mut self, _: &str, _: usize) -> Result<Vec<u8>, String> {
            Err(String::from("not here"))
        }
        fn read_stdin(&mut self, _: usize) -> Result<Vec<u8>, String> {
            Err(String::from("not here"))
        }
        fn kind(&mut self, path: &str) -> EntryKind {
            if path == "." {
                return EntryKind::Dir;
            }
            let path = path.strip_prefix("./").unwrap_or(path);
            match self.0.iter().find(|(p, _)| *p == path) {
                Some((_, true)) => EntryKind::Dir,
                Some((_, false)) => EntryKind::File,
                None => EntryKind::Missing,
            }
        }
        fn list_dir(&mut self, dir: &str) -> Result<Vec<DirEntry>, String> {
            let dir = dir.strip_prefix('.').unwrap_or(dir);
            let dir = dir.strip_prefix('/').unwrap_or(dir);
            let mut found: Vec<DirEntry> = self
                .0
                .iter()
                .filter_map(|(p, is_dir)| {
                    let rest = if dir.is_empty() {
                        *p
                    } else {
                        p.strip_prefix(dir)?.strip_prefix('/')?
                    };
                    (!rest.contains('/')).then(|| DirEntry {
                        name: rest.to_owned(),
                        dir: *is_dir,
                    })
                })
                .collect();
            found.reverse();
            Ok(found)
        }
        fn colour(&self) -> bool {
            false
        }
        fn stdout(&mut self, _: &str) {}
        fn stderr(&mut self, _: &str) {}
    }

    #[test]
    fn expands_through_the_host_in_sorted_order() {
        let mut tree = Tree(vec![
            ("jobs", true),
            ("jobs/b.json", false),
            ("jobs/a.json", false),
            ("jobs/.hidden.json", false),
            ("jobs/deep", true),
            ("jobs/deep/c.json", false),
            ("jobs/.git", true),
            ("jobs/.git/d.json", false),
            ("jobs/notes.txt", false),
        ]);
        assert_eq!(
            expand("jobs/*.json", &mut tree).unwrap(),
            ["jobs/a.json", "jobs/b.json"]
        );
        assert_eq!(
            expand("jobs/**/*.json", &mut tree).unwrap(),
            ["jobs/a.json", "jobs/b.json", "jobs/deep/c.json"]
        );
        assert_eq!(
            expand("jobs/.*.json", &mut tree).unwrap(),
            ["jobs/.hidden.json"]
        );
        assert_eq!(
            expand("*/deep/?.json", &mut tree).unwrap(),
            ["jobs/deep/c.json"]
        );
        assert!(expand("nothing/*.json", &mut tree).unwrap().is_empty());
        assert_eq!(expand("plain.json", &mut tree).unwrap(), ["plain.json"]);
    }
}

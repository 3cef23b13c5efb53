//! File globs for the CLI (`*`, `?` within a path component, `**` for any
//! number of directories), expanded in sorted order without following
//! symbolic links to directories. The file system is reached only through
//! the [`Host`]: the walk is here, so that every host (the native binary,
//! the npm bin) finds the same files in the same order.
//!
//! A component's `*` and `?` (one character) are matched by the [`glob`]
//! crate; every other character of a pattern is literal (`[`, `{` and `\`
//! included), so a pattern without `*` or `?` is a plain path. A name
//! starting with `.` is matched only by a component that starts with `.`,
//! and `**` does not descend into such directories. A trailing `**` matches
//! no file (it names directories). `**` reaches any depth (beyond 1024
//! directories the expansion is an error, never a silent stop); repeated
//! `**/**` are one, and each `**` step is taken once per directory, so the
//! walk stays linear in the tree whatever the number of `**`.
//!
//! Paths are `OsStr`, so a name that is not UTF-8 (possible on Unix) is
//! found and read by its real name: a plain component is compared byte for
//! byte, and a component with `*` or `?` is matched against the name's
//! lossy form (each invalid byte sequence as U+FFFD, which `?` and `*`
//! match). Such a name is printed in its lossy form.

use super::{EntryKind, Host};
use glob::{MatchOptions, Pattern};
use std::collections::BTreeSet;
use std::ffi::{OsStr, OsString};
use std::path::{Component, Path};

/// Whether `pattern` is a glob (has a `*` or `?`) rather than a plain path.
pub(crate) fn is_glob(pattern: &OsStr) -> bool {
    pattern
        .as_encoded_bytes()
        .iter()
        .any(|b| matches!(b, b'*' | b'?'))
}

/// Expands `pattern`; a plain path (no `*` or `?`) is returned as it is.
pub(crate) fn expand(pattern: &OsStr, host: &mut dyn Host) -> Result<Vec<OsString>, String> {
    if !is_glob(pattern) {
        return Ok(vec![pattern.to_owned()]);
    }
    let shown = super::shown(pattern);
    let mut base = OsString::new();
    let mut parts: Vec<&OsStr> = Vec::new();
    for component in Path::new(pattern).components() {
        match component {
            Component::RootDir => base.push("/"),
            Component::Prefix(p) => base.push(p.as_os_str()),
            Component::CurDir => parts.push(OsStr::new(".")),
            Component::ParentDir => parts.push(OsStr::new("..")),
            Component::Normal(name) => parts.push(name),
        }
    }
    let fixed = parts.iter().take_while(|p| !is_glob(p)).count();
    let (base_parts, rest) = parts.split_at_checked(fixed).unwrap_or((&parts, &[]));
    for part in base_parts {
        base = join(&base, part);
    }
    let mut globs: Vec<Part> = Vec::with_capacity(rest.len());
    for p in rest {
        let part = Part::new(p).map_err(|e| format!("cannot expand `{shown}`: {e}"))?;
        // `**/**` means what `**` means: repeated ones are one.
        if !(matches!(part, Part::AnyDirs) && matches!(globs.last(), Some(Part::AnyDirs))) {
            globs.push(part);
        }
    }
    let mut names = Vec::new();
    let mut walk = Walk {
        host,
        out: &mut names,
        seen: BTreeSet::new(),
    };
    walk.walk(&base, &globs, 0)
        .map_err(|e| format!("cannot expand `{shown}`: {e}"))?;
    names.sort();
    names.dedup();
    Ok(names)
}

/// One component of a glob after its plain prefix.
enum Part {
    /// `**`: this directory and every non-hidden one below it.
    AnyDirs,
    /// A name without `*` or `?`.
    Literal(OsString),
    /// A name with `*` or `?`; `dot` when it starts with `.` (and so may
    /// match hidden names).
    Glob { matcher: Pattern, dot: bool },
}

impl Part {
    fn new(component: &OsStr) -> Result<Self, glob::PatternError> {
        if component == "**" {
            return Ok(Self::AnyDirs);
        }
        if !is_glob(component) {
            return Ok(Self::Literal(component.to_owned()));
        }
        // Brackets are escaped as `glob` escapes them (`[[]`, `[]]`); a run
        // of `*` within a component is one `*` (`glob` wants `**` alone).
        // A component that is not UTF-8 is matched in its lossy form.
        let component = component.to_string_lossy();
        let mut glob = String::with_capacity(component.len());
        for c in component.chars() {
            match c {
                '[' => glob.push_str("[[]"),
                ']' => glob.push_str("[]]"),
                '*' if glob.ends_with('*') => {}
                c => glob.push(c),
            }
        }
        Ok(Self::Glob {
            matcher: Pattern::new(&glob)?,
            dot: component.starts_with('.'),
        })
    }
}

/// Case-sensitive; a name has no `/`, and hidden names are left out by
/// [`walk`] (a component starting with `.` may match them).
const OPTIONS: MatchOptions = MatchOptions {
    case_sensitive: true,
    require_literal_separator: true,
    require_literal_leading_dot: false,
};

/// `dir/name` (`name` alone when `dir` is empty, the current directory).
fn join(dir: &OsStr, name: &OsStr) -> OsString {
    let mut out = dir.to_owned();
    if !dir.is_empty() && !dir.as_encoded_bytes().ends_with(b"/") {
        out.push("/");
    }
    out.push(name);
    out
}

/// The directory `dir` as the host is asked about it (`.` for the empty
/// path, the current directory).
fn at(dir: &OsStr) -> &Path {
    Path::new(if dir.is_empty() { OsStr::new(".") } else { dir })
}

/// Deepest directory nesting a glob descends into below its plain part.
/// Deeper trees are an error, never a silent stop; the bound only keeps
/// the recursion within the stack (of WebAssembly too, for the npm bin).
const MAX_DEPTH: usize = 1024;

/// One expansion: the host, the names found, and the `**` steps already
/// taken (a directory and how many parts remained), so that each is taken
/// once however many ways lead to it: without this, `**/*/**/*.json`
/// visits a directory once per way of splitting its path between the two
/// `**`, which grows exponentially with their number.
struct Walk<'h, 'o> {
    host: &'h mut dyn Host,
    out: &'o mut Vec<OsString>,
    seen: BTreeSet<(OsString, usize)>,
}

impl Walk<'_, '_> {
    /// Matches `rest` below `dir`, which is `depth` directories below the
    /// glob's plain part.
    fn walk(&mut self, dir: &OsStr, rest: &[Part], depth: usize) -> Result<(), String> {
        let Some((first, tail)) = rest.split_first() else {
            if self.host.kind(at(dir)) == EntryKind::File {
                self.out.push(dir.to_owned());
            }
            return Ok(());
        };
        if self.host.kind(at(dir)) != EntryKind::Dir {
            return Ok(());
        }
        if depth > MAX_DEPTH {
            return Err(format!(
                "directories are nested more than {MAX_DEPTH} deep below the pattern's plain part"
            ));
        }
        match first {
            Part::AnyDirs => {
                if !self.seen.insert((dir.to_owned(), rest.len())) {
                    return Ok(());
                }
                self.walk(dir, tail, depth)?;
                for entry in self.host.list_dir(at(dir))? {
                    if entry.dir && !entry.name.as_encoded_bytes().starts_with(b".") {
                        self.walk(&join(dir, &entry.name), rest, depth + 1)?;
                    }
                }
            }
            Part::Literal(name) => self.walk(&join(dir, name), tail, depth + 1)?,
            Part::Glob { matcher, dot } => {
                for entry in self.host.list_dir(at(dir))? {
                    let name = entry.name.to_string_lossy();
                    if (name.starts_with('.') && !dot) || !matcher.matches_with(&name, OPTIONS) {
                        continue;
                    }
                    self.walk(&join(dir, &entry.name), tail, depth + 1)?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{join, Part};
    use crate::cli::{DirEntry, EntryKind, Host};
    use std::ffi::{OsStr, OsString};
    use std::path::Path;

    /// Whether the one-component glob `pattern` matches `name`.
    fn matches(pattern: &str, name: &str) -> bool {
        match Part::new(OsStr::new(pattern)).unwrap() {
            Part::Glob { matcher, .. } => matcher.matches(name),
            Part::Literal(literal) => literal == name,
            Part::AnyDirs => true,
        }
    }

    #[test]
    fn component_matching() {
        assert!(matches("*.json", "a.json"));
        assert!(matches("*.job.json", "x.job.json"));
        assert!(!matches("*.json", "a.jsonx"));
        assert!(matches("a?c", "abc"));
        assert!(!matches("a?c", "ac"));
        assert!(matches("*", ""));
        assert!(matches("**a*b*", "xxaxxbxx"));
        assert!(matches("a**", "abc"));
        assert!(!matches("a*b", "acd"));
        // `?` is one character, not one byte.
        assert!(matches("?.json", "\u{e9}.json"));
        assert!(!matches("??.json", "\u{e9}.json"));
        // Only `*` and `?` are special: brackets, braces and backslashes are literal.
        assert!(matches("[ab]*.json", "[ab]1.json"));
        assert!(!matches("[ab]*.json", "a1.json"));
        assert!(matches("{a,b}?", "{a,b}1"));
        assert!(!matches("{a,b}?", "a1"));
        assert!(matches("a\\*", "a\\x"));
        assert!(!matches("a\\*", "a*"));
    }

    #[test]
    fn joins_like_path_join() {
        let join = |a: &str, b: &str| join(OsStr::new(a), OsStr::new(b));
        assert_eq!(join(".", "a"), "./a");
        assert_eq!(join("/", "a"), "/a");
        assert_eq!(join("./a", "b"), "./a/b");
        assert_eq!(join("", "a"), "a");
    }

    /// An in-memory tree: `(path, is_dir)`, listed in reverse order to show
    /// that the result does not depend on the host's listing order.
    struct Tree(Vec<(&'static str, bool)>);

    impl Host for Tree {
        fn read_file(&mut self, _: &Path, _: usize) -> Result<Vec<u8>, String> {
            Err(String::from("not here"))
        }
        fn size(&mut self, _: &Path) -> Option<u64> {
            None
        }
        fn read_stdin(&mut self, _: usize) -> Result<Vec<u8>, String> {
            Err(String::from("not here"))
        }
        fn kind(&mut self, path: &Path) -> EntryKind {
            let path = path.to_str().unwrap();
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
        fn list_dir(&mut self, dir: &Path) -> Result<Vec<DirEntry>, String> {
            let dir = dir.to_str().unwrap();
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
                        name: OsString::from(rest),
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
        fn stdout(&mut self, _: &str) -> Result<(), String> {
            Ok(())
        }
        fn stderr(&mut self, _: &str) {}
    }

    fn expand(pattern: &str, tree: &mut Tree) -> Result<Vec<OsString>, String> {
        super::expand(OsStr::new(pattern), tree)
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
        // Brackets are not a glob: the path is taken as it is.
        assert_eq!(
            expand("jobs/[ab].json", &mut tree).unwrap(),
            ["jobs/[ab].json"]
        );
        // A trailing `**` names directories, never a file.
        assert!(expand("jobs/**", &mut tree).unwrap().is_empty());
    }

    /// A tree of `depth` nested directories `d`, with `r.json` at the bottom.
    fn deep(depth: usize) -> Tree {
        let mut paths: Vec<(&'static str, bool)> = Vec::new();
        let mut dir = String::from("d");
        for _ in 0..depth {
            paths.push((Box::leak(dir.clone().into_boxed_str()), true));
            dir.push_str("/d");
        }
        let file = format!("{}/r.json", &dir[..dir.len() - 2]);
        paths.push((Box::leak(file.into_boxed_str()), false));
        Tree(paths)
    }

    #[test]
    fn double_star_reaches_any_depth_and_repeated_ones_are_one() {
        let bottom = format!("{}r.json", "d/".repeat(40));
        let mut tree = deep(40);
        assert_eq!(expand("**/*.json", &mut tree).unwrap(), [bottom.as_str()]);
        assert_eq!(expand("d/**/r.json", &mut tree).unwrap(), [bottom.as_str()]);
        let many = format!("{}*.json", "**/".repeat(12));
        assert_eq!(expand(&many, &mut tree).unwrap(), [bottom.as_str()]);
        // `**` apart from each other: each (directory, rest) step once.
        let apart = format!("{}*.json", "**/*/".repeat(6));
        assert_eq!(expand(&apart, &mut tree).unwrap(), [bottom.as_str()]);
        // Deeper than the bound is an error, not a silent stop.
        let mut tree = deep(super::MAX_DEPTH + 2);
        let e = expand("**/*.json", &mut tree).unwrap_err();
        assert!(e.contains("nested more than 1024 deep"), "{e}");
    }
}

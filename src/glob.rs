//! File globs for the CLI (`*`, `?` within a path component, `**` for any
//! number of directories), expanded in sorted order without following
//! symbolic links to directories.

use std::path::{Path, PathBuf};

/// Expands `pattern`; a plain path (no `*` or `?`) is returned as it is.
pub(crate) fn expand(pattern: &str) -> Result<Vec<String>, String> {
    if !pattern.contains(['*', '?']) {
        return Ok(vec![pattern.to_owned()]);
    }
    let absolute = pattern.starts_with('/');
    let parts: Vec<&str> = pattern.split('/').filter(|p| !p.is_empty()).collect();
    let fixed = parts.iter().take_while(|p| !p.contains(['*', '?'])).count();
    let (base_parts, rest) = parts.split_at(fixed);
    let mut base = PathBuf::from(if absolute { "/" } else { "." });
    base.extend(base_parts);
    let mut out = Vec::new();
    walk(&base, rest, &mut out, 0).map_err(|e| format!("cannot expand `{pattern}`: {e}"))?;
    let prefix = if absolute { "" } else { "./" };
    let mut names: Vec<String> = out
        .into_iter()
        .map(|p| {
            let s = p.to_string_lossy().into_owned();
            s.strip_prefix(prefix).map(str::to_owned).unwrap_or(s)
        })
        .collect();
    names.sort();
    names.dedup();
    Ok(names)
}

/// Deepest directory nesting followed by `**`.
const MAX_DEPTH: usize = 32;

fn walk(dir: &Path, rest: &[&str], out: &mut Vec<PathBuf>, depth: usize) -> std::io::Result<()> {
    let Some((first, tail)) = rest.split_first() else {
        if dir.is_file() {
            out.push(dir.to_path_buf());
        }
        return Ok(());
    };
    if depth > MAX_DEPTH || !dir.is_dir() {
        return Ok(());
    }
    if *first == "**" {
        walk(dir, tail, out, depth + 1)?;
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            if entry.file_type()?.is_dir() && !entry.file_name().to_string_lossy().starts_with('.')
            {
                walk(&entry.path(), rest, out, depth + 1)?;
            }
        }
        return Ok(());
    }
    if !first.contains(['*', '?']) {
        return walk(&dir.join(first), tail, out, depth + 1);
    }
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if (name.starts_with('.') && !first.starts_with('.'))
            || !matches(first.as_bytes(), name.as_bytes())
        {
            continue;
        }
        walk(&entry.path(), tail, out, depth + 1)?;
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
    use super::matches;

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
}

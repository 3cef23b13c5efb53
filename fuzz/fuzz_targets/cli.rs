//! The command line as a library (`cli::run` over a `Host`): what the native
//! binary and the npm bin (`cliRun` in WebAssembly) both run. Its doc says
//! it never panics, whatever the arguments and the host's answers.
//!
//! Input: one flags byte (bit 0 colour, bit 1 a host that ignores the read
//! limit, bit 2 standard input fails, bit 3 directory listings in reverse
//! order with every entry twice), then NUL-separated fields: the arguments
//! (one per line), standard input, then the files `f0.json`,
//! `jobs/f1.json`, `jobs/deep/f2.json`, `f3.json`, ... (directories `jobs`
//! and `jobs/deep`). Checks: the exit code is 0, 1 or 2; 2 says why on
//! standard error; 0 and 1 print something; `--format json` / `sarif`
//! output is JSON (the whole of it, or each line of a listing).
#![no_main]

use iot_jobs_policy::cli::{run, DirEntry, EntryKind, Host};
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;
use std::path::Path;

const DIRS: [&str; 3] = [".", "jobs", "jobs/deep"];

struct Memory {
    flags: u8,
    stdin: Vec<u8>,
    files: BTreeMap<String, Vec<u8>>,
    out: String,
    err: String,
}

fn normal(path: &str) -> &str {
    let mut p = path;
    while let Some(rest) = p.strip_prefix("./") {
        p = rest;
    }
    let p = p.trim_end_matches('/');
    if p.is_empty() {
        "."
    } else {
        p
    }
}

fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or(".", |(dir, _)| dir)
}

impl Host for Memory {
    fn read_file(&mut self, path: &Path, limit: usize) -> Result<Vec<u8>, String> {
        let path = &path.to_string_lossy();
        match self.files.get(normal(path)) {
            Some(bytes) if self.flags & 2 != 0 => Ok(bytes.clone()),
            Some(bytes) => Ok(bytes.iter().copied().take(limit).collect()),
            None if DIRS.contains(&normal(path)) => Err("Is a directory (os error 21)".into()),
            None => Err("No such file or directory (os error 2)".into()),
        }
    }
    fn size(&mut self, path: &Path) -> Option<u64> {
        let bytes = self.files.get(normal(&path.to_string_lossy()))?;
        u64::try_from(bytes.len()).ok()
    }
    fn read_stdin(&mut self, limit: usize) -> Result<Vec<u8>, String> {
        if self.flags & 4 != 0 {
            return Err("Bad file descriptor (os error 9)".into());
        }
        Ok(self.stdin.iter().copied().take(limit).collect())
    }
    fn kind(&mut self, path: &Path) -> EntryKind {
        let path = path.to_string_lossy();
        let p = normal(&path);
        if self.files.contains_key(p) {
            EntryKind::File
        } else if DIRS.contains(&p) {
            EntryKind::Dir
        } else {
            EntryKind::Missing
        }
    }
    fn list_dir(&mut self, dir: &Path) -> Result<Vec<DirEntry>, String> {
        let dir = dir.to_string_lossy();
        let d = normal(&dir);
        if !DIRS.contains(&d) {
            return Err("No such file or directory (os error 2)".into());
        }
        let name = |p: &str| p.rsplit('/').next().unwrap_or(p).into();
        let mut entries: Vec<DirEntry> = self
            .files
            .keys()
            .filter(|f| parent(f) == d)
            .map(|f| DirEntry {
                name: name(f),
                dir: false,
            })
            .chain(
                DIRS.iter()
                    .filter(|s| **s != "." && parent(s) == d)
                    .map(|s| DirEntry {
                        name: name(s),
                        dir: true,
                    }),
            )
            .collect();
        if self.flags & 8 != 0 {
            entries.reverse();
            entries.extend(entries.clone());
        }
        Ok(entries)
    }
    fn colour(&self) -> bool {
        self.flags & 1 != 0
    }
    fn stdout(&mut self, text: &str) -> Result<(), String> {
        self.out.push_str(text);
        Ok(())
    }
    fn stderr(&mut self, text: &str) {
        self.err.push_str(text);
    }
}

fn is_json(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text).is_ok()
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let mut fields = rest.split(|&b| b == 0);
    let args: Vec<String> = String::from_utf8_lossy(fields.next().unwrap_or_default())
        .split('\n')
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect();
    let stdin = fields.next().unwrap_or_default().to_vec();
    let files = fields
        .enumerate()
        .map(|(i, bytes)| {
            let path = match i % 3 {
                0 => format!("f{i}.json"),
                1 => format!("jobs/f{i}.json"),
                _ => format!("jobs/deep/f{i}.json"),
            };
            (path, bytes.to_vec())
        })
        .collect();
    let mut host = Memory {
        flags,
        stdin,
        files,
        out: String::new(),
        err: String::new(),
    };
    let code = run(&args, &mut host);
    assert!(code <= 2, "exit code {code} for {args:?}");
    if code == 2 {
        assert!(!host.err.is_empty(), "exit 2 without a word: {args:?}");
        return;
    }
    assert!(!host.out.is_empty(), "exit {code} and no output: {args:?}");
    let format = args
        .iter()
        .rposition(|a| a == "--format")
        .and_then(|i| args.get(i + 1));
    if matches!(format.map(String::as_str), Some("json" | "sarif")) {
        let whole = is_json(&host.out);
        let lines = host.out.lines().all(is_json);
        assert!(whole || lines, "{args:?}: not JSON:\n{}", host.out);
    }
});

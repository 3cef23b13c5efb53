//! The `iot-jobs-policy` command: validate AWS IoT Jobs requests from files
//! or standard input, and list the rules. The commands live in
//! [`iot_jobs_policy::cli`]; this binary is its host on `std` (files,
//! standard streams, `NO_COLOR` and the terminal test).
//!
//! Exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage error,
//! unreadable input or output that could not be written.
//!
//! Arguments are read with `args_os`, so a file name that is not UTF-8 is
//! read as it is (see [`iot_jobs_policy::cli`]).

use iot_jobs_policy::cli::{DirEntry, EntryKind, Host};
use std::ffi::OsString;
use std::io::{IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

/// The process's file system and standard streams.
struct Std;

fn read_limited(reader: impl Read, limit: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(limit).unwrap_or(u64::MAX);
    reader.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

impl Host for Std {
    fn read_file(&mut self, path: &Path, limit: usize) -> Result<Vec<u8>, String> {
        std::fs::File::open(path)
            .and_then(|f| read_limited(f, limit))
            .map_err(|e| e.to_string())
    }

    fn size(&mut self, path: &Path) -> Option<u64> {
        std::fs::metadata(path)
            .ok()
            .filter(std::fs::Metadata::is_file)
            .map(|m| m.len())
    }

    fn read_stdin(&mut self, limit: usize) -> Result<Vec<u8>, String> {
        read_limited(std::io::stdin().lock(), limit).map_err(|e| e.to_string())
    }

    fn kind(&mut self, path: &Path) -> EntryKind {
        match std::fs::metadata(path) {
            Ok(m) if m.is_file() => EntryKind::File,
            Ok(m) if m.is_dir() => EntryKind::Dir,
            _ => EntryKind::Missing,
        }
    }

    fn list_dir(&mut self, dir: &Path) -> Result<Vec<DirEntry>, String> {
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
            let entry = entry.map_err(|e| e.to_string())?;
            entries.push(DirEntry {
                name: entry.file_name(),
                dir: entry.file_type().map_err(|e| e.to_string())?.is_dir(),
            });
        }
        Ok(entries)
    }

    fn parallelism(&self) -> usize {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    }

    fn progress(&mut self, done: u64, total: u64) {
        let mut err = std::io::stderr().lock();
        if !err.is_terminal() || total == 0 {
            return;
        }
        const WIDTH: u64 = 30;
        let text = if done >= total {
            // The bar is gone once the answer is there.
            String::from("\r\x1b[K")
        } else {
            let filled = usize::try_from(done * WIDTH / total).unwrap_or(0);
            let rest = usize::try_from(WIDTH).unwrap_or(0).saturating_sub(filled);
            format!(
                "\r[{}{}] {:>3} % ({done} of {total} trials)",
                "#".repeat(filled),
                ".".repeat(rest),
                done * 100 / total
            )
        };
        let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
    }

    fn colour(&self) -> bool {
        std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
    }

    fn stdout(&mut self, text: &str) -> Result<(), String> {
        // A closed pipe (e.g. `| head`) or a full disk is an error (exit 2),
        // never a panic (Rust ignores SIGPIPE) nor a silent success.
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| e.to_string())
    }

    fn stderr(&mut self, text: &str) {
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    ExitCode::from(iot_jobs_policy::cli::run(&args, &mut Std))
}

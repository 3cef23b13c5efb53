//! The `iot-jobs-policy` command: validate AWS IoT Jobs requests from files
//! or standard input, and list the rules. The commands live in
//! [`iot_jobs_policy::cli`]; this binary is its host on `std` (files,
//! standard streams, `NO_COLOR` and the terminal test).
//!
//! Exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage error or
//! unreadable input.

use iot_jobs_policy::cli::{DirEntry, EntryKind, Host};
use std::io::{IsTerminal, Read, Write};
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
    fn read_file(&mut self, path: &str, limit: usize) -> Result<Vec<u8>, String> {
        std::fs::File::open(path)
            .and_then(|f| read_limited(f, limit))
            .map_err(|e| e.to_string())
    }

    fn read_stdin(&mut self, limit: usize) -> Result<Vec<u8>, String> {
        read_limited(std::io::stdin().lock(), limit).map_err(|e| e.to_string())
    }

    fn kind(&mut self, path: &str) -> EntryKind {
        match std::fs::metadata(path) {
            Ok(m) if m.is_file() => EntryKind::File,
            Ok(m) if m.is_dir() => EntryKind::Dir,
            _ => EntryKind::Missing,
        }
    }

    fn list_dir(&mut self, dir: &str) -> Result<Vec<DirEntry>, String> {
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
            let entry = entry.map_err(|e| e.to_string())?;
            entries.push(DirEntry {
                name: entry.file_name().to_string_lossy().into_owned(),
                dir: entry.file_type().map_err(|e| e.to_string())?.is_dir(),
            });
        }
        Ok(entries)
    }

    fn colour(&self) -> bool {
        std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
    }

    fn stdout(&mut self, text: &str) {
        let mut out = std::io::stdout().lock();
        // A closed pipe (e.g. `| head`) is not an error worth a panic.
        let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
    }

    fn stderr(&mut self, text: &str) {
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    ExitCode::from(iot_jobs_policy::cli::run(&args, &mut Std))
}

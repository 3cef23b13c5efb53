//! Maintenance-window cron expressions (`MaintenanceWindow.startTime`).
//!
//! PLACEHOLDER (interface agreed for issue #10): the cron helper replaces
//! this whole file with the full AWS dialect (names, `L`, `W`, `#`, year
//! ranges, precise errors). The interface below stays:
//! [`Cron::parse`], [`Cron::next_at_or_after`], [`CronError`] with
//! `field()` and `Display`. This placeholder accepts only
//! `cron(M H DoM Mon DoW Y)` whose fields are `*`, `?` or one number and
//! finds the next start by stepping minute by minute (at most ~2 years).

use crate::validate::bounds::{time_in_range, MAX_TIME_MS};
use std::fmt;

const MINUTE_MS: i64 = 60_000;

/// A parsed cron expression of the AWS dialect, evaluated in UTC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cron {
    fields: [Option<u32>; 6],
}

/// Why a text is not a cron expression of the AWS dialect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CronError {
    field: Option<&'static str>,
    message: String,
}

impl CronError {
    /// The offending field (`Minutes`, `Hours`, `Day-of-month`, `Month`,
    /// `Day-of-week`, `Year`), or `None` for the expression as a whole.
    pub fn field(&self) -> Option<&'static str> {
        self.field
    }
}

impl fmt::Display for CronError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CronError {}

const NAMES: [&str; 6] = [
    "Minutes",
    "Hours",
    "Day-of-month",
    "Month",
    "Day-of-week",
    "Year",
];

impl Cron {
    /// Parses `cron(Minutes Hours Day-of-month Month Day-of-week Year)`.
    pub fn parse(text: &str) -> Result<Cron, CronError> {
        let inner = text
            .strip_prefix("cron(")
            .and_then(|s| s.strip_suffix(')'))
            .ok_or_else(|| CronError {
                field: None,
                message: "a cron expression has the form `cron(Minutes Hours Day-of-month Month Day-of-week Year)`".to_owned(),
            })?;
        let parts: Vec<&str> = inner.split(' ').collect();
        if parts.len() != 6 {
            return Err(CronError {
                field: None,
                message: format!("a cron expression has 6 fields, this one {}", parts.len()),
            });
        }
        let mut fields = [None; 6];
        for (i, part) in parts.iter().enumerate() {
            if *part == "*" || *part == "?" {
                continue;
            }
            let n: u32 = part.parse().map_err(|_| CronError {
                field: NAMES.get(i).copied(),
                message: format!("`{part}` is not supported by the placeholder"),
            })?;
            if let Some(slot) = fields.get_mut(i) {
                *slot = Some(n);
            }
        }
        Ok(Cron { fields })
    }

    /// The first start time at or after `t_ms` (epoch milliseconds, UTC):
    /// a whole minute, `None` when there is none in range (up to
    /// [`MAX_TIME_MS`]) or `t_ms` is out of range.
    pub fn next_at_or_after(&self, t_ms: i64) -> Option<i64> {
        if !time_in_range(t_ms) {
            return None;
        }
        let mut m = t_ms.checked_add(MINUTE_MS - 1)? / MINUTE_MS * MINUTE_MS;
        for _ in 0..(2 * 366 * 24 * 60) {
            if m > MAX_TIME_MS {
                return None;
            }
            if self.matches(m) {
                return Some(m);
            }
            m += MINUTE_MS;
        }
        None
    }

    fn matches(&self, t: i64) -> bool {
        let (y, mo, d, h, mi, dow) = civil(t);
        let got = [mi, h, d, mo, dow, y];
        self.fields
            .iter()
            .zip(got)
            .all(|(f, g)| f.is_none_or(|want| want == g))
    }
}

/// (year, month 1-12, day 1-31, hour, minute, day of week 1=SUN..7=SAT).
fn civil(t: i64) -> (u32, u32, u32, u32, u32, u32) {
    let days = t.div_euclid(86_400_000);
    let ms = t.rem_euclid(86_400_000);
    let (h, mi) = ((ms / 3_600_000) as u32, ((ms / 60_000) % 60) as u32);
    // days since 1970-01-01 (a Thursday = 5 in 1=SUN numbering)
    let dow = ((days + 4).rem_euclid(7) + 1) as u32;
    // Howard Hinnant's civil_from_days
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let mo = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(mo <= 2)) as u32;
    (y, mo, d, h, mi, dow)
}

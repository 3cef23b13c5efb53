//! Calendar arithmetic without a clock: RFC 3339 and the scheduling
//! timestamp form, converted to epoch milliseconds.

/// Milliseconds in one second.
const SECOND_MS: i64 = 1000;
/// Milliseconds in one minute.
pub(crate) const MINUTE_MS: i64 = 60 * SECOND_MS;
/// Milliseconds in one hour.
const HOUR_MS: i64 = 60 * MINUTE_MS;
/// Milliseconds in one day.
pub(crate) const DAY_MS: i64 = 24 * HOUR_MS;

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian `(year, month, day)` of a day count since
/// 1970-01-01, the inverse of [`days_from_civil`] (H. Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Epoch ms as `YYYY-MM-DDTHH:MM:SS.mmmZ` (UTC).
pub(crate) fn iso(ms: i64) -> String {
    let (y, m, d) = civil_from_days(ms.div_euclid(DAY_MS));
    let rem = ms.rem_euclid(DAY_MS);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / HOUR_MS,
        rem / MINUTE_MS % 60,
        rem / SECOND_MS % 60,
        rem % SECOND_MS
    )
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

fn digits(s: &[u8]) -> Option<i64> {
    if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    s.iter().try_fold(0i64, |acc, b| {
        acc.checked_mul(10)?.checked_add(i64::from(b - b'0'))
    })
}

/// Parses `YYYY-MM-DDTHH:MM` with optional `:SS`, optional fraction and an
/// optional zone (`Z` or `±HH:MM`); a missing zone means UTC. Returns epoch ms.
pub(crate) fn parse_timestamp(s: &str, require_zone: bool) -> Option<i64> {
    let b = s.as_bytes();
    let num = |from: usize, to: usize| b.get(from..to).and_then(digits);
    if b.len() < 16
        || b.get(4) != Some(&b'-')
        || b.get(7) != Some(&b'-')
        || b.get(13) != Some(&b':')
    {
        return None;
    }
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let (y, mo, d, h, mi) = (
        num(0, 4)?,
        num(5, 7)?,
        num(8, 10)?,
        num(11, 13)?,
        num(14, 16)?,
    );
    if !(1..=12).contains(&mo) || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 {
        return None;
    }
    let mut i = 16;
    let mut sec = 0;
    let mut frac_ms = 0;
    if b.get(i) == Some(&b':') {
        sec = num(i + 1, i + 3)?;
        if sec > 59 {
            return None;
        }
        i += 3;
        if b.get(i) == Some(&b'.') {
            let start = i + 1;
            let mut end = start;
            while b.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
            if end == start {
                return None;
            }
            let ms_digits = b.get(start..(start + 3).min(end))?;
            frac_ms = digits(ms_digits)? * 10i64.pow(3 - u32::try_from(ms_digits.len()).ok()?);
            i = end;
        }
    }
    let offset_min = match b.get(i) {
        None if !require_zone => 0,
        Some(b'Z' | b'z') if i + 1 == b.len() => 0,
        Some(sign @ (b'+' | b'-')) if i + 6 == b.len() && b.get(i + 3) == Some(&b':') => {
            let oh = num(i + 1, i + 3)?;
            let om = num(i + 4, i + 6)?;
            if oh > 23 || om > 59 {
                return None;
            }
            let m = oh * 60 + om;
            if *sign == b'-' {
                -m
            } else {
                m
            }
        }
        _ => return None,
    };
    let days = days_from_civil(y, mo, d);
    Some(days * DAY_MS + (h * 60 + mi - offset_min) * MINUTE_MS + sec * SECOND_MS + frac_ms)
}

/// Why a scheduling time is not of the documented form (see [`parse_scheduling`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SchedulingFormat {
    /// Only digits: epoch seconds, which the AWS CLI takes for timestamp
    /// parameters but not for this string member.
    EpochSeconds,
    /// The date is not `YYYY-MM-DD`.
    Date,
    /// A date without a time.
    NoTime,
    /// A space between date and time.
    Space,
    /// A lowercase `t` between date and time.
    LowercaseT,
    /// Another character between date and time.
    Separator,
    /// The time is not `HH:MM`.
    Time,
    /// A fraction without seconds, or not of three digits.
    Fraction,
    /// Something other than `Z` or `±HH:MM` after the time.
    Zone,
    /// Numbers out of range: no such day, hour, minute, second or offset.
    Range,
}

impl SchedulingFormat {
    /// What is wrong, as the end of a sentence.
    pub(crate) fn reason(self) -> &'static str {
        match self {
            SchedulingFormat::EpochSeconds => "epoch seconds are not accepted here, only a date and time",
            SchedulingFormat::Date => "the date is not YYYY-MM-DD",
            SchedulingFormat::NoTime => "it has a date but no time",
            SchedulingFormat::Space => "a space separates the date and the time; the documented form has `T`",
            SchedulingFormat::LowercaseT => "a lowercase `t` separates the date and the time; the documented form has `T`",
            SchedulingFormat::Separator => "the date and the time are not separated by `T`",
            SchedulingFormat::Time => "the time is not HH:MM",
            SchedulingFormat::Fraction => "fractions of a second are three digits after the seconds (`:SS.sss`)",
            SchedulingFormat::Zone => "only `:SS`, `.sss` and a zone (`Z` or `±HH:MM`) may follow HH:MM",
            SchedulingFormat::Range => "no such date or time (month 01-12, a day of that month, hour 00-23, minute and second 00-59, offset up to ±23:59)",
        }
    }
}

/// Parses a `schedulingConfig.startTime`/`endTime` (V-21) to epoch ms.
///
/// What AWS documents: "YYYY-MM-DD for the date and HH:MM for the time"
/// (API reference, SchedulingConfig), with a link to the AWS CLI's Timestamp
/// syntax, which lists ISO 8601 `YYYY-MM-DDThh:mm:ss.sssTZD` (TZD `Z` or
/// `±hh:mm`), a bare `YYYY-MM-DD` and Unix seconds.
///
/// What is accepted (our reading, nothing looser):
/// `YYYY-MM-DDTHH:MM`, then optionally `:SS`, then (only after seconds)
/// `.sss` of exactly three digits, then optionally `Z` or `±HH:MM`; no zone
/// means UTC. `T` and `Z` are uppercase; a space or `t` for `T` is refused,
/// and so are a bare date and Unix seconds (the member needs HH:MM, and is a
/// string, not a CLI timestamp). Dates are real Gregorian dates; no leap
/// second, no hour 24.
///
/// # Errors
/// What is wrong with the text.
pub(crate) fn parse_scheduling(s: &str) -> Result<i64, SchedulingFormat> {
    let b = s.as_bytes();
    let is_digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    if !b.is_empty() && b.iter().all(u8::is_ascii_digit) {
        return Err(SchedulingFormat::EpochSeconds);
    }
    let date_ok = (0..4).all(is_digit)
        && b.get(4) == Some(&b'-')
        && (5..7).all(is_digit)
        && b.get(7) == Some(&b'-')
        && (8..10).all(is_digit);
    if !date_ok {
        return Err(SchedulingFormat::Date);
    }
    match b.get(10) {
        None => return Err(SchedulingFormat::NoTime),
        Some(b'T') => {}
        Some(b' ') => return Err(SchedulingFormat::Space),
        Some(b't') => return Err(SchedulingFormat::LowercaseT),
        Some(_) => return Err(SchedulingFormat::Separator),
    }
    if !((11..13).all(is_digit) && b.get(13) == Some(&b':') && (14..16).all(is_digit)) {
        return Err(SchedulingFormat::Time);
    }
    let mut i = 16;
    if b.get(i) == Some(&b':') {
        if !(is_digit(i + 1) && is_digit(i + 2)) {
            return Err(SchedulingFormat::Time);
        }
        i += 3;
        if b.get(i) == Some(&b'.') {
            if !(i + 1..i + 4).all(is_digit) || is_digit(i + 4) {
                return Err(SchedulingFormat::Fraction);
            }
            i += 4;
        }
    } else if b.get(i) == Some(&b'.') {
        return Err(SchedulingFormat::Fraction);
    }
    let zone_ok = match b.get(i) {
        None => true,
        Some(b'Z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            i + 6 == b.len()
                && is_digit(i + 1)
                && is_digit(i + 2)
                && b.get(i + 3) == Some(&b':')
                && is_digit(i + 4)
                && is_digit(i + 5)
        }
        Some(_) => false,
    };
    if !zone_ok {
        return Err(SchedulingFormat::Zone);
    }
    // The form is right; the values are judged by the general parser.
    parse_timestamp(s, false).ok_or(SchedulingFormat::Range)
}

/// Parses the caller's "now": epoch milliseconds (an integer) or an RFC 3339
/// date-time with a zone.
///
/// # Errors
/// A lowercase sentence when the text is neither.
pub(crate) fn parse_now(s: &str) -> Result<i64, String> {
    if let Ok(ms) = s.parse::<i64>() {
        return Ok(ms);
    }
    parse_timestamp(s, true).ok_or_else(|| {
        format!("`{s}` is neither epoch milliseconds nor an RFC 3339 date-time such as `2026-01-01T00:00:00Z`")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_known_dates() {
        assert_eq!(parse_timestamp("1970-01-01T00:00", false), Some(0));
        assert_eq!(
            parse_timestamp("2024-07-01T09:30", false),
            Some(1_719_826_200_000)
        );
        assert_eq!(
            parse_timestamp("2024-02-29T00:00", false),
            Some(1_709_164_800_000)
        );
        assert_eq!(parse_timestamp("2023-02-29T00:00", false), None);
        assert_eq!(
            parse_timestamp("2024-07-01T09:30:15.5Z", true),
            Some(1_719_826_215_500)
        );
        assert_eq!(
            parse_timestamp("2024-07-01T11:30+02:00", true),
            Some(1_719_826_200_000)
        );
        assert_eq!(parse_timestamp("2024-07-01T09:30", true), None);
        assert_eq!(parse_timestamp("2024-7-01T09:30", false), None);
        assert_eq!(parse_timestamp("2024-07-01T24:00", false), None);
    }

    #[test]
    fn scheduling_form_is_exact() {
        use SchedulingFormat as F;
        let ok = [
            ("2024-07-01T09:30", 1_719_826_200_000),
            ("2024-07-01T09:30Z", 1_719_826_200_000),
            ("2024-07-01T11:30+02:00", 1_719_826_200_000),
            ("2024-07-01T09:30:15", 1_719_826_215_000),
            ("2024-07-01T09:30:15.500Z", 1_719_826_215_500),
            ("2024-07-01T01:30:15.500-08:00", 1_719_826_215_500),
            ("2024-02-29T00:00", 1_709_164_800_000),
        ];
        for (s, ms) in ok {
            assert_eq!(parse_scheduling(s), Ok(ms), "{s}");
        }
        let bad = [
            ("1719826200", F::EpochSeconds),
            ("2024-7-01T09:30", F::Date),
            ("20240701T0930", F::Date),
            ("2024-07-01", F::NoTime),
            ("2024-07-01 09:30", F::Space),
            ("2024-07-01t09:30", F::LowercaseT),
            ("2024-07-01_09:30", F::Separator),
            ("2024-07-01T9:30", F::Time),
            ("2024-07-01T09:3", F::Time),
            ("2024-07-01T09:30:1", F::Time),
            ("2024-07-01T09:30.500", F::Fraction),
            ("2024-07-01T09:30:15.5Z", F::Fraction),
            ("2024-07-01T09:30:15.500000Z", F::Fraction),
            ("2024-07-01T09:30z", F::Zone),
            ("2024-07-01T09:30+0200", F::Zone),
            ("2024-07-01T09:30+02", F::Zone),
            ("2024-07-01T09:30 UTC", F::Zone),
            ("2024-07-01T09:30Z ", F::Zone),
            ("2023-02-29T00:00", F::Range),
            ("2024-07-01T24:00", F::Range),
            ("2024-07-01T09:30:60", F::Range),
            ("2024-13-01T09:30", F::Range),
            ("2024-07-01T09:30+24:00", F::Range),
        ];
        for (s, why) in bad {
            assert_eq!(parse_scheduling(s), Err(why), "{s}");
        }
        for why in [F::EpochSeconds, F::Space, F::Range] {
            assert!(!why.reason().is_empty());
        }
    }

    #[test]
    fn iso_dates() {
        assert_eq!(iso(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso(1_719_826_215_500), "2024-07-01T09:30:15.500Z");
        assert_eq!(iso(-1), "1969-12-31T23:59:59.999Z");
        // The inverse of parse_timestamp, leap days and the year 2000 included.
        for ms in [
            0,
            951_782_400_000,
            1_709_164_800_123,
            -86_400_000,
            4_102_444_799_999,
        ] {
            assert_eq!(parse_timestamp(&iso(ms), true), Some(ms), "{ms}");
        }
    }

    #[test]
    fn now_accepts_ms_and_rfc3339() {
        assert_eq!(parse_now("1700000000000"), Ok(1_700_000_000_000));
        assert_eq!(parse_now("1970-01-01T00:01:00Z"), Ok(60_000));
        assert!(parse_now("yesterday").is_err());
    }
}

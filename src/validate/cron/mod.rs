//! Maintenance-window cron expressions (`MaintenanceWindow.startTime`).
//!
//! AWS names the member's shape `CronExpression` and documents the dialect
//! in its cron reference (EventBridge, "Cron expressions reference",
//! <https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cron-expressions.html>):
//! `cron(Minutes Hours Day-of-month Month Day-of-week Year)`, six fields
//! separated by white space, evaluated in UTC.
//!
//! | field | values | wildcards |
//! |---|---|---|
//! | Minutes | 0-59 | `, - * /` |
//! | Hours | 0-23 | `, - * /` |
//! | Day-of-month | 1-31 | `, - * ? / L W` |
//! | Month | 1-12 or JAN-DEC | `, - * /` |
//! | Day-of-week | 1-7 or SUN-SAT (1 = SUN) | `, - * ? L #` |
//! | Year | 1970-2199 | `, - * /` |
//!
//! Documented: `,` lists, `-` ranges, `*` every value, `a/n` every `n`th
//! value from `a`, `?` any (Day-of-month and Day-of-week only), `L` the last
//! day of the month (Day-of-month) or of the week (Day-of-week: Saturday),
//! `nW` the weekday nearest day `n`, `d#k` the `k`th weekday `d` of the
//! month, one `#` expression per field; Day-of-month and Day-of-week are not
//! both given: when one holds a value or `*`, the other is `?`.
//!
//! Chosen where the reference is silent (the most plausible reading, that
//! of the Quartz dialect the reference follows): names in any case; `*/n`
//! and `a-b/n` as well as `a/n`, with `1 <= n <=` the field's span; a range
//! runs forwards (`FRI-MON` and `22-2` are refused: write two ranges); `nL`
//! in Day-of-week is the last weekday `n` of the month (`5L`, the last
//! Thursday), `LW` the last weekday of the month; `L`, `LW`, `nW`, `nL` and
//! `d#k` stand alone in their field, `k` is 1-5, `W` never crosses into
//! another month (`1W` on a Saturday is Monday the 3rd, `31W` on a Sunday
//! is Friday the 29th, and `nW` matches nothing in a month shorter than
//! `n` days); fields are separated by spaces or tabs, with nothing before
//! the first or after the last; `rate(…)` is not a cron expression; an
//! expression that matches no minute from 1970 to 2199 (`cron(0 0 30 2 ? *)`)
//! is refused, as it would never open a window.
//!
//! ```
//! use iot_jobs_policy::cron::Cron;
//! // Every Saturday at 02:00 UTC.
//! let c = Cron::parse("cron(0 2 ? * SAT *)").unwrap();
//! // 2026-01-01T00:00Z is a Thursday: the next start is Saturday the 3rd.
//! assert_eq!(c.next_at_or_after(1_767_225_600_000), Some(1_767_405_600_000));
//!
//! let e = Cron::parse("cron(0 2 ? * 8 *)").unwrap_err();
//! assert_eq!(e.field(), Some("Day-of-week"));
//! assert_eq!(e.to_string(), "Day-of-week: `8` is outside 1-7 (or SUN-SAT)");
//! ```

use crate::validate::bounds::{time_in_range, MAX_TIME_MS};
use std::fmt;

const MINUTE_MS: i64 = 60_000;
const HOUR_MS: i64 = 60 * MINUTE_MS;
const DAY_MS: i64 = 24 * HOUR_MS;

/// The first year a cron expression can name.
pub const FIRST_YEAR: u32 = 1970;
/// The last year a cron expression can name.
pub const LAST_YEAR: u32 = 2199;

/// The six field names, in order.
pub const FIELDS: [&str; 6] = [
    "Minutes",
    "Hours",
    "Day-of-month",
    "Month",
    "Day-of-week",
    "Year",
];

const FORM_HELP: &str = "the form is `cron(Minutes Hours Day-of-month Month Day-of-week Year)`, in UTC: `cron(0 2 ? * SAT *)` starts every Saturday at 02:00";
const ONE_DAY_FIELD: &str = "give the day in Day-of-month or in Day-of-week and `?` in the other: `cron(0 2 1 * ? *)` (the 1st of each month) or `cron(0 2 ? * MON *)` (each Monday)";

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const WEEKDAYS: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/// A parsed cron expression of the AWS dialect, evaluated in UTC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cron {
    text: String,
    minutes: Set,
    hours: Set,
    months: Set,
    years: Set,
    days: Days,
}

/// Why a text is not a cron expression of the AWS dialect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CronError {
    field: Option<&'static str>,
    message: String,
    /// A help line of its own, where the field's is not the useful one.
    hint: Option<&'static str>,
}

impl CronError {
    /// The offending field (`Minutes`, `Hours`, `Day-of-month`, `Month`,
    /// `Day-of-week`, `Year`), or `None` for the expression as a whole.
    pub fn field(&self) -> Option<&'static str> {
        self.field
    }

    /// What is wrong, without the field name that [`Display`](fmt::Display)
    /// puts in front.
    pub fn reason(&self) -> &str {
        &self.message
    }

    fn whole(message: String) -> CronError {
        CronError {
            field: None,
            message,
            hint: None,
        }
    }

    fn hint(mut self, hint: &'static str) -> CronError {
        self.hint = Some(hint);
        self
    }

    /// A help line: how to write the offending part.
    pub(crate) fn help(&self) -> String {
        if let Some(hint) = self.hint {
            return hint.to_owned();
        }
        self.field
            .and_then(field_help)
            .unwrap_or_else(|| String::from(FORM_HELP))
    }
}

impl fmt::Display for CronError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field {
            Some(field) => write!(f, "{field}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for CronError {}

/// A set of small numbers (a field's values, offset by its minimum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Set([u64; 4]);

impl Set {
    fn insert(&mut self, i: u32) {
        if let Some(w) = self.0.get_mut((i / 64) as usize) {
            *w |= 1 << (i % 64);
        }
    }
    fn contains(&self, i: u32) -> bool {
        self.0
            .get((i / 64) as usize)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
}

/// Which days of a month match: from Day-of-month or from Day-of-week
/// (the other being `?`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Days {
    /// Day-of-month values (bit `d` for day `d`).
    OfMonth(u64),
    /// `L`: the last day of the month.
    Last,
    /// `LW`: the last weekday (Monday to Friday) of the month.
    LastWeekday,
    /// `nW`: the weekday nearest day `n`, within the month.
    NearestWeekday(u32),
    /// Day-of-week values (bit `w` for weekday `w`, 1 = Sunday).
    OfWeek(u64),
    /// `nL`: the last weekday `n` of the month.
    LastOf(u32),
    /// `d#k`: the `k`th weekday `d` of the month.
    Nth(u32, u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Minutes,
    Hours,
    DayOfMonth,
    Month,
    DayOfWeek,
    Year,
}

impl Field {
    const ALL: [Field; 6] = [
        Field::Minutes,
        Field::Hours,
        Field::DayOfMonth,
        Field::Month,
        Field::DayOfWeek,
        Field::Year,
    ];

    fn name(self) -> &'static str {
        match self {
            Field::Minutes => "Minutes",
            Field::Hours => "Hours",
            Field::DayOfMonth => "Day-of-month",
            Field::Month => "Month",
            Field::DayOfWeek => "Day-of-week",
            Field::Year => "Year",
        }
    }
    fn min(self) -> u32 {
        match self {
            Field::Minutes | Field::Hours => 0,
            Field::DayOfMonth | Field::Month | Field::DayOfWeek => 1,
            Field::Year => FIRST_YEAR,
        }
    }
    fn max(self) -> u32 {
        match self {
            Field::Minutes => 59,
            Field::Hours => 23,
            Field::DayOfMonth => 31,
            Field::Month => 12,
            Field::DayOfWeek => 7,
            Field::Year => LAST_YEAR,
        }
    }
    fn span(self) -> u32 {
        self.max() - self.min() + 1
    }
    fn names(self) -> &'static [&'static str] {
        match self {
            Field::Month => &MONTHS,
            Field::DayOfWeek => &WEEKDAYS,
            _ => &[],
        }
    }
    /// The documented wildcards of the field.
    fn wildcards(self) -> &'static str {
        match self {
            Field::Minutes | Field::Hours | Field::Month | Field::Year => ", - * /",
            Field::DayOfMonth => ", - * ? / L W",
            Field::DayOfWeek => ", - * ? L #",
        }
    }
    fn values(self) -> String {
        let (min, max) = (self.min(), self.max());
        match self {
            Field::Month => format!("{min}-{max} (or JAN-DEC)"),
            Field::DayOfWeek => format!("{min}-{max} (or SUN-SAT)"),
            _ => format!("{min}-{max}"),
        }
    }
    fn error(self, message: String) -> CronError {
        CronError {
            field: Some(self.name()),
            message,
            hint: None,
        }
    }
    /// What the field takes, for a help line.
    fn takes(self) -> String {
        let extra = match self {
            Field::DayOfWeek => ", 1 = SUN",
            _ => "",
        };
        format!(
            "{} takes {}{extra}, with the wildcards {}",
            self.name(),
            self.values(),
            self.wildcards()
        )
    }
}

/// What a field of the given name takes (values and wildcards), for a help
/// line; `None` for a name that is not one of [`FIELDS`].
pub(crate) fn field_help(name: &str) -> Option<String> {
    Field::ALL
        .iter()
        .find(|f| f.name() == name)
        .map(|f| f.takes())
}

/// Reads one value: digits, or a name of the field (any case).
fn value(field: Field, tok: &str) -> Result<u32, CronError> {
    if tok.is_empty() {
        return Err(field.error(String::from("a value is missing")));
    }
    let n = if tok.bytes().all(|b| b.is_ascii_digit()) {
        // Saturates: a long run of digits is out of range, not an overflow.
        tok.bytes().fold(0u32, |n, b| {
            n.saturating_mul(10).saturating_add(u32::from(b - b'0'))
        })
    } else if let Some(i) = field
        .names()
        .iter()
        .position(|name| name.eq_ignore_ascii_case(tok))
    {
        u32::try_from(i).unwrap_or(u32::MAX).saturating_add(1)
    } else {
        let what = match field {
            Field::Month => "a number or a month name (JAN-DEC)",
            Field::DayOfWeek => "a number or a day name (SUN-SAT)",
            _ => "a number",
        };
        return Err(field.error(format!("`{tok}` is not {what}")));
    };
    if n < field.min() || n > field.max() {
        return Err(field.error(format!("`{tok}` is outside {}", field.values())));
    }
    Ok(n)
}

/// Reads a list of `*`, `a`, `a-b`, each optionally followed by `/n`.
fn set(field: Field, text: &str) -> Result<Set, CronError> {
    let mut out = Set::default();
    for item in text.split(',') {
        if item.is_empty() {
            return Err(field.error(format!("`{text}` has an empty list entry")));
        }
        let (base, step) = match item.split_once('/') {
            Some((base, n)) => (base, Some(step(field, n)?)),
            None => (item, None),
        };
        let (lo, hi) = if base == "*" {
            (field.min(), field.max())
        } else if let Some((a, b)) = base.split_once('-') {
            let (lo, hi) = (value(field, a)?, value(field, b)?);
            if lo > hi {
                return Err(field.error(format!(
                    "the range `{base}` runs backwards (write it as two ranges)"
                )));
            }
            (lo, hi)
        } else if base.is_empty() {
            return Err(field.error(format!("`{item}` has no start before `/`")));
        } else {
            let v = value(field, base)?;
            (v, if step.is_some() { field.max() } else { v })
        };
        let step = step.unwrap_or(1);
        let mut v = lo;
        while v <= hi {
            out.insert(v - field.min());
            v = v.saturating_add(step);
        }
    }
    Ok(out)
}

fn step(field: Field, n: &str) -> Result<u32, CronError> {
    let ok = !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
    let v = n.bytes().fold(0u32, |v, b| {
        v.saturating_mul(10)
            .saturating_add(u32::from(b.wrapping_sub(b'0')))
    });
    if !ok || v == 0 || v > field.span() {
        return Err(field.error(format!(
            "the increment `/{n}` is not a number from 1 to {}",
            field.span()
        )));
    }
    Ok(v)
}

/// Refuses characters the field does not take.
fn characters(field: Field, text: &str) -> Result<(), CronError> {
    let letters = !matches!(field, Field::Minutes | Field::Hours | Field::Year);
    for c in text.chars() {
        let ok = c.is_ascii_digit()
            || (letters && c.is_ascii_alphabetic())
            || (c != ' ' && field.wildcards().contains(c));
        if !ok {
            let shown: String = if c.is_control() || !c.is_ascii() {
                c.escape_unicode().collect()
            } else {
                c.to_string()
            };
            return Err(field.error(format!(
                "`{shown}` is not allowed here (allowed: {}, and the wildcards {})",
                field.values(),
                field.wildcards()
            )));
        }
    }
    Ok(())
}

fn bits(set: Set, field: Field) -> u64 {
    let mut out = 0u64;
    for v in field.min()..=field.max() {
        if set.contains(v - field.min()) {
            out |= 1 << v;
        }
    }
    out
}

/// Day-of-month: `None` for `?`.
fn day_of_month(text: &str) -> Result<Option<Days>, CronError> {
    let f = Field::DayOfMonth;
    characters(f, text)?;
    let up = text.to_ascii_uppercase();
    if up == "?" {
        return Ok(None);
    }
    if up == "L" {
        return Ok(Some(Days::Last));
    }
    if up == "LW" {
        return Ok(Some(Days::LastWeekday));
    }
    if up.contains('?') {
        return Err(f.error(format!("`{text}`: `?` stands alone")));
    }
    if up.contains('L') {
        return Err(f.error(format!(
            "`{text}`: `L` (the last day of the month) stands alone, or as `LW`"
        )));
    }
    if let Some(day) = up.strip_suffix('W') {
        if !day.is_empty() && day.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(Some(Days::NearestWeekday(value(f, day)?)));
        }
    }
    if up.contains('W') {
        return Err(f.error(format!(
            "`{text}`: `W` follows one day, alone in the field (e.g. `15W`, the weekday nearest the 15th)"
        )));
    }
    Ok(Some(Days::OfMonth(bits(set(f, text)?, f))))
}

/// Day-of-week: `None` for `?`.
fn day_of_week(text: &str) -> Result<Option<Days>, CronError> {
    let f = Field::DayOfWeek;
    characters(f, text)?;
    let up = text.to_ascii_uppercase();
    if up == "?" {
        return Ok(None);
    }
    if up == "L" {
        return Ok(Some(Days::OfWeek(1 << 7)));
    }
    if up.contains('?') {
        return Err(f.error(format!("`{text}`: `?` stands alone")));
    }
    if up.contains('#') {
        if up.contains(',') {
            return Err(f.error(format!(
                "`{text}`: a field with `#` holds one expression (`3#1,6#3` is two)"
            )));
        }
        let (d, k) = up.split_once('#').unwrap_or((&up, ""));
        let d = value(f, d)?;
        let k_ok = k.len() == 1 && k.bytes().all(|b| (b'1'..=b'5').contains(&b));
        if !k_ok {
            return Err(f.error(format!("`{text}`: the week of the month after `#` is 1-5")));
        }
        let k = k.bytes().fold(0, |_, b| u32::from(b - b'0'));
        return Ok(Some(Days::Nth(d, k)));
    }
    if let Some(d) = up.strip_suffix('L') {
        if !d.contains(['L', ',', '-', '*', '/']) {
            return Ok(Some(Days::LastOf(value(f, d)?)));
        }
    }
    if up.contains('L') {
        return Err(f.error(format!(
            "`{text}`: `L` stands alone (Saturday, the last day of the week) or follows one day (`5L`, the last Thursday of the month)"
        )));
    }
    Ok(Some(Days::OfWeek(bits(set(f, text)?, f))))
}

fn plain(field: Field, text: &str) -> Result<Set, CronError> {
    if text.contains('?') {
        return Err(field.error(String::from(
            "`?` is allowed only in Day-of-month and Day-of-week",
        )));
    }
    characters(field, text)?;
    set(field, text)
}

impl Cron {
    /// Parses `cron(Minutes Hours Day-of-month Month Day-of-week Year)`.
    ///
    /// The error names the first offending field (see [`CronError::field`]).
    pub fn parse(text: &str) -> Result<Cron, CronError> {
        let cron = Cron::parse_fields(text)?;
        if !cron.possible() || cron.next_at_or_after(0).is_none() {
            return Err(CronError::whole(format!(
                "no date from {FIRST_YEAR} to {LAST_YEAR} matches its Day-of-month, Month, Day-of-week and Year: the window never opens"
            ))
            .hint("name a day that exists in the months and years given: `L` is the last day of any month"));
        }
        Ok(cron)
    }

    /// The fields, without the test that some minute matches.
    fn parse_fields(text: &str) -> Result<Cron, CronError> {
        if text.starts_with("rate(") {
            return Err(CronError::whole(String::from(
                "a maintenance window starts at a cron expression, not a `rate(…)` expression",
            )));
        }
        let inner = text
            .strip_prefix("cron(")
            .and_then(|s| s.strip_suffix(')'))
            .ok_or_else(|| {
                CronError::whole(String::from(
                    "a cron expression has the form `cron(Minutes Hours Day-of-month Month Day-of-week Year)`",
                ))
            })?;
        let space = |c: char| c == ' ' || c == '\t';
        if inner.starts_with(space) || inner.ends_with(space) {
            return Err(CronError::whole(String::from(
                "no white space may follow `cron(` or precede `)`",
            )));
        }
        let parts: Vec<&str> = inner.split(space).filter(|s| !s.is_empty()).collect();
        let [mi, h, dom, mo, dow, y] = parts.as_slice() else {
            let hint = match parts.len() {
                5 => " (the Year field is required: `*` for every year)",
                7 => " (there is no Seconds field)",
                _ => "",
            };
            return Err(CronError::whole(format!(
                "a cron expression has 6 fields (Minutes Hours Day-of-month Month Day-of-week Year), this one {}{hint}",
                parts.len()
            )));
        };
        let minutes = plain(Field::Minutes, mi)?;
        let hours = plain(Field::Hours, h)?;
        let of_month = day_of_month(dom)?;
        let months = plain(Field::Month, mo)?;
        let of_week = day_of_week(dow)?;
        let years = plain(Field::Year, y)?;
        let days = match (of_month, of_week) {
            (Some(d), None) | (None, Some(d)) => d,
            (Some(_), Some(_)) => {
                return Err(Field::DayOfWeek
                    .error(format!(
                        "`{dow}` is given with Day-of-month `{dom}`: one of the two must be `?`"
                    ))
                    .hint(ONE_DAY_FIELD))
            }
            (None, None) => return Err(Field::DayOfMonth.error(String::from(
                "`?` in both Day-of-month and Day-of-week: one of the two must be a value or `*`",
            ))),
        };
        Ok(Cron {
            text: text.to_owned(),
            minutes,
            hours,
            months,
            years,
            days,
        })
    }

    /// The expression as it was given.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The first start time at or after `t_ms` (epoch milliseconds, UTC):
    /// a whole minute, `None` when there is none in range (up to
    /// [`MAX_TIME_MS`](crate::machine::MAX_TIME_MS) and the year [`LAST_YEAR`]) or `t_ms` is out of
    /// range.
    ///
    /// It skips by field (year, then month, day, hour and minute), so it
    /// takes at most a few thousand steps whatever the expression.
    pub fn next_at_or_after(&self, t_ms: i64) -> Option<i64> {
        if !time_in_range(t_ms) {
            return None;
        }
        let start = t_ms.checked_add(MINUTE_MS - 1)?.div_euclid(MINUTE_MS) * MINUTE_MS;
        if start > MAX_TIME_MS {
            return None;
        }
        let days0 = start.div_euclid(DAY_MS);
        let (y0, mo0, d0) = civil_from_days(days0);
        let in_day = start.rem_euclid(DAY_MS);
        let h0 = u32::try_from(in_day / HOUR_MS).ok()?;
        let mi0 = u32::try_from(in_day % HOUR_MS / MINUTE_MS).ok()?;
        let first_year = u32::try_from(y0).ok()?;
        for year in first_year.max(FIRST_YEAR)..=LAST_YEAR {
            if !self.years.contains(year - FIRST_YEAR) {
                continue;
            }
            let same_year = i64::from(year) == y0;
            for month in (if same_year { mo0 } else { 1 })..=12 {
                if !self.months.contains(month - 1) {
                    continue;
                }
                let same_month = same_year && month == mo0;
                // The matching days from the first day to look at, in order.
                let from = if same_month { d0 } else { 1 };
                let mut days = self.days_of(year, month) & !((1u64 << from) - 1);
                while days != 0 {
                    let day = days.trailing_zeros();
                    days &= days - 1;
                    let same_day = same_month && day == d0;
                    for hour in (if same_day { h0 } else { 0 })..=23 {
                        if !self.hours.contains(hour) {
                            continue;
                        }
                        let same_hour = same_day && hour == h0;
                        for minute in (if same_hour { mi0 } else { 0 })..=59 {
                            if self.minutes.contains(minute) {
                                let t = days_from_civil(i64::from(year), month, day) * DAY_MS
                                    + i64::from(hour) * HOUR_MS
                                    + i64::from(minute) * MINUTE_MS;
                                return (t <= MAX_TIME_MS).then_some(t);
                            }
                        }
                    }
                }
            }
        }
        None
    }

    /// The last start time at or before `t_ms` (epoch milliseconds, UTC):
    /// a whole minute, `None` when there is none from 1970 on or `t_ms` is
    /// out of range. The mirror of [`Cron::next_at_or_after`], as cheap.
    ///
    /// ```
    /// use iot_jobs_policy::cron::Cron;
    /// let c = Cron::parse("cron(0 2 ? * SAT *)").unwrap();
    /// // 2026-01-01T00:00Z is a Thursday: the last start is Saturday 2025-12-27.
    /// assert_eq!(c.prev_at_or_before(1_767_225_600_000), Some(1_766_800_800_000));
    /// ```
    pub fn prev_at_or_before(&self, t_ms: i64) -> Option<i64> {
        if !time_in_range(t_ms) {
            return None;
        }
        let start = t_ms.div_euclid(MINUTE_MS) * MINUTE_MS;
        let days0 = start.div_euclid(DAY_MS);
        let (y0, mo0, d0) = civil_from_days(days0);
        let in_day = start.rem_euclid(DAY_MS);
        let h0 = u32::try_from(in_day / HOUR_MS).ok()?;
        let mi0 = u32::try_from(in_day % HOUR_MS / MINUTE_MS).ok()?;
        let last_year = u32::try_from(y0).ok()?;
        for year in (FIRST_YEAR..=last_year.min(LAST_YEAR)).rev() {
            if !self.years.contains(year - FIRST_YEAR) {
                continue;
            }
            let same_year = i64::from(year) == y0;
            for month in (1..=(if same_year { mo0 } else { 12 })).rev() {
                if !self.months.contains(month - 1) {
                    continue;
                }
                let same_month = same_year && month == mo0;
                // The matching days up to the last day to look at, latest first.
                let mut days = self.days_of(year, month);
                if same_month {
                    days &= (1u64 << (d0 + 1)) - 1;
                }
                while days != 0 {
                    let day = 63 - days.leading_zeros();
                    days &= !(1u64 << day);
                    let same_day = same_month && day == d0;
                    for hour in (0..=(if same_day { h0 } else { 23 })).rev() {
                        if !self.hours.contains(hour) {
                            continue;
                        }
                        let same_hour = same_day && hour == h0;
                        for minute in (0..=(if same_hour { mi0 } else { 59 })).rev() {
                            if self.minutes.contains(minute) {
                                return Some(
                                    days_from_civil(i64::from(year), month, day) * DAY_MS
                                        + i64::from(hour) * HOUR_MS
                                        + i64::from(minute) * MINUTE_MS,
                                );
                            }
                        }
                    }
                }
            }
        }
        None
    }

    /// Up to `n` successive start times from `from_ms` on (the first at or
    /// after it), fewer when the expression runs out (see
    /// [`Cron::next_at_or_after`]). Time and memory grow with the number of
    /// starts returned (an every-minute expression has about 120 million
    /// until 2199), so choose `n` for what you display.
    ///
    /// ```
    /// use iot_jobs_policy::cron::Cron;
    /// let c = Cron::parse("cron(0 12 L * ? 2026)").unwrap();
    /// // The last day of each month of 2026, at noon: 12 starts, no more.
    /// let starts = c.starts(0, 20);
    /// assert_eq!(starts.len(), 12);
    /// assert_eq!(starts[1], 1_772_280_000_000); // 2026-02-28T12:00Z
    /// ```
    pub fn starts(&self, from_ms: i64, n: usize) -> Vec<i64> {
        let mut out = Vec::new();
        let mut at = from_ms;
        while out.len() < n {
            let Some(t) = self.next_at_or_after(at) else {
                break;
            };
            out.push(t);
            let Some(next) = t.checked_add(MINUTE_MS) else {
                break;
            };
            at = next;
        }
        out
    }

    /// The days of `month` in `year` that match (bit `d` for day `d`).
    fn days_of(&self, year: u32, month: u32) -> u64 {
        let first = weekday(days_from_civil(i64::from(year), month, 1));
        days_for(self.days, days_in_month(year, month), first)
    }

    /// Whether some month of the Month field can hold a matching day in
    /// some year (any length the month takes, any weekday of its 1st): a
    /// cheap test that settles most expressions that never match before
    /// any year is scanned.
    fn possible(&self) -> bool {
        (1..=12).any(|month| {
            let lengths: &[u32] = match month {
                2 => &[28, 29],
                4 | 6 | 9 | 11 => &[30],
                _ => &[31],
            };
            self.months.contains(month - 1)
                && lengths
                    .iter()
                    .any(|&dim| (1..=7).any(|first| days_for(self.days, dim, first) != 0))
        })
    }
}

/// The matching days (bit `d` for day `d`) of a month of `dim` days whose
/// 1st is weekday `first` (1 = Sunday).
fn days_for(days: Days, dim: u32, first: u32) -> u64 {
    let all = ((1u64 << (dim + 1)) - 1) & !1;
    // Weekday (1 = Sunday) of day `d`, from that of the 1st.
    let wd = |d: u32| (first - 1 + d - 1) % 7 + 1;
    // The first day of the month with weekday `w`.
    let first_of = |w: u32| 1 + (w + 7 - first) % 7;
    match days {
        Days::OfMonth(b) => b & all,
        Days::Last => 1 << dim,
        Days::LastWeekday => {
            let d = match wd(dim) {
                7 => dim - 1,
                1 => dim - 2,
                _ => dim,
            };
            1 << d
        }
        Days::NearestWeekday(n) => {
            if n > dim {
                return 0;
            }
            let d = match wd(n) {
                7 if n == 1 => 3,
                7 => n - 1,
                1 if n == dim => n - 2,
                1 => n + 1,
                _ => n,
            };
            1 << d
        }
        Days::OfWeek(b) => {
            let mut out = 0;
            for w in 1..=7 {
                if b & (1 << w) != 0 {
                    let mut d = first_of(w);
                    while d <= dim {
                        out |= 1 << d;
                        d += 7;
                    }
                }
            }
            out
        }
        Days::LastOf(w) => {
            let d = first_of(w) + 7 * ((dim - first_of(w)) / 7);
            1 << d
        }
        Days::Nth(w, k) => {
            let d = first_of(w) + 7 * (k - 1);
            if d <= dim {
                1 << d
            } else {
                0
            }
        }
    }
}

fn is_leap(year: u32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Weekday of a day since the epoch, 1 = Sunday (1970-01-01 was a Thursday).
fn weekday(days: i64) -> u32 {
    // rem_euclid(7) is 0..=6, so the cast is exact.
    (days + 4).rem_euclid(7) as u32 + 1
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month 1-12, day 1-31) of a day since the epoch (Hinnant's
/// `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    // d is 1..=31 and m 1..=12 by construction.
    (y, m as u32, d as u32)
}

#[cfg(test)]
mod tests;

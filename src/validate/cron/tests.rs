use super::*;
use crate::test_rng::Rng;

/// Epoch milliseconds of a UTC minute (the calendar functions are checked
/// against an independent day counter in `calendar_agrees_with_a_day_counter`).
fn ts(y: i64, m: u32, d: u32, h: i64, mi: i64) -> i64 {
    days_from_civil(y, m, d) * DAY_MS + h * HOUR_MS + mi * MINUTE_MS
}

fn next(expr: &str, t: i64) -> Option<i64> {
    Cron::parse(expr).unwrap().next_at_or_after(t)
}

fn err(expr: &str) -> CronError {
    match Cron::parse(expr) {
        Ok(c) => panic!("{expr} parsed: {c:?}"),
        Err(e) => e,
    }
}

// --- the calendar ------------------------------------------------------------

fn naive_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn naive_dim(y: i64, m: u32) -> u32 {
    [
        31,
        if naive_leap(y) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][m as usize - 1]
}

/// Sakamoto's weekday, 1 = Sunday.
fn naive_weekday(y: i64, m: u32, d: u32) -> u32 {
    const T: [i64; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    ((y + y / 4 - y / 100 + y / 400 + T[m as usize - 1] + i64::from(d)) % 7) as u32 + 1
}

fn naive_succ((y, m, d): (i64, u32, u32)) -> (i64, u32, u32) {
    if d < naive_dim(y, m) {
        (y, m, d + 1)
    } else if m < 12 {
        (y, m + 1, 1)
    } else {
        (y + 1, 1, 1)
    }
}

#[test]
fn calendar_agrees_with_a_day_counter() {
    assert_eq!(days_from_civil(2026, 1, 1), 20_454); // 1767225600000 / 86400000
    assert_eq!(weekday(0), 5); // 1970-01-01, a Thursday
    let mut date = (1970, 1, 1);
    for day in 0..=days_from_civil(2200, 12, 31) {
        assert_eq!(civil_from_days(day), date, "day {day}");
        assert_eq!(days_from_civil(date.0, date.1, date.2), day);
        assert_eq!(
            weekday(day),
            naive_weekday(date.0, date.1, date.2),
            "{date:?}"
        );
        assert_eq!(
            days_in_month(date.0 as u32, date.1),
            naive_dim(date.0, date.1)
        );
        date = naive_succ(date);
    }
}

// --- parsing -------------------------------------------------------------------

#[test]
fn every_documented_feature_parses() {
    for expr in [
        "cron(0 10 * * ? *)",
        "cron(15 12 * * ? *)",
        "cron(0 18 ? * MON-FRI *)",
        "cron(0 8 1 * ? *)",
        "cron(0/15 * * * ? *)",
        "cron(0/10 * ? * MON-FRI *)",
        "cron(0/5 8-17 ? * MON-FRI *)",
        "cron(0 9 ? * 2#1 *)",
        "cron(1/10 * * * ? *)",
        "cron(0 0 1,15 JAN,FEB,MAR ? 2026-2030)",
        "cron(0 0 L * ? *)",
        "cron(0 0 LW * ? *)",
        "cron(0 0 3W * ? *)",
        "cron(0 0 ? * L *)",
        "cron(0 0 ? * 5L *)",
        "cron(0 0 ? * FRIL *)",
        "cron(0 0 ? * 3#2 *)",
        "cron(0 0 ? * TUE#5 *)",
        "cron(*/5 */2 */3 */4 ? */7)",
        "cron(5-50/5 1-22/3 1-31/2 2-11/2 ? 1970-2199/10)",
        "cron(0 0 ? jan-dec sun,mon,Sat *)",
        "cron(0 0 1 1 ? 1970)",
        "cron(59 23 31 12 ? 2199)",
        "cron(00 07 ? * 1-7 *)",
        "cron(0\t2  ? * SAT *)",
        "cron(0 0 ? * * *)",
        "cron(0 0 * * ? *)",
    ] {
        let c = Cron::parse(expr).unwrap_or_else(|e| panic!("{expr}: {e}"));
        assert_eq!(c.as_str(), expr);
    }
}

#[test]
fn each_rule_refuses_with_the_field_named() {
    let cases: &[(&str, Option<&str>, &str)] = &[
        ("0 2 ? * SAT *", None, "a cron expression has the form `cron(Minutes Hours Day-of-month Month Day-of-week Year)`"),
        ("CRON(0 2 ? * SAT *)", None, "a cron expression has the form"),
        ("cron(0 2 ? * SAT *", None, "a cron expression has the form"),
        ("rate(5 minutes)", None, "not a `rate(…)` expression"),
        ("cron( 0 2 ? * SAT *)", None, "no white space may follow `cron(` or precede `)`"),
        ("cron(0 2 ? * SAT * )", None, "no white space"),
        ("cron(0 2 * * ?)", None, "this one 5 (the Year field is required: `*` for every year)"),
        ("cron(0 0 2 ? * SAT *)", None, "this one 7 (there is no Seconds field)"),
        ("cron()", None, "this one 0"),
        ("cron(60 2 ? * SAT *)", Some("Minutes"), "`60` is outside 0-59"),
        ("cron(0 24 ? * SAT *)", Some("Hours"), "`24` is outside 0-23"),
        ("cron(0 2 0 * ? *)", Some("Day-of-month"), "`0` is outside 1-31"),
        ("cron(0 2 32 * ? *)", Some("Day-of-month"), "`32` is outside 1-31"),
        ("cron(0 2 1 13 ? *)", Some("Month"), "`13` is outside 1-12 (or JAN-DEC)"),
        ("cron(0 2 1 JANUARY ? *)", Some("Month"), "`JANUARY` is not a number or a month name (JAN-DEC)"),
        ("cron(0 2 ? * 8 *)", Some("Day-of-week"), "`8` is outside 1-7 (or SUN-SAT)"),
        ("cron(0 2 ? * 0 *)", Some("Day-of-week"), "`0` is outside 1-7 (or SUN-SAT)"),
        ("cron(0 2 ? * SUNDAY *)", Some("Day-of-week"), "`SUNDAY` is not a number or a day name (SUN-SAT)"),
        ("cron(0 2 ? * SAT 1969)", Some("Year"), "`1969` is outside 1970-2199"),
        ("cron(0 2 ? * SAT 2200)", Some("Year"), "`2200` is outside 1970-2199"),
        ("cron(0 2 ? * SAT 99999999999999999999)", Some("Year"), "is outside 1970-2199"),
        ("cron(a 2 ? * SAT *)", Some("Minutes"), "`a` is not allowed here (allowed: 0-59, and the wildcards , - * /)"),
        ("cron(L 2 ? * SAT *)", Some("Minutes"), "`L` is not allowed here"),
        ("cron(0 # ? * SAT *)", Some("Hours"), "`#` is not allowed here"),
        ("cron(0 2 ? * SAT ?)", Some("Year"), "`?` is allowed only in Day-of-month and Day-of-week"),
        ("cron(? 2 1 * ? *)", Some("Minutes"), "`?` is allowed only"),
        ("cron(0 2 1 * 1/2 *)", Some("Day-of-week"), "`/` is not allowed here"),
        ("cron(0 2 1# * ? *)", Some("Day-of-month"), "`#` is not allowed here"),
        ("cron(0 2 ? * SAT é)", Some("Year"), "`\\u{e9}` is not allowed here"),
        ("cron(0 2 1,,2 * ? *)", Some("Day-of-month"), "`1,,2` has an empty list entry"),
        ("cron(0 2 1, * ? *)", Some("Day-of-month"), "has an empty list entry"),
        ("cron(0 2 5-2 * ? *)", Some("Day-of-month"), "the range `5-2` runs backwards"),
        ("cron(0 2 ? * FRI-MON *)", Some("Day-of-week"), "the range `FRI-MON` runs backwards"),
        ("cron(0 22-2 * * ? *)", Some("Hours"), "the range `22-2` runs backwards"),
        ("cron(-5 2 * * ? *)", Some("Minutes"), "a value is missing"),
        ("cron(0/0 2 * * ? *)", Some("Minutes"), "the increment `/0` is not a number from 1 to 60"),
        ("cron(0/61 2 * * ? *)", Some("Minutes"), "the increment `/61` is not a number from 1 to 60"),
        ("cron(0/ 2 * * ? *)", Some("Minutes"), "the increment `/` is not"),
        ("cron(0/1/2 2 * * ? *)", Some("Minutes"), "the increment `/1/2` is not"),
        ("cron(/5 2 * * ? *)", Some("Minutes"), "`/5` has no start before `/`"),
        ("cron(0 2 1 * 1 *)", Some("Day-of-week"), "`1` is given with Day-of-month `1`: one of the two must be `?`"),
        ("cron(0 2 * * * *)", Some("Day-of-week"), "one of the two must be `?`"),
        ("cron(0 2 ? * ? *)", Some("Day-of-month"), "`?` in both Day-of-month and Day-of-week"),
        ("cron(0 2 1,? * ? *)", Some("Day-of-month"), "`?` stands alone"),
        ("cron(0 2 ? * SAT,? *)", Some("Day-of-week"), "`?` stands alone"),
        ("cron(0 2 L-3 * ? *)", Some("Day-of-month"), "`L` (the last day of the month) stands alone"),
        ("cron(0 2 1,L * ? *)", Some("Day-of-month"), "`L` (the last day"),
        ("cron(0 2 1W,15W * ? *)", Some("Day-of-month"), "`W` follows one day"),
        ("cron(0 2 1-5W * ? *)", Some("Day-of-month"), "`W` follows one day"),
        ("cron(0 2 W * ? *)", Some("Day-of-month"), "`W` follows one day"),
        ("cron(0 2 W15 * ? *)", Some("Day-of-month"), "`W` follows one day"),
        ("cron(0 2 32W * ? *)", Some("Day-of-month"), "`32` is outside 1-31"),
        ("cron(0 2 ? * 3#1,6#3 *)", Some("Day-of-week"), "holds one expression (`3#1,6#3` is two)"),
        ("cron(0 2 ? * 3#6 *)", Some("Day-of-week"), "the week of the month after `#` is 1-5"),
        ("cron(0 2 ? * 3#0 *)", Some("Day-of-week"), "after `#` is 1-5"),
        ("cron(0 2 ? * 3# *)", Some("Day-of-week"), "after `#` is 1-5"),
        ("cron(0 2 ? * 8#1 *)", Some("Day-of-week"), "`8` is outside 1-7"),
        ("cron(0 2 ? * #1 *)", Some("Day-of-week"), "a value is missing"),
        ("cron(0 2 ? * 1-5L *)", Some("Day-of-week"), "`L` stands alone (Saturday"),
        ("cron(0 2 ? * L,1 *)", Some("Day-of-week"), "`L` stands alone"),
        ("cron(0 2 ? * 8L *)", Some("Day-of-week"), "`8` is outside 1-7"),
        ("cron(0 0 30 2 ? *)", None, "no date from 1970 to 2199 matches"),
        ("cron(0 0 31 4,6,9,11 ? *)", None, "the window never opens"),
        ("cron(0 0 ? 2 MON#5 2027)", None, "no date from 1970 to 2199 matches"),
    ];
    for (expr, field, message) in cases {
        let e = err(expr);
        assert_eq!(e.field(), *field, "{expr}: {e}");
        assert!(
            e.to_string().contains(message),
            "{expr}: `{e}` lacks `{message}`"
        );
        match field {
            Some(f) => assert_eq!(e.to_string(), format!("{f}: {}", e.reason())),
            None => assert_eq!(e.to_string(), e.reason()),
        }
    }
}

#[test]
fn field_help_names_values_and_wildcards() {
    assert_eq!(
        field_help("Day-of-week").unwrap(),
        "Day-of-week takes 1-7 (or SUN-SAT), 1 = SUN, with the wildcards , - * ? L #"
    );
    assert_eq!(
        field_help("Minutes").unwrap(),
        "Minutes takes 0-59, with the wildcards , - * /"
    );
    assert_eq!(field_help("Seconds"), None);
    assert_eq!(FIELDS.len(), Field::ALL.len());
    for (name, f) in FIELDS.iter().zip(Field::ALL) {
        assert_eq!(*name, f.name());
    }
}

#[test]
fn parse_never_panics_on_odd_text() {
    for s in [
        "",
        "cron(",
        "cron()",
        ")",
        "cron(()",
        "cron(* * * * * *)",
        "cron(\u{0} 0 0 0 0 0)",
        "cron(😀 2 ? * SAT *)",
        "cron(0 2 ? * SAT 2026-)",
        "cron(0 2 ? * SAT -2026)",
        "cron(0 2 ? * # *)",
        "cron(0 2 ? * L# *)",
        "cron(0 2 ?W * ? *)",
        "cron(0 2 LW,1 * ? *)",
        "cron(4294967296 2 ? * SAT *)",
        "cron(0/4294967296 2 ? * SAT *)",
        "cron(0 2 ? * SAT *))",
    ] {
        assert!(Cron::parse(s).is_err(), "{s:?}");
    }
}

// --- next start ----------------------------------------------------------------

#[test]
fn next_start_skips_to_the_next_match() {
    let jan1 = ts(2026, 1, 1, 0, 0); // a Thursday
    assert_eq!(jan1, 1_767_225_600_000);
    // Every Saturday at 02:00.
    assert_eq!(
        next("cron(0 2 ? * SAT *)", jan1),
        Some(ts(2026, 1, 3, 2, 0))
    );
    // At the start itself: that start.
    let at = ts(2026, 1, 3, 2, 0);
    assert_eq!(next("cron(0 2 ? * SAT *)", at), Some(at));
    // A millisecond later: the next week (starts are whole minutes).
    assert_eq!(
        next("cron(0 2 ? * SAT *)", at + 1),
        Some(ts(2026, 1, 10, 2, 0))
    );
    // Within a minute: rounded up to the next whole minute.
    assert_eq!(next("cron(* * * * ? *)", jan1 + 1), Some(jan1 + MINUTE_MS));
    assert_eq!(next("cron(* * * * ? *)", jan1), Some(jan1));
    // Increments.
    assert_eq!(
        next("cron(0/15 * * * ? *)", ts(2026, 1, 1, 0, 16)),
        Some(ts(2026, 1, 1, 0, 30))
    );
    assert_eq!(
        next("cron(10/25 * * * ? *)", ts(2026, 1, 1, 0, 36)),
        Some(ts(2026, 1, 1, 1, 10))
    );
    assert_eq!(
        next("cron(0 */5 * * ? *)", ts(2026, 1, 1, 21, 0)),
        Some(ts(2026, 1, 2, 0, 0))
    );
    // Weekdays 18:00 from a Friday 18:01: Monday.
    assert_eq!(
        next("cron(0 18 ? * MON-FRI *)", ts(2026, 1, 2, 18, 1)),
        Some(ts(2026, 1, 5, 18, 0))
    );
    // The first Monday of the month.
    assert_eq!(
        next("cron(0 9 ? * 2#1 *)", jan1),
        Some(ts(2026, 1, 5, 9, 0))
    );
    // Month names, year lists, the year's end crossed.
    assert_eq!(
        next("cron(0 0 1 JAN ? *)", jan1 + 1),
        Some(ts(2027, 1, 1, 0, 0))
    );
    assert_eq!(
        next("cron(30 6 15 MAR,OCT ? 2027,2029)", jan1),
        Some(ts(2027, 3, 15, 6, 30))
    );
    assert_eq!(
        next("cron(0 0 1 * ? 2026/2)", ts(2026, 12, 1, 0, 1)),
        Some(ts(2028, 1, 1, 0, 0))
    );
}

#[test]
fn last_day_and_leap_years() {
    // L in February: the 28th, the 29th in a leap year, the 28th in 2100.
    assert_eq!(
        next("cron(0 0 L 2 ? *)", ts(2027, 1, 1, 0, 0)),
        Some(ts(2027, 2, 28, 0, 0))
    );
    assert_eq!(
        next("cron(0 0 L 2 ? *)", ts(2028, 1, 1, 0, 0)),
        Some(ts(2028, 2, 29, 0, 0))
    );
    assert_eq!(
        next("cron(0 0 L 2 ? *)", ts(2100, 1, 1, 0, 0)),
        Some(ts(2100, 2, 28, 0, 0))
    );
    assert_eq!(
        next("cron(0 0 L 2 ? *)", ts(2000, 1, 1, 0, 0)),
        Some(ts(2000, 2, 29, 0, 0))
    );
    // Feb 29 only: every leap year, and 2100 is not one.
    assert_eq!(
        next("cron(0 0 29 2 ? *)", ts(2026, 1, 1, 0, 0)),
        Some(ts(2028, 2, 29, 0, 0))
    );
    assert_eq!(
        next("cron(0 0 29 2 ? *)", ts(2096, 3, 1, 0, 0)),
        Some(ts(2104, 2, 29, 0, 0))
    );
    // L in 30-day months and December.
    assert_eq!(
        next("cron(0 0 L * ? *)", ts(2026, 4, 2, 0, 0)),
        Some(ts(2026, 4, 30, 0, 0))
    );
    assert_eq!(
        next("cron(0 0 L * ? *)", ts(2026, 12, 31, 0, 1)),
        Some(ts(2027, 1, 31, 0, 0))
    );
    // LW: February 2027 ends on a Sunday, so Friday the 26th.
    assert_eq!(
        next("cron(0 0 LW * ? *)", ts(2027, 2, 1, 0, 0)),
        Some(ts(2027, 2, 26, 0, 0))
    );
    // January 2026 ends on a Saturday: Friday the 30th.
    assert_eq!(
        next("cron(0 0 LW * ? *)", ts(2026, 1, 1, 0, 0)),
        Some(ts(2026, 1, 30, 0, 0))
    );
    // The 31st only in months that have one.
    assert_eq!(
        next("cron(0 0 31 * ? *)", ts(2026, 4, 1, 0, 0)),
        Some(ts(2026, 5, 31, 0, 0))
    );
}

#[test]
fn nearest_weekday_never_crosses_the_month() {
    // 2026-08-01 is a Saturday: 1W is Monday the 3rd, not Friday July 31st.
    assert_eq!(
        next("cron(0 0 1W * ? *)", ts(2026, 7, 31, 0, 1)),
        Some(ts(2026, 8, 3, 0, 0))
    );
    // 2026-05-31 is a Sunday: 31W is Friday the 29th, not Monday June 1st.
    assert_eq!(
        next("cron(0 0 31W * ? *)", ts(2026, 5, 1, 0, 0)),
        Some(ts(2026, 5, 29, 0, 0))
    );
    // 2025-11-30 (the last day) is a Sunday: 30W is Friday the 28th.
    assert_eq!(
        next("cron(0 0 30W 11 ? 2025)", ts(2025, 1, 1, 0, 0)),
        Some(ts(2025, 11, 28, 0, 0))
    );
    // 2025-11-01 is a Saturday: 1W is Monday the 3rd.
    assert_eq!(
        next("cron(0 0 1W 11 ? 2025)", ts(2025, 1, 1, 0, 0)),
        Some(ts(2025, 11, 3, 0, 0))
    );
    // A Saturday mid-month: the Friday before; a Sunday: the Monday after.
    assert_eq!(
        next("cron(0 0 15W 8 ? 2026)", ts(2026, 1, 1, 0, 0)),
        Some(ts(2026, 8, 14, 0, 0))
    );
    assert_eq!(
        next("cron(0 0 16W 8 ? 2026)", ts(2026, 1, 1, 0, 0)),
        Some(ts(2026, 8, 17, 0, 0))
    );
    // A weekday: itself.
    assert_eq!(
        next("cron(0 0 3W 8 ? 2026)", ts(2026, 1, 1, 0, 0)),
        Some(ts(2026, 8, 3, 0, 0))
    );
    // 31W skips months of 30 days (and February): from April to May.
    assert_eq!(
        next("cron(0 0 31W * ? *)", ts(2026, 4, 1, 0, 0)),
        Some(ts(2026, 5, 29, 0, 0))
    );
    assert_eq!(
        next("cron(0 0 30W * ? *)", ts(2026, 2, 1, 0, 0)),
        Some(ts(2026, 3, 30, 0, 0))
    );
}

#[test]
fn nth_and_last_weekday_of_the_month() {
    // Mondays #5 in 2026: March, June, August, November.
    let c = Cron::parse("cron(0 0 ? * 2#5 2026)").unwrap();
    let months: Vec<u32> = c
        .starts(0, 10)
        .into_iter()
        .map(|t| civil_from_days(t / DAY_MS).1)
        .collect();
    assert_eq!(months, [3, 6, 8, 11]);
    // The year ends: nothing after the last.
    assert_eq!(c.next_at_or_after(ts(2026, 11, 30, 0, 1)), None);
    // 5L: the last Thursday; January 2026 ends on Saturday the 31st: the 29th.
    assert_eq!(
        next("cron(0 0 ? * 5L *)", ts(2026, 1, 1, 0, 0)),
        Some(ts(2026, 1, 29, 0, 0))
    );
    // ... and on a month whose last day is that weekday, the last day.
    assert_eq!(
        next("cron(0 0 ? * SATL *)", ts(2026, 1, 1, 0, 0)),
        Some(ts(2026, 1, 31, 0, 0))
    );
    // L alone in Day-of-week is Saturday.
    assert_eq!(
        next("cron(0 0 ? * L *)", ts(2026, 1, 1, 0, 0)),
        Some(ts(2026, 1, 3, 0, 0))
    );
    // #1 on the 1st itself (2026-01-01 is a Thursday).
    assert_eq!(
        next("cron(0 0 ? * THU#1 *)", ts(2026, 1, 1, 0, 0)),
        Some(ts(2026, 1, 1, 0, 0))
    );
    // A fifth Thursday in a leap February only (2024-02-29 was one).
    assert_eq!(next("cron(0 0 ? 2 5#5 *)", 0), Some(ts(1996, 2, 29, 0, 0)));
    assert_eq!(
        next("cron(0 0 ? 2 5#5 *)", ts(1996, 3, 1, 0, 0)),
        Some(ts(2024, 2, 29, 0, 0))
    );
}

#[test]
fn bounds_give_none() {
    let c = Cron::parse("cron(0 0 * * ? *)").unwrap();
    assert_eq!(c.next_at_or_after(-1), None);
    assert_eq!(c.next_at_or_after(i64::MIN), None);
    assert_eq!(c.next_at_or_after(MAX_TIME_MS + 1), None);
    assert_eq!(c.next_at_or_after(i64::MAX), None);
    assert_eq!(c.next_at_or_after(0), Some(0));
    // After the last minute of 2199: none, up to MAX_TIME_MS.
    assert_eq!(c.next_at_or_after(ts(2199, 12, 31, 0, 1)), None);
    assert_eq!(c.next_at_or_after(MAX_TIME_MS), None);
    let last = Cron::parse("cron(59 23 31 12 ? 2199)").unwrap();
    assert_eq!(last.next_at_or_after(0), Some(ts(2199, 12, 31, 23, 59)));
    assert_eq!(last.next_at_or_after(ts(2199, 12, 31, 23, 59) + 1), None);
    // A year range that has ended.
    let past = Cron::parse("cron(0 0 * * ? 2020-2021)").unwrap();
    assert_eq!(past.next_at_or_after(ts(2022, 1, 1, 0, 0)), None);
    assert_eq!(
        past.next_at_or_after(ts(2021, 12, 31, 0, 0)),
        Some(ts(2021, 12, 31, 0, 0))
    );
    assert!(
        past.starts(ts(2021, 12, 30, 0, 0), 5)
            == vec![ts(2021, 12, 30, 0, 0), ts(2021, 12, 31, 0, 0)]
    );
    assert_eq!(past.starts(0, 0), Vec::<i64>::new());
}

#[test]
fn starts_lists_successive_windows() {
    let c = Cron::parse("cron(0 2 ? * SAT *)").unwrap();
    let s = c.starts(ts(2026, 1, 1, 0, 0), 7);
    assert_eq!(s.len(), 7);
    for (i, t) in s.iter().enumerate() {
        assert_eq!(*t, ts(2026, 1, 3, 2, 0) + i as i64 * 7 * DAY_MS);
    }
}

// --- a brute-force cross-check -------------------------------------------------

/// Whether day `d` of `m`/`y` matches, decided by scanning the month.
fn naive_day(days: Days, y: i64, m: u32, d: u32) -> bool {
    let dim = naive_dim(y, m);
    let wd = |x: u32| naive_weekday(y, m, x);
    let workday = |x: u32| (2..=6).contains(&wd(x));
    match days {
        Days::OfMonth(b) => b & (1 << d) != 0,
        Days::Last => d == dim,
        Days::LastWeekday => workday(d) && (d + 1..=dim).all(|x| !workday(x)),
        Days::NearestWeekday(n) => {
            n <= dim
                && (1..=dim)
                    .filter(|&x| workday(x))
                    .min_by_key(|&x| (x.abs_diff(n), x))
                    == Some(d)
        }
        Days::OfWeek(b) => b & (1 << wd(d)) != 0,
        Days::LastOf(w) => wd(d) == w && d + 7 > dim,
        Days::Nth(w, k) => wd(d) == w && (d - 1) / 7 + 1 == k,
    }
}

/// The first match at or after `t`, by walking day by day and, on a
/// matching day, minute by minute; `None` within the horizon.
fn naive_next(c: &Cron, t: i64, horizon_year: i64) -> Option<i64> {
    let start = (t + MINUTE_MS - 1) / MINUTE_MS * MINUTE_MS;
    let day0 = start / DAY_MS;
    let mut date = civil_from_days(day0);
    let mut day = day0;
    while date.0 <= horizon_year.min(2199) {
        let (y, m, d) = date;
        if c.years.contains(y as u32 - 1970)
            && c.months.contains(m - 1)
            && naive_day(c.days, y, m, d)
        {
            for minute in 0..1440 {
                let at = day * DAY_MS + minute * MINUTE_MS;
                if at >= start
                    && c.hours.contains((minute / 60) as u32)
                    && c.minutes.contains((minute % 60) as u32)
                {
                    return Some(at);
                }
            }
        }
        date = naive_succ(date);
        day += 1;
    }
    None
}

#[test]
fn next_agrees_with_a_naive_walk() {
    let minutes = [
        "*", "0", "59", "0/15", "5-10", "*/7", "1,31,59", "30", "45/5",
    ];
    let hours = ["*", "0", "23", "9-17", "*/6", "2,14", "12", "5/8"];
    let doms = [
        "*", "1", "15", "L", "LW", "1W", "31W", "15W", "30W", "1-7", "*/10", "29", "30,31",
        "28-31", "2/9",
    ];
    let months = [
        "*", "2", "JAN-MAR", "*/3", "FEB", "12", "2,4", "4/4", "SEP-NOV", "FEB,AUG",
    ];
    let dows = [
        "*",
        "1",
        "SAT",
        "2-6",
        "5L",
        "L",
        "6#1",
        "2#5",
        "MON,WED,FRI",
        "1L",
        "SUN#4",
        "7#5",
    ];
    let years = [
        "*",
        "2026",
        "2026-2028",
        "2024/4",
        "2027",
        "2025,2029",
        "2028-2031",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (from, to) = (ts(2025, 1, 1, 0, 0), ts(2030, 1, 1, 0, 0));
    let mut compared = 0;
    let mut found = 0;
    while compared < 400 {
        let (dom, dow) = if rng.next() % 2 == 0 {
            (rng.pick(&doms), "?")
        } else {
            ("?", rng.pick(&dows))
        };
        let expr = format!(
            "cron({} {} {dom} {} {dow} {})",
            rng.pick(&minutes),
            rng.pick(&hours),
            rng.pick(&months),
            rng.pick(&years)
        );
        let Ok(c) = Cron::parse(&expr) else {
            continue; // never matches (e.g. 30,31 in February only)
        };
        let t = from + (rng.next() % (to - from) as u64) as i64;
        let fast = c.next_at_or_after(t);
        let horizon = 2034;
        let slow = naive_next(&c, t, horizon);
        match slow {
            Some(s) => {
                found += 1;
                assert_eq!(fast, Some(s), "{expr} from {t}");
            }
            None => assert!(
                fast.is_none_or(|f| f >= ts(horizon + 1, 1, 1, 0, 0)),
                "{expr} from {t}: {fast:?}"
            ),
        }
        compared += 1;
    }
    assert!(found > 250, "only {found} of the cases had a start");
}

#[test]
fn prev_mirrors_next() {
    // The last start at or before `t` is a start, at or before `t`, and the
    // next start after it is after `t`; checked on the expressions of the
    // naive cross-check and at the bounds.
    let exprs = [
        "cron(* * * * ? *)",
        "cron(0 2 ? * SAT *)",
        "cron(30 23 L * ? *)",
        "cron(0/15 9-17 ? * 2-6 2026-2028)",
        "cron(59 23 29 2 ? *)",
        "cron(0 0 ? 2 5#5 *)",
        "cron(5-10 */6 1W JAN-MAR ? 2024/4)",
        "cron(0 12 ? * 5L *)",
        "cron(0 0 31W 2,4,6,9,11,12 ? 2199)",
        "cron(1,31,59 2,14 LW * ? 2025,2029)",
    ];
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let (from, to) = (ts(2024, 1, 1, 0, 0), ts(2032, 1, 1, 0, 0));
    let mut found = 0;
    for expr in exprs {
        let c = Cron::parse(expr).unwrap();
        for _ in 0..60 {
            let t = from + (rng.next() % (to - from) as u64) as i64;
            match c.prev_at_or_before(t) {
                Some(p) => {
                    found += 1;
                    assert!(p <= t && p % MINUTE_MS == 0, "{expr} at {t}: {p}");
                    assert_eq!(c.next_at_or_after(p), Some(p), "{expr} at {t}");
                    assert!(
                        c.next_at_or_after(p + 1).is_none_or(|n| n > t),
                        "{expr} at {t}: {p}"
                    );
                }
                None => assert!(c.next_at_or_after(0).is_none_or(|n| n > t), "{expr}"),
            }
        }
    }
    assert!(found > 400, "{found}");
    let c = Cron::parse("cron(0 0 * * ? *)").unwrap();
    assert_eq!(c.prev_at_or_before(-1), None);
    assert_eq!(c.prev_at_or_before(MAX_TIME_MS + 1), None);
    assert_eq!(c.prev_at_or_before(0), Some(0));
    assert_eq!(c.prev_at_or_before(DAY_MS - 1), Some(0));
    assert_eq!(
        c.prev_at_or_before(MAX_TIME_MS),
        Some(ts(2199, 12, 31, 0, 0))
    );
    let late = Cron::parse("cron(0 0 1 1 ? 2199)").unwrap();
    assert_eq!(late.prev_at_or_before(ts(2198, 12, 31, 23, 59)), None);
    assert_eq!(late.prev_at_or_before(i64::MAX), None);
    // Worst cases answer at once, as for `next_at_or_after`.
    let sparse = Cron::parse("cron(0 0 ? 2 5#5 *)").unwrap();
    for i in 0..200 {
        assert!(sparse
            .prev_at_or_before(MAX_TIME_MS - i * 37 * DAY_MS)
            .is_some());
    }
}

#[test]
fn the_quick_test_refuses_only_what_never_matches() {
    // `possible` (any month length, any weekday of the 1st) must never
    // refuse an expression the scan would find a start for.
    let doms = [
        "29", "30", "31", "30,31", "L", "LW", "1W", "29W", "30W", "31W", "28-31/3",
    ];
    let dows = ["2#5", "7#5", "1L", "SUN#4", "L", "MON-FRI"];
    let months = ["1", "2", "4", "2,4", "4,6,9,11", "2,4,6,9,11", "*"];
    let years = ["*", "2027", "2028", "2100", "2027,2100", "1970"];
    let mut never = 0;
    for m in months {
        for y in years {
            let mut exprs: Vec<String> = doms
                .iter()
                .map(|d| format!("cron(0 0 {d} {m} ? {y})"))
                .collect();
            exprs.extend(dows.iter().map(|d| format!("cron(0 0 ? {m} {d} {y})")));
            for e in exprs {
                let c = Cron::parse_fields(&e).unwrap();
                let scan = c.next_at_or_after(0).is_some();
                assert!(c.possible() || !scan, "{e}");
                assert_eq!(Cron::parse(&e).is_ok(), scan, "{e}");
                never += usize::from(!scan);
            }
        }
    }
    assert!(never > 20, "{never}");
}

#[test]
fn worst_cases_stay_cheap() {
    // Expressions that scan many months before a match, or never match
    // in what is left: each answers at once (a few thousand steps).
    for expr in [
        "cron(0 0 ? 2 5#5 *)",
        "cron(59 23 29 2 ? 2104-2199)",
        "cron(0 0 31W 2,4,6,9,11,12 ? 2199)",
    ] {
        let c = Cron::parse(expr).unwrap();
        for i in 0..200 {
            let _ = c.next_at_or_after(i * 37 * DAY_MS);
        }
    }
}

// --- through the validator -------------------------------------------------------

#[test]
fn the_violation_names_the_field_with_help_and_aws_text() {
    use crate::{validate_str, Code, Operation, Options, Profile};
    let job = |expr: &str| {
        format!(
            r#"{{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thinggroup/g"],"document":"{{}}","schedulingConfig":{{"maintenanceWindows":[{{"startTime":"cron(0 2 ? * SAT *)","durationInMinutes":60}},{{"startTime":"{expr}","durationInMinutes":60}}]}}}}"#
        )
    };
    let template = |expr: &str| {
        format!(
            r#"{{"jobTemplateId":"t","description":"d","document":"{{}}","maintenanceWindows":[{{"startTime":"{expr}","durationInMinutes":60}}]}}"#
        )
    };
    let cases = [
        (
            "cron(0 2 ? * 8 *)",
            "Day-of-week: `8` is outside 1-7 (or SUN-SAT)",
            "Day-of-week takes 1-7 (or SUN-SAT), 1 = SUN, with the wildcards , - * ? L #",
        ),
        (
            "cron(0 2 1 * MON *)",
            "Day-of-week: `MON` is given with Day-of-month `1`: one of the two must be `?`",
            ONE_DAY_FIELD,
        ),
        (
            "cron(0 2 * * ?)",
            "a cron expression has 6 fields (Minutes Hours Day-of-month Month Day-of-week Year), this one 5 (the Year field is required: `*` for every year)",
            FORM_HELP,
        ),
        (
            "cron(0 0 31 4 ? *)",
            "no date from 1970 to 2199 matches its Day-of-month, Month, Day-of-week and Year: the window never opens",
            "name a day that exists in the months and years given: `L` is the last day of any month",
        ),
    ];
    for (expr, message, help) in cases {
        for (op, text, path) in [
            (
                Operation::CreateJob,
                job(expr),
                "/schedulingConfig/maintenanceWindows/1/startTime",
            ),
            (
                Operation::CreateJobTemplate,
                template(expr),
                "/maintenanceWindows/0/startTime",
            ),
        ] {
            let r = validate_str(op, &text, &Options::default());
            let [v] = r.violations() else {
                panic!("{expr}: {:?}", r.violations());
            };
            assert_eq!(v.code(), Code::Cron);
            assert_eq!(v.rule(), "maintenanceWindow-cron");
            assert_eq!(v.path(), path);
            assert_eq!(v.message(), message);
            assert_eq!(v.help(), Some(help));
            assert_eq!(
                r.aws_message(),
                Some(format!("Invalid cron expression: {expr}").as_str())
            );
            let model = Options::default().with_profile(Profile::Model);
            assert!(validate_str(op, &text, &model).is_valid(), "{expr}");
        }
    }
}

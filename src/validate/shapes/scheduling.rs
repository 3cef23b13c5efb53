//! `SchedulingConfig` and `MaintenanceWindow` (latest model): when a job rolls out.

use super::{get_str, has};
use crate::rules;
use crate::validate::cron::Cron;
use crate::validate::json::Entry;
use crate::validate::model::{Details, Member, Seg, Shape, Walker};
use crate::validate::primitive::excerpt;
use crate::validate::time::{parse_scheduling, DAY_MS, MINUTE_MS};

/// `StringDateTime` (startTime, endTime): 1..=64 characters.
pub(crate) const DATE_TIME_MAX: u64 = 64;
/// `MaintenanceWindow.startTime` (CronExpression): 1..=256 characters.
pub(crate) const CRON_MAX: u64 = 256;
/// `MaintenanceWindow.durationInMinutes` (DurationInMinutes): 1..=1430.
pub(crate) const DURATION_MIN: i64 = 1;
/// `MaintenanceWindow.durationInMinutes` (DurationInMinutes): 1..=1430.
pub(crate) const DURATION_MAX: i64 = 1430;
/// V-21: start and end are at least 30 minutes after the request.
pub(crate) const LEAD_MS: i64 = 30 * MINUTE_MS;
/// V-21: start at most one year ahead (taken as 365 days; unconfirmed).
pub(crate) const START_HORIZON_MS: i64 = 365 * DAY_MS;
/// V-21: end at most two years ahead, and end - start at most two years (730 days).
pub(crate) const END_HORIZON_MS: i64 = 730 * DAY_MS;

static DATE_TIME: Shape = Shape::string("StringDateTime", Some(1), Some(DATE_TIME_MAX));
static END_BEHAVIOR: Shape = Shape::enumeration(
    "JobEndBehavior",
    &["STOP_ROLLOUT", "CANCEL", "FORCE_CANCEL"],
);
static CRON: Shape = Shape::string("CronExpression", Some(1), Some(CRON_MAX));
static DURATION: Shape = Shape::int("DurationInMinutes", Some(DURATION_MIN), Some(DURATION_MAX));
static WINDOW: Shape = Shape::structure(
    "MaintenanceWindow",
    &[
        Member::req("startTime", &CRON),
        Member::req("durationInMinutes", &DURATION),
    ],
    Some(check_window),
);
/// `MaintenanceWindows`.
pub(crate) static MAINTENANCE_WINDOWS: Shape =
    Shape::list("MaintenanceWindows", &WINDOW, None, None);
/// `SchedulingConfig`.
pub(crate) static SCHEDULING_CONFIG: Shape = Shape::structure(
    "SchedulingConfig",
    &[
        Member::opt("startTime", &DATE_TIME),
        Member::opt("endTime", &DATE_TIME),
        Member::opt("endBehavior", &END_BEHAVIOR),
        Member::opt("maintenanceWindows", &MAINTENANCE_WINDOWS),
    ],
    Some(check),
);

/// V-22: a maintenance window starts at a cron expression of the AWS
/// dialect (what is accepted, and what AWS documents, is written at
/// [`crate::cron`]).
fn check_window<'j>(w: &mut Walker<'j>, e: &'j [Entry<'j>]) {
    let Some(s) = get_str(e, "startTime") else {
        return;
    };
    if let Err(why) = Cron::parse(s) {
        w.emit(
            &rules::MAINTENANCE_WINDOW_CRON,
            Some(Seg::Key("startTime")),
            |_| {
                Details::new(why.to_string())
                    .help(why.help())
                    .plain(format!("Invalid cron expression: {}", excerpt(s)))
            },
        );
    }
}

fn timestamp<'j>(w: &mut Walker<'j>, e: &'j [Entry<'j>], name: &'static str) -> Option<i64> {
    let s = get_str(e, name)?;
    // The accepted form, and what AWS documents, are written at `parse_scheduling`.
    match parse_scheduling(s) {
        Ok(t) => Some(t),
        Err(why) => {
            w.emit(&rules::SCHEDULING_FORMAT, Some(Seg::Key(name)), |_| {
                Details::new(format!("`{}` is not a date and time of the form YYYY-MM-DDTHH:MM: {}", excerpt(s), why.reason()))
                    .plain(format!("{name} must be in the format YYYY-MM-DDTHH:MM"))
                    .help(String::from("for example `2026-07-01T09:30`; `:SS`, then `.sss`, and a zone (`Z` or `+02:00`) may follow; UTC when no zone is given"))
            });
            None
        }
    }
}

fn window<'j>(w: &mut Walker<'j>, name: &'static str, ok: bool, why: String) {
    if !ok {
        w.emit(&rules::SCHEDULING_WINDOW, Some(Seg::Key(name)), |_| {
            Details::new(why.clone()).plain(format!("Invalid {name}: {why}"))
        });
    }
}

fn check<'j>(w: &mut Walker<'j>, e: &'j [Entry<'j>]) {
    if has(e, "endBehavior") && !has(e, "endTime") {
        w.emit(
            &rules::END_BEHAVIOR_NEEDS_END_TIME,
            Some(Seg::Key("endBehavior")),
            |_| {
                Details::new(String::from(
                    "`endBehavior` has no effect without `endTime`",
                ))
            },
        );
    }
    let start = timestamp(w, e, "startTime");
    let end = timestamp(w, e, "endTime");
    if let (Some(s), Some(t)) = (start, end) {
        let gap = t - s;
        window(
            w,
            "endTime",
            (LEAD_MS..=END_HORIZON_MS).contains(&gap),
            String::from("endTime must be between 30 minutes and 2 years after startTime"),
        );
    }
    if start.is_none() && end.is_none() {
        return;
    }
    let Some(now) = w.options.now_ms else {
        w.emit(&rules::SCHEDULING_SKIPPED, None, |_| {
            Details::new(String::from(
                "the scheduling window was not checked because no current time was given",
            ))
            .help(String::from(
                "pass `now` (CLI: --now) to check startTime and endTime against it",
            ))
        });
        return;
    };
    // (member, time, latest offset from now, how far ahead it may lie)
    let bounds = [
        (start, "startTime", START_HORIZON_MS, "1 year"),
        (end, "endTime", END_HORIZON_MS, "2 years"),
    ];
    for (time, member, horizon, ahead) in bounds {
        let Some(t) = time else { continue };
        window(
            w,
            member,
            now.checked_add(LEAD_MS).is_some_and(|m| t >= m),
            format!("{member} must be at least 30 minutes in the future"),
        );
        window(
            w,
            member,
            now.checked_add(horizon).is_none_or(|m| t <= m),
            format!("{member} must be at most {ahead} in the future"),
        );
    }
}

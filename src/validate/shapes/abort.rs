//! `AbortConfig`: the criteria that cancel a job when too many executions fail.

use super::{get_arr, get_f64, get_i32, get_num_text, get_str, Firsts};
use crate::rules;
use crate::validate::json::{Entry, Value};
use crate::validate::model::{Details, Member, Seg, Shape, Walker};
use crate::validate::primitive::{decimal_places_of, fixed};

/// `AbortCriteria.thresholdPercentage` (AbortThresholdPercentage): model maximum.
pub(crate) const THRESHOLD_MAX: f64 = 100.0;
/// `AbortCriteria.thresholdPercentage`: documented decimal places (V-15).
pub(crate) const THRESHOLD_PLACES: u32 = 2;
/// `AbortCriteria.minNumberOfExecutedThings` (MinimumNumberOfExecutedThings): minimum 1.
pub(crate) const MIN_EXECUTED_MIN: i64 = 1;
/// `AbortConfig.criteriaList` (AbortCriteriaList): at least 1 entry.
pub(crate) const CRITERIA_MIN: u64 = 1;

static FAILURE_TYPE: Shape = Shape::enumeration(
    "JobExecutionFailureType",
    &["FAILED", "REJECTED", "TIMED_OUT", "ALL"],
);
static ACTION: Shape = Shape::enumeration("AbortAction", &["CANCEL"]);
static THRESHOLD: Shape = Shape::double("AbortThresholdPercentage", None, Some(THRESHOLD_MAX));
static MIN_EXECUTED: Shape = Shape::int(
    "MinimumNumberOfExecutedThings",
    Some(MIN_EXECUTED_MIN),
    None,
);
static CRITERIA: Shape = Shape::structure(
    "AbortCriteria",
    &[
        Member::req("failureType", &FAILURE_TYPE),
        Member::req("action", &ACTION),
        Member::req("thresholdPercentage", &THRESHOLD),
        Member::req("minNumberOfExecutedThings", &MIN_EXECUTED),
    ],
    Some(check_criterion),
);
static CRITERIA_LIST: Shape = Shape::list("AbortCriteriaList", &CRITERIA, Some(CRITERIA_MIN), None);
/// `AbortConfig`.
pub(crate) static ABORT_CONFIG: Shape = Shape::structure(
    "AbortConfig",
    &[Member::req("criteriaList", &CRITERIA_LIST)],
    Some(check_config),
);

fn check_criterion<'j>(w: &mut Walker<'j>, e: &'j [Entry<'j>]) {
    let (Some(t), Some(text)) = (
        get_f64(e, "thresholdPercentage"),
        get_num_text(e, "thresholdPercentage"),
    ) else {
        return;
    };
    // Assumed lower bound (unconfirmed, V-15): the model has none, and a share of
    // 0 % or less would abort on the first finished execution whatever it did.
    if t <= 0.0 {
        w.emit(
            &rules::THRESHOLD_LOWER_BOUND,
            Some(Seg::Key("thresholdPercentage")),
            |w| {
                Details::new(format!("`{text}` is not greater than 0")).item(
                    Some(text),
                    &w.aws_path(),
                    "Member must have value greater than 0",
                )
            },
        );
    }
    let places = decimal_places_of(text, t);
    if places > THRESHOLD_PLACES {
        w.emit(&rules::THRESHOLD_PRECISION, Some(Seg::Key("thresholdPercentage")), |_| {
            Details::new(format!("`{text}` has {places} digits after the decimal point; at most {THRESHOLD_PLACES} are allowed"))
                .plain(format!("thresholdPercentage {text} has more than {THRESHOLD_PLACES} digits after the decimal point"))
                .help(format!("round it, e.g. `{}`", fixed(t, 2)))
        });
    }
}

fn check_config<'j>(w: &mut Walker<'j>, e: &'j [Entry<'j>]) {
    let Some(list) = get_arr(e, "criteriaList") else {
        return;
    };
    // Repeated failure types: the first matching criterion acts, the others are dead weight.
    let mut firsts = Firsts::new();
    w.at(Seg::Key("criteriaList"), |w| {
        for (i, item) in list.iter().enumerate() {
            let Value::Object(c) = &item.value else {
                continue;
            };
            let Some(ft) = get_str(c, "failureType") else {
                continue;
            };
            let first = firsts.first(ft, i);
            if first != i {
                w.at_node(Seg::Index(i), Some(item), |w| {
                    w.emit(
                        &rules::ABORT_DUPLICATES,
                        Some(Seg::Key("failureType")),
                        |_| {
                            Details::new(format!(
                                "failure type `{ft}` already has a criterion at index {first}"
                            ))
                        },
                    );
                });
            }
        }
    });
    // A snapshot job aimed only at things can never execute more than that many.
    let root = match &w.root.value {
        Value::Object(r) => r,
        _ => return,
    };
    let Some(targets) = get_arr(root, "targets") else {
        return;
    };
    let continuous = get_str(root, "targetSelection") == Some("CONTINUOUS");
    let things_only = targets
        .iter()
        .all(|t| matches!(&t.value, Value::String(s) if s.contains(":thing/")));
    if continuous || !things_only {
        return;
    }
    let n = targets.len() as i64;
    w.at(Seg::Key("criteriaList"), |w| {
        for (i, item) in list.iter().enumerate() {
            let Value::Object(c) = &item.value else {
                continue;
            };
            let Some(min) = get_i32(c, "minNumberOfExecutedThings").filter(|m| *m > n) else {
                continue;
            };
            w.at_node(Seg::Index(i), Some(item), |w| {
                w.emit(&rules::ABORT_UNREACHABLE, Some(Seg::Key("minNumberOfExecutedThings")), |_| {
                    Details::new(format!("`{min}` is more than the {n} things this snapshot job targets, so this criterion never fires"))
                });
            });
        }
    });
}

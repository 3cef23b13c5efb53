//! `JobExecutionsRolloutConfig`: constant and exponential rollout rates.

use super::{get_f64, get_i32, get_num_text, get_obj, has};
use crate::rules;
use crate::validate::json::Entry;
use crate::validate::model::{Details, Member, Seg, Shape, Walker};
use crate::validate::primitive::{decimal_places_of, fixed};

/// `JobExecutionsRolloutConfig.maximumPerMinute` (MaxJobExecutionsPerMin): model minimum.
pub(crate) const MAXIMUM_PER_MINUTE_MIN: i64 = 1;
/// `JobExecutionsRolloutConfig.maximumPerMinute`: documented maximum and default (V-11).
pub(crate) const MAXIMUM_PER_MINUTE_MAX: i64 = 1000;
/// `ExponentialRolloutRate.baseRatePerMinute` (RolloutRatePerMinute): 1..=1000.
pub(crate) const BASE_RATE_MIN: i64 = 1;
/// `ExponentialRolloutRate.baseRatePerMinute` (RolloutRatePerMinute): 1..=1000.
pub(crate) const BASE_RATE_MAX: i64 = 1000;
/// `ExponentialRolloutRate.incrementFactor` (IncrementFactor): 1.1..=5.
pub(crate) const INCREMENT_FACTOR_MIN: f64 = 1.1;
/// `ExponentialRolloutRate.incrementFactor` (IncrementFactor): 1.1..=5.
pub(crate) const INCREMENT_FACTOR_MAX: f64 = 5.0;
/// `ExponentialRolloutRate.incrementFactor`: documented decimal places (V-10).
pub(crate) const INCREMENT_FACTOR_PLACES: u32 = 1;
/// `RateIncreaseCriteria.numberOf*Things` (NumberOfThings): minimum 1.
pub(crate) const NUMBER_OF_THINGS_MIN: i64 = 1;

static MAX_PER_MIN: Shape =
    Shape::int("MaxJobExecutionsPerMin", Some(MAXIMUM_PER_MINUTE_MIN), None);
static BASE_RATE: Shape = Shape::int(
    "RolloutRatePerMinute",
    Some(BASE_RATE_MIN),
    Some(BASE_RATE_MAX),
);
static INCREMENT_FACTOR: Shape = Shape::double(
    "IncrementFactor",
    Some(INCREMENT_FACTOR_MIN),
    Some(INCREMENT_FACTOR_MAX),
);
static NUMBER_OF_THINGS: Shape = Shape::int("NumberOfThings", Some(NUMBER_OF_THINGS_MIN), None);
static RATE_INCREASE_CRITERIA: Shape = Shape::structure(
    "RateIncreaseCriteria",
    &[
        Member::opt("numberOfNotifiedThings", &NUMBER_OF_THINGS),
        Member::opt("numberOfSucceededThings", &NUMBER_OF_THINGS),
    ],
    Some(check_criteria),
);
static EXPONENTIAL_RATE: Shape = Shape::structure(
    "ExponentialRolloutRate",
    &[
        Member::req("baseRatePerMinute", &BASE_RATE),
        Member::req("incrementFactor", &INCREMENT_FACTOR),
        Member::req("rateIncreaseCriteria", &RATE_INCREASE_CRITERIA),
    ],
    Some(check_exponential),
);
/// `JobExecutionsRolloutConfig`.
pub(crate) static ROLLOUT_CONFIG: Shape = Shape::structure(
    "JobExecutionsRolloutConfig",
    &[
        Member::opt("maximumPerMinute", &MAX_PER_MIN),
        Member::opt("exponentialRate", &EXPONENTIAL_RATE),
    ],
    Some(check_rollout),
);

fn check_rollout<'j>(w: &mut Walker<'j>, e: &'j [Entry<'j>]) {
    let Some(max) = get_i32(e, "maximumPerMinute") else {
        return;
    };
    if max > MAXIMUM_PER_MINUTE_MAX {
        w.emit(&rules::MAXIMUM_PER_MINUTE_MAX, Some(Seg::Key("maximumPerMinute")), |w| {
            Details::new(format!("`{max}` is greater than the documented maximum of {MAXIMUM_PER_MINUTE_MAX} things per minute"))
                .item(Some(&max.to_string()), &w.aws_path(), &format!("Member must have value less than or equal to {MAXIMUM_PER_MINUTE_MAX}"))
        });
    }
    let base = get_obj(e, "exponentialRate").and_then(|r| get_i32(r, "baseRatePerMinute"));
    if let Some(base) = base.filter(|b| *b > max) {
        w.emit(&rules::RATE_CEILING, Some(Seg::Key("maximumPerMinute")), |_| {
            Details::new(format!("`{max}` is below the exponential base rate of {base} per minute, so the rollout never grows"))
        });
    }
}

fn check_exponential<'j>(w: &mut Walker<'j>, e: &'j [Entry<'j>]) {
    let (Some(f), Some(text)) = (
        get_f64(e, "incrementFactor"),
        get_num_text(e, "incrementFactor"),
    ) else {
        return;
    };
    let places = decimal_places_of(text, f);
    if places > INCREMENT_FACTOR_PLACES {
        w.emit(&rules::INCREMENT_FACTOR_PRECISION, Some(Seg::Key("incrementFactor")), |_| {
            Details::new(format!("`{text}` has {places} digits after the decimal point; at most {INCREMENT_FACTOR_PLACES} is allowed"))
                .plain(format!("incrementFactor {text} has more than {INCREMENT_FACTOR_PLACES} digit after the decimal point"))
                .help(format!("round it, e.g. `{}`", fixed(f, 1)))
        });
    }
}

fn check_criteria<'j>(w: &mut Walker<'j>, e: &'j [Entry<'j>]) {
    let notified = has(e, "numberOfNotifiedThings");
    let succeeded = has(e, "numberOfSucceededThings");
    if !notified && !succeeded {
        w.emit(&rules::RATE_CRITERIA_NONEMPTY, None, |_| {
            Details::new(String::from("sets no threshold: give `numberOfNotifiedThings` or `numberOfSucceededThings`"))
                .plain(String::from("rateIncreaseCriteria must specify numberOfNotifiedThings or numberOfSucceededThings"))
        });
    }
    // Both thresholds together are documented (the guide's exponential-rollout
    // examples set both): the rate grows when either count reaches its next
    // multiple, as the machine models it. No warning.
}

//! The parts of a (validated) request the machine acts on, read once.

use crate::validate::shapes::rollout::MAXIMUM_PER_MINUTE_MAX;
use serde_json::Value;

/// Default and ceiling of `maximumPerMinute`: the validator's
/// documented maximum, which is also the documented default (V-11).
const DEFAULT_MAX_PER_MINUTE: u64 = MAXIMUM_PER_MINUTE_MAX.unsigned_abs();

/// Rollout rate.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Rollout {
    pub(crate) maximum_per_minute: u64,
    pub(crate) exponential: Option<Exponential>,
}

/// `exponentialRate`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Exponential {
    pub(crate) base: u64,
    pub(crate) factor: f64,
    pub(crate) notified_threshold: Option<u64>,
    pub(crate) succeeded_threshold: Option<u64>,
}

impl Default for Rollout {
    fn default() -> Self {
        Rollout {
            maximum_per_minute: DEFAULT_MAX_PER_MINUTE,
            exponential: None,
        }
    }
}

impl Rollout {
    pub(crate) fn from_value(v: Option<&Value>) -> Rollout {
        let Some(v) = v else {
            return Rollout::default();
        };
        let maximum_per_minute = v
            .get("maximumPerMinute")
            .and_then(Value::as_u64)
            .filter(|&n| n >= 1)
            .unwrap_or(DEFAULT_MAX_PER_MINUTE);
        let exponential = v.get("exponentialRate").and_then(|e| {
            let crit = e.get("rateIncreaseCriteria");
            let thr = |k: &str| {
                crit.and_then(|c| c.get(k))
                    .and_then(Value::as_u64)
                    .filter(|&n| n >= 1)
            };
            Some(Exponential {
                base: e.get("baseRatePerMinute").and_then(Value::as_u64)?.max(1),
                factor: e.get("incrementFactor").and_then(Value::as_f64)?,
                notified_threshold: thr("numberOfNotifiedThings"),
                succeeded_threshold: thr("numberOfSucceededThings"),
            })
        });
        Rollout {
            maximum_per_minute,
            exponential,
        }
    }

    /// Things notified per one-minute slot, given the cumulative counts.
    ///
    /// the rate is `baseRatePerMinute × incrementFactor^k`, where `k` is
    /// the number of multiples of `numberOfNotifiedThings` reached by the
    /// notified count plus the number of multiples of
    /// `numberOfSucceededThings` reached by the succeeded count.
    /// Decision (unconfirmed in the sources): the product is computed by
    /// repeated IEEE-754 multiplication (identical in Rust and JS), rounded
    /// down, capped at `maximumPerMinute` (default 1000), and at least 1.
    pub(crate) fn rate(&self, notified: u64, succeeded: u64) -> u64 {
        let cap = self.maximum_per_minute.max(1);
        let Some(x) = &self.exponential else {
            return cap;
        };
        let k = x.notified_threshold.map_or(0, |t| notified / t)
            + x.succeeded_threshold.map_or(0, |t| succeeded / t);
        let cap_f = cap as f64;
        let mut r = x.base as f64;
        let mut i = 0;
        while i < k && r < cap_f && x.factor > 1.0 {
            r *= x.factor;
            i += 1;
        }
        let r = if r >= cap_f { cap } else { r.floor() as u64 };
        r.clamp(1, cap)
    }
}

/// Which terminal outcomes an abort criterion counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FailureType {
    Failed,
    Rejected,
    TimedOut,
    All,
}

/// One abort criterion.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AbortCriterion {
    pub(crate) failure_type: FailureType,
    pub(crate) failure_type_name: String,
    /// `thresholdPercentage` in hundredths of a percent (two decimals at most, V-15).
    pub(crate) threshold_hundredths: i64,
    pub(crate) min_executed: u64,
}

pub(crate) fn abort_from_value(v: Option<&Value>) -> Vec<AbortCriterion> {
    let Some(list) = v
        .and_then(|v| v.get("criteriaList"))
        .and_then(Value::as_array)
    else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|c| {
            let name = c.get("failureType")?.as_str()?;
            let failure_type = match name {
                "FAILED" => FailureType::Failed,
                "REJECTED" => FailureType::Rejected,
                "TIMED_OUT" => FailureType::TimedOut,
                "ALL" => FailureType::All,
                _ => return None,
            };
            let t = c.get("thresholdPercentage")?.as_f64()?;
            Some(AbortCriterion {
                failure_type,
                failure_type_name: name.to_owned(),
                threshold_hundredths: (t * 100.0).round() as i64,
                min_executed: c
                    .get("minNumberOfExecutedThings")
                    .and_then(Value::as_u64)
                    .unwrap_or(1)
                    .max(1),
            })
        })
        .collect()
}

/// Retry budgets (R-13, V-18).
///
/// Decision (unconfirmed): a criterion for `FAILED` or `TIMED_OUT` is that
/// type's own budget; `ALL` is one budget shared by the types that have no
/// criterion of their own. When a type appears twice (only possible in the
/// `model` profile) the first criterion wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Retry {
    pub(crate) failed: Option<u8>,
    pub(crate) timed_out: Option<u8>,
    pub(crate) all: Option<u8>,
}

impl Retry {
    pub(crate) fn from_value(v: Option<&Value>) -> Retry {
        let mut r = Retry::default();
        let Some(list) = v
            .and_then(|v| v.get("criteriaList"))
            .and_then(Value::as_array)
        else {
            return r;
        };
        for c in list {
            let n = c
                .get("numberOfRetries")
                .and_then(Value::as_u64)
                .unwrap_or(0)
                .min(u64::from(u8::MAX)) as u8;
            let slot = match c.get("failureType").and_then(Value::as_str) {
                Some("FAILED") => &mut r.failed,
                Some("TIMED_OUT") => &mut r.timed_out,
                Some("ALL") => &mut r.all,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(n);
            }
        }
        r
    }

    /// Whether one more retry of `timed_out ? TIMED_OUT : FAILED` is allowed
    /// after `failed_used` FAILED and `timed_out_used` TIMED_OUT retries.
    pub(crate) fn allows(&self, timed_out: bool, failed_used: u8, timed_out_used: u8) -> bool {
        let own = if timed_out {
            self.timed_out
        } else {
            self.failed
        };
        let used = if timed_out {
            timed_out_used
        } else {
            failed_used
        };
        if let Some(n) = own {
            return used < n;
        }
        let Some(n) = self.all else { return false };
        // The shared budget counts the retries of every type it covers.
        let mut shared = 0u16;
        if self.failed.is_none() {
            shared += u16::from(failed_used);
        }
        if self.timed_out.is_none() {
            shared += u16::from(timed_out_used);
        }
        shared < u16::from(n)
    }

    /// The largest `retryAttempt` the budget can produce.
    pub(crate) fn max_attempts(&self) -> u32 {
        let f = self.failed.map_or(0, u32::from);
        let t = self.timed_out.map_or(0, u32::from);
        let a = if self.failed.is_some() && self.timed_out.is_some() {
            0
        } else {
            self.all.map_or(0, u32::from)
        };
        f + t + a
    }
}

/// `timeoutConfig.inProgressTimeoutInMinutes`; 0 means none (also for a
/// non-positive value, possible in the `model` profile). Values beyond
/// `u32::MAX` minutes are capped (they lie beyond every representable time).
pub(crate) fn timeout_from_value(v: Option<&Value>) -> u32 {
    let m = v
        .and_then(|v| v.get("inProgressTimeoutInMinutes"))
        .and_then(Value::as_i64)
        .unwrap_or(0);
    u32::try_from(m.max(0)).unwrap_or(u32::MAX)
}

/// What happens at `schedulingConfig.endTime` (R-6, unconfirmed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum EndBehavior {
    #[default]
    StopRollout,
    Cancel,
    ForceCancel,
}

impl EndBehavior {
    pub(crate) fn parse(s: Option<&str>) -> EndBehavior {
        match s {
            Some("CANCEL") => EndBehavior::Cancel,
            Some("FORCE_CANCEL") => EndBehavior::ForceCancel,
            _ => EndBehavior::StopRollout,
        }
    }
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            EndBehavior::StopRollout => "STOP_ROLLOUT",
            EndBehavior::Cancel => "CANCEL",
            EndBehavior::ForceCancel => "FORCE_CANCEL",
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn worked_example_of_the_guide() {
        // base 50, factor 2, both thresholds 1000.
        let r = Rollout::from_value(Some(&json!({"exponentialRate": {
            "baseRatePerMinute": 50, "incrementFactor": 2,
            "rateIncreaseCriteria": {"numberOfNotifiedThings": 1000}}})));
        assert_eq!(r.rate(0, 0), 50);
        assert_eq!(r.rate(999, 0), 50);
        assert_eq!(r.rate(1000, 0), 100);
        assert_eq!(r.rate(2000, 0), 200);
        assert_eq!(r.rate(3000, 0), 400);
        assert_eq!(r.rate(100_000, 0), 1000);
    }

    #[test]
    fn fractional_rates_round_down() {
        let r = Rollout::from_value(Some(&json!({"exponentialRate": {
            "baseRatePerMinute": 3, "incrementFactor": 1.5,
            "rateIncreaseCriteria": {"numberOfSucceededThings": 2}}})));
        assert_eq!(r.rate(0, 1), 3);
        assert_eq!(r.rate(0, 2), 4); // 4.5
        assert_eq!(r.rate(0, 4), 6); // 6.75
        assert_eq!(r.rate(0, 6), 10); // 10.125
    }

    #[test]
    fn retry_budgets() {
        let all = Retry::from_value(Some(
            &json!({"criteriaList": [{"failureType": "ALL", "numberOfRetries": 2}]}),
        ));
        assert!(all.allows(false, 1, 0));
        assert!(!all.allows(true, 1, 1));
        let split = Retry::from_value(Some(&json!({"criteriaList": [
            {"failureType": "FAILED", "numberOfRetries": 1},
            {"failureType": "TIMED_OUT", "numberOfRetries": 0}]})));
        assert!(split.allows(false, 0, 0));
        assert!(!split.allows(false, 1, 0));
        assert!(!split.allows(true, 0, 0));
        assert_eq!(split.max_attempts(), 1);
    }
}

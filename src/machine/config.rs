//! The parts of a (validated) request the machine acts on, read once
//! through the typed request structs of [`crate::types`].
//!
//! The configurations are kept as JSON (DescribeJob echoes them as given,
//! and snapshots hold them); each `from_value` reads one through its typed
//! struct. A member that does not read as its type (only possible in a
//! hand-made snapshot: the validator refuses such a request) reads as absent.

use crate::types::{
    AbortConfig, AbortFailureType, JobEndBehavior, JobExecutionsRetryConfig,
    JobExecutionsRolloutConfig, RetryFailureType, TimeoutConfig,
};
use crate::validate::shapes::rollout::MAXIMUM_PER_MINUTE_MAX;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

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

/// The four configurations the machine acts on, read from the echoed
/// request members (after an UpdateJob and on snapshot restore).
pub(crate) struct Configs {
    pub(crate) rollout: Rollout,
    pub(crate) abort: Vec<AbortCriterion>,
    pub(crate) timeout_minutes: u32,
    pub(crate) retry: Retry,
}

impl Configs {
    /// Each configuration read once from its echoed JSON member.
    pub(crate) fn from_echo(echo: &BTreeMap<String, Value>) -> Configs {
        Configs {
            rollout: Rollout::from_value(echo.get("jobExecutionsRolloutConfig")),
            abort: abort_from_value(echo.get("abortConfig")),
            timeout_minutes: timeout_from_value(echo.get("timeoutConfig")),
            retry: Retry::from_value(echo.get("jobExecutionsRetryConfig")),
        }
    }
}

/// A configuration member read through its typed struct; `None` when absent,
/// `null` or not of its type.
fn typed<'v, T: Deserialize<'v>>(v: Option<&'v Value>) -> Option<T> {
    v.and_then(|v| T::deserialize(v).ok())
}

/// A positive count of the request, as `u64`; `None` for zero or less.
fn positive(n: i64) -> Option<u64> {
    u64::try_from(n).ok().filter(|&n| n >= 1)
}

impl Rollout {
    /// `jobExecutionsRolloutConfig` as JSON (the echoed form).
    pub(crate) fn from_value(v: Option<&Value>) -> Rollout {
        Rollout::from_config(typed(v).as_ref())
    }

    /// `jobExecutionsRolloutConfig`, typed.
    pub(crate) fn from_config(c: Option<&JobExecutionsRolloutConfig>) -> Rollout {
        let Some(c) = c else {
            return Rollout::default();
        };
        let exponential = c.exponential_rate.as_ref().map(|e| {
            let crit = &e.rate_increase_criteria;
            Exponential {
                base: positive(e.base_rate_per_minute).unwrap_or(1),
                factor: e.increment_factor,
                notified_threshold: crit.number_of_notified_things.and_then(positive),
                succeeded_threshold: crit.number_of_succeeded_things.and_then(positive),
            }
        });
        Rollout {
            maximum_per_minute: c
                .maximum_per_minute
                .and_then(positive)
                .unwrap_or(DEFAULT_MAX_PER_MINUTE),
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
        let k = x
            .notified_threshold
            .map_or(0, |t| notified / t)
            .saturating_add(x.succeeded_threshold.map_or(0, |t| succeeded / t));
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

/// `abortConfig` as JSON (the echoed form).
pub(crate) fn abort_from_value(v: Option<&Value>) -> Vec<AbortCriterion> {
    abort_from_config(typed(v).as_ref())
}

/// `abortConfig`, typed: its criteria in order (one of a type outside the
/// enum, which the validator refuses, is skipped).
pub(crate) fn abort_from_config(c: Option<&AbortConfig>) -> Vec<AbortCriterion> {
    let Some(c) = c else { return Vec::new() };
    c.criteria_list
        .iter()
        .filter_map(|c| {
            let failure_type = match c.failure_type {
                AbortFailureType::Failed => FailureType::Failed,
                AbortFailureType::Rejected => FailureType::Rejected,
                AbortFailureType::TimedOut => FailureType::TimedOut,
                AbortFailureType::All => FailureType::All,
                _ => return None,
            };
            Some(AbortCriterion {
                failure_type,
                failure_type_name: c.failure_type.as_str().to_owned(),
                threshold_hundredths: (c.threshold_percentage * 100.0).round() as i64,
                min_executed: positive(c.min_number_of_executed_things).unwrap_or(1),
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
    /// `jobExecutionsRetryConfig` as JSON (the echoed form).
    pub(crate) fn from_value(v: Option<&Value>) -> Retry {
        Retry::from_config(typed(v).as_ref())
    }

    /// `jobExecutionsRetryConfig`, typed.
    pub(crate) fn from_config(c: Option<&JobExecutionsRetryConfig>) -> Retry {
        let mut r = Retry::default();
        let Some(c) = c else { return r };
        for c in &c.criteria_list {
            // Negative counts (refused by the validator) read as 0.
            let n = u8::try_from(c.number_of_retries.max(0)).unwrap_or(u8::MAX);
            let slot = match c.failure_type {
                RetryFailureType::Failed => &mut r.failed,
                RetryFailureType::TimedOut => &mut r.timed_out,
                RetryFailureType::All => &mut r.all,
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
    timeout_from_config(typed(v).as_ref())
}

/// `timeoutConfig`, typed; see [`timeout_from_value`].
pub(crate) fn timeout_from_config(c: Option<&TimeoutConfig>) -> u32 {
    let m = c
        .and_then(|c| c.in_progress_timeout_in_minutes)
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
    /// `schedulingConfig.endBehavior`, typed; absent is `STOP_ROLLOUT`.
    pub(crate) fn from_config(b: Option<&JobEndBehavior>) -> EndBehavior {
        match b {
            Some(JobEndBehavior::Cancel) => EndBehavior::Cancel,
            Some(JobEndBehavior::ForceCancel) => EndBehavior::ForceCancel,
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

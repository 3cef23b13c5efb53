//! The machine's JSON-text functions for callers whose times are floating
//! point numbers (JavaScript): [`crate::ffi::machine`] takes whole epoch
//! milliseconds as `i64`; these take an `f64` and answer the misuse
//! `invalidTime` for one that is not a whole number in range.

use super::{answer, UsageError};

/// ±2^53: every integer in range is exact as an `f64` and fits an `i64`.
const LIMIT: f64 = 9_007_199_254_740_992.0;

/// A JavaScript number as whole epoch milliseconds.
///
/// # Errors
/// `invalidTime` for a fraction, a non-finite number or one beyond ±2^53.
///
/// ```
/// use iot_jobs_policy::ffi::time_ms;
/// assert_eq!(time_ms(1_000.0), Ok(1_000));
/// assert_eq!(time_ms(0.5).unwrap_err().code(), "invalidTime");
/// ```
pub fn time_ms(t: f64) -> Result<i64, UsageError> {
    if t.fract() == 0.0 && t.abs() <= LIMIT {
        #[allow(clippy::cast_possible_truncation)] // whole and within ±2^53
        Ok(t as i64)
    } else {
        Err(UsageError::new(
            "invalidTime",
            format!("a time must be whole epoch milliseconds, not {t}"),
        ))
    }
}

/// [`crate::ffi::machine::apply`] at a JavaScript time.
pub fn machine_apply(snapshot: &str, at: f64, event: &str) -> String {
    match time_ms(at) {
        Ok(at) => crate::ffi::machine::apply(snapshot, at, event),
        Err(e) => answer::misuse(&e),
    }
}

/// [`crate::ffi::machine::step`] at a JavaScript time: the npm `Job.step`
/// in one call.
pub fn machine_step(snapshot: &str, at: f64, event: &str) -> String {
    match time_ms(at) {
        Ok(at) => crate::ffi::machine::step(snapshot, at, event),
        Err(e) => answer::misuse(&e),
    }
}

/// [`crate::ffi::machine::advance`] to a JavaScript time.
pub fn machine_advance(snapshot: &str, to: f64) -> String {
    match time_ms(to) {
        Ok(to) => crate::ffi::machine::advance(snapshot, to),
        Err(e) => answer::misuse(&e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_whole_milliseconds_within_2_53() {
        assert_eq!(time_ms(-5.0), Ok(-5));
        assert_eq!(time_ms(LIMIT), Ok(9_007_199_254_740_992));
        for bad in [0.5, f64::NAN, f64::INFINITY, LIMIT * 2.0] {
            assert_eq!(time_ms(bad).unwrap_err().code(), "invalidTime", "{bad}");
        }
        let v: serde_json::Value =
            serde_json::from_str(&machine_advance("not a snapshot", 1.5)).unwrap();
        assert_eq!(v["type"], "misuse");
        assert_eq!(v["error"]["code"], "invalidTime");
        let v: serde_json::Value =
            serde_json::from_str(&machine_apply("not a snapshot", 1.0, "{}")).unwrap();
        assert_eq!(v["error"]["code"], "invalidSnapshot");
        for at in [0.5, f64::NAN] {
            let v: serde_json::Value =
                serde_json::from_str(&machine_step("not a snapshot", at, "{}")).unwrap();
            assert_eq!(v["error"]["code"], "invalidTime", "{at}");
        }
        let v: serde_json::Value =
            serde_json::from_str(&machine_step("not a snapshot", 1.0, "{}")).unwrap();
        assert_eq!(v["error"]["code"], "invalidSnapshot");
    }
}

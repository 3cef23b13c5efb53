//! The time bounds: the one rule for which epoch-millisecond times the
//! engine accepts, applied at every entry (the `now` option, a job's
//! `createdAt`, the times of `apply`, `advance` and `step`, every deadline
//! the machine computes and every time of a restored snapshot).
//!
//! A time is in range when it lies in `0..=MAX_TIME_MS` (the JavaScript
//! `Date` range, so every time is exact in JS too). A deadline that would
//! fall after [`MAX_TIME_MS`] is "never": [`time_after`] returns `None` and
//! the machine keeps no deadline, so every state it reaches snapshots and
//! restores, and `next_deadline()` never names a time `advance` refuses.

/// The largest time accepted: 8.64e15 epoch milliseconds
/// (+275760-09-13T00:00:00Z, the end of the JavaScript `Date` range).
pub const MAX_TIME_MS: i64 = 8_640_000_000_000_000;

/// Whether `t` (epoch milliseconds) is within `0..=MAX_TIME_MS`.
pub(crate) fn time_in_range(t: i64) -> bool {
    (0..=MAX_TIME_MS).contains(&t)
}

/// `at + ms` when the sum is in range, `None` when it would pass
/// [`MAX_TIME_MS`] (or overflow, or fall before the epoch).
pub(crate) fn time_after(at: i64, ms: i64) -> Option<i64> {
    at.checked_add(ms).filter(|&t| time_in_range(t))
}

/// The message of a time outside the bounds, shared by every entry.
pub(crate) fn out_of_range(t: i64) -> String {
    format!("the time `{t}` is outside 0..={MAX_TIME_MS} epoch milliseconds")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_inclusive_and_sums_never_overflow() {
        assert!(time_in_range(0) && time_in_range(MAX_TIME_MS));
        assert!(!time_in_range(-1) && !time_in_range(MAX_TIME_MS + 1));
        assert_eq!(time_after(MAX_TIME_MS - 60_000, 60_000), Some(MAX_TIME_MS));
        assert_eq!(time_after(MAX_TIME_MS - 59_999, 60_000), None);
        assert_eq!(time_after(i64::MAX, 1), None);
        assert_eq!(time_after(i64::MIN, -1), None);
        assert_eq!(time_after(0, -1), None);
        assert!(out_of_range(-5).contains("`-5`"));
    }
}

//! [`Timestamp`]: epoch milliseconds inside, AWS epoch seconds on the wire.

use serde::{Deserialize, Serialize};

/// A time in the views: epoch milliseconds inside, AWS epoch **seconds**
/// on the wire (an integer when whole, otherwise up to three decimals).
///
/// ```
/// use iot_jobs_policy::machine::Timestamp;
/// let t = Timestamp::from_millis(1_700_000_000_250);
/// assert_eq!(t.as_millis(), 1_700_000_000_250);
/// assert_eq!(serde_json::to_string(&t).unwrap(), "1700000000.25");
/// assert_eq!(serde_json::to_string(&Timestamp::from_millis(2_000)).unwrap(), "2");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub(super) i64);

impl Timestamp {
    /// The time `ms` epoch milliseconds.
    pub fn from_millis(ms: i64) -> Timestamp {
        Timestamp(ms)
    }
    /// Epoch milliseconds.
    pub fn as_millis(self) -> i64 {
        self.0
    }
}

/// Epoch milliseconds as AWS epoch seconds: the one arithmetic behind
/// `Timestamp`'s `Serialize` and the JSON views' `seconds`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Seconds {
    /// A whole number of seconds, written as an integer.
    Whole(i64),
    /// Seconds with a millisecond part, written as a number with decimals.
    Fraction(f64),
}

impl Seconds {
    /// The seconds of `ms` epoch milliseconds.
    pub(crate) fn of(ms: i64) -> Seconds {
        if ms % 1000 == 0 {
            Seconds::Whole(ms / 1000)
        } else {
            Seconds::Fraction(ms as f64 / 1000.0)
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match Seconds::of(self.0) {
            Seconds::Whole(w) => s.serialize_i64(w),
            Seconds::Fraction(f) => s.serialize_f64(f),
        }
    }
}

/// Reads the seconds that `Serialize` (and the JSON views) write, back to
/// the same milliseconds: `2` is 2000 ms, `1700000000.25` is
/// 1700000000250 ms.
///
/// ```
/// use iot_jobs_policy::machine::Timestamp;
/// let t: Timestamp = serde_json::from_str("1700000000.25").unwrap();
/// assert_eq!(t, Timestamp::from_millis(1_700_000_000_250));
/// assert_eq!(serde_json::from_str::<Timestamp>("2").unwrap().as_millis(), 2_000);
/// ```
impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let n = serde_json::Number::deserialize(d)?;
        Timestamp::from_seconds(&n).ok_or_else(|| {
            serde::de::Error::custom(format!("`{n}` seconds is not a time in milliseconds"))
        })
    }
}

impl Timestamp {
    /// The milliseconds whose seconds `n` is.
    fn from_seconds(n: &serde_json::Number) -> Option<Timestamp> {
        if let Some(s) = n.as_i64() {
            return s.checked_mul(1000).map(Timestamp);
        }
        let f = n.as_f64()?;
        let near = (f * 1000.0).round();
        // A `Number` is finite. INVARIANT: below, |near| < 2^63, so the cast is exact.
        if near.abs() >= 9.223_372_036_854_776e18 {
            return None;
        }
        let near = near as i64;
        // `f * 1000` may miss by a millisecond near `MAX_TIME_MS`; below 2^53 ms
        // each millisecond has its own double, so the one that writes `f` is
        // the answer.
        let ms = [0, -1, 1, -2, 2]
            .into_iter()
            .filter_map(|d| near.checked_add(d))
            .find(|&ms| ms as f64 / 1000.0 == f)
            .unwrap_or(near);
        Some(Timestamp(ms))
    }
}

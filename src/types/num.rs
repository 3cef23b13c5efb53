//! Numbers as the validator reads them: integer members also deserialise
//! from integral doubles, double members serialise `50.0` as `50`.

use serde::{Deserialize, Deserializer, Serializer};

/// An integer member: `5`, or an integral double such as `5.0` or `5e0`
/// (the validator accepts those, since JavaScript cannot tell them apart).
pub(crate) fn int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    let n = serde_json::Number::deserialize(d)?;
    if let Some(i) = n.as_i64() {
        return Ok(i);
    }
    match n.as_f64() {
        // INVARIANT: |f| < 2^63, so the cast is exact.
        Some(f) if f.fract() == 0.0 && f.abs() < 9.223_372_036_854_776e18 => Ok(f as i64),
        _ => Err(serde::de::Error::custom(format!(
            "`{n}` is not an integer of 64 bits"
        ))),
    }
}

/// An optional integer member (`null` is absent, as in the AWS SDKs).
pub(crate) fn opt_int<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    match Option::<serde_json::Number>::deserialize(d)? {
        None => Ok(None),
        Some(n) => int(n).map(Some).map_err(serde::de::Error::custom),
    }
}

/// A double member, written as JavaScript writes it: `50` for 50.0.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde's signature
pub(crate) fn float<S: Serializer>(f: &f64, s: S) -> Result<S::Ok, S::Error> {
    // INVARIANT: |f| < 2^53, so the integral value is exact as an i64.
    if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
        s.serialize_i64(*f as i64)
    } else {
        s.serialize_f64(*f)
    }
}

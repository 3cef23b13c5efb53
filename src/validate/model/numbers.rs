//! Integers read from number literals the way the service reads them.

/// An integer's value, as read from its literal.
pub(crate) enum Integral {
    /// It has a fractional part.
    Fraction,
    /// It is integral but beyond 64 bits.
    TooLarge,
    /// Its value.
    Value(i64),
}

/// Reads an integral value from a number literal: `5` and `5.0` and `5e0` are 5;
/// `2.5` is a fraction; `1e30` is too large.
pub(crate) fn integral(text: &str, value: f64) -> Integral {
    if let Ok(v) = text.parse::<i64>() {
        return Integral::Value(v);
    }
    if value.fract() != 0.0 {
        return Integral::Fraction;
    }
    // 2^63 is exactly representable; anything at or beyond it does not fit.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    if !(-LIMIT..LIMIT).contains(&value) {
        return Integral::TooLarge;
    }
    #[allow(clippy::cast_possible_truncation)] // INVARIANT: integral and within i64 (checked above)
    Integral::Value(value as i64)
}

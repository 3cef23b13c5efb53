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
///
/// `value` is `text`'s value rounded to a double (as the parser and
/// `from_serde` give it). An integral value below 2^53 in magnitude is then
/// exactly `text`'s value whether or not `text` is written as an integer, so
/// it is read without parsing `text` again.
pub(crate) fn integral(text: &str, value: f64) -> Integral {
    // 2^53: every integer below it in magnitude is an exact double.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if value.abs() < EXACT {
        // Below 2^53 the conversion is in range; back to a double it is the
        // same value exactly when `value` is integral (no `fract`, a libm call).
        #[allow(clippy::cast_possible_truncation)] // INVARIANT: below 2^53
        let v = value as i64;
        #[allow(clippy::cast_precision_loss)] // INVARIANT: below 2^53, exact
        if v as f64 == value {
            return Integral::Value(v);
        }
    }
    integral_slow(text, value)
}

/// [`integral`] by parsing `text` as an integer first.
fn integral_slow(text: &str, value: f64) -> Integral {
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

#[cfg(test)]
mod tests {
    use super::{integral, integral_slow, Integral};

    fn read(i: Integral) -> Option<Option<i64>> {
        match i {
            Integral::Fraction => None,
            Integral::TooLarge => Some(None),
            Integral::Value(v) => Some(Some(v)),
        }
    }

    /// The shortcut for exact doubles answers as parsing the text does.
    #[test]
    fn integral_agrees_with_parsing_the_text() {
        let mut texts: Vec<String> = [
            "0",
            "-0",
            "0.0",
            "-0.0",
            "5",
            "5.0",
            "5e0",
            "50e-1",
            "2.5",
            "-2.5",
            "1e30",
            "-1e30",
            "1e3",
            "3600",
            "-2147483649",
            "2147483648",
            "9007199254740991",
            "9007199254740992",
            "9007199254740993",
            "-9007199254740993",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "1.0000000000000000001",
            "4503599627370495.5",
            "4503599627370496.5",
            "0.1",
            "1e-400",
        ]
        .iter()
        .map(|t| String::from(*t))
        .collect();
        for k in 0..64u32 {
            let p = 2f64.powi(i32::try_from(k).unwrap());
            for d in [-1.0, 0.0, 1.0] {
                texts.push(format!("{}", p + d));
                texts.push(format!("{}", -(p + d)));
            }
        }
        for text in &texts {
            let value: f64 = text.parse().unwrap();
            assert_eq!(
                read(integral(text, value)),
                read(integral_slow(text, value)),
                "{text}"
            );
        }
    }
}

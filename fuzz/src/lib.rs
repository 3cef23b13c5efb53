//! Helpers shared by the fuzz targets and the seed generator: how a target's
//! input bytes are split into an operation, options and text, and the checks
//! every tagged JSON answer must pass.
//!
//! The framings are documented in `fuzz/README.md`; `examples/seed.rs`
//! writes seed inputs with the encoders here, so the two cannot drift.

use iot_jobs_policy::{ApiVersion, Operation, Options, Profile};
use serde_json::Value;

/// The byte that separates the text fields of a multi-field input.
pub const SEP: u8 = 0;

/// Reads the operation and options from the head of `data`.
///
/// Byte 0: bits 0-2 the operation (index into [`Operation::ALL`], modulo 7),
/// bit 3 the API version (`2022-01` when set), bit 4 the profile (`model`
/// when set), bit 5 whether `now` is given; then, when it is, 8 bytes of
/// `now` (little-endian `i64`, any value). The rest is the request.
pub fn head(data: &[u8]) -> Option<(Operation, Options, &[u8])> {
    let (&b, rest) = data.split_first()?;
    let op = *Operation::ALL.get(usize::from(b & 7) % Operation::ALL.len())?;
    let api = if b & 8 != 0 {
        ApiVersion::V2022_01
    } else {
        ApiVersion::Latest
    };
    let profile = if b & 16 != 0 {
        Profile::Model
    } else {
        Profile::Documented
    };
    let (now_ms, rest) = if b & 32 != 0 {
        let (now, rest) = rest.split_first_chunk::<8>()?;
        (Some(i64::from_le_bytes(*now)), rest)
    } else {
        (None, rest)
    };
    Some((
        op,
        Options::default()
            .with_api(api)
            .with_profile(profile)
            .with_now_ms(now_ms),
        rest,
    ))
}

/// The inverse of [`head`]: the bytes that [`head`] reads as `op` and `options`.
pub fn encode_head(op: Operation, options: &Options) -> Vec<u8> {
    let index = Operation::ALL.iter().position(|o| *o == op).unwrap_or(0);
    let mut b = u8::try_from(index).unwrap_or(0);
    if options.api == ApiVersion::V2022_01 {
        b |= 8;
    }
    if options.profile == Profile::Model {
        b |= 16;
    }
    if options.now_ms.is_some() {
        b |= 32;
    }
    let mut out = vec![b];
    if let Some(now) = options.now_ms {
        out.extend_from_slice(&now.to_le_bytes());
    }
    out
}

/// Splits `data` into at most `n` fields at [`SEP`] bytes (the last field
/// keeps any further separators), each read as UTF-8 with replacement
/// characters for invalid sequences.
pub fn fields(data: &[u8], n: usize) -> Vec<String> {
    data.splitn(n, |&b| b == SEP)
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .collect()
}

/// Parses a tagged answer (`{"type": "success" | "misuse" | "refused", ...}`)
/// and returns whether it is a success, panicking (a fuzz finding) when the
/// answer is not JSON, not an object, or carries another tag, or when a
/// misuse or refusal has no `error.code` string.
pub fn tagged(answer: &str) -> (bool, Value) {
    let value: Value = match serde_json::from_str(answer) {
        Ok(v) => v,
        Err(e) => panic!("the answer is not JSON ({e}): {answer}"),
    };
    let success = match value.get("type").and_then(Value::as_str) {
        Some("success") => true,
        Some("misuse" | "refused") => false,
        _ => panic!("the answer has no `type` success|misuse|refused: {answer}"),
    };
    if !success {
        assert!(
            value.pointer("/error/code").is_some_and(Value::is_string),
            "a misuse or refusal without `error.code`: {answer}"
        );
    }
    (success, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_round_trips() {
        for op in Operation::ALL {
            for api in [ApiVersion::Latest, ApiVersion::V2022_01] {
                for profile in [Profile::Documented, Profile::Model] {
                    for now_ms in [
                        None,
                        Some(0),
                        Some(-1),
                        Some(i64::MAX),
                        Some(1_767_225_600_000),
                    ] {
                        let options = Options::default()
                            .with_api(api)
                            .with_profile(profile)
                            .with_now_ms(now_ms);
                        let mut bytes = encode_head(op, &options);
                        bytes.extend_from_slice(b"{}");
                        assert_eq!(head(&bytes), Some((op, options, &b"{}"[..])));
                    }
                }
            }
        }
    }

    #[test]
    fn fields_split_at_the_separator() {
        assert_eq!(fields(b"a\0b\0c\0d", 3), ["a", "b", "c\0d"]);
        assert_eq!(fields(b"a", 3), ["a"]);
    }
}

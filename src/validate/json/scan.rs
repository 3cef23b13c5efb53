//! The scanner: strings (with the eight-bytes-at-a-time search for the
//! end), escapes, numbers and the `true`/`false`/`null` literals.

use super::error::{eof, non_finite, syntax, ParseError};
use super::parser::Parser;
use super::value::Num;

// ---------------------------------------------------------------------------
// String scanning.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Index of the first byte at or after `i` that is `"`, `\` or below 0x20,
/// or `bytes.len()` if there is none. Scans eight bytes at a time.
#[inline(always)]
fn find_special(bytes: &[u8], i: usize) -> usize {
    let Some(rest) = bytes.get(i..) else {
        return bytes.len();
    };
    let mut at = i;
    let mut words = rest.chunks_exact(8);
    for chunk in &mut words {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let v = u64::from_le_bytes(word);
        let quote = v ^ (ONES * u64::from(b'"'));
        let backslash = v ^ (ONES * u64::from(b'\\'));
        // The classic "has a zero byte" / "has a byte < n" tricks: borrows can
        // only set bits above a genuine match, so the lowest set bit is exact.
        let mask = ((quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (v.wrapping_sub(ONES * 0x20) & !v))
            & HIGHS;
        if mask != 0 {
            return at + (mask.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    for &b in words.remainder() {
        if b == b'"' || b == b'\\' || b < 0x20 {
            return at;
        }
        at += 1;
    }
    at
}

/// The value of four hex digits at `at`, if there are four.
#[inline]
fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at.checked_add(4)?)?;
    let mut value = 0u32;
    for &b in digits {
        let d = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => return None,
        };
        value = (value << 4) | u32::from(d);
    }
    Some(value)
}

impl<'a> Parser<'a> {
    #[inline(always)]
    pub(super) fn rest_starts_with(&self, at: usize, lit: &[u8]) -> bool {
        self.bytes
            .get(at..)
            .is_some_and(|rest| rest.starts_with(lit))
    }

    /// Consumes `lit` (`true`, `false` or `null`) at the current position.
    #[inline(always)]
    pub(super) fn literal(&mut self, lit: &'static str) -> Result<(), ParseError> {
        if self.rest_starts_with(self.pos, lit.as_bytes()) {
            self.pos += lit.len();
            Ok(())
        } else {
            Err(syntax(format!("expected `{lit}`"), self.pos))
        }
    }

    /// Parses a number at the current position (a `-` or a digit).
    #[inline(always)]
    pub(super) fn number(&mut self) -> Result<Num<'a>, ParseError> {
        let bytes = self.bytes;
        let start = self.pos;
        let mut i = start;
        let negative = bytes.get(i) == Some(&b'-');
        if negative {
            i += 1;
        }
        let int_start = i;
        let mut mantissa: u64 = 0;
        match bytes.get(i) {
            Some(b'0') => {
                i += 1;
                if bytes.get(i).is_some_and(u8::is_ascii_digit) {
                    return Err(syntax("leading zero in number", int_start));
                }
            }
            Some(b'1'..=b'9') => {
                while let Some(&d) = bytes.get(i) {
                    if !d.is_ascii_digit() {
                        break;
                    }
                    mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(d - b'0'));
                    i += 1;
                }
            }
            Some(b'I') if self.rest_starts_with(i, b"Infinity") => {
                return Err(non_finite("-Infinity", start));
            }
            Some(_) => return Err(syntax("expected digit after `-`", i)),
            None => return Err(eof(i)),
        }
        let int_digits = i - int_start;
        let mut integer = true;
        if bytes.get(i) == Some(&b'.') {
            integer = false;
            i += 1;
            if !bytes.get(i).is_some_and(u8::is_ascii_digit) {
                return Err(syntax("expected digit after decimal point", i));
            }
            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        if let Some(b'e' | b'E') = bytes.get(i) {
            integer = false;
            i += 1;
            if let Some(b'+' | b'-') = bytes.get(i) {
                i += 1;
            }
            if !bytes.get(i).is_some_and(u8::is_ascii_digit) {
                return Err(syntax("expected digit in exponent", i));
            }
            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        let Some(text) = self.src.get(start..i) else {
            return Err(syntax("invalid number", start));
        };
        let value = if integer && int_digits <= 15 {
            // Exact: below 2^53, so the conversion is what `parse` would give.
            #[allow(
                clippy::cast_precision_loss,
                reason = "at most 15 digits, below 2^53: the conversion is exact"
            )]
            let magnitude = mantissa as f64;
            if negative {
                -magnitude
            } else {
                magnitude
            }
        } else {
            match text.parse::<f64>() {
                Ok(v) => v,
                Err(_) => return Err(syntax("invalid number", start)),
            }
        };
        if !value.is_finite() {
            return Err(non_finite(text, start));
        }
        self.pos = i;
        Ok(Num { value, text })
    }

    /// Parses a string at the current position (a `"`); borrowed from the
    /// input if it has no escapes, decoded into the arena otherwise.
    #[inline(always)]
    pub(super) fn string(&mut self) -> Result<&'a str, ParseError> {
        match self.plain_string() {
            Ok(s) => Ok(s),
            Err(i) => self.string_slow(i),
        }
    }

    /// The fast path for a string at the current position (a `"`): if it
    /// has no escapes (and is well formed), consumes it and returns its
    /// contents; otherwise returns the offset of the first `\`, control
    /// character or the end of input, for [`Self::string_slow`].
    #[inline(always)]
    pub(super) fn plain_string(&mut self) -> Result<&'a str, usize> {
        let content = self.pos + 1;
        let i = find_special(self.bytes, content);
        if self.bytes.get(i) == Some(&b'"') {
            // Both ends are next to ASCII bytes, so this is always `Some`.
            if let Some(s) = self.src.get(content..i) {
                self.pos = i + 1;
                return Ok(s);
            }
        }
        Err(i)
    }

    /// Parses the string at the current position (a `"`) whose first `\`,
    /// control character or end of input is at `i`, decoding escapes into
    /// the arena.
    #[inline(never)]
    pub(super) fn string_slow(&mut self, i: usize) -> Result<&'a str, ParseError> {
        let open = self.pos;
        let content = open + 1;
        // The decoded text is never longer than the escaped one: one cheap
        // pass to the closing quote sizes the buffer once.
        let mut out = std::mem::take(&mut self.scratch);
        out.clear();
        out.reserve(self.string_end(i).saturating_sub(content));
        let result = self.decode(open, i, &mut out);
        self.scratch = out;
        result
    }

    /// The loop of [`Self::string_slow`], decoding into `out`.
    fn decode(
        &mut self,
        open: usize,
        mut i: usize,
        out: &mut String,
    ) -> Result<&'a str, ParseError> {
        let content = open + 1;
        let mut run = content;
        loop {
            match self.bytes.get(i) {
                Some(b'"') => {
                    if let Some(s) = self.src.get(run..i) {
                        out.push_str(s);
                    }
                    self.pos = i + 1;
                    return Ok(if self.build {
                        self.arena.alloc_str(out)
                    } else {
                        ""
                    });
                }
                Some(b'\\') => {
                    if let Some(s) = self.src.get(run..i) {
                        out.push_str(s);
                    }
                    i = self.escape(open, i, out)?;
                    run = i;
                    i = find_special(self.bytes, i);
                }
                Some(_) => return Err(syntax("control character in string", i)),
                None => return Err(syntax("unterminated string", open)),
            }
        }
    }

    /// The offset of the closing quote of the string whose first `\`,
    /// control character or end of input is at `i` (skipping each escape's
    /// next byte), or where the scan stopped if it is not well formed.
    fn string_end(&self, mut i: usize) -> usize {
        while self.bytes.get(i) == Some(&b'\\') {
            i = find_special(self.bytes, i + 2);
        }
        i
    }

    /// Decodes the escape whose `\` is at `i` into `out`; returns the offset
    /// just after it.
    #[inline(always)]
    fn escape(&self, open: usize, i: usize, out: &mut String) -> Result<usize, ParseError> {
        let decoded = match self.bytes.get(i + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode_escape(i, out),
            Some(_) => return Err(self.bad_escape(i)),
            None => return Err(syntax("unterminated string", open)),
        };
        out.push(decoded);
        Ok(i + 2)
    }

    /// The error for the escape at `i`, which is not one JSON has.
    #[cold]
    #[inline(never)]
    fn bad_escape(&self, i: usize) -> ParseError {
        let c = self.char_at(i + 1);
        let shown: String = if c.is_control() {
            c.escape_unicode().collect()
        } else {
            c.into()
        };
        syntax(format!("invalid escape `\\{shown}`"), i)
    }

    /// Decodes the `\uXXXX` escape (or surrogate pair) at `i` into `out`.
    fn unicode_escape(&self, i: usize, out: &mut String) -> Result<usize, ParseError> {
        let Some(unit) = hex4(self.bytes, i + 2) else {
            return Err(syntax(
                "invalid unicode escape, expected `\\u` and 4 hex digits",
                i,
            ));
        };
        let (code, next) = match unit {
            0xD800..=0xDBFF => {
                let low = if self.rest_starts_with(i + 6, b"\\u") {
                    match hex4(self.bytes, i + 8) {
                        Some(low) => low,
                        None => {
                            return Err(syntax(
                                "invalid unicode escape, expected `\\u` and 4 hex digits",
                                i + 6,
                            ))
                        }
                    }
                } else {
                    0
                };
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.lone_surrogate(i));
                }
                (0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), i + 12)
            }
            0xDC00..=0xDFFF => return Err(self.lone_surrogate(i)),
            _ => (unit, i + 6),
        };
        match char::from_u32(code) {
            Some(c) => {
                out.push(c);
                Ok(next)
            }
            None => Err(syntax("invalid unicode escape", i)),
        }
    }

    #[cold]
    fn lone_surrogate(&self, i: usize) -> ParseError {
        let escape = self.src.get(i..i + 6).unwrap_or("\\u");
        syntax(format!("lone surrogate `{escape}` in string"), i)
    }
}

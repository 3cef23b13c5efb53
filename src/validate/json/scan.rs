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

/// The powers of ten that are exact doubles: `10^0` to `10^22`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

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

/// Strings with escapes whose decoded text is at most this long are decoded
/// on the stack first.
const SHORT_DECODED: usize = 256;

/// Where [`Parser::string_slow`] puts the decoded bytes of a string.
trait Out {
    /// Appends `bytes`; false if they do not fit (never when the buffer is
    /// as long as the escaped text; past its end on the stack).
    fn put(&mut self, bytes: &[u8]) -> bool;
}

/// Decoding into a buffer: on the stack ([`SHORT_DECODED`] bytes) or in the
/// arena (as long as the escaped text).
struct Decoded<'b> {
    buf: &'b mut [u8],
    /// How much of `buf` is written.
    len: usize,
    /// Whether something did not fit.
    full: bool,
}

impl Out for Decoded<'_> {
    #[inline(always)]
    fn put(&mut self, bytes: &[u8]) -> bool {
        let end = self.len + bytes.len();
        match self.buf.get_mut(self.len..end) {
            Some(to) => {
                to.copy_from_slice(bytes);
                self.len = end;
                true
            }
            None => {
                self.full = true;
                false
            }
        }
    }
}

/// Escapes checked only (the tree is not built).
struct Checked;

impl Out for Checked {
    #[inline(always)]
    fn put(&mut self, _: &[u8]) -> bool {
        true
    }
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
        // Digits after the point, also read into `mantissa`.
        let mut frac_digits = 0;
        if bytes.get(i) == Some(&b'.') {
            integer = false;
            i += 1;
            if !bytes.get(i).is_some_and(u8::is_ascii_digit) {
                return Err(syntax("expected digit after decimal point", i));
            }
            let frac_start = i;
            while let Some(&d) = bytes.get(i) {
                if !d.is_ascii_digit() {
                    break;
                }
                mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(d - b'0'));
                i += 1;
            }
            frac_digits = i - frac_start;
        }
        // No exponent: the value is `mantissa / 10^frac_digits`.
        let mut plain = true;
        if let Some(b'e' | b'E') = bytes.get(i) {
            plain = false;
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
        let exact_ten = POW10.get(frac_digits).filter(|_| plain);
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
        } else if let Some(ten) = exact_ten.filter(|_| int_digits + frac_digits <= 15) {
            // A decimal fraction without exponent, of at most 15 digits: the
            // digits as an integer and the power of ten are both exact
            // doubles, so their IEEE quotient is the correctly rounded value,
            // which is what `parse` gives (Clinger's fast path).
            #[allow(
                clippy::cast_precision_loss,
                reason = "at most 15 digits, below 2^53: the conversion is exact"
            )]
            let magnitude = mantissa as f64 / ten;
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
    /// control character or end of input is at `i`, decoding escapes on
    /// the stack (then copied into the arena) or, for a long string, straight
    /// into an arena buffer; only checking them when the tree is not built.
    #[inline(never)]
    pub(super) fn string_slow(&mut self, i: usize) -> Result<&'a str, ParseError> {
        let open = self.pos;
        if !self.build {
            self.decode(open, i, &mut Checked)?;
            return Ok("");
        }
        // A short string is decoded on the stack and copied into the arena,
        // without the pass that sizes an arena buffer.
        let mut short = Decoded {
            buf: &mut [0u8; SHORT_DECODED],
            len: 0,
            full: false,
        };
        match self.decode(open, i, &mut short) {
            Ok(()) => {
                let decoded = short.buf.get(..short.len).map(std::str::from_utf8);
                return match decoded {
                    Some(Ok(s)) => Ok(self.arena.alloc_str(s)),
                    _ => Err(syntax("invalid string", open)),
                };
            }
            Err(e) if !short.full => return Err(e),
            // Longer than the stack buffer: decoded again below.
            Err(_) => {}
        }
        // The decoded text is never longer than the escaped one: one cheap
        // pass to the closing quote sizes the arena buffer once.
        let room = self.string_end(i).saturating_sub(open + 1);
        let mut out = Decoded {
            buf: self.arena.alloc_slice_fill_copy(room, 0u8),
            len: 0,
            full: false,
        };
        self.decode(open, i, &mut out)?;
        let Decoded { buf, len, .. } = out;
        let buf: &'a [u8] = buf;
        // Runs of the input and whole encoded chars: always UTF-8.
        match buf.get(..len).map(std::str::from_utf8) {
            Some(Ok(s)) => Ok(s),
            _ => Err(syntax("invalid string", open)),
        }
    }

    /// The loop of [`Self::string_slow`], decoding into `out`.
    fn decode<O: Out>(&mut self, open: usize, mut i: usize, out: &mut O) -> Result<(), ParseError> {
        let content = open + 1;
        let mut run = content;
        loop {
            match self.bytes.get(i) {
                Some(b'"') => {
                    if !out.put(self.bytes.get(run..i).unwrap_or_default()) {
                        return Err(syntax("invalid string", open));
                    }
                    self.pos = i + 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    if !out.put(self.bytes.get(run..i).unwrap_or_default()) {
                        return Err(syntax("invalid string", open));
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
    fn escape<O: Out>(&self, open: usize, i: usize, out: &mut O) -> Result<usize, ParseError> {
        let decoded = match self.bytes.get(i + 1) {
            Some(b'"') => b'"',
            Some(b'\\') => b'\\',
            Some(b'/') => b'/',
            Some(b'b') => 0x08,
            Some(b'f') => 0x0c,
            Some(b'n') => b'\n',
            Some(b'r') => b'\r',
            Some(b't') => b'\t',
            Some(b'u') => return self.unicode_escape(open, i, out),
            Some(_) => return Err(self.bad_escape(i)),
            None => return Err(syntax("unterminated string", open)),
        };
        if out.put(&[decoded]) {
            Ok(i + 2)
        } else {
            Err(syntax("invalid string", open))
        }
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
    fn unicode_escape<O: Out>(
        &self,
        open: usize,
        i: usize,
        out: &mut O,
    ) -> Result<usize, ParseError> {
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
                if out.put(c.encode_utf8(&mut [0; 4]).as_bytes()) {
                    Ok(next)
                } else {
                    Err(syntax("invalid string", open))
                }
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

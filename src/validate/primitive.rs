//! Primitive checks that every shape shares: whole-value patterns with the
//! Java character classes of the AWS model translated exactly, decimal
//! places, and the "did you mean" distance.

#[path = "unicode_classes.rs"]
mod unicode_classes;

/// The patterns that occur in the seven operations' input shapes.
///
/// AWS applies a model pattern to the whole value (Java `matches`), so each
/// matcher here is anchored at both ends. Character classes follow Java's
/// `\p{..}` general categories of Unicode 16.0.0 (the table in
/// `unicode_classes.rs`, generated from the `unicode-general-category`
/// crate), which decides what "unassigned" (`Cn`) means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pattern {
    /// `[a-zA-Z0-9_-]+` (JobId, JobTemplateId, NamespaceId, ParameterKey).
    Id,
    /// `[a-zA-Z0-9:_-]+` (ThingName).
    ThingName,
    /// `[^\p{C}]+` (JobDescription, ParameterValue): no control, format,
    /// surrogate, private-use or unassigned code point, and not empty.
    NoControl,
    /// `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$` (TagKey).
    TagKey,
    /// `^arn:[!-~]+$` (JobTemplateArn, PackageVersionArn).
    Arn,
    /// `[\p{Upper}\p{Digit}_]+` (ReasonCode): Java's POSIX classes, so
    /// `A`-`Z`, `0`-`9` and `_`, and not empty.
    ReasonCode,
}

impl Pattern {
    /// The pattern exactly as written in the AWS model.
    pub(crate) fn source(self) -> &'static str {
        match self {
            Pattern::Id => "[a-zA-Z0-9_-]+",
            Pattern::ThingName => "[a-zA-Z0-9:_-]+",
            Pattern::NoControl => "[^\\p{C}]+",
            Pattern::TagKey => "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$",
            Pattern::Arn => "^arn:[!-~]+$",
            Pattern::ReasonCode => "[\\p{Upper}\\p{Digit}_]+",
        }
    }

    /// Whether the whole of `s` matches.
    pub(crate) fn matches(self, s: &str) -> bool {
        match self {
            Pattern::Id => !s.is_empty() && every_byte(s, is_id_byte),
            Pattern::ThingName => !s.is_empty() && every_byte(s, |b| is_id_byte(b) || b == b':'),
            Pattern::NoControl => {
                // Printable ASCII is never `\p{C}`: one branch-free pass
                // decides the common case; anything else goes char by char.
                !s.is_empty()
                    && (every_byte(s, |b| (b' '..=b'~').contains(&b))
                        || s.chars().all(|c| !is_other(c)))
            }
            Pattern::TagKey if s.is_ascii() => every_byte(s, is_tag_key_byte),
            Pattern::TagKey => s.chars().all(is_tag_key_char),
            Pattern::Arn => s.strip_prefix("arn:").is_some_and(|rest| {
                !rest.is_empty() && every_byte(rest, |b| (b'!'..=b'~').contains(&b))
            }),
            Pattern::ReasonCode => {
                !s.is_empty()
                    && every_byte(s, |b| {
                        b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'
                    })
            }
        }
    }

    /// The first character of `s` that breaks the pattern, for messages.
    pub(crate) fn first_offender(self, s: &str) -> Option<char> {
        match self {
            Pattern::Arn if !s.starts_with("arn:") => None,
            Pattern::Arn => s.chars().skip(4).find(|c| !('!'..='~').contains(c)),
            _ => s
                .chars()
                .find(|&c| !self.matches(c.encode_utf8(&mut [0; 4]))),
        }
    }
}

/// Whether every byte of `s` satisfies `ok`: `all` without the early
/// exit, which the compiler vectorises (valid values, the common case, are
/// read to the end anyway).
fn every_byte(s: &str, ok: impl Fn(u8) -> bool) -> bool {
    s.bytes().fold(true, |all, b| all & ok(b))
}

fn is_id_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Java `\p{C}`: Cc, Cf, Cs, Co and Cn.
pub(crate) fn is_other(c: char) -> bool {
    if (' '..='~').contains(&c) {
        return false;
    }
    unicode_class(c) == CLASS_OTHER
}

/// The class of Java `\p{C}` in [`unicode_classes`].
const CLASS_OTHER: u32 = 1;
/// The class of `\p{L}\p{Z}\p{N}` in [`unicode_classes`].
const CLASS_LETTER_SEPARATOR_NUMBER: u32 = 2;

/// The class of `c` in [`unicode_classes`] (Unicode 16.0.0):
/// [`CLASS_OTHER`], [`CLASS_LETTER_SEPARATOR_NUMBER`] or 0 (neither): 2
/// bits in the block that holds `c`.
fn unicode_class(c: char) -> u32 {
    use unicode_classes::{BLOCK, BLOCKS, BLOCK_INDEX};
    let Ok(c) = usize::try_from(u32::from(c)) else {
        return CLASS_OTHER;
    };
    let Some(&block) = BLOCK_INDEX.get(c / BLOCK) else {
        return CLASS_OTHER;
    };
    BLOCKS
        .get(usize::from(block) * (BLOCK / 4) + c % BLOCK / 4)
        .map_or(CLASS_OTHER, |byte| u32::from(byte >> (2 * (c % 4)) & 3))
}

/// `[\p{L}\p{Z}\p{N}_.:/=+\-@]`.
/// [`is_tag_key_char`] for an ASCII byte.
fn is_tag_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b' ' | b'_' | b'.' | b':' | b'/' | b'=' | b'+' | b'-' | b'@'
        )
}

fn is_tag_key_char(c: char) -> bool {
    if let Ok(b) = u8::try_from(c) {
        if b.is_ascii() {
            return is_tag_key_byte(b);
        }
    }
    unicode_class(c) == CLASS_LETTER_SEPARATOR_NUMBER
}

/// Number of digits after the decimal point in the shortest round-trip
/// decimal form of `x` (what both Rust's `Display` and JavaScript's
/// `Number.prototype.toString` denote), so `1.50` counts 1 and `2.0` counts 0.
pub(crate) fn decimal_places(x: f64) -> u32 {
    let s = format!("{x}");
    match s.split_once('.') {
        Some((_, frac)) => u32::try_from(frac.len()).unwrap_or(u32::MAX),
        None => 0,
    }
}

/// `x` with exactly `places` digits after the point, as `format!("{x:.places$}")`
/// writes it (the exact binary value rounded half to even), computed in
/// integers for the common case (positive normal numbers, at most three
/// places) instead of by the formatter's big-number fallback; anything else
/// is formatted.
pub(crate) fn fixed(x: f64, places: usize) -> String {
    const SCALE: [u64; 4] = [1, 10, 100, 1000];
    let bits = x.to_bits();
    let biased = (bits >> 52) & 0x7FF;
    let (Some(&scale), false, 1..=0x7FE) = (SCALE.get(places), bits >> 63 == 1, biased) else {
        return format!("{x:.places$}");
    };
    // x = m · 2^q exactly, m < 2^53, so m · 1000 < 2^63. In 64 bits (not
    // 128, whose division and printing would add about 3 KB to the .wasm,
    // #12): a result that does not fit is formatted.
    let m = bits & ((1 << 52) - 1) | 1 << 52;
    let q = i64::try_from(biased).unwrap_or(0) - 1075;
    let scaled = m * scale;
    let n = match q {
        // Exact while no bit is shifted out.
        0..=63 if q <= i64::from(scaled.leading_zeros()) => scaled << q,
        -63..=-1 => {
            let shift = q.unsigned_abs();
            let whole = scaled >> shift;
            let rest = scaled & ((1u64 << shift) - 1);
            let half = 1u64 << (shift - 1);
            whole + u64::from(rest > half || (rest == half && whole & 1 == 1))
        }
        // Half of 2^64 or more exceeds `scaled`: rounds to 0.
        ..=-64 => 0,
        _ => return format!("{x:.places$}"),
    };
    let mut out = (n / scale).to_string();
    if places > 0 {
        let frac = (n % scale).to_string();
        out.reserve(places + 1);
        out.push('.');
        for _ in frac.len()..places {
            out.push('0');
        }
        out.push_str(&frac);
    }
    out
}

/// [`decimal_places`] of the number literal `text`, whose value is `x`,
/// without formatting `x` when the literal settles it: a plain decimal
/// (`-?digits[.digits]`, no exponent) of at most 15 digits is its own
/// shortest round-trip form once trailing zeros after the point are dropped
/// (every decimal of at most 15 significant digits survives the trip through
/// an `f64`, so no shorter one denotes the same `f64`). Anything else is
/// formatted.
pub(crate) fn decimal_places_of(text: &str, x: f64) -> u32 {
    let digits = text.strip_prefix('-').unwrap_or(text);
    // By bytes: cheaper than `split_once('.')` on a number's few bytes.
    let (int, frac) = match digits.bytes().position(|b| b == b'.') {
        Some(dot) => (
            digits.get(..dot).unwrap_or(digits),
            digits.get(dot + 1..).unwrap_or(""),
        ),
        None => (digits, ""),
    };
    let plain = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && int.len() + frac.len() <= 15;
    if !plain {
        return decimal_places(x);
    }
    let kept = frac.trim_end_matches('0').len();
    // INVARIANT: at most 15 (checked above).
    u32::try_from(kept).unwrap_or(u32::MAX)
}

/// Levenshtein distance, ASCII-case-insensitive, bounded for speed.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).take(64).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).take(64).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        if let Some(first) = cur.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = sub.min(del).min(ins);
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().unwrap_or(0)
}

/// The most bytes of each side an edit distance looks at (as
/// [`edit_distance`], which takes 64 characters).
const MAX_DISTANCE_LEN: usize = 64;

/// An ASCII text (at most [`MAX_DISTANCE_LEN`] bytes, lowercased) set up
/// for Myers' bit-parallel edit distance (Hyyrö's formulation for the
/// whole of both texts): the distance to any other ASCII text takes one
/// pass of a few word operations per byte of that text, where the dynamic
/// programme takes a row per byte of this one. Built once per `given` in
/// [`closest`], which asks it about every candidate.
struct BitPattern {
    /// Bit `i` of entry `c`: byte `i` of the text is `c`.
    peq: [u64; 128],
    /// The text's length in bytes (at most 64).
    len: usize,
}

impl BitPattern {
    /// `None` when `text` is not ASCII (see [`edit_distance`] then).
    fn new(text: &str) -> Option<BitPattern> {
        if !text.is_ascii() {
            return None;
        }
        let bytes = text.as_bytes();
        let bytes = bytes.get(..MAX_DISTANCE_LEN).unwrap_or(bytes);
        let mut peq = [0u64; 128];
        for (i, &c) in bytes.iter().enumerate() {
            if let Some(bits) = peq.get_mut(usize::from(c.to_ascii_lowercase())) {
                *bits |= 1 << i;
            }
        }
        Some(BitPattern {
            peq,
            len: bytes.len(),
        })
    }

    /// [`edit_distance`] from this text to `other`, or `None` when `other`
    /// is not ASCII.
    fn distance(&self, other: &str) -> Option<usize> {
        if !other.is_ascii() {
            return None;
        }
        let other = other.as_bytes();
        let other = other.get(..MAX_DISTANCE_LEN).unwrap_or(other);
        let Some(top) = self.len.checked_sub(1).map(|i| 1u64 << i) else {
            return Some(other.len());
        };
        // Bit `i` of `pv`/`mv`: entry (i + 1, j) of the table is one more /
        // one less than entry (i, j); of `ph`/`mh`, (i + 1, j) than
        // (i + 1, j - 1). `score` follows the last row.
        let (mut pv, mut mv, mut score) = (!0u64, 0u64, self.len);
        for &c in other {
            let eq = self
                .peq
                .get(usize::from(c.to_ascii_lowercase()))
                .copied()
                .unwrap_or(0);
            let xv = eq | mv;
            let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
            let ph = mv | !(xh | pv);
            let mh = pv & xh;
            if ph & top != 0 {
                score += 1;
            } else if mh & top != 0 {
                score = score.saturating_sub(1);
            }
            // Row 0 grows by one per byte of `other`: a `+1` comes in below.
            let ph = (ph << 1) | 1;
            let mh = mh << 1;
            pv = mh | !(xv | ph);
            mv = ph & xv;
        }
        Some(score)
    }
}

/// [`edit_distance`] when it is at most `bound`, else `None`; ASCII text
/// (the member names and enum values it is asked about) through
/// [`BitPattern`], without allocation.
#[cfg(test)]
fn distance_within(a: &str, b: &str, bound: usize) -> Option<usize> {
    BitPattern::new(a)
        .and_then(|p| p.distance(b))
        .or_else(|| Some(edit_distance(a, b)))
        .filter(|d| *d <= bound)
}

/// The closest candidate within a distance of a third of its length (at least 2);
/// of equally close ones, the first. Candidates whose length alone rules
/// them out are skipped before the distance is computed, and once one is
/// found, the others are only asked whether they are strictly closer.
pub(crate) fn closest<'c>(
    given: &str,
    candidates: impl Iterator<Item = &'c str>,
) -> Option<&'c str> {
    let len = given.chars().count();
    let mut pattern: Option<Option<BitPattern>> = None;
    let mut best: Option<(usize, &'c str)> = None;
    for c in candidates {
        let mut bound = (c.len() / 3).max(2);
        if len.abs_diff(c.len()) > bound {
            continue;
        }
        if let Some((d, _)) = best {
            match d.checked_sub(1) {
                Some(closer) => bound = bound.min(closer),
                // Nothing is closer than an equal (case aside).
                None => break,
            }
        }
        // Set up on the first candidate that gets this far (most calls
        // with no close candidate never need it).
        let p = pattern.get_or_insert_with(|| BitPattern::new(given));
        let d = p
            .as_ref()
            .and_then(|p| p.distance(c))
            .unwrap_or_else(|| edit_distance(given, c));
        if d <= bound {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Renders a value for a message: control and other invisible code points
/// escaped (`\u{7}`), at most 64 characters, then `…`.
pub(crate) fn excerpt(s: &str) -> String {
    let mut out = String::new();
    push_excerpt(&mut out, s);
    out
}

/// Appends [`excerpt`]`(s)` to `out`.
pub(crate) fn push_excerpt(out: &mut String, s: &str) {
    const MAX: usize = 64;
    // Printable ASCII is written as it is: one byte, one character.
    if s.len() <= MAX && s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        out.push_str(s);
        return;
    }
    out.reserve(s.len().min(4 * MAX));
    for (i, c) in s.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        if is_other(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
}

/// Appends the decimal digits of `n` (what `{n}` writes, without the
/// formatting machinery).
pub(crate) fn push_usize(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        if let Some(d) = digits.get_mut(start) {
            // `n % 10` is below 10: the cast cannot truncate.
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || start == 0 {
            break;
        }
    }
    // ASCII digits: always UTF-8.
    out.push_str(std::str::from_utf8(digits.get(start..).unwrap_or(&[])).unwrap_or(""));
}

/// The six `:`-separated parts of an ARN
/// (`arn:partition:service:region:account:resource`; the resource keeps any
/// further `:`), or `None` when there are fewer.
pub(crate) fn arn_parts(s: &str) -> Option<[&str; 6]> {
    // `splitn(6, ':')` by bytes (`:` is ASCII, so every cut is a char
    // boundary), in one pass over the bytes up to the fifth colon.
    let mut colons = [0usize; 5];
    let mut found = 0;
    for (i, b) in s.bytes().enumerate() {
        if b == b':' {
            if let Some(c) = colons.get_mut(found) {
                *c = i;
            }
            found += 1;
            if found == colons.len() {
                break;
            }
        }
    }
    if found < colons.len() {
        return None;
    }
    let [a, b, c, d, e] = colons;
    Some([
        s.get(..a)?,
        s.get(a + 1..b)?,
        s.get(b + 1..c)?,
        s.get(c + 1..d)?,
        s.get(d + 1..e)?,
        s.get(e + 1..)?,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both predicates over the generated table agree with the
    /// `unicode-general-category` crate (a dev-dependency) for every `char`.
    #[test]
    fn the_unicode_predicates_agree_with_the_general_categories_for_every_char() {
        use unicode_general_category::{get_general_category, GeneralCategory as G};
        let mut counts = [0usize; 2];
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let category = get_general_category(c);
            let other = matches!(
                category,
                G::Control | G::Format | G::Surrogate | G::PrivateUse | G::Unassigned
            );
            let tag_key = matches!(
                category,
                G::UppercaseLetter
                    | G::LowercaseLetter
                    | G::TitlecaseLetter
                    | G::ModifierLetter
                    | G::OtherLetter
                    | G::SpaceSeparator
                    | G::LineSeparator
                    | G::ParagraphSeparator
                    | G::DecimalNumber
                    | G::LetterNumber
                    | G::OtherNumber
            ) || "_.:/=+-@".contains(c);
            assert_eq!(is_other(c), other, "{c:?}");
            assert_eq!(is_tag_key_char(c), tag_key, "{c:?}");
            counts[0] += usize::from(other);
            counts[1] += usize::from(tag_key);
        }
        // Unicode 16.0.0's sizes of the two classes (`char`s, so without
        // the surrogates): the comparison above saw both, in full.
        assert_eq!(counts, [957_236, 142_966]);
    }

    #[test]
    fn id_patterns_match_whole_values() {
        assert!(Pattern::Id.matches("job-1_A"));
        assert!(!Pattern::Id.matches("my job"));
        assert!(!Pattern::Id.matches(""));
        assert!(!Pattern::Id.matches("job:1"));
        assert!(Pattern::ThingName.matches("thing:1"));
        assert_eq!(Pattern::Id.first_offender("my job"), Some(' '));
    }

    #[test]
    fn reason_code_is_upper_digit_underscore() {
        assert!(Pattern::ReasonCode.matches("ABORT_CRITERIA_MET_2"));
        assert!(!Pattern::ReasonCode.matches(""));
        assert!(!Pattern::ReasonCode.matches("not upper"));
        assert!(!Pattern::ReasonCode.matches("ÉTAT")); // \p{Upper} is [A-Z] in Java
        assert!(!Pattern::ReasonCode.matches("٣")); // \p{Digit} is [0-9] in Java
        assert_eq!(Pattern::ReasonCode.first_offender("OK-1"), Some('-'));
    }

    #[test]
    fn no_control_is_java_p_c() {
        assert!(Pattern::NoControl.matches("Ünïcode ✓ text"));
        assert!(!Pattern::NoControl.matches(""));
        assert!(!Pattern::NoControl.matches("tab\there")); // Cc
        assert!(!Pattern::NoControl.matches("zero\u{200B}width")); // Cf
        assert!(!Pattern::NoControl.matches("private\u{E000}")); // Co
        assert!(!Pattern::NoControl.matches("unassigned\u{0378}")); // Cn
        assert!(!Pattern::NoControl.matches("bom\u{FEFF}")); // Cf
    }

    #[test]
    fn tag_key_class() {
        assert!(Pattern::TagKey.matches("env:prod/tier=1+a@b_c.d-e"));
        assert!(Pattern::TagKey.matches("ключ ١٢٣")); // letters, space, Arabic-Indic digits
        assert!(Pattern::TagKey.matches(""));
        assert!(!Pattern::TagKey.matches("a#b"));
        assert!(!Pattern::TagKey.matches("a\tb"));
        assert!(Pattern::TagKey.matches("a\u{2028}b")); // Zl
    }

    #[test]
    fn arn_pattern() {
        assert!(Pattern::Arn.matches("arn:aws:iot:us-east-1:123456789012:jobtemplate/t"));
        assert!(!Pattern::Arn.matches("arn:"));
        assert!(!Pattern::Arn.matches("arn:has space"));
        assert!(!Pattern::Arn.matches("xarn:a"));
    }

    #[test]
    fn decimal_places_use_shortest_form() {
        assert_eq!(decimal_places(1.5), 1);
        assert_eq!(decimal_places(2.0), 0);
        assert_eq!(decimal_places(1.55), 2);
        assert_eq!(decimal_places(10.999), 3);
        assert_eq!(decimal_places(0.1 + 0.2), 17);
    }

    #[test]
    fn decimal_places_of_literals_agree_with_the_formatted_value() {
        for text in [
            "0",
            "-0",
            "-0.0",
            "1",
            "1.0",
            "1.50",
            "12.5",
            "25",
            "0.000001",
            "100",
            "1.55",
            "10.999",
            "123456789012345",
            "12345678901234.5",
            "1234567890123456.5",
            "0.1234567890123456789",
            "1e2",
            "1.5e-3",
            "1E+2",
            "-2.250",
            "99.99000",
            "0.30000000000000004",
        ] {
            let x: f64 = text.parse().unwrap();
            assert_eq!(decimal_places_of(text, x), decimal_places(x), "{text}");
        }
        assert_eq!(decimal_places_of("1.50", 1.5), 1);
        assert_eq!(
            decimal_places_of("0.1234567890123456789", 0.123_456_789_012_345_68),
            17
        );
    }

    #[test]
    fn byte_fast_paths_agree_with_the_char_definitions() {
        for c in (0..0x300u32).filter_map(char::from_u32) {
            let one = c.to_string();
            assert_eq!(Pattern::TagKey.matches(&one), is_tag_key_char(c), "{c:?}");
            assert_eq!(Pattern::NoControl.matches(&one), !is_other(c), "{c:?}");
            for s in [format!("ab{c}cd"), format!("{c}-é")] {
                let want = s.chars().all(is_tag_key_char);
                assert_eq!(Pattern::TagKey.matches(&s), want, "{s:?}");
                let want = s.chars().all(|c| !is_other(c));
                assert_eq!(Pattern::NoControl.matches(&s), want, "{s:?}");
            }
        }
        assert!(!Pattern::TagKey.matches("a#b") && !Pattern::NoControl.matches("a\u{7f}"));
    }

    #[test]
    fn arn_parts_keeps_further_colons_in_the_resource() {
        assert_eq!(
            arn_parts("arn:aws:iot:eu-west-1:123456789012:thing/a:b"),
            Some([
                "arn",
                "aws",
                "iot",
                "eu-west-1",
                "123456789012",
                "thing/a:b"
            ])
        );
        assert_eq!(arn_parts("arn:aws:iot::"), None);
        assert_eq!(
            arn_parts("arn:aws:iot:::"),
            Some(["arn", "aws", "iot", "", "", ""])
        );
        assert_eq!(arn_parts(":::::"), Some([""; 6]));
        assert_eq!(
            arn_parts("é:é:é:é:é:é:é"),
            Some(["é", "é", "é", "é", "é", "é:é"])
        );
    }

    #[test]
    fn fixed_writes_what_the_formatter_writes() {
        let mut xs = vec![
            0.0,
            0.5,
            1.5,
            2.5,
            0.125,
            0.375,
            0.625,
            1.55,
            12.555,
            1.05,
            0.25,
            0.75,
            99.995,
            100.0,
            1e-7,
            5e-324,
            1e15,
            1e17,
            1.7976931348623157e308,
            4503599627370495.5,
            9007199254740993.0,
            1e-20,
            3e-21,
            0.001,
            0.0005,
            0.0015,
            -1.25,
            -0.01,
            f64::MIN_POSITIVE,
            // About the 64-bit bounds of the integer path.
            18446744073709551.0,
            18446744073709552.0,
            9223372036854775808.0,
            18446744073709551616.0,
            1.5e-19,
            1e-300,
        ];
        // A deterministic spread over many magnitudes and mantissas.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let exp = (state >> 52) % 90;
            let x = f64::from_bits((state & ((1 << 52) - 1)) | ((1000 + exp) << 52));
            xs.push(x);
            // Decimal-looking values, the kind requests carry.
            xs.push((state % 1_000_000) as f64 / 1000.0);
        }
        for x in xs {
            for places in 0..=4 {
                assert_eq!(fixed(x, places), format!("{x:.places$}"), "{x:e} {places}");
            }
        }
    }

    #[test]
    fn closest_is_the_first_of_the_closest_as_before() {
        // The former definition: every candidate's full distance, first minimum.
        fn reference<'c>(given: &str, candidates: &[&'c str]) -> Option<&'c str> {
            let len = given.chars().count();
            candidates
                .iter()
                .copied()
                .filter(|c| len.abs_diff(c.len()) <= (c.len() / 3).max(2))
                .map(|c| (edit_distance(given, c), c))
                .filter(|(d, c)| *d <= (c.len() / 3).max(2))
                .min_by_key(|(d, _)| *d)
                .map(|(_, c)| c)
        }
        let names = [
            "jobId",
            "targets",
            "documentSource",
            "document",
            "description",
            "presignedUrlConfig",
            "targetSelection",
            "jobExecutionsRolloutConfig",
            "abortConfig",
            "timeoutConfig",
            "tags",
            "namespaceId",
            "jobTemplateArn",
            "jobExecutionsRetryConfig",
            "documentParameters",
            "schedulingConfig",
            "destinationPackageVersions",
            "JOBID",
            "jobid",
            "abc",
            "abd",
            "abe",
        ];
        let mut given: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        for n in names {
            given.push(n.to_uppercase());
            given.push(format!("{n}s"));
            given.push(n.chars().skip(1).collect());
            given.push(n.chars().rev().collect());
        }
        given.extend(
            [
                "jobExecutionRetryConfig",
                "abx",
                "ab",
                "",
                "x",
                "tag",
                "targetselection",
            ]
            .map(String::from),
        );
        for g in &given {
            for k in 0..names.len() {
                // Every rotation of the candidates, so that ties come in each order.
                let mut c = names.to_vec();
                c.rotate_left(k);
                assert_eq!(closest(g, c.iter().copied()), reference(g, &c), "{g:?} {k}");
            }
        }
    }

    #[test]
    fn bounded_distance_agrees_with_the_full_one() {
        let words = [
            "",
            "a",
            "jobId",
            "jobid",
            "JOBID",
            "jobExecutionsRetryConfig",
            "jobExecutionRetryConfig",
            "jobExecutionsRolloutConfig",
            "timeoutConfig",
            "timeoutconfig",
            "targets",
            "target",
            "documentSource",
            "document",
            "abortConfig",
            "abrotConfig",
            "tags",
            "tgas",
            "SNAPSHOT",
            "snapshot",
            "CONTINUOUS",
            "continous",
            "déjà",
            "deja",
            "naïve",
            "x\u{7}y",
        ];
        let long = "ab".repeat(40);
        let long2 = format!("{}c", "ab".repeat(39));
        let mut all: Vec<&str> = words.to_vec();
        all.push(&long);
        all.push(&long2);
        for a in &all {
            for b in &all {
                let full = edit_distance(a, b);
                for bound in 0..8 {
                    let want = Some(full).filter(|d| *d <= bound);
                    assert_eq!(distance_within(a, b, bound), want, "{a:?} {b:?} {bound}");
                }
                assert_eq!(distance_within(a, b, usize::MAX), Some(full), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn bit_parallel_distance_agrees_with_the_full_one_on_random_pairs() {
        // Short words over a three-letter alphabet (case mixed), so that
        // distances of every size come up; and lengths past 64 bytes.
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        let word = |next: &mut dyn FnMut(u64) -> u64, max: u64| -> String {
            let len = next(max);
            (0..len)
                .map(|_| ['a', 'b', 'c', 'A', 'B'][next(5) as usize])
                .collect()
        };
        let mut checked = 0;
        for round in 0..4000 {
            let max = if round % 50 == 0 { 80 } else { 14 };
            let a = word(&mut next, max);
            let b = word(&mut next, max);
            let full = edit_distance(&a, &b);
            for bound in 0..10 {
                let want = Some(full).filter(|d| *d <= bound);
                assert_eq!(distance_within(&a, &b, bound), want, "{a:?} {b:?} {bound}");
                checked += usize::from(want.is_some());
            }
            assert_eq!(
                distance_within(&a, &b, usize::MAX),
                Some(full),
                "{a:?} {b:?}"
            );
        }
        // Enough pairs within a bound that the exact values were compared.
        assert!(checked > 4000, "{checked}");
    }

    #[test]
    fn excerpt_escapes_and_truncates() {
        assert_eq!(excerpt("a\u{7}b"), "a\\u{7}b");
        assert_eq!(excerpt(&"x".repeat(70)), format!("{}…", "x".repeat(64)));
        assert_eq!(excerpt("é"), "é");
    }

    #[test]
    fn closest_suggests_typos() {
        let names = [
            "jobExecutionsRetryConfig",
            "jobExecutionsRolloutConfig",
            "timeoutConfig",
        ];
        assert_eq!(
            closest("jobExecutionRetryConfig", names.iter().copied()),
            Some("jobExecutionsRetryConfig")
        );
        assert_eq!(
            closest("timeoutconfig", names.iter().copied()),
            Some("timeoutConfig")
        );
        assert_eq!(closest("zzz", names.iter().copied()), None);
    }
}

//! The parser's tests.

use crate::test_rng::Rng;

use super::error::ParseError;
use super::value::{Num, Span, NO_SPAN};
use super::*;

const DEPTH: usize = 64;

/// [`super::parse_str`] with an arena of its own, leaked so that the tree
/// lives as long as the input (a test's trees are small).
/// Also checks that [`check_syntax`] gives the same verdict and error.
fn parse_str(s: &str, depth: usize) -> Result<Node<'_>, ParseError> {
    let parsed = super::parse_str(s, depth, Box::leak(Box::new(Arena::new())));
    let checked = check_syntax(s, depth);
    assert_eq!(
        checked.as_ref().err(),
        parsed.as_ref().err(),
        "check_syntax on {s:?}"
    );
    parsed
}

/// [`super::parse`] with an arena of its own, as [`parse_str`].
fn parse(b: &[u8], depth: usize) -> Result<Node<'_>, ParseError> {
    super::parse(b, depth, Box::leak(Box::new(Arena::new())))
}

fn p(s: &str) -> Node<'_> {
    match parse_str(s, DEPTH) {
        Ok(n) => n,
        Err(e) => panic!("{s:?} should parse, got {e}"),
    }
}

fn err(s: &str) -> ParseError {
    match parse_str(s, DEPTH) {
        Ok(n) => panic!("{s:?} should fail, got {n:?}"),
        Err(e) => e,
    }
}

fn syntax_err(s: &str) -> (String, usize) {
    let e = err(s);
    match e.kind {
        ParseErrorKind::Syntax(msg) => (msg, e.offset),
        other => panic!("{s:?}: expected a syntax error, got {other:?}"),
    }
}

fn sp(start: usize, end: usize) -> Span {
    Span::new(start, end)
}

/// Converts a tree to serde_json (numbers via serde_json's own parser on
/// the literal, so the number kinds match what serde_json produces).
fn to_serde(node: &Node<'_>) -> serde_json::Value {
    match &node.value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Number(n) => serde_json::from_str(n.text).unwrap(),
        Value::String(s) => serde_json::Value::String(s.to_string()),
        Value::Array(items) => serde_json::Value::Array(items.iter().map(to_serde).collect()),
        Value::Object(entries) => serde_json::Value::Object(
            entries
                .iter()
                .map(|e| (e.key.to_string(), to_serde(&e.value)))
                .collect(),
        ),
    }
}

/// Checks that the text under every span re-parses to the same value
/// (and every key span to the key), recursively.
fn check_spans(doc: &str, node: &Node<'_>) {
    let text = &doc[node.span.start()..node.span.end()];
    let again = parse_str(text, usize::MAX).unwrap();
    assert_eq!(to_serde(&again), to_serde(node), "{text}");
    match &node.value {
        Value::Array(items) => items.iter().for_each(|n| check_spans(doc, n)),
        Value::Object(entries) => {
            for e in *entries {
                let key_text = &doc[e.key_span.start()..e.key_span.end()];
                assert_eq!(parse_str(key_text, 0).unwrap().as_str(), Some(e.key));
                assert!(e.key_span.end() <= e.value.span.start());
                check_spans(doc, &e.value);
            }
        }
        _ => {}
    }
}

fn num(n: &Node<'_>) -> (f64, String) {
    match &n.value {
        Value::Number(x) => (x.value, x.text.to_string()),
        other => panic!("not a number: {other:?}"),
    }
}

// ----- top level and whitespace ---------------------------------------

#[test]
fn any_top_level_value() {
    assert_eq!(p("null").value, Value::Null);
    assert_eq!(p("true").value, Value::Bool(true));
    assert_eq!(p("false").value, Value::Bool(false));
    assert_eq!(p("\"x\"").value, Value::String("x"));
    assert_eq!(p("12").as_f64(), Some(12.0));
    assert_eq!(p("[]").value, Value::Array(&[]));
    assert_eq!(p("{}").value, Value::Object(&[]));
    assert_eq!(p(" \t\r\n 7 \t\r\n ").span, sp(5, 6));
}

#[test]
fn only_four_whitespace_chars() {
    assert!(parse_str(
        " \t\n\r[ \t\n\r1 \t\n\r, \t\n\r{ \t\n\r\"a\" \t\n\r: \t\n\r2 \t\n\r} \t\n\r] \t\n\r",
        DEPTH
    )
    .is_ok());
    for ws in [
        "\u{c}", "\u{b}", "\u{a0}", "\u{2028}", "\u{feff}", "\u{3000}",
    ] {
        let (msg, off) = syntax_err(&format!("[{ws}1]"));
        assert!(msg.starts_with("expected value, found"), "{ws:?}: {msg}");
        assert_eq!(off, 1);
        let doc = format!("[1{ws}]");
        let (msg, off) = syntax_err(&doc);
        assert_eq!(msg, "expected `,` or `]` after array element");
        assert_eq!(off, 2);
        let (msg, _) = syntax_err(&format!("1{ws}"));
        assert_eq!(msg, "trailing characters after the value");
    }
}

#[test]
fn empty_and_incomplete_input() {
    for (doc, off) in [
        ("", 0),
        ("   ", 3),
        ("[", 1),
        ("[1", 2),
        ("[1,", 3),
        ("{", 1),
        ("{\"a\"", 4),
        ("{\"a\":", 5),
        ("{\"a\":1", 6),
        ("{\"a\":1,", 7),
        ("-", 1),
    ] {
        assert_eq!(
            syntax_err(doc),
            ("unexpected end of input".into(), off),
            "{doc:?}"
        );
    }
    assert_eq!(syntax_err("[\"ab"), ("unterminated string".into(), 1));
    assert_eq!(syntax_err("\"a\\"), ("unterminated string".into(), 0));
    assert_eq!(syntax_err("\"a\\n"), ("unterminated string".into(), 0));
}

#[test]
fn trailing_characters() {
    assert_eq!(
        syntax_err("{} x"),
        ("trailing characters after the value".into(), 3)
    );
    assert_eq!(syntax_err("1 2").1, 2);
    assert_eq!(syntax_err("{}}").1, 2);
    assert_eq!(syntax_err("[]]").1, 2);
    assert_eq!(syntax_err("nullx").1, 4);
    assert_eq!(syntax_err("\"a\"\"b\"").1, 3);
    assert_eq!(syntax_err("{}\0").1, 2);
    assert!(parse_str("{}  \n\r\t", DEPTH).is_ok());
}

#[test]
fn bom() {
    let n = p("\u{feff}{\"a\":1}");
    assert_eq!(n.span, sp(3, 10));
    assert_eq!(n.as_object().unwrap()[0].key_span, sp(4, 7));
    let n = parse(b"\xEF\xBB\xBF [true]", DEPTH).unwrap();
    assert_eq!(n.span, sp(4, 10));
    assert_eq!(p("\u{feff}1").as_f64(), Some(1.0));
    // Only one, only at the very start.
    assert_eq!(syntax_err("\u{feff}\u{feff}{}").1, 3);
    assert_eq!(syntax_err(" \u{feff}{}").1, 1);
    assert_eq!(syntax_err("{}\u{feff}").1, 2);
    assert_eq!(syntax_err("[\u{feff}]").1, 1);
    // Inside a string it is just a character.
    assert_eq!(p("\"\u{feff}\"").as_str(), Some("\u{feff}"));
    assert_eq!(
        syntax_err("\u{feff}"),
        ("unexpected end of input".into(), 3)
    );
}

// ----- grammar: both sides of each rule -------------------------------

#[test]
fn no_comments() {
    for (doc, off) in [
        ("// c\n{}", 0),
        ("/* c */ {}", 0),
        ("{/* c */}", 1),
        ("{\"a\": /* c */ 1}", 6),
        ("[1, // c\n2]", 4),
        ("# c\n{}", 0),
    ] {
        assert_eq!(syntax_err(doc).1, off, "{doc:?}");
    }
    assert_eq!(syntax_err("//").0, "comments are not allowed");
    assert_eq!(
        syntax_err("{} // c").0,
        "trailing characters after the value"
    );
    assert_eq!(
        syntax_err("[1 /* c */]").0,
        "expected `,` or `]` after array element"
    );
    assert_eq!(
        p("\"/* not a comment */ // nor this\"").as_str(),
        Some("/* not a comment */ // nor this")
    );
}

#[test]
fn no_trailing_commas() {
    assert_eq!(syntax_err("[1,]"), ("trailing comma in array".into(), 3));
    assert_eq!(
        syntax_err("[1, \n ]"),
        ("trailing comma in array".into(), 6)
    );
    assert_eq!(
        syntax_err("{\"a\":1,}"),
        ("trailing comma in object".into(), 7)
    );
    assert_eq!(syntax_err("[,1]"), ("expected value, found `,`".into(), 1));
    assert_eq!(
        syntax_err("[1,,2]"),
        ("expected value, found `,`".into(), 3)
    );
    assert_eq!(syntax_err("[,]").1, 1);
    assert_eq!(
        syntax_err("{,}"),
        ("expected string key in object".into(), 1)
    );
    assert_eq!(syntax_err("{\"a\":1,,\"b\":2}").1, 7);
    assert_eq!(
        syntax_err("[1 2]"),
        ("expected `,` or `]` after array element".into(), 3)
    );
    assert_eq!(
        syntax_err("{\"a\":1 \"b\":2}"),
        ("expected `,` or `}` after object member".into(), 7)
    );
    assert_eq!(p("[1,2]").as_array().unwrap().len(), 2);
    assert_eq!(p("{\"a\":1,\"b\":2}").as_object().unwrap().len(), 2);
    assert_eq!(p("[ [ ] , { } ]").as_array().unwrap().len(), 2);
}

#[test]
fn no_single_quotes() {
    assert_eq!(
        syntax_err("'a'"),
        ("single-quoted strings are not allowed".into(), 0)
    );
    assert_eq!(
        syntax_err("{'a':1}"),
        ("single-quoted strings are not allowed".into(), 1)
    );
    assert_eq!(syntax_err("{\"a\":'b'}").1, 5);
    assert_eq!(p("\"'a'\"").as_str(), Some("'a'"));
}

#[test]
fn object_keys_and_colons() {
    assert_eq!(
        syntax_err("{a:1}"),
        ("expected string key in object".into(), 1)
    );
    assert_eq!(syntax_err("{1:1}").1, 1);
    assert_eq!(
        syntax_err("{\"a\" 1}"),
        ("expected `:` after object key".into(), 5)
    );
    assert_eq!(syntax_err("{\"a\"=1}").1, 4);
    assert_eq!(
        syntax_err("{\"a\"::1}"),
        ("expected value, found `:`".into(), 5)
    );
    assert_eq!(
        syntax_err("{\"a\":}"),
        ("expected value, found `}`".into(), 5)
    );
    assert_eq!(
        syntax_err("[1}").0,
        "expected `,` or `]` after array element"
    );
    assert_eq!(
        syntax_err("{\"a\":1]").0,
        "expected `,` or `}` after object member"
    );
    assert_eq!(
        p("{ \"a\" : 1 }").value.get("a").unwrap().as_f64(),
        Some(1.0)
    );
}

#[test]
fn literals() {
    assert_eq!(syntax_err("tru"), ("expected `true`".into(), 0));
    assert_eq!(syntax_err("[nul]"), ("expected `null`".into(), 1));
    assert_eq!(syntax_err("fals").0, "expected `false`");
    assert_eq!(syntax_err("True").0, "expected value, found `T`");
    assert_eq!(syntax_err("NULL").0, "expected value, found `N`");
    assert_eq!(syntax_err("undefined").0, "expected value, found `u`");
    assert_eq!(syntax_err("truex").1, 4);
    assert_eq!(syntax_err("[é]"), ("expected value, found `é`".into(), 1));
    assert_eq!(p("[true,false,null]").span, sp(0, 17));
}

#[test]
fn no_leading_plus() {
    assert_eq!(syntax_err("+1"), ("leading `+` in number".into(), 0));
    assert_eq!(syntax_err("[+0.5]").1, 1);
    assert_eq!(syntax_err("+Infinity").0, "leading `+` in number");
    assert_eq!(num(&p("1e+5")), (1e5, "1e+5".into()));
}

#[test]
fn no_leading_zeros() {
    assert_eq!(syntax_err("01"), ("leading zero in number".into(), 0));
    assert_eq!(syntax_err("-01"), ("leading zero in number".into(), 1));
    assert_eq!(syntax_err("00").0, "leading zero in number");
    assert_eq!(syntax_err("[1, 007]").1, 4);
    assert_eq!(syntax_err("-00.5").0, "leading zero in number");
    for ok in [
        "0", "-0", "0.5", "-0.5", "0e1", "0E-1", "10", "100", "-10", "0.0",
    ] {
        assert_eq!(num(&p(ok)).1, ok);
    }
    assert_eq!(syntax_err("0x10").0, "trailing characters after the value");
}

#[test]
fn minus_needs_digit() {
    assert_eq!(syntax_err("-a"), ("expected digit after `-`".into(), 1));
    assert_eq!(syntax_err("- 1").1, 1);
    assert_eq!(syntax_err("--1").1, 1);
    assert_eq!(syntax_err("-.5").0, "expected digit after `-`");
    assert_eq!(syntax_err("[-]").1, 2);
    assert_eq!(syntax_err("-NaN").0, "expected digit after `-`");
    assert_eq!(syntax_err("-Inf").0, "expected digit after `-`");
    assert_eq!(num(&p("-1")), (-1.0, "-1".into()));
}

#[test]
fn fraction_and_exponent_need_digits() {
    assert_eq!(
        syntax_err("1."),
        ("expected digit after decimal point".into(), 2)
    );
    assert_eq!(syntax_err("[1.]").1, 3);
    assert_eq!(syntax_err("1.e5").0, "expected digit after decimal point");
    assert_eq!(syntax_err("1e"), ("expected digit in exponent".into(), 2));
    assert_eq!(syntax_err("1e+").1, 3);
    assert_eq!(syntax_err("1E-").0, "expected digit in exponent");
    assert_eq!(syntax_err("1.5e-x").1, 5);
    assert_eq!(syntax_err(".5"), ("expected value, found `.`".into(), 0));
    assert_eq!(syntax_err("1.5.5").0, "trailing characters after the value");
    assert_eq!(syntax_err("1e5e5").0, "trailing characters after the value");
    assert_eq!(syntax_err("1e5.5").0, "trailing characters after the value");
    for (text, value) in [
        ("1.5", 1.5),
        ("1e5", 1e5),
        ("1E5", 1e5),
        ("1E+05", 1e5),
        ("1e-5", 1e-5),
        ("-2.5e-3", -2.5e-3),
        ("0.000", 0.0),
    ] {
        assert_eq!(num(&p(text)), (value, text.into()));
    }
}

/// Escaped strings are decoded on the stack up to 256 bytes and in an arena
/// buffer beyond: both give what serde_json gives, at every length around
/// the edge, and the same first error wherever it is.
#[test]
fn escaped_strings_around_the_stack_buffer() {
    for len in [0usize, 1, 200, 254, 255, 256, 257, 258, 300, 1000] {
        for tail in ["", "\\u00e9", "\\ud83d\\ude00", "\\n"] {
            let body = format!("{}{}\\\"", "a".repeat(len), tail);
            let text = format!("[\"{body}\", 1]");
            let ours = to_serde(&p(&text));
            let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(ours, theirs, "{len} {tail:?}");
            let decoded = ours[0].as_str().unwrap();
            assert!(decoded.ends_with('"') && decoded.starts_with(&"a".repeat(len)));
        }
        // The first error: before the edge, past it, at the end of input.
        let control = format!("[\"\\n{}\u{1}x\"]", "b".repeat(len));
        assert_eq!(
            syntax_err(&control),
            (String::from("control character in string"), 4 + len),
            "{len}"
        );
        let escape = format!("[\"\\t{}\\q\"]", "c".repeat(len));
        assert_eq!(syntax_err(&escape).1, 4 + len, "{len}");
        let open = format!("[\"\\t{}", "d".repeat(len));
        assert_eq!(
            syntax_err(&open),
            (String::from("unterminated string"), 1),
            "{len}"
        );
    }
}

/// Decimal fractions take a fast path (the digits divided by a power of ten):
/// every value must be bit for bit what `str::parse` gives, at the edges of
/// the path (15 digits, 22 places, an exponent) and for random ones.
#[test]
fn decimal_fractions_are_what_parse_gives() {
    let mut texts: Vec<String> = [
        "12.5",
        "1.5",
        "-0.0",
        "0.1",
        "0.3",
        "-2.675",
        "99.995",
        "0.000000000000001",
        "123456789012.345",
        "1234567890123.456",
        "12345678901234.56",
        "0.0000000000000000000001",
        "0.00000000000000000000001",
        "9007199254740.993",
        "999999999999999.9",
        "1.7976931348623157",
        "4.9406564584124654",
        "1.5e0",
        "0.10000000000000000555",
    ]
    .iter()
    .map(|t| String::from(*t))
    .collect();
    let mut rng = Rng(0x5eed_dec1);
    for _ in 0..20_000 {
        let int_digits = rng.below(9);
        let frac_digits = 1 + rng.below(16);
        let mut t = String::new();
        if rng.below(2) == 0 {
            t.push('-');
        }
        if int_digits == 0 {
            t.push('0');
        } else {
            t.push(char::from(b'1' + u8::try_from(rng.below(9)).unwrap()));
            for _ in 1..int_digits {
                t.push(char::from(b'0' + u8::try_from(rng.below(10)).unwrap()));
            }
        }
        t.push('.');
        for _ in 0..frac_digits {
            t.push(char::from(b'0' + u8::try_from(rng.below(10)).unwrap()));
        }
        texts.push(t);
    }
    for text in &texts {
        let (value, written) = num(&p(text));
        assert_eq!(&written, text);
        let expected: f64 = text.parse().unwrap();
        assert_eq!(value.to_bits(), expected.to_bits(), "{text}");
    }
}

#[test]
fn number_text_and_value() {
    let n = p("[1.50, -0, 1e3, 12345678901234567890, 0.1, 123456789012345, 1234567890123456, -9007199254740993, 1e-400]");
    let items = n.as_array().unwrap();
    let texts: Vec<String> = items.iter().map(|i| num(i).1).collect();
    assert_eq!(
        texts,
        [
            "1.50",
            "-0",
            "1e3",
            "12345678901234567890",
            "0.1",
            "123456789012345",
            "1234567890123456",
            "-9007199254740993",
            "1e-400"
        ]
    );
    for item in items {
        let (value, text) = num(item);
        let expected: f64 = text.parse().unwrap();
        assert_eq!(value.to_bits(), expected.to_bits(), "{text}");
    }
    assert!(num(&items[1]).0.is_sign_negative());
    match &items[0].value {
        Value::Number(Num { text: t, .. }) => assert_eq!(*t, "1.50"),
        other => panic!("{other:?}"),
    }
    assert_eq!(items[0].span, sp(1, 5));
    assert_eq!(items[1].span, sp(7, 9));
}

#[test]
fn non_finite() {
    let nf = |s: &str| {
        let e = err(s);
        match e.kind {
            ParseErrorKind::NonFinite(lit) => (lit, e.offset),
            other => panic!("{s:?}: {other:?}"),
        }
    };
    assert_eq!(nf("NaN"), ("NaN".into(), 0));
    assert_eq!(nf("Infinity"), ("Infinity".into(), 0));
    assert_eq!(nf("-Infinity"), ("-Infinity".into(), 0));
    assert_eq!(nf("[1, NaN]"), ("NaN".into(), 4));
    assert_eq!(nf("{\"a\": -Infinity}"), ("-Infinity".into(), 6));
    assert_eq!(nf("{\"a\": Infinity}"), ("Infinity".into(), 6));
    assert_eq!(nf("1e400"), ("1e400".into(), 0));
    assert_eq!(nf("-1e400"), ("-1e400".into(), 0));
    assert_eq!(
        nf("[0, 1.7976931348623159e308]"),
        ("1.7976931348623159e308".into(), 4)
    );
    let big = "9".repeat(400);
    assert_eq!(nf(&big), (big.clone(), 0));
    // Close to the edge but finite.
    assert_eq!(num(&p("1.7976931348623157e308")).0, f64::MAX);
    assert_eq!(num(&p("1e-400")).0, 0.0);
    // Not the literal: generic errors.
    assert_eq!(syntax_err("nan").0, "expected `null`");
    assert_eq!(syntax_err("Inf").0, "expected value, found `I`");
    assert_eq!(
        err("NaN").to_string(),
        "`NaN` is not a finite JSON number at byte 0"
    );
}

// ----- strings ---------------------------------------------------------

#[test]
fn control_characters_in_strings() {
    for c in (0u8..0x20).map(char::from) {
        let doc = format!("[\"ab{c}\"]");
        assert_eq!(
            syntax_err(&doc),
            ("control character in string".into(), 4),
            "{c:?}"
        );
        let doc = format!("{{\"k{c}\":1}}");
        assert_eq!(
            syntax_err(&doc),
            ("control character in string".into(), 3),
            "{c:?}"
        );
    }
    // Control characters deep in a long run (past the 8-byte fast path).
    let doc = format!("\"{}\n\"", "x".repeat(37));
    assert_eq!(syntax_err(&doc).1, 38);
    let doc = format!("\"{}\\n{}\t\"", "x".repeat(9), "y".repeat(20));
    assert_eq!(syntax_err(&doc).1, 32);
    // DEL and C1 controls are allowed, as are escaped control characters.
    assert_eq!(p("\"\u{7f}\u{85}\"").as_str(), Some("\u{7f}\u{85}"));
    assert_eq!(p("\"\\u0000\\u001f\"").as_str(), Some("\u{0}\u{1f}"));
}

#[test]
fn escapes() {
    assert_eq!(
        p(r#""\" \\ \/ \b \f \n \r \t""#).as_str(),
        Some("\" \\ / \u{8} \u{c} \n \r \t")
    );
    assert_eq!(p(r#""\u00e9\u00C9\u20AC\u0041""#).as_str(), Some("éÉ€A"));
    assert_eq!(p(r#""a\nb""#).span, sp(0, 6));
    for (doc, shown) in [
        (r#""\x""#, "x"),
        (r#""\a""#, "a"),
        (r#""\'""#, "'"),
        (r#""\U0041""#, "U"),
        (r#""\0""#, "0"),
        ("\"\\é\"", "é"),
    ] {
        assert_eq!(
            syntax_err(doc),
            (format!("invalid escape `\\{shown}`"), 1),
            "{doc}"
        );
    }
    assert_eq!(syntax_err("\"\\\n\"").0, "invalid escape `\\\\u{a}`");
    assert_eq!(syntax_err(r#""abc\x""#).0, "invalid escape `\\x`");
    for doc in [
        r#""\u12G4""#,
        r#""\u12""#,
        r#""\u""#,
        r#""\u-123""#,
        r#""\u 123""#,
    ] {
        let (msg, off) = syntax_err(doc);
        assert!(msg.starts_with("invalid unicode escape"), "{doc}: {msg}");
        assert_eq!(off, 1);
    }
}

#[test]
fn surrogates() {
    assert_eq!(p(r#""\ud83d\ude00""#).as_str(), Some("😀"));
    assert_eq!(p(r#""\uD83D\uDE00x""#).as_str(), Some("😀x"));
    assert_eq!(p(r#""\udbff\udfff""#).as_str(), Some("\u{10FFFF}"));
    assert_eq!(p(r#""\ud800\udc00""#).as_str(), Some("\u{10000}"));
    assert_eq!(p(r#""\ud7ff\ue000""#).as_str(), Some("\u{d7ff}\u{e000}"));
    for (doc, escape, off) in [
        (r#""\ud800""#, r"\ud800", 1),
        (r#""ab\uD800x""#, r"\uD800", 3),
        (r#""\udc00""#, r"\udc00", 1),
        (r#""\uDFFF\uD800""#, r"\uDFFF", 1),
        (r#""\ud800\u0041""#, r"\ud800", 1),
        (r#""\ud800\ud800""#, r"\ud800", 1),
        (r#""\ud800\n""#, r"\ud800", 1),
        (r#""\ud83d\\ude00""#, r"\ud83d", 1),
    ] {
        assert_eq!(
            syntax_err(doc),
            (format!("lone surrogate `{escape}` in string"), off),
            "{doc}"
        );
    }
    assert_eq!(syntax_err(r#"{"\udc00":1}"#).1, 2);
    assert_eq!(
        syntax_err(r#""\ud800\u12""#).0,
        "invalid unicode escape, expected `\\u` and 4 hex digits"
    );
    assert_eq!(syntax_err(r#""\ud800\u12""#).1, 7);
}

#[test]
fn strings_without_escapes_are_borrowed() {
    let doc = r#"{"plain": "value", "üñï": "ĉödé 😀", "esc\u0061ped": "a\tb", "e": ""}"#;
    let n = p(doc);
    let entries = n.as_object().unwrap();
    // Borrowed: the text lies in the input (decoded strings are in the arena).
    let borrowed = |s: &str| doc.as_bytes().as_ptr_range().contains(&s.as_ptr());
    fn string<'a>(node: &Node<'a>) -> &'a str {
        match node.value {
            Value::String(s) => s,
            other => panic!("{other:?}"),
        }
    }
    assert!(borrowed(entries[0].key));
    assert!(borrowed(string(&entries[0].value)));
    assert!(borrowed(entries[1].key));
    assert_eq!(entries[1].key, "üñï");
    assert!(borrowed(string(&entries[1].value)));
    assert_eq!(string(&entries[1].value), "ĉödé 😀");
    assert!(!borrowed(entries[2].key));
    assert_eq!(entries[2].key, "escaped");
    assert!(!borrowed(string(&entries[2].value)));
    assert_eq!(string(&entries[2].value), "a\tb");
    assert!(borrowed(entries[3].key));
    assert!(borrowed(string(&entries[3].value)));
    // Long strings cross the eight-byte scanner boundary at every offset.
    for len in 0..40 {
        let s = "é".repeat(len / 2) + &"a".repeat(len % 7);
        let doc = format!("\"{s}\"");
        let n = p(&doc);
        assert_eq!(n.as_str(), Some(s.as_str()));
        assert_eq!(n.span, sp(0, doc.len()));
        let doc = format!("\"{s}\\\"{s}\"");
        assert_eq!(p(&doc).as_str(), Some(format!("{s}\"{s}").as_str()));
    }
}

// ----- structure ------------------------------------------------------

#[test]
fn spans_of_nested_values_and_keys() {
    let doc = r#"{"a": [1, {"b": null}], "c" :"x\ny", "d":{}}"#;
    let n = p(doc);
    let text = |s: Span| &doc[s.start()..s.end()];
    assert_eq!(n.span, sp(0, doc.len()));
    let e = n.as_object().unwrap();
    assert_eq!(text(e[0].key_span), r#""a""#);
    assert_eq!(text(e[0].value.span), r#"[1, {"b": null}]"#);
    let arr = e[0].value.as_array().unwrap();
    assert_eq!(text(arr[0].span), "1");
    assert_eq!(text(arr[1].span), r#"{"b": null}"#);
    let inner = arr[1].as_object().unwrap();
    assert_eq!(text(inner[0].key_span), r#""b""#);
    assert_eq!(inner[0].key_span, sp(11, 14));
    assert_eq!(text(inner[0].value.span), "null");
    assert_eq!(text(e[1].key_span), r#""c""#);
    assert_eq!(text(e[1].value.span), r#""x\ny""#);
    assert_eq!(e[1].value.as_str(), Some("x\ny"));
    assert_eq!(text(e[2].value.span), "{}");
    // Multi-byte text before values: spans stay byte offsets.
    let doc = "[\"é\", \"😀\", 1]";
    let items = p(doc).as_array().unwrap().to_vec();
    assert_eq!(items[0].span, sp(1, 5));
    assert_eq!(items[1].span, sp(7, 13));
    assert_eq!(items[2].span, sp(15, 16));
}

#[test]
fn duplicate_keys_kept_in_order() {
    let n = p(r#"{"a":1,"b":2,"a":3,"a":{"x":1,"x":2}}"#);
    let keys: Vec<&str> = n.as_object().unwrap().iter().map(|e| e.key).collect();
    assert_eq!(keys, ["a", "b", "a", "a"]);
    assert_eq!(n.value.get("a").unwrap().as_f64(), Some(1.0));
    assert_eq!(n.value.get("a").unwrap().span, sp(5, 6));
    let last = &n.as_object().unwrap()[3].value;
    assert_eq!(last.as_object().unwrap().len(), 2);
    assert_eq!(last.value.get("x").unwrap().as_f64(), Some(1.0));
    // Escaped and unescaped spellings of the same key are the same key.
    let n = p(r#"{"k":1,"\u006b":2}"#);
    assert_eq!(n.as_object().unwrap()[1].key, "k");
}

#[test]
fn helpers() {
    let n = p(r#"{"s":"x","n":2.5,"a":[null],"o":{},"b":false,"z":null}"#);
    let v = &n.value;
    assert_eq!(v.type_name(), "object");
    let names: Vec<&str> = n
        .as_object()
        .unwrap()
        .iter()
        .map(|e| e.value.value.type_name())
        .collect();
    assert_eq!(
        names,
        ["string", "number", "array", "object", "boolean", "null"]
    );
    assert_eq!(v.get("s").unwrap().as_str(), Some("x"));
    assert_eq!(v.get("n").unwrap().as_f64(), Some(2.5));
    assert_eq!(v.get("a").unwrap().as_array().map(<[_]>::len), Some(1));
    assert_eq!(v.get("o").unwrap().as_object().map(<[_]>::len), Some(0));
    assert_eq!(v.get("missing"), None);
    assert_eq!(v.get("s").unwrap().as_f64(), None);
    assert_eq!(v.get("n").unwrap().as_str(), None);
    assert_eq!(v.get("s").unwrap().as_array(), None);
    assert_eq!(v.get("a").unwrap().as_object(), None);
    assert_eq!(v.get("a").unwrap().value.get("x"), None);
}

// ----- depth -----------------------------------------------------------

#[test]
fn depth_limit() {
    for limit in [1usize, 2, 5, 64] {
        let ok = format!("{}{}", "[".repeat(limit), "]".repeat(limit));
        assert!(parse_str(&ok, limit).is_ok(), "{limit}");
        let deep = format!("{}{}", "[".repeat(limit + 1), "]".repeat(limit + 1));
        let e = parse_str(&deep, limit).unwrap_err();
        assert_eq!(
            e,
            ParseError {
                kind: ParseErrorKind::TooDeep(limit),
                offset: limit
            }
        );
        let ok = format!("{}1{}", "{\"a\":".repeat(limit), "}".repeat(limit));
        assert!(parse_str(&ok, limit).is_ok());
        let deep = format!("{}1{}", "{\"a\":".repeat(limit + 1), "}".repeat(limit + 1));
        let e = parse_str(&deep, limit).unwrap_err();
        assert_eq!(e.kind, ParseErrorKind::TooDeep(limit));
        assert_eq!(e.offset, 5 * limit);
    }
    // Mixed containers; empty ones count too.
    assert!(parse_str(r#"[{"a":[]}]"#, 3).is_ok());
    assert_eq!(parse_str(r#"[{"a":[]}]"#, 2).unwrap_err().offset, 6);
    assert_eq!(
        parse_str(r#"[{"a":{}}]"#, 2).unwrap_err().kind,
        ParseErrorKind::TooDeep(2)
    );
    // Siblings do not add up.
    assert!(parse_str("[[1],[2],[[3]]]", 3).is_ok());
    // Limit 0: scalars only.
    assert!(parse_str("\"x\"", 0).is_ok());
    assert_eq!(
        parse_str("[]", 0).unwrap_err().kind,
        ParseErrorKind::TooDeep(0)
    );
    assert_eq!(parse_str(" {}", 0).unwrap_err().offset, 1);
    // Deep documents within a large limit are parsed without recursion.
    let n = 10_000;
    let doc = format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(parse_str(&doc, n).is_ok());
}

#[test]
fn million_open_brackets() {
    let doc = "[".repeat(1_000_000);
    let started = std::time::Instant::now();
    let e = parse_str(&doc, 64).unwrap_err();
    assert_eq!(
        e,
        ParseError {
            kind: ParseErrorKind::TooDeep(64),
            offset: 64
        }
    );
    let e = parse(doc.as_bytes(), 64).unwrap_err();
    assert_eq!(e.kind, ParseErrorKind::TooDeep(64));
    let objects = "{\"a\":".repeat(1_000_000);
    assert_eq!(parse_str(&objects, 64).unwrap_err().offset, 320);
    // Even with an enormous limit: iterative, so no stack overflow.
    let e = parse_str(&doc, usize::MAX).unwrap_err();
    assert_eq!(
        e,
        ParseError {
            kind: ParseErrorKind::Syntax("unexpected end of input".into()),
            offset: 1_000_000
        }
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

// ----- bytes, positions -------------------------------------------------

#[test]
fn invalid_utf8() {
    let e = parse(b"{\"a\":\"\xff\"}", DEPTH).unwrap_err();
    assert_eq!(
        e,
        ParseError {
            kind: ParseErrorKind::InvalidUtf8,
            offset: 6
        }
    );
    assert_eq!(
        parse(b"[\"\xc3\xa9\", \"\xc3\"]", DEPTH)
            .unwrap_err()
            .offset,
        8
    );
    assert_eq!(
        parse(b"\xc0\xaf", DEPTH).unwrap_err().kind,
        ParseErrorKind::InvalidUtf8
    );
    assert_eq!(parse(b"\"\xed\xa0\x80\"", DEPTH).unwrap_err().offset, 1);
    assert_eq!(parse(b"1 \xe2\x82", DEPTH).unwrap_err().offset, 2);
    assert_eq!(parse(b"\xEF\xBB{}", DEPTH).unwrap_err().offset, 0);
    assert_eq!(parse(b"\xEF\xBB\xBF{}", DEPTH).unwrap().span, sp(3, 5));
    assert_eq!(
        parse("\"é😀\"".as_bytes(), DEPTH).unwrap().as_str(),
        Some("é😀")
    );
    assert_eq!(
        parse(b"{} \xff", DEPTH).unwrap_err().kind,
        ParseErrorKind::InvalidUtf8
    );
    assert_eq!(parse(b"[1,", DEPTH).unwrap_err().offset, 3);
}

#[test]
fn line_and_column() {
    let s = "{\n  \"é\": [1,\r\n   \"😀x\"],\n}";
    assert_eq!(line_col(s, 0), (1, 1));
    assert_eq!(line_col(s, 1), (1, 2)); // the first newline itself
    assert_eq!(line_col(s, 2), (2, 1));
    assert_eq!(line_col(s, 4), (2, 3)); // opening quote of "é"
    assert_eq!(line_col(s, 5), (2, 4)); // é
    assert_eq!(line_col(s, 6), (2, 4)); // inside é
    assert_eq!(line_col(s, 7), (2, 5)); // closing quote
    let x = s.find('x').unwrap();
    assert_eq!(line_col(s, x), (3, 6));
    let emoji = s.find('😀').unwrap();
    for off in emoji..emoji + 4 {
        assert_eq!(line_col(s, off), (3, 5));
    }
    assert_eq!(line_col(s, s.len()), (4, 2));
    assert_eq!(line_col(s, s.len() + 100), (4, 2));
    assert_eq!(line_col(s, usize::MAX), (4, 2));
    assert_eq!(line_col("", 5), (1, 1));
    assert_eq!(line_col("\n\n", 2), (3, 1));
    // A parse error located with it.
    let doc = "{\n  \"ü\": tru\n}";
    let e = parse_str(doc, DEPTH).unwrap_err();
    assert_eq!(line_col(doc, e.offset), (2, 8));
}

#[test]
fn error_display() {
    assert_eq!(err("[1,]").to_string(), "trailing comma in array at byte 3");
    assert_eq!(
        parse(b"\xff", 1).unwrap_err().to_string(),
        "the text is not valid UTF-8 at byte 0"
    );
    assert_eq!(
        parse_str("[[", 1).unwrap_err().to_string(),
        "arrays and objects are nested more than 1 deep at byte 1"
    );
    let e: Box<dyn std::error::Error> = Box::new(err("x"));
    assert_eq!(e.to_string(), "expected value, found `x` at byte 0");
}

// ----- serde_json ------------------------------------------------------

#[test]
fn from_serde_round_trip() {
    let v: serde_json::Value = serde_json::from_str(
            r#"{"a":[1,-2,3.5,1e300,18446744073709551615,-9223372036854775808,{"b":null,"c":[true,false,[]]}],"s":"x\"y\u00e9","o":{}}"#,
        )
        .unwrap();
    let arena = Arena::new();
    let n = from_serde(&v, &arena);
    assert_eq!(to_serde(&n), v);
    assert_eq!(n.span, NO_SPAN);
    let a = n.value.get("a").unwrap();
    assert_eq!(a.span, NO_SPAN);
    assert_eq!(a.as_array().unwrap()[0].span, NO_SPAN);
    assert_eq!(n.as_object().unwrap()[0].key_span, NO_SPAN);
    assert_eq!(n.value.get("s").unwrap().as_str(), Some("x\"yé"));
    let in_serde = v["s"].as_str().unwrap().as_ptr();
    assert!(matches!(
        &n.value.get("s").unwrap().value,
        Value::String(s) if s.as_ptr() == in_serde
    ));
    let texts: Vec<String> = a.as_array().unwrap()[..5]
        .iter()
        .map(|i| num(i).1)
        .collect();
    assert_eq!(texts, ["1", "-2", "3.5", "1e+300", "18446744073709551615"]);
    assert_eq!(a.as_array().unwrap()[3].as_f64(), Some(1e300));
    // Parsing serde_json's output gives the same tree (spans aside).
    let text = serde_json::to_string(&v).unwrap();
    assert_eq!(to_serde(&p(&text)), to_serde(&n));
}

const VALID: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "-0",
    "-0.0",
    "1",
    "-1",
    "1.5",
    "1.50",
    "1e3",
    "1E3",
    "1e+3",
    "1e-3",
    "-1.25e-7",
    "123456789012345678901234567890",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "-9223372036854775809",
    "9007199254740993",
    "0.1",
    "2.2250738585072014e-308",
    "4.9e-324",
    "1e-400",
    "1.7976931348623157e308",
    "\"\"",
    "\"plain\"",
    r#""\"\\\/\b\f\n\r\t""#,
    r#""\u0000\u001f\u007f\u0080\u07ff\u0800\uffff""#,
    r#""\ud83d\ude00 😀 é ü ĉ 中文""#,
    "[]",
    "{}",
    "[[[]]]",
    "[1,[2,[3,[4]]]]",
    r#"{"a":{"b":{"c":{}}}}"#,
    r#" { "a" : [ 1 , 2 , { "b" : null } ] , "c" : "d" } "#,
    "\t\r\n[\t\r\n1\t\r\n]\t\r\n",
    r#"{"jobId":"job-1","targets":["arn:aws:iot:us-east-1:123456789012:thing/t1"],"document":"{\"x\":1}","timeoutConfig":{"inProgressTimeoutInMinutes":60},"tags":[{"Key":"k","Value":"v"}]}"#,
    r#"[true,false,null,0,"",[],{}]"#,
    r#"{"":""}"#,
    r#"{"a\u0000b":1}"#,
    r#"["\u00e9", "é"]"#,
    r#"{"emoji 😀":"\uD83D\uDE00"}"#,
    r#"[-1e-0, 0e0, 0E+0, 1.0e00]"#,
];

#[test]
fn agrees_with_serde_json() {
    assert!(VALID.len() >= 40);
    for doc in VALID {
        let ours = p(doc);
        let theirs: serde_json::Value = serde_json::from_str(doc).unwrap();
        assert_eq!(to_serde(&ours), theirs, "{doc}");
        check_spans(doc, &ours);
        assert_eq!(
            to_serde(&parse(doc.as_bytes(), DEPTH).unwrap()),
            theirs,
            "{doc}"
        );
        // The top-level span covers the value without surrounding whitespace.
        assert_eq!(
            &doc[ours.span.start()..ours.span.end()],
            doc.trim_matches(|c| " \t\r\n".contains(c))
        );
    }
}

#[test]
fn rejects_what_serde_json_rejects() {
    for doc in [
        "",
        "[1,]",
        "{\"a\":1,}",
        "01",
        "+1",
        "1.",
        ".1",
        "1e",
        "-",
        "'a'",
        "NaN",
        "Infinity",
        "-Infinity",
        "1e400",
        "\"\\ud800\"",
        "\"\\x\"",
        "\"\t\"",
        "[1 2]",
        "{\"a\" 1}",
        "{a:1}",
        "// c\n1",
        "[1] x",
        "tru",
        "\u{c}1",
        "[",
        "\"abc",
    ] {
        assert!(
            serde_json::from_str::<serde_json::Value>(doc).is_err(),
            "serde accepts {doc:?}"
        );
        assert!(parse_str(doc, DEPTH).is_err(), "we accept {doc:?}");
    }
}

/// Appends a random JSON value (with random whitespace) to `out`.
fn gen_value(rng: &mut Rng, depth: usize, out: &mut String) {
    const WS: &[&str] = &["", "", "", " ", "\n  ", "\t", "\r\n"];
    const STRINGS: &[&str] = &[
        r#""""#,
        r#""a""#,
        r#""jobId""#,
        r#""with \"quote\"""#,
        r#""\\\/\b\f\n\r\t""#,
        r#""\u00e9\ud83d\ude00""#,
        r#""é😀 ünïcödé""#,
        r#""a long string that crosses several eight-byte words""#,
    ];
    const SCALARS: &[&str] = &[
        "0",
        "-0",
        "1",
        "-17",
        "3.25",
        "1e10",
        "-2.5E-3",
        "12345678901234567890",
        "true",
        "false",
        "null",
    ];
    let ws = |rng: &mut Rng, out: &mut String| out.push_str(rng.pick(WS));
    match if depth == 0 {
        rng.below(2)
    } else {
        rng.below(4)
    } {
        0 => out.push_str(rng.pick(SCALARS)),
        1 => out.push_str(rng.pick(STRINGS)),
        2 => {
            out.push('[');
            let n = rng.below(4);
            for i in 0..n {
                if i > 0 {
                    out.push(',');
                }
                ws(rng, out);
                gen_value(rng, depth - 1, out);
                ws(rng, out);
            }
            out.push(']');
        }
        _ => {
            out.push('{');
            let n = rng.below(4);
            for i in 0..n {
                if i > 0 {
                    out.push(',');
                }
                ws(rng, out);
                out.push_str(rng.pick(STRINGS));
                ws(rng, out);
                out.push(':');
                ws(rng, out);
                gen_value(rng, depth - 1, out);
                ws(rng, out);
            }
            out.push('}');
        }
    }
}

#[test]
fn random_documents_agree_with_serde_json() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for _ in 0..3_000 {
        let mut doc = String::new();
        let depth = rng.below(8);
        gen_value(&mut rng, depth, &mut doc);
        let ours = parse_str(&doc, 8).unwrap();
        let theirs: serde_json::Value = serde_json::from_str(&doc).unwrap();
        assert_eq!(to_serde(&ours), theirs, "{doc}");
        check_spans(&doc, &ours);
        assert_eq!(ours.span, sp(0, doc.len()));
    }
}

/// Random single-byte mutations of valid documents: never panics, and
/// accepts exactly what serde_json accepts, with the same tree.
#[test]
fn mutations_agree_with_serde_json() {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    const ALPHABET: &[u8] =
        b" \t\n\r\x0c\x00\x1f[]{},:\"\\/'+-.0123456789eEnultrfasNIxu\x7f\xc3\xa9\xff";
    let mut checked = 0;
    for _ in 0..20_000 {
        let doc = VALID[(next() % VALID.len() as u64) as usize].as_bytes();
        let mut bytes = doc.to_vec();
        for _ in 0..=(next() % 3) {
            let at = (next() % (bytes.len() as u64 + 1)) as usize;
            let b = ALPHABET[(next() % ALPHABET.len() as u64) as usize];
            match next() % 3 {
                0 if at < bytes.len() => bytes[at] = b,
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, b),
            }
        }
        let ours = parse(&bytes, 128);
        let theirs = serde_json::from_slice::<serde_json::Value>(&bytes);
        match (&ours, &theirs) {
            (Ok(o), Ok(t)) => {
                assert_eq!(&to_serde(o), t, "{:?}", String::from_utf8_lossy(&bytes));
                check_spans(std::str::from_utf8(&bytes).unwrap(), o);
                checked += 1;
            }
            (Err(_), Err(_)) => {}
            // serde_json (without `float_roundtrip`) rounds some literals
            // just above f64::MAX down to MAX; correctly rounded, they
            // are infinite, and so rejected here.
            (
                Err(ParseError {
                    kind: ParseErrorKind::NonFinite(lit),
                    ..
                }),
                Ok(_),
            ) if lit.parse::<f64>().is_ok_and(f64::is_infinite) => {}
            // ... and some literals just below the rounding boundary up.
            (Ok(_), Err(e)) if e.to_string().starts_with("number out of range") => {}
            _ => panic!(
                "disagree on {:?}: ours {ours:?}, serde_json {theirs:?}",
                String::from_utf8_lossy(&bytes)
            ),
        }
        if let Err(e) = &ours {
            assert!(e.offset <= bytes.len());
        }
    }
    assert!(checked > 1000, "{checked}");
}

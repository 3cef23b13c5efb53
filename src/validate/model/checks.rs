//! The primitive checks of one value against its shape's constraints:
//! types, string length, pattern and enum, integer and number bounds, and
//! the number of entries of a list or map.

use super::numbers::{integral, Integral};
use super::shape::{Kind, Shape, Width};
use super::sink::{concat, Details};
use super::Walker;
use crate::rules;
use crate::validate::json::{Node, Value};
use crate::validate::primitive::{closest, excerpt, push_excerpt};

impl<'j> Walker<'j> {
    pub(crate) fn type_error(&mut self, node: &'j Node<'j>, expected: &'static str) {
        let found = node.value.type_name();
        let numeric = match &node.value {
            Value::String(s) if expected == "an integer" || expected == "a number" => {
                numeric_string(s)
            }
            _ => None,
        };
        self.emit(&rules::TYPE, None, |w| {
            let d = Details::new(format!(
                "expected {expected}, found {found} `{}`",
                excerpt(&render(node))
            ))
            .plain(format!("Value at '{}' must be {expected}", w.aws_path()));
            match numeric {
                Some(n) => d.help(format!(
                    "write the number without quotes: `{}`; the AWS SDK for JavaScript v2 turned numeric strings into numbers without a word, but SDK v3 and the API itself refuse them",
                    excerpt(n)
                )),
                None => d,
            }
        });
    }

    /// Walks `node` against the string shape `shape`.
    pub(super) fn walk_str(&mut self, node: &'j Node<'j>, shape: &'static Shape) {
        let Value::String(s) = &node.value else {
            return self.type_error(node, "a string");
        };
        self.check_str(s, shape);
    }

    /// Checks a string's length, pattern and enum against `shape` (a string
    /// shape; any other has no string constraints).
    ///
    /// The common case, a string that needs no count of its characters and
    /// matches, is decided here inline; anything else goes to
    /// [`Self::check_str_slow`], which decides again and reports.
    #[inline(always)]
    pub(super) fn check_str(&mut self, s: &'j str, shape: &'static Shape) {
        let Kind::Str {
            min,
            max,
            pattern,
            values,
        } = shape.kind
        else {
            return;
        };
        // Within the bounds by bytes alone: at least 4 bytes a character
        // above the minimum, and at most the maximum in bytes.
        let bytes = s.len() as u64;
        let clear =
            min.is_none_or(|m| bytes >= m.saturating_mul(4)) && max.is_none_or(|m| bytes <= m);
        if clear && pattern.is_none_or(|p| p.matches(s)) && values.is_none_or(|v| v.contains(&s)) {
            return;
        }
        self.check_str_slow(s, shape);
    }

    /// [`Self::check_str`] in full, with its reports.
    #[inline(never)]
    fn check_str_slow(&mut self, s: &'j str, shape: &'static Shape) {
        let Kind::Str {
            min,
            max,
            pattern,
            values,
        } = shape.kind
        else {
            return;
        };
        // Byte length bounds the number of code points from both sides
        // (1..=4 bytes each), so most strings need no count at all.
        let bytes = s.len() as u64;
        let undecided = min.is_some_and(|m| bytes < m.saturating_mul(4) && bytes >= m)
            || max.is_some_and(|m| bytes > m);
        let certain_short = min.is_some_and(|m| bytes < m);
        if undecided || certain_short {
            let len = s.chars().count() as u64;
            if let Some(min) = min.filter(|m| len < *m) {
                self.emit(&rules::MIN_LENGTH, None, |w| {
                    Details::new(format!(
                        "`{}` is {len} characters long, shorter than the minimum of {min}",
                        excerpt(s)
                    ))
                    .item(
                        Some(s),
                        &w.aws_path(),
                        &format!("Member must have length greater than or equal to {min}"),
                    )
                });
            }
            if let Some(max) = max.filter(|m| len > *m) {
                self.emit(&rules::MAX_LENGTH, None, |w| {
                    Details::new(format!(
                        "`{}` is {len} characters long, longer than the maximum of {max}",
                        excerpt(s)
                    ))
                    .item(
                        Some(s),
                        &w.aws_path(),
                        &format!("Member must have length less than or equal to {max}"),
                    )
                });
            }
        }
        if let Some(p) = pattern.filter(|p| !p.matches(s)) {
            self.emit(&rules::PATTERN, None, |w| {
                let source = p.source();
                let mut m = String::with_capacity(s.len().min(64) + source.len() + 72);
                m.push('`');
                push_excerpt(&mut m, s);
                m.push_str("` does not match the pattern `");
                m.push_str(source);
                m.push_str("`: ");
                match p.first_offender(s) {
                    _ if s.is_empty() => m.push_str("it is empty"),
                    Some(c) => {
                        m.push('`');
                        m.extend(c.escape_debug());
                        m.push_str("` is not allowed");
                    }
                    None => m.push_str("it does not have the required form"),
                }
                Details::new(m).item_parts(
                    Some(s),
                    &w.aws_path(),
                    &["Member must satisfy regular expression pattern: ", source],
                )
            });
        }
        if let Some(values) = values.filter(|v| !v.contains(&s)) {
            self.emit(&rules::ENUM, None, |w| {
                let joined = values.join(", ");
                let mut m = String::with_capacity(s.len().min(64) + joined.len() + 20);
                m.push('`');
                push_excerpt(&mut m, s);
                m.push_str("` is not one of ");
                m.push_str(&joined);
                let mut d = Details::new(m).item_parts(
                    Some(s),
                    &w.aws_path(),
                    &["Member must satisfy enum value set: [", &joined, "]"],
                );
                if let Some(m) = values
                    .iter()
                    .find(|v| v.eq_ignore_ascii_case(s))
                    .or_else(|| {
                        closest(s, values.iter().copied())
                            .and_then(|c| values.iter().find(|v| **v == c))
                    })
                {
                    d = d.help(concat(&[&["did you mean `", m, "`?"]]));
                }
                d
            });
        }
    }

    pub(super) fn walk_int(
        &mut self,
        node: &'j Node<'j>,
        width: Width,
        min: Option<i64>,
        max: Option<i64>,
    ) {
        let Value::Number(n) = &node.value else {
            return self.type_error(node, "an integer");
        };
        let v = match integral(n.text, n.value) {
            Integral::Fraction => return self.type_error(node, "an integer"),
            Integral::Value(v) if width == Width::I64 || i32::try_from(v).is_ok() => v,
            Integral::Value(_) | Integral::TooLarge => {
                let text = &n.text;
                let bits = if width == Width::I32 { 32 } else { 64 };
                return self.emit(&rules::NUMBER_TOO_LARGE, None, |w| {
                    Details::new(format!(
                        "`{}` does not fit a {bits}-bit integer",
                        excerpt(text)
                    ))
                    .plain(format!(
                        "Value '{text}' at '{}' could not be read as a {bits}-bit integer",
                        w.aws_path()
                    ))
                });
            }
        };
        let (under, over) = (min.filter(|m| v < *m), max.filter(|m| v > *m));
        // Within range (the common case): no call.
        if under.is_some() || over.is_some() {
            self.range(
                n.text,
                under.map(|m| m.to_string()),
                over.map(|m| m.to_string()),
            );
        }
    }

    pub(super) fn walk_double(&mut self, node: &'j Node<'j>, min: Option<f64>, max: Option<f64>) {
        let Value::Number(n) = &node.value else {
            return self.type_error(node, "a number");
        };
        let (under, over) = (min.filter(|m| n.value < *m), max.filter(|m| n.value > *m));
        // Within range (the common case): no call.
        if under.is_some() || over.is_some() {
            self.range(
                n.text,
                under.map(|m| m.to_string()),
                over.map(|m| m.to_string()),
            );
        }
    }

    /// Reports the number `text` as below the minimum `under` or above the
    /// maximum `over` (each given, as messages write it, only when violated).
    fn range(&mut self, text: &str, under: Option<String>, over: Option<String>) {
        if let Some(min) = under {
            self.emit(&rules::MINIMUM, None, |w| {
                bound(w, text, "less than the minimum", "greater", &min)
            });
        }
        if let Some(max) = over {
            self.emit(&rules::MAXIMUM, None, |w| {
                bound(w, text, "greater than the maximum", "less", &max)
            });
        }
    }

    /// Checks the number of entries of a list or map.
    pub(crate) fn count(&mut self, node: &'j Node<'j>, n: u64, min: Option<u64>, max: Option<u64>) {
        let _ = node;
        if let Some(min) = min.filter(|m| n < *m) {
            self.emit(&rules::MIN_ITEMS, None, |w| {
                Details::new(format!("has {n} entries, fewer than the minimum of {min}")).item(
                    Some(&render(node)),
                    &w.aws_path(),
                    &format!("Member must have length greater than or equal to {min}"),
                )
            });
        }
        if let Some(max) = max.filter(|m| n > *m) {
            self.emit(&rules::MAX_ITEMS, None, |w| {
                Details::new(format!("has {n} entries, more than the maximum of {max}")).item(
                    Some(&render(node)),
                    &w.aws_path(),
                    &format!("Member must have length less than or equal to {max}"),
                )
            });
        }
    }
}

/// A number beyond a bound: "`text` is {beyond} of {limit}", and the AWS
/// item "Member must have value {relation} than or equal to {limit}".
fn bound(w: &Walker<'_>, text: &str, beyond: &str, relation: &str, limit: &str) -> Details {
    let mut m = String::with_capacity(text.len().min(64) + beyond.len() + limit.len() + 16);
    m.push('`');
    push_excerpt(&mut m, text);
    m.push_str("` is ");
    m.push_str(beyond);
    m.push_str(" of ");
    m.push_str(limit);
    Details::new(m).item_parts(
        Some(text),
        &w.aws_path(),
        &[
            "Member must have value ",
            relation,
            " than or equal to ",
            limit,
        ],
    )
}

/// Renders a value the way Java's `toString` would, for AWS texts and messages.
pub(crate) fn render(node: &Node<'_>) -> String {
    match &node.value {
        Value::Null => String::from("null"),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.text.to_string(),
        Value::String(s) => s.to_string(),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().take(16).map(render).collect();
            let more = if items.len() > 16 { ", …" } else { "" };
            format!("[{}{more}]", parts.join(", "))
        }
        Value::Object(entries) => {
            let parts: Vec<String> = entries
                .iter()
                .take(16)
                .map(|e| format!("{}={}", e.key, render(&e.value)))
                .collect();
            let more = if entries.len() > 16 { ", …" } else { "" };
            format!("{{{}{more}}}", parts.join(", "))
        }
    }
}

/// The number inside a string that holds nothing else (`"1000"`, `" 2.5 "`):
/// what a numeric member sent as a string meant, or `None`.
fn numeric_string(s: &str) -> Option<&str> {
    let t = s.trim();
    let finite = t.parse::<f64>().map(f64::is_finite).unwrap_or(false);
    let plain = t
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'));
    (finite && plain && t.bytes().any(|b| b.is_ascii_digit())).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::numeric_string;
    use crate::{validate_str, Code, Operation, Options};

    fn only_violation(op: Operation, request: &str) -> crate::Violation {
        let report = validate_str(op, request, &Options::default());
        assert_eq!(report.violations().len(), 1, "{report}");
        report.violations()[0].clone()
    }

    #[test]
    fn numeric_strings_are_recognised() {
        assert_eq!(numeric_string("1000"), Some("1000"));
        assert_eq!(numeric_string(" 2.5 "), Some("2.5"));
        assert_eq!(numeric_string("-1e3"), Some("-1e3"));
        for not in [
            "",
            " ",
            "abc",
            "10 things",
            "NaN",
            "inf",
            "Infinity",
            "1e400",
            "0x10",
            ".",
        ] {
            assert_eq!(numeric_string(not), None, "{not:?}");
        }
    }

    #[test]
    fn a_number_as_a_string_is_a_type_error_with_the_sdk_v2_help() {
        let v = only_violation(
            Operation::CreateJob,
            r#"{"jobId":"job-1","targets":["arn:aws:iot:us-east-1:123456789012:thinggroup/fleet"],"document":"{}","jobExecutionsRolloutConfig":{"maximumPerMinute":"1000"}}"#,
        );
        assert_eq!(v.code(), Code::Type);
        assert_eq!(v.path(), "/jobExecutionsRolloutConfig/maximumPerMinute");
        let help = v.help().unwrap_or_default();
        assert!(help.contains("`1000`"), "{help}");
        assert!(help.contains("SDK for JavaScript v2"), "{help}");
        assert!(help.contains("v3"), "{help}");

        // A double member too.
        let v = only_violation(
            Operation::CreateJob,
            r#"{"jobId":"job-1","targets":["arn:aws:iot:us-east-1:123456789012:thinggroup/fleet"],"document":"{}","jobExecutionsRolloutConfig":{"exponentialRate":{"baseRatePerMinute":10,"incrementFactor":"1.5","rateIncreaseCriteria":{"numberOfNotifiedThings":5}}}}"#,
        );
        assert_eq!(v.code(), Code::Type);
        assert!(v.help().unwrap_or_default().contains("`1.5`"));
    }

    #[test]
    fn other_type_errors_get_no_sdk_help() {
        // Not a number inside the string.
        let v = only_violation(
            Operation::CreateJob,
            r#"{"jobId":"job-1","targets":["arn:aws:iot:us-east-1:123456789012:thinggroup/fleet"],"document":"{}","jobExecutionsRolloutConfig":{"maximumPerMinute":"lots"}}"#,
        );
        assert_eq!(v.code(), Code::Type);
        assert_eq!(v.help(), None);
        // A numeric string where a string is expected is not a type error at all;
        // a number where a string is expected gets no SDK help.
        let v = only_violation(Operation::DescribeJob, r#"{"jobId":1000}"#);
        assert_eq!(v.code(), Code::Type);
        assert_eq!(v.help(), None);
        // A boolean where a number is expected.
        let v = only_violation(
            Operation::CreateJob,
            r#"{"jobId":"job-1","targets":["arn:aws:iot:us-east-1:123456789012:thinggroup/fleet"],"document":"{}","jobExecutionsRolloutConfig":{"maximumPerMinute":true}}"#,
        );
        assert_eq!(v.code(), Code::Type);
        assert_eq!(v.help(), None);
    }
}

//! The three tagged answers of the boundary, written in one place.
//!
//! Every JSON-text answer of [`crate::ffi`] and [`crate::ffi::machine`] is
//! one of:
//!
//! - `{"type":"success", ...}`: the call did what was asked (an invalid
//!   request is a success whose report says `"valid":false`; a refused
//!   event of `step` is a success carrying its `error`);
//! - `{"type":"misuse","error":{"code","message"}}`: the caller passed
//!   something the call cannot take (a [`UsageError`], code in lowerCamel);
//! - `{"type":"refused","error":{"code","message","rule","violations"?}}`:
//!   the machine refused a creation or an event as AWS would (a
//!   [`MachineError`]: AWS exception names such as
//!   `InvalidStateTransitionException`, or the machine's own
//!   `timeWentBackwards` / `deadlinePending`).
//!
//! Callers switch on `type` alone: no member of `error` is a sentinel.
//!
//! The answers are written around `serde_json::to_string` of the body and
//! the error (members in declaration order), not through
//! `serde_json::Value`, which would sort the members and, for the machine,
//! cost a second, Value-building copy of every derive in WebAssembly.

use super::UsageError;
use crate::machine::MachineError;
use serde::Serialize;

/// The answer when serialising an answer fails (it cannot for this crate's
/// types; the arm exists so that nothing panics).
const INTERNAL: &str = r#"{"type":"misuse","error":{"code":"internal","message":"the answer could not be serialised"}}"#;

/// `{"type":"<kind>","error":<error>}`.
fn with_error<E: Serialize>(kind: &str, error: &E) -> String {
    match serde_json::to_string(error) {
        Ok(e) => format!(r#"{{"type":"{kind}","error":{e}}}"#),
        Err(_) => String::from(INTERNAL),
    }
}

/// `{"type":"misuse","error":{"code","message"}}`.
pub(crate) fn misuse(error: &UsageError) -> String {
    with_error("misuse", error)
}

/// `{"type":"refused","error":{"code","message","rule","violations"?}}`.
pub(crate) fn refused(error: &MachineError) -> String {
    with_error("refused", error)
}

/// `{"type":"success"` followed by `members` (JSON object members, each
/// `"name":value`, comma separated, or `""`) and `}`.
pub(crate) fn success_members(members: &str) -> String {
    let mut out = String::with_capacity(members.len() + 20);
    out.push_str(r#"{"type":"success""#);
    if !members.is_empty() {
        out.push(',');
        out.push_str(members);
    }
    out.push('}');
    out
}

/// `{"type":"success","<name>":<value>}`.
pub(crate) fn success<T: Serialize + ?Sized>(name: &str, value: &T) -> String {
    match serde_json::to_string(value) {
        Ok(v) => success_members(&format!(r#""{name}":{v}"#)),
        Err(_) => String::from(INTERNAL),
    }
}

/// `{"type":"success"` then the members of `body` (a struct or map), `}`.
pub(crate) fn success_flat<T: Serialize>(body: &T) -> String {
    match serde_json::to_string(body) {
        Ok(b) => match b.strip_prefix('{').and_then(|b| b.strip_suffix('}')) {
            Some(members) => success_members(members),
            None => String::from(INTERNAL),
        },
        Err(_) => String::from(INTERNAL),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn the_three_answers_parse_and_say_their_type() {
        let m: Value =
            serde_json::from_str(&misuse(&UsageError::new("invalidEvent", "no `type`"))).unwrap();
        assert_eq!(m["type"], "misuse");
        assert_eq!(m["error"]["code"], "invalidEvent");
        assert_eq!(m["error"]["message"], "no `type`");
        let r: Value = serde_json::from_str(&refused(&MachineError::new(
            crate::machine::ErrorCode::TimeWentBackwards,
            "J-1",
            "late",
        )))
        .unwrap();
        assert_eq!(r["type"], "refused");
        assert_eq!(r["error"]["code"], "timeWentBackwards");
        assert_eq!(r["error"]["rule"], "J-1");
        assert_eq!(success_members(""), r#"{"type":"success"}"#);
        assert_eq!(
            success("valid", &true),
            r#"{"type":"success","valid":true}"#
        );
        #[derive(Serialize)]
        struct Body {
            b: u8,
            a: u8,
        }
        assert_eq!(
            success_flat(&Body { b: 1, a: 2 }),
            r#"{"type":"success","b":1,"a":2}"#
        );
    }
}

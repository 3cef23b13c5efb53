//! Shapes shared by several operations, one module each, with the helpers
//! their documented checks use to read already-type-checked members.

pub(crate) mod abort;
pub(crate) mod cancel;
pub(crate) mod document;
pub(crate) mod ids;
pub(crate) mod managed;
pub(crate) mod packages;
pub(crate) mod presigned_url;
pub(crate) mod retry;
pub(crate) mod rollout;
pub(crate) mod scheduling;
pub(crate) mod tags;
pub(crate) mod timeout;

use crate::validate::json::{Entry, Node, Value};
use crate::validate::model::{integral, Integral};

/// The first non-null member called `name`.
pub(crate) fn get<'j>(entries: &'j [Entry<'j>], name: &str) -> Option<&'j Node<'j>> {
    entries
        .iter()
        .find(|e| e.key == name)
        .map(|e| &e.value)
        .filter(|n| !matches!(n.value, Value::Null))
}

/// The member as an integer, if it is one (type errors are the model's job).
pub(crate) fn get_int(entries: &[Entry<'_>], name: &str) -> Option<i64> {
    match &get(entries, name)?.value {
        Value::Number(n) => match integral(n.text, n.value) {
            Integral::Value(v) => Some(v),
            _ => None,
        },
        _ => None,
    }
}

/// The member as an integer that fits a 32-bit model `integer` (a larger
/// value is already a `numberTooLarge` violation and is not judged again).
pub(crate) fn get_i32(entries: &[Entry<'_>], name: &str) -> Option<i64> {
    get_int(entries, name).filter(|v| i32::try_from(*v).is_ok())
}

/// The member as a number, if it is one.
pub(crate) fn get_f64(entries: &[Entry<'_>], name: &str) -> Option<f64> {
    match &get(entries, name)?.value {
        Value::Number(n) => Some(n.value),
        _ => None,
    }
}

/// The member's literal number text, if it is a number.
pub(crate) fn get_num_text<'j>(entries: &'j [Entry<'j>], name: &str) -> Option<&'j str> {
    match &get(entries, name)?.value {
        Value::Number(n) => Some(n.text),
        _ => None,
    }
}

/// The member as a string, if it is one.
pub(crate) fn get_str<'j>(entries: &'j [Entry<'j>], name: &str) -> Option<&'j str> {
    match &get(entries, name)?.value {
        Value::String(s) => Some(s),
        _ => None,
    }
}

/// The member as an object's entries, if it is one.
pub(crate) fn get_obj<'j>(entries: &'j [Entry<'j>], name: &str) -> Option<&'j [Entry<'j>]> {
    match &get(entries, name)?.value {
        Value::Object(e) => Some(e),
        _ => None,
    }
}

/// The member as an array's items, if it is one.
pub(crate) fn get_arr<'j>(entries: &'j [Entry<'j>], name: &str) -> Option<&'j [Node<'j>]> {
    match &get(entries, name)?.value {
        Value::Array(a) => Some(a),
        _ => None,
    }
}

/// Whether the member is present and not null.
pub(crate) fn has(entries: &[Entry<'_>], name: &str) -> bool {
    get(entries, name).is_some()
}

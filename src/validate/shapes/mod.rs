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
use std::collections::BTreeMap;

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

/// How many keys [`Firsts`] keeps inline before it needs a map.
const FEW_FIRSTS: usize = 8;

/// The index each key (a failure type) was first seen at: the first few
/// inline (no allocation for a typical criteria list), the rest in a map (no
/// quadratic time for a long one).
pub(crate) struct Firsts<'j> {
    few: [(&'j str, usize); FEW_FIRSTS],
    /// How many of `few` are set.
    len: usize,
    many: BTreeMap<&'j str, usize>,
}

impl<'j> Firsts<'j> {
    pub(crate) fn new() -> Firsts<'j> {
        Firsts {
            few: [("", 0); FEW_FIRSTS],
            len: 0,
            many: BTreeMap::new(),
        }
    }

    /// The index `key` was first seen at, if it was.
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<usize> {
        let few = self.few.get(..self.len).unwrap_or_default();
        match few.iter().find(|(k, _)| *k == key) {
            Some((_, i)) => Some(*i),
            None if self.many.is_empty() => None,
            None => self.many.get(key).copied(),
        }
    }

    /// The index `key` was first seen at, which is `i` if it is new.
    pub(crate) fn first(&mut self, key: &'j str, i: usize) -> usize {
        if let Some(first) = self.get(key) {
            return first;
        }
        match self.few.get_mut(self.len) {
            Some(slot) => {
                *slot = (key, i);
                self.len += 1;
            }
            None => {
                self.many.insert(key, i);
            }
        }
        i
    }
}

#[cfg(test)]
mod tests {
    use super::{Firsts, FEW_FIRSTS};
    use std::collections::BTreeMap;

    /// Inline and in the map, `Firsts` answers as a `BTreeMap` with
    /// `entry().or_insert()` does, for keys seen once and many times.
    #[test]
    fn firsts_agree_with_a_map() {
        let keys: Vec<String> = (0..3 * FEW_FIRSTS).map(|k| format!("k{k}")).collect();
        let mut firsts = Firsts::new();
        let mut map: BTreeMap<&str, usize> = BTreeMap::new();
        // Every key three times, in an order that repeats early keys late.
        let order = (0..keys.len())
            .chain((0..keys.len()).rev())
            .chain(0..keys.len());
        for (i, k) in order.enumerate() {
            let key = keys[k].as_str();
            assert_eq!(firsts.get(key), map.get(key).copied(), "{key} before {i}");
            assert_eq!(
                firsts.first(key, i),
                *map.entry(key).or_insert(i),
                "{key} at {i}"
            );
        }
        assert_eq!(firsts.get("k0"), Some(0));
        assert_eq!(firsts.get("absent"), None);
    }
}

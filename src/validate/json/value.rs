//! The parsed tree: values, nodes, object members and their byte spans.
//!
//! The tree lives in an [`Arena`] (one bump allocator a parse): containers are
//! slices of it, strings borrow from the input or, when they had escapes,
//! from the arena. Nothing in it has a destructor, so dropping the arena
//! frees the whole tree at once.

/// The bump allocator a parsed tree lives in.
pub(crate) type Arena = bumpalo::Bump;

/// A half-open byte range `start..end` into the parsed input, in 32 bits
/// (requests are at most 1 MiB; larger offsets saturate at `u32::MAX`).
///
/// Offsets count from the first byte of the input as given (a skipped byte
/// order mark still counts). Nodes built by [`from_serde`] use `0..0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// The range `start..end`.
    #[inline(always)]
    pub(crate) fn new(start: usize, end: usize) -> Span {
        Span {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        }
    }

    /// Offset of the first byte.
    #[inline(always)]
    pub(crate) fn start(self) -> usize {
        self.start as usize
    }

    /// Offset one past the last byte.
    #[cfg(test)]
    pub(crate) fn end(self) -> usize {
        self.end as usize
    }
}

/// The span used for nodes that do not come from parsed text.
pub(super) const NO_SPAN: Span = Span { start: 0, end: 0 };

/// A JSON number: its `f64` value and the literal exactly as written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Num<'a> {
    /// The value, as `str::parse::<f64>()` gives it for `text`; always finite.
    pub(crate) value: f64,
    /// The literal as written in the input (for example `1.50`, `-0`, `1e3`).
    pub(crate) text: &'a str,
}

/// A JSON value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Num<'a>),
    /// A string, with escapes decoded; borrowed from the input when it had
    /// no escapes.
    String(&'a str),
    /// An array.
    Array(&'a [Node<'a>]),
    /// An object: its members in document order, duplicate keys kept.
    Object(&'a [Entry<'a>]),
}

/// A JSON value together with where it was found in the input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Node<'a> {
    /// The value.
    pub(crate) value: Value<'a>,
    /// The bytes of the value in the input (strings include their quotes).
    pub(crate) span: Span,
}

/// One member of a JSON object.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Entry<'a> {
    /// The key, with escapes decoded; borrowed from the input when it had no
    /// escapes.
    pub(crate) key: &'a str,
    /// The bytes of the key in the input, including its quotes.
    pub(crate) key_span: Span,
    /// The member's value.
    pub(crate) value: Node<'a>,
}

impl<'a> Value<'a> {
    /// The JSON type name: `null`, `boolean`, `number`, `string`, `array` or
    /// `object`.
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// The value of the first member named `key`, if this is an object that
    /// has one (the tests' accessor).
    #[cfg(test)]
    pub(crate) fn get(&self, key: &str) -> Option<&Node<'a>> {
        match self {
            Value::Object(entries) => entries.iter().find(|e| e.key == key).map(|e| &e.value),
            _ => None,
        }
    }
}

/// The tests' accessors.
#[cfg(test)]
impl<'a> Node<'a> {
    /// The string, if this is a string.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(*s),
            _ => None,
        }
    }

    /// The members in document order (duplicates kept), if this is an object.
    pub(crate) fn as_object(&self) -> Option<&[Entry<'a>]> {
        match &self.value {
            Value::Object(entries) => Some(*entries),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    pub(crate) fn as_array(&self) -> Option<&[Node<'a>]> {
        match &self.value {
            Value::Array(items) => Some(*items),
            _ => None,
        }
    }

    /// The numeric value, if this is a number.
    pub(crate) fn as_f64(&self) -> Option<f64> {
        match &self.value {
            Value::Number(n) => Some(n.value),
            _ => None,
        }
    }
}

/// Converts a `serde_json::Value` into the same tree in `arena`, borrowing
/// its strings.
///
/// All spans are `0..0`. Number text is `serde_json`'s `Display` of the number.
/// Object members come in the map's iteration order. Recurses once per level
/// of nesting (as `serde_json`'s own `Drop` of the value does).
pub(crate) fn from_serde<'a>(value: &'a serde_json::Value, arena: &'a Arena) -> Node<'a> {
    let value = match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => {
            let text = n.to_string();
            let value = n.as_f64().or_else(|| text.parse().ok()).unwrap_or(f64::NAN);
            Value::Number(Num {
                value,
                text: arena.alloc_str(&text),
            })
        }
        serde_json::Value::String(s) => Value::String(s),
        serde_json::Value::Array(items) => {
            Value::Array(arena.alloc_slice_fill_iter(items.iter().map(|v| from_serde(v, arena))))
        }
        serde_json::Value::Object(map) => {
            Value::Object(arena.alloc_slice_fill_iter(map.iter().map(|(k, v)| Entry {
                key: k,
                key_span: NO_SPAN,
                value: from_serde(v, arena),
            })))
        }
    };
    Node {
        value,
        span: NO_SPAN,
    }
}

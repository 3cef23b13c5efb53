//! The document parser: containers, members and separators, without
//! recursion.

use super::error::{eof, non_finite, syntax, ParseError, ParseErrorKind};
use super::value::{Arena, Entry, Node, Span, Value, NO_SPAN};

/// Parses a complete JSON document from bytes, checking that they are UTF-8.
///
/// Any top-level value is accepted. Arrays and objects may nest at most
/// `max_depth` levels (the top-level container is level 1). The tree is
/// allocated in `arena`.
pub(crate) fn parse<'a>(
    input: &'a [u8],
    max_depth: usize,
    arena: &'a Arena,
) -> Result<Node<'a>, ParseError> {
    match std::str::from_utf8(input) {
        Ok(text) => parse_str(text, max_depth, arena),
        Err(e) => Err(ParseError {
            kind: ParseErrorKind::InvalidUtf8,
            offset: e.valid_up_to(),
        }),
    }
}

/// Parses a complete JSON document from a string (no UTF-8 check needed).
///
/// Same rules as [`parse`].
pub(crate) fn parse_str<'a>(
    input: &'a str,
    max_depth: usize,
    arena: &'a Arena,
) -> Result<Node<'a>, ParseError> {
    let bytes = input.as_bytes();
    let pos = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut parser = Parser {
        src: input,
        bytes,
        pos,
        max_depth,
        arena,
        build: true,
    };
    parser.document()
}

/// Checks that a string is one complete JSON document, by the rules of
/// [`parse`], without building its tree (no allocation but the stack of open
/// containers; escapes are checked, not decoded).
pub(crate) fn check_syntax(input: &str, max_depth: usize) -> Result<(), ParseError> {
    let bytes = input.as_bytes();
    let pos = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    // Never allocated in: the parser's `build` is off.
    let arena = Arena::new();
    let mut parser = Parser {
        src: input,
        bytes,
        pos,
        max_depth,
        arena: &arena,
        build: false,
    };
    parser.document().map(|_| ())
}

// ---------------------------------------------------------------------------
// The parser.

/// An array or object that is open while its contents are parsed.
struct Frame<'a> {
    /// Offset of its `[` or `{`.
    start: usize,
    /// Index in the scratch vector (`entries` for an object, `nodes` for an
    /// array) where its members begin.
    base: usize,
    /// Object (true) or array (false).
    object: bool,
    /// If the enclosing container is an object: the key this container is
    /// the value of (set aside while the container's own members are read).
    key: &'a str,
    /// The span of `key`.
    key_span: Span,
}

pub(super) struct Parser<'a> {
    pub(super) src: &'a str,
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
    max_depth: usize,
    /// Where the tree goes.
    pub(super) arena: &'a Arena,
    /// Whether to build the tree (off for [`check_syntax`]: values are
    /// checked and dropped, and the result is a `null` node).
    pub(super) build: bool,
}

impl<'a> Parser<'a> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Skips whitespace; one compare when there is none (most requests are
    /// minified).
    #[inline(always)]
    fn skip_ws(&mut self) {
        if let Some(&b) = self.bytes.get(self.pos) {
            if b <= b' ' {
                self.skip_ws_run();
            }
        }
    }

    /// Skips whitespace and returns the byte there: one load and one
    /// compare when there is none.
    #[inline(always)]
    fn peek_past_ws(&mut self) -> Option<u8> {
        match self.bytes.get(self.pos) {
            Some(&b) if b > b' ' => Some(b),
            Some(_) => {
                self.skip_ws_run();
                self.peek()
            }
            None => None,
        }
    }

    #[inline(never)]
    fn skip_ws_run(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// Parses the whole document without recursion.
    ///
    /// Open containers live on `stack`. Each finished value is written once,
    /// straight into its final form: an [`Entry`] on the `entries` scratch
    /// vector when the innermost open container is an object (using the
    /// pending `key`), otherwise a [`Node`] on `nodes` (array elements and
    /// the top-level value). A closing bracket copies the container's members
    /// off the scratch vector into an exactly sized slice of the arena.
    /// Values are emitted
    /// right where their variant is known, which lets the compiler build them
    /// in place instead of through temporaries.
    fn document(&mut self) -> Result<Node<'a>, ParseError> {
        // Scratch space: a small start scaled to the input (a member takes at
        // least 6 bytes, `"":0,`), so request-sized bodies rarely regrow it.
        let hint = self.bytes.len() / 8;
        let mut stack: Vec<Frame<'a>> = Vec::with_capacity(hint.min(self.max_depth).min(8));
        let (node_room, entry_room) = if self.build {
            (hint.min(8), hint.min(32))
        } else {
            (0, 0)
        };
        let mut nodes: Vec<Node<'a>> = Vec::with_capacity(node_room);
        let mut entries: Vec<Entry<'a>> = Vec::with_capacity(entry_room);
        // Whether the innermost open container is an object.
        let mut in_object = false;
        // In an object: the key of the member whose value comes next.
        let mut key: &'a str = "";
        let mut key_span = NO_SPAN;

        macro_rules! emit {
            ($value:expr, $start:expr) => {{
                let node = Node {
                    value: $value,
                    span: Span::new($start, self.pos),
                };
                if !self.build {
                    // Checked only.
                } else if in_object {
                    entries.push(Entry {
                        key,
                        key_span,
                        value: node,
                    });
                } else {
                    nodes.push(node);
                }
            }};
        }

        'value: loop {
            let next = self.peek_past_ws();
            let start = self.pos;
            match next {
                Some(b'"') => match self.plain_string() {
                    Ok(s) => emit!(Value::String(s), start),
                    Err(i) => {
                        let s = self.string_slow(i)?;
                        emit!(Value::String(s), start);
                    }
                },
                Some(b'-' | b'0'..=b'9') => {
                    let n = self.number()?;
                    emit!(Value::Number(n), start);
                }
                Some(b't') => {
                    self.literal("true")?;
                    emit!(Value::Bool(true), start);
                }
                Some(b'f') => {
                    self.literal("false")?;
                    emit!(Value::Bool(false), start);
                }
                Some(b'n') => {
                    self.literal("null")?;
                    emit!(Value::Null, start);
                }
                Some(b'[') => {
                    if stack.len() >= self.max_depth {
                        return Err(self.too_deep(start));
                    }
                    self.pos += 1;
                    if self.peek_past_ws() == Some(b']') {
                        self.pos += 1;
                        emit!(Value::Array(&[]), start);
                    } else {
                        stack.push(Frame {
                            start,
                            base: nodes.len(),
                            object: false,
                            key,
                            key_span,
                        });
                        in_object = false;
                        continue 'value;
                    }
                }
                Some(b'{') => {
                    if stack.len() >= self.max_depth {
                        return Err(self.too_deep(start));
                    }
                    self.pos += 1;
                    if self.peek_past_ws() == Some(b'}') {
                        self.pos += 1;
                        emit!(Value::Object(&[]), start);
                    } else {
                        stack.push(Frame {
                            start,
                            base: entries.len(),
                            object: true,
                            key,
                            key_span,
                        });
                        in_object = true;
                        (key, key_span) = self.key()?;
                        continue 'value;
                    }
                }
                _ => return Err(self.unexpected_value()),
            }

            // A value is complete: expect a separator or the end of the
            // innermost open container (closing as many as follow).
            loop {
                if stack.is_empty() {
                    self.skip_ws();
                    if self.pos < self.bytes.len() {
                        return Err(syntax("trailing characters after the value", self.pos));
                    }
                    return match nodes.pop() {
                        Some(node) => Ok(node),
                        None if !self.build => Ok(Node {
                            value: Value::Null,
                            span: NO_SPAN,
                        }),
                        None => Err(eof(self.pos)),
                    };
                }
                match (self.peek_past_ws(), in_object) {
                    (Some(b','), false) => {
                        self.pos += 1;
                        if self.peek_past_ws() == Some(b']') {
                            return Err(syntax("trailing comma in array", self.pos));
                        }
                        continue 'value;
                    }
                    (Some(b','), true) => {
                        self.pos += 1;
                        if self.peek_past_ws() == Some(b'}') {
                            return Err(syntax("trailing comma in object", self.pos));
                        }
                        (key, key_span) = self.key()?;
                        continue 'value;
                    }
                    (Some(b']'), false) | (Some(b'}'), true) => {
                        self.pos += 1;
                        let Some(frame) = stack.pop() else {
                            return Err(eof(self.pos));
                        };
                        let value = if !self.build {
                            Value::Null
                        } else if in_object {
                            let members = entries.get(frame.base..).unwrap_or_default();
                            let members = self.arena.alloc_slice_copy(members);
                            entries.truncate(frame.base);
                            Value::Object(members)
                        } else {
                            let items = nodes.get(frame.base..).unwrap_or_default();
                            let items = self.arena.alloc_slice_copy(items);
                            nodes.truncate(frame.base);
                            Value::Array(items)
                        };
                        key = frame.key;
                        key_span = frame.key_span;
                        in_object = stack.last().is_some_and(|f| f.object);
                        emit!(value, frame.start);
                    }
                    (Some(_), false) => {
                        return Err(syntax("expected `,` or `]` after array element", self.pos))
                    }
                    (Some(_), true) => {
                        return Err(syntax("expected `,` or `}` after object member", self.pos))
                    }
                    (None, _) => return Err(eof(self.pos)),
                }
            }
        }
    }

    #[cold]
    fn too_deep(&self, offset: usize) -> ParseError {
        ParseError {
            kind: ParseErrorKind::TooDeep(self.max_depth),
            offset,
        }
    }

    /// The error for a byte that cannot start a value (or the end of input).
    #[cold]
    #[inline(never)]
    fn unexpected_value(&self) -> ParseError {
        let start = self.pos;
        match self.peek() {
            Some(b'N') if self.rest_starts_with(start, b"NaN") => non_finite("NaN", start),
            Some(b'I') if self.rest_starts_with(start, b"Infinity") => {
                non_finite("Infinity", start)
            }
            Some(b'+') => syntax("leading `+` in number", start),
            Some(b'\'') => syntax("single-quoted strings are not allowed", start),
            Some(b'/') => syntax("comments are not allowed", start),
            Some(_) => {
                let c = self.char_at(start);
                let shown: String = if c.is_control() || c.is_whitespace() {
                    c.escape_unicode().collect()
                } else {
                    c.into()
                };
                syntax(format!("expected value, found `{shown}`"), start)
            }
            None => eof(start),
        }
    }

    /// The char at `at`, for error messages.
    pub(super) fn char_at(&self, at: usize) -> char {
        self.src
            .get(at..)
            .and_then(|s| s.chars().next())
            .unwrap_or(char::REPLACEMENT_CHARACTER)
    }

    /// Parses `"key"` `:` (with whitespace) at the current position, which
    /// is not whitespace.
    #[inline(always)]
    fn key(&mut self) -> Result<(&'a str, Span), ParseError> {
        let start = self.pos;
        if self.peek() != Some(b'"') {
            return Err(self.bad_key());
        }
        let key = self.string()?;
        let key_span = Span::new(start, self.pos);
        match self.peek_past_ws() {
            Some(b':') => self.pos += 1,
            Some(_) => return Err(syntax("expected `:` after object key", self.pos)),
            None => return Err(eof(self.pos)),
        }
        Ok((key, key_span))
    }

    /// The error for something other than a string where a key is expected.
    #[cold]
    #[inline(never)]
    fn bad_key(&self) -> ParseError {
        let start = self.pos;
        match self.peek() {
            Some(b'\'') => syntax("single-quoted strings are not allowed", start),
            Some(b'/') => syntax("comments are not allowed", start),
            Some(_) => syntax("expected string key in object", start),
            None => eof(start),
        }
    }
}

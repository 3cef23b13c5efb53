//! The shape tree of the AWS model and the one walk that checks a request
//! against it.
//!
//! Every operation module describes its input as static [`Shape`]s; shared
//! shapes (rollout, abort, ...) live in `crate::validate::shapes`. The walk checks the
//! model constraints of every member, then, in the `documented` profile,
//! calls the shape's own documented checks. Violations come out in a stable
//! order: for each object, duplicate and unknown keys in request order, then
//! the members in model order, then the shape's documented rules.

use crate::rules::{self, Rule};
use crate::validate::api::{ApiVersion, Operation, Options, Profile};
use crate::validate::json::{Entry, Node, Value};
use crate::validate::primitive::{closest, excerpt, Pattern};
use crate::validate::report::{AwsText, Severity, Violation};
use std::fmt::Write as _;

/// Which API versions have a member (or a variant of its constraints).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Apis {
    /// Both the 2022 and the latest model.
    Both,
    /// Only the January 2022 model.
    Only2022,
    /// Only the latest model.
    OnlyLatest,
}

impl Apis {
    pub(crate) fn has(self, api: ApiVersion) -> bool {
        !matches!(
            (self, api),
            (Apis::Only2022, ApiVersion::Latest) | (Apis::OnlyLatest, ApiVersion::V2022_01)
        )
    }
}

/// The width of an integer shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Width {
    /// Model type `integer` (Java `int`).
    I32,
    /// Model type `long` (Java `long`).
    I64,
}

/// A documented check run on a structure after its members were walked.
pub(crate) type Check = for<'j> fn(&mut Walker<'j>, &'j [Entry<'j>]);

/// The constraints of one model shape.
#[derive(Debug)]
pub(crate) enum Kind {
    /// A string with optional length bounds (code points), pattern and enum.
    Str {
        min: Option<u64>,
        max: Option<u64>,
        pattern: Option<Pattern>,
        values: Option<&'static [&'static str]>,
    },
    /// An integer with optional bounds.
    Int {
        width: Width,
        min: Option<i64>,
        max: Option<i64>,
    },
    /// A double with optional bounds.
    Double { min: Option<f64>, max: Option<f64> },
    /// A boolean.
    Bool,
    /// A list.
    List {
        member: &'static Shape,
        min: Option<u64>,
        max: Option<u64>,
    },
    /// A map with string keys.
    Map {
        key: &'static Shape,
        value: &'static Shape,
    },
    /// A structure.
    Struct {
        members: &'static [Member],
        check: Option<Check>,
    },
}

/// A named model shape.
#[derive(Debug)]
pub(crate) struct Shape {
    /// The shape's name in the AWS model, e.g. `JobId` (checked by the drift test).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) name: &'static str,
    /// Its constraints.
    pub(crate) kind: Kind,
}

/// A member of a structure.
#[derive(Debug)]
pub(crate) struct Member {
    /// The wire name, e.g. `jobExecutionsRetryConfig`.
    pub(crate) name: &'static str,
    /// Its shape.
    pub(crate) shape: &'static Shape,
    /// Whether the model lists it as required.
    pub(crate) required: bool,
    /// Which API versions have it with this shape.
    pub(crate) apis: Apis,
}

/// Shorthand constructors so shape modules read like the model.
impl Member {
    pub(crate) const fn opt(name: &'static str, shape: &'static Shape) -> Member {
        Member {
            name,
            shape,
            required: false,
            apis: Apis::Both,
        }
    }
    pub(crate) const fn req(name: &'static str, shape: &'static Shape) -> Member {
        Member {
            name,
            shape,
            required: true,
            apis: Apis::Both,
        }
    }
    pub(crate) const fn only(self, apis: Apis) -> Member {
        Member { apis, ..self }
    }
}

/// The most members any structure has (CreateJobRequest has 19 rows, two
/// of them per-version variants).
pub(crate) const SLOTS: usize = 24;

/// The index of the member called `key` in this API version.
fn member_index(members: &[Member], api: ApiVersion, key: &str) -> Option<usize> {
    let k = key.as_bytes();
    members.iter().position(|m| {
        m.name.len() == k.len()
            && m.name.as_bytes().first() == k.first()
            && m.name.as_bytes() == k
            && m.apis.has(api)
    })
}

/// One step of a path.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Seg<'j> {
    Key(&'j str),
    Index(usize),
}

/// Where violations go. In counting mode nothing is built.
pub(crate) struct Sink {
    collect: bool,
    errors: usize,
    violations: Vec<Violation>,
}

impl Sink {
    pub(crate) fn new(collect: bool) -> Sink {
        Sink {
            collect,
            errors: 0,
            violations: Vec::new(),
        }
    }
    pub(crate) fn errors(&self) -> usize {
        self.errors
    }
    pub(crate) fn into_violations(self) -> Vec<Violation> {
        self.violations
    }
}

/// What a rule says about one value: message, help and AWS text.
pub(crate) struct Details {
    pub(crate) message: String,
    pub(crate) help: Option<String>,
    pub(crate) aws: AwsText,
}

impl Details {
    pub(crate) fn new(message: String) -> Details {
        Details {
            message,
            help: None,
            aws: AwsText::None,
        }
    }
    pub(crate) fn help(mut self, help: String) -> Details {
        self.help = Some(help);
        self
    }
    /// A framework item: `Value '<value>' at '<path>' failed to satisfy constraint: <constraint>`.
    pub(crate) fn item(mut self, value: Option<&str>, aws_path: &str, constraint: &str) -> Details {
        self.aws = AwsText::Item(match value {
            Some(v) => {
                format!("Value '{v}' at '{aws_path}' failed to satisfy constraint: {constraint}")
            }
            None => {
                format!("Value null at '{aws_path}' failed to satisfy constraint: {constraint}")
            }
        });
        self
    }
    /// A plain AWS message, for business rules and type errors.
    pub(crate) fn plain(mut self, text: String) -> Details {
        self.aws = AwsText::Plain(text);
        self
    }
}

/// The state of one walk over one request.
pub(crate) struct Walker<'j> {
    /// Whether node spans refer to request text (false for `serde_json::Value` input).
    pub(crate) spans: bool,
    /// The span to report for the next violation instead of locating it by path.
    hint: Option<usize>,
    pub(crate) op: Operation,
    pub(crate) options: Options,
    pub(crate) root: &'j Node<'j>,
    path: Vec<Seg<'j>>,
    sink: Sink,
}

impl<'j> Walker<'j> {
    pub(crate) fn new(
        op: Operation,
        options: Options,
        root: &'j Node<'j>,
        collect: bool,
    ) -> Walker<'j> {
        Walker {
            spans: false,
            hint: None,
            op,
            options,
            root,
            path: Vec::with_capacity(8),
            sink: Sink::new(collect),
        }
    }

    pub(crate) fn finish(self) -> Sink {
        self.sink
    }

    /// The API version being checked.
    pub(crate) fn api(&self) -> ApiVersion {
        self.options.api
    }

    /// Runs `f` with `seg` pushed on the path.
    pub(crate) fn at<R>(&mut self, seg: Seg<'j>, f: impl FnOnce(&mut Self) -> R) -> R {
        self.path.push(seg);
        let r = f(self);
        self.path.pop();
        r
    }

    /// Records a violation of `rule` at the current path (plus `extra`).
    pub(crate) fn emit(
        &mut self,
        rule: &'static Rule,
        extra: Option<Seg<'j>>,
        build: impl FnOnce(&Self) -> Details,
    ) {
        if rule.severity == Severity::Error {
            self.sink.errors += 1;
        }
        if !self.sink.collect {
            return;
        }
        if let Some(seg) = extra {
            self.path.push(seg);
        }
        let d = build(self);
        let offset = self.hint.take();
        self.record(rule, d, "", offset);
        if extra.is_some() {
            self.path.pop();
        }
    }

    /// Like [`Walker::emit`], for a violation at the current path plus a JSON
    /// Pointer `suffix` into a value that is not part of the request tree (the
    /// parsed job document); its position is the current node's.
    #[cfg_attr(not(feature = "document-schema"), allow(dead_code))]
    pub(crate) fn emit_with_suffix(
        &mut self,
        rule: &'static Rule,
        suffix: &str,
        build: impl FnOnce(&Self) -> Details,
    ) {
        if rule.severity == Severity::Error {
            self.sink.errors += 1;
        }
        if self.sink.collect {
            let d = build(self);
            self.record(rule, d, suffix, None);
        }
    }

    /// Builds the violation at the current path (plus `suffix`), located at
    /// `offset` or, without one, by the path.
    fn record(&mut self, rule: &'static Rule, d: Details, suffix: &str, offset: Option<usize>) {
        let position = self.spans.then(|| crate::validate::report::Position {
            offset: offset.unwrap_or_else(|| self.locate()),
            line: 0,
            column: 0,
        });
        self.sink.violations.push(Violation {
            code: rule.code,
            path: self.pointer() + suffix,
            message: d.message,
            severity: rule.severity,
            source: rule.source,
            rule: rule.id,
            help: d.help,
            position,
            aws: d.aws,
        });
    }

    /// The byte offset of the deepest node on the current path that exists:
    /// the offending value itself, or the object a missing member belongs to.
    fn locate(&self) -> usize {
        let mut node = self.root;
        for seg in &self.path {
            let next = match (seg, &node.value) {
                (Seg::Key(k), Value::Object(entries)) => {
                    entries.iter().find(|e| e.key == *k).map(|e| &e.value)
                }
                (Seg::Index(i), Value::Array(items)) => items.get(*i),
                _ => None,
            };
            match next {
                Some(n) => node = n,
                None => break,
            }
        }
        node.span.start
    }

    /// The current path as an RFC 6901 JSON Pointer.
    pub(crate) fn pointer(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            out.push('/');
            match seg {
                Seg::Key(k) => {
                    for c in k.chars() {
                        match c {
                            '~' => out.push_str("~0"),
                            '/' => out.push_str("~1"),
                            c => out.push(c),
                        }
                    }
                }
                Seg::Index(i) => {
                    let _ = write!(out, "{i}");
                }
            }
        }
        out
    }

    /// The current path as the service writes it: `a.b.1.member.c`.
    pub(crate) fn aws_path(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            if !out.is_empty() {
                out.push('.');
            }
            match seg {
                Seg::Key(k) => out.push_str(k),
                Seg::Index(i) => {
                    let _ = write!(out, "{}.member", i + 1);
                }
            }
        }
        out
    }

    /// Walks `node` against `shape`.
    pub(crate) fn walk(&mut self, node: &'j Node<'j>, shape: &'static Shape) {
        match &shape.kind {
            Kind::Str {
                min,
                max,
                pattern,
                values,
            } => self.walk_str(node, *min, *max, *pattern, *values),
            Kind::Int { width, min, max } => self.walk_int(node, *width, *min, *max),
            Kind::Double { min, max } => self.walk_double(node, *min, *max),
            Kind::Bool => {
                if !matches!(node.value, Value::Bool(_)) {
                    self.type_error(node, "a boolean");
                }
            }
            Kind::List { member, min, max } => self.walk_list(node, member, *min, *max),
            Kind::Map { key, value } => self.walk_map(node, key, value),
            Kind::Struct { members, check } => self.walk_struct(node, members, *check),
        }
    }

    pub(crate) fn type_error(&mut self, node: &'j Node<'j>, expected: &'static str) {
        let found = node.value.type_name();
        self.emit(&rules::TYPE, None, |w| {
            Details::new(format!(
                "expected {expected}, found {found} `{}`",
                excerpt(&render(node))
            ))
            .plain(format!("Value at '{}' must be {expected}", w.aws_path()))
        });
    }

    fn walk_str(
        &mut self,
        node: &'j Node<'j>,
        min: Option<u64>,
        max: Option<u64>,
        pattern: Option<Pattern>,
        values: Option<&'static [&'static str]>,
    ) {
        let Value::String(s) = &node.value else {
            return self.type_error(node, "a string");
        };
        self.check_str(s, min, max, pattern, values);
    }

    /// Checks a string's length, pattern and enum.
    pub(crate) fn check_str(
        &mut self,
        s: &'j str,
        min: Option<u64>,
        max: Option<u64>,
        pattern: Option<Pattern>,
        values: Option<&'static [&'static str]>,
    ) {
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
                let why = match p.first_offender(s) {
                    _ if s.is_empty() => String::from("it is empty"),
                    Some(c) => format!("`{}` is not allowed", c.escape_debug()),
                    None => String::from("it does not have the required form"),
                };
                Details::new(format!(
                    "`{}` does not match the pattern `{}`: {why}",
                    excerpt(s),
                    p.source()
                ))
                .item(
                    Some(s),
                    &w.aws_path(),
                    &format!(
                        "Member must satisfy regular expression pattern: {}",
                        p.source()
                    ),
                )
            });
        }
        if let Some(values) = values.filter(|v| !v.contains(&s)) {
            self.emit(&rules::ENUM, None, |w| {
                let mut d = Details::new(format!(
                    "`{}` is not one of {}",
                    excerpt(s),
                    values.join(", ")
                ))
                .item(
                    Some(s),
                    &w.aws_path(),
                    &format!(
                        "Member must satisfy enum value set: [{}]",
                        values.join(", ")
                    ),
                );
                if let Some(m) = values
                    .iter()
                    .find(|v| v.eq_ignore_ascii_case(s))
                    .or_else(|| {
                        closest(s, values.iter().copied())
                            .and_then(|c| values.iter().find(|v| **v == c))
                    })
                {
                    d = d.help(format!("did you mean `{m}`?"));
                }
                d
            });
        }
    }

    fn walk_int(&mut self, node: &'j Node<'j>, width: Width, min: Option<i64>, max: Option<i64>) {
        let Value::Number(n) = &node.value else {
            return self.type_error(node, "an integer");
        };
        let v = match integral(&n.text, n.value) {
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
        let text = &n.text;
        if let Some(min) = min.filter(|m| v < *m) {
            self.emit(&rules::MINIMUM, None, |w| below(w, text, &min.to_string()));
        }
        if let Some(max) = max.filter(|m| v > *m) {
            self.emit(&rules::MAXIMUM, None, |w| above(w, text, &max.to_string()));
        }
    }

    fn walk_double(&mut self, node: &'j Node<'j>, min: Option<f64>, max: Option<f64>) {
        let Value::Number(n) = &node.value else {
            return self.type_error(node, "a number");
        };
        let text = &n.text;
        if let Some(min) = min.filter(|m| n.value < *m) {
            self.emit(&rules::MINIMUM, None, |w| below(w, text, &min.to_string()));
        }
        if let Some(max) = max.filter(|m| n.value > *m) {
            self.emit(&rules::MAXIMUM, None, |w| above(w, text, &max.to_string()));
        }
    }

    fn walk_list(
        &mut self,
        node: &'j Node<'j>,
        member: &'static Shape,
        min: Option<u64>,
        max: Option<u64>,
    ) {
        let Value::Array(items) = &node.value else {
            return self.type_error(node, "an array");
        };
        self.count(node, items.len() as u64, min, max);
        for (i, item) in items.iter().enumerate() {
            self.at(Seg::Index(i), |w| {
                if matches!(item.value, Value::Null) {
                    w.emit(&rules::REQUIRED, None, |w| {
                        Details::new(String::from("list entries must not be null")).item(
                            None,
                            &w.aws_path(),
                            "Member must not be null",
                        )
                    });
                } else {
                    w.walk(item, member);
                }
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

    fn walk_map(&mut self, node: &'j Node<'j>, key: &'static Shape, value: &'static Shape) {
        let Value::Object(entries) = &node.value else {
            return self.type_error(node, "an object");
        };
        self.duplicates(entries);
        for e in entries {
            self.at(Seg::Key(&e.key), |w| {
                if let Kind::Str {
                    min,
                    max,
                    pattern,
                    values,
                } = &key.kind
                {
                    w.check_str(&e.key, *min, *max, *pattern, *values);
                }
                if matches!(e.value.value, Value::Null) {
                    w.emit(&rules::REQUIRED, None, |w| {
                        Details::new(String::from("map values must not be null")).item(
                            None,
                            &w.aws_path(),
                            "Member must not be null",
                        )
                    });
                } else {
                    w.walk(&e.value, value);
                }
            });
        }
    }

    fn walk_struct(
        &mut self,
        node: &'j Node<'j>,
        members: &'static [Member],
        check: Option<Check>,
    ) {
        let Value::Object(entries) = &node.value else {
            return self.type_error(node, "an object");
        };
        let api = self.api();
        // One pass over the entries finds each member's value (the first
        // occurrence) and notices duplicates and unknown keys, which the
        // rare slow path then reports in request order.
        let mut slots: [Option<&'j Node<'j>>; SLOTS] = [None; SLOTS];
        let mut irregular = false;
        for e in entries.iter() {
            match member_index(members, api, &e.key).and_then(|i| slots.get_mut(i)) {
                Some(slot @ None) => *slot = Some(&e.value),
                _ => irregular = true,
            }
        }
        if irregular {
            self.duplicates(entries);
            for e in entries.iter() {
                if member_index(members, api, &e.key).is_none() {
                    self.unknown(e, members);
                }
            }
        }
        for (i, m) in members.iter().enumerate().filter(|(_, m)| m.apis.has(api)) {
            let value = match slots.get(i) {
                Some(v) => *v,
                // INVARIANT: no shape has more than SLOTS members (tested); kept total anyway.
                None => entries.iter().find(|e| e.key == m.name).map(|e| &e.value),
            };
            match value {
                Some(v) if !matches!(v.value, Value::Null) => {
                    self.at(Seg::Key(m.name), |w| w.walk(v, m.shape));
                }
                _ if m.required => {
                    self.emit(&rules::REQUIRED, Some(Seg::Key(m.name)), |w| {
                        Details::new(format!("`{}` is required", m.name)).item(
                            None,
                            &w.aws_path(),
                            "Member must not be null",
                        )
                    });
                }
                _ => {}
            }
        }
        if let Some(check) = check {
            if self.options.profile == Profile::Documented {
                check(self, entries);
            }
        }
    }

    fn duplicates(&mut self, entries: &'j [Entry<'j>]) {
        let is_dup = |i: usize, e: &Entry<'_>| entries.iter().take(i).any(|p| p.key == e.key);
        if entries.len() <= 32 {
            for (i, e) in entries.iter().enumerate() {
                if is_dup(i, e) {
                    self.duplicate_key(e);
                }
            }
        } else {
            let mut keys: Vec<(&str, usize)> = entries
                .iter()
                .enumerate()
                .map(|(i, e)| (&*e.key, i))
                .collect();
            keys.sort_unstable();
            let mut dups: Vec<usize> = keys
                .windows(2)
                .filter(|w| matches!(w, [a, b] if a.0 == b.0))
                .filter_map(|w| w.get(1).map(|x| x.1))
                .collect();
            dups.sort_unstable();
            for i in dups {
                if let Some(e) = entries.get(i) {
                    self.duplicate_key(e);
                }
            }
        }
    }

    fn duplicate_key(&mut self, e: &'j Entry<'j>) {
        self.hint = Some(e.key_span.start);
        self.emit(&rules::DUPLICATE_KEY, Some(Seg::Key(&e.key)), |w| {
            Details::new(format!(
                "the key `{}` appears more than once",
                excerpt(&e.key)
            ))
            .plain(format!("Duplicate key '{}' at '{}'", e.key, w.aws_path()))
        });
    }

    fn unknown(&mut self, e: &'j Entry<'j>, members: &'static [Member]) {
        let api = self.api();
        self.hint = Some(e.key_span.start);
        self.emit(&rules::UNKNOWN_FIELD, Some(Seg::Key(&e.key)), |w| {
            let mut d = Details::new(format!(
                "`{}` is not a member of {}",
                excerpt(&e.key),
                w.scope()
            ))
            .plain(format!("Unknown member '{}' at '{}'", e.key, w.aws_path()));
            if let Some(other) = members.iter().find(|m| m.name == e.key) {
                let where_ = if other.apis == Apis::OnlyLatest {
                    "latest"
                } else {
                    "2022-01"
                };
                d = d.help(format!(
                    "`{}` exists only in the `{where_}` API; this request is checked against `{}`",
                    e.key,
                    api.name()
                ));
            } else if let Some(c) = closest(
                &e.key,
                members.iter().filter(|m| m.apis.has(api)).map(|m| m.name),
            ) {
                d = d.help(format!("did you mean `{c}`?"));
            }
            d
        });
    }

    /// "the CreateJob request" or "`abortConfig`": for messages.
    fn scope(&self) -> String {
        let parent = self.path.iter().rev().nth(1).and_then(|s| match s {
            Seg::Key(k) => Some(*k),
            Seg::Index(_) => None,
        });
        match (self.path.len(), parent) {
            (0 | 1, _) => format!("the {} request", self.op),
            (_, Some(k)) => format!("`{k}`"),
            (_, None) => String::from("this entry"),
        }
    }
}

fn below(w: &Walker<'_>, text: &str, min: &str) -> Details {
    Details::new(format!(
        "`{}` is less than the minimum of {min}",
        excerpt(text)
    ))
    .item(
        Some(text),
        &w.aws_path(),
        &format!("Member must have value greater than or equal to {min}"),
    )
}

fn above(w: &Walker<'_>, text: &str, max: &str) -> Details {
    Details::new(format!(
        "`{}` is greater than the maximum of {max}",
        excerpt(text)
    ))
    .item(
        Some(text),
        &w.aws_path(),
        &format!("Member must have value less than or equal to {max}"),
    )
}

/// An integer's value, as read from its literal.
pub(crate) enum Integral {
    /// It has a fractional part.
    Fraction,
    /// It is integral but beyond 64 bits.
    TooLarge,
    /// Its value.
    Value(i64),
}

/// Reads an integral value from a number literal: `5` and `5.0` and `5e0` are 5;
/// `2.5` is a fraction; `1e30` is too large.
pub(crate) fn integral(text: &str, value: f64) -> Integral {
    if let Ok(v) = text.parse::<i64>() {
        return Integral::Value(v);
    }
    if value.fract() != 0.0 {
        return Integral::Fraction;
    }
    // 2^63 is exactly representable; anything at or beyond it does not fit.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    if !(-LIMIT..LIMIT).contains(&value) {
        return Integral::TooLarge;
    }
    #[allow(clippy::cast_possible_truncation)] // INVARIANT: integral and within i64 (checked above)
    Integral::Value(value as i64)
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

impl Sink {
    /// Records a violation at the request root (input hygiene).
    pub(crate) fn push_root(
        &mut self,
        rule: &'static Rule,
        message: String,
        aws: AwsText,
        offset: Option<usize>,
    ) {
        if rule.severity == Severity::Error {
            self.errors += 1;
        }
        if self.collect {
            self.violations.push(Violation {
                code: rule.code,
                path: String::new(),
                message,
                severity: rule.severity,
                source: rule.source,
                rule: rule.id,
                help: None,
                position: offset.map(|offset| crate::validate::report::Position {
                    offset,
                    line: 0,
                    column: 0,
                }),
                aws,
            });
        }
    }
}

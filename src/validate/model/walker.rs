//! The walker: one pass over a parsed request against its shape tree, with
//! the current path, and the structural steps (structures, lists, maps,
//! duplicate and unknown keys). The per-value checks are in `checks`.

use std::collections::BTreeMap;

use super::path::{self, Seg};
use super::shape::{member_index, member_index_from, Apis, Check, Kind, Member, Shape, SLOTS};
use super::sink::{Details, Sink};
use crate::rules::{self, Rule};
use crate::validate::api::{ApiVersion, Operation, Options, Profile};
use crate::validate::json::{Entry, Node, Value};
use crate::validate::primitive::{closest, excerpt};

/// The state of one walk over one request.
pub(crate) struct Walker<'j> {
    /// Whether node spans refer to request text (false for `serde_json::Value` input).
    pub(crate) spans: bool,
    /// The span to report for the next violation instead of locating it by path.
    hint: Option<usize>,
    pub(crate) op: Operation,
    pub(crate) options: Options,
    pub(crate) root: &'j Node<'j>,
    /// The current path, one step a segment with the node at that depth
    /// (in a structure the first occurrence of a key, as
    /// [`Walker::lookup`] finds it; in a map the entry being checked),
    /// `None` from the first segment the request does not have: carried
    /// down the walk so that locating a violation costs nothing, whatever
    /// the size of the objects above it. One stack, so one push and one pop
    /// a node.
    path: Vec<(Seg<'j>, Option<&'j Node<'j>>)>,
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

    pub(crate) fn finish(mut self) -> Sink {
        self.sink.root_offset = self.spans.then_some(self.root.span.start());
        self.sink
    }

    /// The API version being checked.
    pub(crate) fn api(&self) -> ApiVersion {
        self.options.api
    }

    /// Runs `f` with `seg` pushed on the path, looking its node up in the
    /// current one (one scan of the current object's entries: call it once
    /// per member, not once per list entry below it).
    pub(crate) fn at<R>(&mut self, seg: Seg<'j>, f: impl FnOnce(&mut Self) -> R) -> R {
        let node = self.current().and_then(|n| Self::lookup(n, seg));
        self.at_node(seg, node, f)
    }

    /// Runs `f` with `seg`, whose node is `node`, pushed on the path.
    pub(crate) fn at_node<R>(
        &mut self,
        seg: Seg<'j>,
        node: Option<&'j Node<'j>>,
        f: impl FnOnce(&mut Self) -> R,
    ) -> R {
        self.path.push((seg, node));
        let r = f(self);
        self.path.pop();
        r
    }

    /// The node at the current path, if the request has it.
    fn current(&self) -> Option<&'j Node<'j>> {
        match self.path.last() {
            Some((_, n)) => *n,
            None => Some(self.root),
        }
    }

    /// The deepest node on the current path that the request has: the
    /// offending value itself, or the object a missing member belongs to.
    fn located(&self) -> &'j Node<'j> {
        self.path
            .iter()
            .rev()
            .find_map(|(_, n)| *n)
            .unwrap_or(self.root)
    }

    /// The child `seg` of `node`: the first entry with that key, or the item
    /// at that index.
    fn lookup(node: &'j Node<'j>, seg: Seg<'j>) -> Option<&'j Node<'j>> {
        match (seg, &node.value) {
            (Seg::Key(k), Value::Object(entries)) => {
                entries.iter().find(|e| e.key == k).map(|e| &e.value)
            }
            (Seg::Index(i), Value::Array(items)) => items.get(i),
            _ => None,
        }
    }

    /// Records a violation of `rule` at the current path (plus `extra`).
    pub(crate) fn emit(
        &mut self,
        rule: &'static Rule,
        extra: Option<Seg<'j>>,
        build: impl FnOnce(&Self) -> Details,
    ) {
        let hint = self.hint.take();
        if !self.sink.count(rule) {
            return;
        }
        // Located only when the violation will be listed (see `Sink::room`).
        let offset = (self.spans && self.sink.room()).then(|| {
            hint.unwrap_or_else(|| {
                let deeper = self.current().zip(extra);
                let deeper = deeper.and_then(|(n, seg)| Self::lookup(n, seg));
                deeper.unwrap_or_else(|| self.located()).span.start()
            })
        });
        if let Some(seg) = extra {
            // No node: `current` and `located` are not asked again below.
            self.path.push((seg, None));
        }
        let d = build(self);
        self.record(rule, d, "", offset);
        if extra.is_some() {
            self.path.pop();
        }
    }

    /// Like [`Walker::emit`], for a violation about the key of `e`, an entry
    /// of the object at the current path: at the path of that entry, located
    /// at its own key (not at the first entry with the same key).
    pub(crate) fn emit_at_key(
        &mut self,
        rule: &'static Rule,
        e: &'j Entry<'j>,
        build: impl FnOnce(&Self) -> Details,
    ) {
        self.hint = Some(e.key_span.start());
        self.emit(rule, Some(Seg::Key(e.key)), build);
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
        if self.sink.count(rule) {
            let offset = (self.spans && self.sink.room()).then(|| self.located().span.start());
            let d = build(self);
            self.record(rule, d, suffix, offset);
        }
    }

    /// Builds the violation at the current path (plus `suffix`), at the
    /// byte `offset` (`None` without spans); the sink keeps it if the report
    /// has room.
    fn record(&mut self, rule: &'static Rule, d: Details, suffix: &str, offset: Option<usize>) {
        if self.sink.room() {
            let path = self.pointer() + suffix;
            self.sink.push(rule, path, d, offset);
        } else {
            self.sink.drop_one(rule, &d);
        }
    }

    /// The current path as an RFC 6901 JSON Pointer.
    pub(crate) fn pointer(&self) -> String {
        path::pointer(self.path.iter().map(|(s, _)| *s))
    }

    /// The current path as the service writes it: `a.b.1.member.c`.
    pub(crate) fn aws_path(&self) -> String {
        path::aws_path(self.path.iter().map(|(s, _)| *s))
    }

    /// Walks `node` against `shape`.
    pub(crate) fn walk(&mut self, node: &'j Node<'j>, shape: &'static Shape) {
        match &shape.kind {
            Kind::Str { .. } => self.walk_str(node, shape),
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

    /// [`Walker::walk`], with a string checked right here instead of
    /// through another call of the recursive walk.
    #[inline(always)]
    fn walk_leaf_or(&mut self, node: &'j Node<'j>, shape: &'static Shape) {
        match (&shape.kind, &node.value) {
            (Kind::Str { .. }, Value::String(s)) => self.check_str(s, shape),
            _ => self.walk(node, shape),
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
            self.at_node(Seg::Index(i), Some(item), |w| {
                match (&member.kind, &item.value) {
                    // A string entry of a string list: checked here, not walked.
                    (Kind::Str { .. }, Value::String(s)) => w.check_str(s, member),
                    _ => w.walk_entry(item, member, "list entries"),
                }
            });
        }
    }

    /// Walks a list entry or a map value (`what`, for the message), which
    /// must not be `null`.
    fn walk_entry(&mut self, node: &'j Node<'j>, shape: &'static Shape, what: &str) {
        if matches!(node.value, Value::Null) {
            self.emit(&rules::REQUIRED, None, |w| {
                Details::new(format!("{what} must not be null")).item(
                    None,
                    &w.aws_path(),
                    "Member must not be null",
                )
            });
        } else {
            self.walk(node, shape);
        }
    }

    fn walk_map(&mut self, node: &'j Node<'j>, key: &'static Shape, value: &'static Shape) {
        let Value::Object(entries) = &node.value else {
            return self.type_error(node, "an object");
        };
        self.duplicates(entries);
        for e in entries.iter() {
            // Every entry is checked at its own node: a repeated key's
            // violations point at that occurrence, not at the first.
            let node = &e.value;
            self.at_node(Seg::Key(e.key), Some(node), |w| {
                w.check_str(e.key, key);
                w.walk_entry(&e.value, value, "map values");
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
        let mut next = 0;
        for e in entries.iter() {
            let i = member_index_from(members, api, e.key, next);
            next = i.map_or(0, |i| i + 1);
            match i.and_then(|i| slots.get_mut(i)) {
                Some(slot @ None) => *slot = Some(&e.value),
                _ => irregular = true,
            }
        }
        if irregular {
            self.duplicates(entries);
            for e in entries.iter() {
                if member_index(members, api, e.key).is_none() {
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
                    self.at_node(Seg::Key(m.name), Some(v), |w| w.walk_leaf_or(v, m.shape));
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

    /// Reports every repeated key (each occurrence after the first, at its
    /// own key), in request order.
    fn duplicates(&mut self, entries: &'j [Entry<'j>]) {
        let mut dups: Vec<usize> = Vec::new();
        if entries.len() <= 32 {
            for (i, e) in entries.iter().enumerate() {
                if entries.iter().take(i).any(|p| p.key == e.key) {
                    dups.push(i);
                }
            }
        } else {
            // A map of the keys seen (the type abort and retry criteria
            // already use, so no new code in the .wasm; sorting the keys
            // brought two sort copies, about 7.6 KB raw, #12): each entry
            // whose key is already there is a duplicate, in entry order.
            let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
            for (i, e) in entries.iter().enumerate() {
                if seen.insert(e.key, i).is_some() {
                    dups.push(i);
                }
            }
        }
        for i in dups {
            if let Some(e) = entries.get(i) {
                self.duplicate_key(e);
            }
        }
    }

    fn duplicate_key(&mut self, e: &'j Entry<'j>) {
        self.emit_at_key(&rules::DUPLICATE_KEY, e, |w| {
            Details::new(format!(
                "the key `{}` appears more than once",
                excerpt(e.key)
            ))
            .plain(format!("Duplicate key '{}' at '{}'", e.key, w.aws_path()))
        });
    }

    fn unknown(&mut self, e: &'j Entry<'j>, members: &'static [Member]) {
        let api = self.api();
        self.emit_at_key(&rules::UNKNOWN_FIELD, e, |w| {
            let mut d = Details::new(format!(
                "`{}` is not a member of {}",
                excerpt(e.key),
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
                e.key,
                members.iter().filter(|m| m.apis.has(api)).map(|m| m.name),
            ) {
                d = d.help(format!("did you mean `{c}`?"));
            }
            d
        });
    }

    /// "the CreateJob request" or "`abortConfig`": for messages.
    fn scope(&self) -> String {
        let parent = self.path.iter().rev().nth(1).and_then(|(s, _)| match s {
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

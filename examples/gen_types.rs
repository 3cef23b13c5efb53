//! Generates `js/requests.d.ts`: the TypeScript request and output types of
//! the seven operations in both API versions, for the npm package.
//!
//! - Requests come from the crate's shape tree, through the exported JSON
//!   Schemas ([`iot_jobs_policy::schema_export::json_schema`], documented
//!   profile): members, required members, types, enums, and every constraint
//!   the schema states (lengths, patterns, ranges, list sizes, decimal
//!   places, the documented bounds) in each member's doc comment.
//! - Outputs (the shape tree covers requests only) come from the AWS model
//!   data the repository holds (`tests/reference/iot-jobs-constraints-*.json`,
//!   `operations.<Op>.output`), with AWS's member documentation.
//! - The AWS shape names of nested structures come from the same reference
//!   data (`operations.<Op>.input`), and so does the member order.
//!
//! The output is deterministic (no clock, no hash order); `tests/request_types.rs`
//! and `js/test/request-types.test.mjs` fail when the committed file differs
//! from what this writes.
//!
//! ```sh
//! cargo run --example gen_types            # writes js/requests.d.ts
//! cargo run --example gen_types -- --check # exit 1 when js/requests.d.ts is stale
//! cargo run --example gen_types -- -       # prints the file on stdout
//! ```

use iot_jobs_policy::schema_export::{json_schema, Dialect};
use iot_jobs_policy::{rules, ApiVersion, Operation};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The AWS model data of the latest API (botocore), as the drift tests use it.
const REFERENCE_LATEST: &str = include_str!("../tests/reference/iot-jobs-constraints-latest.json");
/// The AWS model data of the January 2022 API.
const REFERENCE_2022: &str = include_str!("../tests/reference/iot-jobs-constraints-2022.json");

/// Where the generated file lives, relative to the crate root.
pub const OUTPUT_PATH: &str = "js/requests.d.ts";

/// The two API versions, latest first (the unsuffixed names).
const APIS: [ApiVersion; 2] = [ApiVersion::Latest, ApiVersion::V2022_01];

/// Largest and smallest values of the model's integer types: bounds equal to
/// these are the type's, not a constraint.
const I32_BOUNDS: (i64, i64) = (i32::MIN as i64, i32::MAX as i64);
const I64_BOUNDS: (i64, i64) = (i64::MIN, i64::MAX);

/// The suffix of a name in one API version: none for latest, `2022` for 2022-01
/// (also used by tests/request_types.rs).
pub fn suffix(api: ApiVersion) -> &'static str {
    match api {
        ApiVersion::Latest => "",
        ApiVersion::V2022_01 => "2022",
    }
}

/// One declaration of the output file.
struct Decl {
    /// The exported name.
    name: String,
    /// Everything after `export interface <name> ` (the doc comment is kept apart).
    body: String,
    /// The doc comment lines (without `/**`, ` * `, `*/`).
    doc: Vec<String>,
}

/// The AWS model data of one API version, by member path.
struct Reference {
    /// `CreateJob.input.abortConfig` -> the entry.
    entries: BTreeMap<String, Value>,
}

impl Reference {
    fn parse(text: &str) -> Result<Self, String> {
        let v: Value = serde_json::from_str(text).map_err(|e| format!("reference data: {e}"))?;
        let ops = v
            .get("operations")
            .and_then(Value::as_object)
            .ok_or("reference data: no `operations`")?;
        let mut entries = BTreeMap::new();
        for op in ops.values() {
            for side in ["input", "output"] {
                for e in op.get(side).and_then(Value::as_array).into_iter().flatten() {
                    if let Some(path) = e.get("path").and_then(Value::as_str) {
                        entries.insert(path.to_string(), e.clone());
                    }
                }
            }
        }
        Ok(Reference { entries })
    }

    fn for_api(api: ApiVersion) -> Result<Self, String> {
        match api {
            ApiVersion::Latest => Self::parse(REFERENCE_LATEST),
            ApiVersion::V2022_01 => Self::parse(REFERENCE_2022),
        }
    }

    fn get(&self, path: &str) -> Option<&Value> {
        self.entries.get(path)
    }

    fn str_field(&self, path: &str, field: &str) -> Option<&str> {
        self.get(path)?.get(field)?.as_str()
    }

    /// The members of the structure at `path`, in model order.
    fn members(&self, path: &str) -> Vec<String> {
        self.get(path)
            .and_then(|e| e.get("members"))
            .and_then(Value::as_array)
            .map(|m| {
                m.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Allocates exported names: a structure gets its AWS shape name (with the
/// given base suffix) when that name is free or already holds an identical
/// declaration; otherwise the API suffix, then the operation prefix, are added.
struct Names {
    decls: Vec<Decl>,
}

impl Names {
    fn new() -> Self {
        Names { decls: Vec::new() }
    }

    /// Adds a nested structure's declaration; answers the name it got.
    fn nested(
        &mut self,
        base: &str,
        op: Operation,
        api: ApiVersion,
        doc: Vec<String>,
        body: String,
    ) -> Result<String, String> {
        let sfx = suffix(api);
        let own = format!("{}{base}", op.name());
        // A shape that already has an operation's own variant (UpdateJob's
        // RetryCriteria) keeps to that operation's names in the next API.
        let candidates = if self.decls.iter().any(|d| d.name == own) {
            vec![base.to_string(), own.clone(), format!("{own}{sfx}")]
        } else {
            vec![
                base.to_string(),
                format!("{base}{sfx}"),
                own.clone(),
                format!("{own}{sfx}"),
            ]
        };
        for name in candidates {
            match self.decls.iter().find(|d| d.name == name) {
                Some(d) if d.body == body && d.doc == doc => return Ok(name),
                Some(_) => continue,
                None => {
                    self.decls.push(Decl {
                        name: name.clone(),
                        body,
                        doc,
                    });
                    return Ok(name);
                }
            }
        }
        Err(format!(
            "no free name for the shape `{base}` of {op} ({})",
            api.name()
        ))
    }

    /// Adds a top-level declaration whose name must be free.
    fn top(&mut self, name: String, doc: Vec<String>, body: String) -> Result<(), String> {
        if self.decls.iter().any(|d| d.name == name) {
            return Err(format!("`{name}` is declared twice"));
        }
        self.decls.push(Decl { name, body, doc });
        Ok(())
    }
}

/// Text safe inside a `/** */` comment.
fn doc_safe(s: &str) -> String {
    s.replace("*/", "*\\/")
}

/// A string-literal union: `'A' | 'B'`.
fn literal_union<'a>(values: impl Iterator<Item = &'a str>) -> String {
    values
        .map(|v| format!("'{}'", v.replace('\\', "\\\\").replace('\'', "\\'")))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The `type` of a schema without `null` (optional members admit `null`).
fn schema_type(s: &Map<String, Value>) -> Option<&str> {
    match s.get("type")? {
        Value::String(t) => Some(t.as_str()),
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null"),
        _ => None,
    }
}

/// The enum values of a schema without `null`.
fn schema_enum(s: &Map<String, Value>) -> Option<Vec<&str>> {
    let values = s.get("enum")?.as_array()?;
    Some(values.iter().filter_map(Value::as_str).collect())
}

/// `1 to 64`, `at least 1`, `at most 64`.
fn bounds(min: Option<String>, max: Option<String>) -> Option<String> {
    match (min, max) {
        (Some(a), Some(b)) if a == b => Some(format!("exactly {a}")),
        (Some(a), Some(b)) => Some(format!("{a} to {b}")),
        (Some(a), None) => Some(format!("at least {a}")),
        (None, Some(b)) => Some(format!("at most {b}")),
        (None, None) => None,
    }
}

fn num_text(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The constraint lines of a request schema (a member, a list item or a map
/// key or value), in a fixed order.
fn schema_constraints(s: &Map<String, Value>, out: &mut Vec<String>) {
    let get = |k: &str| s.get(k).and_then(num_text);
    match schema_type(s) {
        Some("string") => {
            let min = get("minLength");
            if let Some(b) = bounds(min, get("maxLength")) {
                out.push(format!("Length: {b} characters (code points)."));
            }
            if let Some(p) = s.get("pattern").and_then(Value::as_str) {
                out.push(format!(
                    "Pattern (ECMAScript, `u` flag): `{}`.",
                    doc_safe(p)
                ));
            }
            if let Some(values) = schema_enum(s) {
                out.push(format!("One of: {}.", literal_union(values.into_iter())));
            }
        }
        Some("integer") => {
            let lo = s.get("minimum").and_then(Value::as_i64);
            let hi = s.get("maximum").and_then(Value::as_i64);
            let (width, lo_t, hi_t) = if lo == Some(I64_BOUNDS.0) || hi == Some(I64_BOUNDS.1) {
                ("64-bit", I64_BOUNDS.0, I64_BOUNDS.1)
            } else {
                ("32-bit", I32_BOUNDS.0, I32_BOUNDS.1)
            };
            let lo = lo.filter(|v| *v != lo_t).map(|v| v.to_string());
            let hi = hi.filter(|v| *v != hi_t).map(|v| v.to_string());
            let range = bounds(lo, hi).map_or(String::new(), |b| format!(", {b}"));
            out.push(format!("An integer ({width}{range})."));
        }
        Some("number") => {
            let lo = get("minimum");
            let hi = get("maximum");
            if let Some(e) = get("exclusiveMinimum") {
                let hi = hi.map_or(String::new(), |h| format!(" and at most {h}"));
                out.push(format!("Range: greater than {e}{hi}."));
            } else if let Some(b) = bounds(lo, hi) {
                out.push(format!("Range: {b}."));
            }
            if let Some(step) = s.get("multipleOf").and_then(Value::as_f64) {
                let places = (-step.log10()).round();
                out.push(format!(
                    "A multiple of {step} (at most {places} digit(s) after the decimal point)."
                ));
            }
        }
        Some("array") => {
            if let Some(b) = bounds(get("minItems"), get("maxItems")) {
                out.push(format!("Items: {b}."));
            }
        }
        _ => {}
    }
    if let Some(Value::String(c)) = s.get("$comment") {
        out.push(format!("{}.", rule_comment(c)));
    }
}

/// `documented rules (see ...): a, b` as `Documented rules: a (summary); b (summary)`.
fn rule_comment(comment: &str) -> String {
    let ids = comment.split_once(": ").map_or(comment, |(_, ids)| ids);
    let described: Vec<String> = ids
        .split(", ")
        .map(|id| {
            let summary = rules()
                .iter()
                .find(|r| r.id == id)
                .map(|r| r.summary.trim_end_matches('.'));
            match summary {
                Some(s) => format!("`{id}` ({})", doc_safe(s)),
                None => format!("`{id}`"),
            }
        })
        .collect();
    format!(
        "Documented rules (checked by `validate`): {}",
        described.join("; ")
    )
}

/// The link in a `markdownDescription` (`...\n\n[AWS API reference](URL)`).
fn link_of(s: &Map<String, Value>) -> Option<&str> {
    let md = s.get("markdownDescription")?.as_str()?;
    let (_, rest) = md.rsplit_once("](")?;
    rest.strip_suffix(')')
}

/// The AWS API reference page of a structure.
fn shape_link(shape: &str) -> String {
    format!("https://docs.aws.amazon.com/iot/latest/apireference/API_{shape}.html")
}

/// Walks request schemas and declares their structures.
struct RequestGen<'a> {
    op: Operation,
    api: ApiVersion,
    reference: &'a Reference,
    names: &'a mut Names,
}

impl RequestGen<'_> {
    /// The TypeScript type of a request value at `path` (reference path form).
    fn ty(&mut self, s: &Map<String, Value>, path: &str) -> Result<String, String> {
        if let Some(values) = schema_enum(s) {
            return Ok(literal_union(values.into_iter()));
        }
        let ty = match schema_type(s) {
            Some("string") => "string".to_string(),
            Some("integer") | Some("number") => "number".to_string(),
            Some("boolean") => "boolean".to_string(),
            Some("array") => {
                let items = s
                    .get("items")
                    .and_then(Value::as_object)
                    .ok_or_else(|| format!("{path}: an array without items"))?;
                let item = self.ty(items, &format!("{path}[]"))?;
                if item.contains(' ') {
                    format!("({item})[]")
                } else {
                    format!("{item}[]")
                }
            }
            Some("object") if s.contains_key("properties") => {
                let shape = self
                    .reference
                    .str_field(path, "shape")
                    .ok_or_else(|| format!("{path}: no shape name in the reference data"))?
                    .to_string();
                let (doc, body) = self.structure(s, path, &shape)?;
                self.names.nested(&shape, self.op, self.api, doc, body)?
            }
            Some("object") => {
                let value = s
                    .get("additionalProperties")
                    .and_then(Value::as_object)
                    .ok_or_else(|| format!("{path}: a map without value schema"))?;
                format!(
                    "Record<string, {}>",
                    self.ty(value, &format!("{path}{{value}}"))?
                )
            }
            other => return Err(format!("{path}: unknown schema type {other:?}")),
        };
        Ok(ty)
    }

    /// The doc lines and `{ ... }` body of a structure.
    fn structure(
        &mut self,
        s: &Map<String, Value>,
        path: &str,
        shape: &str,
    ) -> Result<(Vec<String>, String), String> {
        let props = s
            .get("properties")
            .and_then(Value::as_object)
            .ok_or_else(|| format!("{path}: no properties"))?;
        let required: Vec<&str> = s
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        // Model order from the reference data, then anything else (sorted).
        let mut order: Vec<String> = self
            .reference
            .members(path)
            .into_iter()
            .filter(|m| props.contains_key(m))
            .collect();
        for k in props.keys() {
            if !order.contains(k) {
                order.push(k.clone());
            }
        }
        let mut body = String::from("{\n");
        for name in &order {
            let p = props
                .get(name)
                .and_then(Value::as_object)
                .ok_or_else(|| format!("{path}.{name}: not an object schema"))?;
            let child = format!("{path}.{name}");
            let ty = self.ty(p, &child)?;
            let req = required.contains(&name.as_str());
            let mut lines = Vec::new();
            if let Some(d) = p.get("description").and_then(Value::as_str) {
                lines.push(doc_safe(d));
                lines.push(String::new());
            }
            if req {
                lines.push("Required.".to_string());
            }
            member_constraints(p, &mut lines);
            if let Some(link) = link_of(p) {
                lines.push(format!("@see {link}"));
            }
            write_doc(&mut body, "  ", &lines);
            let opt = if req { "" } else { "?" };
            let _ = writeln!(body, "  {name}{opt}: {ty} | undefined;");
        }
        body.push('}');
        let mut doc = vec![format!("The `{shape}` structure of a request.")];
        if let Some(Value::String(c)) = s.get("$comment") {
            if !c.starts_with("Generated by") {
                doc.push(String::new());
                doc.push(format!("{}.", rule_comment(c)));
            }
        }
        doc.push(String::new());
        doc.push(format!("@see {}", shape_link(shape)));
        Ok((doc, body))
    }

    /// The request interface of the operation.
    fn root(&mut self, schema: &Value) -> Result<(), String> {
        let s = schema.as_object().ok_or("the schema is not an object")?;
        let path = format!("{}.input", self.op.name());
        let (_, body) = self.structure(s, &path, &format!("{}Request", self.op.name()))?;
        let mut doc = vec![format!(
            "The {} request ({} API), as `validate('{}', ...)` checks it.",
            self.op.name(),
            self.api.name(),
            self.op.name()
        )];
        if let Some(Value::String(c)) = s.get("$comment") {
            if let Some((_, own)) = c.split_once(" Stated at the root: ") {
                doc.push(String::new());
                doc.push(format!("{}.", rule_comment(own.trim_end_matches('.'))));
            }
        }
        doc.push(String::new());
        doc.push("Not expressed by the type, checked by `validate`: the pattern, length, range and list-size constraints listed on each member, and what `schemaInfo().inexpressible` lists.".to_string());
        doc.push(String::new());
        doc.push(format!(
            "@see https://docs.aws.amazon.com/iot/latest/apireference/API_{}.html",
            self.op.name()
        ));
        self.names.top(
            format!("{}Request{}", self.op.name(), suffix(self.api)),
            doc,
            body,
        )
    }
}

/// The constraint lines of a member: its own, then its list items' or map
/// keys' and values' (one level).
fn member_constraints(p: &Map<String, Value>, lines: &mut Vec<String>) {
    schema_constraints(p, lines);
    let mut nested = |what: &str, key: &str| {
        if let Some(inner) = p.get(key).and_then(Value::as_object) {
            if inner.contains_key("properties") {
                return;
            }
            let mut inner_lines = Vec::new();
            schema_constraints(inner, &mut inner_lines);
            for l in inner_lines {
                lines.push(format!("{what}, {}", lower_first(&l)));
            }
        }
    };
    nested("Each item", "items");
    nested("Each key", "propertyNames");
    nested("Each value", "additionalProperties");
}

/// `Length: ...` as `length: ...`, for "Each item, length: ...".
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Writes a doc comment.
fn write_doc(out: &mut String, indent: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "{indent}/**");
    for l in lines {
        if l.is_empty() {
            let _ = writeln!(out, "{indent} *");
        } else {
            let _ = writeln!(out, "{indent} * {l}");
        }
    }
    let _ = writeln!(out, "{indent} */");
}

/// Walks the reference data of outputs and declares their structures.
struct OutputGen<'a> {
    op: Operation,
    api: ApiVersion,
    reference: &'a Reference,
    names: &'a mut Names,
}

impl OutputGen<'_> {
    fn entry(&self, path: &str) -> Result<&Value, String> {
        self.reference
            .get(path)
            .ok_or_else(|| format!("{path}: not in the reference data"))
    }

    /// The TypeScript type of an output value at `path`.
    fn ty(&mut self, path: &str) -> Result<String, String> {
        let e = self.entry(path)?;
        let kind = e.get("type").and_then(Value::as_str).unwrap_or_default();
        if let Some(values) = e.get("enum").and_then(Value::as_array) {
            return Ok(literal_union(values.iter().filter_map(Value::as_str)));
        }
        Ok(match kind {
            "string" => "string".to_string(),
            "integer" | "long" | "double" | "float" => "number".to_string(),
            "boolean" => "boolean".to_string(),
            "timestamp" => "Date".to_string(),
            "list" => {
                let item = self.ty(&format!("{path}[]"))?;
                if item.contains(' ') {
                    format!("({item})[]")
                } else {
                    format!("{item}[]")
                }
            }
            "map" => format!("Record<string, {}>", self.ty(&format!("{path}{{value}}"))?),
            "structure" => {
                let shape = e
                    .get("shape")
                    .and_then(Value::as_str)
                    .ok_or_else(|| format!("{path}: no shape"))?
                    .to_string();
                let body = self.structure(path)?;
                let doc = vec![
                    format!("The `{shape}` structure of an output."),
                    String::new(),
                    format!("@see {}", shape_link(&shape)),
                ];
                self.names
                    .nested(&format!("{shape}Output"), self.op, self.api, doc, body)?
            }
            other => return Err(format!("{path}: unknown model type `{other}`")),
        })
    }

    /// The `{ ... }` body of the structure at `path`.
    fn structure(&mut self, path: &str) -> Result<String, String> {
        let e = self.entry(path)?.clone();
        let required: Vec<&str> = e
            .get("required_members")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut body = String::from("{\n");
        for name in self.reference.members(path) {
            let child = format!("{path}.{name}");
            let ty = self.ty(&child)?;
            let m = self.entry(&child)?;
            let mut lines = Vec::new();
            if let Some(d) = m.get("doc").and_then(Value::as_str) {
                lines.push(doc_safe(d));
                lines.push(String::new());
            }
            output_constraints(m, &mut lines);
            if let Some(item) = self.reference.get(&format!("{child}[]")) {
                let mut inner = Vec::new();
                output_constraints(item, &mut inner);
                lines.extend(
                    inner
                        .iter()
                        .map(|l| format!("Each item, {}", lower_first(l))),
                );
            }
            if lines.last().is_some_and(String::is_empty) {
                lines.pop();
            }
            write_doc(&mut body, "  ", &lines);
            let opt = if required.contains(&name.as_str()) {
                ""
            } else {
                "?"
            };
            let _ = writeln!(body, "  {name}{opt}: {ty} | undefined;");
        }
        body.push('}');
        Ok(body)
    }

    /// The output interface of the operation.
    fn root(&mut self) -> Result<(), String> {
        let path = format!("{}.output", self.op.name());
        let name = format!("{}Output{}", self.op.name(), suffix(self.api));
        let mut doc = vec![format!(
            "The {} output ({} API) as `@aws-sdk/client-iot` gives it (timestamps as `Date`), without the SDK's `$metadata`.",
            self.op.name(),
            self.api.name()
        )];
        let body = if self.reference.get(&path).is_some() {
            self.structure(&path)?
        } else {
            doc.push(String::new());
            doc.push(format!("{} answers no members.", self.op.name()));
            "{\n}".to_string()
        };
        doc.push(String::new());
        doc.push(format!(
            "@see https://docs.aws.amazon.com/iot/latest/apireference/API_{}.html",
            self.op.name()
        ));
        self.names.top(name, doc, body)
    }
}

/// The constraint lines of an output member from the model data.
fn output_constraints(e: &Value, lines: &mut Vec<String>) {
    let kind = e.get("type").and_then(Value::as_str).unwrap_or_default();
    let get = |k: &str| e.get(k).and_then(num_text);
    match kind {
        "string" => {
            if let Some(b) = bounds(get("min"), get("max")) {
                lines.push(format!("Length: {b} characters."));
            }
            if let Some(p) = e.get("pattern").and_then(Value::as_str) {
                lines.push(format!(
                    "Pattern (AWS model, Java syntax): `{}`.",
                    doc_safe(p)
                ));
            }
        }
        "integer" | "long" | "double" | "float" => {
            if let Some(b) = bounds(get("min"), get("max")) {
                lines.push(format!("Range: {b}."));
            }
        }
        "list" | "map" => {
            if let Some(b) = bounds(get("min"), get("max")) {
                lines.push(format!("Entries: {b}."));
            }
        }
        "timestamp" => lines
            .push("A `Date`, as the SDK deserialises it (on the wire: epoch seconds).".to_string()),
        _ => {}
    }
}

/// The header of the generated file.
const HEADER: &str = "\
// GENERATED by `cargo run --example gen_types` (examples/gen_types.rs): do not edit.
// A drift test (tests/request_types.rs, js/test/request-types.test.mjs) fails
// when this file differs from the generator's output.
//
// The request and output types of the seven AWS IoT Jobs operations, in both
// API versions. The package build appends this file to index.d.ts and
// index.d.mts, so it has no imports and only top-level declarations.
//
// Naming:
// - `<Operation>Request` / `<Operation>Output`: the latest API;
//   `<Operation>Request2022` / `<Operation>Output2022`: the 2022-01 API.
//   (`Output`, not `Response`: `DescribeJobResponse` and the list responses
//   are the transition function's views, with epoch-second timestamps.)
// - Nested structures of requests: the AWS shape name (`AbortConfig`,
//   `RetryCriteria`); when the same shape differs by API version or
//   operation, the variant gets the suffix `2022` or the operation's name as
//   a prefix (`UpdateJobRetryCriteria`: UpdateJob's retries must be 0).
//   Nested structures of outputs: the shape name plus `Output` (`JobOutput`),
//   by the same rule.
// - Type maps: `Requests`, `Requests2022`, `Outputs`, `Outputs2022` by
//   operation name; `RequestOf<Op, Api>` and `OutputOf<Op, Api>` with `Op` in
//   either spelling (`CreateJob`, `create_job`) and `Api` `'latest'`
//   (default) or `'2022-01'`.
//
// Requests come from the validator's shape tree (its JSON Schemas, documented
// profile); outputs from the AWS model data in tests/reference/. Compatible
// with `@aws-sdk/client-iot` (js/test/request-types.test.mjs assigns each
// way): members are `T | undefined` as in the SDK (required members must be
// present, optional ones may be absent), enums are string-literal unions,
// numbers are `number`, output timestamps are `Date` (the SDK's form). `null`
// is not in the types (the SDK has none); `validate` treats a `null` optional
// member as absent at run time. What a type cannot say (patterns, lengths,
// ranges, list sizes, the documented rules) is in each member's doc comment
// and checked by `validate`.
";

/// The whole generated file.
pub fn generate() -> Result<String, String> {
    let mut names = Names::new();
    for api in APIS {
        let reference = Reference::for_api(api)?;
        for op in Operation::ALL {
            let schema = json_schema(op, api, Dialect::Draft202012);
            RequestGen {
                op,
                api,
                reference: &reference,
                names: &mut names,
            }
            .root(&schema)?;
        }
    }
    for api in APIS {
        let reference = Reference::for_api(api)?;
        for op in Operation::ALL {
            OutputGen {
                op,
                api,
                reference: &reference,
                names: &mut names,
            }
            .root()?;
        }
    }
    let mut out = String::from(HEADER);
    out.push('\n');
    out.push_str(&maps());
    for d in &names.decls {
        out.push('\n');
        write_doc(&mut out, "", &d.doc);
        let _ = writeln!(out, "export interface {} {}", d.name, d.body);
    }
    Ok(out)
}

/// The API version type, the operation-name map and the type maps.
fn maps() -> String {
    let mut out = String::new();
    out.push_str("/** An API version: `latest` (the default) or `2022-01`. */\n");
    out.push_str("export type ApiVersion = 'latest' | '2022-01';\n\n");
    out.push_str(
        "/** Each spelling of an operation (`CreateJob`, `create_job`) to its AWS name. */\n",
    );
    out.push_str("export interface OperationNames {\n");
    for op in Operation::ALL {
        let _ = writeln!(out, "  {0}: '{0}';", op.name());
    }
    for op in Operation::ALL {
        let _ = writeln!(out, "  {}: '{}';", op.snake_name(), op.name());
    }
    out.push_str("}\n");
    for (map, kind, what) in [
        ("Requests", "Request", "request"),
        ("Outputs", "Output", "output"),
    ] {
        for api in APIS {
            let _ = writeln!(
                out,
                "\n/** The {what} type of each operation ({} API). */",
                api.name()
            );
            let _ = writeln!(out, "export interface {map}{} {{", suffix(api));
            for op in Operation::ALL {
                let _ = writeln!(out, "  {0}: {0}{kind}{1};", op.name(), suffix(api));
            }
            out.push_str("}\n");
        }
    }
    out.push_str(
        "
/**
 * The request type of `Op` (either spelling) in API version `Api` (a union
 * of versions gives the union of their types).
 */
export type RequestOf<Op extends keyof OperationNames, Api extends ApiVersion = 'latest'> =
  Api extends '2022-01' ? Requests2022[OperationNames[Op]] : Requests[OperationNames[Op]];

/** The output type of `Op` (either spelling) in API version `Api`. */
export type OutputOf<Op extends keyof OperationNames, Api extends ApiVersion = 'latest'> =
  Api extends '2022-01' ? Outputs2022[OperationNames[Op]] : Outputs[OperationNames[Op]];
",
    );
    out
}

#[path = "support/generated_file.rs"]
mod generated_file;

fn main() -> std::process::ExitCode {
    generated_file::main("gen_types", OUTPUT_PATH, generate)
}

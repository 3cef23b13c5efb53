//! The translation of the shape tree into JSON Schema: one subschema per
//! shape, the model's constraints as keywords, then (documented profile) the
//! keywords of the documented-rule table and the descriptions.

use super::tables::{Extra, Tables};
use super::Dialect;
use crate::validate::api::{ApiVersion, Operation, Profile};
use crate::validate::model::{Kind, Member, Shape, Width};
use crate::validate::ops;
use crate::validate::primitive::Pattern;
use serde_json::{json, Map, Value};

/// What the walk needs to know besides the shape.
pub(super) struct Ctx {
    pub(super) op: Operation,
    pub(super) dialect: Dialect,
    pub(super) api: ApiVersion,
    pub(super) profile: Profile,
    /// The documented-rule and description tables.
    pub(super) tables: &'static Tables,
}

impl Ctx {
    fn documented(&self) -> bool {
        self.profile == Profile::Documented
    }
}

/// The AWS API reference page of an operation.
pub(super) fn op_link(op: Operation) -> String {
    format!(
        "https://docs.aws.amazon.com/iot/latest/apireference/API_{}.html",
        op.name()
    )
}

/// The AWS API reference page that documents a member of `parent`: the
/// operation's page for top-level members, the structure's page otherwise.
fn member_link(ctx: &Ctx, parent: &str) -> String {
    if parent == ops::input(ctx.op).name {
        op_link(ctx.op)
    } else {
        format!("https://docs.aws.amazon.com/iot/latest/apireference/API_{parent}.html")
    }
}

/// The ECMAScript (`u` flag) form of a model pattern, anchored at both ends.
pub(super) fn ecma(p: Pattern) -> &'static str {
    match p {
        Pattern::Id => "^[a-zA-Z0-9_-]+$",
        Pattern::ThingName => "^[a-zA-Z0-9:_-]+$",
        // Java `\p{C}` is Cc, Cf, Cs, Co and Cn, and so is ECMAScript's `\p{C}`
        // (General_Category=Other) and the Rust regex crate's. Not spelt out
        // as `\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}`: the regex crate has no `Cs`
        // (Rust strings hold no surrogates), and the jsonschema crate then
        // silently accepts everything.
        Pattern::NoControl => "^[^\\p{C}]+$",
        Pattern::TagKey => "^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$",
        Pattern::Arn => "^arn:[!-~]+$",
        // CancelJob's reasonCode: checked by the machine, in no schema.
        Pattern::ReasonCode => "^[A-Z0-9_]+$",
    }
}

/// Bounds of a model integer type.
fn width_bounds(width: Width) -> (i64, i64) {
    match width {
        Width::I32 => (i64::from(i32::MIN), i64::from(i32::MAX)),
        Width::I64 => (i64::MIN, i64::MAX),
    }
}

/// The schema of a value of `shape`; `member` is (parent shape name, member)
/// when the value is a structure member (for documented extras).
pub(super) fn shape_schema(
    ctx: &Ctx,
    shape: &'static Shape,
    member: Option<(&str, &str)>,
) -> Map<String, Value> {
    let mut s = Map::new();
    match &shape.kind {
        Kind::Str {
            min,
            max,
            pattern,
            values,
        } => {
            s.insert("type".into(), json!("string"));
            if let Some(min) = min.filter(|m| *m > 0) {
                s.insert("minLength".into(), json!(min));
            }
            if let Some(max) = max {
                s.insert("maxLength".into(), json!(max));
            }
            if let Some(p) = pattern {
                s.insert("pattern".into(), json!(ecma(*p)));
            }
            if let Some(values) = values {
                s.insert("enum".into(), json!(values));
            }
            // An annotation in 2020-12; draft-07 lets validators assert it
            // (the jsonschema crate does), which would half-express
            // document-size-json.
            if shape.name == "JobDocument" && ctx.dialect == Dialect::Draft202012 {
                s.insert("contentMediaType".into(), json!("application/json"));
            }
        }
        Kind::Int { width, min, max } => {
            let (lo, hi) = width_bounds(*width);
            s.insert("type".into(), json!("integer"));
            s.insert("minimum".into(), json!(min.unwrap_or(lo)));
            s.insert("maximum".into(), json!(max.unwrap_or(hi)));
        }
        Kind::Double { min, max } => {
            s.insert("type".into(), json!("number"));
            if let Some(min) = min {
                s.insert("minimum".into(), json!(min));
            }
            if let Some(max) = max {
                s.insert("maximum".into(), json!(max));
            }
        }
        Kind::Bool => {
            s.insert("type".into(), json!("boolean"));
        }
        Kind::List {
            member: item,
            min,
            max,
        } => {
            s.insert("type".into(), json!("array"));
            s.insert("items".into(), Value::Object(shape_schema(ctx, item, None)));
            if let Some(min) = min.filter(|m| *m > 0) {
                s.insert("minItems".into(), json!(min));
            }
            if let Some(max) = max {
                s.insert("maxItems".into(), json!(max));
            }
        }
        Kind::Map { key, value } => {
            s.insert("type".into(), json!("object"));
            s.insert(
                "propertyNames".into(),
                Value::Object(shape_schema(ctx, key, None)),
            );
            s.insert(
                "additionalProperties".into(),
                Value::Object(shape_schema(ctx, value, None)),
            );
        }
        Kind::Struct { members, .. } => struct_schema(ctx, shape.name, members, &mut s),
    }
    if ctx.documented() {
        if let Some((parent, name)) = member {
            let mut ids: Vec<&str> = Vec::new();
            for d in ctx.tables.members.iter().filter(|d| {
                d.parent == parent && d.member == name && d.op.is_none_or(|o| o == ctx.op)
            }) {
                for extra in &d.extras {
                    apply(&mut s, *extra);
                }
                ids.extend(d.rules.iter().map(String::as_str));
            }
            if !ids.is_empty() {
                s.insert("$comment".into(), json!(documented_comment(&ids)));
            }
        }
    }
    s
}

fn apply(s: &mut Map<String, Value>, extra: Extra) {
    match extra {
        Extra::Minimum(v) => {
            s.insert("minimum".into(), json!(v));
        }
        Extra::Maximum(v) => {
            s.insert("maximum".into(), json!(v));
        }
        Extra::ExclusiveMinimum(v) => {
            s.insert("exclusiveMinimum".into(), json!(v));
        }
        Extra::Places(places) => {
            // 10^-places written as a decimal literal (0.1, 0.01), not computed.
            let text = format!("1e-{places}");
            if let Ok(step) = text.parse::<f64>() {
                s.insert("multipleOf".into(), json!(step));
            }
        }
        Extra::MaxItems(v) => {
            s.insert("maxItems".into(), json!(v));
        }
    }
}

fn struct_schema(ctx: &Ctx, name: &str, members: &'static [Member], s: &mut Map<String, Value>) {
    s.insert("type".into(), json!("object"));
    let mut props = Map::new();
    let mut required = Vec::new();
    let link = member_link(ctx, name);
    for m in members.iter().filter(|m| m.apis.has(ctx.api)) {
        let mut p = shape_schema(ctx, m.shape, Some((name, m.name)));
        if m.required {
            required.push(json!(m.name));
        } else {
            nullable(&mut p);
        }
        if let Some(d) = ctx.tables.description(name, m.name) {
            p.insert("description".into(), json!(d));
            p.insert(
                "markdownDescription".into(),
                json!(format!("{d}\n\n[AWS API reference]({link})")),
            );
        }
        props.insert(m.name.into(), Value::Object(p));
    }
    s.insert("properties".into(), Value::Object(props));
    if !required.is_empty() {
        s.insert("required".into(), Value::Array(required));
    }
    s.insert("additionalProperties".into(), json!(false));
    if !ctx.documented() {
        return;
    }
    // The structure rows of the documented-rule table: keywords as written.
    let mut ids: Vec<&str> = Vec::new();
    for rule in ctx.tables.structures.iter().filter(|r| r.shape == name) {
        for (k, v) in &rule.keywords {
            s.insert(k.clone(), v.clone());
        }
        ids.extend(rule.rules.iter().map(String::as_str));
    }
    if !ids.is_empty() {
        s.insert("$comment".into(), json!(documented_comment(&ids)));
    }
}

/// The `$comment` naming the documented rules a subschema states.
fn documented_comment(ids: &[&str]) -> String {
    format!(
        "documented rules (see `iot-jobs-policy rules`): {}",
        ids.join(", ")
    )
}

/// An optional member: `null` counts as absent.
fn nullable(s: &mut Map<String, Value>) {
    if let Some(Value::String(t)) = s.get("type").cloned() {
        s.insert("type".into(), json!([t, "null"]));
    }
    if let Some(Value::Array(values)) = s.get_mut("enum") {
        values.push(Value::Null);
    }
}

//! Checks the hand-written shape tree against the AWS model data in
//! `tests/reference/` (copied from botocore): every input member of every
//! operation in both API versions, with its type, required flag, bounds,
//! pattern and enum. A test fails when either side drifts.

use crate::validate::api::{ApiVersion, Operation};
use crate::validate::model::{Kind, Shape, Width};
use crate::validate::ops;
use serde_json::{json, Value};
use std::collections::BTreeMap;

const REF_2022: &str = include_str!("../../tests/reference/iot-jobs-constraints-2022.json");
const REF_LATEST: &str = include_str!("../../tests/reference/iot-jobs-constraints-latest.json");

/// A shape's AWS type name, bounds, pattern and enum values, as the model
/// data spells them.
type Constraints<'a> = (
    &'a str,
    Option<f64>,
    Option<f64>,
    Option<&'a str>,
    Option<Vec<&'a str>>,
);

fn row(shape: &Shape, required: bool) -> Value {
    let mut r = json!({ "shape": shape.name, "required": required });
    let (ty, min, max, pattern, values): Constraints<'_> = match &shape.kind {
        Kind::Str {
            min,
            max,
            pattern,
            values,
        } => (
            "string",
            min.map(|v| v as f64),
            max.map(|v| v as f64),
            pattern.map(|p| p.source()),
            values.map(|v| v.to_vec()),
        ),
        Kind::Int { width, min, max } => (
            if *width == Width::I32 {
                "integer"
            } else {
                "long"
            },
            min.map(|v| v as f64),
            max.map(|v| v as f64),
            None,
            None,
        ),
        Kind::Double { min, max } => ("double", *min, *max, None, None),
        Kind::Bool => ("boolean", None, None, None, None),
        Kind::List { min, max, .. } => (
            "list",
            min.map(|v| v as f64),
            max.map(|v| v as f64),
            None,
            None,
        ),
        Kind::Map { .. } => ("map", None, None, None, None),
        Kind::Struct { .. } => ("structure", None, None, None, None),
    };
    r["type"] = json!(ty);
    if let Some(v) = min {
        r["min"] = json!(v);
    }
    if let Some(v) = max {
        r["max"] = json!(v);
    }
    if let Some(p) = pattern {
        r["pattern"] = json!(p);
    }
    if let Some(v) = values {
        r["enum"] = json!(v);
    }
    r
}

fn collect(
    shape: &'static Shape,
    path: String,
    required: bool,
    api: ApiVersion,
    out: &mut BTreeMap<String, Value>,
) {
    out.insert(path.clone(), row(shape, required));
    match &shape.kind {
        Kind::Struct { members, .. } => {
            for m in members.iter().filter(|m| m.apis.has(api)) {
                collect(m.shape, format!("{path}.{}", m.name), m.required, api, out);
            }
        }
        Kind::List { member, .. } => collect(member, format!("{path}[]"), true, api, out),
        Kind::Map { key, value } => {
            collect(key, format!("{path}{{key}}"), true, api, out);
            collect(value, format!("{path}{{value}}"), true, api, out);
        }
        _ => {}
    }
}

fn reference(text: &str, op: Operation) -> BTreeMap<String, Value> {
    let data: Value = serde_json::from_str(text).unwrap();
    let mut out = BTreeMap::new();
    for m in data["operations"][op.name()]["input"].as_array().unwrap() {
        let mut r = json!({ "shape": m["shape"], "required": m["required"], "type": m["type"] });
        for k in ["min", "max"] {
            if let Some(v) = m.get(k).and_then(Value::as_f64) {
                r[k] = json!(v);
            }
        }
        for k in ["pattern", "enum"] {
            if let Some(v) = m.get(k) {
                r[k] = v.clone();
            }
        }
        out.insert(m["path"].as_str().unwrap().to_owned(), r);
    }
    out
}

#[test]
fn shape_tree_matches_the_aws_model_in_both_versions() {
    let mut mismatches = Vec::new();
    let mut compared = 0;
    for (api, text) in [
        (ApiVersion::V2022_01, REF_2022),
        (ApiVersion::Latest, REF_LATEST),
    ] {
        for op in Operation::ALL {
            let expected = reference(text, op);
            let mut ours = BTreeMap::new();
            collect(
                ops::input(op),
                format!("{}.input", op.name()),
                true,
                api,
                &mut ours,
            );
            for (path, want) in &expected {
                compared += 1;
                match ours.get(path) {
                    None => mismatches.push(format!(
                        "{}: {path} missing from the shape tree",
                        api.name()
                    )),
                    Some(got) if got != want => mismatches.push(format!(
                        "{}: {path}\n   model: {want}\n   ours:  {got}",
                        api.name()
                    )),
                    Some(_) => {}
                }
            }
            for path in ours.keys().filter(|p| !expected.contains_key(*p)) {
                mismatches.push(format!(
                    "{}: {path} is in the shape tree but not in the model",
                    api.name()
                ));
            }
        }
    }
    assert!(compared > 240, "compared only {compared} member paths");
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

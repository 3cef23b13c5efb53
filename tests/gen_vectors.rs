//! Generates the model-bound test vectors (`tests/vectors/generated/*.json`)
//! from the constraint tables in `tests/reference/*.json` and checks that the
//! checked-in files are exactly what the generator produces.
//!
//! The expectations come from the reference data (every min / max / pattern /
//! enum / required / type of every input member, in both API versions) and
//! from the report-order rules of the crate, never from running the
//! validator. `tests/vectors.rs` then runs every vector through the crate.
//!
//! `UPDATE_VECTORS=1 cargo test --test gen_vectors` rewrites the files.
//!
//! Generated cases run under the `documented` profile unless the request
//! would trip a documented rule (see [`interference`]); those run under the
//! `model` profile and say so in their `why`. Documented rules have their own
//! hand-written vectors in `tests/vectors/documented/`.

#![cfg(test)] // always true here; lets clippy.toml's allow-*-in-tests cover the helpers too (rust-clippy#11119)
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest

use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const APIS: [(&str, &str); 2] = [
    ("2022-01", "iot-jobs-constraints-2022.json"),
    ("latest", "iot-jobs-constraints-latest.json"),
];

const OPERATIONS: [&str; 7] = [
    "CreateJob",
    "CreateJobTemplate",
    "DescribeJob",
    "DescribeJobTemplate",
    "ListJobExecutionsForJob",
    "ListJobExecutionsForThing",
    "UpdateJob",
];

/// A managed job template: the only kind `documentParameters` may be used with.
const MANAGED_TEMPLATE_ARN: &str = "arn:aws:iot:us-east-1::jobtemplate/AWS-Download-File:1.0";
/// The longest value that still gets an `awsMessage` in a generated case.
const AWS_MESSAGE_VALUE_MAX: usize = 80;

// ---------------------------------------------------------------------------
// The shape tree, rebuilt from the flat reference tables.

#[derive(Debug, Clone)]
struct Shape {
    /// `CreateJob.input.abortConfig.criteriaList[].failureType`.
    model_path: String,
    /// The model shape name, e.g. `AbortThresholdPercentage`.
    shape: String,
    /// `structure`, `list`, `map`, `string`, `integer`, `long`, `double`, `boolean`.
    ty: String,
    min: Option<Value>,
    max: Option<Value>,
    pattern: Option<String>,
    enums: Option<Vec<String>>,
    /// Structure members in model order: (name, required, shape).
    members: Vec<(String, bool, Shape)>,
    item: Option<Box<Shape>>,
    key: Option<Box<Shape>>,
    value: Option<Box<Shape>>,
}

impl Shape {
    fn min_u(&self) -> Option<u64> {
        self.min.as_ref().map(|v| v.as_f64().unwrap() as u64)
    }
    fn max_u(&self) -> Option<u64> {
        self.max.as_ref().map(|v| v.as_f64().unwrap() as u64)
    }
    fn is_int(&self) -> bool {
        self.ty == "integer" || self.ty == "long"
    }
    fn member(&self, name: &str) -> Option<&Shape> {
        self.members.iter().find(|m| m.0 == name).map(|m| &m.2)
    }
    fn ends(&self, suffix: &str) -> bool {
        self.model_path.ends_with(suffix)
    }
}

fn build(path: &str, entries: &BTreeMap<String, Value>) -> Shape {
    let e = entries
        .get(path)
        .unwrap_or_else(|| panic!("reference has no entry for {path}"));
    let ty = e["type"].as_str().unwrap().to_string();
    let mut s = Shape {
        model_path: path.to_string(),
        shape: e["shape"].as_str().unwrap_or("").to_string(),
        ty: ty.clone(),
        min: e.get("min").cloned(),
        max: e.get("max").cloned(),
        pattern: e.get("pattern").and_then(Value::as_str).map(str::to_string),
        enums: e
            .get("enum")
            .and_then(Value::as_array)
            .map(|a| a.iter().map(|v| v.as_str().unwrap().to_string()).collect()),
        members: Vec::new(),
        item: None,
        key: None,
        value: None,
    };
    match ty.as_str() {
        "structure" => {
            let required: Vec<&str> = e["required_members"]
                .as_array()
                .map(|a| a.iter().map(|v| v.as_str().unwrap()).collect())
                .unwrap_or_default();
            for m in e["members"].as_array().unwrap() {
                let m = m.as_str().unwrap();
                let child = build(&format!("{path}.{m}"), entries);
                s.members
                    .push((m.to_string(), required.contains(&m), child));
            }
        }
        "list" => s.item = Some(Box::new(build(&format!("{path}[]"), entries))),
        "map" => {
            s.key = Some(Box::new(build(&format!("{path}{{key}}"), entries)));
            s.value = Some(Box::new(build(&format!("{path}{{value}}"), entries)));
        }
        "string" | "integer" | "long" | "double" | "boolean" => {}
        other => panic!("the generator does not know the model type `{other}` ({path})"),
    }
    s
}

fn load_reference(file: &str) -> BTreeMap<String, Shape> {
    let path = root().join("tests/reference").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: Value = serde_json::from_str(&text).unwrap();
    let mut out = BTreeMap::new();
    for op in OPERATIONS {
        let mut entries = BTreeMap::new();
        for e in doc["operations"][op]["input"].as_array().unwrap() {
            entries.insert(e["path"].as_str().unwrap().to_string(), e.clone());
        }
        out.insert(op.to_string(), build(&format!("{op}.input"), &entries));
    }
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

// ---------------------------------------------------------------------------
// Patterns: the five model patterns, for the alphabet the generator uses.

/// Characters the generator ever puts in a string; the pattern matchers below
/// are exact for this alphabet.
fn known_char(c: char) -> bool {
    c.is_ascii_graphic() || c == ' ' || c == 'é' || c == '😀' || c == '\u{7}'
}

fn matches_pattern(pattern: &str, s: &str) -> bool {
    assert!(
        s.chars().all(known_char),
        "generator used a character outside its alphabet: {s:?}"
    );
    let id = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    match pattern {
        "[a-zA-Z0-9_-]+" => !s.is_empty() && s.chars().all(id),
        "[a-zA-Z0-9:_-]+" => !s.is_empty() && s.chars().all(|c| id(c) || c == ':'),
        // \p{C} within the alphabet: only BEL.
        "[^\\p{C}]+" => !s.is_empty() && !s.contains('\u{7}'),
        // \p{L} \p{Z} \p{N} and _.:/=+-@ within the alphabet.
        "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$" => s
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == 'é' || " _.:/=+-@".contains(c)),
        "^arn:[!-~]+$" => s
            .strip_prefix("arn:")
            .is_some_and(|r| !r.is_empty() && r.chars().all(|c| ('!'..='~').contains(&c))),
        other => panic!("the generator does not know the pattern `{other}`; teach matches_pattern"),
    }
}

/// A value that breaks the pattern although its length is fine.
fn pattern_breaker(pattern: &str) -> &'static str {
    match pattern {
        "[a-zA-Z0-9_-]+" => "my job",
        "[a-zA-Z0-9:_-]+" => "my thing",
        "[^\\p{C}]+" => "bell \u{7} character",
        "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$" => "key!",
        "^arn:[!-~]+$" => "arn:has space",
        other => panic!("the generator does not know the pattern `{other}`"),
    }
}

// ---------------------------------------------------------------------------
// Sample values.

/// (prefix, suffix) that keep a string meaningful for its member while it is
/// padded to an exact length.
fn affixes(s: &Shape) -> (&'static str, &'static str) {
    if s.ends(".targets[]") {
        ("arn:aws:iot:us-east-1:123456789012:thinggroup/", "")
    } else if s.ends(".document") {
        ("{\"p\":\"", "\"}")
    } else if s.ends(".documentSource") {
        ("https://s3.amazonaws.com/my-bucket/", "")
    } else if s.ends(".roleArn") {
        ("arn:aws:iam::123456789012:role/", "")
    } else if s.pattern.as_deref() == Some("^arn:[!-~]+$") {
        ("arn:", "")
    } else {
        ("", "")
    }
}

/// A string of exactly `n` code points for the member, padded with `fill`.
fn string_of_len(s: &Shape, n: u64, fill: char) -> String {
    let n = n as usize;
    let (pre, suf) = affixes(s);
    let fixed = pre.len() + suf.len();
    if n > fixed {
        format!("{pre}{}{suf}", fill.to_string().repeat(n - fixed))
    } else {
        fill.to_string().repeat(n)
    }
}

fn sample_string(s: &Shape, nth: usize) -> String {
    if let Some(values) = &s.enums {
        return values[nth % values.len()].clone();
    }
    let table: [(&str, &str); 20] = [
        (
            ".targets[]",
            "arn:aws:iot:us-east-1:123456789012:thinggroup/fleet",
        ),
        (".document", "{\"operation\":\"reboot\"}"),
        (
            ".documentSource",
            "https://s3.amazonaws.com/my-bucket/job.json",
        ),
        (".roleArn", "arn:aws:iam::123456789012:role/iot-jobs-s3"),
        (
            ".jobTemplateArn",
            "arn:aws:iot:us-east-1:123456789012:jobtemplate/my-template",
        ),
        (".jobArn", "arn:aws:iot:us-east-1:123456789012:job/job-1"),
        (
            ".destinationPackageVersions[]",
            "arn:aws:iot:us-east-1:123456789012:package/firmware/version/1.0.0",
        ),
        (".maintenanceWindows[].startTime", "cron(0 2 ? * SAT *)"),
        (".schedulingConfig.startTime", "2030-01-01T00:00"),
        (".schedulingConfig.endTime", "2030-01-02T00:00"),
        (".tags[].Key", "team"),
        (".tags[].Value", "iot"),
        (".description", "Reboot the fleet"),
        (".jobId", "job-1"),
        (".jobTemplateId", "template-1"),
        (".thingName", "thing-1"),
        (".namespaceId", "ns-1"),
        (".nextToken", "token-1"),
        ("{key}", "downloadUrl"),
        ("{value}", "https://example.com/file.bin"),
    ];
    let v = table
        .iter()
        .find(|(suffix, _)| s.ends(suffix))
        .map(|(_, v)| (*v).to_string())
        .unwrap_or_else(|| string_of_len(s, s.min_u().unwrap_or(1).max(1), 'a'));
    assert!(
        string_violations(s, &v).is_empty(),
        "sample {v:?} for {} breaks its own constraints",
        s.model_path
    );
    v
}

fn sample_number(s: &Shape) -> Value {
    let table: [(&str, i64); 11] = [
        (".baseRatePerMinute", 50),
        (".maximumPerMinute", 100),
        (".numberOfNotifiedThings", 10),
        (".numberOfSucceededThings", 10),
        (".minNumberOfExecutedThings", 10),
        (".numberOfRetries", 0),
        (".expiresInSec", 3600),
        (".inProgressTimeoutInMinutes", 60),
        (".durationInMinutes", 60),
        (".maxResults", 50),
        (".incrementFactor", 2),
    ];
    if s.ends(".thresholdPercentage") {
        return json!(50);
    }
    let v = table
        .iter()
        .find(|(suffix, _)| s.ends(suffix))
        .map(|(_, v)| *v)
        .unwrap_or_else(|| s.min.as_ref().and_then(Value::as_i64).unwrap_or(1));
    json!(v)
}

/// The smallest valid value of a shape (plus what documented rules need, so
/// that it produces no violation at all in the `documented` profile).
fn minimal(s: &Shape, nth: usize) -> Value {
    match s.ty.as_str() {
        "structure" => {
            let mut m = Map::new();
            for (name, required, child) in &s.members {
                if *required {
                    m.insert(name.clone(), minimal(child, nth));
                }
            }
            // Documented needs: a document source, a role for presigning, a threshold.
            for (suffix, member) in [
                ("CreateJob.input", "document"),
                ("CreateJobTemplate.input", "document"),
                (".presignedUrlConfig", "roleArn"),
                (".rateIncreaseCriteria", "numberOfNotifiedThings"),
            ] {
                if s.model_path.ends_with(suffix)
                    && (suffix.starts_with('.') || s.model_path == suffix)
                {
                    m.insert(member.to_string(), minimal(s.member(member).unwrap(), nth));
                }
            }
            Value::Object(m)
        }
        "list" => {
            let n = s.min_u().unwrap_or(1).max(1) as usize;
            Value::Array(
                (0..n)
                    .map(|i| minimal(s.item.as_ref().unwrap(), nth + i))
                    .collect(),
            )
        }
        "map" => {
            let k = sample_string(s.key.as_ref().unwrap(), 0);
            let mut m = Map::new();
            m.insert(k, minimal(s.value.as_ref().unwrap(), nth));
            Value::Object(m)
        }
        "string" => Value::String(sample_string(s, nth)),
        "integer" | "long" | "double" => sample_number(s),
        "boolean" => Value::Bool(true),
        other => panic!("unknown type {other}"),
    }
}

/// The minimal object for a structure when the case is about `next`: drops
/// alternatives that would clash with it (documented exclusivity rules).
fn base_for(s: &Shape, next: &str) -> Map<String, Value> {
    let Value::Object(mut m) = minimal(s, 0) else {
        unreachable!()
    };
    if s.model_path == "CreateJob.input" {
        if next == "documentSource" {
            m.remove("document");
        }
        if next == "documentParameters" {
            m.remove("document");
            m.insert("jobTemplateArn".into(), json!(MANAGED_TEMPLATE_ARN));
        }
    }
    if s.model_path == "CreateJobTemplate.input" && (next == "documentSource" || next == "jobArn") {
        m.remove("document");
    }
    if s.ends(".rateIncreaseCriteria") && next == "numberOfSucceededThings" {
        m.remove("numberOfNotifiedThings");
    }
    m
}

// ---------------------------------------------------------------------------
// Where a case points: a chain of steps from the request root.

#[derive(Debug, Clone)]
enum Step {
    Member(String),
    /// Element 0 of a list.
    Index,
    /// The map key itself (value minimal).
    MapKey(String),
    /// The value under key `p`.
    MapValue,
}

const MAP_VALUE_KEY: &str = "p";

fn pointer(steps: &[Step]) -> String {
    let mut out = String::new();
    for s in steps {
        out.push('/');
        let seg = match s {
            Step::Member(m) => m.clone(),
            Step::Index => "0".into(),
            Step::MapKey(k) => k.clone(),
            Step::MapValue => MAP_VALUE_KEY.into(),
        };
        out.push_str(&seg.replace('~', "~0").replace('/', "~1"));
    }
    out
}

/// The member path as AWS writes it (`abortConfig.criteriaList.1.member.action`);
/// `None` under a map (the grammar does not cover map entries).
fn aws_path(steps: &[Step]) -> Option<String> {
    let mut parts = Vec::new();
    for s in steps {
        match s {
            Step::Member(m) => parts.push(m.clone()),
            Step::Index => parts.push("1.member".into()),
            Step::MapKey(_) | Step::MapValue => return None,
        }
    }
    Some(parts.join("."))
}

/// What goes at the end of the chain.
#[derive(Clone)]
enum Leaf {
    /// This value.
    Value(Value),
    /// Remove this member from the (minimal) structure at the end of the chain.
    Remove(String),
    /// Add this key with this value to the structure at the end of the chain.
    Add(String, Value),
}

fn embed(s: &Shape, steps: &[Step], leaf: &Leaf) -> Value {
    let Some((first, rest)) = steps.split_first() else {
        return match leaf {
            Leaf::Value(v) => v.clone(),
            Leaf::Remove(name) => {
                let mut m = base_for(s, name);
                m.remove(name);
                Value::Object(m)
            }
            Leaf::Add(name, v) => {
                let mut m = base_for(s, name);
                m.insert(name.clone(), v.clone());
                Value::Object(m)
            }
        };
    };
    match first {
        Step::Member(name) => {
            let child = s
                .member(name)
                .unwrap_or_else(|| panic!("{} has no member {name}", s.model_path));
            let mut m = base_for(s, name);
            m.insert(name.clone(), embed(child, rest, leaf));
            Value::Object(m)
        }
        Step::Index => Value::Array(vec![embed(s.item.as_ref().unwrap(), rest, leaf)]),
        Step::MapKey(k) => {
            assert!(rest.is_empty());
            let mut m = Map::new();
            m.insert(k.clone(), minimal(s.value.as_ref().unwrap(), 0));
            Value::Object(m)
        }
        Step::MapValue => {
            let mut m = Map::new();
            m.insert(
                MAP_VALUE_KEY.into(),
                embed(s.value.as_ref().unwrap(), rest, leaf),
            );
            Value::Object(m)
        }
    }
}

// ---------------------------------------------------------------------------
// Expected model violations of one value.

#[derive(Debug, Clone)]
struct Expect {
    code: &'static str,
    path: String,
    /// The AWS framework item, when the grammar covers it.
    aws: Option<String>,
}

fn fmt_bound(v: &Value) -> String {
    let f = v.as_f64().unwrap();
    if f.fract() == 0.0 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// The model's verdict on a string: minLength, maxLength, pattern, enum (in that order).
fn string_violations(s: &Shape, v: &str) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let len = v.chars().count() as u64;
    if let Some(min) = s.min_u().filter(|m| len < *m) {
        out.push((
            "minLength",
            format!("Member must have length greater than or equal to {min}"),
        ));
    }
    if let Some(max) = s.max_u().filter(|m| len > *m) {
        out.push((
            "maxLength",
            format!("Member must have length less than or equal to {max}"),
        ));
    }
    if let Some(p) = s.pattern.as_deref().filter(|p| !matches_pattern(p, v)) {
        out.push((
            "pattern",
            format!("Member must satisfy regular expression pattern: {p}"),
        ));
    }
    if let Some(values) = s.enums.as_ref().filter(|e| !e.iter().any(|x| x == v)) {
        out.push((
            "enum",
            format!(
                "Member must satisfy enum value set: [{}]",
                values.join(", ")
            ),
        ));
    }
    out
}

/// The model's verdict on a number value (as written in the request).
fn number_violations(s: &Shape, v: &Value) -> Vec<(&'static str, String)> {
    let f = v.as_f64().unwrap();
    if s.is_int() {
        if f.fract() != 0.0 {
            return vec![("type", String::new())];
        }
        let limit = if s.ty == "integer" {
            2_147_483_647.0
        } else {
            9_223_372_036_854_775_807.0
        };
        if f > limit || f < -limit - 1.0 {
            return vec![("numberTooLarge", String::new())];
        }
    }
    let mut out = Vec::new();
    if let Some(min) = s.min.as_ref().filter(|m| f < m.as_f64().unwrap()) {
        out.push((
            "minimum",
            format!(
                "Member must have value greater than or equal to {}",
                fmt_bound(min)
            ),
        ));
    }
    if let Some(max) = s.max.as_ref().filter(|m| f > m.as_f64().unwrap()) {
        out.push((
            "maximum",
            format!(
                "Member must have value less than or equal to {}",
                fmt_bound(max)
            ),
        ));
    }
    out
}

/// Turns (code, constraint) pairs at `steps` into expectations with AWS items.
fn at(steps: &[Step], value: &str, found: Vec<(&'static str, String)>) -> Vec<Expect> {
    let ptr = pointer(steps);
    let aws = aws_path(steps);
    found
        .into_iter()
        .map(|(code, constraint)| Expect {
            code,
            path: ptr.clone(),
            aws: match (&aws, constraint.is_empty()) {
                (Some(p), false) => Some(format!(
                    "Value '{value}' at '{p}' failed to satisfy constraint: {constraint}"
                )),
                _ => None,
            },
        })
        .collect()
}

fn required_at(steps: &[Step]) -> Expect {
    Expect {
        code: "required",
        path: pointer(steps),
        aws: aws_path(steps).map(|p| {
            format!("Value null at '{p}' failed to satisfy constraint: Member must not be null")
        }),
    }
}

fn plain(code: &'static str, steps: &[Step]) -> Expect {
    Expect {
        code,
        path: pointer(steps),
        aws: None,
    }
}

// ---------------------------------------------------------------------------
// Documented rules that a generated request could trip: such cases run under
// the `model` profile instead.

fn interference(op: &str, req: &Value) -> Option<&'static str> {
    let root = req.as_object()?;
    let s3 = |v: &Value| {
        v.as_str()
            .is_some_and(|s| s.starts_with("https://s3.amazonaws.com/"))
    };
    if let Some(src) = root.get("documentSource") {
        if src.is_string() && !s3(src) {
            return Some("the value is not an S3 URL (documented warning documentSource-not-s3)");
        }
    }
    if let Some(Value::Array(targets)) = root.get("targets") {
        // The generator's ARNs: `<prefix>thing/` or `<prefix>thinggroup/`
        // and a name of 1..=128 characters of [a-zA-Z0-9:_-].
        let arn = |t: &str| {
            let name = t
                .strip_prefix("arn:aws:iot:us-east-1:123456789012:")
                .and_then(|r| {
                    r.strip_prefix("thing/")
                        .or_else(|| r.strip_prefix("thinggroup/"))
                });
            name.is_some_and(|n| {
                (1..=128).contains(&n.len())
                    && n.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b":_-".contains(&b))
            })
        };
        if targets.iter().any(|t| t.as_str().is_some_and(|t| !arn(t))) {
            return Some(
                "a target is not a thing or thing-group ARN (documented rule targets-arn)",
            );
        }
    }
    if root.get("jobTemplateArn").and_then(Value::as_str) == Some(MANAGED_TEMPLATE_ARN) {
        return Some("documentParameters are checked against AWS-Download-File's documented parameters (documented rules managedTemplate-parameter-*)");
    }
    if let Some(Value::String(doc)) = root.get("document") {
        if serde_json::from_str::<Value>(doc).is_err() {
            return Some("the document is not JSON (documented rule document-size-json)");
        }
    }
    if let Some(Value::Object(ro)) = root.get("jobExecutionsRolloutConfig") {
        let max = ro
            .get("maximumPerMinute")
            .and_then(Value::as_f64)
            .unwrap_or(0.0);
        if max > 1000.0 && max <= 2_147_483_647.0 {
            return Some(
                "maximumPerMinute above 1000 breaks the documented maximum (maximumPerMinute-max)",
            );
        }
    }
    // The windows of CreateJob (in schedulingConfig) and CreateJobTemplate (top level).
    let windows = root.get("maintenanceWindows").or_else(|| {
        root.get("schedulingConfig")
            .and_then(|sc| sc.get("maintenanceWindows"))
    });
    if let Some(Value::Array(windows)) = windows {
        let not_cron = |w: &Value| {
            w.get("startTime")
                .and_then(Value::as_str)
                .is_some_and(|s| s != "cron(0 2 ? * SAT *)")
        };
        if windows.iter().any(not_cron) {
            return Some("a maintenance window startTime other than the sample `cron(0 2 ? * SAT *)` is not a cron expression (documented rule maintenanceWindow-cron)");
        }
    }
    if let Some(Value::Object(sc)) = root.get("schedulingConfig") {
        if sc.get("startTime").is_some_and(Value::is_string)
            || sc.get("endTime").is_some_and(Value::is_string)
        {
            return Some("scheduling times always meet a documented rule (format, or the window skipped without `now`)");
        }
        if sc.get("endBehavior").is_some_and(|v| !v.is_null()) {
            return Some("endBehavior without endTime draws the documented warning endBehavior-needs-endTime");
        }
    }
    if let Some(Value::Object(rc)) = root.get("jobExecutionsRetryConfig") {
        if let Some(Value::Array(list)) = rc.get("criteriaList") {
            let mut total = 0.0;
            let mut types = Vec::new();
            for c in list {
                let n = c
                    .get("numberOfRetries")
                    .and_then(Value::as_f64)
                    .unwrap_or(0.0);
                total += n;
                if op == "UpdateJob" && n > 0.0 {
                    return Some("UpdateJob may only set retries to 0 (documented rule updateJob-retry-zero)");
                }
                if let Some(ft) = c.get("failureType").and_then(Value::as_str) {
                    types.push(ft);
                }
            }
            if total > 10.0 {
                return Some("more than 10 retries in total (documented rule retry-total)");
            }
            let mut sorted = types.clone();
            sorted.sort_unstable();
            sorted.dedup();
            if sorted.len() != types.len() || (types.contains(&"ALL") && types.len() > 1) {
                return Some(
                    "repeated or overlapping failure types (documented rule retry-duplicates)",
                );
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Cases.

struct Case {
    name: String,
    why: String,
    op: String,
    api: &'static str,
    model_profile: bool,
    request: Value,
    expect: Vec<Expect>,
}

struct Gen<'a> {
    op: &'a str,
    api: &'static str,
    root: &'a Shape,
    cases: Vec<Case>,
}

fn describe(s: &Shape) -> String {
    let mut parts = vec![s.ty.clone()];
    if let Some(m) = &s.min {
        parts.push(format!("min {m}"));
    }
    if let Some(m) = &s.max {
        parts.push(format!("max {m}"));
    }
    if let Some(p) = &s.pattern {
        parts.push(format!("pattern {p}"));
    }
    if let Some(e) = &s.enums {
        parts.push(format!("enum [{}]", e.join(", ")));
    }
    format!("{} ({}: {})", s.model_path, s.shape, parts.join(", "))
}

fn render(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn excerpt(v: &Value) -> String {
    let r = match v {
        Value::String(s) => serde_json::to_string(s).unwrap(),
        other => other.to_string(),
    };
    let n = r.chars().count();
    if n > 40 {
        let head: String = r.chars().take(24).collect();
        format!(
            "{head}… ({} chars)",
            v.as_str().map_or(n, |s| s.chars().count())
        )
    } else {
        r
    }
}

impl Gen<'_> {
    fn push(&mut self, steps: &[Step], label: &str, why: String, leaf: Leaf, expect: Vec<Expect>) {
        let request = embed(self.root, steps, &leaf);
        let reason = interference(self.op, &request);
        let mut why = why;
        if let Some(r) = reason {
            let _ = write!(why, "; profile model because {r}");
        }
        let base = if steps.is_empty() {
            String::from("(request)")
        } else {
            pointer(steps)
        };
        let mut name = format!("{base} {label}");
        let mut k = 2;
        while self.cases.iter().any(|c| c.name == name) {
            name = format!("{base} {label} #{k}");
            k += 1;
        }
        self.cases.push(Case {
            name,
            why,
            op: self.op.to_string(),
            api: self.api,
            model_profile: reason.is_some(),
            request,
            expect,
        });
    }

    fn value(
        &mut self,
        steps: &[Step],
        s: &Shape,
        label: &str,
        why: &str,
        v: Value,
        expect: Vec<Expect>,
    ) {
        let why = format!("{why}: {}", describe(s));
        self.push(steps, label, why, Leaf::Value(v), expect);
    }

    /// Every case for the member at `steps` with shape `s`.
    fn member(&mut self, steps: &[Step], s: &Shape) {
        match s.ty.as_str() {
            "string" => self.string(steps, s),
            "integer" | "long" | "double" => self.number(steps, s),
            "boolean" => {
                self.value(steps, s, "true", "a boolean", json!(true), vec![]);
                self.value(steps, s, "false", "a boolean", json!(false), vec![]);
                self.value(
                    steps,
                    s,
                    "wrong type (string \"true\")",
                    "a boolean, not a string",
                    json!("true"),
                    vec![plain("type", steps)],
                );
            }
            "list" => self.list(steps, s),
            "map" => self.map(steps, s),
            "structure" => self.structure(steps, s),
            _ => unreachable!(),
        }
    }

    fn check_string(&mut self, steps: &[Step], s: &Shape, label: &str, why: &str, v: String) {
        let found = string_violations(s, &v);
        let expect = at(steps, &v, found);
        self.value(steps, s, label, why, Value::String(v), expect);
    }

    fn string(&mut self, steps: &[Step], s: &Shape) {
        let sample = sample_string(s, 0);
        self.check_string(steps, s, "valid", "a valid sample value", sample);
        if let Some(values) = s.enums.clone() {
            for v in &values {
                self.check_string(
                    steps,
                    s,
                    &format!("enum value {v}"),
                    "each enum value is accepted",
                    v.clone(),
                );
            }
            let wrong = values[0].to_lowercase();
            self.check_string(
                steps,
                s,
                &format!("not in enum ({wrong})"),
                "enum values are case-sensitive",
                wrong,
            );
        }
        if s.enums.is_none() {
            match s.min_u() {
                Some(min) if min > 0 => {
                    self.check_string(
                        steps,
                        s,
                        &format!("at minLength {min}"),
                        "length at the minimum",
                        string_of_len(s, min, 'a'),
                    );
                    self.check_string(
                        steps,
                        s,
                        &format!("below minLength ({})", min - 1),
                        "length one below the minimum",
                        string_of_len(s, min - 1, 'a'),
                    );
                }
                _ => {
                    self.check_string(steps, s, "empty string", "no minimum length", String::new())
                }
            }
            if let Some(max) = s.max_u() {
                self.check_string(
                    steps,
                    s,
                    &format!("at maxLength {max}"),
                    "length at the maximum",
                    string_of_len(s, max, 'a'),
                );
                self.check_string(
                    steps,
                    s,
                    &format!("above maxLength ({})", max + 1),
                    "length one above the maximum",
                    string_of_len(s, max + 1, 'a'),
                );
                // Lengths are code points: two-byte and four-byte (two UTF-16 units) characters.
                if s.pattern.is_none() && max <= 2048 {
                    let why = "length counts Unicode code points (é is 2 bytes in UTF-8)";
                    self.check_string(
                        steps,
                        s,
                        &format!("at maxLength {max} in é"),
                        why,
                        string_of_len(s, max, 'é'),
                    );
                    self.check_string(
                        steps,
                        s,
                        &format!("above maxLength ({}) in é", max + 1),
                        why,
                        string_of_len(s, max + 1, 'é'),
                    );
                    if max <= 256 {
                        let why = "length counts Unicode code points (😀 is 2 UTF-16 units)";
                        self.check_string(
                            steps,
                            s,
                            &format!("at maxLength {max} in 😀"),
                            why,
                            string_of_len(s, max, '😀'),
                        );
                        self.check_string(
                            steps,
                            s,
                            &format!("above maxLength ({}) in 😀", max + 1),
                            why,
                            string_of_len(s, max + 1, '😀'),
                        );
                    }
                }
            }
            if let Some(p) = s.pattern.clone() {
                let bad = pattern_breaker(&p).to_string();
                self.check_string(
                    steps,
                    s,
                    "pattern mismatch",
                    "the pattern applies to the whole value",
                    bad,
                );
            }
        }
        self.value(
            steps,
            s,
            "wrong type (number)",
            "a string, not a number",
            json!(123),
            vec![plain("type", steps)],
        );
    }

    fn check_number(&mut self, steps: &[Step], s: &Shape, label: &str, why: &str, v: Value) {
        let found = number_violations(s, &v);
        let expect = at(steps, &render(&v), found);
        self.value(steps, s, label, why, v, expect);
    }

    fn number(&mut self, steps: &[Step], s: &Shape) {
        let sample = sample_number(s);
        self.check_number(steps, s, "valid", "a valid sample value", sample.clone());
        let step = |v: &Value, d: f64| -> Value {
            // One unit (integers) or one tenth (doubles) beyond the bound, written
            // without a trailing `.0` so every runner serialises it identically.
            let f = v.as_f64().unwrap() + d;
            let r: f64 = format!("{f:.1}").parse().unwrap();
            if r.fract() == 0.0 {
                json!(r as i64)
            } else {
                json!(r)
            }
        };
        let unit = if s.is_int() { 1.0 } else { 0.1 };
        if let Some(min) = s.min.clone() {
            self.check_number(
                steps,
                s,
                &format!("at minimum {min}"),
                "value at the minimum",
                step(&min, 0.0),
            );
            let below = step(&min, -unit);
            self.check_number(
                steps,
                s,
                &format!("below minimum ({below})"),
                "value below the minimum",
                below,
            );
        }
        if let Some(max) = s.max.clone() {
            self.check_number(
                steps,
                s,
                &format!("at maximum {max}"),
                "value at the maximum",
                step(&max, 0.0),
            );
            let above = step(&max, unit);
            self.check_number(
                steps,
                s,
                &format!("above maximum ({above})"),
                "value above the maximum",
                above,
            );
        }
        if s.is_int() {
            let frac = json!(sample.as_f64().unwrap() + 0.5);
            self.check_number(
                steps,
                s,
                &format!("fraction ({frac})"),
                "an integer member refuses a fraction",
                frac,
            );
            if s.ty == "integer" {
                self.check_number(
                    steps,
                    s,
                    "beyond 32 bits (2147483648)",
                    "model type integer is 32 bits",
                    json!(2_147_483_648_i64),
                );
                self.check_number(
                    steps,
                    s,
                    "largest 32-bit (2147483647)",
                    "model type integer is 32 bits",
                    json!(2_147_483_647_i64),
                );
            }
        }
        self.value(
            steps,
            s,
            "wrong type (string)",
            "a number, not a string",
            json!("5"),
            vec![plain("type", steps)],
        );
    }

    fn list(&mut self, steps: &[Step], s: &Shape) {
        let item = s.item.as_ref().unwrap().as_ref().clone();
        let items = |n: u64| Value::Array((0..n as usize).map(|i| minimal(&item, i)).collect());
        let count = |n: u64| -> Vec<Expect> {
            let mut out = Vec::new();
            if s.min_u().is_some_and(|m| n < m) {
                out.push(plain("minItems", steps));
            }
            if s.max_u().is_some_and(|m| n > m) {
                out.push(plain("maxItems", steps));
            }
            out
        };
        if let Some(min) = s.min_u().filter(|m| *m > 0) {
            self.value(
                steps,
                s,
                &format!("at minItems {min}"),
                "entries at the minimum",
                items(min),
                count(min),
            );
            self.value(
                steps,
                s,
                &format!("below minItems ({})", min - 1),
                "entries below the minimum",
                items(min - 1),
                count(min - 1),
            );
        } else {
            self.value(
                steps,
                s,
                "empty list",
                "no minimum number of entries",
                items(0),
                count(0),
            );
        }
        if let Some(max) = s.max_u() {
            self.value(
                steps,
                s,
                &format!("at maxItems {max}"),
                "entries at the maximum",
                items(max),
                count(max),
            );
            self.value(
                steps,
                s,
                &format!("above maxItems ({})", max + 1),
                "entries above the maximum",
                items(max + 1),
                count(max + 1),
            );
        }
        self.value(
            steps,
            s,
            "wrong type (string)",
            "a list, not a string",
            json!("x"),
            vec![plain("type", steps)],
        );
        let mut elem = steps.to_vec();
        elem.push(Step::Index);
        self.value(
            steps,
            s,
            "null entry",
            "list entries must not be null",
            json!([null]),
            vec![required_at(&elem)],
        );
        self.member(&elem, &item);
    }

    fn map(&mut self, steps: &[Step], s: &Shape) {
        let key = s.key.as_ref().unwrap().as_ref().clone();
        let value = s.value.as_ref().unwrap().as_ref().clone();
        let entry = |k: &str, v: Value| {
            let mut m = Map::new();
            m.insert(k.to_string(), v);
            Value::Object(m)
        };
        self.value(steps, s, "valid", "a valid entry", minimal(s, 0), vec![]);
        self.value(
            steps,
            s,
            "empty map",
            "no minimum number of entries",
            json!({}),
            vec![],
        );
        self.value(
            steps,
            s,
            "wrong type (array)",
            "a map, not an array",
            json!([]),
            vec![plain("type", steps)],
        );
        // Keys.
        let mut keys: Vec<(String, String)> = Vec::new();
        if let Some(min) = key.min_u().filter(|m| *m > 0) {
            keys.push((
                format!("key at minLength {min}"),
                string_of_len(&key, min, 'a'),
            ));
            keys.push((
                format!("key below minLength ({})", min - 1),
                string_of_len(&key, min - 1, 'a'),
            ));
        }
        if let Some(max) = key.max_u() {
            keys.push((
                format!("key at maxLength {max}"),
                string_of_len(&key, max, 'a'),
            ));
            keys.push((
                format!("key above maxLength ({})", max + 1),
                string_of_len(&key, max + 1, 'a'),
            ));
        }
        if let Some(p) = &key.pattern {
            keys.push((
                String::from("key pattern mismatch"),
                pattern_breaker(p).to_string(),
            ));
        }
        keys.push((String::from("key with ~ and /"), String::from("a~b/c")));
        for (label, k) in keys {
            let mut at_key = steps.to_vec();
            at_key.push(Step::MapKey(k.clone()));
            let expect = string_violations(&key, &k)
                .into_iter()
                .map(|(code, _)| plain(code, &at_key))
                .collect();
            let why = format!("map key: {}", describe(&key));
            self.push(
                steps,
                &label,
                why,
                Leaf::Value(entry(&k, minimal(&value, 0))),
                expect,
            );
        }
        // Values.
        let mut at_value = steps.to_vec();
        at_value.push(Step::MapValue);
        self.value(
            steps,
            s,
            "null value",
            "map values must not be null",
            entry(MAP_VALUE_KEY, Value::Null),
            vec![plain("required", &at_value)],
        );
        self.member(&at_value, &value);
    }

    fn structure(&mut self, steps: &[Step], s: &Shape) {
        if !steps.is_empty() {
            self.value(
                steps,
                s,
                "minimal",
                "the required members only",
                minimal(s, 0),
                vec![],
            );
            self.value(
                steps,
                s,
                "wrong type (array)",
                "a structure, not an array",
                json!([]),
                vec![plain("type", steps)],
            );
        }
        for (name, required, _) in &s.members {
            if *required {
                let mut p = steps.to_vec();
                p.push(Step::Member(name.clone()));
                let why = format!("`{name}` is required in {} ({})", s.shape, s.model_path);
                self.push(
                    steps,
                    &format!("missing required {name}"),
                    why,
                    Leaf::Remove(name.clone()),
                    vec![required_at(&p)],
                );
            }
        }
        let mut p = steps.to_vec();
        p.push(Step::Member("unknownMember".into()));
        let why = format!("{} has no member `unknownMember`", s.shape);
        self.push(
            steps,
            "unknown member",
            why,
            Leaf::Add("unknownMember".into(), json!(1)),
            vec![plain("unknownField", &p)],
        );
        for (name, _, child) in &s.members {
            let mut p = steps.to_vec();
            p.push(Step::Member(name.clone()));
            self.member(&p, child);
        }
    }

    /// Members of the other API version that this one lacks.
    fn other_api(&mut self, steps: &[Step], here: &Shape, there: &Shape, other: &str) {
        if here.ty != "structure" || there.ty != "structure" {
            if let (Some(a), Some(b)) = (&here.item, &there.item) {
                let mut p = steps.to_vec();
                p.push(Step::Index);
                self.other_api(&p, a, b, other);
            }
            return;
        }
        for (name, _, child) in &there.members {
            let mut p = steps.to_vec();
            p.push(Step::Member(name.clone()));
            match here.member(name) {
                Some(mine) => self.other_api(&p, mine, child, other),
                None => {
                    let why = format!(
                        "`{name}` exists only in the {other} model ({})",
                        child.model_path
                    );
                    let leaf = Leaf::Add(name.clone(), minimal(child, 0));
                    self.push(
                        steps,
                        &format!("{name} from the {other} API"),
                        why,
                        leaf,
                        vec![plain("unknownField", &p)],
                    );
                }
            }
        }
    }
}

fn generate() -> BTreeMap<String, String> {
    let models: Vec<(&'static str, BTreeMap<String, Shape>)> = APIS
        .iter()
        .map(|(api, file)| (*api, load_reference(file)))
        .collect();
    let mut files = BTreeMap::new();
    for (i, (api, ops)) in models.iter().enumerate() {
        let (other_api, other_ops) = &models[1 - i];
        for op in OPERATIONS {
            let root = &ops[op];
            let mut g = Gen {
                op,
                api,
                root,
                cases: Vec::new(),
            };
            g.push(&[], "minimal valid", format!("the required members of {} (plus a document where one is documented as needed)", root.shape), Leaf::Value(minimal(root, 0)), vec![]);
            g.structure(&[], root);
            g.other_api(&[], root, &other_ops[op], other_api);
            let text = render_file(
                &format!("{op} in the {api} API: every model constraint of every input member, generated by tests/gen_vectors.rs from tests/reference/{}. Do not edit: run UPDATE_VECTORS=1 cargo test --test gen_vectors.", APIS[i].1),
                &g.cases,
            );
            files.insert(format!("{api}-{op}.json"), text);
        }
    }
    files
}

// ---------------------------------------------------------------------------
// Output: pretty JSON with a fixed member order, 1-space indent.

fn case_value(c: &Case) -> Vec<(&'static str, Value)> {
    let mut options = Map::new();
    if c.api != "latest" {
        options.insert("api".into(), json!(c.api));
    }
    if c.model_profile {
        options.insert("profile".into(), json!("model"));
    }
    let errors: Vec<&Expect> = c.expect.iter().collect();
    let violations: Vec<Value> = c
        .expect
        .iter()
        .map(|e| json!({"code": e.code, "path": e.path, "severity": "error"}))
        .collect();
    let mut expect = Map::new();
    expect.insert("valid".into(), json!(c.expect.is_empty()));
    expect.insert("violations".into(), Value::Array(violations));
    if let [only] = errors.as_slice() {
        if let Some(item) = only.aws.as_ref().filter(|a| a.chars().count() < 400) {
            let value_len = item.find("' at '").unwrap_or(0);
            if value_len <= AWS_MESSAGE_VALUE_MAX + 7 {
                expect.insert(
                    "awsMessage".into(),
                    json!(format!("1 validation error detected: {item}")),
                );
            }
        }
    }
    let mut out = vec![
        ("name", json!(c.name)),
        ("why", json!(c.why)),
        ("operation", json!(c.op)),
    ];
    if !options.is_empty() {
        out.push(("options", Value::Object(options)));
    }
    out.push(("request", c.request.clone()));
    out.push(("expect", Value::Object(expect)));
    out
}

const KEY_ORDER: [&str; 12] = [
    "description",
    "cases",
    "name",
    "why",
    "operation",
    "options",
    "request",
    "expect",
    "valid",
    "violations",
    "code",
    "path",
];

fn key_rank(k: &str) -> (usize, &str) {
    (
        KEY_ORDER
            .iter()
            .position(|x| *x == k)
            .unwrap_or(KEY_ORDER.len()),
        k,
    )
}

/// Pretty JSON, 1-space indent; object members in [`KEY_ORDER`] then sorted.
fn pretty(v: &Value, indent: usize, out: &mut String) {
    let pad = |n: usize| " ".repeat(n);
    match v {
        Value::Array(a) if a.is_empty() => out.push_str("[]"),
        Value::Object(o) if o.is_empty() => out.push_str("{}"),
        Value::Array(a) => {
            out.push_str("[\n");
            for (i, x) in a.iter().enumerate() {
                out.push_str(&pad(indent + 1));
                pretty(x, indent + 1, out);
                out.push_str(if i + 1 < a.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push(']');
        }
        Value::Object(o) => {
            let mut keys: Vec<&String> = o.keys().collect();
            keys.sort_by(|a, b| key_rank(a).cmp(&key_rank(b)));
            out.push_str("{\n");
            for (i, k) in keys.iter().enumerate() {
                out.push_str(&pad(indent + 1));
                out.push_str(&serde_json::to_string(k).unwrap());
                out.push_str(": ");
                pretty(&o[*k], indent + 1, out);
                out.push_str(if i + 1 < keys.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push('}');
        }
        other => out.push_str(&serde_json::to_string(other).unwrap()),
    }
}

fn render_file(description: &str, cases: &[Case]) -> String {
    let mut file = Map::new();
    file.insert("description".into(), json!(description));
    let cases: Vec<Value> = cases
        .iter()
        .map(|c| {
            let mut m = Map::new();
            for (k, v) in case_value(c) {
                m.insert(k.into(), v);
            }
            Value::Object(m)
        })
        .collect();
    file.insert("cases".into(), Value::Array(cases));
    let mut out = String::new();
    pretty(&Value::Object(file), 0, &mut out);
    out.push('\n');
    out
}

// ---------------------------------------------------------------------------

fn generated_dir() -> PathBuf {
    root().join("tests/vectors/generated")
}

fn first_difference(a: &str, b: &str) -> String {
    let line = a.lines().zip(b.lines()).position(|(x, y)| x != y);
    match line {
        Some(i) => format!(
            "first difference at line {}:\n  checked in: {}\n  generated:  {}",
            i + 1,
            excerpt(&json!(a.lines().nth(i).unwrap_or(""))),
            excerpt(&json!(b.lines().nth(i).unwrap_or("")))
        ),
        None => format!(
            "lengths differ ({} vs {} lines)",
            a.lines().count(),
            b.lines().count()
        ),
    }
}

#[test]
fn generated_vectors_are_up_to_date() {
    let files = generate();
    let dir = generated_dir();
    let update = std::env::var("UPDATE_VECTORS").is_ok_and(|v| v == "1");
    if update {
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.extension().is_some_and(|e| e == "json")
                && !files.contains_key(p.file_name().unwrap().to_str().unwrap())
            {
                std::fs::remove_file(&p).unwrap();
            }
        }
        for (name, text) in &files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        return;
    }
    let mut problems = Vec::new();
    for (name, text) in &files {
        let path: &Path = &dir.join(name);
        match std::fs::read_to_string(path) {
            Ok(old) if old == *text => {}
            Ok(old) => problems.push(format!(
                "{name}: differs from the generator; {}",
                first_difference(&old, text)
            )),
            Err(e) => problems.push(format!("{name}: cannot be read ({e})")),
        }
    }
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for entry in rd {
            let p = entry.unwrap().path();
            let n = p.file_name().unwrap().to_string_lossy().to_string();
            if n.ends_with(".json") && !files.contains_key(&n) {
                problems.push(format!("{n}: not produced by the generator (stale file)"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "the generated vectors in tests/vectors/generated drifted from tests/reference:\n{}\n\nRegenerate with: UPDATE_VECTORS=1 cargo test --test gen_vectors",
        problems.join("\n")
    );
}

#[test]
fn generated_case_names_are_unique_and_every_constrained_member_is_covered() {
    let files = generate();
    for (name, text) in &files {
        let v: Value = serde_json::from_str(text).unwrap();
        let cases = v["cases"].as_array().unwrap();
        let mut names: Vec<&str> = cases.iter().map(|c| c["name"].as_str().unwrap()).collect();
        names.sort_unstable();
        let n = names.len();
        names.dedup();
        assert_eq!(names.len(), n, "{name}: duplicate case names");
    }
    // Every input member path of the reference appears in some generated case's why.
    for (api, file) in APIS {
        let doc: Value = serde_json::from_str(
            &std::fs::read_to_string(root().join("tests/reference").join(file)).unwrap(),
        )
        .unwrap();
        for op in OPERATIONS {
            let text = &files[&format!("{api}-{op}.json")];
            for e in doc["operations"][op]["input"].as_array().unwrap() {
                let p = e["path"].as_str().unwrap();
                if p.ends_with("{key}") || p == format!("{op}.input") {
                    continue; // keys are described by their shape, under the map's cases
                }
                assert!(
                    text.contains(&format!("{p} (")),
                    "{api} {op}: no generated case for {p}"
                );
            }
        }
    }
}

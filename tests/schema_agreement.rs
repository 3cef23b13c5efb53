//! The exported JSON Schemas are checked, not trusted.
//!
//! Every shared test vector (`tests/vectors/**/*.json`) is validated by the
//! `jsonschema` crate against the schema exported for its operation, API
//! version and profile, in both dialects, and the verdict is compared with the
//! native report restricted to the rules the schemas claim to express
//! ([`EXPRESSED_RULES`]): a case agrees when the native report has an error
//! from an expressed rule exactly when the schema rejects the request. The
//! cases where they differ must be exactly the documented list
//! [`DISAGREEMENTS`]; an undocumented disagreement fails, and so does a listed
//! one that no longer occurs.
//!
//! Also checked here: both dialects' outputs validate against their
//! meta-schemas and use only their dialect's keywords; the translated patterns
//! agree with the native pattern matcher on every Unicode code point; and
//! `multipleOf` agrees with the native decimal-places rule on boundary values.
//!
//! `cargo test --test schema_agreement -- --nocapture` prints the counts.
//!
//! For the ajv run (JavaScript), measured with ajv 8.20 on Node 20.20
//! (Unicode 17.0) against these schemas (`SCHEMA_AGREEMENT_DUMP=<file>` writes
//! the instances, native verdicts and all 56 schemas for such a check):
//!
//! - ajv's strict mode refuses the unknown keyword `markdownDescription`:
//!   `ajv.addKeyword("markdownDescription")` (or `strict: false`).
//! - ajv's default `multipleOf` divides binary doubles: it rejects 13 of the
//!   40 valid one-place `incrementFactor`s (1.2, 1.4, 1.9, 2.3, ...) and 1363
//!   of 10000 valid two-place `thresholdPercentage`s (0.07, 0.14, 0.29, ...).
//!   With `multipleOfPrecision: 12` it agrees with the native rule on every
//!   value 1.1..5 and 0.001..100 in steps of 0.001 and on the near misses
//!   probed here; the jsonschema crate needs no option (it compares decimals).
//! - `\p{C}` and `\p{L}`/`\p{N}` follow the engine's Unicode version: the
//!   validator and the Rust regex crate use Unicode 16.0, Node 20.20 uses
//!   17.0, so ajv accepts the 4803 code points assigned in 17.0 in a
//!   description or parameter value (and 4657 in a tag key) that the validator
//!   rejects as unassigned (`Cn`) or not a letter.
//! - ajv reads `9223372036854775807` (the `maximum` of the one unbounded
//!   64-bit member, `inProgressTimeoutInMinutes`, in the model-profile schemas
//!   only) as 2^63, so it accepts 2^63 there, which the validator rejects as
//!   `numberTooLarge`.
//! - On the shared vectors ajv (with the two options above) disagrees only
//!   where the jsonschema crate does ([`DISAGREEMENTS`]).

#![cfg(test)] // always true here; lets clippy.toml's allow-*-in-tests cover the helpers too (rust-clippy#11119)
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest
#![allow(
    clippy::type_complexity,
    reason = "the disagreement tables are tuples of slices, clearer inline than named"
)]

use iot_jobs_policy::schema_export::{
    json_schema, json_schema_for, json_schema_string_for, Dialect, EXPRESSED_RULES, INEXPRESSIBLE,
};
use iot_jobs_policy::{validate_bytes, ApiVersion, Operation, Options, Profile, Report};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

mod common;

const APIS: [ApiVersion; 2] = [ApiVersion::V2022_01, ApiVersion::Latest];
const PROFILES: [Profile; 2] = [Profile::Documented, Profile::Model];

/// Documented disagreements between the native verdict (restricted to
/// [`EXPRESSED_RULES`]) and the schema's verdict: `(case id, dialect or "both",
/// reason)`. Every entry must occur, and nothing else may.
const DISAGREEMENTS: &[(&str, &str, &str)] = &[
    // input.tooDeep is text-level hygiene: the validator refuses a request
    // nested more than 64 deep before it walks the model, so it reports no
    // expressed rule; the schema has no depth limit and rejects the nested
    // array as the wrong type for `jobId`. Both reject the request.
    (
        "input/untrusted.json#depth 65 is tooDeep",
        "both",
        "tooDeep stops the native walk; the schema rejects the nested value by type",
    ),
];

/// One vector case as the agreement test needs it.
struct Case {
    /// `file.json: case name`, as in the vectors runner.
    id: String,
    op: Operation,
    options: Options,
    /// The bytes the native validator gets (the vectors runner's bytes).
    input: Vec<u8>,
    /// The parsed JSON value the schema gets, or why there is none.
    instance: Result<Value, &'static str>,
}

/// The skip rule: a `requestText` or `requestBase64` case whose bytes are not
/// one JSON value (as `serde_json` reads it) has no instance to give a schema:
/// invalid UTF-8, invalid JSON, `NaN`/`Infinity`, `1e400` (a leading byte
/// order mark is removed first). Such cases are counted and skipped, with the
/// native rules that reject them. A JSON value that is not an object is
/// *not* skipped: the schema's root `"type": "object"` expresses `notAnObject`.
const SKIP_UNPARSEABLE: &str =
    "requestText/requestBase64 that serde_json cannot read as one JSON value";

fn load_cases() -> Vec<Case> {
    common::request_vectors()
        .into_iter()
        .map(|c| {
            let instance = match c.request {
                Some(r) => Ok(r),
                None => {
                    // A leading UTF-8 byte order mark is skipped, as the validator
                    // (and editors) do; serde_json would refuse it.
                    let json = c.input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&c.input);
                    serde_json::from_slice::<Value>(json).map_err(|_| SKIP_UNPARSEABLE)
                }
            };
            Case {
                id: c.id,
                op: c.op,
                options: c.options,
                input: c.input,
                instance,
            }
        })
        .collect()
}

/// Whether the native report has an error from a rule the schemas express.
fn native_rejects(report: &Report) -> bool {
    report.errors().any(|v| EXPRESSED_RULES.contains(&v.rule()))
}

fn describe(report: &Report) -> String {
    let items: Vec<String> = report
        .violations()
        .iter()
        .map(|v| format!("{} {:?} ({:?})", v.rule(), v.path(), v.severity()))
        .collect();
    format!("[{}]", items.join(", "))
}

type Key = (Operation, ApiVersion, Profile, Dialect);

fn validators() -> HashMap<Key, jsonschema::Validator> {
    let mut out = HashMap::new();
    for op in Operation::ALL {
        for api in APIS {
            for profile in PROFILES {
                for dialect in Dialect::ALL {
                    let schema = json_schema_for(op, api, profile, dialect);
                    let v = jsonschema::validator_for(&schema)
                        .unwrap_or_else(|e| panic!("{op} {api:?} {profile:?} {dialect}: {e}"));
                    out.insert((op, api, profile, dialect), v);
                }
            }
        }
    }
    out
}

#[test]
fn every_vector_agrees_with_the_schema_on_the_expressed_rules() {
    let cases = load_cases();
    let validators = validators();
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    let mut checked = 0usize;
    let mut agreed = 0usize;
    // (case id, dialect) -> description of the disagreement.
    let mut found: BTreeMap<(String, &'static str), String> = BTreeMap::new();
    // SCHEMA_AGREEMENT_DUMP=<file>: the instances and native verdicts as JSON,
    // for checking another validator (ajv) against the same cases.
    let mut dump: Vec<Value> = Vec::new();
    for case in &cases {
        let instance = match &case.instance {
            Ok(v) => v,
            Err(why) => {
                let report = validate_bytes(case.op, &case.input, &case.options);
                let rules: Vec<&str> = report.errors().map(|v| v.rule()).collect();
                // A skip may only hide what the validator refuses as text.
                assert!(
                    !rules.is_empty() && rules.iter().all(|r| r.starts_with("input.")),
                    "{}: skipped, but the validator does not refuse it as text: {rules:?}",
                    case.id
                );
                *skipped
                    .entry(format!("{why} (native: {})", rules.join(", ")))
                    .or_default() += 1;
                continue;
            }
        };
        let report = validate_bytes(case.op, &case.input, &case.options);
        let native = native_rejects(&report);
        dump.push(json!({
            "id": case.id,
            "operation": case.op.name(),
            "api": case.options.api.name(),
            "profile": case.options.profile.name(),
            "instance": instance,
            "nativeRejects": native,
        }));
        for dialect in Dialect::ALL {
            checked += 1;
            let key = (case.op, case.options.api, case.options.profile, dialect);
            let schema_rejects = !validators[&key].is_valid(instance);
            if native == schema_rejects {
                agreed += 1;
                continue;
            }
            let errors: Vec<String> = validators[&key]
                .iter_errors(instance)
                .map(|e| format!("{} at {:?}", e, e.instance_path().as_str()))
                .collect();
            found.insert(
                (case.id.clone(), dialect.name()),
                format!(
                    "native {} {}; schema {} {errors:?}",
                    if native { "rejects" } else { "accepts" },
                    describe(&report),
                    if schema_rejects { "rejects" } else { "accepts" },
                ),
            );
        }
    }

    if let Some(path) = std::env::var_os("SCHEMA_AGREEMENT_DUMP") {
        let mut schemas = serde_json::Map::new();
        for (op, api, profile, dialect) in validators.keys() {
            let key = format!(
                "{}/{}/{}/{}",
                dialect.name(),
                api.name(),
                profile.name(),
                op.name()
            );
            schemas.insert(key, json_schema_for(*op, *api, *profile, *dialect));
        }
        let all = json!({ "cases": dump, "schemas": schemas });
        std::fs::write(path, serde_json::to_string(&all).unwrap()).unwrap();
    }

    // Fold "both dialects" for the report and the comparison with the list.
    let mut by_case: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (id, dialect) in found.keys() {
        by_case.entry(id.as_str()).or_default().push(dialect);
    }
    let mut actual: BTreeSet<(String, String)> = BTreeSet::new();
    for (id, dialects) in &by_case {
        let d = if dialects.len() == Dialect::ALL.len() {
            "both".to_string()
        } else {
            dialects.join(",")
        };
        actual.insert((id.to_string(), d));
    }
    let listed: BTreeSet<(String, String)> = DISAGREEMENTS
        .iter()
        .map(|(id, d, _)| (id.to_string(), d.to_string()))
        .collect();

    println!("schema agreement over {} vector cases:", cases.len());
    for (why, n) in &skipped {
        println!("  skipped {n}: {why}");
    }
    println!(
        "  checked {checked} (case, dialect) pairs: {agreed} agree, {} disagree ({} documented)",
        found.len(),
        found
            .keys()
            .filter(|(id, _)| listed.iter().any(|(l, _)| l == id))
            .count()
    );
    let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, _, reason) in DISAGREEMENTS {
        *reasons.entry(reason).or_default() += 1;
    }
    for (reason, n) in &reasons {
        println!("  documented disagreement x{n}: {reason}");
    }

    let mut problems = Vec::new();
    for (id, d) in actual.difference(&listed) {
        let detail: Vec<&String> = found
            .iter()
            .filter(|((i, _), _)| i == id)
            .map(|(_, v)| v)
            .collect();
        problems.push(format!(
            "undocumented disagreement ({d}): {id}\n    {detail:?}"
        ));
    }
    for (id, d) in listed.difference(&actual) {
        problems.push(format!(
            "listed disagreement ({d}) does not occur (remove it from DISAGREEMENTS): {id}"
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every keyword an exported schema uses, by dialect. Meta-schema validation
/// does not catch a keyword the dialect does not know (it is ignored), so the
/// outputs are held to these lists.
const KEYWORDS_COMMON: &[&str] = &[
    "$schema",
    "$id",
    "$comment",
    "title",
    "description",
    "markdownDescription",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "propertyNames",
    "items",
    "minItems",
    "maxItems",
    "minLength",
    "maxLength",
    "pattern",
    "enum",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "multipleOf",
    "anyOf",
    "oneOf",
    "allOf",
    "not",
    "if",
    "then",
];
const KEYWORDS_2020_12_ONLY: &[&str] = &["contentMediaType"];

/// Collects the keywords of a schema object, recursing into subschemas
/// (property names under `properties` are not keywords).
fn keywords(schema: &Value, out: &mut BTreeSet<String>) {
    let Some(obj) = schema.as_object() else {
        return;
    };
    for (k, v) in obj {
        out.insert(k.clone());
        match k.as_str() {
            "properties" => {
                for sub in v.as_object().unwrap().values() {
                    keywords(sub, out);
                }
            }
            "anyOf" | "oneOf" | "allOf" => {
                for sub in v.as_array().unwrap() {
                    keywords(sub, out);
                }
            }
            "items" | "not" | "if" | "then" | "propertyNames" | "additionalProperties" => {
                keywords(v, out)
            }
            _ => {}
        }
    }
}

#[test]
fn every_schema_is_valid_against_its_meta_schema_and_uses_only_its_dialect() {
    let mut n = 0;
    for op in Operation::ALL {
        for api in APIS {
            for profile in PROFILES {
                for dialect in Dialect::ALL {
                    let schema = json_schema_for(op, api, profile, dialect);
                    let what = format!("{op} {} {} {dialect}", api.name(), profile.name());
                    assert_eq!(schema["$schema"], json!(dialect.meta_schema()), "{what}");
                    if let Err(e) = jsonschema::meta::validate(&schema) {
                        panic!("{what}: not valid against its meta-schema: {e}");
                    }
                    let mut used = BTreeSet::new();
                    keywords(&schema, &mut used);
                    for k in &used {
                        let ok = KEYWORDS_COMMON.contains(&k.as_str())
                            || (dialect == Dialect::Draft202012
                                && KEYWORDS_2020_12_ONLY.contains(&k.as_str()));
                        assert!(ok, "{what}: keyword `{k}` is not in the {dialect} list");
                    }
                    let comment = schema["$comment"].as_str().unwrap();
                    for item in INEXPRESSIBLE {
                        assert!(comment.contains(item), "{what}: $comment lacks {item}");
                    }
                    // Deterministic text: the same bytes twice.
                    assert_eq!(
                        json_schema_string_for(op, api, profile, dialect),
                        json_schema_string_for(op, api, profile, dialect)
                    );
                    n += 1;
                }
            }
        }
    }
    println!("{n} schemas valid against their meta-schemas");
}

/// The pattern of a member, read from the exported schema.
fn pattern_at(schema: &Value, pointer: &str) -> String {
    schema
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no pattern at {pointer}"))
        .to_string()
}

#[test]
fn unicode_patterns_agree_with_the_native_matcher_on_every_code_point() {
    let update = json_schema(
        Operation::UpdateJob,
        ApiVersion::Latest,
        Dialect::Draft202012,
    );
    let create = json_schema(
        Operation::CreateJob,
        ApiVersion::Latest,
        Dialect::Draft202012,
    );
    let no_control = pattern_at(&update, "/properties/description/pattern");
    let tag_key = pattern_at(&create, "/properties/tags/items/properties/Key/pattern");
    let compile =
        |p: &str| jsonschema::validator_for(&json!({ "type": "string", "pattern": p })).unwrap();
    let (nc, tk) = (compile(&no_control), compile(&tag_key));
    let opts = Options::default();
    let mut differ = Vec::new();
    for c in (0u32..=0x10FFFF).filter_map(char::from_u32) {
        let s = c.to_string();
        // One code point in a description (UpdateJob) and in a tag key (CreateJob).
        // One code point in a description (UpdateJob) and in a tag key
        // (CreateJob); `is_valid_str` builds no messages, which keeps the
        // sweep over the ~800 000 unassigned code points quick.
        let text = serde_json::to_string(&s).unwrap();
        let d = format!(r#"{{"jobId":"j","description":{text}}}"#);
        let native_d = iot_jobs_policy::is_valid_str(Operation::UpdateJob, &d, &opts);
        if native_d != nc.is_valid(&json!(s)) {
            differ.push(format!("description U+{:04X}: native {native_d}", c as u32));
        }
        let t = format!(
            r#"{{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{{}}","tags":[{{"Key":{text}}}]}}"#
        );
        let native_t = iot_jobs_policy::is_valid_str(Operation::CreateJob, &t, &opts);
        if native_t != tk.is_valid(&json!(s)) {
            differ.push(format!("tag key U+{:04X}: native {native_t}", c as u32));
        }
    }
    assert!(
        differ.is_empty(),
        "{} code points differ: {:?}",
        differ.len(),
        &differ[..differ.len().min(40)]
    );
}

/// Native verdict on one number in a member, through a full request.
fn native_number_ok(op: Operation, request: &str) -> bool {
    iot_jobs_policy::is_valid_str(op, request, &Options::default())
}

#[test]
fn multiple_of_agrees_with_the_native_decimal_places_rule() {
    let schema = json_schema(
        Operation::CreateJob,
        ApiVersion::Latest,
        Dialect::Draft202012,
    );
    let rate = "/properties/jobExecutionsRolloutConfig/properties/exponentialRate/properties/incrementFactor";
    let threshold =
        "/properties/abortConfig/properties/criteriaList/items/properties/thresholdPercentage";
    let member = |p: &str| jsonschema::validator_for(schema.pointer(p).unwrap()).unwrap();
    let (factor, share) = (member(rate), member(threshold));
    let head = r#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thinggroup/g"],"document":"{}","#;
    let mut texts: Vec<(bool, String)> = Vec::new();
    // incrementFactor: every value 1.1..=5.0 in steps of 0.1, 0.01 and 0.001, as literals.
    for k in 1100..=5000u32 {
        let t = format!("{}.{:03}", k / 1000, k % 1000);
        let t = t.trim_end_matches('0').trim_end_matches('.').to_string();
        texts.push((true, t));
    }
    // thresholdPercentage: 0.001..=100 in steps of 0.001, as literals.
    for k in 1..=100_000u32 {
        let t = format!("{}.{:03}", k / 1000, k % 1000);
        let t = t.trim_end_matches('0').trim_end_matches('.').to_string();
        texts.push((false, t));
    }
    // Literal forms and near misses: trailing zeros, exponents, many places,
    // the neighbours of a decimal in binary.
    for t in [
        "1.10",
        "1.1e0",
        "11e-1",
        "5.0",
        "1.1000000001",
        "1.10000001",
        "2.00000000001",
        "4.99999999999999",
        "1.2000000000000002",
        "1.1999999999999997",
    ] {
        texts.push((true, t.to_string()));
    }
    for t in [
        "50.00",
        "1e-2",
        "0.1e1",
        "100.0",
        "33.330001",
        "0.010000001",
        "99.999999999999",
        "0.29000000000000004",
        "10.99",
        "1.15",
        "0.57",
        "1e-3",
        "0.0",
        "-0.01",
    ] {
        texts.push((false, t.to_string()));
    }
    let mut differ = Vec::new();
    for (is_factor, t) in &texts {
        let (request, v) = if *is_factor {
            (
                format!(
                    r#"{head}"jobExecutionsRolloutConfig":{{"exponentialRate":{{"baseRatePerMinute":1,"incrementFactor":{t},"rateIncreaseCriteria":{{"numberOfNotifiedThings":1}}}}}}}}"#
                ),
                &factor,
            )
        } else {
            (
                format!(
                    r#"{head}"abortConfig":{{"criteriaList":[{{"failureType":"ALL","action":"CANCEL","thresholdPercentage":{t},"minNumberOfExecutedThings":1}}]}}}}"#
                ),
                &share,
            )
        };
        let native = native_number_ok(Operation::CreateJob, &request);
        let n: Value = serde_json::from_str(t).unwrap();
        if native != v.is_valid(&n) {
            differ.push(format!(
                "{} {t}: native {native}",
                if *is_factor {
                    "incrementFactor"
                } else {
                    "thresholdPercentage"
                }
            ));
        }
    }
    println!(
        "multipleOf: {} values compared, {} differ",
        texts.len(),
        differ.len()
    );
    assert!(differ.is_empty(), "{differ:?}");
}

/// `tests/schemas/<dialect>/<api>/<Operation>.json`: the documented-profile
/// schemas, checked in for editors and for the JS (ajv) run. Regenerate with
/// `UPDATE_SCHEMAS=1 cargo test --test schema_agreement checked_in`.
#[test]
fn checked_in_schemas_are_current() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/schemas");
    let update = std::env::var_os("UPDATE_SCHEMAS").is_some();
    let mut stale = Vec::new();
    let mut expected_files = BTreeSet::new();
    for dialect in Dialect::ALL {
        for api in APIS {
            for op in Operation::ALL {
                let rel = format!("{}/{}/{}.json", dialect.name(), api.name(), op.name());
                let path = root.join(&rel);
                let text = iot_jobs_policy::schema_export::json_schema_string(op, api, dialect);
                expected_files.insert(rel.clone());
                if update {
                    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                    std::fs::write(&path, &text).unwrap();
                } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                    stale.push(rel);
                }
            }
        }
    }
    let mut present = Vec::new();
    common::json_files(&root, &mut present);
    for p in present {
        let rel = common::relative(&root, &p);
        if !expected_files.contains(&rel) {
            stale.push(format!("{rel} (not generated: remove it)"));
        }
    }
    assert!(
        stale.is_empty(),
        "tests/schemas is out of date; run `UPDATE_SCHEMAS=1 cargo test --test schema_agreement checked_in`:\n  {}",
        stale.join("\n  ")
    );
}

/// Requests beyond the shared vectors that probe where JSON Schema and the
/// validator could part: `(name, operation, api, profile, request text,
/// expected)`, where `expected` is `None` when both must agree, or the
/// documented reason they differ.
const PROBES: &[(&str, Operation, ApiVersion, Profile, &str, Option<&str>)] = &[
    (
        "null optional member is absent",
        Operation::UpdateJob,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobId":"j","description":null,"abortConfig":null}"#,
        None,
    ),
    (
        "null required member",
        Operation::UpdateJob,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobId":null}"#,
        None,
    ),
    (
        "null enum member is absent",
        Operation::ListJobExecutionsForJob,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobId":"j","status":null}"#,
        None,
    ),
    (
        "null list entry",
        Operation::CreateJob,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobId":"j","targets":[null],"document":"{}"}"#,
        None,
    ),
    (
        "null map value",
        Operation::CreateJob,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"jobTemplateArn":"arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0","documentParameters":{"a":null}}"#,
        None,
    ),
    (
        "5.0 in an integer member",
        Operation::ListJobExecutionsForJob,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobId":"j","maxResults":5.0}"#,
        None,
    ),
    (
        "1e2 in an integer member",
        Operation::ListJobExecutionsForJob,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobId":"j","maxResults":1e2}"#,
        None,
    ),
    (
        "1e30 in a 32-bit member",
        Operation::CreateJob,
        ApiVersion::Latest,
        Profile::Model,
        r#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{}","jobExecutionsRolloutConfig":{"maximumPerMinute":1e30}}"#,
        None,
    ),
    (
        "2^63-1 in a 64-bit member",
        Operation::CreateJob,
        ApiVersion::Latest,
        Profile::Model,
        r#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{}","timeoutConfig":{"inProgressTimeoutInMinutes":9223372036854775807}}"#,
        None,
    ),
    (
        "2^63 in a 64-bit member",
        Operation::CreateJob,
        ApiVersion::Latest,
        Profile::Model,
        r#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{}","timeoutConfig":{"inProgressTimeoutInMinutes":9223372036854775808}}"#,
        None,
    ),
    (
        "2^63 written as a float in a 64-bit member",
        Operation::CreateJob,
        ApiVersion::Latest,
        Profile::Model,
        r#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{}","timeoutConfig":{"inProgressTimeoutInMinutes":9223372036854775808.0}}"#,
        None,
    ),
    (
        "-2^63 in a 64-bit member",
        Operation::CreateJob,
        ApiVersion::Latest,
        Profile::Model,
        r#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{}","timeoutConfig":{"inProgressTimeoutInMinutes":-9223372036854775808}}"#,
        None,
    ),
    (
        "the request is null",
        Operation::DescribeJob,
        ApiVersion::Latest,
        Profile::Documented,
        "null",
        None,
    ),
    (
        "null jobTemplateArn is no document source",
        Operation::CreateJob,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"jobTemplateArn":null}"#,
        None,
    ),
    (
        "null document beside documentSource",
        Operation::CreateJob,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":null,"documentSource":"https://b.s3.amazonaws.com/k"}"#,
        None,
    ),
    (
        "template with documentSource and null jobArn",
        Operation::CreateJobTemplate,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobTemplateId":"t","description":"d","documentSource":"https://b.s3.amazonaws.com/k","jobArn":null}"#,
        None,
    ),
    (
        "documentParameters with a customer template",
        Operation::CreateJob,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"jobTemplateArn":"arn:aws:iot:us-east-1:123456789012:jobtemplate/AWS-x","documentParameters":{"a":"b"}}"#,
        None,
    ),
    (
        "documentParameters with a managed template in aws-cn",
        Operation::CreateJob,
        ApiVersion::V2022_01,
        Profile::Documented,
        r#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"jobTemplateArn":"arn:aws-cn:iot:cn-north-1::jobtemplate/AWS-Download-File:1.0","documentParameters":{"a":"b"}}"#,
        None,
    ),
    (
        "documentParameters without a template",
        Operation::CreateJob,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{}","documentParameters":{"a":"b"}}"#,
        None,
    ),
    (
        "documentParameters with a null template",
        Operation::CreateJob,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{}","jobTemplateArn":null,"documentParameters":{"a":"b"}}"#,
        None,
    ),
    (
        "UpdateJob lowers retries to 0",
        Operation::UpdateJob,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobId":"j","jobExecutionsRetryConfig":{"criteriaList":[{"failureType":"FAILED","numberOfRetries":0}]}}"#,
        None,
    ),
    (
        "UpdateJob sets retries to 1",
        Operation::UpdateJob,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobId":"j","jobExecutionsRetryConfig":{"criteriaList":[{"failureType":"FAILED","numberOfRetries":1}]}}"#,
        None,
    ),
    (
        "rateIncreaseCriteria with only a null count",
        Operation::CreateJob,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{}","jobExecutionsRolloutConfig":{"exponentialRate":{"baseRatePerMinute":1,"incrementFactor":2,"rateIncreaseCriteria":{"numberOfNotifiedThings":null}}}}"#,
        None,
    ),
    (
        "thresholdPercentage -0",
        Operation::CreateJob,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{}","abortConfig":{"criteriaList":[{"failureType":"ALL","action":"CANCEL","thresholdPercentage":-0.0,"minNumberOfExecutedThings":1}]}}"#,
        None,
    ),
    (
        "map key with a slash",
        Operation::CreateJob,
        ApiVersion::Latest,
        Profile::Model,
        r#"{"jobId":"j","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"documentParameters":{"a/b":"c"}}"#,
        None,
    ),
    // A JSON value keeps one of two equal keys (serde_json and JavaScript keep
    // the last); the validator walks the first and reports `duplicateKey`.
    (
        "duplicate key, first value invalid",
        Operation::DescribeJob,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobId":"bad id","jobId":"ok"}"#,
        Some("duplicate keys: the parsed value keeps the last, the validator judges the first"),
    ),
    (
        "duplicate key, last value invalid",
        Operation::DescribeJob,
        ApiVersion::Latest,
        Profile::Documented,
        r#"{"jobId":"ok","jobId":"bad id"}"#,
        Some("duplicate keys: the parsed value keeps the last, the validator judges the first"),
    ),
];

#[test]
fn probes_agree_or_differ_as_documented() {
    let validators = validators();
    let mut problems = Vec::new();
    let mut differ = 0;
    for (name, op, api, profile, text, expected) in PROBES {
        let options = Options::default().with_api(*api).with_profile(*profile);
        let report = validate_bytes(*op, text.as_bytes(), &options);
        let native = native_rejects(&report);
        let instance: Value = serde_json::from_str(text).unwrap();
        for dialect in Dialect::ALL {
            let schema = !validators[&(*op, *api, *profile, dialect)].is_valid(&instance);
            let agrees = native == schema;
            if !agrees {
                differ += 1;
            }
            if agrees != expected.is_none() {
                problems.push(format!(
                    "{name} ({dialect}): native {} {}, schema {}; expected {}",
                    if native { "rejects" } else { "accepts" },
                    describe(&report),
                    if schema { "rejects" } else { "accepts" },
                    expected.unwrap_or("agreement")
                ));
            }
        }
    }
    println!(
        "probes: {} run in both dialects, {differ} documented disagreements",
        PROBES.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

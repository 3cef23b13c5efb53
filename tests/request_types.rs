//! The TypeScript request and output types (`js/requests.d.ts`): the
//! committed file is exactly what `examples/gen_types.rs` writes, and its
//! request interfaces have exactly the members (and required members) of the
//! exported JSON Schemas, its output interfaces those of the AWS model data.

#![cfg(test)] // always true here; lets clippy.toml's allow-*-in-tests cover the helpers too (rust-clippy#11119)

#[allow(dead_code, reason = "the example's `main` is not called here")]
#[path = "../examples/gen_types.rs"]
mod gen_types;

use iot_jobs_policy::schema_export::{json_schema, Dialect};
use iot_jobs_policy::{ApiVersion, Operation};
use std::collections::BTreeSet;

fn generated() -> String {
    gen_types::generate().expect("the generator runs")
}

/// The members of `export interface <name> {...}`: (name, optional).
fn members(text: &str, name: &str) -> BTreeSet<(String, bool)> {
    let head = format!("\nexport interface {name} {{");
    let start = text
        .find(&head)
        .unwrap_or_else(|| panic!("no interface {name}"));
    let body = &text[start + head.len()..];
    let end = body.find("\n}").expect("the interface ends");
    body[..end]
        .lines()
        .filter(|l| {
            l.starts_with("  ")
                && !l.trim_start().starts_with('*')
                && !l.trim_start().starts_with("/**")
        })
        .map(|l| {
            let (m, _) = l.trim().split_once(": ").expect("a member line");
            match m.strip_suffix('?') {
                Some(m) => (m.to_string(), true),
                None => (m.to_string(), false),
            }
        })
        .collect()
}

#[test]
fn the_committed_file_is_what_the_generator_writes() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(gen_types::OUTPUT_PATH);
    let committed = std::fs::read_to_string(&path).expect("js/requests.d.ts exists");
    assert!(
        committed == generated(),
        "js/requests.d.ts is stale: run `cargo run --example gen_types`"
    );
}

#[test]
fn the_generator_is_deterministic() {
    assert_eq!(generated(), generated());
}

#[test]
fn request_interfaces_have_the_schema_members() {
    let text = generated();
    for api in [ApiVersion::Latest, ApiVersion::V2022_01] {
        for op in Operation::ALL {
            let schema = json_schema(op, api, Dialect::Draft202012);
            let required: BTreeSet<&str> = schema["required"]
                .as_array()
                .map(|r| r.iter().map(|v| v.as_str().unwrap()).collect())
                .unwrap_or_default();
            let expected: BTreeSet<(String, bool)> = schema["properties"]
                .as_object()
                .unwrap()
                .keys()
                .map(|k| (k.clone(), !required.contains(k.as_str())))
                .collect();
            let name = format!("{}Request{}", op.name(), gen_types::suffix(api));
            assert_eq!(members(&text, &name), expected, "{name}");
        }
    }
    // The API versions differ where the models do.
    let latest = members(&text, "CreateJobRequest");
    let old = members(&text, "CreateJobRequest2022");
    assert!(latest.contains(&("schedulingConfig".into(), true)));
    assert!(!old.contains(&("schedulingConfig".into(), true)));
}

#[test]
fn output_interfaces_have_the_model_members() {
    let text = generated();
    for (api, file) in [
        (ApiVersion::Latest, "latest"),
        (ApiVersion::V2022_01, "2022"),
    ] {
        let path = format!(
            "{}/tests/reference/iot-jobs-constraints-{file}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let reference: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for op in Operation::ALL {
            let output = &reference["operations"][op.name()]["output"];
            let expected: BTreeSet<(String, bool)> = output
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["path"] == format!("{}.output", op.name()))
                .map(|e| {
                    e["members"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|m| (m.as_str().unwrap().to_string(), true))
                        .collect()
                })
                .unwrap_or_default();
            let name = format!("{}Output{}", op.name(), gen_types::suffix(api));
            assert_eq!(members(&text, &name), expected, "{name}");
        }
    }
    // Timestamps are `Date`, as in the SDK.
    assert!(text.contains("  createdAt?: Date | undefined;\n"));
}

#[test]
fn constraints_are_in_the_doc_comments() {
    let text = generated();
    for needle in [
        "Length: 1 to 64 characters (code points).",
        "Pattern (ECMAScript, `u` flag): `^[a-zA-Z0-9_-]+$`.",
        "An integer (32-bit, 1 to 1000).",
        "A multiple of 0.1 (at most 1 digit(s) after the decimal point).",
        "targetSelection?: 'CONTINUOUS' | 'SNAPSHOT' | undefined;",
        "Required.",
        "Documented rules (checked by `validate`): `updateJob-retry-zero`",
    ] {
        assert!(text.contains(needle), "missing: {needle}");
    }
}

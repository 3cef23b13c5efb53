//! Criterion benchmarks: a typical valid CreateJob (~1.2 KB, every config
//! block present) and one with ten violations, from `&str` to report, beside
//! the `jsonschema` crate validating the same text against an equivalent
//! JSON Schema (`benches/data/create-job.schema.json`) in the same run.
//!
//! The group `worst_shapes` validates the shapes that cost quadratic time
//! before issue #10 (finding 1), each close to the 1 MiB limit: 80,000 keys
//! before a `targets` array of 255,000 numbers (990 KB), 58,861 bad
//! `documentParameters` values, 10,000 abort criteria with distinct failure
//! types. Each is linear in its size now; the report stops at
//! `MAX_VIOLATIONS`.
//!
//! The group `node_bench_request` validates the very requests the Node
//! benchmark (`js/bench/bench.mjs`) times, with the same `now`: its valid
//! 1.25 KB CreateJob and the broken sample, so that `make bench` can set
//! npm's figures against native ones on the same text (issue #12).
//!
//! Run: `cargo bench --bench validate`; `make bench` runs it with the other
//! benchmarks and prints issue #12's table. Figures go to BENCHMARKS.md.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "criterion's macros write undocumented items; a benchmark's setup stops at its first failure, as a test does"
)]

use criterion::{criterion_group, criterion_main, Criterion};
use iot_jobs_policy::{
    is_valid_str, validate_bytes, validate_str, Operation, Options, Profile, MAX_REQUEST_BYTES,
    MAX_VIOLATIONS,
};
use std::hint::black_box;

const TYPICAL: &str = include_str!("data/create-job-typical.json");
const TEN_ERRORS: &str = include_str!("data/create-job-ten-errors.json");
const SCHEMA: &str = include_str!("data/create-job.schema.json");
/// The Node benchmark's requests as the texts its string rows validate:
/// `JSON.stringify` of `js/bench/create-job.json` (valid) and of
/// `examples/requests/create-job-broken.json` (`bench.mjs` fails unless
/// these files hold exactly those bytes).
const NODE_REQUEST: &str = include_str!("data/node-bench-request.json");
const BROKEN: &str = include_str!("data/node-bench-broken.json");
/// The Node benchmark's `now` (`{ now: 1795000000000 }`).
const NODE_NOW_MS: i64 = 1_795_000_000_000;

fn bench(c: &mut Criterion) {
    let options = Options::default();
    assert!(validate_str(Operation::CreateJob, TYPICAL, &options).is_valid());
    assert_eq!(
        validate_str(Operation::CreateJob, TEN_ERRORS, &options)
            .errors()
            .count(),
        10
    );
    let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
    let peer = jsonschema::validator_for(&schema).unwrap();
    let typical: serde_json::Value = serde_json::from_str(TYPICAL).unwrap();
    assert!(peer.is_valid(&typical));

    let mut g = c.benchmark_group("create_job_typical");
    g.bench_function("iot_jobs_policy::validate_str", |b| {
        b.iter(|| validate_str(Operation::CreateJob, black_box(TYPICAL), &options))
    });
    g.bench_function("iot_jobs_policy::is_valid_str", |b| {
        b.iter(|| is_valid_str(Operation::CreateJob, black_box(TYPICAL), &options))
    });
    g.bench_function("jsonschema (parse + iter_errors)", |b| {
        b.iter(|| {
            let v: serde_json::Value = serde_json::from_str(black_box(TYPICAL)).unwrap();
            peer.iter_errors(&v).count()
        })
    });
    // Issue #12's peer: parse, then only whether the value is valid.
    g.bench_function("jsonschema (parse + is_valid)", |b| {
        b.iter(|| {
            let v: serde_json::Value = serde_json::from_str(black_box(TYPICAL)).unwrap();
            peer.is_valid(&v)
        })
    });
    g.finish();

    let mut g = c.benchmark_group("create_job_ten_errors");
    g.bench_function("iot_jobs_policy::validate_str", |b| {
        b.iter(|| validate_str(Operation::CreateJob, black_box(TEN_ERRORS), &options))
    });
    g.bench_function("jsonschema (parse + iter_errors)", |b| {
        b.iter(|| {
            let v: serde_json::Value = serde_json::from_str(black_box(TEN_ERRORS)).unwrap();
            peer.iter_errors(&v)
                .map(|e| e.to_string().len())
                .sum::<usize>()
        })
    });
    g.finish();

    let node = Options::default().with_now_ms(Some(NODE_NOW_MS));
    assert!(validate_str(Operation::CreateJob, NODE_REQUEST, &node).is_valid());
    assert!(!validate_str(Operation::CreateJob, BROKEN, &node).is_valid());
    let mut g = c.benchmark_group("node_bench_request");
    g.bench_function("valid (iot_jobs_policy::validate_str)", |b| {
        b.iter(|| validate_str(Operation::CreateJob, black_box(NODE_REQUEST), &node))
    });
    g.bench_function("broken sample (iot_jobs_policy::validate_str)", |b| {
        b.iter(|| validate_str(Operation::CreateJob, black_box(BROKEN), &node))
    });
    g.finish();
}

/// `{"jobId":…,` then 80,000 `"a":0,` then 255,000 numbers in `targets`.
fn keys_then_targets() -> Vec<u8> {
    let mut s = String::from(r#"{"jobId":"job-1","#);
    s.push_str(&r#""a":0,"#.repeat(80_000));
    s.push_str(r#""targets":["#);
    s.push_str(&vec!["1"; 255_000].join(","));
    s.push_str(r#"],"document":"{}"}"#);
    s.into_bytes()
}

/// 58,861 empty `documentParameters` values (checked with the model profile).
fn bad_parameters() -> Vec<u8> {
    let entries: Vec<String> = (0..58_861).map(|i| format!(r#""{i:x}":"""#)).collect();
    format!(
        r#"{{"jobId":"job-1","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"documentParameters":{{{}}}}}"#,
        entries.join(",")
    )
    .into_bytes()
}

/// 10,000 abort criteria, each with a failure type of its own.
fn distinct_criteria() -> Vec<u8> {
    let criteria: Vec<String> = (0..10_000)
        .map(|i| format!(r#"{{"failureType":"F{i}","action":"CANCEL","thresholdPercentage":1,"minNumberOfExecutedThings":1}}"#))
        .collect();
    format!(
        r#"{{"jobId":"job-1","targets":["arn:aws:iot:us-east-1:123456789012:thing/t"],"document":"{{}}","abortConfig":{{"criteriaList":[{}]}}}}"#,
        criteria.join(",")
    )
    .into_bytes()
}

fn worst(c: &mut Criterion) {
    let documented = Options::default();
    let model = Options::default().with_profile(Profile::Model);
    let shapes = [
        (
            "80k_keys_then_255k_targets",
            keys_then_targets(),
            documented,
        ),
        ("58861_bad_document_parameters", bad_parameters(), model),
        (
            "10k_distinct_abort_criteria",
            distinct_criteria(),
            documented,
        ),
    ];
    let mut g = c.benchmark_group("worst_shapes");
    g.sample_size(10);
    for (name, text, options) in &shapes {
        assert!(text.len() <= MAX_REQUEST_BYTES, "{name}: {}", text.len());
        let report = validate_bytes(Operation::CreateJob, text, options);
        assert_eq!(report.violations().len(), MAX_VIOLATIONS + 1, "{name}");
        g.bench_function(*name, |b| {
            b.iter(|| validate_bytes(Operation::CreateJob, black_box(text), options))
        });
    }
    g.finish();
}

criterion_group!(benches, bench, worst);
criterion_main!(benches);

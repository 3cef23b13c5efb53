//! Criterion benchmarks: a typical valid CreateJob (~1.2 KB, every config
//! block present) and one with ten violations, from `&str` to report, beside
//! the `jsonschema` crate validating the same text against an equivalent
//! JSON Schema (`benches/data/create-job.schema.json`) in the same run.
//!
//! Run: `cargo bench --bench validate`. Figures go to BENCHMARKS.md.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "criterion's macros write undocumented items; a benchmark's setup stops at its first failure, as a test does"
)]

use criterion::{criterion_group, criterion_main, Criterion};
use iot_jobs_policy::{is_valid_str, validate_str, Operation, Options};
use std::hint::black_box;

const TYPICAL: &str = include_str!("data/create-job-typical.json");
const TEN_ERRORS: &str = include_str!("data/create-job-ten-errors.json");
const SCHEMA: &str = include_str!("data/create-job.schema.json");

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
}

criterion_group!(benches, bench);
criterion_main!(benches);

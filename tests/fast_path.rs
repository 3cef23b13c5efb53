//! The npm fast path (`js/src/fast.generated.js`, `js/src/fast.js`): the
//! committed generated module is exactly what `examples/gen_fast.rs` writes,
//! and every rule of the catalogue is accounted for by the fast path: stated
//! by the schema it compiles, implemented in `fast.js` by rule id, deferred
//! to the engine by `fast.js` (named there), or excluded by the plainness of
//! the values it judges. A new rule fails here until someone decides which.
//! (The verdicts themselves are checked against the engine in
//! `js/test/fast-path.test.mjs`.)

#![cfg(test)] // always true here; lets clippy.toml's allow-*-in-tests cover the helpers too (rust-clippy#11119)

#[allow(dead_code, reason = "the example's `main` is not called here")]
#[path = "../examples/gen_fast.rs"]
mod gen_fast;

use iot_jobs_policy::schema_export::EXPRESSED_RULES;
use std::collections::BTreeSet;

fn generated() -> String {
    gen_fast::generate().expect("the generator runs")
}

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_committed_file_is_what_the_generator_writes() {
    let committed = std::fs::read_to_string(root().join(gen_fast::OUTPUT_PATH))
        .expect("js/src/fast.generated.js exists");
    assert!(
        committed == generated(),
        "js/src/fast.generated.js is stale: run `cargo run --example gen_fast`"
    );
}

#[test]
fn the_generator_is_deterministic_and_covers_every_operation_and_api() {
    let text = generated();
    assert_eq!(text, generated());
    for op in iot_jobs_policy::Operation::ALL {
        assert_eq!(
            text.matches(&format!("\n      {}: s", op.name())).count(),
            2,
            "{op} in both API versions"
        );
    }
}

/// How the fast path accounts for a rule that the exported schema does not
/// state (those are [`EXPRESSED_RULES`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    /// Implemented in `fast.js` (its id is written there).
    FastJs,
    /// Deferred to the engine by `fast.js` (its id is written there).
    Deferred,
    /// Cannot occur for the values the predicates accept (plain, ASCII or
    /// well-formed strings, lists of at most 100 entries), or needs a
    /// violation to exist.
    Plain,
}

const ACCOUNTS: &[(&str, How)] = &[
    ("input.tooLarge", How::Plain),
    ("input.tooDeep", How::Plain),
    ("input.invalidJson", How::Plain),
    ("input.invalidUtf8", How::Plain),
    ("input.nonFiniteNumber", How::Plain),
    ("input.duplicateKey", How::Plain),
    ("report.tooManyViolations", How::Plain),
    ("retry-total", How::FastJs),
    ("retry-duplicates", How::FastJs),
    ("document-size-json", How::FastJs),
    ("scheduling-format", How::FastJs),
    ("scheduling-window", How::FastJs),
    ("maintenanceWindow-cron", How::FastJs),
    ("scheduling-window-skipped", How::FastJs),
    ("endBehavior-needs-endTime", How::FastJs),
    ("targets-max", How::FastJs),
    ("retry-timeout-without-timeoutConfig", How::FastJs),
    ("presigned-placeholder-without-config", How::FastJs),
    ("abort-min-unreachable", How::FastJs),
    ("abort-duplicates", How::FastJs),
    ("presignedUrlConfig-roleArn", How::FastJs),
    ("rollout-ceiling-below-base", How::FastJs),
    ("documentSource-not-s3", How::Deferred),
    ("document-schema", How::Deferred),
    ("managedTemplate-parameter-required", How::Deferred),
    ("managedTemplate-parameter-unknown", How::Deferred),
    ("managedTemplate-parameter-pattern", How::Deferred),
    ("managedTemplate-not-covered", How::Deferred),
];

#[test]
fn every_rule_is_accounted_for_by_the_fast_path() {
    let fast_js = std::fs::read_to_string(root().join("js/src/fast.js")).expect("js/src/fast.js");
    let ids: BTreeSet<&str> = iot_jobs_policy::rules().iter().map(|r| r.id).collect();
    let mut accounted = BTreeSet::new();
    for (id, how) in ACCOUNTS {
        assert!(ids.contains(id), "{id} is not a rule any more");
        assert!(accounted.insert(*id), "{id} twice");
        assert!(
            !EXPRESSED_RULES.contains(id),
            "{id} is stated by the schema: leave it to EXPRESSED_RULES"
        );
        if matches!(how, How::FastJs | How::Deferred) {
            assert!(
                fast_js.contains(id),
                "js/src/fast.js does not name {id} ({how:?})"
            );
        }
    }
    for id in EXPRESSED_RULES {
        assert!(ids.contains(id), "{id} is not a rule");
        assert!(accounted.insert(id), "{id} twice");
    }
    let missing: Vec<&&str> = ids.iter().filter(|id| !accounted.contains(*id)).collect();
    assert!(
        missing.is_empty(),
        "rules the fast path does not account for (decide: implement in js/src/fast.js, defer, or schema): {missing:?}"
    );
}

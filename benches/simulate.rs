//! The rollout simulator at fleet scale: `benches/data/simulate-10k.json`,
//! 10,000 things at up to 1000 a minute, retries on FAILED and TIMED_OUT, a
//! 10-minute in-progress timeout and an abort that fires in about half the
//! trials (see the file).
//!
//! `simulate_10000_things_x_N_trials_1_thread` runs `N` trials (`TRIALS`,
//! default 20: one iteration well under 2 s) on the calling thread: the
//! throughput criterion prints is thing-trials per second on one core.
//! `..._2_threads` runs the same trials over two threads
//! ([`run_shard_threads`]), the same summary. Before measuring, one
//! timed run of 10,000 × 1,000 trials over two threads is printed (the
//! goal: under 4 s on 2 cores).
//!
//! Needs `[[bench]] name = "simulate" harness = false` in Cargo.toml.
//! `TRIALS=50 cargo bench --bench simulate` runs more trials an iteration;
//! `FULL=0` skips the 1,000-trial run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a benchmark's setup stops at its first failure, as a test does"
)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use iot_jobs_policy::simulate::{run_shard, run_shard_threads, Simulation};
use std::time::{Duration, Instant};

fn trials() -> u64 {
    std::env::var("TRIALS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20)
}

fn simulation() -> Simulation {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benches/data/simulate-10k.json"
    ))
    .unwrap();
    Simulation::from_json(&text).unwrap()
}

fn bench(c: &mut Criterion) {
    let sim = simulation();
    let things = run_shard(&sim.clone().with_trials(1), 0, 1).fleet_size;
    assert_eq!(things, 10_000);

    if std::env::var("FULL").map_or(true, |v| v != "0") {
        let full = sim.clone().with_trials(1000);
        let start = Instant::now();
        let summary = run_shard_threads(&full, 0, 1, 2).summary();
        let elapsed = start.elapsed();
        eprintln!(
            "10000 things x 1000 trials on 2 threads: {elapsed:?} ({:.2} M thing-trials/s); \
             abort probability {:.3}, retries per trial {:.1}",
            (things * 1000) as f64 / elapsed.as_secs_f64() / 1e6,
            summary.abort_probability.estimate,
            summary.retries.mean
        );
        // Every path is taken: retries, timeouts, aborts and completions.
        assert!(summary.retries.mean > 0.0);
        assert!(summary.executions.timed_out.mean > 0.0);
        assert!(summary.final_status.canceled > 0);
        assert!(summary.final_status.completed > 0);
    }

    let n = trials();
    let sim = sim.with_trials(n);
    let mut g = c.benchmark_group("simulate");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(15));
    g.throughput(Throughput::Elements(things * n));
    g.bench_function(
        format!("simulate_10000_things_x_{n}_trials_1_thread"),
        |b| b.iter(|| run_shard(&sim, 0, 1)),
    );
    g.bench_function(
        format!("simulate_10000_things_x_{n}_trials_2_threads"),
        |b| b.iter(|| run_shard_threads(&sim, 0, 1, 2)),
    );
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

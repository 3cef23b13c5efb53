//! The transition function at fleet scale: a SNAPSHOT job on 1,000,000
//! things with an exponential rollout (100 per minute, doubling every
//! 10,000 notified things, capped at 1000), 5 % first-attempt failures
//! (every 20th thing), one retry per failure type, and a 10-minute
//! in-progress timeout that fires for every 1000th thing on its first
//! attempt. The driver advances to `next_deadline()` and answers every
//! notification (QUEUED effect) at once: IN_PROGRESS, then the outcome.
//! Run to completion, creation included.
//!
//! Also: a CONTINUOUS job with many maintenance windows (distinct cron
//! expressions that start every minute) advanced deadline by deadline over
//! days, then described (`scheduledJobRollouts`): the cost of computing the
//! end of a run of overlapping windows.
//!
//! Needs `[[bench]] name = "machine" harness = false` in Cargo.toml.
//! `FLEET=100000 cargo bench --bench machine` runs a smaller fleet.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a benchmark's setup stops at its first failure, as a test does"
)]

use criterion::{criterion_group, criterion_main, Criterion};
use iot_jobs_policy::machine::{
    DeviceStatus, Effect, Event, ExecutionStatus, Job, JobStatus, TimedEffect,
};
use iot_jobs_policy::Options;
use serde_json::json;
use std::time::Duration;

fn fleet_size() -> usize {
    std::env::var("FLEET")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000)
}

fn request() -> serde_json::Value {
    json!({
        "jobId": "fleet-update",
        "targets": ["arn:aws:iot:us-east-1:123456789012:thinggroup/fleet"],
        "document": "{\"operation\": \"update\"}",
        "jobExecutionsRolloutConfig": {
            "maximumPerMinute": 1000,
            "exponentialRate": {"baseRatePerMinute": 100, "incrementFactor": 2,
                "rateIncreaseCriteria": {"numberOfNotifiedThings": 10000}}
        },
        "timeoutConfig": {"inProgressTimeoutInMinutes": 10},
        "jobExecutionsRetryConfig": {"criteriaList": [
            {"failureType": "FAILED", "numberOfRetries": 1},
            {"failureType": "TIMED_OUT", "numberOfRetries": 1}]}
    })
}

fn index_of(thing: &str) -> usize {
    thing
        .rsplit('-')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

fn collect(fx: Vec<TimedEffect>, queue: &mut Vec<(String, u32)>) {
    for TimedEffect { effect: f, .. } in fx {
        if let Effect::ExecutionStatusChanged {
            thing,
            to: ExecutionStatus::Queued,
            retry_attempt,
            ..
        } = f
        {
            queue.push((thing, retry_attempt));
        }
    }
}

fn device(thing: String, status: DeviceStatus) -> Event {
    Event::DeviceUpdate {
        thing,
        status,
        step_timeout_in_minutes: None,
        expected_version: None,
    }
}

/// [`Job::step`], which must accept every event of this driver.
fn step(job: &mut Job, at: i64, event: Event) -> Vec<TimedEffect> {
    let (fx, error) = job.step(at, event);
    assert!(error.is_none(), "{error:?}");
    fx
}

/// Runs the job to completion; returns it and the number of events applied.
fn run(things: &[String]) -> (Job, u64) {
    let (mut job, fx) = Job::create(&request(), things, 0, &Options::default()).unwrap();
    let mut queue = Vec::new();
    collect(fx, &mut queue);
    let mut now = 0;
    let mut events = 0u64;
    loop {
        while let Some((thing, attempt)) = queue.pop() {
            let i = index_of(&thing);
            let first = attempt == 0;
            collect(
                step(
                    &mut job,
                    now,
                    device(thing.clone(), DeviceStatus::InProgress),
                ),
                &mut queue,
            );
            events += 1;
            if first && i % 1000 == 7 {
                continue; // never answers: the in-progress timer fires
            }
            let outcome = if first && i % 20 == 0 {
                DeviceStatus::Failed
            } else {
                DeviceStatus::Succeeded
            };
            collect(step(&mut job, now, device(thing, outcome)), &mut queue);
            events += 1;
        }
        match job.next_deadline() {
            Some(d) => {
                now = d;
                collect(step(&mut job, d, Event::Advance { to: d }), &mut queue);
                events += 1;
            }
            None => break,
        }
    }
    (job, events)
}

fn bench(c: &mut Criterion) {
    let n = fleet_size();
    let things: Vec<String> = (0..n).map(|i| format!("thing-{i:07}")).collect();

    // One checked run, with the figures the benchmark is about.
    let start = std::time::Instant::now();
    let (job, events) = run(&things);
    let elapsed = start.elapsed();
    assert_eq!(job.status(), JobStatus::Completed);
    let counts = job.counts();
    assert_eq!(counts.succeeded, n as u64);
    let (fresh, _) = Job::create(&request(), &things, 0, &Options::default()).unwrap();
    let (at_creation, at_end) = (
        fresh.memory_bytes() / n.max(1),
        job.memory_bytes() / n.max(1),
    );
    eprintln!(
        "fleet {n}: {events} events in {elapsed:?}; state {at_creation} bytes/thing at creation, {at_end} at the end; finished at minute {}",
        job.now() / 60_000
    );
    // `make bench` (.ci/bench) collects these into issue #12's table.
    if let Some(dir) = std::env::var_os("BENCH_OUT") {
        let text = format!(
            "{{\"fleet\":{n},\"events\":{events},\"bytesPerThingAtCreation\":{at_creation},\"bytesPerThingAtEnd\":{at_end}}}\n"
        );
        std::fs::write(std::path::Path::new(&dir).join("machine-state.json"), text).unwrap();
    }

    let mut g = c.benchmark_group("machine");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function(format!("snapshot_job_{n}_things_to_completion"), |b| {
        b.iter(|| run(&things))
    });
    g.finish();
}

/// `n` distinct cron expressions that all start every minute, with
/// durations from `durations` in turn.
fn every_minute_windows(n: usize, durations: &[u32]) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for year in 2027..=2199 {
        for minutes in ["*", "0-59", "0/1", "*/1"] {
            for hours in ["*", "0-23", "0/1"] {
                if out.len() == n {
                    return out;
                }
                let d = durations.get(out.len() % durations.len().max(1));
                out.push(json!({
                    "startTime": format!("cron({minutes} {hours} * * ? 2026-{year})"),
                    "durationInMinutes": d.copied().unwrap_or(1)
                }));
            }
        }
    }
    out
}

/// Creates the job at 2026-01-01T00:00Z and advances it deadline by
/// deadline for `days`; returns the number of advances and the length of
/// `scheduledJobRollouts` at the end.
fn run_windows(windows: &[serde_json::Value], days: i64) -> (u64, usize) {
    let t0 = 1_767_225_600_000;
    let request = json!({
        "jobId": "windows",
        "targets": ["arn:aws:iot:us-east-1:123456789012:thinggroup/g"],
        "targetSelection": "CONTINUOUS",
        "document": "{}",
        "schedulingConfig": {"maintenanceWindows": windows}
    });
    let things = ["t1", "t2"];
    let (mut job, _) = Job::create(&request, things, t0, &Options::default()).unwrap();
    let end = t0 + days * 86_400_000;
    let mut advances = 0;
    while let Some(d) = job.next_deadline().filter(|&d| d <= end) {
        step(&mut job, d, Event::Advance { to: d });
        advances += 1;
    }
    step(&mut job, end, Event::Advance { to: end });
    let listed = job
        .describe()
        .pointer("/job/scheduledJobRollouts")
        .and_then(serde_json::Value::as_array)
        .map_or(0, Vec::len);
    (advances, listed)
}

fn bench_windows(c: &mut Criterion) {
    let long = every_minute_windows(2000, &[1430, 600, 60, 1]);
    let short = every_minute_windows(200, &[1]);
    for (name, windows, days) in [
        ("windows_2000_every_minute_mixed_10_days", &long, 10),
        ("windows_200_every_minute_1_minute_1_day", &short, 1),
    ] {
        let start = std::time::Instant::now();
        let (advances, listed) = run_windows(windows, days);
        assert_eq!(listed, 7);
        eprintln!("{name}: {advances} advances in {:?}", start.elapsed());
    }
    let mut g = c.benchmark_group("machine");
    g.sample_size(10);
    g.bench_function("windows_2000_every_minute_mixed_10_days", |b| {
        b.iter(|| run_windows(&long, 10))
    });
    g.bench_function("windows_200_every_minute_1_minute_1_day", |b| {
        b.iter(|| run_windows(&short, 1))
    });
    g.finish();
}

criterion_group!(benches, bench, bench_windows);
criterion_main!(benches);

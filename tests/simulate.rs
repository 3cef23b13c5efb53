//! The simulator: determinism, exact shards, statistics against results
//! known independently of the engine, and the pointers of malformed
//! documents.

#![cfg(test)] // always true here; lets clippy.toml's allow-*-in-tests cover the helpers too (rust-clippy#11119)

use iot_jobs_policy::simulate::{
    merge, run, run_shard, run_with_progress, MergeError, Shard, Simulation, SimulationError,
    MAX_SEED,
};
use serde_json::{json, Value};

const GROUP: &str = "arn:aws:iot:us-east-1:123456789012:thinggroup/fleet";

fn job(extra: Value) -> Value {
    let mut j = json!({"jobId": "fw-1", "document": "{}", "targets": [GROUP]});
    if let (Some(j), Some(extra)) = (j.as_object_mut(), extra.as_object()) {
        for (k, v) in extra {
            j.insert(k.clone(), v.clone());
        }
    }
    j
}

fn sim(doc: &Value) -> Simulation {
    match Simulation::from_json(&doc.to_string()) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    }
}

/// A fleet with failures, retries, timeouts, offline devices, a cohort and
/// an abort criterion: every path of the engine.
fn busy(trials: u64, seed: u64) -> Value {
    json!({
        "job": job(json!({
            "jobExecutionsRolloutConfig": {"exponentialRate": {"baseRatePerMinute": 5, "incrementFactor": 2.0,
                "rateIncreaseCriteria": {"numberOfNotifiedThings": 10}}, "maximumPerMinute": 40},
            "abortConfig": {"criteriaList": [{"failureType": "FAILED", "action": "CANCEL",
                "thresholdPercentage": 8, "minNumberOfExecutedThings": 20}]},
            "jobExecutionsRetryConfig": {"criteriaList": [{"failureType": "ALL", "numberOfRetries": 2}]},
            "timeoutConfig": {"inProgressTimeoutInMinutes": 5}
        })),
        "fleetSize": 120,
        "devices": {
            "outcomes": {"SUCCEEDED": 0.75, "FAILED": 0.15, "REJECTED": 0.02, "TIMED_OUT": 0.05, "OFFLINE": 0.03},
            "retryOutcomes": {"SUCCEEDED": 0.6, "FAILED": 0.4},
            "pickUp": {"exponential": {"mean": 20000}},
            "run": {"lognormal": {"median": 90000, "sigma": 0.5}},
            "cohorts": [
                {"share": 0.2, "outcomes": {"SUCCEEDED": 0.4, "FAILED": 0.6}, "run": {"uniform": [1000, 5000]}},
                {"things": ["thing-1", "thing-2"], "outcomes": {"FAILED": 1}}
            ]
        },
        "horizon": 86_400_000,
        "trials": trials,
        "seed": seed
    })
}

#[test]
fn same_seed_same_bytes_and_another_seed_other_bytes() {
    let a = run(&sim(&busy(40, 9))).to_json();
    let b = run(&sim(&busy(40, 9))).to_json();
    assert_eq!(a, b);
    let c = run(&sim(&busy(40, 10))).to_json();
    assert_ne!(a, c);
    // The summary's contract names, in order.
    let v: Value = serde_json::from_str(&a).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    for k in [
        "trials",
        "seed",
        "finalStatus",
        "abortProbability",
        "completionMs",
        "executions",
        "retries",
        "exposedBeforeAbort",
        "timeline",
    ] {
        assert!(keys.contains(&k), "{k} missing from {keys:?}");
    }
    assert_eq!(v["trials"], 40);
    // Every path was taken.
    assert!(v["retries"]["mean"].as_f64().unwrap() > 0.0, "{a}");
    assert!(
        v["executions"]["TIMED_OUT"]["mean"].as_f64().unwrap() > 0.0,
        "{a}"
    );
    assert!(v["finalStatus"]["CANCELED"].as_u64().unwrap() > 0, "{a}");
    assert!(v["exposedBeforeAbort"]["max"].as_u64().unwrap() > 0, "{a}");
    // The abort times (for the chart): one per aborted trial, by minute.
    let by_minute: u64 = v["abortMinutes"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(by_minute, v["finalStatus"]["CANCELED"].as_u64().unwrap());
    let abort = &v["abortMs"];
    assert!(abort["p5"].as_u64().unwrap() <= abort["p50"].as_u64().unwrap());
    assert!(abort["p95"].as_u64().unwrap() <= abort["max"].as_u64().unwrap());
}

#[test]
fn shards_merged_equal_the_whole_run_byte_for_byte() {
    let s = sim(&busy(23, 5));
    let whole = run(&s).to_json();
    // The curves end where the executions do, trial by trial.
    let all = run_shard(&s, 0, 1);
    assert_eq!(all.failed.last, all.executions["FAILED"]);
    assert_eq!(all.succeeded.last, all.executions["SUCCEEDED"]);
    for k in [1u64, 2, 3, 7, 23, 30] {
        // Through JSON, as shards travel between machines, in any order.
        let mut shards: Vec<Shard> = (0..k)
            .rev()
            .map(|i| Shard::from_json(&run_shard(&s, i, k).to_json()).unwrap())
            .collect();
        assert_eq!(merge(&shards).unwrap().to_json(), whole, "{k} shards");
        shards.pop();
        assert!(
            matches!(
                merge(&shards),
                Err(MergeError::Coverage(_) | MergeError::Empty)
            ),
            "{k}"
        );
    }
}

#[test]
fn merge_refuses_shards_of_other_simulations() {
    let a = sim(&busy(10, 1));
    let b = sim(&busy(10, 2));
    let shards = [run_shard(&a, 0, 2), run_shard(&b, 1, 2)];
    assert!(matches!(merge(&shards), Err(MergeError::Mismatch(_))));
    let twice = [run_shard(&a, 0, 2), run_shard(&a, 0, 2)];
    assert!(matches!(merge(&twice), Err(MergeError::Coverage(_))));
    assert!(matches!(merge(&[]), Err(MergeError::Empty)));
    assert!(matches!(
        Shard::from_json(r#"{"format": "x"}"#),
        Err(MergeError::Malformed(_))
    ));
    // A different document (not only another seed) is another fingerprint.
    let mut doc = busy(10, 1);
    doc["devices"]["run"] = json!({"fixed": 1});
    assert_ne!(sim(&doc).fingerprint(), a.fingerprint());
    // Numbers count by value: `2.0`, `2e0` and `2` are one fingerprint
    // (JSON.stringify writes an object's `2.0` as `2`), `0.50` is `0.5`.
    let text = serde_json::to_string(&busy(10, 1)).unwrap();
    let one = "{\"FAILED\":1}";
    assert!(text.contains(one), "{text}");
    for to in ["{\"FAILED\":1.0}", "{\"FAILED\":1e0}", "{\"FAILED\":10e-1}"] {
        let respelled = text.replacen(one, to, 1);
        assert_eq!(
            Simulation::from_json(&respelled).unwrap().fingerprint(),
            a.fingerprint(),
            "{respelled}"
        );
    }
    let mut half = busy(10, 1);
    half["devices"]["outcomes"] = json!({"SUCCEEDED": 0.5, "FAILED": 0.5});
    let half_text = serde_json::to_string(&half).unwrap();
    assert_eq!(
        Simulation::from_json(&half_text.replace("0.5", "0.50"))
            .unwrap()
            .fingerprint(),
        sim(&half).fingerprint()
    );
    // ... but a different value is a different fingerprint.
    assert_ne!(
        Simulation::from_json(&text.replacen("\"seed\":1", "\"seed\":2", 1))
            .unwrap()
            .fingerprint(),
        a.fingerprint()
    );
    // The largest seed is read exactly.
    let mut top = busy(2, 1);
    top["seed"] = json!(MAX_SEED);
    assert_eq!(sim(&top).seed(), MAX_SEED);
    // Key order and spacing do not matter.
    let spaced = serde_json::to_string_pretty(&busy(10, 1)).unwrap();
    assert_eq!(
        Simulation::from_json(&spaced).unwrap().fingerprint(),
        a.fingerprint()
    );
}

#[test]
fn progress_is_reported_per_trial() {
    let s = sim(&busy(6, 3));
    let mut seen = Vec::new();
    let summary = run_with_progress(&s, &mut |done, total| seen.push((done, total)));
    assert_eq!(seen, (1..=6).map(|d| (d, 6)).collect::<Vec<_>>());
    assert_eq!(summary.to_json(), run(&s).to_json());
}

#[test]
fn a_constant_rate_rollout_completes_when_computed_by_hand() {
    // 250 things at 10 a minute: slots at minutes 0..=24 (the first at
    // creation), each device done 1 s after its notification. The last
    // slot is at 24 min, so every trial completes at 24 × 60 000 + 1 000.
    let doc = json!({
        "job": job(json!({"jobExecutionsRolloutConfig": {"maximumPerMinute": 10}})),
        "fleetSize": 250,
        "devices": {"run": {"fixed": 1000}},
        "trials": 3, "seed": 1
    });
    let summary = run(&sim(&doc));
    let c = summary.completion_ms.unwrap();
    assert_eq!(
        (c.p5, c.p50, c.p95, c.max),
        (1_441_000, 1_441_000, 1_441_000, 1_441_000)
    );
    assert_eq!(summary.final_status.completed, 3);
    assert_eq!(summary.abort_probability.estimate, 0.0);
    // Minute m has the slots 0..=m notified; their devices succeeded 1 s
    // after, so within minute m + 1.
    let t = &summary.timeline;
    assert_eq!(t.minutes, 26);
    for m in 0..26usize {
        assert_eq!(
            t.notified.p50[m],
            (10 * (m as u64 + 1)).min(250),
            "minute {m}"
        );
        assert_eq!(t.succeeded.p50[m], (10 * m as u64).min(250), "minute {m}");
        assert_eq!(t.failed.p95[m], 0);
    }
    assert_eq!(summary.executions.succeeded.mean, 250.0);
}

/// The probability that a sequence of `n` independent executions, each
/// FAILED with probability `p`, reaches `failed × 100 ≥ threshold ×
/// executed` at some `executed ≥ min` (the abort criterion's first
/// passage): an exact dynamic programme over (executed, failed).
fn first_passage(n: usize, p: f64, threshold_percent: u64, min: usize) -> f64 {
    let mut alive = vec![0.0f64; n + 1]; // alive[f]: not aborted, f failed so far
    alive[0] = 1.0;
    let mut aborted = 0.0;
    for k in 1..=n {
        let mut next = vec![0.0f64; n + 1];
        for f in 0..k {
            let q = alive[f];
            if q == 0.0 {
                continue;
            }
            next[f + 1] += q * p;
            next[f] += q * (1.0 - p);
        }
        if k >= min {
            for (f, q) in next.iter_mut().enumerate() {
                if (f as u64) * 100 >= threshold_percent * k as u64 {
                    aborted += *q;
                    *q = 0.0;
                }
            }
        }
        alive = next;
    }
    aborted
}

#[test]
fn the_abort_probability_is_the_first_passage_of_a_bernoulli_sequence() {
    // 60 things notified at once, each FAILED with p = 0.12 independently
    // of its (continuous, random) run time, so the reports arrive one at a
    // time as an i.i.d. Bernoulli sequence; the criterion is checked after
    // each one.
    let (n, p, threshold, min) = (60usize, 0.12, 20u64, 10usize);
    let expected = first_passage(n, p, threshold, min);
    assert!(expected > 0.1 && expected < 0.9, "{expected}");
    let trials = 3000u64;
    let doc = json!({
        "job": job(json!({"abortConfig": {"criteriaList": [{"failureType": "FAILED", "action": "CANCEL",
            "thresholdPercentage": threshold, "minNumberOfExecutedThings": min}]}})),
        "fleetSize": n,
        "devices": {"outcomes": {"SUCCEEDED": 1.0 - p, "FAILED": p},
                    "run": {"exponential": {"mean": 600000}}},
        "trials": trials, "seed": 2026
    });
    let summary = run(&sim(&doc));
    let got = summary.abort_probability.estimate;
    // The standard error of a proportion near 0.3 over 3000 trials is
    // sqrt(0.3 × 0.7 / 3000) ≈ 0.0084; 4.5 standard errors (a false
    // failure once in about 150 000 seeds) is 0.038.
    let se = (expected * (1.0 - expected) / trials as f64).sqrt();
    assert!(
        (got - expected).abs() < 4.5 * se,
        "simulated {got}, exact {expected}, se {se}"
    );
    assert!(summary.abort_probability.low <= got && got <= summary.abort_probability.high);
    assert_eq!(summary.final_status.canceled as f64 / trials as f64, got);
    // Exposure: every thing is notified at creation.
    let e = summary.exposed_before_abort.unwrap();
    assert_eq!((e.p50, e.max), (60, 60));
}

#[test]
fn retries_leave_p_to_the_r_plus_one_failed() {
    // Each attempt FAILS with p = 0.5, r = 2 retries: a thing ends FAILED
    // with p³ = 0.125 and makes p + p² = 0.75 retries on average.
    let (n, trials) = (200u64, 200u64);
    let doc = json!({
        "job": job(json!({"jobExecutionsRetryConfig": {"criteriaList": [{"failureType": "FAILED", "numberOfRetries": 2}]}})),
        "fleetSize": n,
        "devices": {"outcomes": {"SUCCEEDED": 0.5, "FAILED": 0.5}, "run": {"uniform": [1000, 60000]}},
        "trials": trials, "seed": 11
    });
    let summary = run(&sim(&doc));
    // FAILED per trial is Binomial(200, 0.125): sd 4.68, so the mean over
    // 200 trials has a standard error of 0.33; 4.5 of them is 1.5.
    let failed = summary.executions.failed.mean;
    assert!((failed - 25.0).abs() < 1.5, "{failed}");
    // Retries per thing: 0, 1 or 2 with 0.5, 0.25, 0.25 (variance
    // 0.6875), per trial sd sqrt(200 × 0.6875) = 11.7, standard error
    // over 200 trials 0.83; 4.5 of them is 3.7.
    let retries = summary.retries.mean;
    assert!((retries - 150.0).abs() < 3.7, "{retries}");
    assert_eq!(summary.executions.succeeded.mean + failed, n as f64);
}

#[test]
fn offline_and_timed_out_devices_keep_the_job_in_progress() {
    let doc = json!({
        "job": job(json!({})),
        "fleetSize": 40,
        "devices": {"outcomes": {"SUCCEEDED": 0.5, "OFFLINE": 0.25, "TIMED_OUT": 0.25}},
        "horizon": 3_600_000, "trials": 20, "seed": 4
    });
    let summary = run(&sim(&doc));
    assert_eq!(summary.final_status.in_progress, 20);
    assert!(summary.completion_ms.is_none());
    assert!(summary.exposed_before_abort.is_none());
    let e = &summary.executions;
    assert_eq!(e.succeeded.mean + e.queued.mean + e.in_progress.mean, 40.0);
    assert!(e.queued.mean > 0.0 && e.in_progress.mean > 0.0);
    let v: Value = serde_json::from_str(&summary.to_json()).unwrap();
    assert_eq!(v["completionMs"], Value::Null);

    // With an in-progress timeout, TIMED_OUT devices end TIMED_OUT.
    let mut doc = doc;
    doc["job"]["timeoutConfig"] = json!({"inProgressTimeoutInMinutes": 1});
    doc["devices"]["outcomes"] = json!({"SUCCEEDED": 0.5, "TIMED_OUT": 0.5});
    let summary = run(&sim(&doc));
    assert_eq!(summary.final_status.completed, 20);
    assert!(summary.executions.timed_out.mean > 0.0);
    assert_eq!(summary.completion_ms.unwrap().max, 60_000);
}

#[test]
fn named_cohorts_override_the_fleet() {
    let doc = json!({
        "job": job(json!({})),
        "things": ["a", "b", "c"],
        "devices": {"cohorts": [{"things": ["b"], "outcomes": {"REJECTED": 1}}]},
        "trials": 4
    });
    let summary = run(&sim(&doc));
    assert_eq!(summary.executions.rejected.p5, 1);
    assert_eq!(summary.executions.rejected.p95, 1);
    assert_eq!(summary.executions.succeeded.mean, 2.0);
    // Groups resolve the targets.
    let doc = json!({"job": job(json!({})), "groups": {"fleet": ["x", "y"]}, "trials": 1});
    assert_eq!(sim(&doc).things(), ["x", "y"]);
}

#[test]
fn every_malformation_has_its_pointer() {
    let base = || json!({"job": job(json!({})), "fleetSize": 3});
    type Mutation = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(Mutation, &str)> = vec![
        (Box::new(|d| d["fleetSiez"] = json!(3)), "/fleetSiez"),
        (Box::new(|d| d["fleetSize"] = json!(0)), "/fleetSize"),
        (
            Box::new(|d| d["fleetSize"] = json!(2_000_000)),
            "/fleetSize",
        ),
        (Box::new(|d| d["things"] = json!(["a"])), "/things"),
        (Box::new(|d| d["trials"] = json!(0)), "/trials"),
        (Box::new(|d| d["trials"] = json!(1.5)), "/trials"),
        (Box::new(|d| d["seed"] = json!(-1)), "/seed"),
        // Past 2^53 − 1, which a JavaScript number cannot hold exactly.
        (Box::new(|d| d["seed"] = json!(MAX_SEED + 1)), "/seed"),
        (Box::new(|d| d["horizon"] = json!(0)), "/horizon"),
        (
            Box::new(|d| d["horizon"] = json!(9_000_000_000_000_000i64)),
            "/horizon",
        ),
        (Box::new(|d| d["devices"] = json!([])), "/devices"),
        (
            Box::new(|d| d["devices"] = json!({"outcome": {}})),
            "/devices/outcome",
        ),
        (
            Box::new(|d| d["devices"] = json!({"outcomes": {"SUCCEEDED": 0.5, "FAILED": 0.4}})),
            "/devices/outcomes",
        ),
        (
            Box::new(|d| d["devices"] = json!({"outcomes": {"SUCCEEDED": 1, "DONE": 0}})),
            "/devices/outcomes/DONE",
        ),
        (
            Box::new(|d| d["devices"] = json!({"outcomes": {"SUCCEEDED": 1.5, "FAILED": -0.5}})),
            "/devices/outcomes/FAILED",
        ),
        (
            Box::new(|d| d["devices"] = json!({"retryOutcomes": {"SUCCEEDED": "1"}})),
            "/devices/retryOutcomes/SUCCEEDED",
        ),
        (
            Box::new(|d| d["devices"] = json!({"pickUp": {"fixed": -1}})),
            "/devices/pickUp/fixed",
        ),
        (
            Box::new(|d| d["devices"] = json!({"run": {"normal": 1}})),
            "/devices/run/normal",
        ),
        (
            Box::new(|d| d["devices"] = json!({"run": {}})),
            "/devices/run",
        ),
        (
            Box::new(|d| d["devices"] = json!({"run": {"uniform": [5, 1]}})),
            "/devices/run/uniform/1",
        ),
        (
            Box::new(|d| d["devices"] = json!({"run": {"exponential": {"mean": 1, "rate": 2}}})),
            "/devices/run/exponential/rate",
        ),
        (
            Box::new(|d| d["devices"] = json!({"run": {"lognormal": {"median": 0, "sigma": 1}}})),
            "/devices/run/lognormal/median",
        ),
        (
            Box::new(|d| d["devices"] = json!({"cohorts": [{"share": 0.7}, {"share": 0.4}]})),
            "/devices/cohorts/1/share",
        ),
        (
            Box::new(|d| d["devices"] = json!({"cohorts": [{"share": 1.5}]})),
            "/devices/cohorts/0/share",
        ),
        (
            Box::new(|d| d["devices"] = json!({"cohorts": [{"outcomes": {"FAILED": 1}}]})),
            "/devices/cohorts/0",
        ),
        (
            Box::new(|d| d["devices"] = json!({"cohorts": [{"things": ["thing-9"]}]})),
            "/devices/cohorts/0/things/0",
        ),
        (
            Box::new(|d| {
                d["devices"] = json!({"cohorts": [{"things": ["thing-1"]}, {"things": ["thing-2", "thing-1"]}]})
            }),
            "/devices/cohorts/1/things/1",
        ),
        (
            Box::new(|d| {
                d["devices"] = json!({"cohorts": [{"share": 0.1, "pickup": {"fixed": 1}}]})
            }),
            "/devices/cohorts/0/pickup",
        ),
        (
            Box::new(|d| {
                d.as_object_mut().unwrap().remove("fleetSize");
                d["things"] = json!(["ok", "not ok"]);
            }),
            "/things/1",
        ),
        (
            Box::new(|d| {
                d.as_object_mut().unwrap().remove("fleetSize");
                d["things"] = json!(["a", "a"]);
            }),
            "/things/1",
        ),
        (
            Box::new(|d| {
                d.as_object_mut().unwrap().remove("fleetSize");
                d["groups"] = json!({"other": ["a"]});
            }),
            "/groups",
        ),
        (
            Box::new(|d| {
                d.as_object_mut().unwrap().remove("job");
            }),
            "/job",
        ),
    ];
    for (mutate, pointer) in cases {
        let mut doc = base();
        mutate(&mut doc);
        match Simulation::from_json(&doc.to_string()) {
            Err(SimulationError::Invalid {
                pointer: p,
                message,
            }) => {
                assert_eq!(p, pointer, "{doc}: {message}")
            }
            other => panic!("{doc}: {other:?}"),
        }
    }
    match Simulation::from_json("[1]") {
        Err(e) => assert_eq!(e.pointer(), ""),
        Ok(_) => panic!(),
    }
    assert!(matches!(
        Simulation::from_json("{"),
        Err(SimulationError::Invalid { .. })
    ));
    // An invalid job is refused with its report.
    let doc = json!({"job": {"jobId": "j", "targets": []}, "fleetSize": 1});
    match Simulation::from_json(&doc.to_string()) {
        Err(SimulationError::InvalidJob(report)) => assert!(!report.is_valid()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn any_number_of_threads_gives_the_same_bytes() {
    use iot_jobs_policy::simulate::run_shard_threads;
    let s = sim(&busy(17, 8));
    let whole = run_shard(&s, 0, 1).to_json();
    for t in [0usize, 1, 2, 3, 5, 20] {
        assert_eq!(
            run_shard_threads(&s, 0, 1, t).to_json(),
            whole,
            "{t} threads"
        );
    }
    // A shard run over threads is that shard.
    let one = run_shard(&s, 1, 3).to_json();
    assert_eq!(run_shard_threads(&s, 1, 3, 4).to_json(), one);
}

#[test]
fn the_sample_simulations_give_their_pinned_bytes() {
    // The same files are checked in WebAssembly (tests/simulate_wasm.rs).
    for name in ["retry-heavy-flaky-fleet", "bad-update-caught"] {
        let doc = std::fs::read_to_string(format!("examples/simulations/{name}.json")).unwrap();
        let golden =
            std::fs::read_to_string(format!("tests/simulate-golden/{name}.20.json")).unwrap();
        let sim = Simulation::from_json(&doc).unwrap().with_trials(20);
        assert_eq!(run(&sim).to_json() + "\n", golden, "{name}");
    }
}

#[test]
fn a_scheduled_job_rolls_out_in_its_maintenance_windows() {
    // Created at 2026-01-01T00:00 UTC; windows from 02:00 for 30 minutes,
    // 5 things a minute: 150 things a window, so 200 things need the
    // second window (2026-01-02T02:00), which starts 26 h after creation.
    let doc = json!({
        "job": job(json!({
            "jobExecutionsRolloutConfig": {"maximumPerMinute": 5},
            "schedulingConfig": {"maintenanceWindows": [{"startTime": "cron(0 2 * * ? *)", "durationInMinutes": 30}]}
        })),
        "fleetSize": 200,
        "devices": {"run": {"fixed": 1000}},
        "createdAt": 1_767_225_600_000i64,
        "horizon": 3 * 86_400_000,
        "trials": 2
    });
    let summary = run(&sim(&doc));
    assert_eq!(summary.final_status.completed, 2, "{}", summary.to_json());
    let c = summary.completion_ms.unwrap();
    // The last 50 things: minutes 0..=9 of the second window.
    assert_eq!(c.max, 26 * 3_600_000 + 9 * 60_000 + 1000);
    // Before the first window nothing is notified.
    assert_eq!(summary.timeline.notified.p50[119], 0);
    assert_eq!(summary.timeline.notified.p50[120], 5);
    // A short horizon leaves it SCHEDULED.
    let mut short = doc;
    short["horizon"] = json!(3_600_000);
    assert_eq!(run(&sim(&short)).final_status.scheduled, 2);
}

#[test]
fn share_cohorts_take_their_share_of_the_fleet() {
    // 30 % of 500 things always fail: FAILED per trial is Binomial(500,
    // 0.3), sd 10.2; the mean over 100 trials has a standard error of
    // 1.02, and 4.5 of them is 4.6.
    let doc = json!({
        "job": job(json!({})),
        "fleetSize": 500,
        "devices": {"cohorts": [{"share": 0.3, "outcomes": {"FAILED": 1}}]},
        "trials": 100, "seed": 3
    });
    let failed = run(&sim(&doc)).executions.failed.mean;
    assert!((failed - 150.0).abs() < 4.6, "{failed}");
}

#[test]
fn progress_over_threads_ends_at_the_total() {
    use iot_jobs_policy::simulate::run_shard_threads_with_progress;
    let s = sim(&busy(13, 2));
    for threads in [1usize, 3] {
        let mut seen = Vec::new();
        let shard =
            run_shard_threads_with_progress(&s, 0, 1, threads, &mut |d, t| seen.push((d, t)));
        assert_eq!(seen.last(), Some(&(13, 13)), "{threads}: {seen:?}");
        assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0), "{seen:?}");
        assert_eq!(shard.to_json(), run_shard(&s, 0, 1).to_json());
    }
}

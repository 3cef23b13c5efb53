//! The snapshot restore path: `Job::from_snapshot` on any text. A snapshot
//! it accepts must write back (`to_snapshot`) to a text that restores to
//! the same snapshot (a fixed point), and the restored job must answer every
//! view, `advance` and a set of events on its first and last thing through
//! the text surface, every snapshot those hand back restoring.
#![no_main]

use iot_jobs_policy::machine::{text, Job};
use iot_jobs_policy_fuzz::tagged;
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let job = match Job::from_snapshot(&input) {
        Ok(job) => job,
        Err(_) => {
            let (ok, answer) = tagged(&text::inspect(&input));
            assert!(!ok, "from_snapshot refused what inspect accepted: {answer}");
            return;
        }
    };
    let written = job.to_snapshot();
    let again = match Job::from_snapshot(&written) {
        Ok(j) => j,
        Err(e) => panic!("a written snapshot does not restore: {e}\n{written}"),
    };
    assert_eq!(again.to_snapshot(), written, "not a fixed point");

    for answer in [
        text::inspect(&written),
        text::describe(&written),
        text::list_executions_for_job(&written, ""),
        text::list_executions_for_job(&written, r#"{"maxResults":1}"#),
        text::execution(&written, "t1"),
    ] {
        let (ok, v) = tagged(&answer);
        assert!(ok, "a view of a restored job failed: {v}");
    }
    let now = job.now();
    let (ok, v) = tagged(&text::advance(&written, now));
    assert!(ok, "advancing to now failed: {v}");
    if let Some(deadline) = job.next_deadline() {
        let (ok, v) = tagged(&text::advance(&written, deadline.max(now)));
        assert!(ok, "advancing to the next deadline failed: {v}");
    }
    for to in [now.saturating_add(86_400_000), i64::MAX] {
        tagged(&text::advance(&written, to));
    }

    // Events on the restored state: each answer is tagged, and each
    // snapshot it hands back restores.
    let snap: Value = serde_json::from_str(&written).unwrap_or_default();
    let things: Vec<&str> = snap["things"]
        .as_array()
        .map(|t| t.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut events = vec![
        json!({"type": "cancelJob", "force": true}),
        json!({"type": "deleteJob"}),
        json!({"type": "thingAdded", "thing": "fuzz-new-thing"}),
    ];
    for thing in [things.first(), things.last()].into_iter().flatten() {
        for status in ["IN_PROGRESS", "SUCCEEDED", "FAILED", "REJECTED"] {
            events.push(json!({"type": "deviceUpdate", "thing": thing, "status": status}));
        }
        events.push(json!({"type": "cancelJobExecution", "thing": thing, "force": true}));
        events.push(json!({"type": "thingRemoved", "thing": thing}));
    }
    for event in events {
        let (ok, v) = tagged(&text::step(&written, now, &event.to_string()));
        assert!(ok, "{event} on a restored job: {v}");
        if let Some(s) = v["snapshot"].as_str() {
            if let Err(e) = Job::from_snapshot(s) {
                panic!("{event} wrote a snapshot that does not restore: {e}\n{s}");
            }
        }
    }
});

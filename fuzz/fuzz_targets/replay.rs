//! The scenario runner: `replay::replay_json` and `replay::replay_text` on
//! any text. Both must accept and refuse the same scenarios (with the same
//! error); the JSON rendering must be JSON with `describe`, `executions` and
//! a `timeline` of one entry per event plus the creation; the final job's
//! snapshot must restore.
#![no_main]

use iot_jobs_policy::machine::Job;
use iot_jobs_policy::replay::{replay, replay_json, replay_text};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let json = replay_json(&input);
    let text = replay_text(&input);
    match (&json, &text) {
        (Ok(j), Ok(t)) => {
            assert!(!t.is_empty());
            let v: Value = match serde_json::from_str(j) {
                Ok(v) => v,
                Err(e) => panic!("replay_json is not JSON ({e}): {j}"),
            };
            assert!(
                v["describe"].is_object() && v["executions"].is_object(),
                "{j}"
            );
            let events = serde_json::from_str::<Value>(&input)
                .ok()
                .and_then(|s| s.get("events").and_then(Value::as_array).map(Vec::len))
                .unwrap_or(0);
            assert_eq!(v["timeline"].as_array().map(Vec::len), Some(events + 1));
            if let Ok(r) = replay(&input) {
                let s = r.job.to_snapshot();
                if let Err(e) = Job::from_snapshot(&s) {
                    panic!("the replayed job's snapshot does not restore: {e}\n{s}");
                }
            }
        }
        (Err(a), Err(b)) => assert_eq!(a, b),
        _ => panic!("replay_json and replay_text disagree: {json:?} / {text:?}"),
    }
});

//! The scenario runner: `replay::replay_json` and `replay::replay_text` on
//! any text. Both must accept and refuse the same scenarios (with the same
//! error); the JSON rendering must be JSON with `describe`, `executions` and
//! a `timeline` of one entry per event plus the creation, every effect with
//! an integer `at`, never before the previous effect's (time only moves
//! forward) nor after its event's time (or its `advance`'s `to`); a
//! malformed event is refused with an index inside `events`; the final
//! job's snapshot must restore; `replay_answer` (the npm `replay`) answers
//! the same object or refusal.
#![no_main]

use iot_jobs_policy::machine::Job;
use iot_jobs_policy::replay::{replay, replay_answer, replay_json, replay_text, ReplayError};
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
            let mut last = i64::MIN;
            for entry in v["timeline"].as_array().into_iter().flatten() {
                let Some(at) = entry["at"].as_i64() else {
                    panic!("a timeline entry without an integer `at`: {entry}");
                };
                let until = entry["event"]["to"].as_i64().map_or(at, |to| to.max(at));
                for fx in entry["effects"].as_array().into_iter().flatten() {
                    let Some(t) = fx["at"].as_i64() else {
                        panic!("an effect without an integer `at`: {fx}");
                    };
                    assert!(t >= last, "an effect before the previous one: {entry}");
                    assert!(t <= until, "an effect after its event: {entry}");
                    last = t;
                }
            }
            let answer: Value = match serde_json::from_str(&replay_answer(&input)) {
                Ok(a) => a,
                Err(e) => panic!("replay_answer is not JSON: {e}"),
            };
            if input.len() <= iot_jobs_policy::MAX_REQUEST_BYTES {
                assert_eq!(
                    answer["replay"], v,
                    "replay_answer differs from replay_json"
                );
            }
            if let Ok(r) = replay(&input) {
                let s = r.job.to_snapshot();
                if let Err(e) = Job::from_snapshot(&s) {
                    panic!("the replayed job's snapshot does not restore: {e}\n{s}");
                }
            }
        }
        (Err(a), Err(b)) => {
            assert_eq!(a, b);
            if let ReplayError::Event { index, .. } = a {
                let events = serde_json::from_str::<Value>(&input)
                    .ok()
                    .and_then(|s| s.get("events").and_then(Value::as_array).map(Vec::len))
                    .unwrap_or(0);
                assert!(*index < events, "event {index} of {events}");
            }
            let answer: Value = match serde_json::from_str(&replay_answer(&input)) {
                Ok(a) => a,
                Err(e) => panic!("replay_answer is not JSON: {e}"),
            };
            let expected = match a {
                ReplayError::InvalidJob(_) => "success",
                ReplayError::Create(_) => "refused",
                _ => "misuse",
            };
            assert_eq!(answer["type"], expected, "{answer}");
        }
        _ => panic!("replay_json and replay_text disagree: {json:?} / {text:?}"),
    }
});

//! The rollout simulator's text entry point (`Simulation::from_json`), then,
//! for documents small enough to run in a fuzz iteration (at most 64 things,
//! trials cut to 3), the run itself. Checks: a refusal carries a JSON
//! Pointer; the summary is JSON with `trials` and `seed`; two shards merged
//! (through their JSON) equal the whole run byte for byte; the run is
//! deterministic; the text form is not empty.
#![no_main]

use iot_jobs_policy::simulate::{merge, run, run_shard, Shard, Simulation};
use libfuzzer_sys::fuzz_target;

/// More things than this make one iteration too slow to fuzz.
const MAX_THINGS: usize = 64;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let sim = match Simulation::from_json(&text) {
        Ok(sim) => sim,
        Err(e) => {
            let pointer = e.pointer();
            assert!(
                pointer.is_empty() || pointer.starts_with('/'),
                "not a JSON Pointer: {pointer:?} ({e})"
            );
            return;
        }
    };
    if sim.things().len() > MAX_THINGS {
        return;
    }
    let trials = sim.trials().min(3);
    let sim = sim.with_trials(trials);
    let whole = run(&sim);
    let json = whole.to_json();
    let v: serde_json::Value = match serde_json::from_str(&json) {
        Ok(v) => v,
        Err(e) => panic!("the summary is not JSON ({e}): {json}"),
    };
    assert_eq!(v["trials"], serde_json::json!(sim.trials()), "{json}");
    assert_eq!(run(&sim).to_json(), json, "not deterministic");
    let shards: Vec<Shard> = (0..2)
        .map(|i| {
            let shard = run_shard(&sim, i, 2);
            match Shard::from_json(&shard.to_json()) {
                Ok(s) => s,
                Err(e) => panic!("a shard does not read back: {e}"),
            }
        })
        .collect();
    match merge(&shards) {
        Ok(merged) => assert_eq!(merged.to_json(), json, "shards merged differ from the run"),
        Err(e) => panic!("shards of one run do not merge: {e}"),
    }
    assert!(!whole.to_text().is_empty());
});

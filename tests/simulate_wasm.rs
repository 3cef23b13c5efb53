//! The simulator in WebAssembly (Node and headless Chromium, run by
//! `.ci/wasm-tests`): the sample simulations give the summaries the
//! native build pinned in `tests/simulate-golden/`, byte for byte.
#![cfg(test)] // always true here; lets clippy.toml's allow-*-in-tests cover the helpers too (rust-clippy#11119)
#![cfg(target_arch = "wasm32")]

use iot_jobs_policy::simulate::{merge, run, run_shard, Simulation};
use wasm_bindgen_test::wasm_bindgen_test;

const CASES: [(&str, &str); 2] = [
    (
        include_str!("../examples/simulations/retry-heavy-flaky-fleet.json"),
        include_str!("simulate-golden/retry-heavy-flaky-fleet.20.json"),
    ),
    (
        include_str!("../examples/simulations/bad-update-caught.json"),
        include_str!("simulate-golden/bad-update-caught.20.json"),
    ),
];

#[wasm_bindgen_test]
fn the_sample_simulations_give_the_native_bytes() {
    for (doc, golden) in CASES {
        let sim = Simulation::from_json(doc).unwrap().with_trials(20);
        assert_eq!(run(&sim).to_json() + "\n", golden);
        let shards: Vec<_> = (0..3).map(|i| run_shard(&sim, i, 3)).collect();
        assert_eq!(merge(&shards).unwrap().to_json() + "\n", golden);
    }
}

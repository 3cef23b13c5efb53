//! The simulator for foreign callers (the npm `simulate()` and
//! `mergeShards()`): JSON text in, one of the boundary's tagged answers out
//! (see [`crate::ffi`]).
//!
//! [`simulate_answer`] runs a simulation document (the CLI's
//! `simulate`), [`merge_answer`] merges shards (the CLI's
//! `simulate --merge`). The summary and the shard are the bytes the CLI
//! prints with `--format json` (without its final newline), embedded as
//! they are in the answer.
//!
//! ```
//! use iot_jobs_policy::ffi::simulate::{merge_answer, simulate_answer};
//! let sim = r#"{"job": {"jobId": "fw", "document": "{}",
//!     "targets": ["arn:aws:iot:us-east-1:123456789012:thinggroup/fleet"]},
//!     "fleetSize": 3, "trials": 4}"#;
//! let whole = simulate_answer(sim, "");
//! assert!(whole.starts_with(r#"{"type":"success","summary":{"#));
//! let a = simulate_answer(sim, r#"{"shard": [1, 2]}"#);
//! let b = simulate_answer(sim, r#"{"shard": [2, 2]}"#);
//! let shard = |a: &str| a.strip_prefix(r#"{"type":"success","shard":"#).unwrap().strip_suffix('}').unwrap().to_owned();
//! let merged = merge_answer(&format!("[{},{}]", shard(&a), shard(&b)));
//! assert_eq!(merged, whole);
//! ```

use super::{misuse, refused, success_members, UsageError};
use crate::simulate::{
    merge, run_shard, Shard, Simulation, SimulationError, MAX_SEED, MAX_SIMULATION_BYTES,
    MAX_TRIALS,
};
use serde_json::{Map, Value};

/// The options of [`simulate_answer`].
struct RunOptions {
    trials: Option<u64>,
    seed: Option<u64>,
    /// `(index from 0, count)`.
    shard: Option<(u64, u64)>,
}

/// Reads `{trials?, seed?, shard?: [i, k]}` (`""` or `null`: none).
fn run_options(text: &str) -> Result<RunOptions, UsageError> {
    let mut out = RunOptions {
        trials: None,
        seed: None,
        shard: None,
    };
    if text.trim().is_empty() {
        return Ok(out);
    }
    let bad = |m: String| UsageError::invalid_options(m);
    let doc: Value =
        serde_json::from_str(text).map_err(|e| bad(format!("the options are not JSON: {e}")))?;
    let obj = match &doc {
        Value::Null => return Ok(out),
        Value::Object(o) => o,
        _ => return Err(bad(String::from("the options must be an object"))),
    };
    for (k, v) in obj {
        if v.is_null() {
            continue;
        }
        match k.as_str() {
            "trials" => match v.as_u64() {
                Some(n) if (1..=MAX_TRIALS).contains(&n) => out.trials = Some(n),
                _ => {
                    return Err(bad(format!(
                        "`trials` must be a whole number from 1 to {MAX_TRIALS}, not {v}"
                    )))
                }
            },
            "seed" => match v.as_u64() {
                Some(n) if n <= MAX_SEED => out.seed = Some(n),
                _ => {
                    return Err(bad(format!(
                        "`seed` must be a whole number from 0 to {MAX_SEED}, not {v}"
                    )))
                }
            },
            "shard" => {
                let pair = v.as_array().and_then(|a| match a.as_slice() {
                    [i, k] => Some((i.as_u64()?, k.as_u64()?)),
                    _ => None,
                });
                match pair {
                    Some((i, k)) if i >= 1 && i <= k => out.shard = Some((i - 1, k)),
                    _ => {
                        return Err(bad(format!(
                            "`shard` must be [i, k] with 1 <= i <= k, not {v}"
                        )))
                    }
                }
            }
            other => {
                return Err(bad(format!(
                    "unknown option `{other}` (expected `trials`, `seed` or `shard`)"
                )))
            }
        }
    }
    Ok(out)
}

/// `{"type":"misuse","error":{"code":"invalidSimulation","message","pointer"}}`.
fn invalid_simulation(message: &str, pointer: &str) -> String {
    let mut error = Map::new();
    error.insert("code".into(), Value::from("invalidSimulation"));
    error.insert("message".into(), Value::from(message));
    error.insert("pointer".into(), Value::from(pointer));
    format!(r#"{{"type":"misuse","error":{}}}"#, Value::Object(error))
}

/// Runs a simulation document (JSON text) with `options` (JSON text, `""`
/// for none: `{"trials"?, "seed"?, "shard"?: [i, k]}`, which override the
/// document's `trials` and `seed` as the CLI's `--trials` and `--seed` do;
/// `shard` is the CLI's `--shard I/K`, `i` from 1). Answers:
///
/// - `{"type": "success", "summary": <Summary>}`: the summary the CLI's
///   `simulate --format json` prints, byte for byte (without the newline);
/// - `{"type": "success", "shard": <Shard>}` with `shard`: the shard the
///   CLI's `simulate --shard I/K` prints;
/// - `{"type": "success", "report": <Report>}` when the job is not a valid
///   CreateJob request (the CLI prints the report and exits 1);
/// - the misuse `invalidSimulation` for a document that is not well formed
///   (or is over [`MAX_SIMULATION_BYTES`]), with the JSON Pointer of the
///   member at fault as `pointer` (`""` for the document);
/// - the misuse `invalidOptions` for malformed options;
/// - the refusal of the creation of a valid job (an unknown group, an
///   invalid thing name).
pub fn simulate_answer(simulation_text: &str, options_json: &str) -> String {
    if simulation_text.len() > MAX_SIMULATION_BYTES {
        return invalid_simulation(
            &format!(
                "the simulation is {} bytes, more than the limit of {MAX_SIMULATION_BYTES}",
                simulation_text.len()
            ),
            "",
        );
    }
    let options = match run_options(options_json) {
        Ok(o) => o,
        Err(e) => return misuse(&e),
    };
    let mut sim = match Simulation::from_json(simulation_text) {
        Ok(sim) => sim,
        Err(SimulationError::InvalidJob(report)) => {
            return success_members(&format!(r#""report":{}"#, report.to_json()))
        }
        Err(SimulationError::Create(e)) => return refused(&e),
        Err(e) => return invalid_simulation(&e.to_string(), e.pointer()),
    };
    if let Some(n) = options.trials {
        sim = sim.with_trials(n);
    }
    if let Some(s) = options.seed {
        sim = sim.with_seed(s);
    }
    match options.shard {
        Some((index, count)) => {
            let shard = run_shard(&sim, index, count);
            success_members(&format!(r#""shard":{}"#, shard.to_json()))
        }
        None => {
            let summary = run_shard(&sim, 0, 1).summary();
            success_members(&format!(r#""summary":{}"#, summary.to_json()))
        }
    }
}

/// Merges shards given as a JSON array of shard objects (as
/// [`simulate_answer`] gives them with `shard`, or the CLI's
/// `simulate --shard` prints them). Answers
/// `{"type": "success", "summary": <Summary>}` (the CLI's
/// `simulate --merge --format json`), or the misuse `invalidShard`: for a
/// malformed shard (with its `index` in the array) or shards that do not
/// merge (not of one simulation, a shard missing or twice, none).
pub fn merge_answer(shards_json: &str) -> String {
    let shard_error = |message: String, index: Option<usize>| {
        let mut error = Map::new();
        error.insert("code".into(), Value::from("invalidShard"));
        error.insert("message".into(), Value::from(message));
        if let Some(i) = index {
            error.insert("index".into(), Value::from(i));
        }
        format!(r#"{{"type":"misuse","error":{}}}"#, Value::Object(error))
    };
    let list: Vec<Value> = match serde_json::from_str(shards_json) {
        Ok(l) => l,
        Err(e) => return shard_error(format!("the shards are not a JSON array: {e}"), None),
    };
    let mut shards = Vec::with_capacity(list.len());
    for (i, v) in list.iter().enumerate() {
        match Shard::from_json(&v.to_string()) {
            Ok(s) => shards.push(s),
            Err(e) => return shard_error(format!("shard {i}: {e}"), Some(i)),
        }
    }
    match merge(&shards) {
        Ok(summary) => success_members(&format!(r#""summary":{}"#, summary.to_json())),
        Err(e) => shard_error(e.to_string(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const JOB: &str = r#""job": {"jobId": "fw", "document": "{}",
        "targets": ["arn:aws:iot:us-east-1:123456789012:thinggroup/fleet"],
        "jobExecutionsRolloutConfig": {"maximumPerMinute": 5}}"#;

    fn parse(s: &str) -> Value {
        serde_json::from_str(s).unwrap()
    }

    fn sim() -> String {
        format!(
            r#"{{{JOB}, "fleetSize": 12, "trials": 7, "seed": 3,
            "devices": {{"outcomes": {{"SUCCEEDED": 0.7, "FAILED": 0.3}}, "run": {{"fixed": 1000}}}}}}"#
        )
    }

    #[test]
    fn the_summary_is_the_clis_bytes() {
        let a = simulate_answer(&sim(), "");
        let s = crate::simulate::run(&Simulation::from_json(&sim()).unwrap());
        assert_eq!(
            a,
            format!(r#"{{"type":"success","summary":{}}}"#, s.to_json())
        );
        // Options override the document's trials and seed.
        let a = simulate_answer(&sim(), r#"{"trials": 3, "seed": 9}"#);
        let s = crate::simulate::run(
            &Simulation::from_json(&sim())
                .unwrap()
                .with_trials(3)
                .with_seed(9),
        );
        assert_eq!(
            a,
            format!(r#"{{"type":"success","summary":{}}}"#, s.to_json())
        );
    }

    #[test]
    fn shards_merge_into_the_whole() {
        let whole = simulate_answer(&sim(), "null");
        let shards: Vec<Value> = (1..=3)
            .map(|i| {
                parse(&simulate_answer(
                    &sim(),
                    &json!({"shard": [i, 3]}).to_string(),
                ))["shard"]
                    .clone()
            })
            .collect();
        assert_eq!(shards[1]["shard"], json!([1, 3]));
        let merged = merge_answer(&Value::from(shards.clone()).to_string());
        assert_eq!(merged, whole);
        // Missing, twice, none, malformed.
        for (list, index) in [
            (json!([shards[0], shards[1]]), None),
            (json!([shards[0], shards[0], shards[1]]), None),
            (json!([]), None),
            (json!([shards[0], {"format": 1}]), Some(1)),
        ] {
            let a = parse(&merge_answer(&list.to_string()));
            assert_eq!(a["type"], "misuse", "{a}");
            assert_eq!(a["error"]["code"], "invalidShard", "{a}");
            assert_eq!(
                a["error"].get("index").and_then(Value::as_u64),
                index.map(|i: u64| i),
                "{a}"
            );
        }
        assert_eq!(parse(&merge_answer("{"))["error"]["code"], "invalidShard");
    }

    #[test]
    fn malformed_documents_and_options() {
        let a = parse(&simulate_answer(
            &format!(r#"{{{JOB}, "fleetSize": -1}}"#),
            "",
        ));
        assert_eq!(a["error"]["code"], "invalidSimulation", "{a}");
        assert_eq!(a["error"]["pointer"], "/fleetSize", "{a}");
        let a = parse(&simulate_answer("[", ""));
        assert_eq!(a["error"]["pointer"], "", "{a}");
        let big = format!("{}{}", sim(), " ".repeat(MAX_SIMULATION_BYTES));
        let a = parse(&simulate_answer(&big, ""));
        assert_eq!(a["error"]["code"], "invalidSimulation", "{a}");
        for options in [
            "{",
            "[]",
            r#"{"trials": 0}"#,
            r#"{"trials": 1.5}"#,
            r#"{"seed": -1}"#,
            r#"{"shard": [0, 2]}"#,
            r#"{"shard": [3, 2]}"#,
            r#"{"shard": [1]}"#,
            r#"{"threads": 2}"#,
        ] {
            let a = parse(&simulate_answer(&sim(), options));
            assert_eq!(a["error"]["code"], "invalidOptions", "{options}: {a}");
        }
        // An invalid job: its report.
        let a = parse(&simulate_answer(
            r#"{"job": {"jobId": "bad id", "targets": [], "document": "{}"}}"#,
            "",
        ));
        assert_eq!(
            (&a["type"], &a["report"]["valid"]),
            (&json!("success"), &json!(false))
        );
    }
}

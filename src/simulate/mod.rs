//! A seeded rollout simulator on the transition function: what a job will
//! do to a fleet, estimated over many trials.
//!
//! A [`Simulation`] (read from JSON by [`Simulation::from_json`]) is a
//! CreateJob request, a fleet and the behaviour of its devices (outcome
//! probabilities, pick-up and run delays, cohorts). Each trial creates the
//! job on the [transition function](crate::machine) and drives it with
//! device events drawn from the trial's own generator ([`rng`]); rollout,
//! timers, retries and abort are the machine's. [`run`] gives the
//! [`Summary`]; [`run_shard`] runs a part of the trials into an exact
//! [`Shard`], and [`merge`] turns all the shards into the same summary,
//! byte for byte. Same document, same seed: same bytes.
//!
//! **What a trial is.** Trial `i` starts from a clone of the job created
//! once at `createdAt` and ends when the job is terminal (COMPLETED or
//! CANCELED) or when nothing is left to happen up to `createdAt + horizon`.
//! Executions are counted in the status they have then: an execution still
//! IN_PROGRESS when an abort cancels the job stays IN_PROGRESS (the machine
//! cancels QUEUED executions only), a device that never picks up
//! (`OFFLINE`) stays QUEUED and keeps the job IN_PROGRESS until the horizon.
//! The cumulative *failed* count is of things whose execution ended FAILED
//! (an attempt that is retried is not one).
//!
//! **Limits.** At most [`MAX_TRIALS`] trials, [`MAX_FLEET`] things and
//! [`MAX_COHORTS`] cohorts; `createdAt + horizon` at most
//! [`MAX_TIME_MS`](crate::machine::MAX_TIME_MS); a timeline of at most
//! [`MAX_TIMELINE_MINUTES`]; [`MAX_SIMULATION_BYTES`] of JSON read by the
//! command line. Defaults: 1000 trials, seed 0, horizon 30 days, creation
//! at 0, every attempt SUCCEEDED with no delay.
//!
//! ```
//! use iot_jobs_policy::simulate::{run, Simulation};
//! let sim = Simulation::from_json(r#"{
//!   "job": {"jobId": "fw", "document": "{}",
//!           "targets": ["arn:aws:iot:us-east-1:123456789012:thinggroup/fleet"],
//!           "jobExecutionsRolloutConfig": {"maximumPerMinute": 10}},
//!   "fleetSize": 30,
//!   "devices": {"outcomes": {"SUCCEEDED": 1}, "run": {"fixed": 1000}},
//!   "trials": 5, "seed": 7
//! }"#).unwrap();
//! let summary = run(&sim);
//! assert_eq!(summary.final_status.completed, 5);
//! // 10 things a minute: the last 10 are notified at minute 2, done 1 s later.
//! assert_eq!(summary.completion_ms.unwrap().max, 121_000);
//! ```

mod engine;
mod model;
pub mod rng;
mod summary;
mod text;

pub use engine::MAX_TIMELINE_MINUTES;
pub use model::{
    Behaviour, Cohort, Members, Outcome, Outcomes, Simulation, SimulationError, DEFAULT_HORIZON_MS,
    DEFAULT_TRIALS, MAX_COHORTS, MAX_FLEET, MAX_SEED, MAX_TRIALS, PROBABILITY_TOLERANCE,
};
pub use rng::{Delay, Rng};
pub use summary::{
    merge, percentile, wilson, Band, Executions, Exposure, FinalStatus, Histogram, Interval,
    MergeError, Quantiles, Series, Shard, Stats, Summary, Timeline, SHARD_FORMAT,
};
pub use text::duration;

/// The largest simulation document or shard the command line reads
/// (64 MiB): a fleet named thing by thing, or a shard's histograms, is
/// larger than a request.
pub const MAX_SIMULATION_BYTES: usize = 64 * 1024 * 1024;

/// Runs every trial of `sim`.
pub fn run(sim: &Simulation) -> Summary {
    run_shard(sim, 0, 1).summary()
}

/// [`run`], calling `progress(done, total)` after each trial.
pub fn run_with_progress(sim: &Simulation, progress: &mut dyn FnMut(u64, u64)) -> Summary {
    run_shard_with_progress(sim, 0, 1, progress).summary()
}

/// Runs shard `index` of `count`: the trials `i` with `i % count == index`
/// (`count` 0 is taken as 1, an `index` past `count` gives an empty shard
/// that [`merge`] refuses).
pub fn run_shard(sim: &Simulation, index: u64, count: u64) -> Shard {
    run_shard_with_progress(sim, index, count, &mut |_, _| {})
}

/// [`run_shard`], calling `progress(done, total)` after each trial of the
/// shard.
pub fn run_shard_with_progress(
    sim: &Simulation,
    index: u64,
    count: u64,
    progress: &mut dyn FnMut(u64, u64),
) -> Shard {
    let count = count.max(1);
    let mut shard = Shard::empty(sim, index, count);
    let total = if index < count {
        sim.trials.saturating_sub(index).div_ceil(count)
    } else {
        0
    };
    let mut done = 0;
    let mut i = index;
    while i < sim.trials {
        shard.add(&engine::run_trial(sim, i));
        done += 1;
        progress(done, total);
        i = i.saturating_add(count);
    }
    shard
}

/// The most threads [`run_shard_threads`] starts.
pub const MAX_THREADS: usize = 256;

/// [`run_shard`] over `threads` threads (native; in WebAssembly, where
/// there are none, on the calling thread): thread `t` runs the sub-shard
/// `index + t·count` of `count·threads`, and the parts are added into
/// shard `index` of `count`. The histograms do not depend on the order
/// trials are added in, so the result is the same for any number of
/// threads (`threads` 0 is taken as 1, more than [`MAX_THREADS`] as
/// [`MAX_THREADS`]).
pub fn run_shard_threads(sim: &Simulation, index: u64, count: u64, threads: usize) -> Shard {
    run_shard_threads_with_progress(sim, index, count, threads, &mut |_, _| {})
}

/// [`run_shard_threads`], calling `progress(done, total)` on the calling
/// thread as trials finish (after each trial on one thread; every 20 ms or
/// so, and once at the end, over several).
pub fn run_shard_threads_with_progress(
    sim: &Simulation,
    index: u64,
    count: u64,
    threads: usize,
    progress: &mut dyn FnMut(u64, u64),
) -> Shard {
    let count = count.max(1);
    let threads = threads.clamp(1, MAX_THREADS);
    if threads == 1 || index >= count {
        return run_shard_with_progress(sim, index, count, progress);
    }
    let total = sim.trials.saturating_sub(index).div_ceil(count);
    let t = threads as u64;
    let sub = count.saturating_mul(t);
    let which = (0..t).map(|k| (index + k * count, sub)).collect();
    let parts = parts(sim, which, total, progress);
    let mut shard = Shard::empty(sim, index, count);
    for p in &parts {
        shard.absorb(p);
    }
    shard
}

/// The sub-shards `(index, count)` of `sim`, one thread each, with the
/// trials done reported from the calling thread.
#[cfg(not(target_arch = "wasm32"))]
fn parts(
    sim: &Simulation,
    which: Vec<(u64, u64)>,
    total: u64,
    progress: &mut dyn FnMut(u64, u64),
) -> Vec<Shard> {
    use std::sync::atomic::{AtomicU64, Ordering};
    let done = AtomicU64::new(0);
    std::thread::scope(|scope| {
        let handles: Vec<_> = which
            .into_iter()
            .map(|(i, k)| {
                let done = &done;
                let handle = scope.spawn(move || {
                    run_shard_with_progress(sim, i, k, &mut |_, _| {
                        done.fetch_add(1, Ordering::Relaxed);
                    })
                });
                (i, k, handle)
            })
            .collect();
        let mut shown = None;
        loop {
            let finished = handles.iter().all(|(_, _, h)| h.is_finished());
            let d = done.load(Ordering::Relaxed);
            if shown != Some(d) {
                progress(d, total);
                shown = Some(d);
            }
            if finished {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        handles
            .into_iter()
            // A thread that panicked (it cannot: the crate denies panics)
            // has its part run again here.
            .map(|(i, k, h)| h.join().unwrap_or_else(|_| run_shard(sim, i, k)))
            .collect()
    })
}

/// The sub-shards `(index, count)` of `sim`, in turn (no threads here).
#[cfg(target_arch = "wasm32")]
fn parts(
    sim: &Simulation,
    which: Vec<(u64, u64)>,
    total: u64,
    progress: &mut dyn FnMut(u64, u64),
) -> Vec<Shard> {
    let mut done = 0u64;
    which
        .into_iter()
        .map(|(i, k)| {
            run_shard_with_progress(sim, i, k, &mut |_, _| {
                done += 1;
                progress(done, total);
            })
        })
        .collect()
}

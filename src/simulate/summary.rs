//! Exact accumulators ([`Shard`]) and the summary computed from them
//! ([`Summary`]).
//!
//! A shard keeps counts and full histograms (value → number of trials), not
//! approximations, so merging shards is adding histograms and the merged
//! summary equals the single run's byte for byte.
//!
//! **Percentiles** are nearest-rank: over `N` values sorted ascending, the
//! p-th percentile is the value of rank `max(1, ⌈p·N/100⌉)` (computed in
//! integers). **Means** are the exact integer sum divided by `N` in one
//! IEEE-754 division. **The abort probability's interval** is Wilson's score
//! interval at 95 % (z = 1.959963984540054), computed with the `libm`
//! square root. Numbers are written by serde_json (integers as such,
//! floats in their shortest round-trip form), members in a fixed order.

use super::engine::Trial;
use crate::machine::{ExecutionStatus, JobStatus};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The `format` of a shard's JSON.
pub const SHARD_FORMAT: &str = "iot-jobs-policy/simulation-shard/1";

/// A histogram: value → number of trials.
pub type Histogram = BTreeMap<u64, u64>;

/// A cumulative curve over trials: one histogram per minute, and the
/// histogram of the final values (which every later minute has).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// Per minute from creation.
    pub minutes: Vec<Histogram>,
    /// The final values.
    #[serde(rename = "final")]
    pub last: Histogram,
}

fn bump(h: &mut Histogram, v: u64, n: u64) {
    let c = h.entry(v).or_insert(0);
    *c = c.saturating_add(n);
}

fn add_into(into: &mut Histogram, from: &Histogram) {
    for (&v, &n) in from {
        bump(into, v, n);
    }
}

impl Series {
    fn add(&mut self, curve: &[u64], last: u64) {
        while self.minutes.len() < curve.len() {
            self.minutes.push(self.last.clone());
        }
        for (m, h) in self.minutes.iter_mut().enumerate() {
            bump(h, curve.get(m).copied().unwrap_or(last), 1);
        }
        bump(&mut self.last, last, 1);
    }

    fn merge(&mut self, other: &Series) {
        while self.minutes.len() < other.minutes.len() {
            self.minutes.push(self.last.clone());
        }
        for (m, h) in self.minutes.iter_mut().enumerate() {
            add_into(h, other.minutes.get(m).unwrap_or(&other.last));
        }
        add_into(&mut self.last, &other.last);
    }
}

/// The exact result of some trials of a simulation (all of them, or a
/// shard: the trials `i` with `i % count == index`). Travels as JSON
/// ([`Shard::to_json`], [`Shard::from_json`]) and merges exactly
/// ([`merge`](super::merge)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Shard {
    /// [`SHARD_FORMAT`].
    pub format: String,
    /// The simulation's [fingerprint](super::Simulation::fingerprint).
    pub fingerprint: String,
    /// The seed.
    pub seed: u64,
    /// The simulation's number of trials (all shards).
    pub trials: u64,
    /// Things in the fleet.
    pub fleet_size: u64,
    /// The horizon (ms).
    pub horizon_ms: i64,
    /// `[index, count]`: this shard holds trials `i % count == index`.
    pub shard: [u64; 2],
    /// Trials accumulated here.
    pub trials_run: u64,
    /// Trials per final job status.
    pub final_status: BTreeMap<String, u64>,
    /// Aborted trials.
    pub aborted: u64,
    /// Completion times (ms) of the trials that ended.
    pub completion_ms: Histogram,
    /// Per final execution status, the per-trial count.
    pub executions: BTreeMap<String, Histogram>,
    /// Retry attempts per trial.
    pub retries: Histogram,
    /// Things notified when the abort fired, over aborted trials.
    pub exposed: Histogram,
    /// Time from creation to the abort (ms), over aborted trials.
    pub abort_ms: Histogram,
    /// Cumulative notified things.
    pub notified: Series,
    /// Cumulative succeeded things.
    pub succeeded: Series,
    /// Cumulative failed things (executions that ended FAILED, retried
    /// attempts not counted).
    pub failed: Series,
}

/// Why shards do not merge, or a shard's JSON does not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MergeError {
    /// No shard given.
    #[error("no shard to merge")]
    Empty,
    /// A shard's JSON does not read as a shard.
    #[error("not a simulation shard: {0}")]
    Malformed(String),
    /// Shards of different simulations (fingerprint, seed, trials or shard
    /// count differ).
    #[error("the shards are not of one simulation: {0}")]
    Mismatch(String),
    /// A shard is missing or given twice.
    #[error("the shards do not cover the trials once each: {0}")]
    Coverage(String),
}

impl Shard {
    /// An empty shard of a simulation.
    pub(crate) fn empty(sim: &super::Simulation, index: u64, count: u64) -> Shard {
        let mut executions = BTreeMap::new();
        for s in ExecutionStatus::ALL {
            executions.insert(s.as_str().to_owned(), Histogram::new());
        }
        Shard {
            format: SHARD_FORMAT.to_owned(),
            fingerprint: sim.fingerprint.clone(),
            seed: sim.seed,
            trials: sim.trials,
            fleet_size: sim.things.len() as u64,
            horizon_ms: sim.horizon,
            shard: [index, count],
            trials_run: 0,
            final_status: BTreeMap::new(),
            aborted: 0,
            completion_ms: Histogram::new(),
            executions,
            retries: Histogram::new(),
            exposed: Histogram::new(),
            abort_ms: Histogram::new(),
            notified: Series::default(),
            succeeded: Series::default(),
            failed: Series::default(),
        }
    }

    /// Adds one trial.
    pub(crate) fn add(&mut self, t: &Trial) {
        self.trials_run += 1;
        let c = self
            .final_status
            .entry(t.status.as_str().to_owned())
            .or_insert(0);
        *c += 1;
        if let Some(ms) = t.completion {
            bump(&mut self.completion_ms, ms, 1);
        }
        if let Some(x) = t.exposed {
            self.aborted += 1;
            bump(&mut self.exposed, x, 1);
        }
        if let Some(ms) = t.aborted_at {
            bump(&mut self.abort_ms, ms, 1);
        }
        for (s, &n) in ExecutionStatus::ALL.iter().zip(&t.executions) {
            bump(
                self.executions.entry(s.as_str().to_owned()).or_default(),
                n,
                1,
            );
        }
        bump(&mut self.retries, t.retries, 1);
        let [a, b, c] = &t.curves;
        let [fa, fb, fc] = t.finals;
        self.notified.add(a, fa);
        self.succeeded.add(b, fb);
        self.failed.add(c, fc);
    }

    /// Adds another shard's trials (same simulation; checked by `merge`).
    pub(crate) fn absorb(&mut self, o: &Shard) {
        self.trials_run += o.trials_run;
        for (k, &n) in &o.final_status {
            *self.final_status.entry(k.clone()).or_insert(0) += n;
        }
        self.aborted += o.aborted;
        add_into(&mut self.completion_ms, &o.completion_ms);
        for (k, h) in &o.executions {
            add_into(self.executions.entry(k.clone()).or_default(), h);
        }
        add_into(&mut self.retries, &o.retries);
        add_into(&mut self.exposed, &o.exposed);
        add_into(&mut self.abort_ms, &o.abort_ms);
        self.notified.merge(&o.notified);
        self.succeeded.merge(&o.succeeded);
        self.failed.merge(&o.failed);
    }

    /// The shard as JSON (deterministic bytes).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a shard written by [`Shard::to_json`].
    ///
    /// # Errors
    /// [`MergeError::Malformed`] when the text is not a shard of this
    /// format.
    pub fn from_json(text: &str) -> Result<Shard, MergeError> {
        let s: Shard =
            serde_json::from_str(text).map_err(|e| MergeError::Malformed(e.to_string()))?;
        if s.format != SHARD_FORMAT {
            return Err(MergeError::Malformed(format!(
                "format `{}`, expected `{SHARD_FORMAT}`",
                s.format
            )));
        }
        let [index, count] = s.shard;
        if count == 0 || index >= count {
            return Err(MergeError::Malformed(format!("shard {index}/{count}")));
        }
        Ok(s)
    }

    /// The summary of the trials held here.
    pub fn summary(&self) -> Summary {
        Summary::of(self)
    }
}

/// Merges the shards of one simulation (each index of `0..count` once)
/// into its summary, equal to the single run's.
///
/// # Errors
/// [`MergeError`] when the shards are of different simulations (their
/// fingerprint, seed, trials or count differ), a shard is missing or twice,
/// or none is given.
pub fn merge(shards: &[Shard]) -> Result<Summary, MergeError> {
    let Some(first) = shards.first() else {
        return Err(MergeError::Empty);
    };
    let count = first.shard[1];
    let mut seen = vec![
        false;
        usize::try_from(count)
            .unwrap_or(usize::MAX)
            .min(shards.len().saturating_add(1))
    ];
    let mut all = Shard {
        trials_run: 0,
        final_status: BTreeMap::new(),
        aborted: 0,
        completion_ms: Histogram::new(),
        executions: BTreeMap::new(),
        retries: Histogram::new(),
        exposed: Histogram::new(),
        abort_ms: Histogram::new(),
        notified: Series::default(),
        succeeded: Series::default(),
        failed: Series::default(),
        shard: [0, 1],
        ..first.clone()
    };
    for s in shards {
        let same = s.format == first.format
            && s.fingerprint == first.fingerprint
            && s.seed == first.seed
            && s.trials == first.trials
            && s.fleet_size == first.fleet_size
            && s.horizon_ms == first.horizon_ms
            && s.shard[1] == count;
        if !same {
            return Err(MergeError::Mismatch(format!(
                "shard {}/{} (fingerprint {}, seed {}, {} trials) against shard {}/{} (fingerprint {}, seed {}, {} trials)",
                s.shard[0], s.shard[1], s.fingerprint, s.seed, s.trials,
                first.shard[0], count, first.fingerprint, first.seed, first.trials
            )));
        }
        let index = s.shard[0];
        match usize::try_from(index).ok().and_then(|i| seen.get_mut(i)) {
            Some(f) if !*f => *f = true,
            Some(_) => {
                return Err(MergeError::Coverage(format!(
                    "shard {index}/{count} is given twice"
                )))
            }
            None => {
                return Err(MergeError::Coverage(format!(
                    "shard {index}/{count}: {} shards given",
                    shards.len()
                )))
            }
        }
        let expected = first.trials.saturating_sub(index).div_ceil(count);
        if s.trials_run != expected {
            return Err(MergeError::Coverage(format!(
                "shard {index}/{count} holds {} trials, not {expected}",
                s.trials_run
            )));
        }
        all.absorb(s);
    }
    if let Some(missing) = seen.iter().position(|f| !f) {
        return Err(MergeError::Coverage(format!(
            "shard {missing}/{count} is missing"
        )));
    }
    if (shards.len() as u64) != count {
        return Err(MergeError::Coverage(format!(
            "{} shards given, the shards are {count}",
            shards.len()
        )));
    }
    Ok(all.summary())
}

/// `{p5, p50, p95, max}` (milliseconds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quantiles {
    /// 5th percentile.
    pub p5: u64,
    /// Median.
    pub p50: u64,
    /// 95th percentile.
    pub p95: u64,
    /// Largest.
    pub max: u64,
}

/// `{mean, p5, p50, p95}` of a per-trial count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Mean.
    pub mean: f64,
    /// 5th percentile.
    pub p5: u64,
    /// Median.
    pub p50: u64,
    /// 95th percentile.
    pub p95: u64,
}

/// `{mean, p50, p95, max}` of the exposure before abort.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Exposure {
    /// Mean.
    pub mean: f64,
    /// Median.
    pub p50: u64,
    /// 95th percentile.
    pub p95: u64,
    /// Largest.
    pub max: u64,
}

/// `{estimate, low, high}`: a proportion and its Wilson 95 % interval.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Interval {
    /// Aborted trials / trials.
    pub estimate: f64,
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// Trials per final job status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FinalStatus {
    /// Every execution ended.
    #[serde(rename = "COMPLETED")]
    pub completed: u64,
    /// Aborted.
    #[serde(rename = "CANCELED")]
    pub canceled: u64,
    /// Still in progress at the horizon.
    #[serde(rename = "IN_PROGRESS")]
    pub in_progress: u64,
    /// Still scheduled at the horizon.
    #[serde(rename = "SCHEDULED")]
    pub scheduled: u64,
}

/// Per final execution status, [`Stats`] of the per-trial count of things.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[allow(missing_docs)]
pub struct Executions {
    #[serde(rename = "SUCCEEDED")]
    pub succeeded: Stats,
    #[serde(rename = "FAILED")]
    pub failed: Stats,
    #[serde(rename = "REJECTED")]
    pub rejected: Stats,
    #[serde(rename = "TIMED_OUT")]
    pub timed_out: Stats,
    #[serde(rename = "CANCELED")]
    pub canceled: Stats,
    #[serde(rename = "REMOVED")]
    pub removed: Stats,
    #[serde(rename = "QUEUED")]
    pub queued: Stats,
    #[serde(rename = "IN_PROGRESS")]
    pub in_progress: Stats,
}

/// p5 / p50 / p95 per minute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Band {
    /// 5th percentile per minute.
    pub p5: Vec<u64>,
    /// Median per minute.
    pub p50: Vec<u64>,
    /// 95th percentile per minute.
    pub p95: Vec<u64>,
}

/// The rollout over time: minute `m` counts what happened at most `m`
/// minutes after creation, over all trials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timeline {
    /// Number of minutes (the last change of any trial, plus one, at most
    /// [`MAX_TIMELINE_MINUTES`](super::MAX_TIMELINE_MINUTES)).
    pub minutes: u64,
    /// Cumulative notified things.
    pub notified: Band,
    /// Cumulative succeeded things.
    pub succeeded: Band,
    /// Cumulative failed things.
    pub failed: Band,
}

/// The answers of a simulation (see the module for the exact statistics).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Trials run.
    pub trials: u64,
    /// The seed.
    pub seed: u64,
    /// The simulation's fingerprint.
    pub fingerprint: String,
    /// Things in the fleet.
    pub fleet_size: u64,
    /// The horizon (ms).
    pub horizon_ms: i64,
    /// Trials per final job status.
    pub final_status: FinalStatus,
    /// The share of trials aborted, with its interval.
    pub abort_probability: Interval,
    /// Time from creation to a terminal job status, over trials that
    /// ended; `null` when none did.
    pub completion_ms: Option<Quantiles>,
    /// Final execution statuses per trial.
    pub executions: Executions,
    /// Retry attempts per trial.
    pub retries: Stats,
    /// Things notified when the abort fired, over aborted trials; `null`
    /// when none was.
    pub exposed_before_abort: Option<Exposure>,
    /// The rollout over time.
    pub timeline: Timeline,
    /// Time from creation to the abort, over aborted trials; `null` when
    /// none was.
    pub abort_ms: Option<Quantiles>,
    /// Aborted trials per minute of the abort (minute `m`: at most `m`
    /// minutes after creation, as in the timeline); only the minutes with
    /// an abort, as `{"minute": trials}`.
    pub abort_minutes: Histogram,
}

/// The value of nearest rank `max(1, ⌈p·N/100⌉)` in `h` (0 when empty).
pub fn percentile(h: &Histogram, p: u64) -> u64 {
    let n: u64 = h.values().sum();
    let rank = (p.saturating_mul(n)).div_ceil(100).max(1);
    let mut seen = 0u64;
    for (&v, &c) in h {
        seen += c;
        if seen >= rank {
            return v;
        }
    }
    0
}

fn mean(h: &Histogram) -> f64 {
    let n: u64 = h.values().sum();
    if n == 0 {
        return 0.0;
    }
    let sum: u128 = h.iter().map(|(&v, &c)| u128::from(v) * u128::from(c)).sum();
    sum as f64 / n as f64
}

fn stats(h: &Histogram) -> Stats {
    Stats {
        mean: mean(h),
        p5: percentile(h, 5),
        p50: percentile(h, 50),
        p95: percentile(h, 95),
    }
}

/// Wilson's 95 % score interval of `k` successes in `n` trials.
pub fn wilson(k: u64, n: u64) -> Interval {
    if n == 0 {
        return Interval {
            estimate: 0.0,
            low: 0.0,
            high: 1.0,
        };
    }
    const Z: f64 = 1.959_963_984_540_054;
    let n_f = n as f64;
    let p = k as f64 / n_f;
    let z2 = Z * Z;
    let denom = 1.0 + z2 / n_f;
    let center = (p + z2 / (2.0 * n_f)) / denom;
    let half = Z * libm::sqrt(p * (1.0 - p) / n_f + z2 / (4.0 * n_f * n_f)) / denom;
    Interval {
        estimate: p,
        // Exact bounds at the ends (rounding would leave 1e-18 there).
        low: if k == 0 {
            0.0
        } else {
            (center - half).max(0.0)
        },
        high: if k >= n {
            1.0
        } else {
            (center + half).min(1.0)
        },
    }
}

fn band(s: &Series, minutes: usize) -> Band {
    let at = |m: usize| s.minutes.get(m).unwrap_or(&s.last);
    Band {
        p5: (0..minutes).map(|m| percentile(at(m), 5)).collect(),
        p50: (0..minutes).map(|m| percentile(at(m), 50)).collect(),
        p95: (0..minutes).map(|m| percentile(at(m), 95)).collect(),
    }
}

impl Summary {
    fn of(s: &Shard) -> Summary {
        let status = |k: JobStatus| s.final_status.get(k.as_str()).copied().unwrap_or(0);
        let empty = Histogram::new();
        let ex = |k: ExecutionStatus| stats(s.executions.get(k.as_str()).unwrap_or(&empty));
        let minutes = s
            .notified
            .minutes
            .len()
            .max(s.succeeded.minutes.len())
            .max(s.failed.minutes.len());
        let max = |h: &Histogram| h.keys().next_back().copied().unwrap_or(0);
        Summary {
            trials: s.trials_run,
            seed: s.seed,
            fingerprint: s.fingerprint.clone(),
            fleet_size: s.fleet_size,
            horizon_ms: s.horizon_ms,
            final_status: FinalStatus {
                completed: status(JobStatus::Completed),
                canceled: status(JobStatus::Canceled),
                in_progress: status(JobStatus::InProgress),
                scheduled: status(JobStatus::Scheduled),
            },
            abort_probability: wilson(s.aborted, s.trials_run),
            completion_ms: (!s.completion_ms.is_empty()).then(|| Quantiles {
                p5: percentile(&s.completion_ms, 5),
                p50: percentile(&s.completion_ms, 50),
                p95: percentile(&s.completion_ms, 95),
                max: max(&s.completion_ms),
            }),
            executions: Executions {
                succeeded: ex(ExecutionStatus::Succeeded),
                failed: ex(ExecutionStatus::Failed),
                rejected: ex(ExecutionStatus::Rejected),
                timed_out: ex(ExecutionStatus::TimedOut),
                canceled: ex(ExecutionStatus::Canceled),
                removed: ex(ExecutionStatus::Removed),
                queued: ex(ExecutionStatus::Queued),
                in_progress: ex(ExecutionStatus::InProgress),
            },
            retries: stats(&s.retries),
            exposed_before_abort: (!s.exposed.is_empty()).then(|| Exposure {
                mean: mean(&s.exposed),
                p50: percentile(&s.exposed, 50),
                p95: percentile(&s.exposed, 95),
                max: max(&s.exposed),
            }),
            timeline: Timeline {
                minutes: minutes as u64,
                notified: band(&s.notified, minutes),
                succeeded: band(&s.succeeded, minutes),
                failed: band(&s.failed, minutes),
            },
            abort_ms: (!s.abort_ms.is_empty()).then(|| Quantiles {
                p5: percentile(&s.abort_ms, 5),
                p50: percentile(&s.abort_ms, 50),
                p95: percentile(&s.abort_ms, 95),
                max: max(&s.abort_ms),
            }),
            abort_minutes: {
                let mut h = Histogram::new();
                for (&ms, &n) in &s.abort_ms {
                    bump(&mut h, ms.div_ceil(60_000), n);
                }
                h
            },
        }
    }

    /// The summary as JSON: fixed member order, deterministic numbers.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// [`Summary::to_json`], indented.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let h: Histogram = (1..=10).map(|v| (v, 1)).collect();
        assert_eq!(percentile(&h, 5), 1);
        assert_eq!(percentile(&h, 50), 5);
        assert_eq!(percentile(&h, 95), 10);
        assert_eq!(percentile(&h, 100), 10);
        assert_eq!(percentile(&Histogram::new(), 50), 0);
        let one: Histogram = [(7, 1)].into_iter().collect();
        assert_eq!(percentile(&one, 5), 7);
    }

    #[test]
    fn wilson_interval_matches_a_hand_computation() {
        // 10 of 100: center 0.1 + 1.92/100 over 1.0384..., the textbook
        // values 0.0552 and 0.1744.
        let i = wilson(10, 100);
        assert!((i.low - 0.0552).abs() < 1e-4, "{i:?}");
        assert!((i.high - 0.1744).abs() < 1e-4, "{i:?}");
        let z = wilson(0, 50);
        assert_eq!(z.low, 0.0);
        assert!((z.high - 0.0714).abs() < 1e-4, "{z:?}");
    }

    #[test]
    fn series_merge_equals_adding_in_one() {
        let mut one = Series::default();
        let mut a = Series::default();
        let mut b = Series::default();
        let trials: [(&[u64], u64); 3] = [(&[1, 2], 2), (&[0, 1, 1, 3], 3), (&[], 0)];
        for (i, (c, f)) in trials.iter().enumerate() {
            one.add(c, *f);
            if i == 1 {
                b.add(c, *f);
            } else {
                a.add(c, *f);
            }
        }
        a.merge(&b);
        assert_eq!(a, one);
    }
}

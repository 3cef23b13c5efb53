//! The simulation document: what a fleet does with a job, read from JSON
//! with a JSON Pointer on every malformation.
//!
//! The reader is written by hand over [`serde_json::Value`] rather than
//! derived: a derive reports an unknown or mistyped member without its
//! path, and every error here names its member (`/devices/cohorts/1/share`).
//! Unknown members are refused everywhere, as `deny_unknown_fields` would.

use super::rng::Delay;
use crate::machine::{request_targets, resolve_things, Fx, Job, MachineError, Record};
use crate::{validate_value, Operation, Options, Report};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The most trials one simulation runs.
pub const MAX_TRIALS: u64 = 1_000_000;
/// The largest seed (2^53 − 1): every surface holds it exactly, a
/// JavaScript number included, so a summary's `seed` reads back as the
/// seed that ran (documents, `--seed` and the npm options refuse more).
pub const MAX_SEED: u64 = (1 << 53) - 1;
/// The most things one simulation's fleet has.
pub const MAX_FLEET: usize = 1_000_000;
/// The default number of trials.
pub const DEFAULT_TRIALS: u64 = 1000;
/// The default horizon: 30 days, in milliseconds.
pub const DEFAULT_HORIZON_MS: i64 = 30 * 24 * 3_600_000;
/// The most cohorts.
pub const MAX_COHORTS: usize = 1000;
/// How far probabilities may sum from 1.
pub const PROBABILITY_TOLERANCE: f64 = 1e-9;

/// What a device does with one attempt, drawn from [`Behaviour::outcomes`]
/// or [`Behaviour::retry_outcomes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Picks up, runs, reports SUCCEEDED.
    Succeeded,
    /// Picks up, runs, reports FAILED.
    Failed,
    /// Picks up, runs, reports REJECTED.
    Rejected,
    /// Picks up and never reports (the in-progress timer, if any, fires).
    TimedOut,
    /// Never picks up.
    Offline,
}

impl Outcome {
    /// Every outcome, in the order of the document.
    pub const ALL: [Outcome; 5] = [
        Outcome::Succeeded,
        Outcome::Failed,
        Outcome::Rejected,
        Outcome::TimedOut,
        Outcome::Offline,
    ];

    /// The document's name, e.g. `TIMED_OUT`.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Succeeded => "SUCCEEDED",
            Outcome::Failed => "FAILED",
            Outcome::Rejected => "REJECTED",
            Outcome::TimedOut => "TIMED_OUT",
            Outcome::Offline => "OFFLINE",
        }
    }
}

/// Probabilities of the five outcomes (in [`Outcome::ALL`] order), summing
/// to 1 within [`PROBABILITY_TOLERANCE`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcomes(pub [f64; 5]);

impl Outcomes {
    /// Every attempt succeeds.
    pub const ALL_SUCCEED: Outcomes = Outcomes([1.0, 0.0, 0.0, 0.0, 0.0]);

    /// The outcome of a uniform draw `u` in `[0, 1)`: the first whose
    /// cumulative probability passes `u` (the last non-zero one when
    /// rounding leaves `u` past the sum).
    pub fn pick(&self, u: f64) -> Outcome {
        let mut acc = 0.0;
        let mut last = Outcome::Succeeded;
        for (o, p) in Outcome::ALL.into_iter().zip(self.0) {
            if p > 0.0 {
                acc += p;
                last = o;
                if u < acc {
                    return o;
                }
            }
        }
        last
    }
}

/// A device model: outcomes and delays.
#[derive(Debug, Clone, PartialEq)]
pub struct Behaviour {
    /// Outcomes of a first attempt.
    pub outcomes: Outcomes,
    /// Outcomes of a retry attempt.
    pub retry_outcomes: Outcomes,
    /// From notification (QUEUED) to IN_PROGRESS.
    pub pick_up: Delay,
    /// From IN_PROGRESS to the final report.
    pub run: Delay,
}

impl Default for Behaviour {
    fn default() -> Self {
        Behaviour {
            outcomes: Outcomes::ALL_SUCCEED,
            retry_outcomes: Outcomes::ALL_SUCCEED,
            pick_up: Delay::Fixed(0.0),
            run: Delay::Fixed(0.0),
        }
    }
}

/// A cohort: a behaviour for a share of the fleet (drawn per trial) or for
/// named things.
#[derive(Debug, Clone, PartialEq)]
pub struct Cohort {
    /// Who is in it.
    pub members: Members,
    /// What they do.
    pub behaviour: Behaviour,
}

/// The members of a [`Cohort`].
#[derive(Debug, Clone, PartialEq)]
pub enum Members {
    /// This share of the things not named by a cohort, drawn per trial.
    Share(f64),
    /// These things (indices into [`Simulation::things`]).
    Things(Vec<usize>),
}

/// Why a simulation document was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SimulationError {
    /// A malformed member: its JSON Pointer (`""` for the document) and
    /// one sentence.
    #[error("the simulation is not valid: {}: {message}", if pointer.is_empty() { "(document)" } else { pointer.as_str() })]
    Invalid {
        /// JSON Pointer (RFC 6901) of the member at fault.
        pointer: String,
        /// What is wrong.
        message: String,
    },
    /// The job is not a valid CreateJob request: the validator's report.
    #[error("the job is not a valid CreateJob request ({} error(s))", .0.errors().count())]
    InvalidJob(Report),
    /// A valid job that cannot be created (an unknown group, an invalid
    /// thing name, ...).
    #[error("the job could not be created: {0}")]
    Create(MachineError),
}

impl SimulationError {
    /// The JSON Pointer of the member at fault (`/job` for the job's
    /// refusals).
    pub fn pointer(&self) -> &str {
        match self {
            SimulationError::Invalid { pointer, .. } => pointer,
            SimulationError::InvalidJob(_) | SimulationError::Create(_) => "/job",
        }
    }
}

fn invalid(pointer: &str, message: impl Into<String>) -> SimulationError {
    SimulationError::Invalid {
        pointer: pointer.to_owned(),
        message: message.into(),
    }
}

/// `pointer` with the member `key` appended (escaped per RFC 6901).
fn join(pointer: &str, key: &str) -> String {
    format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"))
}

/// A simulation, checked: the job (created once, cloned per trial), the
/// fleet, its behaviour and the run's parameters.
#[derive(Debug, Clone)]
pub struct Simulation {
    pub(crate) job: Job,
    /// The effects of creation, as the simulator's lean sink records them.
    pub(crate) created: Vec<Record>,
    pub(crate) created_at: i64,
    pub(crate) things: Vec<String>,
    pub(crate) devices: Behaviour,
    pub(crate) cohorts: Vec<Cohort>,
    pub(crate) horizon: i64,
    pub(crate) trials: u64,
    pub(crate) seed: u64,
    pub(crate) fingerprint: String,
}

impl Simulation {
    /// Reads and checks a simulation document:
    ///
    /// ```json
    /// {"job": {...}, "fleetSize": 100, "devices": {...},
    ///  "horizon": 2592000000, "trials": 1000, "seed": 42}
    /// ```
    ///
    /// Members: `job` (a CreateJob request, required), one of `fleetSize`
    /// (things `thing-1` … `thing-N`), `things` (names) or `groups` (the
    /// membership of the job's thing-group targets, by ARN or name, as in
    /// replay scenarios; the targets are then resolved), `devices`
    /// (`outcomes`, `retryOutcomes`, `pickUp`, `run`, `cohorts`; default:
    /// every attempt succeeds at once), `createdAt` (epoch ms, default 0),
    /// `horizon` (ms after creation, default 30 days), `trials` (default
    /// 1000, at most [`MAX_TRIALS`]), `seed` (default 0), `description`.
    /// `retryOutcomes` defaults to `outcomes` (a cohort that sets
    /// `outcomes` and not `retryOutcomes` takes its own `outcomes` for
    /// retries when the fleet's `retryOutcomes` is not given).
    ///
    /// # Errors
    /// [`SimulationError::Invalid`] with the member's pointer,
    /// [`SimulationError::InvalidJob`] with the validator's report,
    /// [`SimulationError::Create`] when the job cannot be created.
    pub fn from_json(text: &str) -> Result<Simulation, SimulationError> {
        let doc: Value =
            serde_json::from_str(text).map_err(|e| invalid("", format!("not JSON: {e}")))?;
        Simulation::from_value(&doc)
    }

    /// [`Simulation::from_json`] for a parsed document.
    ///
    /// # Errors
    /// As [`Simulation::from_json`].
    pub fn from_value(doc: &Value) -> Result<Simulation, SimulationError> {
        let obj = object(doc, "")?;
        known(
            obj,
            "",
            &[
                "description",
                "job",
                "fleetSize",
                "things",
                "groups",
                "devices",
                "createdAt",
                "horizon",
                "trials",
                "seed",
            ],
        )?;
        if let Some(d) = obj.get("description") {
            if !d.is_string() {
                return Err(invalid("/description", "must be a string"));
            }
        }
        let created_at = match obj.get("createdAt") {
            None => 0,
            Some(v) => integer(v, "/createdAt", 0, crate::machine::MAX_TIME_MS)?,
        };
        let horizon = match obj.get("horizon") {
            None => DEFAULT_HORIZON_MS.min(crate::machine::MAX_TIME_MS - created_at),
            Some(v) => integer(v, "/horizon", 1, crate::machine::MAX_TIME_MS - created_at)?,
        };
        let trials = match obj.get("trials") {
            None => DEFAULT_TRIALS,
            Some(v) => integer_u64(v, "/trials", 1, MAX_TRIALS)?,
        };
        let seed = match obj.get("seed") {
            None => 0,
            Some(v) => integer_u64(v, "/seed", 0, MAX_SEED)?,
        };
        let Some(request) = obj.get("job") else {
            return Err(invalid("/job", "missing member `job`"));
        };
        let options = Options::default().with_now_ms(Some(created_at));
        let report = validate_value(Operation::CreateJob, request, &options);
        if !report.is_valid() {
            return Err(SimulationError::InvalidJob(report));
        }
        let things = fleet(obj, request)?;
        let mut index = BTreeMap::new();
        for (i, t) in things.iter().enumerate() {
            index.entry(t.clone()).or_insert(i);
        }
        let (devices, cohorts) = match obj.get("devices") {
            None => (Behaviour::default(), Vec::new()),
            Some(v) => devices(v, &index)?,
        };
        let mut fx = Fx::lean();
        let job = Job::create_into(request, &things, created_at, &options, &mut fx)
            .map_err(SimulationError::Create)?;
        let created = fx.drain().collect();
        let mut fingerprint = String::new();
        canonical(doc, &mut fingerprint);
        Ok(Simulation {
            job,
            created,
            created_at,
            things,
            devices,
            cohorts,
            horizon,
            trials,
            seed,
            fingerprint: format!("{:016x}", fnv1a(fingerprint.as_bytes())),
        })
    }

    /// This simulation with another number of trials (`1..=MAX_TRIALS`;
    /// values out of range are clamped).
    #[must_use]
    pub fn with_trials(mut self, trials: u64) -> Simulation {
        self.trials = trials.clamp(1, MAX_TRIALS);
        self
    }

    /// This simulation with another seed. Any `u64` runs here; documents,
    /// the CLI and npm take seeds up to [`MAX_SEED`] only, which a
    /// JavaScript reader of the summary's `seed` holds exactly.
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Simulation {
        self.seed = seed;
        self
    }

    /// The number of trials.
    pub fn trials(&self) -> u64 {
        self.trials
    }

    /// The seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The horizon (ms after creation).
    pub fn horizon(&self) -> i64 {
        self.horizon
    }

    /// The fleet's thing names, in target order.
    pub fn things(&self) -> &[String] {
        &self.things
    }

    /// The fleet's behaviour (outside cohorts).
    pub fn devices(&self) -> &Behaviour {
        &self.devices
    }

    /// The cohorts, in document order.
    pub fn cohorts(&self) -> &[Cohort] {
        &self.cohorts
    }

    /// A hash (FNV-1a 64, hex) of the document with its keys sorted:
    /// shards of one simulation carry it, and merging refuses shards
    /// whose fingerprints differ.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }
}

/// FNV-1a, 64 bits.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `v` as JSON with object keys sorted (whatever serde_json's map order)
/// and numbers by value: a whole number is written as an integer whatever
/// its spelling (`2`, `2.0`, `2e0`, `-0`), so that a document and the text
/// `JSON.stringify` makes of it (which rewrites `2.0` as `2`) have one
/// fingerprint. Other numbers are the shortest text of their `f64`, which
/// both spellings share.
fn canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::from(k.as_str()).to_string());
                out.push(':');
                if let Some(x) = m.get(k) {
                    canonical(x, out);
                }
            }
            out.push('}');
        }
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(x, out);
            }
            out.push(']');
        }
        Value::Number(n) => canonical_number(n, out),
        other => out.push_str(&other.to_string()),
    }
}

/// A number of the fingerprint: integers exactly (an `i64`/`u64` as
/// written, a whole `f64` of magnitude below 2^64 as the integer it is),
/// any other `f64` as serde_json writes it (the shortest text that reads
/// back; `JSON.stringify` writes whole numbers from 10^21 with an exponent,
/// which reads back as the same `f64`).
fn canonical_number(n: &serde_json::Number, out: &mut String) {
    use std::fmt::Write;
    if let Some(i) = n.as_i64() {
        let _ = write!(out, "{i}");
    } else if let Some(u) = n.as_u64() {
        let _ = write!(out, "{u}");
    } else if let Some(x) = n.as_f64() {
        // 2^64: every whole f64 of smaller magnitude is an exact i128.
        const BOUND: f64 = 18_446_744_073_709_551_616.0;
        if x.fract() == 0.0 && x.abs() < BOUND {
            #[allow(clippy::cast_possible_truncation)] // whole and below 2^64
            let i = x as i128;
            let _ = write!(out, "{i}");
        } else {
            out.push_str(&n.to_string());
        }
    }
}

fn object<'a>(v: &'a Value, pointer: &str) -> Result<&'a Map<String, Value>, SimulationError> {
    v.as_object()
        .ok_or_else(|| invalid(pointer, "must be an object"))
}

fn known(obj: &Map<String, Value>, pointer: &str, allowed: &[&str]) -> Result<(), SimulationError> {
    match obj.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(invalid(&join(pointer, k), format!("unknown member `{k}`"))),
        None => Ok(()),
    }
}

fn integer(v: &Value, pointer: &str, lo: i64, hi: i64) -> Result<i64, SimulationError> {
    match v.as_i64() {
        Some(n) if (lo..=hi).contains(&n) => Ok(n),
        _ => Err(invalid(
            pointer,
            format!("must be an integer from {lo} to {hi}"),
        )),
    }
}

fn integer_u64(v: &Value, pointer: &str, lo: u64, hi: u64) -> Result<u64, SimulationError> {
    match v.as_u64() {
        Some(n) if (lo..=hi).contains(&n) => Ok(n),
        _ => Err(invalid(
            pointer,
            format!("must be an integer from {lo} to {hi}"),
        )),
    }
}

/// A finite number of at least `lo` (`lo` excluded when `open`).
fn number(v: &Value, pointer: &str, lo: f64, open: bool) -> Result<f64, SimulationError> {
    let x = v
        .as_f64()
        .filter(|x| x.is_finite())
        .ok_or_else(|| invalid(pointer, "must be a finite number"))?;
    if x < lo || (open && x <= lo) {
        let rel = if open { "greater than" } else { "at least" };
        return Err(invalid(pointer, format!("must be {rel} {lo}")));
    }
    Ok(x)
}

fn strings(v: &Value, pointer: &str) -> Result<Vec<String>, SimulationError> {
    let list = v
        .as_array()
        .ok_or_else(|| invalid(pointer, "must be a list of names"))?;
    list.iter()
        .enumerate()
        .map(|(i, x)| {
            x.as_str()
                .map(str::to_owned)
                .ok_or_else(|| invalid(&format!("{pointer}/{i}"), "must be a string"))
        })
        .collect()
}

/// A thing name as the machine accepts it (`[a-zA-Z0-9:_-]+`, at most 128
/// characters: the validator's `ThingName`).
fn thing_name(name: &str, pointer: &str) -> Result<(), SimulationError> {
    if crate::machine::valid_thing_name(name) {
        Ok(())
    } else {
        Err(invalid(
            pointer,
            format!("`{name}` is not a thing name ([a-zA-Z0-9:_-], at most 128 characters)"),
        ))
    }
}

/// The fleet: `fleetSize`, `things`, or the targets resolved through
/// `groups`.
fn fleet(obj: &Map<String, Value>, request: &Value) -> Result<Vec<String>, SimulationError> {
    let given: Vec<&str> = ["fleetSize", "things", "groups"]
        .into_iter()
        .filter(|k| obj.contains_key(*k))
        .collect();
    if given.len() > 1 {
        let second = given.get(1).copied().unwrap_or_default();
        return Err(invalid(
            &join("", second),
            format!(
                "`{}` and `{second}` exclude each other",
                given.first().copied().unwrap_or_default()
            ),
        ));
    }
    let things = if let Some(v) = obj.get("fleetSize") {
        let n = integer_u64(v, "/fleetSize", 1, MAX_FLEET as u64)?;
        (1..=n).map(|i| format!("thing-{i}")).collect()
    } else if let Some(v) = obj.get("things") {
        let list = strings(v, "/things")?;
        let mut seen = BTreeSet::new();
        for (i, t) in list.iter().enumerate() {
            let pointer = format!("/things/{i}");
            thing_name(t, &pointer)?;
            if !seen.insert(t.as_str()) {
                return Err(invalid(&pointer, format!("`{t}` is listed twice")));
            }
        }
        list
    } else {
        let mut groups = BTreeMap::new();
        if let Some(v) = obj.get("groups") {
            for (k, members) in object(v, "/groups")? {
                let pointer = join("/groups", k);
                let list = strings(members, &pointer)?;
                for (i, t) in list.iter().enumerate() {
                    thing_name(t, &format!("{pointer}/{i}"))?;
                }
                groups.insert(k.clone(), list);
            }
        }
        let pointer = if obj.contains_key("groups") {
            "/groups"
        } else {
            "/job/targets"
        };
        resolve_things(&request_targets(request), &groups)
            .map_err(|e| invalid(pointer, e.message().to_owned()))?
    };
    if things.is_empty() {
        return Err(invalid(
            if obj.contains_key("things") {
                "/things"
            } else {
                "/groups"
            },
            "the fleet is empty",
        ));
    }
    if things.len() > MAX_FLEET {
        return Err(invalid(
            "",
            format!("the fleet has more than {MAX_FLEET} things"),
        ));
    }
    Ok(things)
}

/// `devices`: the fleet's behaviour and its cohorts.
fn devices(
    v: &Value,
    index: &BTreeMap<String, usize>,
) -> Result<(Behaviour, Vec<Cohort>), SimulationError> {
    let obj = object(v, "/devices")?;
    known(
        obj,
        "/devices",
        &["outcomes", "retryOutcomes", "pickUp", "run", "cohorts"],
    )?;
    let base = behaviour(obj, "/devices", &Behaviour::default(), false)?;
    let mut cohorts = Vec::new();
    if let Some(list) = obj.get("cohorts") {
        let list = list
            .as_array()
            .ok_or_else(|| invalid("/devices/cohorts", "must be a list"))?;
        if list.len() > MAX_COHORTS {
            return Err(invalid(
                "/devices/cohorts",
                format!("at most {MAX_COHORTS} cohorts"),
            ));
        }
        let mut shares = 0.0;
        let mut named = BTreeSet::new();
        for (i, c) in list.iter().enumerate() {
            let pointer = format!("/devices/cohorts/{i}");
            let o = object(c, &pointer)?;
            known(
                o,
                &pointer,
                &[
                    "share",
                    "things",
                    "outcomes",
                    "retryOutcomes",
                    "pickUp",
                    "run",
                ],
            )?;
            let members = match (o.get("share"), o.get("things")) {
                (Some(_), Some(_)) => {
                    return Err(invalid(
                        &format!("{pointer}/things"),
                        "`share` and `things` exclude each other",
                    ))
                }
                (None, None) => {
                    return Err(invalid(&pointer, "a cohort needs `share` or `things`"))
                }
                (Some(s), None) => {
                    let p = format!("{pointer}/share");
                    let share = number(s, &p, 0.0, false)?;
                    shares += share;
                    if share > 1.0 || shares > 1.0 + PROBABILITY_TOLERANCE {
                        return Err(invalid(&p, "the shares of the cohorts sum to more than 1"));
                    }
                    Members::Share(share)
                }
                (None, Some(t)) => {
                    let p = format!("{pointer}/things");
                    let names = strings(t, &p)?;
                    let mut members = Vec::with_capacity(names.len());
                    for (j, name) in names.iter().enumerate() {
                        let pj = format!("{p}/{j}");
                        let k = *index
                            .get(name)
                            .ok_or_else(|| invalid(&pj, format!("`{name}` is not in the fleet")))?;
                        if !named.insert(k) {
                            return Err(invalid(&pj, format!("`{name}` is in two cohorts")));
                        }
                        members.push(k);
                    }
                    Members::Things(members)
                }
            };
            let behaviour = behaviour(o, &pointer, &base, obj.contains_key("retryOutcomes"))?;
            cohorts.push(Cohort { members, behaviour });
        }
    }
    Ok((base, cohorts))
}

/// The behaviour members of `obj` over `base`. `keep_retry`: whether
/// `base.retry_outcomes` was given (and so is inherited even when `obj`
/// sets `outcomes`).
fn behaviour(
    obj: &Map<String, Value>,
    pointer: &str,
    base: &Behaviour,
    keep_retry: bool,
) -> Result<Behaviour, SimulationError> {
    let mut b = base.clone();
    if let Some(v) = obj.get("outcomes") {
        b.outcomes = outcomes(v, &join(pointer, "outcomes"))?;
        if !keep_retry {
            b.retry_outcomes = b.outcomes;
        }
    }
    if let Some(v) = obj.get("retryOutcomes") {
        b.retry_outcomes = outcomes(v, &join(pointer, "retryOutcomes"))?;
    }
    if let Some(v) = obj.get("pickUp") {
        b.pick_up = delay(v, &join(pointer, "pickUp"))?;
    }
    if let Some(v) = obj.get("run") {
        b.run = delay(v, &join(pointer, "run"))?;
    }
    Ok(b)
}

fn outcomes(v: &Value, pointer: &str) -> Result<Outcomes, SimulationError> {
    let obj = object(v, pointer)?;
    let mut p = [0.0; 5];
    for (k, x) in obj {
        let at = join(pointer, k);
        let slot = Outcome::ALL
            .iter()
            .position(|o| o.as_str() == k)
            .and_then(|i| p.get_mut(i))
            .ok_or_else(|| {
                invalid(
                    &at,
                    format!(
                        "unknown outcome `{k}` (SUCCEEDED, FAILED, REJECTED, TIMED_OUT, OFFLINE)"
                    ),
                )
            })?;
        let q = number(x, &at, 0.0, false)?;
        if q > 1.0 {
            return Err(invalid(&at, "a probability is at most 1"));
        }
        *slot = q;
    }
    let sum: f64 = p.iter().sum();
    if (sum - 1.0).abs() > PROBABILITY_TOLERANCE {
        return Err(invalid(
            pointer,
            format!("the probabilities sum to {sum}, not 1"),
        ));
    }
    Ok(Outcomes(p))
}

fn delay(v: &Value, pointer: &str) -> Result<Delay, SimulationError> {
    let obj = object(v, pointer)?;
    let mut it = obj.iter();
    let (Some((k, x)), None) = (it.next(), it.next()) else {
        return Err(invalid(
            pointer,
            "a delay is one of {\"fixed\": ms}, {\"uniform\": [lo, hi]}, {\"exponential\": {\"mean\": ms}}, {\"lognormal\": {\"median\": ms, \"sigma\": s}}",
        ));
    };
    let at = join(pointer, k);
    match k.as_str() {
        "fixed" => Ok(Delay::Fixed(number(x, &at, 0.0, false)?)),
        "uniform" => {
            let pair = x
                .as_array()
                .filter(|a| a.len() == 2)
                .ok_or_else(|| invalid(&at, "must be [lo, hi]"))?;
            let (Some(lo), Some(hi)) = (pair.first(), pair.get(1)) else {
                return Err(invalid(&at, "must be [lo, hi]"));
            };
            let lo = number(lo, &format!("{at}/0"), 0.0, false)?;
            let hi = number(hi, &format!("{at}/1"), lo, false)?;
            Ok(Delay::Uniform(lo, hi))
        }
        "exponential" => {
            let o = object(x, &at)?;
            known(o, &at, &["mean"])?;
            let mean = o
                .get("mean")
                .ok_or_else(|| invalid(&at, "missing member `mean`"))?;
            Ok(Delay::Exponential(number(
                mean,
                &join(&at, "mean"),
                0.0,
                false,
            )?))
        }
        "lognormal" => {
            let o = object(x, &at)?;
            known(o, &at, &["median", "sigma"])?;
            let median = o
                .get("median")
                .ok_or_else(|| invalid(&at, "missing member `median`"))?;
            let sigma = o
                .get("sigma")
                .ok_or_else(|| invalid(&at, "missing member `sigma`"))?;
            Ok(Delay::Lognormal {
                median: number(median, &join(&at, "median"), 0.0, true)?,
                sigma: number(sigma, &join(&at, "sigma"), 0.0, false)?,
            })
        }
        other => Err(invalid(
            &at,
            format!("unknown delay `{other}` (fixed, uniform, exponential, lognormal)"),
        )),
    }
}

//! Read-only views shaped like the AWS responses (DescribeJob,
//! ListJobExecutionsForJob, ListJobExecutionsForThing) and typed accessors.
//!
//! Times are epoch **seconds** as JSON numbers, as on the AWS JSON wire:
//! an integer when the millisecond part is zero, otherwise a number with up
//! to three decimals (`1700000000.25`). Absent members are omitted, never
//! `null`.

mod json;
mod responses;
mod timestamp;
mod typed;

pub use responses::{
    DescribeJobResponse, JobDescription, JobExecutionSummary, JobExecutionSummaryForJob,
    JobExecutionSummaryForThing, JobProcessDetails, ListJobExecutionsForJobResponse,
    ListJobExecutionsForThingResponse, ScheduledJobRollout,
};
use timestamp::Seconds;
pub use timestamp::Timestamp;

use super::{Exec, ExecutionStatus, Job, St, FORCE_CANCELED, NO_TIME};
use crate::validate::shapes::ids::MAX_RESULTS_MAX;
use serde::Serialize;
use serde_json::Value;

/// Page size when `maxResults` is not given (decision; AWS does not document it).
/// It is the largest page the validator accepts (`LaserMaxResults`).
pub const DEFAULT_MAX_RESULTS: i64 = MAX_RESULTS_MAX;

/// Things per execution status (`jobProcessDetails`), plus those the rollout
/// has not reached yet. The nine numbers always add up to the number of things.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Counts {
    /// QUEUED.
    pub queued: u64,
    /// IN_PROGRESS.
    pub in_progress: u64,
    /// SUCCEEDED.
    pub succeeded: u64,
    /// FAILED.
    pub failed: u64,
    /// TIMED_OUT.
    pub timed_out: u64,
    /// REJECTED.
    pub rejected: u64,
    /// REMOVED.
    pub removed: u64,
    /// CANCELED.
    pub canceled: u64,
    /// Not notified yet (no execution).
    pub pending: u64,
}

impl Counts {
    /// The sum of all nine numbers.
    pub fn total(&self) -> u64 {
        self.queued
            + self.in_progress
            + self.succeeded
            + self.failed
            + self.timed_out
            + self.rejected
            + self.removed
            + self.canceled
            + self.pending
    }
}

/// One thing's execution, typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ExecutionSummary {
    /// Thing name.
    pub thing: String,
    /// `None` while the rollout has not reached the thing.
    pub status: Option<ExecutionStatus>,
    /// `executionNumber` (1 for the first execution, +1 per re-join).
    pub execution_number: Option<u32>,
    /// `retryAttempt`.
    pub retry_attempt: u32,
    /// `versionNumber` (1 when queued, +1 per change).
    pub version_number: u32,
    /// `queuedAt` in epoch ms.
    pub queued_at: Option<i64>,
    /// `startedAt` in epoch ms.
    pub started_at: Option<i64>,
    /// `lastUpdatedAt` in epoch ms.
    pub last_updated_at: Option<i64>,
    /// `forceCanceled`.
    pub force_canceled: bool,
}

fn opt_time(t: i64) -> Option<i64> {
    (t != NO_TIME).then_some(t)
}

/// Epoch ms as AWS epoch seconds.
pub(crate) fn seconds(ms: i64) -> Value {
    match Seconds::of(ms) {
        Seconds::Whole(w) => Value::from(w),
        Seconds::Fraction(f) => Value::from(f),
    }
}

/// FNV-1a, 32 bits.
fn fnv32(parts: &[&[u8]]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for p in parts {
        for &b in *p {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The state of a job at a glance ([`Job::inspect`]); times in epoch ms.
/// Serialises to the members of [`super::text::inspect`] after `type`.
///
/// ```
/// # use iot_jobs_policy::machine::{Job, JobStatus};
/// # use iot_jobs_policy::types::CreateJobRequest;
/// # use iot_jobs_policy::Options;
/// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
/// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
/// # let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
/// let i = job.inspect();
/// assert_eq!((i.status, i.thing_count, i.counts.queued), (JobStatus::InProgress, 1, 1));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Inspection {
    /// The job id.
    pub job_id: String,
    /// The job's status.
    pub status: super::JobStatus,
    /// The machine's current time.
    pub now: i64,
    /// When time next matters ([`Job::next_deadline`]).
    pub next_deadline: Option<i64>,
    /// Things in the job.
    pub thing_count: usize,
    /// Things per status.
    pub counts: Counts,
}

impl Job {
    /// Things per status.
    pub fn counts(&self) -> Counts {
        let c = |s: St| self.counts.get(s as usize).copied().unwrap_or(0);
        Counts {
            queued: c(St::Queued),
            in_progress: c(St::InProgress),
            succeeded: c(St::Succeeded),
            failed: c(St::Failed),
            timed_out: c(St::TimedOut),
            rejected: c(St::Rejected),
            removed: c(St::Removed),
            canceled: c(St::Canceled),
            pending: c(St::Pending),
        }
    }

    fn summary_at(&self, i: usize) -> Option<ExecutionSummary> {
        let e: &Exec = self.execs.get(i)?;
        Some(ExecutionSummary {
            thing: self.names.get(i)?.to_owned(),
            status: e.status.public(),
            execution_number: (e.execution_number > 0).then_some(e.execution_number),
            retry_attempt: e.retry_attempt(),
            version_number: e.version,
            queued_at: opt_time(e.queued_at),
            started_at: opt_time(e.started_at),
            last_updated_at: opt_time(e.last_updated_at),
            force_canceled: e.flags & FORCE_CANCELED != 0,
        })
    }

    /// The execution on `thing`, or `None` for a thing the job does not know.
    pub fn execution(&self, thing: &str) -> Option<ExecutionSummary> {
        self.summary_at(self.names.find(thing)?)
    }

    /// Every thing's execution, in target order.
    pub fn executions(&self) -> impl Iterator<Item = ExecutionSummary> + '_ {
        (0..self.execs.len()).filter_map(move |i| self.summary_at(i))
    }

    /// The state at a glance: id, status, time, next deadline, things and
    /// counts (what [`super::text::inspect`] answers).
    ///
    /// ```
    /// # use iot_jobs_policy::machine::Job;
    /// # use iot_jobs_policy::types::CreateJobRequest;
    /// # use iot_jobs_policy::Options;
    /// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
    /// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
    /// # let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
    /// let i = job.inspect();
    /// assert_eq!((i.job_id.as_str(), i.now, i.next_deadline), ("fw-1", 0, None));
    /// ```
    pub fn inspect(&self) -> Inspection {
        Inspection {
            job_id: self.job_id.clone(),
            status: self.status,
            now: self.now,
            next_deadline: self.next_deadline(),
            thing_count: self.thing_count(),
            counts: self.counts(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_are_integers_when_whole() {
        assert_eq!(seconds(1_700_000_000_000).to_string(), "1700000000");
        assert_eq!(seconds(1_700_000_000_250).to_string(), "1700000000.25");
        assert_eq!(seconds(1).to_string(), "0.001");
    }

    /// A hand-made snapshot's configuration may hold a member that does not
    /// fit, or one named like a job member: `describe()` writes them as they
    /// are, the typed view leaves them out.
    #[test]
    fn the_typed_description_reads_only_echoed_members() {
        let request = serde_json::json!({"jobId": "j", "document": "{}",
            "targets": ["arn:aws:iot:eu-west-1:123456789012:thing/t1"]});
        let (job, _) = Job::create(&request, ["t1"], 0, &crate::Options::default()).unwrap();
        let mut snap: Value = serde_json::from_str(&job.to_snapshot()).unwrap();
        snap["config"] =
            serde_json::json!({"status": "NOPE", "abortConfig": 5, "description": "d"});
        let job = Job::from_snapshot(&snap.to_string()).unwrap();
        let json = job.describe();
        assert_eq!(
            (&json["job"]["status"], &json["job"]["abortConfig"]),
            (&serde_json::json!("NOPE"), &serde_json::json!(5))
        );
        let typed = job.describe_response().job;
        assert_eq!(
            (typed.status, typed.abort_config),
            (super::super::JobStatus::InProgress, None)
        );
        assert_eq!(
            (typed.description.as_deref(), typed.is_concurrent),
            (Some("d"), Some(false))
        );
    }

    /// The typed views read their times back from `seconds`: every
    /// millisecond in the machine's range gives itself back, as a `Value`
    /// and as text, and writes the same JSON again.
    #[test]
    fn seconds_read_back_to_the_same_milliseconds() {
        let max = super::super::MAX_TIME_MS;
        let mut samples: Vec<i64> = (0..200_000).chain(max - 200_000..=max).collect();
        for k in 0..63 {
            let p = 1i64 << k;
            samples.extend(
                [p - 1, p, p + 1]
                    .into_iter()
                    .filter(|t| (0..=max).contains(t)),
            );
        }
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..500_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            samples.push((x % (max as u64 + 1)) as i64);
        }
        for ms in samples {
            let v = seconds(ms);
            let t: Timestamp = serde_json::from_value(v.clone()).unwrap();
            assert_eq!(t.as_millis(), ms, "{v}");
            let text: Timestamp = serde_json::from_str(&v.to_string()).unwrap();
            assert_eq!(text.as_millis(), ms, "{v} as text");
            assert_eq!(serde_json::to_value(t).unwrap(), v);
        }
    }
}

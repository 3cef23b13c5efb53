//! Read-only views shaped like the AWS responses (DescribeJob,
//! ListJobExecutionsForJob, ListJobExecutionsForThing) and typed accessors.
//!
//! Times are epoch **seconds** as JSON numbers, as on the AWS JSON wire:
//! an integer when the millisecond part is zero, otherwise a number with up
//! to three decimals (`1700000000.25`). Absent members are omitted, never
//! `null`.

use super::{
    err, ErrorCode, Exec, ExecutionStatus, Job, MachineError, St, FORCE_CANCELED, NO_TIME,
};
use serde::Serialize;
use serde_json::{Map, Value};

/// Page size when `maxResults` is not given (decision; AWS does not document it).
pub const DEFAULT_MAX_RESULTS: i64 = 250;

/// Things per execution status (`jobProcessDetails`), plus those the rollout
/// has not reached yet. The nine numbers always add up to the number of things.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
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
    if ms % 1000 == 0 {
        Value::from(ms / 1000)
    } else {
        Value::from(ms as f64 / 1000.0)
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

    /// The DescribeJob response: `{"job": {...}}` (plus `documentSource`
    /// beside `job` when the job was created from one, V-35).
    pub fn describe(&self) -> Value {
        let mut job = Map::new();
        let mut put = |k: &str, v: Value| {
            job.insert(k.to_owned(), v);
        };
        put("jobArn", Value::from(self.job_arn.clone()));
        put("jobId", Value::from(self.job_id.clone()));
        put(
            "targetSelection",
            Value::from(match self.selection {
                super::Selection::Snapshot => "SNAPSHOT",
                super::Selection::Continuous => "CONTINUOUS",
            }),
        );
        put("status", Value::from(self.status.as_str()));
        put("forceCanceled", Value::from(self.force_canceled));
        if let Some(r) = &self.reason_code {
            put("reasonCode", Value::from(r.clone()));
        }
        if let Some(c) = &self.comment {
            put("comment", Value::from(c.clone()));
        }
        put("targets", Value::from(self.targets.clone()));
        for (k, v) in &self.echo {
            if k != "documentSource" {
                put(k, v.clone());
            }
        }
        put("createdAt", seconds(self.created_at));
        put("lastUpdatedAt", seconds(self.last_updated_at));
        if let Some(t) = self.completed_at {
            put("completedAt", seconds(t));
        }
        // concurrent while rolling out new executions (latest API only).
        if self.api == crate::ApiVersion::Latest {
            put("isConcurrent", Value::from(self.rolling_out()));
        }
        let c = self.counts();
        let mut d = Map::new();
        // the targets still being rolled out; absent once rollout is done.
        // Things are not tracked per target, so every target is listed while
        // any thing is still waiting for the rollout.
        if self.rolling_out() || self.status == super::JobStatus::Scheduled {
            d.insert(
                "processingTargets".into(),
                Value::from(self.targets.clone()),
            );
        }
        for (k, n) in [
            ("numberOfCanceledThings", c.canceled),
            ("numberOfSucceededThings", c.succeeded),
            ("numberOfFailedThings", c.failed),
            ("numberOfRejectedThings", c.rejected),
            ("numberOfQueuedThings", c.queued),
            ("numberOfInProgressThings", c.in_progress),
            ("numberOfRemovedThings", c.removed),
            ("numberOfTimedOutThings", c.timed_out),
        ] {
            d.insert(k.into(), Value::from(n));
        }
        put("jobProcessDetails", Value::Object(d));
        let mut out = Map::new();
        out.insert("job".into(), Value::Object(job));
        if let Some(s) = self.echo.get("documentSource") {
            out.insert("documentSource".into(), s.clone());
        }
        Value::Object(out)
    }

    fn rolling_out(&self) -> bool {
        self.status == super::JobStatus::InProgress && !self.ended && self.cursor < self.rollout_len
    }

    fn summary_json(&self, i: usize) -> Option<Value> {
        let e = self.execs.get(i)?;
        let status = e.status.public()?;
        let mut s = Map::new();
        s.insert("status".into(), Value::from(status.as_str()));
        for (k, t) in [
            ("queuedAt", e.queued_at),
            ("startedAt", e.started_at),
            ("lastUpdatedAt", e.last_updated_at),
        ] {
            if t != NO_TIME {
                s.insert(k.into(), seconds(t));
            }
        }
        if e.execution_number > 0 {
            s.insert("executionNumber".into(), Value::from(e.execution_number));
        }
        s.insert("retryAttempt".into(), Value::from(e.retry_attempt()));
        Some(Value::Object(s))
    }

    fn token(&self, scope: &str, filter: Option<ExecutionStatus>, offset: usize) -> String {
        let f = filter.map_or("", ExecutionStatus::as_str);
        let o = offset.to_string();
        let sum = fnv32(&[
            self.job_id.as_bytes(),
            scope.as_bytes(),
            f.as_bytes(),
            o.as_bytes(),
        ]);
        format!("{offset:08x}{sum:08x}")
    }

    fn parse_token(
        &self,
        scope: &str,
        filter: Option<ExecutionStatus>,
        token: Option<&str>,
    ) -> Result<usize, MachineError> {
        let Some(t) = token else { return Ok(0) };
        let bad = || {
            err(
                ErrorCode::InvalidRequest,
                "V-34",
                format!("nextToken `{t}` is not valid for this request"),
            )
        };
        if t.len() != 16 || !t.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let off = t
            .get(..8)
            .and_then(|h| usize::from_str_radix(h, 16).ok())
            .ok_or_else(bad)?;
        if self.token(scope, filter, off) != t {
            return Err(bad());
        }
        Ok(off)
    }

    fn page_size(max_results: Option<i64>) -> Result<usize, MachineError> {
        match max_results {
            None => Ok(DEFAULT_MAX_RESULTS as usize),
            Some(n) if (1..=250).contains(&n) => Ok(n as usize),
            Some(n) => Err(err(
                ErrorCode::InvalidRequest,
                "V-34",
                format!("maxResults `{n}` is outside 1..=250"),
            )),
        }
    }

    /// The ListJobExecutionsForJob response: executions in target order,
    /// optionally of one status, `max_results` (1..=250, default 250) per
    /// page, with an opaque deterministic `nextToken` (16 hex digits: the
    /// resume offset and a checksum over job, filter and offset).
    ///
    /// # Errors
    /// `InvalidRequestException` for a `max_results` out of range or a token
    /// this job did not issue for the same filter.
    pub fn list_executions_for_job(
        &self,
        status: Option<ExecutionStatus>,
        max_results: Option<i64>,
        next_token: Option<&str>,
    ) -> Result<Value, MachineError> {
        let size = Self::page_size(max_results)?;
        let start = self.parse_token("job", status, next_token)?;
        let mut items = Vec::new();
        let mut i = start;
        while i < self.execs.len() && items.len() < size {
            let matches = self
                .execs
                .get(i)
                .and_then(|e| e.status.public())
                .is_some_and(|s| status.map_or(true, |f| f == s));
            if matches {
                if let (Some(name), Some(summary)) = (self.names.get(i), self.summary_json(i)) {
                    let mut item = Map::new();
                    item.insert(
                        "thingArn".into(),
                        Value::from(format!("{}thing/{name}", self.arn_prefix)),
                    );
                    item.insert("jobExecutionSummary".into(), summary);
                    items.push(Value::Object(item));
                }
            }
            i += 1;
        }
        // Only hand out a token when another match exists.
        let more = (i..self.execs.len()).any(|j| {
            self.execs
                .get(j)
                .and_then(|e| e.status.public())
                .is_some_and(|s| status.map_or(true, |f| f == s))
        });
        let mut out = Map::new();
        out.insert("executionSummaries".into(), Value::Array(items));
        if more {
            out.insert(
                "nextToken".into(),
                Value::from(self.token("job", status, i)),
            );
        }
        Ok(Value::Object(out))
    }

    /// Every execution of the job, as one ListJobExecutionsForJob response
    /// without `nextToken`.
    pub fn list_all_executions_for_job(&self) -> Value {
        let items: Vec<Value> = (0..self.execs.len())
            .filter_map(|i| {
                let name = self.names.get(i)?;
                let summary = self.summary_json(i)?;
                let mut item = Map::new();
                item.insert(
                    "thingArn".into(),
                    Value::from(format!("{}thing/{name}", self.arn_prefix)),
                );
                item.insert("jobExecutionSummary".into(), summary);
                Some(Value::Object(item))
            })
            .collect();
        let mut out = Map::new();
        out.insert("executionSummaries".into(), Value::Array(items));
        Value::Object(out)
    }

    /// The ListJobExecutionsForThing response for this job: at most one
    /// summary (the thing's current execution), filtered by `status`.
    ///
    /// # Errors
    /// `InvalidRequestException` for an invalid thing name, a `max_results`
    /// out of range or a bad token.
    pub fn list_executions_for_thing(
        &self,
        thing: &str,
        status: Option<ExecutionStatus>,
        max_results: Option<i64>,
        next_token: Option<&str>,
    ) -> Result<Value, MachineError> {
        if !super::names::valid_thing_name(thing) {
            return Err(err(
                ErrorCode::InvalidRequest,
                "V-34",
                format!("`{thing}` is not a valid thing name"),
            ));
        }
        Self::page_size(max_results)?;
        let scope = format!("thing:{thing}");
        let start = self.parse_token(&scope, status, next_token)?;
        let mut items = Vec::new();
        if start == 0 {
            if let Some(i) = self.names.find(thing) {
                let matches = self
                    .execs
                    .get(i)
                    .and_then(|e| e.status.public())
                    .is_some_and(|s| status.map_or(true, |f| f == s));
                if let (true, Some(summary)) = (matches, self.summary_json(i)) {
                    let mut item = Map::new();
                    item.insert("jobId".into(), Value::from(self.job_id.clone()));
                    item.insert("jobExecutionSummary".into(), summary);
                    items.push(Value::Object(item));
                }
            }
        }
        let mut out = Map::new();
        out.insert("executionSummaries".into(), Value::Array(items));
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn seconds_are_integers_when_whole() {
        assert_eq!(seconds(1_700_000_000_000).to_string(), "1700000000");
        assert_eq!(seconds(1_700_000_000_250).to_string(), "1700000000.25");
        assert_eq!(seconds(1).to_string(), "0.001");
    }
}

//! The JSON views: DescribeJob and the two ListJobExecutions pages as AWS
//! writes them, with page tokens.

use super::super::names::check_thing_name;
use super::super::{err, ErrorCode, ExecutionStatus, Job, JobStatus, MachineError, NO_TIME};
use super::{fnv32, seconds, DEFAULT_MAX_RESULTS};
use crate::validate::shapes::ids::MAX_RESULTS_MAX;
use serde_json::{Map, Value};

impl Job {
    /// `documentSource` beside `job` when the job was created from one,
    /// V-35). [`Job::describe_response`] is the typed form.
    pub fn describe(&self) -> Value {
        let mut job = Map::new();
        let mut put = |k: &str, v: Value| {
            job.insert(k.to_owned(), v);
        };
        put("jobArn", Value::from(self.job_arn.clone()));
        put("jobId", Value::from(self.job_id.clone()));
        put(
            "targetSelection",
            Value::from(self.selection.typed().as_str()),
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
        if let Some(starts) = self.scheduled_rollouts() {
            // each start as `{"startTime": "YYYY-MM-DDTHH:MM"}`.
            let list = starts
                .into_iter()
                .map(|s| {
                    let mut m = Map::new();
                    m.insert("startTime".into(), Value::from(s));
                    Value::Object(m)
                })
                .collect();
            put("scheduledJobRollouts", Value::Array(list));
        }
        put("createdAt", seconds(self.created_at));
        put("lastUpdatedAt", seconds(self.last_updated_at));
        if let Some(t) = self.completed_at {
            put("completedAt", seconds(t));
        }
        if let Some(concurrent) = self.is_concurrent() {
            put("isConcurrent", Value::from(concurrent));
        }
        let c = self.counts();
        let mut d = Map::new();
        if let Some(targets) = self.processing_targets() {
            d.insert("processingTargets".into(), Value::from(targets.to_vec()));
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

    /// concurrent while rolling out new executions (latest API only).
    pub(super) fn is_concurrent(&self) -> Option<bool> {
        (self.api == crate::ApiVersion::Latest).then(|| self.rolling_out())
    }

    /// the targets still being rolled out; absent once rollout is done.
    /// Things are not tracked per target, so every target is listed while
    /// any thing is still waiting for the rollout.
    pub(super) fn processing_targets(&self) -> Option<&[String]> {
        (self.rolling_out() || self.status == JobStatus::Scheduled)
            .then_some(self.targets.as_slice())
    }

    pub(super) fn rolling_out(&self) -> bool {
        self.status == JobStatus::InProgress && !self.ended && self.cursor < self.rollout_len
    }

    pub(super) fn summary_json(&self, i: usize) -> Option<Value> {
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

    /// One item of a ListJobExecutionsForJob response.
    pub(super) fn item_for_job(&self, i: usize) -> Option<Value> {
        let name = self.names.get(i)?;
        let summary = self.summary_json(i)?;
        let mut item = Map::new();
        item.insert(
            "thingArn".into(),
            Value::from(format!("{}thing/{name}", self.arn_prefix)),
        );
        item.insert("jobExecutionSummary".into(), summary);
        Some(Value::Object(item))
    }

    pub(super) fn token(
        &self,
        scope: &str,
        filter: Option<ExecutionStatus>,
        offset: usize,
    ) -> String {
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

    pub(super) fn parse_token(
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

    pub(super) fn page_size(max_results: Option<i64>) -> Result<usize, MachineError> {
        match max_results {
            None => Ok(DEFAULT_MAX_RESULTS as usize),
            Some(n) if (1..=MAX_RESULTS_MAX).contains(&n) => Ok(n as usize),
            Some(n) => Err(err(
                ErrorCode::InvalidRequest,
                "V-34",
                format!("maxResults `{n}` is outside 1..={MAX_RESULTS_MAX}"),
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
    ///
    /// [`Job::list_executions_for_job_response`] is the typed form.
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
                .is_some_and(|s| status.is_none_or(|f| f == s));
            if matches {
                items.extend(self.item_for_job(i));
            }
            i += 1;
        }
        // Only hand out a token when another match exists.
        let more = (i..self.execs.len()).any(|j| {
            self.execs
                .get(j)
                .and_then(|e| e.status.public())
                .is_some_and(|s| status.is_none_or(|f| f == s))
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
    /// without `nextToken` ([`Job::list_all_executions_for_job_response`]
    /// is the typed form).
    pub fn list_all_executions_for_job(&self) -> Value {
        let items: Vec<Value> = (0..self.execs.len())
            .filter_map(|i| self.item_for_job(i))
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
    ///
    /// [`Job::list_executions_for_thing_response`] is the typed form.
    pub fn list_executions_for_thing(
        &self,
        thing: &str,
        status: Option<ExecutionStatus>,
        max_results: Option<i64>,
        next_token: Option<&str>,
    ) -> Result<Value, MachineError> {
        check_thing_name(thing, "V-34")?;
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
                    .is_some_and(|s| status.is_none_or(|f| f == s));
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

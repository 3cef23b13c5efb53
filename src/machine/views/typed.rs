//! The typed views. DescribeJob is built from the state (the echoed
//! request members read from the stored configuration); the execution
//! listings are read back from the JSON pages, so both forms list the same
//! executions with the same tokens.

use super::super::{ExecutionStatus, Job, MachineError};
use super::responses::read_page;
use super::{
    DescribeJobResponse, JobDescription, JobProcessDetails, ListJobExecutionsForJobResponse,
    ListJobExecutionsForThingResponse, ScheduledJobRollout, Timestamp,
};

impl Job {
    /// The DescribeJob response, typed; [`Job::describe`] is its JSON. The
    /// job's own members come from its state, the echoed request members
    /// from the configuration as last set (one that does not fit its type,
    /// only possible in a hand-made snapshot, is left out).
    ///
    /// ```
    /// # use iot_jobs_policy::machine::{Job, JobStatus};
    /// # use iot_jobs_policy::types::CreateJobRequest;
    /// # use iot_jobs_policy::Options;
    /// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
    /// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
    /// let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
    /// let d = job.describe_response().job;
    /// assert_eq!((d.status, d.created_at.as_millis()), (JobStatus::InProgress, 0));
    /// ```
    pub fn describe_response(&self) -> DescribeJobResponse {
        let c = self.counts();
        DescribeJobResponse {
            document_source: self.echoed("documentSource"),
            job: JobDescription {
                abort_config: self.echoed("abortConfig"),
                comment: self.comment.clone(),
                completed_at: self.completed_at.map(Timestamp),
                created_at: Timestamp(self.created_at),
                description: self.echoed("description"),
                destination_package_versions: self.echoed("destinationPackageVersions"),
                document_parameters: self.echoed("documentParameters"),
                force_canceled: self.force_canceled,
                is_concurrent: self.is_concurrent(),
                job_arn: self.job_arn.clone(),
                job_executions_retry_config: self.echoed("jobExecutionsRetryConfig"),
                job_executions_rollout_config: self.echoed("jobExecutionsRolloutConfig"),
                job_id: self.job_id.clone(),
                job_process_details: JobProcessDetails {
                    number_of_canceled_things: c.canceled,
                    number_of_failed_things: c.failed,
                    number_of_in_progress_things: c.in_progress,
                    number_of_queued_things: c.queued,
                    number_of_rejected_things: c.rejected,
                    number_of_removed_things: c.removed,
                    number_of_succeeded_things: c.succeeded,
                    number_of_timed_out_things: c.timed_out,
                    processing_targets: self.processing_targets().map(<[String]>::to_vec),
                },
                job_template_arn: self.echoed("jobTemplateArn"),
                last_updated_at: Timestamp(self.last_updated_at),
                namespace_id: self.echoed("namespaceId"),
                presigned_url_config: self.echoed("presignedUrlConfig"),
                reason_code: self.reason_code.clone(),
                scheduled_job_rollouts: self.scheduled_rollouts().map(|starts| {
                    starts
                        .into_iter()
                        .map(|start_time| ScheduledJobRollout { start_time })
                        .collect()
                }),
                scheduling_config: self.echoed("schedulingConfig"),
                status: self.status,
                target_selection: self.selection.typed(),
                targets: self.targets.clone(),
                timeout_config: self.echoed("timeoutConfig"),
            },
        }
    }

    /// The echoed request member `name` in its typed form, as [`lenient`]
    /// reads it.
    fn echoed<T: serde::de::DeserializeOwned>(&self, name: &str) -> Option<T> {
        T::deserialize(self.echo.get(name)?).ok()
    }

    /// The ListJobExecutionsForJob response, typed;
    /// [`Job::list_executions_for_job`] is its JSON (same arguments, same
    /// pages and tokens).
    ///
    /// # Errors
    /// As [`Job::list_executions_for_job`].
    ///
    /// ```
    /// # use iot_jobs_policy::machine::{ExecutionStatus, Job};
    /// # use iot_jobs_policy::types::CreateJobRequest;
    /// # use iot_jobs_policy::Options;
    /// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
    /// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
    /// let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
    /// let page = job.list_executions_for_job_response(Some(ExecutionStatus::Queued), None, None).unwrap();
    /// assert_eq!(page.execution_summaries.len(), 1);
    /// assert!(job.list_executions_for_job_response(None, Some(0), None).is_err());
    /// ```
    pub fn list_executions_for_job_response(
        &self,
        status: Option<ExecutionStatus>,
        max_results: Option<i64>,
        next_token: Option<&str>,
    ) -> Result<ListJobExecutionsForJobResponse, MachineError> {
        let (execution_summaries, next_token) =
            read_page(self.list_executions_for_job(status, max_results, next_token)?);
        Ok(ListJobExecutionsForJobResponse {
            execution_summaries,
            next_token,
        })
    }

    /// Every execution of the job as one ListJobExecutionsForJob response
    /// without `nextToken`, typed; [`Job::list_all_executions_for_job`] is
    /// its JSON.
    ///
    /// ```
    /// # use iot_jobs_policy::machine::Job;
    /// # use iot_jobs_policy::types::CreateJobRequest;
    /// # use iot_jobs_policy::Options;
    /// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
    /// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
    /// # let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
    /// let all = job.list_all_executions_for_job_response();
    /// assert_eq!((all.execution_summaries.len(), all.next_token), (1, None));
    /// assert_eq!(serde_json::to_value(&job.list_all_executions_for_job_response()).unwrap(),
    ///            job.list_all_executions_for_job());
    /// ```
    pub fn list_all_executions_for_job_response(&self) -> ListJobExecutionsForJobResponse {
        let (execution_summaries, next_token) = read_page(self.list_all_executions_for_job());
        ListJobExecutionsForJobResponse {
            execution_summaries,
            next_token,
        }
    }

    /// The ListJobExecutionsForThing response for this job, typed;
    /// [`Job::list_executions_for_thing`] is its JSON.
    ///
    /// # Errors
    /// As [`Job::list_executions_for_thing`].
    ///
    /// ```
    /// # use iot_jobs_policy::machine::Job;
    /// # use iot_jobs_policy::types::CreateJobRequest;
    /// # use iot_jobs_policy::Options;
    /// # let request = CreateJobRequest { job_id: "fw-1".into(), document: Some("{}".into()),
    /// #     targets: vec!["arn:aws:iot:eu-west-1:123456789012:thing/t1".into()], ..Default::default() };
    /// # let (job, _) = Job::create(&request, ["t1"], 0, &Options::default()).unwrap();
    /// let r = job.list_executions_for_thing_response("t1", None, None, None).unwrap();
    /// assert_eq!(r.execution_summaries.len(), 1);
    /// let other = job.list_executions_for_thing_response("t9", None, None, None).unwrap();
    /// assert!(other.execution_summaries.is_empty());
    /// assert!(job.list_executions_for_thing_response("not a name", None, None, None).is_err());
    /// ```
    pub fn list_executions_for_thing_response(
        &self,
        thing: &str,
        status: Option<ExecutionStatus>,
        max_results: Option<i64>,
        next_token: Option<&str>,
    ) -> Result<ListJobExecutionsForThingResponse, MachineError> {
        let page = self.list_executions_for_thing(thing, status, max_results, next_token)?;
        Ok(ListJobExecutionsForThingResponse {
            execution_summaries: read_page(page).0,
        })
    }
}

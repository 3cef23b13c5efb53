//! A user's crate: an HTTP-style handler that validates a CreateJob body
//! with `?`, deserialises it into the typed request, matches on its enums,
//! and runs the typed transition function.

use iot_jobs_policy::machine::{DescribeJobResponse, Job, MachineError};
use iot_jobs_policy::types::{CreateJobRequest, RetryFailureType, TargetSelection};
use iot_jobs_policy::{validate_str, InvalidRequest, Operation, Options, Report};
use std::fmt;

/// Why a body was refused.
#[derive(Debug)]
pub enum Refusal {
    /// The validator's errors (answer 400 with the AWS message).
    Invalid(InvalidRequest),
    /// The machine refused the job.
    Machine(MachineError),
    /// Valid JSON the typed request cannot hold (does not happen for a valid body).
    Body(serde_json::Error),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Invalid(e) => write!(f, "400 {e}"),
            Refusal::Machine(e) => write!(f, "409 {e}"),
            Refusal::Body(e) => write!(f, "400 {e}"),
        }
    }
}

impl std::error::Error for Refusal {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Refusal::Invalid(e) => Some(e),
            Refusal::Machine(e) => Some(e),
            Refusal::Body(e) => Some(e),
        }
    }
}

impl From<InvalidRequest> for Refusal {
    fn from(e: InvalidRequest) -> Refusal {
        Refusal::Invalid(e)
    }
}

impl From<MachineError> for Refusal {
    fn from(e: MachineError) -> Refusal {
        Refusal::Machine(e)
    }
}

impl From<serde_json::Error> for Refusal {
    fn from(e: serde_json::Error) -> Refusal {
        Refusal::Body(e)
    }
}

/// Validates `body` (text, so violations carry positions), then creates the job.
pub fn create_job(body: &str, things: &[&str], now_ms: i64) -> Result<(Job, Report), Refusal> {
    let options = Options::default().with_now_ms(Some(now_ms));
    let report = validate_str(Operation::CreateJob, body, &options).into_result()?;
    let request: CreateJobRequest = serde_json::from_str(body)?;
    let (job, _effects) = Job::create(&request, things, now_ms, &options)?;
    Ok((job, report))
}

/// The same through `Box<dyn Error>`: the errors are `Send + Sync + 'static`.
pub fn describe(
    body: &str,
    things: &[&str],
) -> Result<DescribeJobResponse, Box<dyn std::error::Error + Send + Sync>> {
    let report = validate_str(Operation::CreateJob, body, &Options::default()).into_result()?;
    drop(report);
    let request: CreateJobRequest = serde_json::from_str(body)?;
    let (job, _) = Job::create(&request, things, 0, &Options::default())?;
    Ok(job.describe_response())
}

/// Options from a user's own flags: the typed parse errors go through `?`
/// into a boxed error, and the non-exhaustive `Options` is built with its
/// `with_*` methods.
pub fn options_from_flags(
    api: &str,
    profile: &str,
    now_ms: Option<i64>,
) -> Result<Options, Box<dyn std::error::Error + Send + Sync>> {
    Ok(Options::default()
        .with_api(api.parse()?)
        .with_profile(profile.parse()?)
        .with_now_ms(now_ms))
}

/// What a dashboard says about the request's choices, by matching the enums.
pub fn summary(request: &CreateJobRequest) -> String {
    let selection = match &request.target_selection {
        None | Some(TargetSelection::Snapshot) => "snapshot".to_owned(),
        Some(TargetSelection::Continuous) => "continuous".to_owned(),
        Some(TargetSelection::Unknown(s)) => format!("unknown `{s}`"),
        Some(other) => format!("new `{other}`"), // the enums are non-exhaustive
    };
    let retries: Vec<&str> = request
        .job_executions_retry_config
        .iter()
        .flat_map(|c| &c.criteria_list)
        .map(|c| match c.failure_type {
            RetryFailureType::Failed => "failed",
            RetryFailureType::TimedOut => "timed out",
            RetryFailureType::All => "all",
            _ => "?",
        })
        .collect();
    format!("{selection}; retries: {}", retries.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use iot_jobs_policy::machine::{DeviceStatus, Event, ExecutionStatus, JobStatus};
    use iot_jobs_policy::{Code, Severity};

    const BODY: &str = r#"{
      "jobId": "fw-4-2-1",
      "targets": ["arn:aws:iot:eu-west-1:123456789012:thing/t1", "arn:aws:iot:eu-west-1:123456789012:thing/t2"],
      "document": "{\"version\":\"4.2.1\"}",
      "targetSelection": "SNAPSHOT",
      "jobExecutionsRetryConfig": {"criteriaList": [{"failureType": "FAILED", "numberOfRetries": 2}]},
      "timeoutConfig": {"inProgressTimeoutInMinutes": 30}
    }"#;

    #[test]
    fn flags_become_options_or_a_typed_error() {
        use iot_jobs_policy::{ApiVersion, Profile, UnknownProfile};
        let o = options_from_flags("2022-01", "model", Some(5)).unwrap();
        assert_eq!(
            (o.api(), o.profile(), o.now_ms()),
            (ApiVersion::V2022_01, Profile::Model, Some(5))
        );
        let e = options_from_flags("latest", "strict", None).unwrap_err();
        assert_eq!(
            e.downcast_ref::<UnknownProfile>().map(|e| e.given()),
            Some("strict")
        );
        assert!(options_from_flags("2023", "model", None).is_err());
    }

    #[test]
    fn a_valid_body_becomes_a_typed_job() {
        let (mut job, report) = create_job(BODY, &["t1", "t2"], 1_000).unwrap();
        assert!(report
            .violations()
            .iter()
            .all(|v| v.severity() == Severity::Warning));
        let request: CreateJobRequest = serde_json::from_str(BODY).unwrap();
        assert_eq!(summary(&request), "snapshot; retries: failed");

        let start = |thing: &str, status| Event::DeviceUpdate {
            thing: thing.into(),
            status,
            step_timeout_in_minutes: None,
            expected_version: None,
        };
        job.apply(2_000, start("t1", DeviceStatus::Succeeded))
            .unwrap();
        job.apply(3_000, start("t2", DeviceStatus::Succeeded))
            .unwrap();
        assert_eq!(job.status(), JobStatus::Completed);

        let d = job.describe_response();
        assert_eq!(d.job.status, JobStatus::Completed);
        assert_eq!(d.job.target_selection, TargetSelection::Snapshot);
        assert_eq!(d.job.completed_at.map(|t| t.as_millis()), Some(3_000));
        assert_eq!(d.job.job_process_details.number_of_succeeded_things, 2);
        assert_eq!(
            d.job.job_executions_retry_config,
            request.job_executions_retry_config
        );
        let page = job
            .list_executions_for_job_response(Some(ExecutionStatus::Succeeded), None, None)
            .unwrap();
        assert_eq!(page.execution_summaries.len(), 2);
        assert_eq!(
            page.execution_summaries[1].thing_arn,
            "arn:aws:iot:eu-west-1:123456789012:thing/t2"
        );
        // The typed views are the JSON views.
        assert_eq!(serde_json::to_value(&d).unwrap(), job.describe());
    }

    #[test]
    fn an_unknown_enum_value_is_refused_with_its_path() {
        let body = BODY.replace(r#""SNAPSHOT""#, r#""Snapshot""#);
        let request: CreateJobRequest = serde_json::from_str(&body).unwrap();
        assert_eq!(summary(&request), "unknown `Snapshot`; retries: failed");
        let Err(Refusal::Invalid(e)) = create_job(&body, &["t1", "t2"], 1_000) else {
            panic!("not refused by the validator");
        };
        let v = e.errors().next().unwrap();
        assert_eq!((v.code(), v.path()), (Code::Enum, "/targetSelection"));
        assert_eq!(v.position().map(|p| p.line()), Some(5));
        assert!(
            e.to_string()
                .starts_with("1 validation error detected: Value 'Snapshot' at 'targetSelection'"),
            "{e}"
        );
        // Boxed, the validator's error and its first violation stay reachable.
        let boxed = describe(&body, &["t1", "t2"]).unwrap_err();
        let invalid = boxed.downcast_ref::<InvalidRequest>().unwrap();
        assert_eq!(
            invalid.report().violations().len(),
            e.report().violations().len()
        );
        assert_eq!(
            std::error::Error::source(invalid).unwrap().to_string(),
            v.to_string()
        );
    }

    #[test]
    fn reports_travel_as_json() {
        let body = BODY.replace("fw-4-2-1", "fw 4.2.1");
        let Err(Refusal::Invalid(e)) = create_job(&body, &["t1"], 0) else {
            panic!("not refused");
        };
        let json = e.report().to_json();
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, e.report());
        assert_eq!(back.to_json(), json);
        assert!(back.into_result().is_err());
    }

    #[test]
    fn the_machine_refuses_what_the_machine_refuses() {
        let Err(Refusal::Machine(e)) = create_job(BODY, &["not a thing name"], 0) else {
            panic!("not refused by the machine");
        };
        assert_eq!(e.code().as_str(), "InvalidRequestException");
        assert!(Refusal::Machine(e).to_string().starts_with("409 "));
    }
}

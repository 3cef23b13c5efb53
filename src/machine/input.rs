//! What [`Job::create`](super::Job::create) accepts (a typed request or its JSON) and how the
//! machine reads it: validated as JSON, then read through the typed
//! [`CreateJobRequest`] (so the machine acts on exactly what the validator
//! judged, with the validator's types).

use super::config::{self, AbortCriterion, EndBehavior, Retry, Rollout};
use super::{ErrorCode, MachineError, Selection, MAX_TIME_MS};
use crate::types::CreateJobRequest;
use crate::validate::time::parse_scheduling;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// The members UpdateJob may change (V-30), in the order
/// [`Effect::JobUpdated`](super::Effect::JobUpdated) lists them.
pub(super) const UPDATABLE: [&str; 6] = [
    "description",
    "presignedUrlConfig",
    "jobExecutionsRolloutConfig",
    "abortConfig",
    "timeoutConfig",
    "jobExecutionsRetryConfig",
];

/// The CreateJob members DescribeJob echoes besides [`UPDATABLE`].
const CREATE_ONLY: [&str; 6] = [
    "namespaceId",
    "jobTemplateArn",
    "documentParameters",
    "schedulingConfig",
    "destinationPackageVersions",
    "documentSource",
];

/// The ARN prefix of a job whose targets name none.
const DEFAULT_ARN_PREFIX: &str = "arn:aws:iot:us-east-1:123456789012:";

/// A validated request that does not read as its typed struct: the
/// validator and [`crate::types`] disagree (a bug, not a user error).
pub(super) fn unreadable(e: serde_json::Error) -> MachineError {
    MachineError::without_rule(
        ErrorCode::InvalidRequest,
        format!("the request could not be read: {e}"),
    )
}

/// What a validated CreateJob request sets up.
pub(super) struct Setup {
    pub(super) job_id: String,
    pub(super) targets: Vec<String>,
    pub(super) arn_prefix: String,
    pub(super) selection: Selection,
    /// The request members DescribeJob echoes, as given.
    pub(super) echo: BTreeMap<String, Value>,
    pub(super) rollout: Rollout,
    pub(super) abort: Vec<AbortCriterion>,
    pub(super) timeout_minutes: u32,
    pub(super) retry: Retry,
    pub(super) start_at: Option<i64>,
    pub(super) end_at: Option<i64>,
    pub(super) end_behavior: EndBehavior,
    /// `schedulingConfig.maintenanceWindows` (J2..J4).
    pub(super) windows: Vec<super::windows::Window>,
}

/// Reads a CreateJob request the validator accepted (`request`, its JSON,
/// for the echoed members; `typed`, the same request typed, when the caller
/// gave it so), at creation time `created_at_ms`.
///
/// # Errors
/// `InvalidRequestException` when the JSON does not read as a
/// [`CreateJobRequest`] (the validator refuses every such request, so
/// this is a disagreement between the two, not a user error).
pub(super) fn read_create(
    request: &Value,
    typed: Option<&CreateJobRequest>,
    created_at_ms: i64,
) -> Result<Setup, MachineError> {
    let typed = match typed {
        Some(t) => std::borrow::Cow::Borrowed(t),
        None => {
            std::borrow::Cow::Owned(CreateJobRequest::deserialize(request).map_err(unreadable)?)
        }
    };
    let arn_prefix = typed
        .targets
        .first()
        .and_then(|t| {
            let parts: Vec<&str> = t.splitn(6, ':').collect();
            (parts.len() == 6).then(|| parts.get(..5).map(|p| p.join(":") + ":"))?
        })
        .unwrap_or_else(|| String::from(DEFAULT_ARN_PREFIX));
    // Validated already: absent is the default, SNAPSHOT.
    let selection = typed
        .target_selection
        .as_ref()
        .and_then(Selection::from_typed)
        .unwrap_or(Selection::Snapshot);
    let mut echo = BTreeMap::new();
    for key in UPDATABLE.into_iter().chain(CREATE_ONLY) {
        if let Some(v) = request.get(key) {
            echo.insert(key.to_owned(), v.clone());
        }
    }
    // J2/J3/J4, R-6: scheduling (latest API); the windows are run by
    // `windows.rs`.
    let sched = typed.scheduling_config.as_ref();
    // The validator's one reading of scheduling times (V-21), so `--profile
    // model` cannot start a job at a time the documented profile refuses.
    let time = |t: Option<&String>| t.and_then(|s| parse_scheduling(s).ok());
    let start_at = time(sched.and_then(|s| s.start_time.as_ref()))
        .filter(|&s| s > created_at_ms && s <= MAX_TIME_MS);
    let end_at = time(sched.and_then(|s| s.end_time.as_ref())).filter(|&e| e <= MAX_TIME_MS);
    let windows = super::windows::from_config(sched.and_then(|s| s.maintenance_windows.as_deref()))
        .map_err(super::windows::unreadable)?;
    Ok(Setup {
        windows,
        rollout: Rollout::from_config(typed.job_executions_rollout_config.as_ref()),
        abort: config::abort_from_config(typed.abort_config.as_ref()),
        timeout_minutes: config::timeout_from_config(typed.timeout_config.as_ref()),
        retry: Retry::from_config(typed.job_executions_retry_config.as_ref()),
        end_behavior: EndBehavior::from_config(sched.and_then(|s| s.end_behavior.as_ref())),
        job_id: typed.job_id.clone(),
        targets: typed.targets.clone(),
        arn_prefix,
        selection,
        echo,
        start_at,
        end_at,
    })
}

pub(super) mod sealed {
    use crate::types::CreateJobRequest;

    /// Seals [`super::CreateJobInput`]; its method, out of callers' reach,
    /// hands a typed request to the machine as it is (no JSON round trip).
    pub trait Sealed {
        /// The request, typed, when it is one.
        fn typed_request(&self) -> Option<&CreateJobRequest>;
    }
    impl Sealed for CreateJobRequest {
        fn typed_request(&self) -> Option<&CreateJobRequest> {
            Some(self)
        }
    }
    impl Sealed for serde_json::Value {
        fn typed_request(&self) -> Option<&CreateJobRequest> {
            None
        }
    }
}

/// What [`Job::create`](super::Job::create) takes: the typed
/// [`CreateJobRequest`](crate::types::CreateJobRequest), or the same request
/// as a [`serde_json::Value`] (the form the JSON-text surface and the
/// replay runner read). Sealed: no other type implements it.
///
/// ```
/// use iot_jobs_policy::machine::{CreateJobInput, Job};
/// use iot_jobs_policy::types::CreateJobRequest;
/// fn accepts<R: CreateJobInput>(_: &R) {}
/// accepts(&CreateJobRequest::default());
/// accepts(&serde_json::json!({"jobId": "j"}));
/// ```
pub trait CreateJobInput: sealed::Sealed {
    /// The request as JSON, for the validator and the machine.
    ///
    /// # Errors
    /// `InvalidRequestException` when a typed request cannot be serialised
    /// (as for [`crate::validate_request`]; serde_json never fails on this
    /// crate's types: a non-finite number becomes `null`, which the
    /// validator then judges).
    fn to_request_value(&self) -> Result<std::borrow::Cow<'_, Value>, MachineError>;
}

impl CreateJobInput for Value {
    fn to_request_value(&self) -> Result<std::borrow::Cow<'_, Value>, MachineError> {
        Ok(std::borrow::Cow::Borrowed(self))
    }
}

impl CreateJobInput for crate::types::CreateJobRequest {
    fn to_request_value(&self) -> Result<std::borrow::Cow<'_, Value>, MachineError> {
        serde_json::to_value(self)
            .map(std::borrow::Cow::Owned)
            .map_err(|e| {
                MachineError::without_rule(
                    ErrorCode::InvalidRequest,
                    format!("the request could not be serialised: {e}"),
                )
            })
    }
}

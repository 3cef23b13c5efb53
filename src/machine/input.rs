//! What [`Job::create`](super::Job::create) accepts: a typed request or its JSON.

use super::{err, ErrorCode, MachineError};
use serde_json::Value;

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::types::CreateJobRequest {}
    impl Sealed for serde_json::Value {}
}

/// What [`Job::create`] takes: the typed
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
                err(
                    ErrorCode::InvalidRequest,
                    "input",
                    format!("the request could not be serialised: {e}"),
                )
            })
    }
}

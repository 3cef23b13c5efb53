//! Operation names, API versions, profiles and options: the inputs that say
//! *how* a request is judged.

use std::fmt;
use std::str::FromStr;

/// One of the seven AWS IoT Jobs control-plane operations this crate knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Operation {
    /// `CreateJob` (`PUT /jobs/{jobId}`).
    CreateJob,
    /// `CreateJobTemplate` (`PUT /job-templates/{jobTemplateId}`).
    CreateJobTemplate,
    /// `DescribeJob` (`GET /jobs/{jobId}`).
    DescribeJob,
    /// `DescribeJobTemplate` (`GET /job-templates/{jobTemplateId}`).
    DescribeJobTemplate,
    /// `ListJobExecutionsForJob` (`GET /jobs/{jobId}/things`).
    ListJobExecutionsForJob,
    /// `ListJobExecutionsForThing` (`GET /things/{thingName}/jobs`).
    ListJobExecutionsForThing,
    /// `UpdateJob` (`PATCH /jobs/{jobId}`).
    UpdateJob,
}

impl Operation {
    /// Every operation, in the order used by listings.
    pub const ALL: [Operation; 7] = [
        Operation::CreateJob,
        Operation::CreateJobTemplate,
        Operation::DescribeJob,
        Operation::DescribeJobTemplate,
        Operation::ListJobExecutionsForJob,
        Operation::ListJobExecutionsForThing,
        Operation::UpdateJob,
    ];

    /// The AWS name of the operation, e.g. `CreateJob`.
    pub fn name(self) -> &'static str {
        match self {
            Operation::CreateJob => "CreateJob",
            Operation::CreateJobTemplate => "CreateJobTemplate",
            Operation::DescribeJob => "DescribeJob",
            Operation::DescribeJobTemplate => "DescribeJobTemplate",
            Operation::ListJobExecutionsForJob => "ListJobExecutionsForJob",
            Operation::ListJobExecutionsForThing => "ListJobExecutionsForThing",
            Operation::UpdateJob => "UpdateJob",
        }
    }

    /// The snake_case name of the operation, e.g. `create_job`.
    pub fn snake_name(self) -> &'static str {
        match self {
            Operation::CreateJob => "create_job",
            Operation::CreateJobTemplate => "create_job_template",
            Operation::DescribeJob => "describe_job",
            Operation::DescribeJobTemplate => "describe_job_template",
            Operation::ListJobExecutionsForJob => "list_job_executions_for_job",
            Operation::ListJobExecutionsForThing => "list_job_executions_for_thing",
            Operation::UpdateJob => "update_job",
        }
    }
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error returned when a string names no known operation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown operation `{given}`; expected one of CreateJob, CreateJobTemplate, DescribeJob, DescribeJobTemplate, ListJobExecutionsForJob, ListJobExecutionsForThing, UpdateJob (or their snake_case forms)")]
pub struct UnknownOperation {
    given: String,
}

impl UnknownOperation {
    /// The string that was given.
    pub fn given(&self) -> &str {
        &self.given
    }
}

impl FromStr for Operation {
    type Err = UnknownOperation;

    /// Accepts the AWS name (`CreateJob`) and the snake_case name (`create_job`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Operation::ALL
            .into_iter()
            .find(|op| op.name() == s || op.snake_name() == s)
            .ok_or_else(|| UnknownOperation {
                given: s.to_owned(),
            })
    }
}

/// Which AWS API model the request is judged against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum ApiVersion {
    /// The January 2022 model (botocore 1.23.32), the release that introduced
    /// `jobExecutionsRetryConfig`.
    V2022_01,
    /// The latest model (botocore 1.44.8): adds `schedulingConfig`, maintenance
    /// windows, `destinationPackageVersions`, `beforeSubstitution` and changed limits.
    #[default]
    Latest,
}

impl ApiVersion {
    /// The name used on the command line and in options: `2022-01` or `latest`.
    pub fn name(self) -> &'static str {
        match self {
            ApiVersion::V2022_01 => "2022-01",
            ApiVersion::Latest => "latest",
        }
    }
}

/// The error returned when a string names no known API version.
///
/// ```
/// use iot_jobs_policy::ApiVersion;
/// let e = "2023".parse::<ApiVersion>().unwrap_err();
/// assert_eq!(e.given(), "2023");
/// assert_eq!(e.to_string(), "unknown API version `2023`; expected `2022-01` or `latest`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown API version `{given}`; expected `2022-01` or `latest`")]
pub struct UnknownApiVersion {
    given: String,
}

impl UnknownApiVersion {
    /// The string that was given.
    pub fn given(&self) -> &str {
        &self.given
    }
}

impl FromStr for ApiVersion {
    type Err = UnknownApiVersion;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "2022-01" => Ok(ApiVersion::V2022_01),
            "latest" => Ok(ApiVersion::Latest),
            other => Err(UnknownApiVersion {
                given: other.to_owned(),
            }),
        }
    }
}

/// Which rules apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Profile {
    /// The service model plus the rules stated only in the AWS documentation.
    #[default]
    Documented,
    /// The service model alone (what the service's request framework checks).
    Model,
}

impl Profile {
    /// The name used on the command line and in options: `documented` or `model`.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Documented => "documented",
            Profile::Model => "model",
        }
    }
}

/// The error returned when a string names no known profile.
///
/// ```
/// use iot_jobs_policy::Profile;
/// let e = "strict".parse::<Profile>().unwrap_err();
/// assert_eq!(e.given(), "strict");
/// assert_eq!(e.to_string(), "unknown profile `strict`; expected `documented` or `model`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown profile `{given}`; expected `documented` or `model`")]
pub struct UnknownProfile {
    given: String,
}

impl UnknownProfile {
    /// The string that was given.
    pub fn given(&self) -> &str {
        &self.given
    }
}

impl FromStr for Profile {
    type Err = UnknownProfile;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "documented" => Ok(Profile::Documented),
            "model" => Ok(Profile::Model),
            other => Err(UnknownProfile {
                given: other.to_owned(),
            }),
        }
    }
}

/// How a request is judged: API version, profile and the current time.
///
/// `now_ms` is the caller's idea of "now" in milliseconds since the Unix epoch.
/// The crate never reads a clock: rules that depend on the current time (the
/// scheduling window of `schedulingConfig`) are skipped when it is `None`, and
/// the report says so with a `skippedRule` warning.
///
/// The struct may grow (it is `#[non_exhaustive]`): build it from
/// [`Options::default`] with the `with_*` methods, and read it through its
/// fields or the accessors.
///
/// ```
/// use iot_jobs_policy::{ApiVersion, Options, Profile};
/// let o = Options::default()
///     .with_api(ApiVersion::V2022_01)
///     .with_profile(Profile::Model)
///     .with_now_ms(Some(1_700_000_000_000));
/// assert_eq!((o.api(), o.profile(), o.now_ms()), (ApiVersion::V2022_01, Profile::Model, Some(1_700_000_000_000)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Options {
    /// The API model to judge against (default [`ApiVersion::Latest`]).
    pub api: ApiVersion,
    /// The rule set (default [`Profile::Documented`]).
    pub profile: Profile,
    /// The current time in epoch milliseconds, for time-dependent rules.
    pub now_ms: Option<i64>,
}

impl Options {
    /// These options with the API model `api`.
    #[must_use]
    pub fn with_api(mut self, api: ApiVersion) -> Options {
        self.api = api;
        self
    }
    /// These options with the rule set `profile`.
    #[must_use]
    pub fn with_profile(mut self, profile: Profile) -> Options {
        self.profile = profile;
        self
    }
    /// These options with "now" at `now_ms` (epoch milliseconds), or with no
    /// current time (`None`: time-dependent rules are skipped).
    #[must_use]
    pub fn with_now_ms(mut self, now_ms: Option<i64>) -> Options {
        self.now_ms = now_ms;
        self
    }
    /// The API model to judge against.
    pub fn api(&self) -> ApiVersion {
        self.api
    }
    /// The rule set.
    pub fn profile(&self) -> Profile {
        self.profile
    }
    /// The current time in epoch milliseconds, if given.
    pub fn now_ms(&self) -> Option<i64> {
        self.now_ms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_names_parse_both_ways() {
        for op in Operation::ALL {
            assert_eq!(op.name().parse::<Operation>(), Ok(op));
            assert_eq!(op.snake_name().parse::<Operation>(), Ok(op));
        }
        assert!("createJob".parse::<Operation>().is_err());
        assert!("".parse::<Operation>().is_err());
    }

    #[test]
    fn api_and_profile_parse() {
        assert_eq!("2022-01".parse::<ApiVersion>(), Ok(ApiVersion::V2022_01));
        assert_eq!("latest".parse::<ApiVersion>(), Ok(ApiVersion::Latest));
        assert_eq!("2023".parse::<ApiVersion>().unwrap_err().given(), "2023");
        assert_eq!("model".parse::<Profile>(), Ok(Profile::Model));
        assert_eq!("strict".parse::<Profile>().unwrap_err().given(), "strict");
    }
}

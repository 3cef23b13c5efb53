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

impl FromStr for ApiVersion {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "2022-01" => Ok(ApiVersion::V2022_01),
            "latest" => Ok(ApiVersion::Latest),
            other => Err(format!(
                "unknown API version `{other}`; expected `2022-01` or `latest`"
            )),
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

impl FromStr for Profile {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "documented" => Ok(Profile::Documented),
            "model" => Ok(Profile::Model),
            other => Err(format!(
                "unknown profile `{other}`; expected `documented` or `model`"
            )),
        }
    }
}

/// How a request is judged: API version, profile and the current time.
///
/// `now_ms` is the caller's idea of "now" in milliseconds since the Unix epoch.
/// The crate never reads a clock: rules that depend on the current time (the
/// scheduling window of `schedulingConfig`) are skipped when it is `None`, and
/// the report says so with a `skippedRule` warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// The API model to judge against (default [`ApiVersion::Latest`]).
    pub api: ApiVersion,
    /// The rule set (default [`Profile::Documented`]).
    pub profile: Profile,
    /// The current time in epoch milliseconds, for time-dependent rules.
    pub now_ms: Option<i64>,
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
        assert!("2023".parse::<ApiVersion>().is_err());
        assert_eq!("model".parse::<Profile>(), Ok(Profile::Model));
        assert!("strict".parse::<Profile>().is_err());
    }
}

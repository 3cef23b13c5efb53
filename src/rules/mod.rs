//! The catalogue of rules: the validator's rules (each with its id, code,
//! severity, provenance and, for documented rules, the AWS page it comes
//! from), and the reference catalogue of the AWS IoT Jobs behaviour that the
//! machine's effects and the validator's rules cite by id (`J1`, `E12`,
//! `R-9`, `V-21`, `Q-4`, `C-5`; see [`catalogue`]).

mod catalogue;
mod links;
pub(crate) mod tables;

pub use catalogue::{
    catalogue, catalogue_entry, machine_rules, reference_rules, Entry, Kind, Provenance, Reference,
};

use crate::validate::report::{Code, Severity, Source};
use links::*;
use serde::{Serialize, Serializer};

/// One rule the validator applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Rule {
    /// Stable id, e.g. `model.maxLength` or `retry-total`.
    pub id: &'static str,
    /// The code its violations carry.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// Model or documented.
    pub source: Source,
    /// What the rule says, in one sentence.
    pub summary: &'static str,
    /// The AWS page the rule comes from.
    pub link: &'static str,
    /// The ids of the [`Reference`] entries the rule applies (`["V-10"]`,
    /// `["V-5", "V-25"]`), empty when it applies none: each is an id of
    /// [`reference_rules`]. In JSON, one string with the ids separated by
    /// `, ` (`"V-5, V-25"`), or `null` when there are none.
    #[serde(serialize_with = "joined_or_null")]
    pub reference: &'static [&'static str],
}

/// `null` for no ids, else one string with the ids separated by `, `.
fn joined_or_null<S: Serializer>(ids: &&'static [&'static str], s: S) -> Result<S::Ok, S::Error> {
    if ids.is_empty() {
        s.serialize_none()
    } else {
        s.serialize_some(&ids.join(", "))
    }
}

macro_rules! rules {
    ($($name:ident = $id:literal, $code:ident, $sev:ident, $src:ident, $link:expr, $reference:expr, $summary:literal;)*) => {
        $(
            #[doc = $summary]
            pub(crate) const $name: Rule = Rule {
                id: $id,
                code: Code::$code,
                severity: Severity::$sev,
                source: Source::$src,
                summary: $summary,
                link: $link,
                reference: &$reference,
            };
        )*
        /// Every rule, in the documented order.
        pub(crate) static RULES: &[Rule] = &[$($name),*];
    };
}

rules! {
    TOO_LARGE = "input.tooLarge", TooLarge, Error, Model, RFC8259, [],
        "a request larger than 1 MiB is refused before it is parsed";
    TOO_DEEP = "input.tooDeep", TooDeep, Error, Model, RFC8259, [],
        "arrays and objects nested more than 64 deep are refused";
    INVALID_UTF8 = "input.invalidUtf8", InvalidUtf8, Error, Model, RFC8259, [],
        "the request text must be UTF-8";
    INVALID_JSON = "input.invalidJson", InvalidJson, Error, Model, RFC8259, [],
        "the request text must be JSON (RFC 8259)";
    NON_FINITE = "input.nonFiniteNumber", NonFiniteNumber, Error, Model, RFC8259, [],
        "NaN, Infinity and numbers beyond a double are not JSON numbers";
    NUMBER_TOO_LARGE = "input.numberTooLarge", NumberTooLarge, Error, Model, API, [],
        "an integer member must fit its model type (integer: 32 bits, long: 64 bits)";
    NOT_AN_OBJECT = "input.notAnObject", NotAnObject, Error, Model, API, [],
        "a request is a JSON object";
    DUPLICATE_KEY = "input.duplicateKey", DuplicateKey, Error, Model, RFC8259, [],
        "a key may appear only once in an object (RFC 8259 says names SHOULD be unique; which one AWS keeps is undefined)";
    TOO_MANY_VIOLATIONS = "report.tooManyViolations", TooManyViolations, Error, Model, API, ["V-2"],
        "a report lists the first 1000 violations in its stable order, then one entry with the total; a request with more is not valid (our bound: AWS documents none). Its awsMessage counts every framework error but quotes at most the first 10 (our bound: AWS documents none)";
    REQUIRED = "model.required", Required, Error, Model, API, ["V-1"],
        "members the model marks required must be present and not null";
    TYPE = "model.type", Type, Error, Model, API, ["V-1"],
        "every member has the JSON type of its model shape";
    UNKNOWN_FIELD = "model.unknownField", UnknownField, Error, Model, API, ["V-1"],
        "only members of the operation's input shape in the chosen API version are allowed";
    MIN_LENGTH = "model.minLength", MinLength, Error, Model, API, ["V-1"],
        "strings are at least the model's minimum length, in code points";
    MAX_LENGTH = "model.maxLength", MaxLength, Error, Model, API, ["V-1"],
        "strings are at most the model's maximum length, in code points";
    PATTERN = "model.pattern", Pattern, Error, Model, API, ["V-3"],
        "strings match the model's pattern as a whole";
    MINIMUM = "model.minimum", Minimum, Error, Model, API, ["V-1"],
        "numbers are at least the model's minimum";
    MAXIMUM = "model.maximum", Maximum, Error, Model, API, ["V-1"],
        "numbers are at most the model's maximum";
    ENUM = "model.enum", Enum, Error, Model, API, ["V-1"],
        "enum members take one of the model's values, case-sensitively";
    MIN_ITEMS = "model.minItems", MinItems, Error, Model, API, ["V-1"],
        "lists and maps have at least the model's minimum number of entries";
    MAX_ITEMS = "model.maxItems", MaxItems, Error, Model, API, ["V-1"],
        "lists and maps have at most the model's maximum number of entries";
    INCREMENT_FACTOR_PRECISION = "incrementFactor-precision", DecimalPlaces, Error, Documented, A_EXP_RATE, ["V-10"],
        "incrementFactor has at most one digit after the decimal point";
    THRESHOLD_PRECISION = "thresholdPercentage-precision", DecimalPlaces, Error, Documented, A_ABORT_CRIT, ["V-15"],
        "thresholdPercentage has at most two digits after the decimal point";
    THRESHOLD_LOWER_BOUND = "thresholdPercentage-lower-bound", ExclusiveMinimum, Error, Documented, A_ABORT_CRIT, ["V-15"],
        "thresholdPercentage is greater than 0 (assumed: the model has no lower bound and only a positive share is meaningful)";
    MAXIMUM_PER_MINUTE_MAX = "maximumPerMinute-max", Maximum, Error, Documented, A_ROLLOUT, ["V-11"],
        "maximumPerMinute is at most 1000";
    IN_PROGRESS_TIMEOUT_MIN = "inProgressTimeout-min", Minimum, Error, Documented, A_TIMEOUT, ["V-17"],
        "inProgressTimeoutInMinutes is at least 1";
    IN_PROGRESS_TIMEOUT_MAX = "inProgressTimeout-max", Maximum, Error, Documented, A_TIMEOUT, ["V-17"],
        "inProgressTimeoutInMinutes is at most 10080 (7 days)";
    RETRY_TOTAL = "retry-total", RetryBudget, Error, Documented, D_CONFIG, ["V-18"],
        "a device gets at most 10 retries in total across all failure types";
    RETRY_DUPLICATES = "retry-duplicates", Duplicate, Error, Documented, A_RETRY, ["V-18"],
        "retry criteria name each failure type once, and ALL is not combined with another type (unconfirmed; chosen as the only reading without overlapping budgets)";
    RATE_CRITERIA_NONEMPTY = "rateIncreaseCriteria-nonempty", MissingOneOf, Error, Documented, A_RATE_CRIT, ["V-13"],
        "rateIncreaseCriteria sets numberOfNotifiedThings or numberOfSucceededThings";
    DOCUMENT_SOURCE_REQUIRED = "document-source-required", MissingOneOf, Error, Documented, A_CREATE_JOB, ["V-5", "V-25"],
        "a job needs document or documentSource unless it comes from a template; a job template needs document, documentSource or jobArn";
    DOCUMENT_EXCLUSIVE = "document-exclusive", MutuallyExclusive, Error, Documented, A_CREATE_JOB, ["V-5", "V-25"],
        "document and documentSource are not given together, and a job template has exactly one source (unconfirmed; the documentation describes them as alternatives)";
    DOCUMENT_JSON = "document-size-json", NotJson, Error, Documented, D_MGMT, ["V-6"],
        "an inline job document is UTF-8 JSON";
    DOCUMENT_PARAMETERS_MANAGED = "documentParameters-managed-only", ManagedTemplateOnly, Error, Documented, A_CREATE_JOB, ["V-9"],
        "documentParameters are used only with an AWS managed job template (arn:<partition>:iot:<region>::jobtemplate/AWS-…)";
    PACKAGE_VERSIONS_MAX = "packageVersions-max", MaxItems, Error, Documented, A_CREATE_JOB, ["V-23"],
        "destinationPackageVersions holds at most 25 ARNs";
    UPDATE_RETRY_ZERO = "updateJob-retry-zero", RetryNotZero, Error, Documented, D_CONFIG_API, ["V-31"],
        "after creation, UpdateJob may set retry counts only to 0";
    SCHEDULING_FORMAT = "scheduling-format", TimestampFormat, Error, Documented, A_SCHEDULING, ["V-21"],
        "startTime and endTime are exactly YYYY-MM-DDTHH:MM, optionally followed by :SS, then .sss, and a zone Z or ±HH:MM (UTC when none is given); a space for T is an error";
    SCHEDULING_WINDOW = "scheduling-window", ScheduleWindow, Error, Documented, A_SCHEDULING, ["V-21"],
        "startTime is 30 minutes to 1 year ahead, endTime 30 minutes to 2 years ahead, and endTime - startTime between 30 minutes and 2 years";
    MAINTENANCE_WINDOW_CRON = "maintenanceWindow-cron", Cron, Error, Documented, EB_CRON, ["V-22"],
        "a maintenance window's startTime is a cron expression of the AWS dialect, cron(Minutes Hours Day-of-month Month Day-of-week Year) in UTC: the documented values (0-59, 0-23, 1-31, 1-12 or JAN-DEC, 1-7 or SUN-SAT, 1970-2199) and wildcards (, - * / ? L W #, each where the cron reference allows it), Day-of-month or Day-of-week `?`, and at least one start from 1970 to 2199 (the dialect is the AWS cron reference's; IoT's own wording of the error is unconfirmed)";
    SCHEDULING_SKIPPED = "scheduling-window-skipped", SkippedRule, Warning, Documented, A_SCHEDULING, ["V-21"],
        "the scheduling window depends on the current time and is skipped when none is given";
    END_BEHAVIOR_NEEDS_END_TIME = "endBehavior-needs-endTime", NoEffect, Warning, Documented, A_SCHEDULING, ["V-21"],
        "endBehavior has no effect without endTime";
    TARGETS_ARN = "targets-arn", Pattern, Error, Documented, D_MGMT, ["V-7"],
        "each target is a thing or thing-group ARN: arn:<aws|aws-cn|aws-us-gov>:iot:<region>:<12-digit account>:thing/<name> or …:thinggroup/<name> (a bare thing name is refused)";
    DOCUMENT_SOURCE_URL = "documentSource-url", Pattern, Error, Documented, D_MGMT, ["V-6"],
        "documentSource is a URL, <scheme>://<host>… (a URL that is not an S3 object URL is only a warning, documentSource-not-s3)";
    TARGETS_MAX = "targets-max", MaxItems, Warning, Documented, A_ASSOCIATE, ["V-7"],
        "a job has at most 100 targets (stated for AssociateTargetsWithJob; unconfirmed for CreateJob, so a warning)";
    RETRY_TIMED_OUT_WITHOUT_TIMEOUT = "retry-timeout-without-timeoutConfig", NoEffect, Warning, Documented, D_CONFIG, ["V-19"],
        "an explicit TIMED_OUT retry criterion without timeoutConfig only fires on step timeouts (ALL also retries failures, so it is not warned about; on a job template, jobs created from it can still set timeoutConfig)";
    PRESIGNED_WITHOUT_CONFIG = "presigned-placeholder-without-config", Suspicious, Warning, Documented, D_PRESIGNED, ["V-29"],
        "${aws:iot:s3-presigned-url:…} placeholders need presignedUrlConfig";
    DOCUMENT_SOURCE_NOT_S3 = "documentSource-not-s3", Suspicious, Warning, Documented, D_MGMT, ["V-6"],
        "documentSource is an S3 object URL";
    ABORT_UNREACHABLE = "abort-min-unreachable", Suspicious, Warning, Documented, A_ABORT_CRIT, ["V-16"],
        "an abort criterion whose minNumberOfExecutedThings exceeds the number of thing targets of a snapshot job never fires";
    ABORT_DUPLICATES = "abort-duplicates", Duplicate, Warning, Documented, A_ABORT_CRIT, ["V-16"],
        "abort criteria that repeat a failure type: only the first that matches acts";
    PRESIGNED_ROLE_MISSING = "presignedUrlConfig-roleArn", Suspicious, Warning, Documented, A_PRESIGNED, ["V-20"],
        "presignedUrlConfig without roleArn cannot sign URLs (CloudFormation requires it)";
    RATE_CEILING = "rollout-ceiling-below-base", Suspicious, Warning, Documented, A_ROLLOUT, ["V-14"],
        "maximumPerMinute below baseRatePerMinute caps the exponential rollout from the start";
    DOCUMENT_SCHEMA = "document-schema", DocumentSchema, Error, User, "https://json-schema.org/specification", [],
        "with a job-document schema given, the inline document satisfies it (checked by the `document-schema` feature)";
    MANAGED_PARAMETER_REQUIRED = "managedTemplate-parameter-required", Required, Error, Documented, D_MANAGED, ["V-28"],
        "a job from an AWS managed template gives every parameter the template requires in documentParameters (e.g. AWS-Download-File:1.0: downloadUrl and filePath; the templates and versions covered are dated data, retrieved 2026-11-30)";
    MANAGED_PARAMETER_UNKNOWN = "managedTemplate-parameter-unknown", UnknownField, Error, Documented, D_MANAGED, ["V-28"],
        "documentParameters of a job from an AWS managed template hold only the template's parameters (its own, and runAsUser and pathToHandler, which every template takes)";
    MANAGED_PARAMETER_PATTERN = "managedTemplate-parameter-pattern", Pattern, Error, Documented, D_MANAGED_CLI, ["V-28"],
        "a managed template's parameter value matches the regex AWS documents for it as a whole ((.){0,256} for runAsUser, (.){0,4096} for pathToHandler, (.*?) for AWS-Download-File's downloadUrl and filePath: no line terminator, at most so many characters)";
    MANAGED_TEMPLATE_NOT_COVERED = "managedTemplate-not-covered", SkippedRule, Warning, Documented, D_MANAGED, ["V-28"],
        "an AWS managed template or version this version has no data for (AWS's list grows) is not checked, and a warning names the ones covered";
}

/// Every rule this crate applies, in a stable order.
///
/// ```
/// let rules = iot_jobs_policy::rules();
/// assert!(rules.iter().any(|r| r.id == "retry-total"));
/// ```
pub fn rules() -> &'static [Rule] {
    RULES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_every_code_has_a_rule() {
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate rule id");
        for code in Code::ALL {
            assert!(RULES.iter().any(|r| r.code == code), "no rule for {code}");
        }
    }
}

//! The pages the catalogue cites: AWS developer guide (`D_*`), AWS API
//! reference (`A_*`) and the few outside sources.

/// Declares each link as a constant (for the validator's rules in `mod.rs`)
/// and lists it under its constant's name in `BY_NAME` (for the data
/// files), so each URL is written once.
macro_rules! links {
    ($($(#[$doc:meta])* $name:ident = $url:literal;)*) => {
        $(
            $(#[$doc])*
            pub(crate) const $name: &str = $url;
        )*
        /// Every link under the name of its constant, as `machine.tsv` and
        /// `documented.tsv` cite them.
        static BY_NAME: &[(&str, &str)] = &[$((stringify!($name), $name)),*];
    };
}

/// The link named `name` (the name of its constant, e.g. `D_LIFECYCLE`).
pub(super) fn by_name(name: &str) -> Option<&'static str> {
    BY_NAME
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, url)| *url)
}

links! {
    /// The AWS IoT API reference: the service model's operations and shapes.
    API = "https://docs.aws.amazon.com/iot/latest/apireference/API_Operations_AWS_IoT.html";
    /// RFC 8259, the JSON format.
    RFC8259 = "https://www.rfc-editor.org/rfc/rfc8259";

    /// How job configurations work (rollout, abort, timeout, retry).
    D_CONFIG = "https://docs.aws.amazon.com/iot/latest/developerguide/jobs-configurations-details.html";
    /// Jobs and job execution states.
    D_LIFECYCLE = "https://docs.aws.amazon.com/iot/latest/developerguide/iot-jobs-lifecycle.html";
    /// Job limits.
    D_LIMITS = "https://docs.aws.amazon.com/iot/latest/developerguide/job-limits.html";
    /// Job limits, the China-region copy (the current text of the scheduled-start rule).
    D_LIMITS_CN = "https://docs.amazonaws.cn/en_us/iot/latest/developerguide/job-limits.html";
    /// Create and manage jobs by using the AWS CLI.
    D_CLI = "https://docs.aws.amazon.com/iot/latest/developerguide/manage-job-cli.html";
    /// Specify job configurations by using the AWS IoT Jobs API.
    D_CONFIG_API = "https://docs.aws.amazon.com/iot/latest/developerguide/job-configurations-api.html";
    /// Job management and control API.
    D_MGMT = "https://docs.aws.amazon.com/iot/latest/developerguide/jobs-management-control-api.html";
    /// Managing jobs (presigned URLs).
    D_PRESIGNED = "https://docs.aws.amazon.com/iot/latest/developerguide/create-manage-jobs.html";
    /// Jobs key concepts.
    D_CONCEPTS = "https://docs.aws.amazon.com/iot/latest/developerguide/key-concepts-jobs.html";
    /// AWS managed templates.
    D_MANAGED = "https://docs.aws.amazon.com/iot/latest/developerguide/job-templates-managed.html";
    /// Create a job from AWS managed templates (CLI).
    D_MANAGED_CLI = "https://docs.aws.amazon.com/iot/latest/developerguide/job-template-manage-cli-create.html";
    /// Create custom job templates (CLI).
    D_TEMPLATES_CLI = "https://docs.aws.amazon.com/iot/latest/developerguide/job-templates-cli.html";
    /// Job configurations in the console.
    D_CONSOLE = "https://docs.aws.amazon.com/iot/latest/developerguide/job-configurations-console.html";

    /// API reference: CreateJob.
    A_CREATE_JOB = "https://docs.aws.amazon.com/iot/latest/apireference/API_CreateJob.html";
    /// API reference: CreateJobTemplate.
    A_CREATE_TEMPLATE = "https://docs.aws.amazon.com/iot/latest/apireference/API_CreateJobTemplate.html";
    /// API reference: UpdateJob.
    A_UPDATE_JOB = "https://docs.aws.amazon.com/iot/latest/apireference/API_UpdateJob.html";
    /// API reference: DescribeJob.
    A_DESCRIBE_JOB = "https://docs.aws.amazon.com/iot/latest/apireference/API_DescribeJob.html";
    /// API reference: CancelJob.
    A_CANCEL_JOB = "https://docs.aws.amazon.com/iot/latest/apireference/API_CancelJob.html";
    /// API reference: CancelJobExecution.
    A_CANCEL_EXECUTION = "https://docs.aws.amazon.com/iot/latest/apireference/API_CancelJobExecution.html";
    /// API reference: DeleteJob.
    A_DELETE_JOB = "https://docs.aws.amazon.com/iot/latest/apireference/API_DeleteJob.html";
    /// API reference: DeleteJobExecution.
    A_DELETE_EXECUTION = "https://docs.aws.amazon.com/iot/latest/apireference/API_DeleteJobExecution.html";
    /// API reference: AssociateTargetsWithJob.
    A_ASSOCIATE = "https://docs.aws.amazon.com/iot/latest/apireference/API_AssociateTargetsWithJob.html";
    /// API reference: ListJobExecutionsForJob.
    A_LIST_FOR_JOB = "https://docs.aws.amazon.com/iot/latest/apireference/API_ListJobExecutionsForJob.html";
    /// API reference: ListJobExecutionsForThing.
    A_LIST_FOR_THING = "https://docs.aws.amazon.com/iot/latest/apireference/API_ListJobExecutionsForThing.html";
    /// API reference: DescribeManagedJobTemplate.
    A_DESCRIBE_MANAGED = "https://docs.aws.amazon.com/iot/latest/apireference/API_DescribeManagedJobTemplate.html";
    /// API reference: ExponentialRolloutRate.
    A_EXP_RATE = "https://docs.aws.amazon.com/iot/latest/apireference/API_ExponentialRolloutRate.html";
    /// API reference: RateIncreaseCriteria.
    A_RATE_CRIT = "https://docs.aws.amazon.com/iot/latest/apireference/API_RateIncreaseCriteria.html";
    /// API reference: JobExecutionsRolloutConfig.
    A_ROLLOUT = "https://docs.aws.amazon.com/iot/latest/apireference/API_JobExecutionsRolloutConfig.html";
    /// API reference: AbortConfig.
    A_ABORT_CONFIG = "https://docs.aws.amazon.com/iot/latest/apireference/API_AbortConfig.html";
    /// API reference: AbortCriteria.
    A_ABORT_CRIT = "https://docs.aws.amazon.com/iot/latest/apireference/API_AbortCriteria.html";
    /// API reference: TimeoutConfig.
    A_TIMEOUT = "https://docs.aws.amazon.com/iot/latest/apireference/API_TimeoutConfig.html";
    /// API reference: JobExecutionsRetryConfig.
    A_RETRY = "https://docs.aws.amazon.com/iot/latest/apireference/API_JobExecutionsRetryConfig.html";
    /// API reference: RetryCriteria.
    A_RETRY_CRIT = "https://docs.aws.amazon.com/iot/latest/apireference/API_RetryCriteria.html";
    /// API reference: PresignedUrlConfig.
    A_PRESIGNED = "https://docs.aws.amazon.com/iot/latest/apireference/API_PresignedUrlConfig.html";
    /// API reference: SchedulingConfig.
    A_SCHEDULING = "https://docs.aws.amazon.com/iot/latest/apireference/API_SchedulingConfig.html";
    /// API reference: MaintenanceWindow.
    A_WINDOW = "https://docs.aws.amazon.com/iot/latest/apireference/API_MaintenanceWindow.html";
    /// API reference: JobProcessDetails.
    A_PROCESS_DETAILS = "https://docs.aws.amazon.com/iot/latest/apireference/API_JobProcessDetails.html";
    /// API reference: JobExecutionSummary.
    A_EXECUTION_SUMMARY = "https://docs.aws.amazon.com/iot/latest/apireference/API_JobExecutionSummary.html";
    /// API reference: JobExecution.
    A_EXECUTION = "https://docs.aws.amazon.com/iot/latest/apireference/API_JobExecution.html";
    /// API reference (device side, jobs-data): UpdateJobExecution.
    A_DEVICE_UPDATE = "https://docs.aws.amazon.com/iot/latest/apireference/API_iot-jobs-data_UpdateJobExecution.html";

    /// The AWS cron reference (EventBridge): the dialect of `cron(…)` expressions.
    EB_CRON = "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cron-expressions.html";

    /// CloudFormation's `AWS::IoT::JobTemplate` resource schema.
    CFN_SCHEMA = "https://github.com/aws-cloudformation/aws-cloudformation-resource-providers-iot/blob/cae419101f9cbbb7afe3b8f420d01e6f907eac53/aws-iot-jobtemplate/aws-iot-jobtemplate.json";
    /// CloudFormation's `TimeoutConfig` property page (minimum 1, maximum 10080).
    CFN_TIMEOUT = "https://docs.aws.amazon.com/zh_tw/AWSCloudFormation/latest/UserGuide/aws-properties-iot-jobtemplate-timeoutconfig.html";
    /// The AWS SDK for Android reference of `JobExecutionsRolloutConfig` (Range 1 - 1000).
    ANDROID_ROLLOUT = "https://aws-amplify.github.io/aws-sdk-android/docs/reference/com/amazonaws/services/iot/model/JobExecutionsRolloutConfig.html";
    /// moto, whose emulation of the AWS validation message format is the evidence
    /// for the message grammar and whole-value patterns.
    MOTO = "https://github.com/getmoto/moto";
}

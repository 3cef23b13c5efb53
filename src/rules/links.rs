//! The pages the catalogue cites: AWS developer guide (`D_*`), AWS API
//! reference (`A_*`) and the few outside sources.

/// The AWS IoT API reference: the service model's operations and shapes.
pub(crate) const API: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_Operations_AWS_IoT.html";
/// RFC 8259, the JSON format.
pub(crate) const RFC8259: &str = "https://www.rfc-editor.org/rfc/rfc8259";

/// How job configurations work (rollout, abort, timeout, retry).
pub(crate) const D_CONFIG: &str =
    "https://docs.aws.amazon.com/iot/latest/developerguide/jobs-configurations-details.html";
/// Jobs and job execution states.
pub(crate) const D_LIFECYCLE: &str =
    "https://docs.aws.amazon.com/iot/latest/developerguide/iot-jobs-lifecycle.html";
/// Job limits.
pub(crate) const D_LIMITS: &str =
    "https://docs.aws.amazon.com/iot/latest/developerguide/job-limits.html";
/// Job limits, the China-region copy (the current text of the scheduled-start rule).
pub(crate) const D_LIMITS_CN: &str =
    "https://docs.amazonaws.cn/en_us/iot/latest/developerguide/job-limits.html";
/// Create and manage jobs by using the AWS CLI.
pub(crate) const D_CLI: &str =
    "https://docs.aws.amazon.com/iot/latest/developerguide/manage-job-cli.html";
/// Specify job configurations by using the AWS IoT Jobs API.
pub(crate) const D_CONFIG_API: &str =
    "https://docs.aws.amazon.com/iot/latest/developerguide/job-configurations-api.html";
/// Job management and control API.
pub(crate) const D_MGMT: &str =
    "https://docs.aws.amazon.com/iot/latest/developerguide/jobs-management-control-api.html";
/// Managing jobs (presigned URLs).
pub(crate) const D_PRESIGNED: &str =
    "https://docs.aws.amazon.com/iot/latest/developerguide/create-manage-jobs.html";
/// Jobs key concepts.
pub(crate) const D_CONCEPTS: &str =
    "https://docs.aws.amazon.com/iot/latest/developerguide/key-concepts-jobs.html";
/// AWS managed templates.
pub(crate) const D_MANAGED: &str =
    "https://docs.aws.amazon.com/iot/latest/developerguide/job-templates-managed.html";
/// Create a job from AWS managed templates (CLI).
pub(crate) const D_MANAGED_CLI: &str =
    "https://docs.aws.amazon.com/iot/latest/developerguide/job-template-manage-cli-create.html";
/// Create custom job templates (CLI).
pub(crate) const D_TEMPLATES_CLI: &str =
    "https://docs.aws.amazon.com/iot/latest/developerguide/job-templates-cli.html";
/// Job configurations in the console.
pub(crate) const D_CONSOLE: &str =
    "https://docs.aws.amazon.com/iot/latest/developerguide/job-configurations-console.html";

/// API reference: CreateJob.
pub(crate) const A_CREATE_JOB: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_CreateJob.html";
/// API reference: CreateJobTemplate.
pub(crate) const A_CREATE_TEMPLATE: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_CreateJobTemplate.html";
/// API reference: UpdateJob.
pub(crate) const A_UPDATE_JOB: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_UpdateJob.html";
/// API reference: DescribeJob.
pub(crate) const A_DESCRIBE_JOB: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_DescribeJob.html";
/// API reference: CancelJob.
pub(crate) const A_CANCEL_JOB: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_CancelJob.html";
/// API reference: CancelJobExecution.
pub(crate) const A_CANCEL_EXECUTION: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_CancelJobExecution.html";
/// API reference: DeleteJob.
pub(crate) const A_DELETE_JOB: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_DeleteJob.html";
/// API reference: DeleteJobExecution.
pub(crate) const A_DELETE_EXECUTION: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_DeleteJobExecution.html";
/// API reference: AssociateTargetsWithJob.
pub(crate) const A_ASSOCIATE: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_AssociateTargetsWithJob.html";
/// API reference: ListJobExecutionsForJob.
pub(crate) const A_LIST_FOR_JOB: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_ListJobExecutionsForJob.html";
/// API reference: ListJobExecutionsForThing.
pub(crate) const A_LIST_FOR_THING: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_ListJobExecutionsForThing.html";
/// API reference: DescribeManagedJobTemplate.
pub(crate) const A_DESCRIBE_MANAGED: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_DescribeManagedJobTemplate.html";
/// API reference: ExponentialRolloutRate.
pub(crate) const A_EXP_RATE: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_ExponentialRolloutRate.html";
/// API reference: RateIncreaseCriteria.
pub(crate) const A_RATE_CRIT: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_RateIncreaseCriteria.html";
/// API reference: JobExecutionsRolloutConfig.
pub(crate) const A_ROLLOUT: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_JobExecutionsRolloutConfig.html";
/// API reference: AbortConfig.
pub(crate) const A_ABORT_CONFIG: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_AbortConfig.html";
/// API reference: AbortCriteria.
pub(crate) const A_ABORT_CRIT: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_AbortCriteria.html";
/// API reference: TimeoutConfig.
pub(crate) const A_TIMEOUT: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_TimeoutConfig.html";
/// API reference: JobExecutionsRetryConfig.
pub(crate) const A_RETRY: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_JobExecutionsRetryConfig.html";
/// API reference: RetryCriteria.
pub(crate) const A_RETRY_CRIT: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_RetryCriteria.html";
/// API reference: PresignedUrlConfig.
pub(crate) const A_PRESIGNED: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_PresignedUrlConfig.html";
/// API reference: SchedulingConfig.
pub(crate) const A_SCHEDULING: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_SchedulingConfig.html";
/// API reference: MaintenanceWindow.
pub(crate) const A_WINDOW: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_MaintenanceWindow.html";
/// API reference: JobProcessDetails.
pub(crate) const A_PROCESS_DETAILS: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_JobProcessDetails.html";
/// API reference: JobExecutionSummary.
pub(crate) const A_EXECUTION_SUMMARY: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_JobExecutionSummary.html";
/// API reference: JobExecution.
pub(crate) const A_EXECUTION: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_JobExecution.html";
/// API reference (device side, jobs-data): UpdateJobExecution.
pub(crate) const A_DEVICE_UPDATE: &str =
    "https://docs.aws.amazon.com/iot/latest/apireference/API_iot-jobs-data_UpdateJobExecution.html";

/// CloudFormation's `AWS::IoT::JobTemplate` resource schema.
pub(crate) const CFN_SCHEMA: &str = "https://github.com/aws-cloudformation/aws-cloudformation-resource-providers-iot/blob/cae419101f9cbbb7afe3b8f420d01e6f907eac53/aws-iot-jobtemplate/aws-iot-jobtemplate.json";
/// CloudFormation's `TimeoutConfig` property page (minimum 1, maximum 10080).
pub(crate) const CFN_TIMEOUT: &str = "https://docs.aws.amazon.com/zh_tw/AWSCloudFormation/latest/UserGuide/aws-properties-iot-jobtemplate-timeoutconfig.html";
/// The AWS SDK for Android reference of `JobExecutionsRolloutConfig` (Range 1 - 1000).
pub(crate) const ANDROID_ROLLOUT: &str = "https://aws-amplify.github.io/aws-sdk-android/docs/reference/com/amazonaws/services/iot/model/JobExecutionsRolloutConfig.html";
/// moto, whose emulation of the AWS validation message format is the evidence
/// for the message grammar and whole-value patterns.
pub(crate) const MOTO: &str = "https://github.com/getmoto/moto";

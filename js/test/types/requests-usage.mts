// Type-checked by `tsc --noEmit -p test/types/tsconfig.requests.json` (must
// pass): typed requests and outputs as an ES-module user writes them.
import fs from 'node:fs';
import {
  validate, isValid,
  type Operation, type Report, type ApiVersion,
  type CreateJobRequest, type CreateJobRequest2022, type UpdateJobRequest, type JobExecutionsRetryConfig,
  type RequestOf, type Requests, type Requests2022, type OutputOf, type Outputs, type DescribeJobOutput,
} from 'iot-jobs-policy';

// A typed request: every member checked as it is written.
const createJob: CreateJobRequest = {
  jobId: 'firmware-2026-11-rollout',
  targets: ['arn:aws:iot:eu-west-1:123456789012:thinggroup/greenhouse-sensors'],
  document: '{"operation":"install"}',
  targetSelection: 'SNAPSHOT',
  jobExecutionsRolloutConfig: { exponentialRate: { baseRatePerMinute: 50, incrementFactor: 1.5, rateIncreaseCriteria: { numberOfSucceededThings: 100 } } },
  abortConfig: { criteriaList: [{ failureType: 'FAILED', action: 'CANCEL', thresholdPercentage: 10, minNumberOfExecutedThings: 20 }] },
  timeoutConfig: { inProgressTimeoutInMinutes: 30 },
  jobExecutionsRetryConfig: { criteriaList: [{ failureType: 'TIMED_OUT', numberOfRetries: 2 }] },
  schedulingConfig: { startTime: '2026-12-01T10:00', endBehavior: 'STOP_ROLLOUT', maintenanceWindows: [{ startTime: 'cron(0 2 ? * SUN *)', durationInMinutes: 120 }] },
  tags: [{ Key: 'team', Value: 'greenhouse' }],
  documentParameters: undefined,
};
const report: Report = validate('CreateJob', createJob, { now: Date.UTC(2026, 10, 30) });
const ok: boolean = isValid('create_job', createJob);

// Object literals inline, in both spellings and both API versions.
validate('DescribeJob', { jobId: 'firmware-2026-11-rollout', beforeSubstitution: true });
validate('update_job', { jobId: 'j', description: 'retries off', jobExecutionsRetryConfig: { criteriaList: [{ failureType: 'ALL', numberOfRetries: 0 }] } });
validate('ListJobExecutionsForThing', { thingName: 'sensor-1', status: 'IN_PROGRESS', maxResults: 10, jobId: 'j' });
validate('CreateJobTemplate', { jobTemplateId: 't', description: 'template', jobArn: 'arn:aws:iot:eu-west-1:123456789012:job/j' }, { api: '2022-01', profile: 'model' });
const old: CreateJobRequest2022 = { jobId: 'j', targets: ['arn:x'], document: '{}' };
validate('CreateJob', old, { api: '2022-01' });
validate('CreateJob', old); // a 2022 request is a latest request too (the latest API only added members)

// Required members may hold `undefined`, as in the SDK (validate reports `required`).
validate('DescribeJob', { jobId: undefined });

// Untyped data stays accepted: JSON text, `any`, `unknown`, index signatures.
validate('CreateJob', fs.readFileSync('examples/requests/create-job-valid.json', 'utf8'));
validate('CreateJob', JSON.parse('{"jobId":"j"}'));
const body: unknown = JSON.parse('{"jobId":"j"}');
validate('UpdateJob', body);
const record: Record<string, unknown> = { jobId: 'j', jobExecutionRetryConfig: {} };
isValid('UpdateJob', record);
const opaque: object = { jobId: 'j' };
validate('DescribeJob', opaque as unknown);

// An operation chosen at run time: the union of the request types.
const op: Operation = process.argv[2] === 'template' ? 'DescribeJobTemplate' : 'DescribeJob';
validate(op, { jobId: 'j' });
validate(op, body);

// options typed as a whole: both API versions' types.
const api: ApiVersion = process.env['API'] === '2022-01' ? '2022-01' : 'latest';
validate('CreateJob', createJob, { api });

// The type maps.
const viaMap: Requests['UpdateJob'] = { jobId: 'j' };
const viaOf: RequestOf<'update_job', '2022-01'> = viaMap;
const latestOnly: Requests2022['CreateJob'] extends RequestOf<'CreateJob'> ? true : false = true;
const update: UpdateJobRequest = viaOf;
const retry: JobExecutionsRetryConfig = { criteriaList: [{ failureType: 'FAILED', numberOfRetries: 3 }] };

// Outputs as the SDK answers them: timestamps are `Date`.
const described: DescribeJobOutput = { job: { jobId: 'j', status: 'IN_PROGRESS', createdAt: new Date(0), jobProcessDetails: { numberOfQueuedThings: 1 } } };
const created: Date | undefined = described.job?.createdAt;
const listed: OutputOf<'ListJobExecutionsForJob'> = { executionSummaries: [{ thingArn: 'arn:x', jobExecutionSummary: { status: 'QUEUED', queuedAt: new Date(0), executionNumber: 1 } }] };
const nothing: Outputs['UpdateJob'] = {};
console.log(report.valid, ok, latestOnly, update, retry, created, listed, nothing);

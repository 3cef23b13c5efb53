// Type-checked by `tsc --noEmit -p test/types/tsconfig.requests.json` (must
// pass): typed requests from CommonJS.
import policy = require('iot-jobs-policy');

const request: policy.CreateJobRequest = { jobId: 'j', targets: ['arn:x'], document: '{}', targetSelection: 'CONTINUOUS' };
const r: policy.Report = policy.validate('CreateJob', request);
const ok: boolean = policy.isValid('update_job', { jobId: 'j', abortConfig: { criteriaList: [{ failureType: 'ALL', action: 'CANCEL', thresholdPercentage: 50, minNumberOfExecutedThings: 10 }] } }, { api: '2022-01' });
const parsed: unknown = JSON.parse('{}');
policy.validate('DescribeJobTemplate', parsed);
const output: policy.OutputOf<'DescribeJob', '2022-01'> = { documentSource: 'https://example.com/job.json' };
console.log(r.valid, ok, output);

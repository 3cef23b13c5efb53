// Deliberate misuse of the request types: `tsc --noEmit -p test/types/tsconfig.requests-misuse.json`
// must FAIL with exactly the diagnostic written after `// error ` on each
// marked line, and nowhere else (test/request-types.test.mjs compares them).
import { validate, isValid, type CreateJobRequest, type RequestOf, type UpdateJobRequest2022 } from 'iot-jobs-policy';

const targets = ['arn:aws:iot:eu-west-1:123456789012:thinggroup/sensors'];
validate('CreateJob', { jobId: 'fw-1', targets, document: '{}', jobExecutionRetryConfig: { criteriaList: [] } }); // error TS2561: Object literal may only specify known properties, but 'jobExecutionRetryConfig' does not exist in type 'CreateJobRequest'. Did you mean to write 'jobExecutionsRetryConfig'?
validate('CreateJob', { jobId: 42, targets }); // error TS2322: Type 'number' is not assignable to type 'string'.
validate('CreateJob', { jobId: 'fw-1', targets, targetSelection: 'snapshot' }); // error TS2820: Type '"snapshot"' is not assignable to type '"CONTINUOUS" | "SNAPSHOT" | undefined'. Did you mean '"SNAPSHOT"'?
validate('create_job', { jobId: 'fw-1', targets, abortConfig: { criteriaList: [{ failureType: 'FAILED', action: 'STOP', thresholdPercentage: 10, minNumberOfExecutedThings: 1 }] } }); // error TS2322: Type '"STOP"' is not assignable to type '"CANCEL"'.
validate('CreateJob', { jobId: 'fw-1', targets, schedulingConfig: { endBehavior: 'CANCEL' } }, { api: '2022-01' }); // error TS2353: Object literal may only specify known properties, and 'schedulingConfig' does not exist in type 'CreateJobRequest2022'.
validate('DescribeJob', { jobid: 'fw-1' }); // error TS2561: Object literal may only specify known properties, but 'jobid' does not exist in type 'DescribeJobRequest'. Did you mean to write 'jobId'?
validate('DescribeJob', {}); // error TS2741: Property 'jobId' is missing in type '{}' but required in type 'DescribeJobRequest'.
isValid('UpdateJob', { jobId: 'fw-1', timeoutConfig: { inProgressTimeoutInMinute: 10 } }); // error TS2561: Object literal may only specify known properties, but 'inProgressTimeoutInMinute' does not exist in type 'TimeoutConfig'. Did you mean to write 'inProgressTimeoutInMinutes'?
isValid('CreateJob', { jobId: 'fw-1', targets: 'arn:aws:iot:eu-west-1:123456789012:thing/a' }); // error TS2322: Type 'string' is not assignable to type 'string[]'.
const opaque: object = { jobId: 'fw-1' };
validate('DescribeJob', opaque); // error TS2345: Argument of type 'object' is not assignable to parameter of type 'DescribeJobRequest'.
const wrongVersion: UpdateJobRequest2022 = { jobId: 'fw-1', destinationPackageVersions: [] }; // error TS2353: Object literal may only specify known properties, and 'destinationPackageVersions' does not exist in type 'UpdateJobRequest2022'.
const typed: RequestOf<'CreateJob'> = { jobId: 'fw-1', targets, timeoutConfig: { inProgressTimeoutInMinutes: '10' } }; // error TS2322: Type 'string' is not assignable to type 'number'.
const request: CreateJobRequest = { jobId: 'fw-1', targets };
validate('CreateJob', request, { api: '2023-01' }); // error TS2820: Type '"2023-01"' is not assignable to type '"2022-01" | "latest" | undefined'. Did you mean '"2022-01"'?
console.log(wrongVersion, typed);

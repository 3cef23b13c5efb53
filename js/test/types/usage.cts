// Type-checked by `tsc --noEmit -p test/types` (must pass): use from CommonJS.
import policy = require('iot-jobs-policy');
import sdk = require('iot-jobs-policy/aws-sdk');

const r: policy.Report = policy.validate('DescribeJob', { jobId: 'x' });
const m: sdk.IotJobsPolicyMiddleware = sdk.iotJobsPolicyMiddleware({ api: 'latest', now: null });
console.log(r.valid, m.addOptions.step);

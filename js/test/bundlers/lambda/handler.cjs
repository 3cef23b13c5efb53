// The same handler as handler.mjs, written as CommonJS (a `require` of the
// package and of the SDK): the bundle must not look for a .wasm beside it.
const { IoTClient, CreateJobCommand } = require('@aws-sdk/client-iot');
const { iotJobsPolicyMiddleware } = require('iot-jobs-policy/aws-sdk');

exports.handler = async (event) => {
  const client = new IoTClient({
    region: 'eu-west-1',
    endpoint: event.endpoint,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
    maxAttempts: 1,
  });
  client.middlewareStack.use(iotJobsPolicyMiddleware({ now: null }));
  try {
    const out = await client.send(new CreateJobCommand(event.request));
    return { sent: true, jobId: out.jobId, jobArn: out.jobArn };
  } catch (e) {
    return { sent: false, name: e.name, fault: e.$fault, violations: (e.violations || []).map((v) => [v.code, v.path]) };
  }
};

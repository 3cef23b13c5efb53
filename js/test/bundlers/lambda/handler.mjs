// A Lambda handler as a user writes it (ES module source): the AWS SDK v3
// IoT client with the package's middleware, which refuses an invalid
// request before anything is signed or sent. The test bundles it with
// esbuild as AWS CDK's NodejsFunction does and calls `handler` with the
// stub endpoint to talk to (the client's `endpoint` option) and a request.
import { IoTClient, CreateJobCommand } from '@aws-sdk/client-iot';
import { iotJobsPolicyMiddleware } from 'iot-jobs-policy/aws-sdk';

export const handler = async (event) => {
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

// A Lambda handler that checks an IoT Jobs request before anything calls AWS.
//
// Event: `{operation, request, options?}`, or a CreateJob request itself
// (an object with `jobId`, and no `operation`). Answer: `{statusCode, body}`
// with the report as JSON: 200 when valid, 422 when invalid, 400 for misuse
// (unknown operation, bad options, a request that is neither object nor
// string), the body then being `{error: {code, message}}`.
//
// Deploy with the package in node_modules (`npm install iot-jobs-policy`),
// or bundled into one file by esbuild as CDK's NodejsFunction and SAM do it
// (`--bundle --platform=node --format=cjs`); the .wasm loads once per
// container, at import. To refuse invalid requests inside a Lambda that
// calls AWS itself, use the SDK middleware (`iot-jobs-policy/aws-sdk`).
import { validate } from 'iot-jobs-policy';

export const handler = async (event) => {
  const call = event && typeof event === 'object' && 'operation' in event
    ? event
    : { operation: 'CreateJob', request: event };
  try {
    // The clock is read here, at the edge; the validator itself never reads one.
    const options = { now: Date.now(), ...(call.options || {}) };
    const report = validate(call.operation, call.request, options);
    return {
      statusCode: report.valid ? 200 : 422,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report),
    };
  } catch (e) {
    if (e instanceof TypeError && typeof e.code === 'string') {
      return {
        statusCode: 400,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ error: { code: e.code, message: e.message } }),
      };
    }
    throw e;
  }
};

// The Lambda example, called as Lambda would call it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { handler } from '../examples/lambda-preflight.mjs';

const good = { jobId: 'job-1', targets: ['arn:aws:iot:eu-west-1:123456789012:thing/a'], document: '{}' };

test('a valid CreateJob given directly answers 200 with the report', async () => {
  const res = await handler(good);
  assert.equal(res.statusCode, 200);
  const body = JSON.parse(res.body);
  assert.equal(body.valid, true);
  assert.deepEqual(Object.keys(body), ['valid', 'violations', 'awsMessage']);
});

test('{operation, request, options} with an invalid request answers 422', async () => {
  const res = await handler({ operation: 'DescribeJob', request: { jobId: 'a b' }, options: { profile: 'model' } });
  assert.equal(res.statusCode, 422);
  const body = JSON.parse(res.body);
  assert.equal(body.valid, false);
  assert.deepEqual(body.violations.map((v) => [v.code, v.path]), [['pattern', '/jobId']]);
  assert.match(body.awsMessage, /validation error/);
});

test('a request given as JSON text works too', async () => {
  const res = await handler({ operation: 'CreateJob', request: JSON.stringify(good) });
  assert.equal(res.statusCode, 200);
});

test('misuse answers 400 with the error code', async () => {
  const res = await handler({ operation: 'DeleteJob', request: {} });
  assert.equal(res.statusCode, 400);
  assert.equal(JSON.parse(res.body).error.code, 'unknownOperation');
  const bad = await handler({ operation: 'CreateJob', request: good, options: { api: '1999' } });
  assert.equal(JSON.parse(bad.body).error.code, 'invalidOptions');
  const none = await handler({ operation: 'CreateJob' });
  assert.equal(JSON.parse(none.body).error.code, 'invalidRequest');
});

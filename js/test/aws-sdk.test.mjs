// The AWS SDK v3 middleware against the real @aws-sdk/client-iot, with a
// stubbed request handler and fake credentials: nothing leaves the machine.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import { IoTClient, CreateJobCommand, UpdateJobCommand, ListThingsCommand, DescribeJobCommand } from '@aws-sdk/client-iot';
import { PKG } from './helpers.mjs';

const { iotJobsPolicyMiddleware, InvalidRequestException, COMMANDS } = await import(path.join(PKG, 'aws-sdk.mjs'));
const cjs = createRequire(import.meta.url)(path.join(PKG, 'aws-sdk.cjs'));

/** A request handler that records each request and answers a canned JSON body. */
function stubHandler(body = {}) {
  const calls = [];
  return {
    calls,
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request) {
      calls.push(request);
      const text = JSON.stringify(body);
      return {
        response: {
          statusCode: 200,
          reason: 'OK',
          headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) },
          body: Readable.from([Buffer.from(text)]),
        },
      };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs() {
      return {};
    },
  };
}

function client(handler) {
  return new IoTClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
    requestHandler: handler,
    maxAttempts: 1,
  });
}

const valid = {
  jobId: 'firmware-1',
  targets: ['arn:aws:iot:eu-west-1:123456789012:thinggroup/sensors'],
  document: '{"operation":"install"}',
  timeoutConfig: { inProgressTimeoutInMinutes: 60 },
};
const invalid = { ...valid, jobId: 'firmware 1', timeoutConfig: { inProgressTimeoutInMinutes: 20160 } };

test('the CommonJS and ES module entries are the same middleware', () => {
  assert.equal(cjs.iotJobsPolicyMiddleware, iotJobsPolicyMiddleware);
  assert.deepEqual(Object.keys(COMMANDS).sort(), [
    'CreateJobCommand', 'CreateJobTemplateCommand', 'DescribeJobCommand', 'DescribeJobTemplateCommand',
    'ListJobExecutionsForJobCommand', 'ListJobExecutionsForThingCommand', 'UpdateJobCommand',
  ]);
});

for (const how of ['use', 'add']) {
  test(`invalid CreateJob throws the service-shaped error before sending (middlewareStack.${how})`, async () => {
    const handler = stubHandler();
    const c = client(handler);
    const mw = iotJobsPolicyMiddleware();
    if (how === 'use') c.middlewareStack.use(mw);
    else c.middlewareStack.add(mw, { step: 'initialize', name: 'iotJobsPolicy' });
    const err = await c.send(new CreateJobCommand(invalid)).then(
      () => assert.fail('no error'),
      (e) => e,
    );
    assert.ok(err instanceof InvalidRequestException);
    assert.ok(err instanceof Error);
    assert.equal(err.name, 'InvalidRequestException');
    assert.equal(err.$fault, 'client');
    assert.equal(err.operation, 'CreateJob');
    assert.equal(err.message, err.report.awsMessage);
    assert.match(err.message, /validation error/);
    assert.ok(err.violations.some((v) => v.code === 'pattern' && v.path === '/jobId'), JSON.stringify(err.violations));
    assert.equal(handler.calls.length, 0, 'the request handler must not be called');
  });
}

test('valid CreateJob is sent once with the body unchanged', async () => {
  const answer = { jobArn: 'arn:aws:iot:eu-west-1:123456789012:job/firmware-1', jobId: 'firmware-1' };
  const plain = stubHandler(answer);
  await client(plain).send(new CreateJobCommand(valid));
  const handler = stubHandler(answer);
  const c = client(handler);
  c.middlewareStack.use(iotJobsPolicyMiddleware());
  const out = await c.send(new CreateJobCommand(valid));
  assert.equal(out.jobId, 'firmware-1');
  assert.equal(handler.calls.length, 1);
  const [req] = handler.calls;
  assert.equal(req.method, 'PUT');
  assert.equal(req.path, '/jobs/firmware-1');
  const text = (b) => (typeof b === 'string' ? b : Buffer.from(b).toString('utf8'));
  assert.equal(text(req.body), text(plain.calls[0].body), 'same body as without the middleware');
  const { jobId, ...rest } = valid;
  assert.deepEqual(JSON.parse(text(req.body)), rest);
});

test('other commands pass untouched; UpdateJob and DescribeJob are checked', async () => {
  const handler = stubHandler({ things: [] });
  const c = client(handler);
  c.middlewareStack.use(iotJobsPolicyMiddleware());
  await c.send(new ListThingsCommand({ maxResults: 5 }));
  assert.equal(handler.calls.length, 1);
  await assert.rejects(c.send(new UpdateJobCommand({ jobId: 'j', description: 'x'.repeat(3000) })), { name: 'InvalidRequestException' });
  await assert.rejects(c.send(new DescribeJobCommand({ jobId: 'a b' })), { name: 'InvalidRequestException' });
  assert.equal(handler.calls.length, 1);
});

test('middleware options reach the validator (now as a function, profile)', async () => {
  let asked = 0;
  const handler = stubHandler({ jobId: 'firmware-1' });
  const c = client(handler);
  c.middlewareStack.use(iotJobsPolicyMiddleware({ profile: 'model', now: () => (asked++, Date.UTC(2026, 0, 1)) }));
  await c.send(new CreateJobCommand(valid));
  assert.equal(asked, 1);
  assert.equal(handler.calls.length, 1);
});

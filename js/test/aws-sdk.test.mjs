// The AWS SDK v3 middleware against the real @aws-sdk/client-iot, with a
// stubbed request handler and fake credentials: nothing leaves the machine.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import * as sdk from '@aws-sdk/client-iot';
import { PKG, JS } from './helpers.mjs';

const { IoTClient, CreateJobCommand, UpdateJobCommand, ListThingsCommand, DescribeJobCommand, IoTServiceException, ResourceNotFoundException } = sdk;
const SdkInvalidRequestException = sdk.InvalidRequestException;
const { iotJobsPolicyMiddleware, InvalidRequestException, COMMANDS, PASSED_THROUGH } = await import(path.join(PKG, 'aws-sdk.mjs'));
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

function client(handler, config = {}) {
  return new IoTClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
    requestHandler: handler,
    maxAttempts: 1,
    ...config,
  });
}

/** A logger in the SDK's shape that records what it is given. */
function recordingLogger() {
  const lines = [];
  const record = (level) => (...content) => lines.push([level, ...content]);
  return { lines, trace: record('trace'), debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
}

const rejection = (promise) => promise.then(() => assert.fail('no error'), (e) => e);
const text = (b) => (b === undefined ? '' : typeof b === 'string' ? b : Buffer.from(b).toString('utf8'));
/** What a stubbed handler saw of a request, comparable between two clients. */
const seen = (req) => ({ method: req.method, path: req.path, query: req.query, body: text(req.body) });

const valid = {
  jobId: 'firmware-1',
  targets: ['arn:aws:iot:eu-west-1:123456789012:thinggroup/sensors'],
  document: '{"operation":"install"}',
  timeoutConfig: { inProgressTimeoutInMinutes: 60 },
};
const invalid = { ...valid, jobId: 'firmware 1', timeoutConfig: { inProgressTimeoutInMinutes: 20160 } };
// Valid, with two warnings: a repeated abort failure type, and a threshold
// of executed things above the one thing a snapshot job targets.
const warned = {
  jobId: 'firmware-2',
  targets: ['arn:aws:iot:eu-west-1:123456789012:thing/a'],
  document: '{}',
  abortConfig: {
    criteriaList: [
      { failureType: 'FAILED', action: 'CANCEL', thresholdPercentage: 50, minNumberOfExecutedThings: 1 },
      { failureType: 'FAILED', action: 'CANCEL', thresholdPercentage: 60, minNumberOfExecutedThings: 2 },
    ],
  },
};

test('the CommonJS and ES module entries export the same lists, frozen', () => {
  assert.deepEqual(cjs.COMMANDS, COMMANDS);
  assert.deepEqual(cjs.PASSED_THROUGH, PASSED_THROUGH);
  assert.deepEqual(Object.keys(COMMANDS).sort(), [
    'CreateJobCommand', 'CreateJobTemplateCommand', 'DescribeJobCommand', 'DescribeJobTemplateCommand',
    'ListJobExecutionsForJobCommand', 'ListJobExecutionsForThingCommand', 'UpdateJobCommand',
  ]);
  for (const list of [COMMANDS, PASSED_THROUGH, cjs.COMMANDS, cjs.PASSED_THROUGH]) assert.ok(Object.isFrozen(list));
  for (const [command, operation] of Object.entries({ ...COMMANDS, ...PASSED_THROUGH })) assert.equal(command, `${operation}Command`);
});

test('COMMANDS and PASSED_THROUGH together are exactly the SDK\'s IoT Jobs commands', () => {
  const jobs = Object.keys(sdk).filter((name) => name.endsWith('Command') && /Job/.test(name) && typeof sdk[name] === 'function').sort();
  assert.ok(jobs.length >= 19, jobs.join());
  assert.deepEqual(Object.keys(PASSED_THROUGH).filter((c) => c in COMMANDS), []);
  assert.deepEqual([...Object.keys(COMMANDS), ...Object.keys(PASSED_THROUGH)].sort(), jobs);
  for (const c of ['CancelJobCommand', 'DeleteJobCommand', 'AssociateTargetsWithJobCommand', 'CancelJobExecutionCommand', 'DeleteJobExecutionCommand', 'DescribeJobExecutionCommand']) {
    assert.ok(c in PASSED_THROUGH, c);
  }
});

for (const how of ['use', 'add']) {
  test(`invalid CreateJob throws the service-shaped error before sending (middlewareStack.${how})`, async () => {
    const handler = stubHandler();
    const c = client(handler);
    const mw = iotJobsPolicyMiddleware();
    if (how === 'use') c.middlewareStack.use(mw);
    else c.middlewareStack.add(mw, { step: 'initialize', name: 'iotJobsPolicy' });
    const err = await rejection(c.send(new CreateJobCommand(invalid)));
    assert.ok(err instanceof InvalidRequestException);
    assert.ok(err instanceof Error);
    assert.equal(err.name, 'InvalidRequestException');
    assert.equal(err.$fault, 'client');
    assert.deepEqual(err.$metadata, {});
    assert.equal(err.operation, 'CreateJob');
    assert.equal(err.message, err.report.awsMessage);
    assert.match(err.message, /validation error/);
    assert.equal(err.violations, err.report.violations);
    assert.ok(err.violations.some((v) => v.code === 'pattern' && v.path === '/jobId'), JSON.stringify(err.violations));
    assert.equal(handler.calls.length, 0, 'the request handler must not be called');
  });
}

test('the refusal is an instance of the SDK\'s IoTServiceException and InvalidRequestException', async () => {
  const c = client(stubHandler());
  c.middlewareStack.use(iotJobsPolicyMiddleware());
  const err = await rejection(c.send(new CreateJobCommand(invalid)));
  assert.ok(err instanceof IoTServiceException);
  assert.ok(err instanceof SdkInvalidRequestException);
  assert.ok(!(err instanceof ResourceNotFoundException));
  assert.ok(err instanceof InvalidRequestException);
  assert.ok(err instanceof cjs.InvalidRequestException, 'the CommonJS entry\'s class too');
});

test('without the SDK\'s classes at hand, recent SDKs still recognise the error (their shape ids)', () => {
  const { validate } = createRequire(import.meta.url)(path.join(PKG, 'index.cjs'));
  const err = new InvalidRequestException(validate('DescribeJob', { jobId: 'a b' }), 'DescribeJob');
  assert.ok(!IoTServiceException.prototype.isPrototypeOf(err), 'built over Error alone');
  assert.ok(err instanceof IoTServiceException);
  assert.ok(err instanceof SdkInvalidRequestException);
  assert.ok(!(err instanceof ResourceNotFoundException));
  assert.ok(!(err instanceof sdk.InternalFailureException));
  assert.ok(err instanceof InvalidRequestException && err instanceof cjs.InvalidRequestException);
  assert.equal(err.message, err.report.awsMessage);
  // Ordinary instanceof for other classes: a plain error is not ours, nor is a subclass's check widened.
  assert.ok(!(new Error('x') instanceof InvalidRequestException));
  assert.ok(!({ name: 'InvalidRequestException', $fault: 'client', $metadata: {} } instanceof InvalidRequestException));
  class Mine extends InvalidRequestException {}
  assert.ok(!(err instanceof Mine));
  assert.ok(new Mine(err.report, 'DescribeJob') instanceof InvalidRequestException);
});

test('baseException: the error is built over the SDK\'s own class (every SDK version), for both entries', async () => {
  for (const entry of [iotJobsPolicyMiddleware, cjs.iotJobsPolicyMiddleware]) {
    const handler = stubHandler();
    const c = client(handler);
    c.middlewareStack.use(entry({ baseException: SdkInvalidRequestException }));
    const err = await rejection(c.send(new DescribeJobCommand({ jobId: 'a b' })));
    assert.ok(SdkInvalidRequestException.prototype.isPrototypeOf(err), 'the SDK class is in the prototype chain');
    assert.ok(IoTServiceException.prototype.isPrototypeOf(err));
    assert.ok(err instanceof InvalidRequestException && err instanceof cjs.InvalidRequestException);
    assert.deepEqual(
      { name: err.name, fault: err.$fault, metadata: err.$metadata, operation: err.operation, message: err.message },
      { name: 'InvalidRequestException', fault: 'client', metadata: {}, operation: 'DescribeJob', message: err.report.awsMessage },
    );
    assert.deepEqual(err.violations.map((v) => [v.code, v.path]), [['pattern', '/jobId']]);
    assert.equal(handler.calls.length, 0);
  }
});

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

test('the passed-through Jobs commands reach the handler untouched, even with inputs the checked ones would refuse', async () => {
  // `jobId: 'a b'` breaks the pattern every checked command applies to it.
  const input = {
    AssociateTargetsWithJobCommand: { jobId: 'a b', targets: ['arn:aws:iot:eu-west-1:123456789012:thing/a'], comment: 'x'.repeat(3000) },
    CancelJobCommand: { jobId: 'a b', reasonCode: 'r', comment: 'x'.repeat(3000), force: true },
    CancelJobExecutionCommand: { jobId: 'a b', thingName: 'thing a', force: true },
    DeleteJobCommand: { jobId: 'a b', force: true },
    DeleteJobExecutionCommand: { jobId: 'a b', thingName: 'thing a', executionNumber: 1 },
    DeleteJobTemplateCommand: { jobTemplateId: 'a b' },
    DescribeJobExecutionCommand: { jobId: 'a b', thingName: 'thing a' },
    DescribeManagedJobTemplateCommand: { templateName: 'AWS-Reboot', templateVersion: '1.0' },
    GetJobDocumentCommand: { jobId: 'a b' },
    ListJobTemplatesCommand: { maxResults: 1000 },
    ListJobsCommand: { maxResults: 1000, status: 'IN_PROGRESS' },
    ListManagedJobTemplatesCommand: { maxResults: 1000 },
  };
  assert.deepEqual(Object.keys(input).sort(), Object.keys(PASSED_THROUGH).sort());
  const reports = [];
  const logger = recordingLogger();
  for (const [name, given] of Object.entries(input)) {
    const plain = stubHandler();
    await client(plain).send(new sdk[name](structuredClone(given)));
    const handler = stubHandler();
    const c = client(handler);
    c.middlewareStack.use(iotJobsPolicyMiddleware({ warnings: 'throw', logger, onReport: (r) => reports.push(r) }));
    await c.send(new sdk[name](structuredClone(given)));
    assert.equal(handler.calls.length, 1, name);
    assert.deepEqual(seen(handler.calls[0]), seen(plain.calls[0]), name);
  }
  assert.deepEqual(reports, [], 'onReport is not called for commands passed through');
  assert.deepEqual(logger.lines, []);
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

test('onReport sees every checked command, valid or not, before it is sent or refused', async () => {
  const calls = [];
  const handler = stubHandler({ jobId: 'x' });
  const c = client(handler);
  c.middlewareStack.use(iotJobsPolicyMiddleware({
    warnings: 'ignore',
    onReport: (report, call) => calls.push({ report, call, sentBefore: handler.calls.length }),
  }));
  await c.send(new CreateJobCommand(valid));
  await c.send(new CreateJobCommand(warned));
  await rejection(c.send(new DescribeJobCommand({ jobId: 'a b' })));
  await c.send(new ListThingsCommand({}));
  assert.deepEqual(calls.map(({ call }) => [call.operation, call.commandName]), [
    ['CreateJob', 'CreateJobCommand'], ['CreateJob', 'CreateJobCommand'], ['DescribeJob', 'DescribeJobCommand'],
  ]);
  assert.deepEqual(calls.map(({ sentBefore }) => sentBefore), [0, 1, 2], 'called before the request is sent');
  assert.deepEqual(calls[0].call.input, valid);
  assert.deepEqual(calls[2].call.input, { jobId: 'a b' });
  assert.deepEqual(calls.map(({ report }) => [report.valid, report.violations.map((v) => `${v.severity}:${v.code}`)]), [
    [true, []],
    [true, ['warning:duplicate', 'warning:suspicious']],
    [false, ['error:pattern']],
  ]);
});

test('an async onReport is awaited, and what it throws rejects the send', async () => {
  const handler = stubHandler({ jobId: 'x' });
  const order = [];
  const c = client(handler);
  c.middlewareStack.use(iotJobsPolicyMiddleware({
    onReport: async (report) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(`hook:${report.valid}`);
      if (!report.valid) throw new RangeError('stop here');
    },
  }));
  await c.send(new CreateJobCommand(valid));
  order.push(`sent:${handler.calls.length}`);
  const err = await rejection(c.send(new DescribeJobCommand({ jobId: 'a b' })));
  assert.ok(err instanceof RangeError);
  assert.deepEqual(order, ['hook:true', 'sent:1', 'hook:false']);
  assert.equal(handler.calls.length, 1);
});

test("warnings: 'log' (the default) writes one line to the client's logger and sends", async () => {
  const logger = recordingLogger();
  const handler = stubHandler({ jobId: 'firmware-2' });
  const c = client(handler, { logger });
  c.middlewareStack.use(iotJobsPolicyMiddleware());
  const before = logger.lines.length;
  await c.send(new CreateJobCommand(warned));
  assert.equal(handler.calls.length, 1);
  const ours = logger.lines.slice(before).filter(([, first]) => typeof first === 'string' && first.startsWith('iot-jobs-policy:'));
  assert.equal(ours.length, 1, JSON.stringify(logger.lines));
  const [level, line, ...more] = ours[0];
  assert.equal(level, 'warn');
  assert.deepEqual(more, []);
  assert.match(line, /^iot-jobs-policy: CreateJob request sent with 2 warning\(s\): duplicate at \/abortConfig\/criteriaList\/1\/failureType: .*; suspicious at \/abortConfig\/criteriaList\/1\/minNumberOfExecutedThings: /);
  // A request without warnings logs nothing; nor does one with the SDK's default (no-op) logger.
  await c.send(new CreateJobCommand(valid));
  assert.equal(logger.lines.filter(([, first]) => String(first).startsWith('iot-jobs-policy:')).length, 1);
  const quiet = stubHandler({ jobId: 'firmware-2' });
  const q = client(quiet);
  q.middlewareStack.use(iotJobsPolicyMiddleware({ warnings: 'log' }));
  await q.send(new CreateJobCommand(warned));
  assert.equal(quiet.calls.length, 1);
});

test("warnings: 'log' with the logger option writes there, not to the client's", async () => {
  const mine = recordingLogger();
  const clients = recordingLogger();
  const c = client(stubHandler({ jobId: 'firmware-2' }), { logger: clients });
  c.middlewareStack.use(iotJobsPolicyMiddleware({ logger: mine }));
  await c.send(new CreateJobCommand(warned));
  assert.deepEqual(mine.lines.map(([level]) => level), ['warn']);
  assert.equal(clients.lines.filter(([, first]) => String(first).startsWith('iot-jobs-policy:')).length, 0);
});

test("warnings: 'ignore' sends and logs nothing", async () => {
  const logger = recordingLogger();
  const handler = stubHandler({ jobId: 'firmware-2' });
  const c = client(handler);
  c.middlewareStack.use(iotJobsPolicyMiddleware({ warnings: 'ignore', logger }));
  await c.send(new CreateJobCommand(warned));
  assert.equal(handler.calls.length, 1);
  assert.deepEqual(logger.lines, []);
});

test("warnings: 'throw' refuses a valid request with warnings, and only those", async () => {
  const logger = recordingLogger();
  const handler = stubHandler({ jobId: 'x' });
  const c = client(handler);
  c.middlewareStack.use(iotJobsPolicyMiddleware({ warnings: 'throw', logger }));
  const err = await rejection(c.send(new CreateJobCommand(warned)));
  assert.ok(err instanceof InvalidRequestException);
  assert.ok(err instanceof IoTServiceException);
  assert.equal(err.report.valid, true);
  assert.equal(err.report.awsMessage, null);
  assert.deepEqual(err.violations.map((v) => v.code), ['duplicate', 'suspicious']);
  assert.match(err.message, /^2 warning\(s\) refused \(option warnings: 'throw'\): duplicate at \/abortConfig\/criteriaList\/1\/failureType: /);
  assert.equal(handler.calls.length, 0);
  await c.send(new CreateJobCommand(valid));
  assert.equal(handler.calls.length, 1);
  // An invalid request keeps the AWS message.
  const bad = await rejection(c.send(new CreateJobCommand(invalid)));
  assert.equal(bad.message, bad.report.awsMessage);
  assert.deepEqual(logger.lines, []);
});

test('misspelt middleware options are usage errors at construction', () => {
  for (const [options, re] of [
    [{ warnings: 'loud' }, /`warnings` must be 'ignore', 'log' or 'throw'/],
    [{ warnings: null }, /`warnings`/],
    [{ onReport: 'yes' }, /`onReport` must be a function, not string/],
    [{ baseException: {} }, /`baseException` must be a function, not object/],
    [{ logger: {} }, /`logger` must have a `warn` method/],
    [{ logger: null }, /`logger`/],
    ['strict', /middleware options must be an object, not string/],
    [[], /not an array/],
  ]) {
    for (const entry of [iotJobsPolicyMiddleware, cjs.iotJobsPolicyMiddleware]) {
      assert.throws(() => entry(options), (e) => e instanceof TypeError && e.code === 'invalidOptions' && re.test(e.message), JSON.stringify(options));
    }
  }
});

test('a command name from Object.prototype is not mistaken for a checked command', async () => {
  const mw = iotJobsPolicyMiddleware({ warnings: 'throw' });
  for (const commandName of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    const out = await mw(async (args) => ({ output: args.input }), { commandName })({ input: { anything: 1 } });
    assert.deepEqual(out, { output: { anything: 1 } });
  }
});

// The package installed beside (or without) the SDK, as in an application:
// the middleware loads the SDK's classes by itself and builds the error over
// them, from both entries; without the SDK it still refuses with its own.
test('installed beside the SDK, both entries build the error over the SDK\'s own classes; without it, over Error', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iot-jobs-policy-mw-'));
  try {
    const app = (name, withSdk) => {
      const root = path.join(dir, name);
      fs.cpSync(PKG, path.join(root, 'node_modules', 'iot-jobs-policy'), { recursive: true, dereference: true });
      if (withSdk) {
        fs.mkdirSync(path.join(root, 'node_modules', '@aws-sdk'), { recursive: true });
        fs.symlinkSync(path.join(JS, 'node_modules', '@aws-sdk', 'client-iot'), path.join(root, 'node_modules', '@aws-sdk', 'client-iot'), 'dir');
      }
      return root;
    };
    const withSdk = app('with-sdk', true);
    const body = (load) => `
${load}
const handler = { metadata: { handlerProtocol: 'http/1.1' }, async handle() { throw new Error('sent'); }, updateHttpClientConfig() {}, httpHandlerConfigs() { return {}; } };
const client = new sdk.IoTClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' }, requestHandler: handler, maxAttempts: 1 });
client.middlewareStack.use(mw.iotJobsPolicyMiddleware());
client.send(new sdk.DescribeJobCommand({ jobId: 'a b' })).catch((e) => console.log(JSON.stringify({
  sdkChain: sdk.InvalidRequestException.prototype.isPrototypeOf(e) && sdk.IoTServiceException.prototype.isPrototypeOf(e),
  ours: e instanceof mw.InvalidRequestException,
  name: e.name, fault: e.$fault, codes: e.violations.map((v) => v.code),
})));
`;
    fs.writeFileSync(path.join(withSdk, 'main.mjs'), body("import * as sdk from '@aws-sdk/client-iot';\nimport * as mw from 'iot-jobs-policy/aws-sdk';"));
    fs.writeFileSync(path.join(withSdk, 'main.cjs'), body("const sdk = require('@aws-sdk/client-iot');\nconst mw = require('iot-jobs-policy/aws-sdk');"));
    for (const main of ['main.mjs', 'main.cjs']) {
      const out = execFileSync(process.execPath, ['--no-warnings', main], { cwd: withSdk, encoding: 'utf8' });
      assert.deepEqual(JSON.parse(out), { sdkChain: true, ours: true, name: 'InvalidRequestException', fault: 'client', codes: ['pattern'] }, main);
    }
    // No SDK installed: the package loads, and the middleware (called as the SDK would) refuses with its own error.
    const without = app('without-sdk', false);
    const call = (load) => `
${load}
const next = async () => { throw new Error('sent'); };
mw.iotJobsPolicyMiddleware()(next, { commandName: 'DescribeJobCommand' })({ input: { jobId: 'a b' } }).catch((e) => console.log(JSON.stringify({
  ours: e instanceof mw.InvalidRequestException, error: e instanceof Error, codes: e.violations.map((v) => v.code),
})));
`;
    fs.writeFileSync(path.join(without, 'main.mjs'), call("import * as mw from 'iot-jobs-policy/aws-sdk';"));
    fs.writeFileSync(path.join(without, 'main.cjs'), call("const mw = require('iot-jobs-policy/aws-sdk');"));
    for (const main of ['main.mjs', 'main.cjs']) {
      const r = spawnSync(process.execPath, [main], { cwd: without, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), { ours: true, error: true, codes: ['pattern'] }, main);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the types: options, hook context, PASSED_THROUGH and the error, checked by tsc', () => {
  const dir = fs.mkdtempSync(path.join(JS, 'test', '.tmp-aws-sdk-types-'));
  try {
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: ['node'] },
      files: ['ok.mts', 'bad.mts'],
    }));
    fs.writeFileSync(path.join(dir, 'ok.mts'), `
import { IoTClient, InvalidRequestException as SdkInvalid } from '@aws-sdk/client-iot';
import { iotJobsPolicyMiddleware, InvalidRequestException, PASSED_THROUGH, COMMANDS, type ReportContext, type MiddlewareOptions } from 'iot-jobs-policy/aws-sdk';
import type { Report } from 'iot-jobs-policy';
const client = new IoTClient({ region: 'eu-west-1' });
const options: MiddlewareOptions = {
  warnings: 'throw',
  logger: console,
  baseException: SdkInvalid,
  onReport: async (report: Report, call: ReportContext) => { console.log(report.valid, call.operation, call.commandName, call.input); },
};
client.middlewareStack.use(iotJobsPolicyMiddleware(options));
client.middlewareStack.use(iotJobsPolicyMiddleware({ warnings: 'ignore', onReport: (r) => console.log(r.violations.length) }));
const names: string[] = [...Object.keys(PASSED_THROUGH), ...Object.values(COMMANDS)];
const e: unknown = new Error();
if (e instanceof InvalidRequestException) console.log(e.report.valid, e.operation, e.violations[0]?.code, e.$fault, names);
`);
    fs.writeFileSync(path.join(dir, 'bad.mts'), `export {};\n`);
    const tsc = path.join(JS, 'node_modules', 'typescript', 'bin', 'tsc');
    let r = spawnSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    fs.writeFileSync(path.join(dir, 'bad.mts'), `import { iotJobsPolicyMiddleware } from 'iot-jobs-policy/aws-sdk';\niotJobsPolicyMiddleware({ warnings: 'loud' });\niotJobsPolicyMiddleware({ onReport: 5 });\n`);
    r = spawnSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8' });
    assert.notEqual(r.status, 0);
    assert.match(r.stdout, /bad\.mts\(2,\d+\): error TS2322/);
    assert.match(r.stdout, /bad\.mts\(3,\d+\): error TS2322/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// A Lambda bundled as AWS CDK's NodejsFunction bundles it (esbuild, CommonJS
// by default, or ESM with the createRequire banner), with the SDK bundled in
// or left external (the Lambda runtime's): the bundle, run away from the
// sources, refuses an invalid request with an error built over the SDK's own
// classes, and sends a valid one to a stub endpoint. Bundling the middleware
// where no SDK can be resolved gives no warning either.
test('bundled by esbuild for a Lambda (CJS and ESM, SDK bundled or external), the error is over the SDK\'s classes', async () => {
  const esbuild = createRequire(import.meta.url)('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iot-jobs-policy-mw-esbuild-'));
  const server = http.createServer((req, res) => {
    hits++;
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end('{"jobId":"firmware-1","jobArn":"arn:aws:iot:eu-west-1:123456789012:job/firmware-1"}');
    });
  });
  let hits = 0;
  try {
    const src = path.join(dir, 'src');
    fs.cpSync(PKG, path.join(src, 'node_modules', 'iot-jobs-policy'), { recursive: true, dereference: true });
    const sdkLink = (root) => {
      fs.mkdirSync(path.join(root, 'node_modules'), { recursive: true });
      for (const scope of ['@aws-sdk', '@smithy']) fs.symlinkSync(path.join(JS, 'node_modules', scope), path.join(root, 'node_modules', scope), 'dir');
    };
    sdkLink(src);
    fs.writeFileSync(path.join(src, 'handler.mjs'), `
import { IoTClient, CreateJobCommand, IoTServiceException, InvalidRequestException as SdkInvalid } from '@aws-sdk/client-iot';
import { iotJobsPolicyMiddleware, InvalidRequestException } from 'iot-jobs-policy/aws-sdk';
export const handler = async ({ endpoint, request }) => {
  const client = new IoTClient({ region: 'eu-west-1', endpoint, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' }, maxAttempts: 1 });
  client.middlewareStack.use(iotJobsPolicyMiddleware());
  try {
    return { sent: (await client.send(new CreateJobCommand(request))).jobId };
  } catch (e) {
    return { name: e.name, ours: e instanceof InvalidRequestException, chain: IoTServiceException.prototype.isPrototypeOf(e) && SdkInvalid.prototype.isPrototypeOf(e), codes: (e.violations || []).map((v) => v.code) };
  }
};
`);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${server.address().port}`;
    const banner = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";
    const runAt = { bundled: path.join(dir, 'alone'), external: path.join(dir, 'external') };
    fs.mkdirSync(runAt.bundled);
    sdkLink(runAt.external);
    for (const format of ['cjs', 'esm']) {
      for (const sdkIs of ['bundled', 'external']) {
        const outfile = path.join(runAt[sdkIs], `handler-${format}.${format === 'esm' ? 'mjs' : 'js'}`);
        const result = await esbuild.build({
          entryPoints: [path.join(src, 'handler.mjs')], bundle: true, platform: 'node', target: 'node18', format, outfile, logLevel: 'silent',
          ...(format === 'esm' ? { banner: { js: banner } } : {}),
          ...(sdkIs === 'external' ? { external: ['@aws-sdk/*'] } : {}),
        });
        assert.deepEqual(result.warnings.map((w) => w.text), [], `${format}, SDK ${sdkIs}`);
        const { handler } = format === 'esm' ? await import(outfile) : createRequire(import.meta.url)(outfile);
        const before = hits;
        const refused = await handler({ endpoint, request: { jobId: 'bad id', targets: ['arn:aws:iot:eu-west-1:123456789012:thing/a'], document: '{}' } });
        assert.deepEqual(refused, { name: 'InvalidRequestException', ours: true, chain: true, codes: ['pattern'] }, `${format}, SDK ${sdkIs}`);
        assert.equal(hits, before, 'refused before any HTTP request');
        const sent = await handler({ endpoint, request: { jobId: 'firmware-1', targets: ['arn:aws:iot:eu-west-1:123456789012:thing/a'], document: '{}' } });
        assert.deepEqual(sent, { sent: 'firmware-1' });
        assert.equal(hits, before + 1);
      }
    }
    // The middleware alone, where no SDK resolves: no warning from either entry.
    const bare = path.join(dir, 'bare');
    fs.cpSync(PKG, path.join(bare, 'node_modules', 'iot-jobs-policy'), { recursive: true, dereference: true });
    fs.writeFileSync(path.join(bare, 'a.mjs'), "import { iotJobsPolicyMiddleware } from 'iot-jobs-policy/aws-sdk';\nconsole.log(typeof iotJobsPolicyMiddleware());\n");
    fs.writeFileSync(path.join(bare, 'a.cjs'), "const { iotJobsPolicyMiddleware } = require('iot-jobs-policy/aws-sdk');\nconsole.log(typeof iotJobsPolicyMiddleware());\n");
    for (const entry of ['a.mjs', 'a.cjs']) {
      for (const format of ['cjs', 'esm']) {
        const result = await esbuild.build({ entryPoints: [path.join(bare, entry)], bundle: true, platform: 'node', format, write: false, logLevel: 'silent' });
        assert.deepEqual(result.warnings.map((w) => w.text), [], `${entry} as ${format} without the SDK`);
      }
    }
  } finally {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// In a browser app bundled with the real SDK (esbuild, platform browser; the
// `browser` condition picks aws-sdk.web.mjs), run in headless Chromium: the
// hook, the warnings option, the error's classes (recognised through the
// shape ids, or built over `baseException`) and a passed-through command.
test('in Chromium, bundled with the SDK: onReport, warnings, the SDK\'s classes, a passed-through command', async () => {
  const esbuild = createRequire(import.meta.url)('esbuild');
  const { pageResults, serve } = await import('./shared/chromium.mjs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iot-jobs-policy-mw-browser-'));
  const out = path.join(dir, 'out');
  let server;
  try {
    fs.cpSync(PKG, path.join(dir, 'node_modules', 'iot-jobs-policy'), { recursive: true, dereference: true });
    for (const scope of ['@aws-sdk', '@smithy']) fs.symlinkSync(path.join(JS, 'node_modules', scope), path.join(dir, 'node_modules', scope), 'dir');
    fs.writeFileSync(path.join(dir, 'app.mjs'), `
import { init } from 'iot-jobs-policy';
import { iotJobsPolicyMiddleware, InvalidRequestException, PASSED_THROUGH } from 'iot-jobs-policy/aws-sdk';
import { IoTClient, CreateJobCommand, DescribeJobCommand, CancelJobCommand, IoTServiceException, InvalidRequestException as SdkInvalid } from '@aws-sdk/client-iot';
const valid = ${JSON.stringify(valid)};
const warned = ${JSON.stringify(warned)};
const sent = [];
const handler = {
  metadata: { handlerProtocol: 'http/1.1' },
  async handle(request) {
    sent.push(request.method + ' ' + request.path);
    const body = new TextEncoder().encode('{"jobId":"x"}');
    return { response: { statusCode: 200, headers: { 'content-type': 'application/json' }, body } };
  },
  updateHttpClientConfig() {}, httpHandlerConfigs() { return {}; },
};
const lines = [];
const logger = { trace() {}, debug() {}, info() {}, warn: (line) => lines.push(line), error() {} };
const client = (options) => {
  const c = new IoTClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' }, requestHandler: handler, maxAttempts: 1, logger });
  c.middlewareStack.use(iotJobsPolicyMiddleware(options));
  return c;
};
const refusal = (p) => p.then(() => null, (e) => e);
const classes = (e) => e && ({ ours: e instanceof InvalidRequestException, service: e instanceof IoTServiceException, sdk: e instanceof SdkInvalid, chain: IoTServiceException.prototype.isPrototypeOf(e), codes: e.violations.map((v) => v.code) });
async function main() {
  await init(new URL('iot_jobs_policy_bg.wasm', location.href));
  const reports = [];
  const c = client({ onReport: (r, call) => reports.push([call.commandName, r.valid, r.violations.length]) });
  await c.send(new CreateJobCommand(valid));
  await c.send(new CreateJobCommand(warned));
  const invalid = await refusal(c.send(new DescribeJobCommand({ jobId: 'a b' })));
  await c.send(new CancelJobCommand({ jobId: 'a b' }));
  const over = await refusal(client({ baseException: SdkInvalid }).send(new DescribeJobCommand({ jobId: 'a b' })));
  const thrown = await refusal(client({ warnings: 'throw' }).send(new CreateJobCommand(warned)));
  return { reports, sent, lines, invalid: classes(invalid), over: classes(over), thrown: classes(thrown), passed: Object.keys(PASSED_THROUGH).length };
}
main().then((r) => { window.__results = r; }, (e) => { window.__results = { error: String(e && e.stack || e) }; });
`);
    const result = await esbuild.build({ entryPoints: [path.join(dir, 'app.mjs')], bundle: true, platform: 'browser', format: 'esm', outfile: path.join(out, 'app.js'), logLevel: 'silent' });
    assert.deepEqual(result.warnings.map((w) => w.text), []);
    fs.copyFileSync(path.join(PKG, 'iot_jobs_policy_bg.wasm'), path.join(out, 'iot_jobs_policy_bg.wasm'));
    fs.writeFileSync(path.join(out, 'index.html'), '<!doctype html><script type="module" src="app.js"></script>');
    server = await serve({ '/': out }, { csp: () => "script-src 'self' 'wasm-unsafe-eval'" });
    const { results: r, logs } = await pageResults(`${server.base}/index.html`);
    assert.equal(r.error, undefined, `${r.error}\n${logs.join('\n')}`);
    assert.deepEqual(r.reports, [['CreateJobCommand', true, 0], ['CreateJobCommand', true, 2], ['DescribeJobCommand', false, 1]]);
    assert.deepEqual(r.sent, ['PUT /jobs/firmware-1', 'PUT /jobs/firmware-2', 'PUT /jobs/a%20b/cancel']);
    assert.equal(r.lines.length, 1, r.lines.join('\n'));
    assert.match(r.lines[0], /^iot-jobs-policy: CreateJob request sent with 2 warning\(s\): duplicate at \/abortConfig\/criteriaList\/1\/failureType: /);
    assert.deepEqual(r.invalid, { ours: true, service: true, sdk: true, chain: false, codes: ['pattern'] });
    assert.deepEqual(r.over, { ours: true, service: true, sdk: true, chain: true, codes: ['pattern'] });
    assert.deepEqual(r.thrown, { ours: true, service: true, sdk: true, chain: false, codes: ['duplicate', 'suspicious'] });
    assert.equal(r.passed, Object.keys(PASSED_THROUGH).length);
  } finally {
    if (server) await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

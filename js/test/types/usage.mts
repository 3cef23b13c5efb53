// Type-checked by `tsc --noEmit -p test/types` (must pass): typical use from an ES module.
import { validate, isValid, rules, codes, init, initSync, schema, schemaInfo, type Report, type Violation, type ErrorCode, type Options, type JsonSchema, type SchemaOptions } from 'iot-jobs-policy';
import { iotJobsPolicyMiddleware, InvalidRequestException } from 'iot-jobs-policy/aws-sdk';
import { IoTClient, CreateJobCommand } from '@aws-sdk/client-iot';

await init();
initSync(new Uint8Array(0));
initSync(new Uint8Array(0), { extras: new Uint8Array(0) });
await init(new URL('https://example.com/iot_jobs_policy_bg.wasm'), { extras: fetch('https://example.com/iot_jobs_policy_extras_bg.wasm') });
const options: Options = { api: '2022-01', profile: 'model', now: new Date() };
const report: Report = validate('CreateJob', { jobId: 'a', targets: ['arn:x'] }, options);
const first: Violation | undefined = report.violations[0];
const code: ErrorCode | undefined = first?.code;
if (code === 'maxLength' || code === 'pattern') console.log(first?.path, first?.help ?? '');
const aws: string | null = report.awsMessage;
const ok: boolean = isValid('update_job', '{"jobId":"j"}', { now: 1_700_000_000_000 });
const all: string[] = rules().map((r) => (r.kind === 'validator' ? `${r.id} ${r.code} ${r.severity} ${r.source} ${r.link} ${r.reference ?? ''}` : `${r.id} ${r.provenance} ${r.links.join(' ')} ${r.choice ?? ''}`));
const known: ErrorCode[] = codes();
console.log(aws, ok, all, known);
const schemaOptions: SchemaOptions = { dialect: 'draft-07', api: 'latest', profile: 'documented' };
const jobSchema: JsonSchema = schema('CreateJob', schemaOptions);
const expressed: string[] = schemaInfo().expressedRules;
console.log(jobSchema.$id, jobSchema.$comment, jobSchema['properties'], schema('update_job'), expressed, schemaInfo().inexpressible, schemaInfo().dialects);

const client = new IoTClient({ region: 'eu-west-1' });
client.middlewareStack.use(iotJobsPolicyMiddleware({ now: () => Date.now() }));
const mw = iotJobsPolicyMiddleware();
client.middlewareStack.add(mw, { step: 'initialize', name: 'iotJobsPolicy', override: true });
try {
  await client.send(new CreateJobCommand({ jobId: 'a', targets: ['arn:x'] }));
} catch (e) {
  if (e instanceof InvalidRequestException) {
    const fault: 'client' = e.$fault;
    console.log(fault, e.message, e.violations.map((v) => v.code), e.report.valid);
  }
}
